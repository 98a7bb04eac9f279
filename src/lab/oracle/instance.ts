/**
 * STARTUP and SHUTDOWN of the connected instance (SYSDBA only). STARTUP applies the values
 * pending in the SPFILE (SCOPE=SPFILE changes) and ends a `db-down` fault on that database —
 * the instance was started again.
 */
import { OraError, ora } from './errors.js';
import type { Session } from './session.js';

export function startup(s: Session, words: string[]): void {
  const conn = s.conn;
  if (!conn) return void s.out.push('SP2-0640: Not connected');
  if (!conn.sysdba) return s.reportError('', ora.insufficientPrivileges(), true);
  const mode = words.map((w) => w.toUpperCase()).find((w) => ['NOMOUNT', 'MOUNT', 'OPEN'].includes(w)) ?? 'OPEN';
  const force = words.some((w) => w.toUpperCase() === 'FORCE');
  if (!conn.idle && !force) return s.reportError('', new OraError(1081, 'cannot start already-running ORACLE - shut it down first'), true);
  if (!conn.dbName) {
    return s.reportError('', new OraError(1078, 'failure in processing system parameters', undefined, [`LRM-00109: could not open parameter file '/oracle/app/oracle/product/19.0.0/dbhome_1/dbs/init${conn.sid}.ora'`]), true);
  }
  s.ctx.store.update((state) => {
    const db = state.databases[conn.dbName];
    if (!db) return;
    state.faults = state.faults.filter((f) => !(f.name === 'db-down' && (f.target === db.name || f.target === db.dbName)));
    for (const inst of db.instances) {
      if (inst.sid !== conn.sid && !conn.remote) continue;
      inst.status = mode === 'NOMOUNT' ? 'STARTED' : mode === 'MOUNT' ? 'MOUNTED' : 'OPEN';
      inst.startupTime = s.ctx.now.toISOString();
    }
    for (const p of Object.values(db.parameters)) {
      if (p.spfileValue !== undefined) {
        p.value = p.spfileValue;
        delete p.spfileValue;
      }
    }
  });
  conn.idle = false;
  s.out.push('ORACLE instance started.', '', 'Total System Global Area 1.7180E+10 bytes', 'Fixed Size                  8904840 bytes',
    'Variable Size            2483027968 bytes', 'Database Buffers         1.4663E+10 bytes', 'Redo Buffers               24961024 bytes');
  if (mode !== 'NOMOUNT') s.out.push('Database mounted.');
  if (mode === 'OPEN') s.out.push('Database opened.');
}

export function shutdown(s: Session, words: string[]): void {
  const conn = s.conn;
  if (!conn) return void s.out.push('SP2-0640: Not connected');
  if (!conn.sysdba) return s.reportError('', ora.insufficientPrivileges(), true);
  if (conn.idle || !conn.dbName) return void s.out.push(...ora.notAvailable(true).lines());
  s.commit();
  const abort = words.some((w) => w.toUpperCase() === 'ABORT');
  s.ctx.store.update((state) => {
    const db = state.databases[conn.dbName];
    for (const inst of db?.instances ?? []) if (inst.sid === conn.sid) inst.status = 'DOWN';
  });
  conn.idle = true;
  if (!abort) s.out.push('Database closed.', 'Database dismounted.');
  s.out.push('ORACLE instance shut down.');
}
