/**
 * The istioctl command tree, read from the cobra definitions in the Go sources: starting at
 * `GetRootCmd` (istioctl/cmd/root.go), a small interpreter follows `&cobra.Command{…}` literals,
 * variables, calls into other functions (resolved through imports, receivers and parameter
 * bindings), `AddCommand`, and pflag definitions (`Flags()/PersistentFlags().XxxVar[P]`, FlagSet
 * variables and method values passed as arguments). Branches on run-time settings
 * (`if viper.Get…`) take their default (off) path. Cobra's own additions (help, completion,
 * -h/--help) are added at the end.
 */
import {GoPackages, goString, matching, splitTopLevel, type GoFunc} from './golang';

export interface FlagInfo {
  name: string;
  short?: string;
  /** The flag takes a value (`--set x=y`); false for switches (Bool, Count). */
  value: boolean;
  /** Inherited by subcommands. */
  persistent?: boolean;
  hidden?: boolean;
}

export interface CommandInfo {
  name: string;
  aliases?: string[];
  /** Runs by itself (has Run/RunE); otherwise it only groups subcommands. */
  runnable?: boolean;
  /** Exists only to print an error pointing elsewhere (e.g. a top-level `authz`). */
  errorOnly?: boolean;
  hidden?: boolean;
  flags?: FlagInfo[];
  commands?: CommandInfo[];
}

type Value =
  | {k: 'cmd'; cmd: CommandInfo}
  | {k: 'list'; items: CommandInfo[]}
  | {k: 'flags'; cmd: CommandInfo; persistent: boolean}
  | {k: 'flagfn'; cmd: CommandInfo; persistent: boolean; method: string}
  | {k: 'str'; s: string}
  | {k: 'struct'; fields: Map<string, Value>}
  | undefined;

const PFLAG_TYPES = new Set([
  'Bool', 'BoolSlice', 'String', 'StringSlice', 'StringArray', 'StringToString', 'StringToInt', 'Int', 'Int8', 'Int16',
  'Int32', 'Int64', 'IntSlice', 'Uint', 'Uint8', 'Uint16', 'Uint32', 'Uint64', 'UintSlice', 'Float32', 'Float64',
  'Float64Slice', 'Duration', 'DurationSlice', 'Count', 'IP', 'IPSlice', 'IPMask', 'IPNet', 'BytesHex', 'BytesBase64',
]);

interface Scope {
  readonly fn: GoFunc;
  readonly env: Map<string, Value>;
  readonly types: Map<string, string>;
}

const lastSegment = (t: string): string => t.replace(/^[*&\[\]]+/, '').split('.').pop()!.replace(/\{.*$/s, '');

export class CobraReader {
  private depth = 0;
  constructor(private readonly go: GoPackages) {}

  /** Calls a function and returns what it returns (a command or a list of commands). */
  call(fn: GoFunc, args: Value[]): Value {
    if (this.depth > 40) return undefined;
    this.depth++;
    const scope: Scope = {fn, env: new Map(), types: new Map()};
    fn.params.forEach((p, i) => {
      scope.env.set(p.name, args[i]);
      scope.types.set(p.name, lastSegment(p.type));
    });
    const result = this.block(fn.body, scope);
    this.depth--;
    return result;
  }

  /** Runs the statements of a function body; returns the last command-valued `return`. */
  private block(body: string, scope: Scope): Value {
    let ret: Value;
    let i = 0;
    while (i < body.length) {
      while (i < body.length && /[\s;]/.test(body[i]!)) i++;
      if (i >= body.length) break;
      const lineEnd = body.indexOf('\n', i) === -1 ? body.length : body.indexOf('\n', i);
      const line = body.slice(i, lineEnd).trim();
      if (/^(if|for|switch|select|case|default|else|\}|go |defer )/.test(line) || line === '{') {
        if (/^if\b.*viper\.Get/.test(line) && line.endsWith('{')) {
          const close = matching(body, body.lastIndexOf('{', lineEnd));
          const rest = /^\s*else\s*\{/.exec(body.slice(close + 1));
          i = rest ? close + 1 + rest[0].length : close + 1;
          continue;
        }
        const loop = /^for\s+\w+\s*,\s*(\w+)\s*:?=\s*range\s+(.+?)\s*\{$/.exec(line);
        if (loop) scope.env.set(loop[1]!, this.eval(loop[2]!, scope));
        i = lineEnd + 1;
        continue;
      }
      const end = this.statementEnd(body, i);
      const value = this.statement(body.slice(i, end).trim(), scope);
      if (value && (value.k === 'cmd' || value.k === 'list')) ret = value;
      i = end + 1;
    }
    return ret;
  }

  /** End of the statement starting at i: the first newline outside brackets and strings. */
  private statementEnd(body: string, i: number): number {
    for (let j = i; j < body.length; j++) {
      const c = body[j]!;
      if (c === '"' || c === '`' || c === "'" || c === '(' || c === '[' || c === '{') {
        j = c === '(' || c === '[' || c === '{' ? matching(body, j) : this.skipString(body, j);
      } else if (c === '\n') return j;
    }
    return body.length;
  }

  private skipString(body: string, j: number): number {
    const q = body[j]!;
    for (let k = j + 1; k < body.length; k++) {
      if (q !== '`' && body[k] === '\\') k++;
      else if (body[k] === q) return k;
    }
    return body.length;
  }

  /** One statement; returns the value of a `return`. */
  private statement(s: string, scope: Scope): Value {
    const ret = /^return\s+([\s\S]+)$/.exec(s);
    if (ret) return this.eval(splitTopLevel(ret[1]!)[0] ?? '', scope);
    const decl = /^var\s+(\w+)\s+([*\w.\[\]]+)$/.exec(s);
    if (decl) {
      scope.types.set(decl[1]!, lastSegment(decl[2]!));
      return undefined;
    }
    const assign = /^(?:var\s+)?(\w+)(?:\s*,\s*\w+)*\s*(?::=|=)\s*([\s\S]+)$/.exec(s);
    if (assign) {
      const [, name, rhs] = assign as unknown as [string, string, string];
      const typed = /^(?:&|new\()?([\w.]+)[{)]/.exec(rhs.trim());
      if (typed && !/^(cobra\.Command|\[\])/.test(typed[1]!)) scope.types.set(name, lastSegment(typed[1]!));
      const value = this.eval(rhs, scope);
      if (value !== undefined) scope.env.set(name, value);
      return undefined;
    }
    this.eval(s, scope);
    return undefined;
  }

  /** Index of the `(` whose matching `)` ends the expression, or -1. */
  private callOpen(e: string): number {
    if (!e.endsWith(')')) return -1;
    let depth = 0;
    for (let i = 0; i < e.length; i++) {
      const c = e[i]!;
      if (c === '"' || c === '`' || c === "'") i = this.skipString(e, i);
      else if (c === '(' || c === '[' || c === '{') {
        if (depth === 0 && c === '(' && matching(e, i) === e.length - 1) return i;
        depth++;
      } else if (c === ')' || c === ']' || c === '}') depth--;
    }
    return -1;
  }

  eval(expr: string, scope: Scope): Value {
    const e = expr.trim();
    const str = goString(e);
    if (str !== undefined) return {k: 'str', s: str};
    if (/^&?cobra\.Command\{/.test(e)) return {k: 'cmd', cmd: this.literal(e.slice(e.indexOf('{') + 1, matching(e, e.indexOf('{'))), scope)};
    if (/^\[\]\*cobra\.Command\{/.test(e)) {
      const inner = e.slice(e.indexOf('{') + 1, matching(e, e.indexOf('{')));
      return {k: 'list', items: splitTopLevel(inner).flatMap((item) => this.commands(this.eval(item, scope)))};
    }
    if (/^&?[\w.]+\{[\s\S]*\}$/.test(e) && matching(e, e.indexOf('{')) === e.length - 1) return this.struct(e, scope);
    if (/^\w+$/.test(e)) {
      if (scope.env.has(e)) return scope.env.get(e);
      const c = this.go.consts.get(`${scope.fn.dir}:${e}`) ?? this.go.consts.get(e);
      return c === undefined ? undefined : {k: 'str', s: c};
    }
    const qualified = /^(\w+)\.(\w+)$/.exec(e);
    const owner = qualified ? scope.env.get(qualified[1]!) : undefined;
    if (owner?.k === 'struct') return owner.fields.get(qualified![2]!);
    if (qualified && scope.fn.file.imports.has(qualified[1]!)) {
      const c = this.go.consts.get(`${scope.fn.file.imports.get(qualified[1]!)}:${qualified[2]}`);
      return c === undefined ? undefined : {k: 'str', s: c};
    }
    const methodValue = /^([\s\S]+)\.(Persistent)?Flags\(\)\.(\w+)$/.exec(e);
    if (methodValue) {
      const owner = this.eval(methodValue[1]!, scope);
      if (owner?.k === 'cmd') return {k: 'flagfn', cmd: owner.cmd, persistent: Boolean(methodValue[2]), method: methodValue[3]!};
      return undefined;
    }
    const open = this.callOpen(e);
    if (open <= 0) return undefined;
    return this.evalCall(e.slice(0, open).trim(), splitTopLevel(e.slice(open + 1, -1)), scope);
  }

  /** A keyed struct literal `T{A: x, B: y}`: its fields, evaluated. */
  private struct(e: string, scope: Scope): Value {
    const fields = new Map<string, Value>();
    const open = e.indexOf('{');
    for (const field of splitTopLevel(e.slice(open + 1, -1))) {
      const m = /^(\w+)\s*:\s*([\s\S]+)$/.exec(field);
      if (m) fields.set(m[1]!, this.eval(m[2]!, scope));
    }
    return {k: 'struct', fields};
  }

  private commands(v: Value): CommandInfo[] {
    if (v?.k === 'cmd') return [v.cmd];
    if (v?.k === 'list') return v.items;
    return [];
  }

  private evalCall(callee: string, args: string[], scope: Scope): Value {
    const dot = callee.lastIndexOf('.');
    const [recv, method] = dot === -1 ? ['', callee] : [callee.slice(0, dot), callee.slice(dot + 1)];
    if (method === 'AddCommand' && recv) {
      const target = this.eval(recv, scope);
      if (target?.k === 'cmd') for (const a of args) (target.cmd.commands ??= []).push(...this.commands(this.eval(a, scope)));
      return undefined;
    }
    if ((method === 'Flags' || method === 'PersistentFlags') && recv) {
      const owner = this.eval(recv, scope);
      return owner?.k === 'cmd' ? {k: 'flags', cmd: owner.cmd, persistent: method === 'PersistentFlags'} : undefined;
    }
    if (method === 'AddGoFlagSet') {
      const set = this.eval(recv, scope);
      if (set?.k === 'flags') for (const name of this.goFlags()) this.addFlag(set.cmd, {name, value: true, persistent: set.persistent});
      return undefined;
    }
    if (recv) {
      const set = /^[\s\S]+\.(Persistent)?Flags\(\)$/.test(recv) || /^\w+$/.test(recv) ? this.eval(recv, scope) : undefined;
      if (set?.k === 'flags') return this.defineFlag(set.cmd, set.persistent, method, args, scope);
    } else {
      const fn = scope.env.get(method);
      if (fn?.k === 'flagfn') return this.defineFlag(fn.cmd, fn.persistent, fn.method, args, scope);
    }
    const target = this.resolve(recv, method, scope);
    if (!target) return undefined;
    const relevant = /cobra\.Command|pflag\.FlagSet|func\(/.test(target.results + target.params.map((p) => p.type).join(','));
    return relevant ? this.call(target, args.map((a) => this.eval(a, scope))) : undefined;
  }

  private resolve(recv: string, name: string, scope: Scope): GoFunc | undefined {
    if (!recv) return this.go.func(scope.fn.dir, name);
    const imported = scope.fn.file.imports.get(recv);
    if (imported && !scope.env.has(recv)) return this.go.func(imported, name);
    return this.go.method(name, scope.types.get(recv.split('.')[0]!));
  }

  private literal(body: string, scope: Scope): CommandInfo {
    const cmd: CommandInfo = {name: ''};
    for (const field of splitTopLevel(body)) {
      const m = /^(\w+)\s*:\s*([\s\S]+)$/.exec(field);
      if (!m) continue;
      const [, key, value] = m as unknown as [string, string, string];
      if (key === 'Use') {
        const use = this.eval(value, scope);
        if (use?.k === 'str') cmd.name = use.s.trim().split(/\s+/)[0] ?? '';
      } else if (key === 'Aliases') {
        const inner = value.slice(value.indexOf('{') + 1, value.lastIndexOf('}'));
        cmd.aliases = splitTopLevel(inner).map((a) => {
          const v = this.eval(a, scope);
          return v?.k === 'str' ? v.s : '';
        }).filter(Boolean);
      } else if (key === 'Run' || key === 'RunE') {
        cmd.runnable = true;
        const fnBody = value.slice(value.indexOf('{') + 1, value.lastIndexOf('}')).trim();
        if (/^return\s+(errors\.New|fmt\.Errorf)\([^\n]*\)$/.test(fnBody)) cmd.errorOnly = true;
      } else if (key === 'Hidden' && value.trim() === 'true') cmd.hidden = true;
    }
    return cmd;
  }

  private defineFlag(cmd: CommandInfo, persistent: boolean, method: string, args: string[], scope: Scope): Value {
    const m = /^(\w*?)(Var)?(P)?$/.exec(method);
    if (!m) return undefined;
    const [, base = '', isVar, isP] = m;
    if (base !== '' && !PFLAG_TYPES.has(base)) return undefined;
    const at = base === '' || isVar ? 1 : 0; // Var(value, name, …) / XxxVar(&p, name, …) / Xxx(name, …)
    const text = (i: number): string | undefined => {
      const v = args[i] === undefined ? undefined : this.eval(args[i]!, scope);
      return v?.k === 'str' ? v.s : undefined;
    };
    const name = text(at);
    if (!name) return undefined;
    const short = isP ? text(at + 1) : undefined;
    this.addFlag(cmd, {name, ...(short ? {short} : {}), value: base !== 'Bool' && base !== 'Count', persistent});
    return undefined;
  }

  private addFlag(cmd: CommandInfo, flag: FlagInfo): void {
    const flags = (cmd.flags ??= []);
    if (!flag.persistent) delete flag.persistent;
    const same = flags.findIndex((f) => f.name === flag.name);
    if (same === -1) flags.push(flag);
    else flags[same] = flag;
  }

  /** Flags registered on Go's flag.CommandLine in the read packages (added by AddGoFlagSet). */
  private goFlags(): string[] {
    const names = new Set<string>();
    for (const file of this.go.files) {
      for (const m of file.text.matchAll(/\bCommandLine\.\w+\(\s*[^,]+,\s*"([\w-]+)"/g)) names.add(m[1]!);
    }
    return [...names].sort();
  }
}

/** Cobra's own additions: -h/--help everywhere, `help` and `completion` at the root. */
function addCobraDefaults(root: CommandInfo): void {
  const visit = (c: CommandInfo): void => {
    (c.flags ??= []).push({name: 'help', short: 'h', value: false});
    c.commands?.forEach(visit);
  };
  const shells = ['bash', 'zsh', 'fish', 'powershell'].map((name): CommandInfo => ({name, runnable: true, flags: [{name: 'no-descriptions', value: false}]}));
  (root.commands ??= []).push({name: 'help', runnable: true}, {name: 'completion', commands: shells});
  visit(root);
}

function sortTree(c: CommandInfo): CommandInfo {
  c.flags?.sort((a, b) => a.name.localeCompare(b.name));
  c.commands?.sort((a, b) => a.name.localeCompare(b.name)).forEach(sortTree);
  return c;
}

/** Reads the tree from the given Go packages; `root` names the function building the root command. */
export function commandTree(go: GoPackages, root = {dir: 'istioctl/cmd', name: 'GetRootCmd'}): CommandInfo {
  const fn = go.func(root.dir, root.name);
  if (!fn) throw new Error(`no func ${root.name} in ${root.dir}`);
  const value = new CobraReader(go).call(fn, []);
  if (value?.k !== 'cmd') throw new Error(`${root.name} returned no command`);
  addCobraDefaults(value.cmd);
  return sortTree(value.cmd);
}
