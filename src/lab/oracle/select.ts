/**
 * The generic SELECT engine: one table or view, WHERE with binds, GROUP BY with aggregates,
 * ORDER BY (expressions, aliases, positions), DISTINCT and FETCH FIRST n ROWS ONLY. Joins and
 * sub-queries are not supported here (the catalogue answers its own joins exactly).
 */
import type { LabTable } from '../state/types.js';
import type { QueryCtx, ResultSet } from './context.js';
import { ora } from './errors.js';
import { checkColumns, evaluate, hasAggregate, parseExpr, truthy } from './expr.js';
import type { EvalEnv, Expr, Row } from './expr.js';
import type { Cursor } from './lexer.js';
import { compare, fromScalar } from './values.js';
import type { SqlValue } from './values.js';
import { isFixedView, virtualView } from './views.js';
import type { Source } from './views.js';

interface Item { expr: Expr; header: string }
interface OrderItem { expr: Expr; desc: boolean }

export interface SelectStmt {
  distinct: boolean;
  star: boolean;
  items: Item[];
  from: { name: string; alias?: string; pos: number };
  where?: Expr;
  groupBy: Expr[];
  orderBy: OrderItem[];
  fetch?: number;
}

const STOP = new Set(['FROM', 'WHERE', 'GROUP', 'ORDER', 'FETCH', 'UNION', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'HAVING', 'CONNECT', 'START', 'ON', 'MINUS', 'INTERSECT']);

function parseItem(c: Cursor): Item {
  const start = c.peek().pos;
  const expr = parseExpr(c);
  const end = c.tokens[c.i - 1]?.end ?? start;
  let header = expr.k === 'col' ? expr.name : c.sql.slice(start, end).replace(/\s+/g, '').toUpperCase();
  if (c.accept('AS')) header = c.name().value;
  else if ((c.peek().type === 'ident' && !STOP.has(c.peek().value)) || c.peek().type === 'qident') header = c.next().value;
  return { expr, header };
}

export function parseSelect(c: Cursor): SelectStmt {
  c.expect('SELECT');
  const distinct = c.accept('DISTINCT');
  const star = c.accept('*');
  const items: Item[] = [];
  if (!star) {
    items.push(parseItem(c));
    while (c.accept(',')) items.push(parseItem(c));
  }
  c.expect('FROM');
  const t1 = c.name();
  let name = t1.value;
  if (c.accept('.')) name += `.${c.name().value}`;
  const alias = (c.peek().type === 'ident' && !STOP.has(c.peek().value)) || c.peek().type === 'qident' ? c.next().value : undefined;
  const stmt: SelectStmt = { distinct, star, items, from: { name, pos: t1.pos, ...(alias ? { alias } : {}) }, groupBy: [], orderBy: [] };
  if (c.accept('WHERE')) stmt.where = parseExpr(c);
  if (c.accept('GROUP')) {
    c.expect('BY');
    stmt.groupBy.push(parseExpr(c));
    while (c.accept(',')) stmt.groupBy.push(parseExpr(c));
  }
  if (c.accept('ORDER')) {
    c.expect('BY');
    do {
      const expr = parseExpr(c);
      const desc = c.accept('DESC') ? true : (c.accept('ASC'), false);
      stmt.orderBy.push({ expr, desc });
    } while (c.accept(','));
  }
  if (c.accept('FETCH')) {
    if (!c.accept('FIRST')) c.expect('NEXT');
    const n = c.next();
    stmt.fetch = Number(n.value);
    if (!c.accept('ROWS')) c.expect('ROW');
    c.expect('ONLY');
  }
  if (!c.atEnd()) throw ora.notEnded(c.peek().pos);
  return stmt;
}

/** Finds a table of the session's database ("SCHEMA.TABLE", or "TABLE" when unambiguous). */
export function findTable(tables: Record<string, LabTable>, name: string): string | undefined {
  const upper = name.toUpperCase();
  const keys = Object.keys(tables);
  const exact = keys.find((k) => k.toUpperCase() === upper);
  if (exact || upper.includes('.')) return exact;
  const matches = keys.filter((k) => k.toUpperCase().endsWith(`.${upper}`));
  return matches.length === 1 ? matches[0] : undefined;
}

export function resolveSource(name: string, pos: number, q: QueryCtx): Source {
  const view = virtualView(name, q);
  if (view) return view;
  if (q.db.openMode === 'MOUNTED' && !isFixedView(name)) throw ora.notOpen();
  const key = findTable(q.tables, name);
  const table = key ? q.tables[key] : undefined;
  if (!key || !table) throw ora.noTable(pos);
  return {
    name: key,
    columns: table.columns.map((col) => col.toUpperCase()),
    rows: table.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toUpperCase(), fromScalar(v)]))),
  };
}

export function envFor(source: Source, q: QueryCtx, alias?: string): EvalEnv {
  const qualifiers = new Set([source.name, source.name.split('.').pop() ?? source.name, ...(alias ? [alias] : [])]);
  return { binds: q.binds, now: q.now, columns: new Set(source.columns), qualifiers };
}

function sortRows(rows: Array<{ out: SqlValue[]; keys: SqlValue[] }>, order: OrderItem[]): void {
  rows.sort((a, b) => {
    for (let i = 0; i < order.length; i++) {
      const x = a.keys[i] ?? null;
      const y = b.keys[i] ?? null;
      const desc = order[i]!.desc;
      if (x === null || y === null) {
        if (x === y) continue;
        return (x === null ? 1 : -1) * (desc ? -1 : 1);
      }
      const c = compare(x, y) ?? 0;
      if (c !== 0) return desc ? -c : c;
    }
    return 0;
  });
}

function asValue(v: ReturnType<typeof evaluate>): SqlValue {
  return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v;
}

function orderKey(o: OrderItem, items: Item[], out: SqlValue[], row: Row, env: EvalEnv, group?: Row[]): SqlValue {
  if (o.expr.k === 'lit' && typeof o.expr.v === 'number') return out[o.expr.v - 1] ?? null;
  if (o.expr.k === 'col' && !o.expr.qual) {
    const idx = items.findIndex((it) => it.header === (o.expr as { name: string }).name);
    if (idx >= 0 && !env.columns.has(o.expr.name)) return out[idx] ?? null;
  }
  return asValue(evaluate(o.expr, row, env, group));
}

export function runSelect(stmt: SelectStmt, q: QueryCtx): ResultSet {
  const source = resolveSource(stmt.from.name, stmt.from.pos, q);
  const env = envFor(source, q, stmt.from.alias);
  const items: Item[] = stmt.star ? source.columns.map((name) => ({ expr: { k: 'col', name, pos: 0 }, header: name })) : stmt.items;
  const aliases = new Set(items.map((i) => i.header));
  for (const it of items) checkColumns(it.expr, env);
  if (stmt.where) checkColumns(stmt.where, env);
  stmt.groupBy.forEach((g) => checkColumns(g, env));
  for (const o of stmt.orderBy) {
    if (!(o.expr.k === 'col' && aliases.has(o.expr.name)) && o.expr.k !== 'lit') checkColumns(o.expr, env);
  }
  const filtered = stmt.where ? source.rows.filter((r) => truthy(evaluate(stmt.where!, r, env))) : source.rows;
  const grouped = stmt.groupBy.length > 0 || items.some((i) => hasAggregate(i.expr));
  let out: Array<{ out: SqlValue[]; keys: SqlValue[] }> = [];
  if (grouped) {
    const groups = new Map<string, Row[]>();
    for (const r of filtered) {
      const key = JSON.stringify(stmt.groupBy.map((g) => asValue(evaluate(g, r, env))));
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
    }
    if (groups.size === 0 && stmt.groupBy.length === 0) groups.set('[]', []);
    for (const rows of groups.values()) {
      const first = rows[0] ?? {};
      const values = items.map((i) => asValue(evaluate(i.expr, first, env, rows)));
      out.push({ out: values, keys: stmt.orderBy.map((o) => orderKey(o, items, values, first, env, rows)) });
    }
  } else {
    out = filtered.map((r) => {
      const values = items.map((i) => asValue(evaluate(i.expr, r, env)));
      return { out: values, keys: stmt.orderBy.map((o) => orderKey(o, items, values, r, env)) };
    });
  }
  if (stmt.distinct) out = [...new Map(out.map((o) => [JSON.stringify(o.out), o])).values()];
  if (stmt.orderBy.length > 0) sortRows(out, stmt.orderBy);
  if (stmt.fetch !== undefined) out = out.slice(0, stmt.fetch);
  return { columns: items.map((i) => i.header), rows: out.map((o) => o.out) };
}
