/**
 * What a statement runs against: the lab state, the database and instance of the session, the
 * clock, and the tables as this session sees them (its own uncommitted changes included).
 */
import type { LabDatabase, LabState, LabTable } from '../state/types.js';
import type { SqlValue } from './values.js';

export interface QueryCtx {
  state: LabState;
  db: LabDatabase;
  /** Instance the session is connected to. */
  sid: string;
  host: string;
  now: Date;
  tables: Record<string, LabTable>;
  binds: Record<string, SqlValue>;
}

/** Columns + rows, ready for SQL*Plus formatting. */
export interface ResultSet {
  columns: string[];
  rows: SqlValue[][];
}

export function instanceOf(q: QueryCtx): LabDatabase['instances'][number] | undefined {
  return q.db.instances.find((i) => i.sid === q.sid) ?? q.db.instances[0];
}

export function hoursAgo(now: Date, hours: number): Date {
  return new Date(now.getTime() - hours * 3_600_000);
}

/** A stable number from text (DBIDs, session keys) so readings do not change between runs. */
export function stableNumber(text: string, modulo: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) % modulo;
}
