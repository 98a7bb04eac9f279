/**
 * INSERT / UPDATE / DELETE on the lab's tables, with binds. Statements are parsed once and
 * applied to a table map; the session (transaction.ts) applies them to its private copy at
 * once and replays them on the shared state at COMMIT.
 */
import type { LabTable, Scalar } from '../state/types.js';
import { OraError, ora } from './errors.js';
import { checkColumns, evaluate, parseExpr, truthy } from './expr.js';
import type { EvalEnv, Expr, Row } from './expr.js';
import type { Cursor } from './lexer.js';
import { findTable } from './select.js';
import { fromScalar, toScalar } from './values.js';
import type { SqlValue } from './values.js';

export type DmlStmt =
  | { kind: 'insert'; table: string; pos: number; columns?: Array<{ name: string; pos: number }>; values: Expr[] }
  | { kind: 'update'; table: string; pos: number; alias?: string; set: Array<{ name: string; pos: number; expr: Expr }>; where?: Expr }
  | { kind: 'delete'; table: string; pos: number; alias?: string; where?: Expr };

function tableName(c: Cursor): { table: string; pos: number } {
  const t = c.name();
  let table = t.value;
  if (c.accept('.')) table += `.${c.name().value}`;
  return { table, pos: t.pos };
}

function optionalAlias(c: Cursor): string | undefined {
  const t = c.peek();
  return t.type === 'ident' && !['SET', 'WHERE'].includes(t.value) ? c.next().value : undefined;
}

function end(c: Cursor): void {
  if (!c.atEnd()) throw ora.notEnded(c.peek().pos);
}

export function parseDml(c: Cursor): DmlStmt {
  const verb = c.next().value;
  if (verb === 'INSERT') {
    c.expect('INTO');
    const { table, pos } = tableName(c);
    let columns: Array<{ name: string; pos: number }> | undefined;
    if (c.accept('(')) {
      columns = [];
      do columns.push({ name: c.name().value, pos: c.peek(-1).pos }); while (c.accept(','));
      c.expect(')');
    }
    c.expect('VALUES');
    c.expect('(');
    const values = [parseExpr(c)];
    while (c.accept(',')) values.push(parseExpr(c));
    c.expect(')');
    end(c);
    return { kind: 'insert', table, pos, values, ...(columns ? { columns } : {}) };
  }
  if (verb === 'UPDATE') {
    const { table, pos } = tableName(c);
    const alias = optionalAlias(c);
    c.expect('SET');
    const set: Array<{ name: string; pos: number; expr: Expr }> = [];
    do {
      let col = c.name();
      if (c.accept('.')) col = c.name();
      c.expect('=');
      set.push({ name: col.value, pos: col.pos, expr: parseExpr(c) });
    } while (c.accept(','));
    const where = c.accept('WHERE') ? parseExpr(c) : undefined;
    end(c);
    return { kind: 'update', table, pos, set, ...(alias ? { alias } : {}), ...(where ? { where } : {}) };
  }
  c.accept('FROM');
  const { table, pos } = tableName(c);
  const alias = optionalAlias(c);
  const where = c.accept('WHERE') ? parseExpr(c) : undefined;
  end(c);
  return { kind: 'delete', table, pos, ...(alias ? { alias } : {}), ...(where ? { where } : {}) };
}

export interface DmlEnv {
  binds: Record<string, SqlValue>;
  now: Date;
}

function toRow(r: Record<string, Scalar>): Row {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toUpperCase(), fromScalar(v)]));
}

function keyOf(table: LabTable, row: Record<string, Scalar>): string {
  return JSON.stringify(table.key.map((k) => row[k] ?? null));
}

function checkUnique(key: string, table: LabTable): void {
  if (table.key.length === 0) return;
  const seen = new Set<string>();
  for (const r of table.rows) {
    const k = keyOf(table, r);
    if (seen.has(k)) {
      const [schema, name] = key.includes('.') ? key.split('.') : ['SYS', key];
      throw new OraError(1, `unique constraint (${schema}.PK_${name}) violated`);
    }
    seen.add(k);
  }
}

/** Applies one DML statement to `tables` (mutating them) and returns the affected row count. */
export function applyDml(stmt: DmlStmt, tables: Record<string, LabTable>, env: DmlEnv): number {
  const key = findTable(tables, stmt.table);
  const table = key ? tables[key] : undefined;
  if (!key || !table) {
    if (/^(SYS\.)?G?V\$/.test(stmt.table)) throw new OraError(2030, 'can only select from fixed tables/views', stmt.pos);
    if (/^(SYS\.)?DBA_/.test(stmt.table)) throw ora.insufficientPrivileges();
    throw ora.noTable(stmt.pos);
  }
  const upper = new Map(table.columns.map((c) => [c.toUpperCase(), c]));
  const qualifiers = new Set([key, key.split('.').pop() ?? key, ...('alias' in stmt && stmt.alias ? [stmt.alias] : [])]);
  const evalEnv: EvalEnv = { binds: env.binds, now: env.now, columns: new Set(upper.keys()), qualifiers };
  const column = (name: string, pos: number): string => {
    const real = upper.get(name);
    if (!real) throw ora.invalidIdentifier(name, pos);
    return real;
  };
  const before = table.rows;
  let count: number;
  if (stmt.kind === 'insert') {
    const cols = (stmt.columns ?? table.columns.map((n) => ({ name: n.toUpperCase(), pos: stmt.pos }))).map((c) => column(c.name, c.pos));
    if (stmt.values.length > cols.length) throw new OraError(913, 'too many values', stmt.pos);
    if (stmt.values.length < cols.length) throw new OraError(947, 'not enough values', stmt.pos);
    const row: Record<string, Scalar> = Object.fromEntries(table.columns.map((c) => [c, null]));
    stmt.values.forEach((e, i) => {
      checkColumns(e, { ...evalEnv, columns: new Set() });
      const v = evaluate(e, {}, evalEnv);
      row[cols[i]!] = toScalar(typeof v === 'boolean' ? String(v).toUpperCase() : v);
    });
    table.rows = [...before, row];
    count = 1;
  } else {
    if (stmt.where) checkColumns(stmt.where, evalEnv);
    const match = (r: Record<string, Scalar>): boolean => !stmt.where || truthy(evaluate(stmt.where, toRow(r), evalEnv));
    if (stmt.kind === 'delete') {
      table.rows = before.filter((r) => !match(r));
      count = before.length - table.rows.length;
    } else {
      const targets = stmt.set.map((s) => ({ col: column(s.name, s.pos), expr: (checkColumns(s.expr, evalEnv), s.expr) }));
      count = 0;
      table.rows = before.map((r) => {
        if (!match(r)) return r;
        count++;
        const row = toRow(r);
        const next = { ...r };
        for (const t of targets) {
          const v = evaluate(t.expr, row, evalEnv);
          next[t.col] = toScalar(typeof v === 'boolean' ? String(v).toUpperCase() : v);
        }
        return next;
      });
    }
  }
  try {
    checkUnique(key, table);
  } catch (e) {
    table.rows = before;
    throw e;
  }
  return count;
}
