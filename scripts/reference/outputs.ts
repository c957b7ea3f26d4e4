/**
 * outputs.json: what Istio prints.
 * - tables: the column headers istioctl prints, from the golden test outputs under istioctl/
 *   (testdata *.txt / *.golden) and from header literals in its Go sources (tab-separated
 *   strings and `[]string{"NAME", …}` header slices);
 * - analyzers: every analyzer message (code → name, level, template) from
 *   pkg/config/analysis/msg/messages.yaml;
 * - logs.istio: format strings of the Info/Warn/Error/Fatal log calls in the Go components
 *   (istiod, pilot-agent, istio-cni: pilot/, security/, pkg/, cni/);
 * - logs.ztunnel: the messages of ztunnel's info!/warn!/error! macros (Rust sources).
 */
import {parse} from 'yaml';
import type {GitTree} from './git';
import {goString, stripComments} from './golang';

const HEADER_WORD = /^[A-Z][A-Z0-9_./()%-]*(?: [A-Z][A-Z0-9_./()%-]*)*$/;

/** Column names of a header line (tab- or 2+-space-separated), if it is one. */
export function headerColumns(line: string): string[] | undefined {
  const cols = line.trim().split(/\t+|\s{2,}/).map((c) => c.trim()).filter(Boolean);
  if (cols.length < 2 || !cols.every((c) => HEADER_WORD.test(c)) || !cols.some((c) => c.length >= 3)) return undefined;
  return cols;
}

function tablesFrom(tree: GitTree): string[][] {
  const found = new Map<string, string[]>();
  // compared word by word: tabwriter pads with single spaces when a column is narrow
  const add = (cols: string[] | undefined): void => {
    if (cols) found.set(cols.join(' '), cols.join(' ').split(' '));
  };
  const goldens = tree.filesUnder('istioctl').filter((p) => /\/testdata\//.test(p) && /\.(txt|golden)$/.test(p));
  for (const text of tree.readMany(goldens).values()) {
    for (const line of text.split('\n').slice(0, 40)) add(headerColumns(line));
  }
  // expected outputs written into the tests (string literals of *_test.go)
  const tests = tree.filesUnder('istioctl').filter((p) => p.endsWith('_test.go'));
  for (const source of tree.readMany(tests).values()) {
    for (const m of stripComments(source).matchAll(/`([^`]*)`|"((?:[^"\\\n]|\\.)*)"/g)) {
      const value = m[1] ?? goString(`"${m[2]}"`) ?? '';
      for (const line of value.split('\n')) add(headerColumns(line));
    }
  }
  const sources = tree.filesUnder('istioctl').filter((p) => p.endsWith('.go') && !p.endsWith('_test.go'));
  for (const source of tree.readMany(sources).values()) {
    const text = stripComments(source);
    for (const m of text.matchAll(/"((?:[^"\\\n]|\\.)*\\t(?:[^"\\\n]|\\.)*)"/g)) {
      const value = goString(`"${m[1]}"`) ?? '';
      add(headerColumns(value.replace(/%\S+/g, '').replace(/\n/g, '')));
    }
    for (const header of builtHeaders(text)) add(headerColumns(header));
    for (const m of text.matchAll(/\[\]string\{\s*("[A-Z][^}]*)\}/g)) {
      const cols = m[1]!.split(',').map((s) => goString(s.trim())).filter((s): s is string => s !== undefined);
      if (cols.length === m[1]!.split(',').filter((s) => s.trim()).length) add(headerColumns(cols.join('\t')));
    }
  }
  return [...found.keys()].sort().map((k) => found.get(k)!);
}

/**
 * Headers built up in a variable: `h := "A\tB"`, then `h = "X\t" + h` / `h += "\tY"` under
 * conditions. Every combination of the modifications is kept (a few impossible ones included).
 */
function builtHeaders(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(\w+)\s*:=\s*"([^"\n]*\\t[^"\n]*)"/g)) {
    const name = m[1]!;
    const base = goString(`"${m[2]}"`) ?? '';
    const rest = text.slice(m.index! + m[0].length);
    const mods: ((h: string) => string)[] = [];
    for (const p of rest.matchAll(new RegExp(`\\b${name}\\s*=\\s*"([^"\\n]*)"\\s*\\+\\s*${name}\\b`, 'g'))) {
      const prefix = goString(`"${p[1]}"`) ?? '';
      mods.push((h) => prefix + h);
    }
    for (const p of rest.matchAll(new RegExp(`\\b${name}\\s*\\+=\\s*"([^"\\n]*)"`, 'g'))) {
      const suffix = goString(`"${p[1]}"`) ?? '';
      mods.push((h) => h + suffix);
    }
    const used = mods.slice(0, 4);
    for (let mask = 0; mask < 1 << used.length; mask++) {
      out.push(used.reduce((h, mod, i) => (mask & (1 << i) ? mod(h) : h), base));
    }
  }
  return out;
}

export interface AnalyzerMessage {
  name: string;
  level: string;
  template: string;
}

function analyzers(tree: GitTree): Record<string, AnalyzerMessage> {
  const data = parse(tree.read('pkg/config/analysis/msg/messages.yaml')) as {messages: {name: string; code: string; level: string; template: string}[]};
  return Object.fromEntries(data.messages.map((m) => [m.code, {name: m.name, level: m.level, template: m.template}]).sort(([a], [b]) => String(a).localeCompare(String(b))));
}

const GO_LOG_DIRS = ['pilot', 'security', 'pkg', 'cni'];

/** Format strings of log calls (not fmt.Errorf / t.Errorf): `x.Infof("…"`, `log.Warn("…"`. */
function goLogStrings(tree: GitTree): string[] {
  const paths = GO_LOG_DIRS.flatMap((d) => tree.filesUnder(d)).filter((p) => p.endsWith('.go') && !p.endsWith('_test.go') && !/\/(testdata|test|fake)\//.test(p));
  const out = new Set<string>();
  for (const source of tree.readMany(paths).values()) {
    for (const m of stripComments(source).matchAll(/\b(\w+)(?:\.\w+\([^()]*\))?\.(?:Info|Warn|Error|Fatal)f?\(\s*("(?:[^"\\\n]|\\.)*"|`[^`]*`)/g)) {
      if (['fmt', 'errors', 't', 'b', 'tb', 'status', 'grpcstatus', 'klog'].includes(m[1]!)) continue;
      const value = goString(m[2]!);
      if (value && value.trim()) out.add(value.trim());
    }
  }
  return [...out].sort();
}

/**
 * The message of ztunnel's tracing macros: `info!(field = x, "message {}", y)` and the access
 * log's `event!(target: "access", …, "connection complete")` — the first string literal that is
 * an argument of its own (not a `field = "value"` or `target: "…"`).
 */
function ztunnelLogStrings(tree: GitTree): {messages: string[]; fields: string[]} {
  const paths = tree.files().filter((p) => /^src\/.*\.rs$/.test(p));
  const out = new Set<string>();
  const fields = new Set<string>();
  for (const source of tree.readMany(paths).values()) {
    for (const m of source.matchAll(/\b(?:info|warn|error|event)!\(([^;]*?)\);/gs)) {
      for (const literal of m[1]!.matchAll(/([(,]|^)\s*"((?:[^"\\]|\\.)*)"/g)) {
        const text = literal[2]!.replace(/\\"/g, '"').trim();
        if (text) out.add(text);
        break;
      }
      for (const field of m[1]!.matchAll(/(?:^|[(,])\s*%?([a-z_][\w.]*)\s*=[^=]/g)) fields.add(field[1]!);
    }
  }
  return {messages: [...out].sort(), fields: [...fields].sort()};
}

export function generateOutputs(istio: GitTree, ztunnel?: GitTree): Record<string, unknown> {
  const tables = tablesFrom(istio);
  const messages = analyzers(istio);
  const logs: Record<string, string[]> = {istio: goLogStrings(istio)};
  if (ztunnel) {
    const z = ztunnelLogStrings(ztunnel);
    logs.ztunnel = z.messages;
    logs.ztunnelFields = z.fields;
  }
  return {
    counts: {tables: tables.length, analyzers: Object.keys(messages).length, ...Object.fromEntries(Object.entries(logs).map(([k, v]) => [`logs.${k}`, v.length]))},
    tables,
    analyzers: messages,
    logs,
  };
}
