/**
 * {{placeholders}} in lab commands, and shell quoting.
 *
 * A command is scanned once into segments; each placeholder remembers the shell quoting context
 * it sits in (bare, inside "double" or inside 'single' quotes), so a substituted value is always
 * one safe word: `bookinfo` stays bare, `my ns` becomes `'my ns'` when bare, `my\ ns`-free
 * escaping inside double quotes, and `'\''`-style splicing inside single quotes.
 * Limitation: the scanner knows quotes and backslashes, not heredocs or comments; an apostrophe
 * in a heredoc body or comment before a placeholder would confuse it (write such text after).
 */

export type QuoteContext = 'bare' | 'double' | 'single';

export type Segment =
  | {readonly kind: 'text'; readonly text: string}
  | {readonly kind: 'variable'; readonly name: string; readonly quote: QuoteContext; readonly raw: string}
  | {readonly kind: 'manifest'; readonly file: string; readonly quote: QuoteContext; readonly raw: string}
  | {readonly kind: 'unknown'; readonly raw: string; readonly quote: QuoteContext};

const VARIABLE_NAME = /^[A-Z][A-Z0-9_]*$/;
const MANIFEST_REF = /^manifest:([A-Za-z0-9][A-Za-z0-9._-]*)$/;
/** `{{.Status}}`, `{{range …}}`, `{{$x}}`…: Go templates (kubectl -o go-template) stay literal. */
const GO_TEMPLATE = /^(\.|\$|-|(range|end|if|else|with|index|printf|len|define|template|block)\b)/;

/** Splits a command into literal text and placeholders, tracking the shell quote context. */
export function parseTemplate(command: string): Segment[] {
  const segments: Segment[] = [];
  let text = '';
  let quote: QuoteContext = 'bare';
  /** Open `$(…)` substitutions: each starts a fresh bare context and restores the outer one. */
  const substitutions: {outer: QuoteContext; parens: number}[] = [];
  let index = 0;
  while (index < command.length) {
    const char = command[index] as string;
    if (command.startsWith('{{', index)) {
      const end = command.indexOf('}}', index + 2);
      if (end !== -1) {
        const raw = command.slice(index, end + 2);
        const inner = raw.slice(2, -2).trim();
        if (GO_TEMPLATE.test(inner)) {
          text += raw;
          index = end + 2;
          continue;
        }
        if (text) segments.push({kind: 'text', text});
        text = '';
        const manifest = MANIFEST_REF.exec(inner);
        if (VARIABLE_NAME.test(inner)) segments.push({kind: 'variable', name: inner, quote, raw});
        else if (manifest) segments.push({kind: 'manifest', file: manifest[1] as string, quote, raw});
        else segments.push({kind: 'unknown', raw, quote});
        index = end + 2;
        continue;
      }
    }
    text += char;
    if (char === '\\' && quote !== 'single' && index + 1 < command.length) {
      text += command[index + 1];
      index += 2;
      continue;
    }
    if (quote !== 'single' && command.startsWith('$(', index)) {
      text += '(';
      substitutions.push({outer: quote, parens: 0});
      quote = 'bare';
      index += 2;
      continue;
    }
    const innermost = substitutions[substitutions.length - 1];
    if (innermost && quote === 'bare' && char === '(') innermost.parens += 1;
    else if (innermost && quote === 'bare' && char === ')') {
      if (innermost.parens > 0) innermost.parens -= 1;
      else quote = (substitutions.pop() as {outer: QuoteContext}).outer;
    } else if (char === "'" && quote !== 'double') quote = quote === 'single' ? 'bare' : 'single';
    else if (char === '"' && quote !== 'single') quote = quote === 'double' ? 'bare' : 'double';
    index += 1;
  }
  if (text) segments.push({kind: 'text', text});
  return segments;
}

const SAFE_BARE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes a value as one shell word: bare when it is plainly safe, single-quoted otherwise. */
export function shellQuote(value: string): string {
  if (SAFE_BARE_WORD.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A value placed in a given quote context so that it stays one literal word. */
export function quoteInContext(value: string, quote: QuoteContext): string {
  switch (quote) {
    case 'bare':
      return shellQuote(value);
    case 'double':
      return value.replace(/[\\"$`]/g, (match) => `\\${match}`);
    case 'single':
      return value.replace(/'/g, `'\\''`);
  }
}

export interface PageSubstitution {
  /** The learner's values, by variable name (missing names fall back to `defaults`). */
  readonly values: Readonly<Record<string, string>>;
  /** Published URL of a manifest of this lab. */
  readonly manifestUrl: (file: string) => string;
}

/** The command as a learner pastes it: values and manifest URLs in, safely quoted. */
export function renderForPage(command: string, substitution: PageSubstitution): string {
  return parseTemplate(command)
    .map((segment) => {
      switch (segment.kind) {
        case 'text':
          return segment.text;
        case 'variable': {
          const value = substitution.values[segment.name];
          return value === undefined ? segment.raw : quoteInContext(value, segment.quote);
        }
        case 'manifest':
          return quoteInContext(substitution.manifestUrl(segment.file), segment.quote);
        case 'unknown':
          return segment.raw;
      }
    })
    .join('');
}

/** The command as run.sh runs it: variables expand from the environment, manifests are local. */
export function renderForScript(command: string): string {
  return parseTemplate(command)
    .map((segment) => {
      switch (segment.kind) {
        case 'text':
          return segment.text;
        case 'variable':
          if (segment.quote === 'double') return `\${${segment.name}}`;
          if (segment.quote === 'single') return `'"\${${segment.name}}"'`;
          return `"\${${segment.name}}"`;
        case 'manifest':
          return quoteInContext(`manifests/${segment.file}`, segment.quote);
        case 'unknown':
          return segment.raw;
      }
    })
    .join('');
}

/** Problems with the placeholders of one command (unknown variable, unknown file, bad syntax). */
export function placeholderProblems(
  command: string,
  variables: ReadonlySet<string>,
  manifests: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  for (const segment of parseTemplate(command)) {
    if (segment.kind === 'variable' && !variables.has(segment.name)) {
      problems.push(`${segment.raw} is not a declared variable (declare it under "variables")`);
    } else if (segment.kind === 'manifest' && !manifests.has(segment.file)) {
      problems.push(`${segment.raw}: no file manifests/${segment.file} in this lab`);
    } else if (segment.kind === 'unknown') {
      problems.push(`${segment.raw} is not a placeholder: use {{NAME}} for a variable or {{manifest:FILE}} for a manifest`);
    }
  }
  return problems;
}
