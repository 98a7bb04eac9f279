/**
 * ALTER SYSTEM / TABLESPACE / DATABASE / PROFILE / USER as the providers issue them. Each is
 * validated and applied inside one store update against fresh state, so a refused change
 * leaves the state untouched. Returns the SQL*Plus feedback line ("System altered."). ALTER USER
 * … IDENTIFIED BY keeps the password as a digest (state/password.ts): quoted exactly, unquoted
 * as the tokenizer upper-cases it.
 */
import type { LabDatabase, LabState } from '../state/types.js';
import type { LabStore } from '../state/store.js';
import { passwordDigest } from '../state/password.js';
import { OraError, ora } from './errors.js';
import type { Cursor, Token } from './lexer.js';

export interface AdminCtx {
  store: LabStore;
  dbName: string;
  now: Date;
  /** Current user (for unqualified scheduler job names). */
  user: string;
}

function withDb<T>(a: AdminCtx, change: (db: LabDatabase, state: LabState) => T): T {
  return a.store.update((state) => {
    const db = state.databases[a.dbName];
    if (!db) throw ora.notAvailable(false);
    return change(db, state);
  });
}

const UNITS: Record<string, number> = { K: 1 / 1024, M: 1, G: 1024, T: 1024 * 1024 };

/** `100M`, `2G`, `512K`, a bare number of bytes → MB. */
export function sizeMb(c: Cursor): number {
  const t = c.next();
  if (t.type !== 'number') throw ora.missingOption(t.pos);
  const unit = c.peek().type === 'ident' && c.peek().value in UNITS ? c.next().value : undefined;
  return unit ? Number(t.value) * (UNITS[unit] ?? 1) : Number(t.value) / 1_048_576;
}

function until(c: Cursor, stops: string[]): Token[] {
  const out: Token[] = [];
  while (!c.atEnd() && !(c.peek().type === 'ident' && stops.includes(c.peek().value))) out.push(c.next());
  return out;
}

function parameterValue(tokens: Token[], sql: string, current: string | undefined): string {
  if (tokens.length === 0) throw ora.missingExpression();
  const strings = tokens.filter((t) => t.type !== 'op');
  if (strings.every((t) => t.type === 'string')) return strings.map((t) => t.value).join(', ');
  const raw = sql.slice(tokens[0]!.pos, tokens[tokens.length - 1]!.end).trim();
  const m = /^(\d+)\s*([KMG])$/i.exec(raw);
  if (m && current !== undefined && /^\d+$/.test(current)) {
    return String(Number(m[1]) * { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2]!.toUpperCase() as 'K' | 'M' | 'G']);
  }
  if (current !== undefined && /^\d+$/.test(current) && !/^\d+$/.test(raw)) throw new OraError(2017, 'integer value required');
  return raw.replace(/^"(.*)"$/, '$1');
}

function alterSystemSet(c: Cursor, a: AdminCtx): string {
  const nameTok = c.name();
  const name = nameTok.value.toLowerCase();
  c.expect('=');
  const valueTokens = until(c, ['SCOPE', 'SID', 'COMMENT', 'DEFERRED', 'CONTAINER']);
  let scope = 'BOTH';
  let deferred = false;
  while (!c.atEnd()) {
    const opt = c.next();
    if (opt.value === 'DEFERRED') deferred = true;
    else if (opt.value === 'SCOPE') {
      c.expect('=');
      scope = c.next().value;
    } else if (['SID', 'COMMENT', 'CONTAINER'].includes(opt.value)) {
      c.expect('=');
      c.next();
    }
    else throw ora.missingOption(opt.pos);
  }
  if (!['MEMORY', 'SPFILE', 'BOTH'].includes(scope)) throw ora.missingOption();
  return withDb(a, (db) => {
    const p = db.parameters[name];
    if (!p) throw new OraError(2065, 'illegal option for ALTER SYSTEM', nameTok.pos);
    const value = parameterValue(valueTokens, c.sql, p.value);
    if (scope !== 'SPFILE' && p.isSysModifiable === 'FALSE') throw new OraError(2095, 'specified initialization parameter cannot be modified', nameTok.pos);
    if (scope !== 'SPFILE' && p.isSysModifiable === 'DEFERRED' && !deferred) throw new OraError(2096, 'specified initialization parameter is not modifiable with this option', nameTok.pos);
    const spfile = p.spfileValue ?? p.value;
    if (scope === 'SPFILE') p.spfileValue = value;
    else if (scope === 'MEMORY') {
      p.value = value;
      p.spfileValue = spfile;
    } else {
      p.value = value;
      delete p.spfileValue;
    }
    if (p.spfileValue === p.value) delete p.spfileValue;
    return 'System altered.';
  });
}

function alterSystem(c: Cursor, a: AdminCtx): string {
  if (c.accept('SET')) return alterSystemSet(c, a);
  if (c.accept('KILL')) {
    c.expect('SESSION');
    const spec = c.next();
    const sid = Number(spec.value.split(',')[0]);
    return withDb(a, (db) => {
      if (!db.blockingSessions.some((s) => s.sid === sid || s.blockingSid === sid)) throw new OraError(30, 'User session ID does not exist.', spec.pos);
      db.blockingSessions = db.blockingSessions.filter((s) => s.sid !== sid && s.blockingSid !== sid);
      return 'System altered.';
    });
  }
  if (c.accept('SWITCH') || c.accept('CHECKPOINT') || c.accept('ARCHIVE') || c.accept('FLUSH')) return 'System altered.';
  throw ora.missingOption(c.peek().pos);
}

function fileSpec(c: Cursor): { path: string; size: number; autoextend: boolean; max: number } {
  const path = c.next();
  if (path.type !== 'string') throw ora.missingOption(path.pos);
  c.expect('SIZE');
  const size = sizeMb(c);
  c.accept('REUSE');
  let autoextend = false;
  let max = size;
  if (c.accept('AUTOEXTEND')) {
    autoextend = c.accept('ON');
    if (!autoextend) c.expect('OFF');
    if (c.accept('NEXT')) sizeMb(c);
    if (c.accept('MAXSIZE')) max = c.accept('UNLIMITED') ? 32767 : sizeMb(c);
    else if (autoextend) max = 32767;
  }
  return { path: path.value, size, autoextend, max };
}

function alterTablespace(c: Cursor, a: AdminCtx): string {
  const nameTok = c.name();
  c.expect('ADD');
  if (!c.accept('DATAFILE')) c.expect('TEMPFILE');
  const spec = fileSpec(c);
  if (!c.atEnd()) throw ora.notEnded(c.peek().pos);
  return withDb(a, (db) => {
    const ts = db.tablespaces[nameTok.value] ?? Object.values(db.tablespaces).find((t) => t.name === nameTok.value);
    if (!ts) throw new OraError(959, `tablespace '${nameTok.value}' does not exist`, nameTok.pos);
    const all = Object.values(db.tablespaces).flatMap((t) => t.datafiles);
    if (all.some((f) => f.path === spec.path)) throw new OraError(1537, `cannot add file '${spec.path}' - file already part of database`);
    ts.datafiles.push({ path: spec.path, sizeMb: spec.size, maxMb: spec.autoextend ? spec.max : spec.size, autoextend: spec.autoextend });
    recomputeTablespace(ts);
    return 'Tablespace altered.';
  });
}

export function recomputeTablespace(ts: LabDatabase['tablespaces'][string]): void {
  ts.sizeMb = ts.datafiles.reduce((s, f) => s + f.sizeMb, 0);
  ts.maxMb = ts.datafiles.reduce((s, f) => s + (f.autoextend ? Math.max(f.maxMb, f.sizeMb) : f.sizeMb), 0);
  ts.autoextend = ts.datafiles.some((f) => f.autoextend);
}

function alterDatabase(c: Cursor, a: AdminCtx): string {
  if (!c.accept('DATAFILE')) c.expect('TEMPFILE');
  const pathTok = c.next();
  let resize: number | undefined;
  let auto: { on: boolean; max?: number } | undefined;
  if (c.accept('RESIZE')) resize = sizeMb(c);
  else if (c.accept('AUTOEXTEND')) {
    const on = c.accept('ON');
    if (!on) c.expect('OFF');
    if (c.accept('NEXT')) sizeMb(c);
    auto = { on, ...(c.accept('MAXSIZE') ? { max: c.accept('UNLIMITED') ? 32767 : sizeMb(c) } : {}) };
  } else throw ora.missingOption(c.peek().pos);
  if (!c.atEnd()) throw ora.notEnded(c.peek().pos);
  return withDb(a, (db) => {
    const ts = Object.values(db.tablespaces).find((t) => t.datafiles.some((f) => f.path === pathTok.value));
    const file = ts?.datafiles.find((f) => f.path === pathTok.value);
    if (!ts || !file) throw new OraError(1516, `nonexistent log file, data file, or temporary file "${pathTok.value}"`);
    if (resize !== undefined) {
      if (ts.sizeMb - file.sizeMb + resize < ts.usedMb) throw new OraError(3297, 'file contains used data beyond requested RESIZE value');
      file.sizeMb = resize;
    }
    if (auto) {
      file.autoextend = auto.on;
      file.maxMb = auto.on ? auto.max ?? 32767 : file.sizeMb;
    }
    recomputeTablespace(ts);
    return 'Database altered.';
  });
}

function alterProfile(c: Cursor, a: AdminCtx): string {
  const nameTok = c.name();
  c.expect('LIMIT');
  const limits: Array<[string, string]> = [];
  while (!c.atEnd()) {
    const res = c.name().value;
    const v = c.next();
    let value = v.value;
    if (c.accept('/')) value = String(Number(value) / Number(c.next().value));
    limits.push([res, value]);
  }
  if (limits.length === 0) throw ora.missingOption();
  return withDb(a, (db) => {
    const profile = db.profiles[nameTok.value];
    if (!profile) throw new OraError(2380, `profile ${nameTok.value} does not exist`);
    for (const [res, value] of limits) profile[res] = value;
    return 'Profile altered.';
  });
}

function alterUser(c: Cursor, a: AdminCtx): string {
  const nameTok = c.name();
  const changes: Array<(u: LabDatabase['users'][string], db: LabDatabase) => void> = [];
  while (!c.atEnd()) {
    if (c.accept('IDENTIFIED')) {
      c.expect('BY');
      const digest = passwordDigest(c.name().value);
      if (c.accept('REPLACE')) c.name();
      changes.push((u) => ((u.passwordChangedDaysAgo = 0), (u.passwordDigest = digest), u.accountStatus === 'EXPIRED' && (u.accountStatus = 'OPEN')));
    } else if (c.accept('PROFILE')) {
      const p = c.name().value;
      changes.push((u, db) => {
        if (!db.profiles[p]) throw new OraError(2380, `profile ${p} does not exist`);
        u.profile = p;
      });
    } else if (c.accept('ACCOUNT')) {
      const lock = c.accept('LOCK');
      if (!lock) c.expect('UNLOCK');
      changes.push((u) => (u.accountStatus = lock ? 'LOCKED' : u.accountStatus.includes('EXPIRED') ? 'EXPIRED' : 'OPEN'));
    } else if (c.accept('PASSWORD')) {
      c.expect('EXPIRE');
      changes.push((u) => (u.accountStatus = 'EXPIRED'));
    } else if (c.accept('DEFAULT')) {
      c.expect('TABLESPACE');
      const t = c.name().value;
      changes.push((u) => (u.defaultTablespace = t));
    } else throw ora.missingOption(c.peek().pos);
  }
  return withDb(a, (db) => {
    const u = db.users[nameTok.value];
    if (!u) throw new OraError(1918, `user '${nameTok.value}' does not exist`);
    for (const change of changes) change(u, db);
    return 'User altered.';
  });
}

/** ALTER … (the cursor is past ALTER). ALTER SESSION is handled by the session itself. */
export function runAlter(c: Cursor, a: AdminCtx): string {
  const what = c.next();
  switch (what.value) {
    case 'SYSTEM': return alterSystem(c, a);
    case 'TABLESPACE': return alterTablespace(c, a);
    case 'DATABASE': return alterDatabase(c, a);
    case 'PROFILE': return alterProfile(c, a);
    case 'USER': return alterUser(c, a);
    default: throw new OraError(940, 'invalid ALTER command', what.pos);
  }
}
