/**
 * Expressions and conditions of the lab's SQL: parsing (one precedence-climbing grammar for
 * both) and evaluation over one row or one group of rows, with Oracle's three-valued logic.
 * Bind values are looked up by name and never re-parsed, so their text cannot become SQL.
 */
import { OraError, ora } from './errors.js';
import type { Cursor } from './lexer.js';
import { compare, date, isDate, toNumber } from './values.js';
import type { SqlValue } from './values.js';

export type Expr =
  | { k: 'lit'; v: SqlValue }
  | { k: 'bind'; name: string; pos: number }
  | { k: 'col'; qual?: string; name: string; pos: number }
  | { k: 'star' }
  | { k: 'fn'; name: string; args: Expr[]; distinct: boolean; pos: number }
  | { k: 'bin'; op: string; l: Expr; r: Expr }
  | { k: 'not'; e: Expr }
  | { k: 'neg'; e: Expr }
  | { k: 'in'; e: Expr; list: Expr[]; not: boolean }
  | { k: 'isnull'; e: Expr; not: boolean }
  | { k: 'like'; e: Expr; pattern: Expr; not: boolean }
  | { k: 'between'; e: Expr; lo: Expr; hi: Expr; not: boolean };

export type Value = SqlValue | boolean;
export type Row = Record<string, SqlValue>;

export interface EvalEnv {
  binds: Record<string, SqlValue>;
  now: Date;
  /** Known column names of the source (upper case). */
  columns: ReadonlySet<string>;
  /** Names the source may be qualified with (table name, alias). */
  qualifiers: ReadonlySet<string>;
}

export const AGGREGATES = new Set(['COUNT', 'SUM', 'MIN', 'MAX', 'AVG']);
const CMP = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);

export function parseExpr(c: Cursor): Expr {
  let l = parseAnd(c);
  while (c.accept('OR')) l = { k: 'bin', op: 'OR', l, r: parseAnd(c) };
  return l;
}

function parseAnd(c: Cursor): Expr {
  let l = parseNot(c);
  while (c.accept('AND')) l = { k: 'bin', op: 'AND', l, r: parseNot(c) };
  return l;
}

function parseNot(c: Cursor): Expr {
  if (c.accept('NOT')) return { k: 'not', e: parseNot(c) };
  return parsePredicate(c);
}

function parsePredicate(c: Cursor): Expr {
  const e = parseAdd(c);
  const t = c.peek();
  if (t.type === 'op' && CMP.has(t.value)) {
    c.next();
    return { k: 'bin', op: t.value === '!=' ? '<>' : t.value, l: e, r: parseAdd(c) };
  }
  if (c.accept('IS')) {
    const not = c.accept('NOT');
    c.expect('NULL');
    return { k: 'isnull', e, not };
  }
  const not = c.is('NOT') && (c.is('IN', 1) || c.is('LIKE', 1) || c.is('BETWEEN', 1)) ? (c.next(), true) : false;
  if (c.accept('IN')) {
    c.expect('(');
    const list = [parseAdd(c)];
    while (c.accept(',')) list.push(parseAdd(c));
    c.expect(')');
    return { k: 'in', e, list, not };
  }
  if (c.accept('LIKE')) return { k: 'like', e, pattern: parseAdd(c), not };
  if (c.accept('BETWEEN')) {
    const lo = parseAdd(c);
    c.expect('AND');
    return { k: 'between', e, lo, hi: parseAdd(c), not };
  }
  return e;
}

function parseAdd(c: Cursor): Expr {
  let l = parseMul(c);
  while (c.is('+') || c.is('-') || c.is('||')) l = { k: 'bin', op: c.next().value, l, r: parseMul(c) };
  return l;
}

function parseMul(c: Cursor): Expr {
  let l = parseUnary(c);
  while (c.is('*') || c.is('/')) l = { k: 'bin', op: c.next().value, l, r: parseUnary(c) };
  return l;
}

function parseUnary(c: Cursor): Expr {
  if (c.accept('-')) return { k: 'neg', e: parseUnary(c) };
  if (c.accept('+')) return parseUnary(c);
  return parsePrimary(c);
}

function parsePrimary(c: Cursor): Expr {
  const t = c.peek();
  if (t.type === 'number') return c.next(), { k: 'lit', v: Number(t.value) };
  if (t.type === 'string') return c.next(), { k: 'lit', v: t.value };
  if (t.type === 'bind') return c.next(), { k: 'bind', name: t.value, pos: t.pos };
  if (c.accept('(')) {
    const e = parseExpr(c);
    c.expect(')');
    return e;
  }
  if (t.type === 'ident' && t.value === 'NULL') return c.next(), { k: 'lit', v: null };
  if (t.type === 'ident' && (t.value === 'SYSDATE' || t.value === 'SYSTIMESTAMP')) {
    c.next();
    return { k: 'fn', name: t.value, args: [], distinct: false, pos: t.pos };
  }
  if (t.type === 'ident' || t.type === 'qident') {
    c.next();
    if (c.is('(') && t.type === 'ident') return parseCall(c, t.value, t.pos);
    if (c.accept('.')) {
      const col = c.name();
      return { k: 'col', qual: t.value, name: col.value, pos: col.pos };
    }
    return { k: 'col', name: t.value, pos: t.pos };
  }
  throw ora.missingExpression(t.pos);
}

function parseCall(c: Cursor, name: string, pos: number): Expr {
  c.expect('(');
  const args: Expr[] = [];
  const distinct = c.accept('DISTINCT');
  if (c.accept('*')) args.push({ k: 'star' });
  else if (!c.is(')')) {
    args.push(parseExpr(c));
    while (c.accept(',')) args.push(parseExpr(c));
  }
  c.expect(')');
  return { k: 'fn', name, args, distinct, pos };
}

function children(e: Expr): Expr[] {
  switch (e.k) {
    case 'fn': return e.args;
    case 'bin': return [e.l, e.r];
    case 'not': case 'neg': case 'isnull': return [e.e];
    case 'in': return [e.e, ...e.list];
    case 'like': return [e.e, e.pattern];
    case 'between': return [e.e, e.lo, e.hi];
    default: return [];
  }
}

export function hasAggregate(e: Expr): boolean {
  return (e.k === 'fn' && AGGREGATES.has(e.name)) || children(e).some(hasAggregate);
}

/** Checks every column reference against the source before any row is read (ORA-00904). */
export function checkColumns(e: Expr, env: EvalEnv): void {
  const visit = (x: Expr): void => {
    if (x.k === 'col') {
      if (x.qual && !env.qualifiers.has(x.qual)) throw ora.invalidIdentifier(`${x.qual}"."${x.name}`, x.pos);
      if (!env.columns.has(x.name)) throw ora.invalidIdentifier(x.qual ? `${x.qual}"."${x.name}` : x.name, x.pos);
    } else if (x.k === 'bind' && !(x.name in env.binds)) {
      throw ora.notBound(x.pos);
    } else {
      for (const child of children(x)) visit(child);
    }
  };
  visit(e);
}

export function truthy(v: Value): boolean {
  return v === true;
}

function likeToRegExp(pattern: string): RegExp {
  const body = [...pattern].map((ch) => (ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 's');
}

function asSql(v: Value): SqlValue {
  return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v;
}

export function evaluate(e: Expr, row: Row, env: EvalEnv, group?: Row[]): Value {
  switch (e.k) {
    case 'lit': return e.v;
    case 'bind': {
      if (!(e.name in env.binds)) throw ora.notBound(e.pos);
      return env.binds[e.name] ?? null;
    }
    case 'col': return row[e.name] ?? null;
    case 'star': return 1;
    case 'fn': return callFunction(e, row, env, group);
    case 'not': {
      const v = evaluate(e.e, row, env, group);
      return v === null ? null : !truthy(v);
    }
    case 'neg': {
      const v = asSql(evaluate(e.e, row, env, group));
      return v === null ? null : -toNumber(v);
    }
    case 'isnull': {
      const v = evaluate(e.e, row, env, group);
      return (v === null || v === '') !== e.not;
    }
    case 'in': return evalIn(e, row, env, group);
    case 'like': {
      const v = asSql(evaluate(e.e, row, env, group));
      const p = asSql(evaluate(e.pattern, row, env, group));
      if (v === null || p === null) return null;
      return likeToRegExp(String(p)).test(String(v)) !== e.not;
    }
    case 'between': {
      const v = asSql(evaluate(e.e, row, env, group));
      const lo = compare(v, asSql(evaluate(e.lo, row, env, group)));
      const hi = compare(v, asSql(evaluate(e.hi, row, env, group)));
      if (lo === null || hi === null) return null;
      return (lo >= 0 && hi <= 0) !== e.not;
    }
    case 'bin': return evalBinary(e, row, env, group);
  }
}

function evalIn(e: Extract<Expr, { k: 'in' }>, row: Row, env: EvalEnv, group?: Row[]): Value {
  const v = asSql(evaluate(e.e, row, env, group));
  if (v === null) return null;
  let sawNull = false;
  for (const item of e.list) {
    const c = compare(v, asSql(evaluate(item, row, env, group)));
    if (c === 0) return !e.not;
    if (c === null) sawNull = true;
  }
  return sawNull ? null : e.not;
}

function evalBinary(e: Extract<Expr, { k: 'bin' }>, row: Row, env: EvalEnv, group?: Row[]): Value {
  const l = evaluate(e.l, row, env, group);
  if (e.op === 'AND' || e.op === 'OR') {
    const r = evaluate(e.r, row, env, group);
    if (e.op === 'AND') return l === false || r === false ? false : l === null || r === null ? null : true;
    return l === true || r === true ? true : l === null || r === null ? null : false;
  }
  const a = asSql(l);
  const b = asSql(evaluate(e.r, row, env, group));
  if (e.op === '||') return `${a === null ? '' : isDate(a) ? new Date(a.ms).toISOString() : String(a)}${b === null ? '' : String(b)}`;
  if (CMP.has(e.op)) {
    const c = compare(a, b);
    if (c === null) return null;
    return { '=': c === 0, '<>': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[e.op] ?? null;
  }
  if (a === null || b === null) return null;
  if (isDate(a) && (e.op === '-' || e.op === '+')) {
    const days = toNumber(b);
    return date(a.ms + (e.op === '-' ? -days : days) * 86_400_000, a.kind);
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (e.op === '/' && y === 0) throw new OraError(1476, 'divisor is equal to zero');
  return e.op === '+' ? x + y : e.op === '-' ? x - y : e.op === '*' ? x * y : x / y;
}

function aggregate(e: Extract<Expr, { k: 'fn' }>, env: EvalEnv, group: Row[]): Value {
  const arg = e.args[0];
  if (!arg) throw new OraError(909, 'invalid number of arguments', e.pos);
  if (e.name === 'COUNT' && arg.k === 'star') return group.length;
  let values = group.map((r) => asSql(evaluate(arg, r, env))).filter((v): v is Exclude<SqlValue, null> => v !== null);
  if (e.distinct) values = [...new Map(values.map((v) => [JSON.stringify(v), v])).values()];
  if (e.name === 'COUNT') return values.length;
  if (values.length === 0) return null;
  if (e.name === 'SUM' || e.name === 'AVG') {
    const sum = values.reduce<number>((acc, v) => acc + toNumber(v), 0);
    return e.name === 'SUM' ? sum : sum / values.length;
  }
  const sorted = [...values].sort((a, b) => compare(a, b) ?? 0);
  return (e.name === 'MIN' ? sorted[0] : sorted[sorted.length - 1]) ?? null;
}

function callFunction(e: Extract<Expr, { k: 'fn' }>, row: Row, env: EvalEnv, group?: Row[]): Value {
  if (AGGREGATES.has(e.name)) {
    if (!group) throw new OraError(934, 'group function is not allowed here', e.pos);
    return aggregate(e, env, group);
  }
  if (e.name === 'SYSDATE') return date(env.now, 'date');
  if (e.name === 'SYSTIMESTAMP') return date(env.now, 'timestamptz');
  const args = e.args.map((a) => asSql(evaluate(a, row, env, group)));
  const [a, b, c] = args;
  switch (e.name) {
    case 'NVL': return a ?? b ?? null;
    case 'UPPER': return a === null || a === undefined ? null : String(a).toUpperCase();
    case 'LOWER': return a === null || a === undefined ? null : String(a).toLowerCase();
    case 'TRIM': return a === null || a === undefined ? null : String(a).trim();
    case 'LENGTH': return a === null || a === undefined ? null : String(a).length;
    case 'SUBSTR': {
      if (a === null || a === undefined) return null;
      const s = String(a);
      const start = toNumber(b ?? 1);
      const from = start > 0 ? start - 1 : Math.max(0, s.length + start);
      return s.substr(from, c === undefined || c === null ? undefined : toNumber(c));
    }
    case 'ROUND': {
      if (a === null || a === undefined) return null;
      const f = 10 ** toNumber(b ?? 0);
      return Math.round(toNumber(a) * f) / f;
    }
    case 'ABS': return a === null || a === undefined ? null : Math.abs(toNumber(a));
    case 'TO_NUMBER': return a === null || a === undefined ? null : toNumber(a);
    case 'TO_CHAR': return a === null || a === undefined ? null : typeof a === 'number' ? String(a) : isDate(a) ? new Date(a.ms).toISOString() : a;
    default: throw ora.invalidIdentifier(e.name, e.pos);
  }
}
