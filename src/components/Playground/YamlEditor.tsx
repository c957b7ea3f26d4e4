import React from 'react';
import {CodeEditor, SandpackProvider, type SandpackTheme} from '@codesandbox/sandpack-react';
import type {Problem} from '@site/src/lib/problem';
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
    comment: 'var(--ifm-color-emphasis-700)',
    keyword: 'var(--ifm-font-color-base)',
    tag: 'var(--ifm-font-color-base)',
    punctuation: 'var(--ifm-font-color-base)',
    definition: 'var(--ifm-font-color-base)',
    property: 'var(--ifm-font-color-base)',
    static: 'var(--ifm-font-color-base)',
    string: 'var(--ifm-font-color-base)',
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
  readonly diagnostics: readonly Problem[];
  readonly labelId: string;
}

export default function YamlEditor({code, onChange, diagnostics, labelId}: YamlEditorProps): React.JSX.Element {
  const decorators = diagnostics
    .filter((diagnostic) => (diagnostic.severity ?? 'error') === 'error')
    .map((diagnostic) => ({line: diagnostic.line, className: styles.errorLine}));
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
          decorators={decorators}
        />
      </div>
    </SandpackProvider>
  );
}
