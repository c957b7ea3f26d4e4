import React, {useEffect, useMemo, useRef} from 'react';
import {CodeEditor, SandpackProvider, type CodeEditorRef, type SandpackTheme} from '@codesandbox/sandpack-react';
import {EditorView} from '@codemirror/view';
import {setErrorLines, YAML_EXTENSIONS, YAML_LANGUAGES} from './yamlLanguage';
import styles from './styles.module.css';

/**
 * Sandpack's CodeMirror editor on its own: a SandpackProvider (which the editor needs for its
 * context) and the CodeEditor, with no preview, so nothing ever starts Sandpack's bundler.
 * Colours come from the site's CSS variables, so the editor follows light and dark mode.
 */
const theme: SandpackTheme = {
  colors: {
    surface1: 'var(--pg-surface)',
    surface2: 'var(--ifm-color-emphasis-300)',
    surface3: 'var(--ifm-color-emphasis-200)',
    clickable: 'var(--ifm-color-emphasis-700)',
    base: 'var(--ifm-font-color-base)',
    disabled: 'var(--ifm-color-emphasis-700)',
    hover: 'var(--ifm-font-color-base)',
    accent: 'var(--ifm-color-primary)',
    error: 'var(--pg-error)',
    errorSurface: 'var(--pg-error-surface)',
  },
  syntax: {
    plain: 'var(--ifm-font-color-base)',
    comment: {color: 'var(--pg-syntax-comment)', fontStyle: 'italic'},
    keyword: 'var(--pg-syntax-key)',
    tag: 'var(--pg-syntax-key)',
    punctuation: 'var(--pg-syntax-punctuation)',
    definition: 'var(--pg-syntax-key)',
    property: 'var(--pg-syntax-key)',
    static: 'var(--pg-syntax-string)',
    string: 'var(--pg-syntax-string)',
  },
  font: {
    body: 'var(--ifm-font-family-base)',
    mono: 'var(--ifm-font-family-monospace)',
    size: '0.875rem',
    lineHeight: '1.5em',
  },
};

interface YamlEditorProps {
  readonly code: string;
  readonly onChange: (code: string) => void;
  /** Lines (1-based) with an error, highlighted in the editor. */
  readonly errorLines: readonly number[];
  readonly labelId: string;
  /** Id of the one-line keyboard help under the editor. */
  readonly helpId: string;
}

export default function YamlEditor({code, onChange, errorLines, labelId, helpId}: YamlEditorProps): React.JSX.Element {
  const editor = useRef<CodeEditorRef>(null);
  const key = errorLines.join(',');
  useEffect(() => {
    editor.current?.getCodemirror()?.dispatch({effects: setErrorLines.of(key ? key.split(',').map(Number) : [])});
  }, [key]);
  // Sandpack re-applies the extensions whenever the array changes identity: keep it stable.
  const extensions = useMemo(() => [...YAML_EXTENSIONS, EditorView.contentAttributes.of({'aria-describedby': helpId})], [helpId]);
  return (
    <SandpackProvider
      theme={theme}
      files={{'/mesh.yaml': {code}}}
      options={{activeFile: '/mesh.yaml', visibleFiles: ['/mesh.yaml'], autorun: false, initMode: 'immediate'}}
    >
      <div className={styles.editorHost} aria-labelledby={labelId} data-testid="yaml-editor">
        <CodeEditor
          code={code}
          filePath="/mesh.yaml"
          fileType="yaml"
          onCodeUpdate={onChange}
          showLineNumbers
          initMode="immediate"
          ref={editor}
          additionalLanguages={YAML_LANGUAGES}
          extensions={extensions}
        />
      </div>
    </SandpackProvider>
  );
}
