/**
 * Parser of the opsctl WLST dialect (docs/lab-weblogic.md): a Jython 2.2/2.7-compatible subset.
 * Statements at column 0: `name = expr`, `expr` (calls), `print expr[, expr]`, `pass`, and `def`
 * blocks of the documented prelude (their bodies are skipped; the interpreter provides them).
 * Expressions: string/number literals, None/True/False, names, [lists], {dicts}, `+`, unary `-`,
 * attribute access and calls with positional and keyword arguments. Anything else is a
 * SyntaxError, raised before any statement runs (Python compiles the whole file first).
 */

export type Expr =
  | { k: 'lit'; v: string | number | boolean | null }
  | { k: 'name'; n: string }
  | { k: 'list'; items: Expr[] }
  | { k: 'dict'; entries: Array<[Expr, Expr]> }
  | { k: 'add'; l: Expr; r: Expr }
  | { k: 'neg'; e: Expr }
  | { k: 'attr'; obj: Expr; name: string }
  | { k: 'call'; fn: Expr; args: Expr[]; kwargs: Array<[string, Expr]> };

export type Stmt =
  | { k: 'print'; args: Expr[]; line: number }
  | { k: 'assign'; name: string; e: Expr; line: number }
  | { k: 'expr'; e: Expr; line: number }
  | { k: 'def'; name: string; line: number };

interface Tok { t: 'name' | 'num' | 'str' | 'op' | 'nl'; v: string; line: number; col: number; indent?: number }

export class WlstSyntaxError extends Error {
  constructor(readonly line: number, readonly text: string, readonly reason: string) {
    super(reason);
  }
}

const FORBIDDEN = new Set(['if', 'elif', 'else', 'for', 'while', 'try', 'except', 'finally', 'import', 'from', 'class', 'return', 'lambda', 'with', 'global', 'del', 'raise', 'yield', 'assert', 'exec', 'in', 'and', 'or', 'not', 'is']);
const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

function tokenize(src: string, lines: string[]): Tok[] {
  const toks: Tok[] = [];
  let i = 0, line = 1, depth = 0, lineStart = true;
  let pendingIndent: number | undefined;
  const err = (why: string): never => { throw new WlstSyntaxError(line, lines[line - 1] ?? '', why); };
  while (i < src.length) {
    const c = src[i]!;
    if (lineStart && depth === 0) {
      const m = /^[ \t]*/.exec(src.slice(i))![0];
      const rest = src.slice(i + m.length);
      if (/^(#[^\n]*)?(\n|$)/.test(rest)) {
        i += m.length + /^[^\n]*/.exec(rest)![0].length + 1;
        line++;
        continue;
      }
      lineStart = false;
      i += m.length;
      pendingIndent = m.length;
      continue;
    }
    if (c === '\n') { line++; i++; if (depth === 0) { toks.push({ t: 'nl', v: '', line: line - 1, col: 0 }); lineStart = true; } continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '\\' && src[i + 1] === '\n') { i += 2; line++; continue; }
    if (c === '#') { while (i < src.length && src[i] !== '\n') i++; continue; }
    const push = (t: Tok['t'], v: string, len: number): void => {
      const tok: Tok = { t, v, line, col: i };
      if (pendingIndent !== undefined) { tok.indent = pendingIndent; pendingIndent = undefined; }
      toks.push(tok);
      i += len;
    };
    if (c === "'" || c === '"') {
      if (src.startsWith(c.repeat(3), i)) err('triple-quoted strings are outside the opsctl WLST dialect');
      let j = i + 1, v = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\n') err('EOL while scanning single-quoted string');
        if (src[j] === '\\') { v += ESC[src[j + 1]!] ?? `\\${src[j + 1]}`; j += 2; } else v += src[j++];
      }
      if (j >= src.length) err('EOF while scanning single-quoted string');
      push('str', v, j + 1 - i);
      continue;
    }
    const num = /^\d+(\.\d+)?[lL]?/.exec(src.slice(i));
    if (num) { push('num', num[0].replace(/[lL]$/, ''), num[0].length); continue; }
    const name = /^[A-Za-z_]\w*/.exec(src.slice(i));
    if (name) { push('name', name[0], name[0].length); continue; }
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    const two = src.slice(i, i + 2);
    if (['==', '!=', '<=', '>=', '**', '+=', '-='].includes(two)) { push('op', two, 2); continue; }
    push('op', c, 1);
  }
  if (!lineStart) toks.push({ t: 'nl', v: '', line, col: 0 });
  return toks;
}
class Parser {
  private p = 0;
  constructor(private toks: Tok[], private lines: string[]) {}

  private peek(): Tok | undefined { return this.toks[this.p]; }
  private next(): Tok { return this.toks[this.p++]!; }
  private err(why: string, tok = this.peek()): never {
    const line = tok?.line ?? this.toks.at(-1)?.line ?? 1;
    throw new WlstSyntaxError(line, this.lines[line - 1] ?? '', why);
  }
  private expect(v: string): void { const t = this.next(); if (!t || t.v !== v || t.t === 'str') this.err('invalid syntax', t); }
  private isOp(v: string): boolean { const t = this.peek(); return !!t && t.t === 'op' && t.v === v; }

  statements(): Stmt[] {
    const out: Stmt[] = [];
    while (this.peek()) {
      const first = this.peek()!;
      if ((first.indent ?? 0) > 0) this.err('unexpected indent');
      out.push(this.statement());
      if (this.peek() && this.peek()!.t !== 'nl') this.err('invalid syntax');
      this.next();
      if (out.at(-1)!.k === 'def') while (this.peek() && (this.peek()!.indent ?? 0) > 0) this.skipLine();
    }
    return out;
  }

  private skipLine(): void { while (this.peek() && this.next().t !== 'nl') { /* body of a prelude def */ } }

  private statement(): Stmt {
    const t = this.peek()!;
    const line = t.line;
    if (t.t === 'name' && FORBIDDEN.has(t.v)) this.err(`'${t.v}' is outside the opsctl WLST dialect`);
    if (t.t === 'name' && t.v === 'def') {
      this.next();
      const name = this.next();
      if (name.t !== 'name') this.err('invalid syntax', name);
      while (this.peek() && this.peek()!.t !== 'nl' && !this.isOp(':')) this.next();
      this.expect(':');
      return { k: 'def', name: name.v, line };
    }
    if (t.t === 'name' && t.v === 'pass') { this.next(); return { k: 'expr', e: { k: 'lit', v: null }, line }; }
    if (t.t === 'name' && t.v === 'print') {
      this.next();
      const args: Expr[] = [];
      if (this.peek()?.t !== 'nl') { args.push(this.expr()); while (this.isOp(',')) { this.next(); args.push(this.expr()); } }
      return { k: 'print', args, line };
    }
    if (t.t === 'name' && this.toks[this.p + 1]?.v === '=' && this.toks[this.p + 1]?.t === 'op') {
      this.p += 2;
      return { k: 'assign', name: t.v, e: this.expr(), line };
    }
    return { k: 'expr', e: this.expr(), line };
  }

  private expr(): Expr {
    let l = this.unary();
    while (this.isOp('+')) { this.next(); l = { k: 'add', l, r: this.unary() }; }
    return l;
  }

  private unary(): Expr {
    if (this.isOp('-')) { this.next(); return { k: 'neg', e: this.postfix() }; }
    return this.postfix();
  }

  private postfix(): Expr {
    let e = this.primary();
    for (;;) {
      if (this.isOp('.')) { this.next(); const n = this.next(); if (n?.t !== 'name') this.err('invalid syntax', n); e = { k: 'attr', obj: e, name: n.v }; continue; }
      if (this.isOp('(')) { this.next(); e = this.call(e); continue; }
      return e;
    }
  }

  private call(fn: Expr): Expr {
    const args: Expr[] = [], kwargs: Array<[string, Expr]> = [];
    while (!this.isOp(')')) {
      const t = this.peek();
      if (t?.t === 'name' && this.toks[this.p + 1]?.v === '=' && this.toks[this.p + 1]?.t === 'op') { this.p += 2; kwargs.push([t.v, this.expr()]); }
      else { if (kwargs.length) this.err('non-keyword arg after keyword arg'); args.push(this.expr()); }
      if (!this.isOp(',')) break;
      this.next();
    }
    this.expect(')');
    return { k: 'call', fn, args, kwargs };
  }

  private seq(close: string, item: () => void): void {
    while (!this.isOp(close)) { item(); if (!this.isOp(',')) break; this.next(); }
    this.expect(close);
  }

  private primary(): Expr {
    const t = this.next();
    if (!t || t.t === 'nl') return this.err('invalid syntax', t);
    if (t.t === 'str') {
      let v = t.v;
      while (this.peek()?.t === 'str') v += this.next().v;
      return { k: 'lit', v };
    }
    if (t.t === 'num') return { k: 'lit', v: Number(t.v) };
    if (t.t === 'name') {
      if (FORBIDDEN.has(t.v) || t.v === 'def' || t.v === 'print') this.err(`'${t.v}' is outside the opsctl WLST dialect`, t);
      if (t.v === 'None') return { k: 'lit', v: null };
      if (t.v === 'True' || t.v === 'False') return { k: 'lit', v: t.v === 'True' };
      return { k: 'name', n: t.v };
    }
    if (t.v === '(') { const e = this.expr(); this.expect(')'); return e; }
    if (t.v === '[') { const items: Expr[] = []; this.seq(']', () => items.push(this.expr())); return { k: 'list', items }; }
    if (t.v === '{') {
      const entries: Array<[Expr, Expr]> = [];
      this.seq('}', () => { const key = this.expr(); this.expect(':'); entries.push([key, this.expr()]); });
      return { k: 'dict', entries };
    }
    return this.err(`'${t.v}' is outside the opsctl WLST dialect`, t);
  }
}

export function parseWlst(src: string): Stmt[] {
  const lines = src.split('\n');
  return new Parser(tokenize(src.replace(/\r\n/g, '\n'), lines), lines).statements();
}
