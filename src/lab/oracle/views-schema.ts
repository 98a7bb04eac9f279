/**
 * The schema catalogue views over the lab's tables and indexes: DBA_TABLES, DBA_TAB_COLUMNS,
 * DBA_COL_COMMENTS, DBA_TAB_COMMENTS, DBA_INDEXES, DBA_IND_COLUMNS and the VALID rows of
 * DBA_OBJECTS (tables and indexes; views.ts adds the invalid objects). They follow every DDL
 * of ddl.ts, so a migration's effect is visible the way a DBA checks it.
 */
import type { LabColumnDef, LabTable } from '../state/types.js';
import type { QueryCtx } from './context.js';
import type { Row } from './expr.js';
import { date } from './values.js';

type ViewDef = [columns: string[], rows: (q: QueryCtx) => Row[]];

function split(key: string): [owner: string, name: string] {
  const i = key.indexOf('.');
  return i < 0 ? ['SYS', key] : [key.slice(0, i), key.slice(i + 1)];
}

/** DBA_TAB_COLUMNS for a column no DDL declared: NUMBER when its values are numbers, else VARCHAR2(4000). */
export function inferredDef(table: LabTable, column: string): LabColumnDef {
  const sample = table.rows.map((r) => r[column]).find((v) => v !== null && v !== undefined);
  return { type: typeof sample === 'number' ? 'NUMBER' : 'VARCHAR2(4000)', nullable: !table.key.includes(column) };
}

function defOf(t: LabTable, column: string): LabColumnDef {
  return t.defs?.[column] ?? inferredDef(t, column);
}

/** `NUMBER(3)` → DATA_TYPE NUMBER, DATA_PRECISION 3; `VARCHAR2(64 CHAR)` → VARCHAR2, DATA_LENGTH 64 (bytes as declared). */
function typeColumns(type: string): Row {
  const m = /^([A-Z0-9_]+)(?:\((\d+|\*)(?:\s+(?:BYTE|CHAR))?(?:,(\d+))?\))?(.*)$/.exec(type) ?? [];
  const base = m[1] ?? type;
  const a = m[2] === undefined || m[2] === '*' ? undefined : Number(m[2]);
  const b = m[3] === undefined ? undefined : Number(m[3]);
  const rest = (m[4] ?? '').trim();
  if (base === 'NUMBER') return { DATA_TYPE: 'NUMBER', DATA_LENGTH: 22, DATA_PRECISION: a ?? null, DATA_SCALE: a === undefined ? null : b ?? 0 };
  if (base === 'INTEGER') return { DATA_TYPE: 'NUMBER', DATA_LENGTH: 22, DATA_PRECISION: null, DATA_SCALE: 0 };
  if (base === 'DATE') return { DATA_TYPE: 'DATE', DATA_LENGTH: 7, DATA_PRECISION: null, DATA_SCALE: null };
  if (base === 'TIMESTAMP') {
    const scale = a ?? 6;
    const zone = rest.includes('LOCAL') ? ' WITH LOCAL TIME ZONE' : rest.includes('TIME ZONE') ? ' WITH TIME ZONE' : '';
    return { DATA_TYPE: `TIMESTAMP(${scale})${zone}`, DATA_LENGTH: zone && !zone.includes('LOCAL') ? 13 : 11, DATA_PRECISION: null, DATA_SCALE: scale };
  }
  if (base === 'CLOB' || base === 'BLOB' || base === 'NCLOB') return { DATA_TYPE: base, DATA_LENGTH: 4000, DATA_PRECISION: null, DATA_SCALE: null };
  return { DATA_TYPE: base, DATA_LENGTH: a ?? 1, DATA_PRECISION: null, DATA_SCALE: null };
}

function tableRows(q: QueryCtx): Row[] {
  return Object.entries(q.db.tables).map(([key, t]) => {
    const [owner, name] = split(key);
    return { OWNER: owner, TABLE_NAME: name, TABLESPACE_NAME: t.tablespace ?? 'USERS', STATUS: 'VALID', NUM_ROWS: t.rows.length, DEGREE: '1', TEMPORARY: 'N' };
  });
}

function columnRows(q: QueryCtx): Row[] {
  return Object.entries(q.db.tables).flatMap(([key, t]) => {
    const [owner, name] = split(key);
    return t.columns.map((c, i) => {
      const d = defOf(t, c);
      return { OWNER: owner, TABLE_NAME: name, COLUMN_NAME: c.toUpperCase(), ...typeColumns(d.type), NULLABLE: d.nullable ? 'Y' : 'N', COLUMN_ID: i + 1, DATA_DEFAULT: d.default ?? null };
    });
  });
}

function columnCommentRows(q: QueryCtx): Row[] {
  return Object.entries(q.db.tables).flatMap(([key, t]) => {
    const [owner, name] = split(key);
    return t.columns.map((c) => ({ OWNER: owner, TABLE_NAME: name, COLUMN_NAME: c.toUpperCase(), COMMENTS: t.defs?.[c]?.comment ?? null }));
  });
}

function tableCommentRows(q: QueryCtx): Row[] {
  return Object.entries(q.db.tables).map(([key, t]) => {
    const [owner, name] = split(key);
    return { OWNER: owner, TABLE_NAME: name, TABLE_TYPE: 'TABLE', COMMENTS: t.comment ?? null };
  });
}

function indexRows(q: QueryCtx): Row[] {
  return Object.values(q.db.indexes ?? {}).map((i) => {
    const [tableOwner, table] = split(i.table);
    return {
      OWNER: i.owner, INDEX_NAME: i.name, INDEX_TYPE: 'NORMAL', TABLE_OWNER: tableOwner, TABLE_NAME: table, TABLE_TYPE: 'TABLE',
      UNIQUENESS: i.unique ? 'UNIQUE' : 'NONUNIQUE', TABLESPACE_NAME: i.tablespace, STATUS: i.status, DEGREE: String(i.degree),
      VISIBILITY: 'VISIBLE', NUM_ROWS: q.db.tables[i.table]?.rows.length ?? 0,
    };
  });
}

function indexColumnRows(q: QueryCtx): Row[] {
  return Object.values(q.db.indexes ?? {}).flatMap((i) => {
    const [tableOwner, table] = split(i.table);
    return i.columns.map((c, n) => ({ INDEX_OWNER: i.owner, INDEX_NAME: i.name, TABLE_OWNER: tableOwner, TABLE_NAME: table, COLUMN_NAME: c.toUpperCase(), COLUMN_POSITION: n + 1, DESCEND: 'ASC' }));
  });
}

/** DBA_OBJECTS rows of the tables and indexes (VALID; CREATED at the lab's reset unless DDL made them). */
export function schemaObjectRows(q: QueryCtx): Row[] {
  const reset = date(q.state.resetAt);
  const tables = Object.keys(q.db.tables).map((key) => {
    const [owner, name] = split(key);
    return { OWNER: owner, OBJECT_NAME: name, OBJECT_TYPE: 'TABLE', STATUS: 'VALID', CREATED: reset };
  });
  const indexes = Object.values(q.db.indexes ?? {}).map((i) => ({ OWNER: i.owner, OBJECT_NAME: i.name, OBJECT_TYPE: 'INDEX', STATUS: i.status === 'VALID' ? 'VALID' : 'INVALID', CREATED: date(i.created) }));
  return [...tables, ...indexes];
}

const NUMBER_TYPE = ['DATA_TYPE', 'DATA_LENGTH', 'DATA_PRECISION', 'DATA_SCALE'];

export const SCHEMA_VIEWS: Record<string, ViewDef> = {
  DBA_TABLES: [['OWNER', 'TABLE_NAME', 'TABLESPACE_NAME', 'STATUS', 'NUM_ROWS', 'DEGREE', 'TEMPORARY'], tableRows],
  DBA_TAB_COLUMNS: [['OWNER', 'TABLE_NAME', 'COLUMN_NAME', ...NUMBER_TYPE, 'NULLABLE', 'COLUMN_ID', 'DATA_DEFAULT'], columnRows],
  DBA_COL_COMMENTS: [['OWNER', 'TABLE_NAME', 'COLUMN_NAME', 'COMMENTS'], columnCommentRows],
  DBA_TAB_COMMENTS: [['OWNER', 'TABLE_NAME', 'TABLE_TYPE', 'COMMENTS'], tableCommentRows],
  DBA_INDEXES: [['OWNER', 'INDEX_NAME', 'INDEX_TYPE', 'TABLE_OWNER', 'TABLE_NAME', 'TABLE_TYPE', 'UNIQUENESS', 'TABLESPACE_NAME', 'STATUS', 'DEGREE', 'VISIBILITY', 'NUM_ROWS'], indexRows],
  DBA_IND_COLUMNS: [['INDEX_OWNER', 'INDEX_NAME', 'TABLE_OWNER', 'TABLE_NAME', 'COLUMN_NAME', 'COLUMN_POSITION', 'DESCEND'], indexColumnRows],
};
