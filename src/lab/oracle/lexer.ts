/**
 * Tokenizer for the lab's SQL: identifiers (upper-cased unless "quoted"), 'string' literals
 * with '' escapes, numbers, :binds and operators. Comments (-- and /* *\/) are skipped.
 */
import { OraError, ora } from './errors.js';

export type TokenType = 'ident' | 'qident' | 'string' | 'number' | 'bind' | 'op' | 'eof';

export interface Token {
  type: TokenType;
  /** Identifiers upper-cased; strings without quotes; binds without the colon (upper-cased). */
  value: string;
  pos: number;
  end: number;
}

const OPS = ['<>', '!=', '<=', '>=', '||', ':=', '(', ')', ',', '.', '*', '=', '<', '>', '+', '-', '/', ';', '%'];

function skipSpace(sql: string, i: number): number {
  for (;;) {
    while (i < sql.length && /\s/.test(sql[i]!)) i++;
    if (sql.startsWith('--', i)) {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (sql.startsWith('/*', i)) {
      const close = sql.indexOf('*/', i + 2);
      i = close < 0 ? sql.length : close + 2;
    } else {
      return i;
    }
  }
}

function readString(sql: string, start: number): Token {
  let i = start + 1;
  let value = '';
  for (;;) {
    if (i >= sql.length) throw new OraError(1756, 'quoted string not properly terminated', start);
    if (sql[i] === "'") {
      if (sql[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { type: 'string', value, pos: start, end: i + 1 };
    }
    value += sql[i];
    i++;
  }
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  for (;;) {
    i = skipSpace(sql, i);
    if (i >= sql.length) break;
    const ch = sql[i]!;
    let m: RegExpExecArray | null;
    if (ch === "'") {
      const tok = readString(sql, i);
      tokens.push(tok);
      i = tok.end;
    } else if (ch === '"') {
      const close = sql.indexOf('"', i + 1);
      if (close < 0) throw ora.invalidIdentifier(sql.slice(i + 1), i);
      tokens.push({ type: 'qident', value: sql.slice(i + 1, close), pos: i, end: close + 1 });
      i = close + 1;
    } else if ((m = /^:([A-Za-z_][\w$#]*|\d+)/.exec(sql.slice(i)))) {
      tokens.push({ type: 'bind', value: m[1]!.toUpperCase(), pos: i, end: i + m[0].length });
      i += m[0].length;
    } else if ((m = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(sql.slice(i)))) {
      tokens.push({ type: 'number', value: m[0], pos: i, end: i + m[0].length });
      i += m[0].length;
    } else if ((m = /^[A-Za-z_\u0080-\uffff][\w$#\u0080-\uffff]*/.exec(sql.slice(i)))) {
      tokens.push({ type: 'ident', value: m[0].toUpperCase(), pos: i, end: i + m[0].length });
      i += m[0].length;
    } else {
      const op = OPS.find((o) => sql.startsWith(o, i));
      if (!op) throw ora.invalidSql(i);
      tokens.push({ type: 'op', value: op, pos: i, end: i + op.length });
      i += op.length;
    }
  }
  tokens.push({ type: 'eof', value: '', pos: sql.length, end: sql.length });
  return tokens;
}

/** A cursor over tokens with the small helpers every parser here needs. */
export class Cursor {
  i = 0;
  constructor(readonly tokens: Token[], readonly sql: string) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }
  next(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }
  /** Is the next token the keyword (identifier) or operator `value`? */
  is(value: string, offset = 0): boolean {
    const t = this.peek(offset);
    return (t.type === 'ident' || t.type === 'op') && t.value === value;
  }
  accept(value: string): boolean {
    if (!this.is(value)) return false;
    this.next();
    return true;
  }
  expect(value: string): Token {
    if (!this.is(value)) throw errorFor(value, this.peek());
    return this.next();
  }
  atEnd(): boolean {
    return this.peek().type === 'eof';
  }
  /** Identifier (plain or quoted) — a name. */
  name(): Token {
    const t = this.peek();
    if (t.type !== 'ident' && t.type !== 'qident') throw ora.invalidIdentifier(t.value || ' ', t.pos);
    return this.next();
  }
}

function errorFor(expected: string, got: Token): OraError {
  if (expected === ')') return new OraError(907, 'missing right parenthesis', got.pos);
  if (expected === 'FROM') return new OraError(923, 'FROM keyword not found where expected', got.pos);
  return ora.missingExpression(got.pos);
}
