/**
 * What Istio prints, as data to match against: istioctl table headers, analyzer messages, and
 * log lines of the Go components (istiod, pilot-agent, istio-cni) and ztunnel
 * (src/data/istio-reference/outputs.json). Pure string matching, no file handling.
 */
import {ANALYZER_MESSAGES, ISTIOCTL_TABLES, LOG_FORMATS} from '../../data/istio-reference/reference';
import {closestText} from './similar';

/** istiod / istio-cni (Go), a sidecar or gateway (pilot-agent's Go strings plus Envoy's own lines), ztunnel. */
export type LogSource = 'istio' | 'proxy' | 'ztunnel';

/** Literal pieces of a format string (Go `%v` verbs or Rust `{}` holes removed). */
export function formatPieces(format: string): string[] {
  return format
    .replace(/%%/g, '\u0001')
    .split(/%[-+# 0]*\d*(?:\.\d+)?[a-zA-Z]|\{[\w.]*(?::[^}]*)?\}/)
    .map((p) => p.replace(/\u0001/g, '%').replace(/\{\{/g, '{').replace(/\}\}/g, '}'));
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const compiled = new Map<string, RegExp>();
/** The whole message a format prints (holes match anything; structured `key=value` fields may follow). */
function formatRegex(format: string): RegExp {
  let re = compiled.get(format);
  if (!re) {
    const pieces = formatPieces(format);
    const body = pieces.map((p, i) => escape(p) + (i < pieces.length - 1 ? hole(i === pieces.length - 2 && pieces[i + 1] === '') : '')).join('');
    re = new RegExp(`^${body}(?:[\\s,]+[\\w.]+=.*)?$`, 's');
    compiled.set(format, re);
  }
  return re;
}

/** What a hole (`%v`, `{}`) may stand for: one token, or anything when it ends the message (an error). */
const hole = (last: boolean): string => (last ? '.*' : '\\S*');

/**
 * True when some output of `format` can contain `text` (a grep pattern's literal): inside one
 * literal piece, or across holes, with at least 4 characters (or all of a shorter text) coming
 * from the format's own words, so a bare `%s` does not "print" everything.
 */
export function canContain(format: string, text: string): boolean {
  const pieces = formatPieces(format);
  if (pieces.some((p) => p.includes(text))) return true;
  const need = Math.min(4, text.length);
  for (let i = 0; i < pieces.length - 1; i++) {
    for (let j = i + 1; j < Math.min(pieces.length, i + 4); j++) {
      let body = '';
      for (let k = i; k < j; k++) body += (k > i ? escape(pieces[k]!) : '') + hole(k === pieces.length - 2 && pieces[k + 1] === '');
      const middle = new RegExp(`^${body}$`, 's');
      const inner = pieces.slice(i + 1, j).reduce((n, p) => n + p.length, 0);
      for (let a = 0; a <= text.length; a++) {
        if (!pieces[i]!.endsWith(text.slice(0, a))) continue;
        for (let b = text.length; b >= a; b--) {
          if (a + (text.length - b) + inner < need) continue;
          if (pieces[j]!.startsWith(text.slice(b)) && middle.test(text.slice(a, b))) return true;
        }
      }
    }
  }
  return false;
}

/** Formats with some words of their own (a bare "%v" or "{}" could be anything: it proves nothing). */
const worded = (formats: readonly string[]): string[] => formats.filter((f) => formatPieces(f).join('').trim().length >= 3);
const FORMATS = {istio: worded(LOG_FORMATS.istio), ztunnel: worded(LOG_FORMATS.ztunnel)};
const formatsOf = (source: LogSource): readonly string[] => (source === 'ztunnel' ? FORMATS.ztunnel : FORMATS.istio);

/** Text Envoy writes into a proxy's log (access log: method, path, status, response flags). */
const ENVOY_TEXT = /^(GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS)\b|\/|\b[1-5]\d\d\b|^[A-Z]{2}(,[A-Z]{2})*$|^"/;

/** A ztunnel access-log field (`src.identity=…`). */
const isZtunnelField = (text: string): boolean => {
  const m = /^([a-z_][\w.]*)=/.exec(text);
  return m !== null && LOG_FORMATS.ztunnelFields.includes(m[1]!);
};

export interface Verdict {
  readonly ok: boolean;
  readonly closest?: string;
}

/**
 * A grep pattern over a component's log: some log message must be able to contain it. With
 * alternatives (`a|b` under -E, `a\\|b` in a basic regex) every alternative must: a branch
 * matching nothing Istio prints is dead and misleads.
 */
export function grepVerdict(pattern: string, source: LogSource, ignoreCase = false): Verdict {
  const alternatives = pattern.split(/\\?\|/).filter((a) => a !== '');
  if (alternatives.length > 1) {
    for (const alternative of alternatives) {
      const v = grepVerdict(alternative, source, ignoreCase);
      if (!v.ok) return v;
    }
    return {ok: true};
  }
  const norm = (s: string): string => (ignoreCase ? s.toLowerCase() : s);
  if (source === 'proxy' && ENVOY_TEXT.test(pattern)) return {ok: true};
  if (source === 'ztunnel' && isZtunnelField(pattern)) return {ok: true};
  // a basic/extended regex: every literal run must be printable (in order, by one message)
  const literals = pattern.split(/\.\*|\.\+|\\[sSwWdD]|[\^$()]|\[[^\]]*\]\*?/).map((p) => p.replace(/\\(.)/g, '$1')).filter((p) => p.length > 0);
  const formats = formatsOf(source);
  const ok = formats.some((f) => literals.every((l) => canContain(norm(f), norm(l))));
  return ok ? {ok} : {ok, closest: closestText(pattern, formats)};
}

const LOG_PREFIX = /^\s*(\d{4}-\d\d-\d\dT[\d:.]+Z?)\s+(info|warn|warning|error|debug|fatal)\s+(.*)$/i;

export type LineKind = 'log' | 'envoy' | 'other';

/** Classifies an output line and, for Istio log lines, matches the message. */
export function logLineVerdict(line: string, source: LogSource): {kind: LineKind; verdict?: Verdict; message?: string} {
  if (/^\s*\[\d{4}-\d\d-\d\dT/.test(line)) return {kind: 'envoy'}; // Envoy's own log and access log lines
  const m = LOG_PREFIX.exec(line);
  if (!m) return {kind: 'other'};
  const rest = m[3]!.trim();
  const scoped = /^([\w.:-]+)\s+(.*)$/.exec(rest);
  const candidates = [rest, ...(scoped ? [scoped[2]!] : [])];
  const formats = formatsOf(source);
  if (candidates.some((c) => formats.some((f) => formatRegex(f).test(c)))) return {kind: 'log', verdict: {ok: true}, message: rest};
  const message = scoped && !/\s/.test(scoped[1]!) && scoped[1]!.length < 20 ? scoped[2]! : rest;
  return {kind: 'log', verdict: {ok: false, closest: closestText(message, formats)}, message};
}

/** Words of a table header line (istioctl pads with 2+ spaces or tabs), if the line is one. */
export function headerWords(line: string): string[] | undefined {
  const cols = line.trim().split(/\t+|\s{2,}/).map((c) => c.trim()).filter(Boolean);
  const word = /^[A-Z][A-Z0-9_./()%-]*(?: [A-Z][A-Z0-9_./()%-]*)*$/;
  if (cols.length < 2 || !cols.every((c) => word.test(c)) || !cols.some((c) => c.length >= 3)) return undefined;
  return cols.join(' ').split(' ');
}


/** A header is printed when it is, word for word, one istioctl prints (golden outputs and writer sources). */
export function headerVerdict(words: readonly string[]): Verdict {
  // columns may be left out, but not the first (it names what the rows are)
  if (ISTIOCTL_TABLES.some((t) => t.length === words.length && t.every((w, i) => w === words[i]))) return {ok: true};
  return {ok: false, closest: closestText(words.join(' '), ISTIOCTL_TABLES.map((t) => t.join(' ')))};
}

/** `Warning [IST0102] (…) message`: the code must exist with that level. */
export function analyzerVerdict(line: string): Verdict | undefined {
  const m = /^\s*(Error|Warning|Warn|Info)\s*\[(IST\d{4})\]/.exec(line);
  if (!m) return undefined;
  const known = ANALYZER_MESSAGES[m[2]!];
  if (!known) return {ok: false, closest: `no analyzer message ${m[2]}`};
  const level = m[1] === 'Warn' ? 'Warning' : m[1]!;
  if (known.level !== level) return {ok: false, closest: `${known.level} [${m[2]}] ${known.template}`};
  return {ok: true};
}
