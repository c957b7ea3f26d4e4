/**
 * What turns Sandpack's CodeMirror into a YAML editor for Istio resources: @codemirror/lang-yaml
 * (highlighting, folding, indentation from the syntax tree), one indentation rule it lacks
 * (deeper after a line that ends in `key:`), and completion and hover documentation for Istio
 * fields from src/lib/schemaDocs. Part of the editor chunk only: no other page imports it.
 *
 * The arrays are module constants on purpose: Sandpack re-applies `extensions` whenever the
 * array it receives is a different object.
 */
import {autocompletion, type Completion, type CompletionContext, type CompletionResult} from '@codemirror/autocomplete';
import {yaml} from '@codemirror/lang-yaml';
import {foldGutter, indentService, indentUnit} from '@codemirror/language';
import {StateEffect, StateField, type Extension} from '@codemirror/state';
import {Decoration, EditorView, hoverTooltip, type DecorationSet, type Tooltip} from '@codemirror/view';
import type {CustomLanguage} from '@codesandbox/sandpack-react';
import {fieldDoc, fieldsAt, knownKinds, yamlContext, type FieldDoc} from '@site/src/lib/schemaDocs';

export const YAML_LANGUAGES: CustomLanguage[] = [{name: 'yaml', extensions: ['yaml', 'yml'], language: yaml()}];

/** Enter after `key:` or `- key:` (no value yet) opens the key's block one level deeper. */
const deeperAfterKey = indentService.of((context, pos) => {
  const line = context.lineAt(pos, -1);
  const before = line.text.slice(0, pos - line.from);
  const opens = /^(\s*(?:-\s+)*)[^\s#][^#]*:\s*(#.*)?$/.exec(before);
  return opens ? (opens[1] ?? '').length + context.unit : undefined;
});

function describe(doc: FieldDoc): string {
  const parts = [`${doc.name}: ${doc.type}`];
  if (doc.description) parts.push(doc.description);
  if (doc.children?.length) parts.push(`Fields: ${doc.children.join(', ')}.`);
  return parts.join('\n');
}

function keyCompletions(kindOf: {apiVersion?: string; kind?: string}, path: readonly string[]): Completion[] {
  const fields = kindOf.apiVersion && kindOf.kind ? fieldsAt(kindOf.apiVersion, kindOf.kind, path) : path.length === 0 ? fieldsAt('', '', []) : [];
  return fields.map((doc) => ({
    label: doc.name,
    type: 'property',
    detail: doc.type.length > 40 ? `${doc.type.slice(0, 39)}…` : doc.type,
    info: describe(doc),
    apply: doc.children || doc.type.startsWith('list') || doc.type.startsWith('map') ? `${doc.name}:` : `${doc.name}: `,
  }));
}

function valueCompletions(kindOf: {apiVersion?: string; kind?: string}, path: readonly string[], key: string): Completion[] {
  if (path.length === 0 && key === 'kind') return [...new Set(knownKinds().map((item) => item.kind))].map((kind) => ({label: kind, type: 'type'}));
  if (path.length === 0 && key === 'apiVersion') {
    const versions = knownKinds().filter((item) => !kindOf.kind || item.kind === kindOf.kind);
    return [...new Set(versions.map((item) => item.apiVersion))].map((version) => ({label: version, type: 'namespace'}));
  }
  if (!kindOf.apiVersion || !kindOf.kind) return [];
  return (fieldDoc(kindOf.apiVersion, kindOf.kind, [...path, key])?.values ?? []).map((value) => ({label: value, type: 'enum'}));
}

function istioCompletions(context: CompletionContext): CompletionResult | null {
  const where = yamlContext(context.state.doc.toString(), context.pos);
  if (where.key) {
    if (!where.key.text && !context.explicit) return null;
    const options = keyCompletions(where, where.path);
    return options.length ? {from: where.key.from, options, validFor: /^[\w$.-]*$/} : null;
  }
  if (where.value && !where.value.text.includes(' ')) {
    const options = valueCompletions(where, where.path, where.value.key);
    return options.length ? {from: where.value.from, options, validFor: /^[\w$./-]*$/} : null;
  }
  return null;
}

const fieldHover = hoverTooltip((view, pos): Tooltip | null => {
  const where = yamlContext(view.state.doc.toString(), pos);
  if (!where.key?.text || !where.apiVersion || !where.kind) return null;
  const doc = fieldDoc(where.apiVersion, where.kind, [...where.path, where.key.text]);
  if (!doc) return null;
  return {
    pos: where.key.from,
    end: where.key.from + where.key.text.length,
    above: true,
    create: () => {
      const dom = document.createElement('div');
      dom.className = 'cm-istio-doc';
      dom.textContent = describe(doc);
      return {dom};
    },
  };
});

/** Sets the (1-based) lines that have an error; lines beyond the text are ignored. */
export const setErrorLines = StateEffect.define<readonly number[]>();
const errorLine = Decoration.line({class: 'pg-error-line'});

/**
 * Error lines as decorations that move with the text while the next check is pending, and are
 * clamped to the text when set: the lines come from a check of an older text, which may be
 * longer than the current one (Sandpack's own `decorators` throw on a line that no longer exists).
 */
const errorLines = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, transaction) {
    let next = value.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(setErrorLines)) continue;
      const {doc} = transaction.state;
      const lines = [...new Set(effect.value)].filter((line) => line >= 1 && line <= doc.lines).sort((a, b) => a - b);
      next = Decoration.set(lines.map((line) => errorLine.range(doc.line(line).from)));
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export const YAML_EXTENSIONS: Extension[] = [
  errorLines,
  indentUnit.of('  '),
  deeperAfterKey,
  foldGutter(),
  autocompletion({override: [istioCompletions], icons: false}),
  fieldHover,
];
