/**
 * Schema DDL as release migration scripts use it: CREATE/DROP TABLE, ALTER TABLE ADD/DROP
 * COLUMN, CREATE/DROP/ALTER INDEX, COMMENT ON. Each statement is parsed first, then validated
 * and applied inside one store update against fresh state (so a refused statement changes
 * nothing), with the ORA- errors Oracle raises for the same mistakes (ORA-00942, -00955,
 * -01430, -01418, -00904, -00959, -01408, -01758 …). Returns the SQL*Plus feedback line.
 *
 * Names: `SCHEMA.NAME` as written; an unqualified name is the session user's object (for
 * lookups, as everywhere in the lab, a unique `*.NAME` is accepted too). Tables and indexes
 * have separate namespaces per schema, as in Oracle. DDL commits (the session commits first).
 */
import type { LabColumnDef, LabDatabase, LabIndex, LabTable, Scalar } from '../state/types.js';
import type { LabStore } from '../state/store.js';
import { OraError, ora } from './errors.js';
import { evaluate, parseExpr } from './expr.js';
import { Cursor, tokenize, type Token } from './lexer.js';
import { findTable } from './select.js';
import { toScalar } from './values.js';
import { inferredDef } from './views-schema.js';

export interface DdlCtx {
  store: LabStore;
  dbName: string;
  now: Date;
  /** The session user: owner of unqualified new objects. */
  user: string;
}

/** Statement kinds ddl.ts handles; other DDL stays refused by the session (ORA-01031). */
export function isSchemaDdl(c: Cursor): boolean {
  const first = c.peek().value;
  if (first === 'COMMENT') return true;
  if (first === 'ALTER') return c.is('TABLE', 1) || c.is('INDEX', 1);
  if (first === 'DROP') return c.is('TABLE', 1) || c.is('INDEX', 1);
  if (first === 'CREATE') return c.is('TABLE', 1) || c.is('INDEX', 1) || ((c.is('UNIQUE', 1) || c.is('BITMAP', 1)) && c.is('INDEX', 2));
  return false;
}

interface Name {
  owner?: string;
  name: string;
  pos: number;
}

function qualifiedName(c: Cursor): Name {
  const first = c.name();
  if (c.accept('.')) {
    const second = c.name();
    return { owner: first.value, name: second.value, pos: first.pos };
  }
  return { name: first.value, pos: first.pos };
}

const end = (c: Cursor): void => {
  if (!c.atEnd() && !c.is(';')) throw ora.notEnded(c.peek().pos);
};

function ownerOf(n: Name, user: string): string {
  return (n.owner ?? user).toUpperCase();
}

/** The key of an existing table named `n`, or undefined. */
function tableKey(db: LabDatabase, n: Name, user: string): string | undefined {
  if (n.owner) return findTable(db.tables, `${n.owner}.${n.name}`);
  return findTable(db.tables, `${user}.${n.name}`) ?? findTable(db.tables, n.name);
}

function existingTable(db: LabDatabase, n: Name, user: string): { key: string; table: LabTable } {
  const key = tableKey(db, n, user);
  const table = key ? db.tables[key] : undefined;
  if (!key || !table) throw ora.noTable(n.pos);
  return { key, table };
}

function indexKey(db: LabDatabase, n: Name, user: string): string | undefined {
  const indexes = db.indexes ?? {};
  if (n.owner) return indexes[`${n.owner}.${n.name}`] ? `${n.owner}.${n.name}` : undefined;
  if (indexes[`${user}.${n.name}`]) return `${user}.${n.name}`;
  const matches = Object.keys(indexes).filter((k) => k.endsWith(`.${n.name}`));
  return matches.length === 1 ? matches[0] : undefined;
}

/** The index named, or ORA-01418 as Oracle answers DROP/ALTER INDEX of a missing one. */
function existingIndex(db: LabDatabase, n: Name, user: string): { key: string; index: NonNullable<LabDatabase['indexes']>[string] } {
  const key = indexKey(db, n, user);
  const index = key ? db.indexes?.[key] : undefined;
  if (!key || !index) throw new OraError(1418, 'specified index does not exist', n.pos);
  return { key, index };
}

function columnOf(table: LabTable, name: string, pos: number): string {
  const real = table.columns.find((c) => c.toUpperCase() === name.toUpperCase());
  if (!real) throw ora.invalidIdentifier(name, pos);
  return real;
}

function writable(db: LabDatabase): void {
  if (db.role !== 'PRIMARY' || db.openMode.startsWith('READ ONLY')) throw ora.readOnly();
  if (db.openMode === 'MOUNTED') throw ora.notOpen();
}

// ---------------------------------------------------------------- data types and columns

const SIZED = new Set(['VARCHAR2', 'NVARCHAR2', 'CHAR', 'NCHAR', 'RAW', 'VARCHAR']);
const PLAIN = new Set(['DATE', 'CLOB', 'NCLOB', 'BLOB', 'INTEGER', 'INT', 'SMALLINT', 'FLOAT', 'LONG', 'BINARY_DOUBLE', 'BINARY_FLOAT']);

/** A column's data type as declared (`NUMBER(3)`, `VARCHAR2(64 CHAR)`, `TIMESTAMP(6) WITH TIME ZONE`). */
function dataType(c: Cursor): string {
  const t = c.peek();
  if (t.type !== 'ident') throw new OraError(902, 'invalid datatype', t.pos);
  const base = c.next().value;
  const args = (): string => {
    if (!c.accept('(')) return '';
    const parts: string[] = [];
    do {
      const n = c.next();
      if (n.type !== 'number' && !(n.type === 'op' && n.value === '*')) throw ora.missingExpression(n.pos);
      let part = n.value;
      if (c.is('BYTE') || c.is('CHAR')) part += ` ${c.next().value}`;
      parts.push(part);
    } while (c.accept(','));
    c.expect(')');
    return `(${parts.join(',')})`;
  };
  if (base === 'NUMBER') return `NUMBER${args()}`;
  if (SIZED.has(base)) {
    const a = args();
    if (!a && base !== 'CHAR' && base !== 'NCHAR') throw new OraError(906, 'missing left parenthesis', c.peek().pos);
    return `${base === 'VARCHAR' ? 'VARCHAR2' : base}${a}`;
  }
  if (base === 'TIMESTAMP') {
    let type = `TIMESTAMP${args()}`;
    if (c.accept('WITH')) {
      const local = c.accept('LOCAL');
      c.expect('TIME');
      c.expect('ZONE');
      type += local ? ' WITH LOCAL TIME ZONE' : ' WITH TIME ZONE';
    }
    return type;
  }
  if (PLAIN.has(base)) return base === 'INT' || base === 'SMALLINT' ? 'INTEGER' : base;
  throw new OraError(902, 'invalid datatype', t.pos);
}

const DEFAULT_STOPS = new Set(['NOT', 'NULL', 'CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'REFERENCES', 'ENABLE', 'DISABLE']);

/** DEFAULT expression: its text (DATA_DEFAULT) and value for existing rows. */
function defaultClause(c: Cursor, now: Date): { text: string; value: Scalar } | undefined {
  if (!c.accept('DEFAULT')) return undefined;
  const tokens: Token[] = [];
  let depth = 0;
  for (;;) {
    const t = c.peek();
    if (t.type === 'eof' || (depth === 0 && ((t.type === 'op' && (t.value === ',' || t.value === ')' || t.value === ';')) || (t.type === 'ident' && DEFAULT_STOPS.has(t.value))))) break;
    if (t.type === 'op' && t.value === '(') depth++;
    if (t.type === 'op' && t.value === ')') depth--;
    tokens.push(c.next());
  }
  if (tokens.length === 0) throw ora.missingExpression(c.peek().pos);
  const text = c.sql.slice(tokens[0]!.pos, tokens[tokens.length - 1]!.end);
  const sub = new Cursor(tokenize(text), text);
  const expr = parseExpr(sub);
  if (!sub.atEnd()) throw ora.missingExpression(tokens[0]!.pos + sub.peek().pos);
  const v = evaluate(expr, {}, { binds: {}, now, columns: new Set(), qualifiers: new Set() });
  return { text, value: toScalar(typeof v === 'boolean' ? String(v).toUpperCase() : v) };
}

interface ColumnSpec {
  name: string;
  pos: number;
  def: LabColumnDef;
  value: Scalar;
  primaryKey: boolean;
}

/** `name type [DEFAULT expr] [[CONSTRAINT c] NOT NULL | NULL | PRIMARY KEY | UNIQUE]…` */
function columnSpec(c: Cursor, now: Date): ColumnSpec {
  const nameTok = c.name();
  const type = dataType(c);
  const dflt = defaultClause(c, now);
  let nullable = true;
  let primaryKey = false;
  for (;;) {
    if (c.accept('CONSTRAINT')) c.name();
    if (c.is('NOT') && c.is('NULL', 1)) {
      c.next();
      c.next();
      nullable = false;
    } else if (c.accept('NULL')) {
      nullable = true;
    } else if (c.is('PRIMARY') && c.is('KEY', 1)) {
      c.next();
      c.next();
      primaryKey = true;
      nullable = false;
    } else if (c.accept('ENABLE') || c.accept('DISABLE')) {
      continue;
    } else break;
  }
  return { name: nameTok.value, pos: nameTok.pos, def: { type, nullable, ...(dflt ? { default: dflt.text } : {}) }, value: dflt?.value ?? null, primaryKey };
}

function checkTablespace(db: LabDatabase, ts: Token | undefined): string | undefined {
  if (!ts) return undefined;
  if (!db.tablespaces[ts.value]) throw new OraError(959, `tablespace '${ts.value}' does not exist`, ts.pos);
  return ts.value;
}

function defaultTablespace(db: LabDatabase, owner: string): string {
  return db.users[owner]?.defaultTablespace ?? 'USERS';
}

let constraintSeq = 0;
function systemName(db: LabDatabase): string {
  const used = new Set(Object.values(db.indexes ?? {}).map((i) => i.name));
  let n: string;
  do n = `SYS_C${String(12000 + (constraintSeq++ % 80000)).padStart(7, '0')}`; while (used.has(n));
  return n;
}

// ---------------------------------------------------------------- statements

function createTable(c: Cursor, a: DdlCtx): string {
  const n = qualifiedName(c);
  const owner = ownerOf(n, a.user);
  c.expect('(');
  const specs: ColumnSpec[] = [];
  let key: string[] = [];
  let keyName: string | undefined;
  do {
    if (c.is('CONSTRAINT') || (c.is('PRIMARY') && c.is('KEY', 1))) {
      if (c.accept('CONSTRAINT')) keyName = c.name().value;
      c.expect('PRIMARY');
      c.expect('KEY');
      c.expect('(');
      key = [];
      do key.push(c.name().value); while (c.accept(','));
      c.expect(')');
    } else specs.push(columnSpec(c, a.now));
  } while (c.accept(','));
  c.expect(')');
  let ts: Token | undefined;
  while (!c.atEnd() && !c.is(';')) {
    if (c.accept('TABLESPACE')) ts = c.name();
    else if (c.accept('LOGGING') || c.accept('NOLOGGING') || c.accept('NOCOMPRESS') || c.accept('COMPRESS')) continue;
    else if (c.accept('PCTFREE') || c.accept('INITRANS')) c.next();
    else throw ora.missingOption(c.peek().pos);
  }
  end(c);
  const names = new Set<string>();
  for (const s of specs) {
    if (names.has(s.name)) throw new OraError(957, 'duplicate column name', s.pos);
    names.add(s.name);
  }
  if (key.length === 0) key = specs.filter((s) => s.primaryKey).map((s) => s.name);
  for (const k of key) if (!names.has(k)) throw ora.invalidIdentifier(k);
  return withDb(a, (db) => {
    writable(db);
    const tablespace = checkTablespace(db, ts) ?? defaultTablespace(db, owner);
    const tkey = `${owner}.${n.name}`;
    if (Object.keys(db.tables).some((k) => k.toUpperCase() === tkey)) throw new OraError(955, 'name is already used by an existing object', n.pos);
    const defs = Object.fromEntries(specs.map((s) => [s.name, s.def]));
    for (const k of key) defs[k] = { ...defs[k]!, nullable: false };
    const table: LabTable = { columns: specs.map((s) => s.name), key, rows: [], defs, tablespace };
    if (key.length) {
      const pk = keyName ?? systemName(db);
      if ((db.indexes ?? {})[`${owner}.${pk}`]) throw new OraError(955, 'name is already used by an existing object', n.pos);
      table.keyName = pk;
      db.indexes = { ...(db.indexes ?? {}), [`${owner}.${pk}`]: { owner, name: pk, table: tkey, columns: [...key], unique: true, tablespace, degree: 1, status: 'VALID', created: a.now.toISOString() } };
    }
    db.tables[tkey] = table;
    return 'Table created.';
  });
}

function dropTable(c: Cursor, a: DdlCtx): string {
  const n = qualifiedName(c);
  if (c.accept('CASCADE')) c.expect('CONSTRAINTS');
  c.accept('PURGE');
  end(c);
  return withDb(a, (db) => {
    writable(db);
    const { key } = existingTable(db, n, a.user);
    delete db.tables[key];
    if (db.indexes) for (const [k, i] of Object.entries(db.indexes)) if (i.table === key) delete db.indexes[k];
    return 'Table dropped.';
  });
}

function addColumns(c: Cursor, a: DdlCtx, n: Name): string {
  const specs: ColumnSpec[] = [];
  if (c.accept('(')) {
    do specs.push(columnSpec(c, a.now)); while (c.accept(','));
    c.expect(')');
  } else specs.push(columnSpec(c, a.now));
  end(c);
  return withDb(a, (db) => {
    writable(db);
    const { table } = existingTable(db, n, a.user);
    const seen = new Set(table.columns.map((x) => x.toUpperCase()));
    for (const s of specs) {
      if (seen.has(s.name)) throw new OraError(1430, 'column being added already exists in table', s.pos);
      seen.add(s.name);
      if (!s.def.nullable && s.value === null && table.rows.length > 0) throw new OraError(1758, 'table must be empty to add mandatory (NOT NULL) column', s.pos);
    }
    for (const s of specs) {
      table.columns.push(s.name);
      table.defs = { ...(table.defs ?? {}), [s.name]: s.def };
      table.rows = table.rows.map((r) => ({ ...r, [s.name]: s.value }));
    }
    return 'Table altered.';
  });
}

function dropColumns(c: Cursor, a: DdlCtx, n: Name): string {
  const names: Token[] = [];
  if (c.accept('COLUMN')) names.push(c.name());
  else {
    c.expect('(');
    do names.push(c.name()); while (c.accept(','));
    c.expect(')');
  }
  if (c.accept('CASCADE')) c.expect('CONSTRAINTS');
  if (c.accept('CHECKPOINT') && c.peek().type === 'number') c.next();
  end(c);
  return withDb(a, (db) => {
    writable(db);
    const { key, table } = existingTable(db, n, a.user);
    const cols = names.map((t) => columnOf(table, t.value, t.pos));
    if (cols.length >= table.columns.length) throw new OraError(12983, 'cannot drop all columns in a table');
    const inKey = cols.find((col) => table.key.includes(col));
    if (inKey) throw new OraError(12992, 'cannot drop parent key column');
    const drop = new Set(cols);
    table.columns = table.columns.filter((x) => !drop.has(x));
    table.rows = table.rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !drop.has(k))));
    if (table.defs) table.defs = Object.fromEntries(Object.entries(table.defs).filter(([k]) => !drop.has(k)));
    // Oracle drops the indexes (and constraints) defined on a dropped column.
    if (db.indexes) for (const [k, i] of Object.entries(db.indexes)) if (i.table === key && i.columns.some((x) => drop.has(x))) delete db.indexes[k];
    return 'Table altered.';
  });
}

function alterTable(c: Cursor, a: DdlCtx): string {
  const n = qualifiedName(c);
  if (c.accept('ADD')) return addColumns(c, a, n);
  if (c.accept('DROP')) return dropColumns(c, a, n);
  throw new OraError(1735, 'invalid ALTER TABLE option', c.peek().pos);
}

const INDEX_FLAGS = new Set(['ONLINE', 'NOPARALLEL', 'LOGGING', 'NOLOGGING', 'NOCOMPRESS', 'REVERSE', 'VISIBLE', 'INVISIBLE', 'LOCAL', 'NOSORT']);

/** PARALLEL [n] | NOPARALLEL | TABLESPACE t | ONLINE | COMPUTE STATISTICS | …; returns the degree and tablespace seen. */
function indexOptions(c: Cursor, errorCode: number, errorText: string): { degree?: number; tablespace?: Token } {
  const out: { degree?: number; tablespace?: Token } = {};
  while (!c.atEnd() && !c.is(';')) {
    if (c.accept('TABLESPACE')) out.tablespace = c.name();
    else if (c.accept('PARALLEL')) out.degree = c.peek().type === 'number' ? Number(c.next().value) : 4;
    else if (c.is('NOPARALLEL')) {
      c.next();
      out.degree = 1;
    } else if (c.accept('COMPUTE')) c.expect('STATISTICS');
    else if (c.accept('COMPRESS')) {
      if (c.peek().type === 'number') c.next();
    } else if (c.accept('PCTFREE') || c.accept('INITRANS')) c.next();
    else if (c.peek().type === 'ident' && INDEX_FLAGS.has(c.peek().value)) c.next();
    else throw new OraError(errorCode, errorText, c.peek().pos);
  }
  return out;
}

function createIndex(c: Cursor, a: DdlCtx, unique: boolean): string {
  const n = qualifiedName(c);
  const owner = ownerOf(n, a.user);
  c.expect('ON');
  const t = qualifiedName(c);
  c.expect('(');
  const cols: Token[] = [];
  do {
    cols.push(c.name());
    if (!c.accept('ASC')) c.accept('DESC');
  } while (c.accept(','));
  c.expect(')');
  const opts = indexOptions(c, 2158, 'invalid CREATE INDEX option');
  end(c);
  return withDb(a, (db) => {
    writable(db);
    const { key, table } = existingTable(db, t, a.user);
    const columns = cols.map((x) => columnOf(table, x.value, x.pos));
    const tablespace = checkTablespace(db, opts.tablespace) ?? table.tablespace ?? defaultTablespace(db, owner);
    const ikey = `${owner}.${n.name}`;
    const indexes = db.indexes ?? {};
    if (indexes[ikey]) throw new OraError(955, 'name is already used by an existing object', n.pos);
    if (Object.values(indexes).some((i) => i.table === key && i.columns.join(',') === columns.join(','))) throw new OraError(1408, 'such column list already indexed');
    if (unique) {
      const seen = new Set<string>();
      for (const r of table.rows) {
        const k = JSON.stringify(columns.map((x) => r[x] ?? null));
        if (columns.every((x) => r[x] === null || r[x] === undefined)) continue;
        if (seen.has(k)) throw new OraError(1452, 'cannot CREATE UNIQUE INDEX; duplicate keys found');
        seen.add(k);
      }
    }
    const index: LabIndex = { owner, name: n.name, table: key, columns, unique, tablespace, degree: opts.degree ?? 1, status: 'VALID', created: a.now.toISOString() };
    db.indexes = { ...indexes, [ikey]: index };
    return 'Index created.';
  });
}

function dropIndex(c: Cursor, a: DdlCtx): string {
  const n = qualifiedName(c);
  c.accept('ONLINE');
  c.accept('FORCE');
  end(c);
  return withDb(a, (db) => {
    writable(db);
    const { key, index } = existingIndex(db, n, a.user);
    if (db.tables[index.table]?.keyName === index.name) throw new OraError(2429, 'cannot drop index used for enforcement of unique/primary key');
    delete db.indexes![key];
    return 'Index dropped.';
  });
}

function alterIndex(c: Cursor, a: DdlCtx): string {
  const n = qualifiedName(c);
  const rebuild = c.accept('REBUILD');
  const opts = indexOptions(c, 2243, 'invalid ALTER INDEX or ALTER MATERIALIZED VIEW option');
  if (!rebuild && opts.tablespace) throw new OraError(2243, 'invalid ALTER INDEX or ALTER MATERIALIZED VIEW option', opts.tablespace.pos);
  end(c);
  return withDb(a, (db) => {
    writable(db);
    const { key, index } = existingIndex(db, n, a.user);
    const tablespace = checkTablespace(db, opts.tablespace) ?? index.tablespace;
    db.indexes![key] = { ...index, tablespace, degree: opts.degree ?? index.degree, ...(rebuild ? { status: 'VALID' as const } : {}) };
    return 'Index altered.';
  });
}

function comment(c: Cursor, a: DdlCtx): string {
  c.expect('ON');
  const kind = c.next();
  if (kind.value !== 'TABLE' && kind.value !== 'COLUMN') throw ora.missingOption(kind.pos);
  const parts: Token[] = [c.name()];
  while (c.accept('.')) parts.push(c.name());
  c.expect('IS');
  const text = c.next();
  if (text.type !== 'string') throw new OraError(1780, 'string literal required', text.pos);
  end(c);
  return withDb(a, (db) => {
    writable(db);
    if (kind.value === 'TABLE') {
      if (parts.length > 2) throw ora.notEnded(parts[2]!.pos);
      const n: Name = parts.length === 2 ? { owner: parts[0]!.value, name: parts[1]!.value, pos: parts[0]!.pos } : { name: parts[0]!.value, pos: parts[0]!.pos };
      existingTable(db, n, a.user).table.comment = text.value;
      return 'Comment created.';
    }
    if (parts.length < 2 || parts.length > 3) throw ora.missingOption(parts[0]!.pos);
    const col = parts[parts.length - 1]!;
    const n: Name = parts.length === 3 ? { owner: parts[0]!.value, name: parts[1]!.value, pos: parts[0]!.pos } : { name: parts[0]!.value, pos: parts[0]!.pos };
    const { table } = existingTable(db, n, a.user);
    const real = columnOf(table, col.value, col.pos);
    const def = table.defs?.[real] ?? inferredDef(table, real);
    table.defs = { ...(table.defs ?? {}), [real]: { ...def, comment: text.value } };
    return 'Comment created.';
  });
}

function withDb<T>(a: DdlCtx, change: (db: LabDatabase) => T): T {
  return a.store.update((state) => {
    const db = state.databases[a.dbName];
    if (!db) throw ora.notAvailable(false);
    return change(db);
  });
}

/** Runs one schema DDL statement (isSchemaDdl was true); returns the feedback line. */
export function runDdl(c: Cursor, a: DdlCtx): string {
  const verb = c.next().value;
  const user = a.user.toUpperCase();
  const ctx = { ...a, user };
  if (verb === 'COMMENT') return comment(c, ctx);
  if (verb === 'ALTER') return c.next().value === 'TABLE' ? alterTable(c, ctx) : alterIndex(c, ctx);
  if (verb === 'DROP') return c.next().value === 'TABLE' ? dropTable(c, ctx) : dropIndex(c, ctx);
  const unique = c.accept('UNIQUE');
  c.accept('BITMAP');
  return c.next().value === 'TABLE' ? createTable(c, ctx) : createIndex(c, ctx, unique);
}
