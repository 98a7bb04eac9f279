/**
 * POSIX-style shell-word parser for the lab's simulated hosts. A real recursive-descent parser
 * (not a split on spaces), so quoting behaves as in sh and injection tests mean something.
 *
 * Supported: '…' (literal), "…" (\ escapes $ ` " \ newline; $ expansions), backslash escapes,
 * $VAR ${VAR} ${VAR:-text} $? $$ $# $0-9, $(…) and `…` command substitution, comments,
 * | && || ; & (runs in the foreground) and newlines, redirections [n]> [n]>> [n]< [n]>&m <&m,
 * here-documents <<EOF <<'EOF' <<-EOF (quoted delimiter: no expansion), NAME=value prefixes.
 * Rejected with a syntax error: ( ) subshells, $(( )) arithmetic. No globbing, no keywords
 * (if/for/while/case are plain words and fail as unknown commands).
 */
import type { Redirect, RedirectOp, Script, Segment, SimpleCommand, Word, AndOr, Pipeline } from './ast.js';
import { ShellSyntaxError } from './ast.js';

const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const REDIRECT = /(\d*)(>>|>&|>|<<-|<<|<&|<)/y;
const ASSIGN = /([A-Za-z_][A-Za-z0-9_]*)=/y;

interface PendingHeredoc {
  redirect: Redirect;
  delim: string;
  quoted: boolean;
  strip: boolean;
}

function unterminated(): ShellSyntaxError {
  return new ShellSyntaxError('syntax error: unterminated quoted string');
}

function unexpected(c: string): ShellSyntaxError {
  return new ShellSyntaxError(`syntax error: \`${c === '' || c === '\n' ? 'newline' : c}' unexpected`);
}

/** Parses a whole command line (or script). Throws ShellSyntaxError. */
export function parseShell(src: string): Script {
  const p = new Parser(src);
  const script = p.script(false);
  if (p.pos < src.length) throw unexpected(src[p.pos] ?? '');
  p.flushHeredocs();
  return script;
}

/** Parses here-document text with expansion ($, `, \ escapes) into segments. */
export function parseHeredocBody(body: string): Segment[] {
  const p = new Parser(body);
  const segs: Segment[] = [];
  p.quoted(segs, 'heredoc');
  return segs;
}

class Parser {
  pos = 0;
  private pending: PendingHeredoc[] = [];

  constructor(private readonly src: string) {}

  private peek(o = 0): string {
    return this.src[this.pos + o] ?? '';
  }

  private match(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    return re.exec(this.src);
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.peek(1) === '\n') this.pos += 2;
      else if (c === '#') while (this.pos < this.src.length && this.peek() !== '\n') this.pos++;
      else return;
    }
  }

  private skipBlankLines(): void {
    for (;;) {
      this.skipBlanks();
      if (this.peek() !== '\n') return;
      this.newline();
    }
  }

  private newline(): void {
    this.pos++;
    const pending = this.pending;
    this.pending = [];
    for (const h of pending) this.readHeredoc(h);
  }

  flushHeredocs(): void {
    for (const h of this.pending) h.redirect.target = { segs: [{ t: 'lit', v: '', q: true }] };
    this.pending = [];
  }

  script(nested: boolean): Script {
    const items: AndOr[] = [];
    for (;;) {
      this.skipBlankLines();
      const c = this.peek();
      if (c === '' || (nested && c === ')')) break;
      items.push(this.andOr(nested));
      this.skipBlanks();
      const s = this.peek();
      if (s === ';' || s === '&') this.pos++;
      else if (s === '\n') this.newline();
      else if (s === '' || (nested && s === ')')) break;
      else throw unexpected(s);
    }
    return { items };
  }

  private andOr(nested: boolean): AndOr {
    const first = this.pipeline(nested);
    const rest: AndOr['rest'] = [];
    for (;;) {
      this.skipBlanks();
      const two = this.peek() + this.peek(1);
      if (two !== '&&' && two !== '||') return { first, rest };
      this.pos += 2;
      this.skipBlankLines();
      rest.push({ op: two, pipeline: this.pipeline(nested) });
    }
  }

  private pipeline(nested: boolean): Pipeline {
    const commands = [this.command(nested)];
    for (;;) {
      this.skipBlanks();
      if (this.peek() !== '|' || this.peek(1) === '|') return { commands };
      this.pos++;
      this.skipBlankLines();
      commands.push(this.command(nested));
    }
  }

  private command(nested: boolean): SimpleCommand {
    const cmd: SimpleCommand = { assigns: [], words: [], redirects: [] };
    for (;;) {
      this.skipBlanks();
      const c = this.peek();
      if (c === '' || c === ';' || c === '&' || c === '|' || c === '\n') break;
      if (c === ')') {
        if (nested) break;
        throw unexpected(c);
      }
      if (c === '(') throw unexpected(c);
      const r = this.redirect();
      if (r) {
        cmd.redirects.push(r);
        continue;
      }
      if (cmd.words.length === 0 && this.assignment(cmd)) continue;
      cmd.words.push(this.word());
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0) throw unexpected(this.peek());
    return cmd;
  }

  private assignment(cmd: SimpleCommand): boolean {
    const m = this.match(ASSIGN);
    if (!m) return false;
    this.pos += m[0].length;
    const value = META.has(this.peek()) || this.peek() === '' ? { segs: [] } : this.word();
    cmd.assigns.push({ name: m[1] ?? '', value });
    return true;
  }

  private redirect(): Redirect | null {
    const m = this.match(REDIRECT);
    if (!m) return null;
    const op = m[2] as string;
    const fd = m[1] ? Number(m[1]) : op.startsWith('<') ? 0 : 1;
    this.pos += m[0].length;
    this.skipBlanks();
    const c = this.peek();
    if (c === '' || META.has(c)) throw unexpected(c);
    const target = this.word();
    if (op === '<<' || op === '<<-') {
      const redirect: Redirect = { fd: 0, op: '<<', target: { segs: [] } };
      const delim = target.segs.map((s) => (s.t === 'lit' ? s.v : s.t === 'var' ? `$${s.name}` : '')).join('');
      this.pending.push({ redirect, delim, quoted: target.segs.some((s) => s.q), strip: op === '<<-' });
      return redirect;
    }
    return { fd, op: op as RedirectOp, target };
  }

  private readHeredoc(h: PendingHeredoc): void {
    let body = '';
    while (this.pos < this.src.length) {
      const nl = this.src.indexOf('\n', this.pos);
      const end = nl < 0 ? this.src.length : nl;
      let line = this.src.slice(this.pos, end);
      this.pos = nl < 0 ? end : end + 1;
      if (h.strip) line = line.replace(/^\t+/, '');
      if (line === h.delim) break;
      body += `${line}\n`;
    }
    h.redirect.target = { segs: h.quoted ? [{ t: 'lit', v: body, q: true }] : parseHeredocBody(body) };
  }

  word(): Word {
    const segs: Segment[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit) segs.push({ t: 'lit', v: lit, q: false });
      lit = '';
    };
    while (this.pos < this.src.length) {
      const c = this.peek();
      if (META.has(c)) break;
      if (c === '\\') {
        const n = this.peek(1);
        this.pos += n === '' ? 1 : 2;
        if (n === '\n') continue;
        flush();
        segs.push({ t: 'lit', v: n === '' ? '\\' : n, q: true });
      } else if (c === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw unterminated();
        flush();
        segs.push({ t: 'lit', v: this.src.slice(this.pos + 1, end), q: true });
        this.pos = end + 1;
      } else if (c === '"') {
        flush();
        this.pos++;
        this.quoted(segs, 'dq');
      } else if (c === '$' || c === '`') {
        flush();
        if (c === '$') this.dollar(segs, false);
        else this.backtick(segs, false);
      } else {
        lit += c;
        this.pos++;
      }
    }
    flush();
    return { segs };
  }

  /** Inside "…" (mode dq) or a here-document body (mode heredoc, runs to the end). */
  quoted(segs: Segment[], mode: 'dq' | 'heredoc'): void {
    let lit = '';
    let pushed = false;
    const flush = (): void => {
      if (lit) segs.push({ t: 'lit', v: lit, q: true });
      if (lit) pushed = true;
      lit = '';
    };
    const escapable = mode === 'dq' ? '$`"\\\n' : '$`\\\n';
    for (;;) {
      if (this.pos >= this.src.length) {
        if (mode === 'dq') throw unterminated();
        break;
      }
      const c = this.peek();
      if (mode === 'dq' && c === '"') {
        this.pos++;
        break;
      }
      if (c === '\\' && this.peek(1) !== '' && escapable.includes(this.peek(1))) {
        if (this.peek(1) !== '\n') lit += this.peek(1);
        this.pos += 2;
      } else if (c === '$' || c === '`') {
        flush();
        const before = segs.length;
        if (c === '$') this.dollar(segs, true);
        else this.backtick(segs, true);
        if (segs.length > before) pushed = true;
      } else {
        lit += c;
        this.pos++;
      }
    }
    flush();
    if (!pushed) segs.push({ t: 'lit', v: '', q: true });
  }

  private dollar(segs: Segment[], q: boolean): void {
    const n = this.peek(1);
    if (n === '(') {
      if (this.peek(2) === '(') throw new ShellSyntaxError('syntax error: arithmetic expansion $(( )) is not supported');
      this.pos += 2;
      const script = this.script(true);
      if (this.peek() !== ')') throw unterminated();
      this.pos++;
      segs.push({ t: 'sub', script, q });
      return;
    }
    if (n === '{') {
      const end = this.src.indexOf('}', this.pos + 2);
      if (end < 0) throw unterminated();
      const inner = this.src.slice(this.pos + 2, end);
      const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$#0-9])(?::-(.*))?$/s.exec(inner);
      if (!m) throw new ShellSyntaxError(`\${${inner}}: bad substitution`);
      segs.push(m[2] === undefined ? { t: 'var', name: m[1] ?? '', q } : { t: 'var', name: m[1] ?? '', q, fallback: m[2] });
      this.pos = end + 1;
      return;
    }
    this.pos++;
    const m = this.match(NAME);
    if (m) {
      this.pos += m[0].length;
      segs.push({ t: 'var', name: m[0], q });
    } else if (n !== '' && '?$#0123456789'.includes(n)) {
      this.pos++;
      segs.push({ t: 'var', name: n, q });
    } else {
      segs.push({ t: 'lit', v: '$', q });
    }
  }

  private backtick(segs: Segment[], q: boolean): void {
    let inner = '';
    let i = this.pos + 1;
    for (;; i++) {
      const c = this.src[i];
      if (c === undefined) throw unterminated();
      if (c === '`') break;
      if (c === '\\' && '$`\\'.includes(this.src[i + 1] ?? 'x')) {
        inner += this.src[i + 1];
        i++;
      } else inner += c;
    }
    this.pos = i + 1;
    segs.push({ t: 'sub', script: parseShell(inner), q });
  }
}
