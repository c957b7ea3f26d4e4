/**
 * Shell text → the simple commands in it, read by a real bash parser: mvdan/sh (the parser behind
 * shfmt), as its JavaScript build `mvdan-sh`. Its syntax tree gives every command wherever it
 * sits: in pipelines, `&&` lists, loops, `$(…)` substitutions; heredoc bodies are data, not
 * commands.
 */
import sh from 'mvdan-sh';

export interface SimpleCommand {
  /** Shell words with quotes removed; `$VAR`/`${VAR}` as `$VAR`, a substitution as `$(…)`. */
  readonly words: readonly string[];
  /** 1-based line (within the parsed text) where the command starts. */
  readonly line: number;
}

export interface ParsedShell {
  readonly commands: readonly SimpleCommand[];
  /** Set when the text is not valid bash; then `commands` is empty. */
  readonly syntaxError?: {readonly line: number; readonly message: string};
}

const {syntax} = sh;
const parser = syntax.NewParser();

/** The mvdan-sh error object (a Go error carried into JavaScript). */
interface GoParseError {
  readonly Text?: string;
  readonly Pos?: {Line(): number};
  Error?(): string;
}

/**
 * Reads the tree by hand rather than with `syntax.Walk`: every property read of a Go value costs
 * a conversion, and Walk converts every node; this reads only what can hold a command.
 */
class CommandCollector {
  readonly commands: SimpleCommand[] = [];

  statements(list: readonly (sh.Stmt | null)[] | null | undefined): void {
    for (const statement of list ?? []) if (statement) this.command(statement.Cmd);
  }

  private command(node: sh.Command | null | undefined): void {
    if (!node) return;
    switch (syntax.NodeType(node)) {
      case 'CallExpr': {
        const call = node as sh.CallExpr;
        const args = call.Args;
        const line = args.length > 0 ? call.Pos().Line() : 0;
        for (const assign of call.Assigns) if (assign?.Value) this.wordText(assign.Value);
        const words = args.flatMap((word) => (word ? [this.wordText(word)] : []));
        if (words.length > 0) this.commands.push({words, line});
        return;
      }
      case 'BinaryCmd': {
        const binary = node as sh.BinaryCmd;
        this.statements([binary.X, binary.Y]);
        return;
      }
      case 'Block':
      case 'Subshell':
        this.statements((node as sh.Block).Stmts);
        return;
      case 'IfClause': {
        const clause = node as sh.IfClause;
        this.statements(clause.Cond);
        this.statements(clause.Then);
        this.command(clause.Else);
        return;
      }
      case 'WhileClause':
        this.statements((node as sh.WhileClause).Cond);
        this.statements((node as sh.WhileClause).Do);
        return;
      case 'ForClause': {
        const loop = node as sh.ForClause;
        if (syntax.NodeType(loop.Loop) === 'WordIter') for (const word of (loop.Loop as sh.WordIter).Items) if (word) this.wordText(word);
        this.statements(loop.Do);
        return;
      }
      case 'CaseClause':
        for (const item of (node as sh.CaseClause).Items) this.statements(item?.Stmts);
        return;
      case 'FuncDecl':
        this.statements([(node as sh.FuncDecl).Body]);
        return;
      case 'TimeClause':
      case 'CoprocClause':
        this.statements([(node as sh.TimeClause).Stmt]);
        return;
      case 'DeclClause':
        for (const assign of (node as sh.DeclClause).Args) if (assign?.Value) this.wordText(assign.Value);
        return;
      default:
        return; // [[ tests ]], (( arithmetic )), let: no commands inside worth checking
    }
  }

  /** The text of a word as the command sees it; commands in `$(…)` inside it are collected. */
  private wordText(word: sh.Word): string {
    const literal = word.Lit();
    if (literal !== '') return unescape(literal, false);
    return this.partsText(word.Parts, false);
  }

  private partsText(parts: readonly sh.WordPart[], quoted: boolean): string {
    return parts
      .map((part) => {
        switch (syntax.NodeType(part)) {
          case 'Lit':
            return unescape((part as sh.Lit).Value, quoted);
          case 'SglQuoted':
            return (part as sh.SglQuoted).Value;
          case 'DblQuoted':
            return this.partsText((part as sh.DblQuoted).Parts, true);
          case 'ParamExp':
            return `$${(part as sh.ParamExp).Param?.Value ?? ''}`;
          case 'CmdSubst':
          case 'ProcSubst':
            this.statements((part as sh.CmdSubst).Stmts);
            return '$(…)';
          default:
            return '…';
        }
      })
      .join('');
  }
}

/** Backslash escapes removed, as bash does (inside double quotes only before $ ` " \). */
function unescape(text: string, quoted: boolean): string {
  return quoted ? text.replace(/\\([$`"\\])/g, '$1') : text.replace(/\\(.)/g, '$1');
}

/** Parsing is pure and the course repeats commands: keep the last few thousand results. */
const cache = new Map<string, ParsedShell>();

export function parseShell(text: string): ParsedShell {
  const hit = cache.get(text);
  if (hit) return hit;
  let result: ParsedShell;
  try {
    const file = parser.Parse(text, 'command.sh');
    const collector = new CommandCollector();
    collector.statements(file.Stmts);
    result = {commands: collector.commands};
  } catch (error) {
    const goError = error as GoParseError;
    const line = typeof goError.Pos?.Line === 'function' ? goError.Pos.Line() : 1;
    result = {commands: [], syntaxError: {line, message: goError.Text ?? goError.Error?.() ?? String(error)}};
  }
  if (cache.size > 5000) cache.clear();
  cache.set(text, result);
  return result;
}
