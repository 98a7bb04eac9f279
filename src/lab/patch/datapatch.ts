/**
 * `$ORACLE_HOME/OPatch/datapatch -verbose [-apply ID | -rollback ID] [-force]` (12c and later;
 * an 11g home has none — 11g registers PSUs with catbundle.sql) on a lab database host, for the
 * instance ORACLE_SID names. It compares the home's binary registry (the OPatch inventory on
 * this host) with the database's SQL registry (DBA_REGISTRY_SQLPATCH) and applies the SQL of
 * patches installed but not registered, rolls back the SQL of registered patches no longer
 * installed, or does what -apply / -rollback name (with -force even against the binary state),
 * appending APPLY / ROLLBACK rows. The database must be open read write (a primary). Layout as
 * the 12.2–19c tool prints it (tests/fixtures/patch/datapatch-verbose-12.2.0.1.txt); the lab
 * lists every patch under "interim SQL patches" (19c prints release updates in a section of
 * their own).
 */
import type { LabDatabase, LabHome } from '../state/types.js';
import type { CommandHandler, CommandResult, ShellContext } from '../shell/types.js';
import { locateHome, opatchStamp, unixDate } from './homes.js';

function sqlApplied(db: LabDatabase): Map<string, string> {
  const last = new Map<string, LabDatabase['patches'][number]>();
  for (const p of db.patches) last.set(p.id, p);
  return new Map([...last].filter(([, p]) => (p.action ?? 'APPLY') === 'APPLY' && p.status === 'SUCCESS').map(([id, p]) => [id, p.actionTime]));
}

function plan(home: LabHome, db: LabDatabase, argv: string[]): { apply: string[]; rollback: string[] } {
  const binary = new Set(home.patches.map((p) => p.id));
  const sql = sqlApplied(db);
  const force = argv.includes('-force');
  const named = (flag: string): string[] => {
    const i = argv.indexOf(flag);
    return i >= 0 ? (argv[i + 1] ?? '').split(',').filter(Boolean) : [];
  };
  const applyIds = named('-apply');
  const rollbackIds = named('-rollback');
  if (applyIds.length || rollbackIds.length) {
    return {
      apply: applyIds.filter((id) => (binary.has(id) || force) && (!sql.has(id) || force)),
      rollback: rollbackIds.filter((id) => sql.has(id) && (!binary.has(id) || force)),
    };
  }
  return { apply: [...binary].filter((id) => !sql.has(id)), rollback: [...sql.keys()].filter((id) => !binary.has(id) && db.patches.some((p) => p.id === id)) };
}

function stateLines(home: LabHome, db: LabDatabase): string[] {
  const sql = sqlApplied(db);
  const ids = [...new Set([...home.patches.map((p) => p.id), ...db.patches.map((p) => p.id)])].sort();
  return ids.flatMap((id) => {
    const desc = home.patches.find((p) => p.id === id)?.description ?? db.patches.find((p) => p.id === id)?.description ?? '';
    const rows = db.patches.filter((p) => p.id === id);
    const sqlState = sql.has(id) ? `Applied successfully on ${unixDate(new Date(sql.get(id)!))}` : rows.length ? `Rolled back successfully on ${unixDate(new Date(rows.at(-1)!.actionTime))}` : 'Not installed';
    return [`Interim patch ${id} (${desc}):`, `  Binary registry: ${home.patches.some((p) => p.id === id) ? 'Installed' : 'Not installed'}`, `  SQL registry: ${sqlState}`];
  });
}

function run(ctx: ShellContext, home: LabHome, db: LabDatabase, argv: string[]): CommandResult {
  const work = plan(home, db, argv);
  const desc = (id: string): string => home.patches.find((p) => p.id === id)?.description ?? db.patches.find((p) => p.id === id)?.description ?? `Patch ${id}`;
  const at = ctx.now.toISOString();
  ctx.store.update((s) => {
    const d = s.databases[db.name];
    if (!d) return;
    for (const id of work.rollback) d.patches.push({ id, description: desc(id), status: 'SUCCESS', actionTime: at, action: 'ROLLBACK' });
    for (const id of work.apply) d.patches.push({ id, description: desc(id), status: 'SUCCESS', actionTime: at, action: 'APPLY' });
  });
  const stamp = opatchStamp(ctx.now).replace(/[-_]/g, '').slice(0, 14);
  const log = (id: string, action: string): string => `  logfile: /oracle/app/oracle/cfgtoollogs/sqlpatch/${id}/${id}_${action}_${db.dbName}_${stamp}.log (no errors)`;
  const queue = [
    ...(work.rollback.length ? ['  The following interim patches will be rolled back:', ...work.rollback.map((id) => `    ${id} (${desc(id)})`)] : ['  No interim patches need to be rolled back']),
    ...(work.apply.length ? ['  The following interim patches will be applied:', ...work.apply.map((id) => `    ${id} (${desc(id)})`)] : ['  No interim patches need to be applied']),
  ];
  const done = work.apply.length + work.rollback.length;
  return {
    stdout: [
      `SQL Patching tool version ${home.version} Production on ${unixDate(ctx.now)}`, `Copyright (c) 2012, ${unixDate(ctx.now).slice(-4)}, Oracle.  All rights reserved.`, '',
      `Log file for this invocation: /oracle/app/oracle/cfgtoollogs/sqlpatch/sqlpatch_${4000 + (ctx.now.getTime() % 60000)}_${opatchStamp(ctx.now).replace(/-/g, '_').slice(0, 19)}/sqlpatch_invocation.log`, '',
      'Connecting to database...OK', 'Gathering database info...done', 'Bootstrapping registry and package to current versions...done', 'Determining current state...done', '',
      'Current state of interim SQL patches:', ...stateLines(home, db), '',
      'Adding patches to installation queue and performing prereq checks...done', 'Installation queue:', ...queue, '',
      ...(done ? ['Installing patches...', `Patch installation complete.  Total patches installed: ${done}`, '', 'Validating logfiles...done'] : []),
      ...work.rollback.flatMap((id) => [`Patch ${id} rollback: SUCCESS`, log(id, 'rollback')]),
      ...work.apply.flatMap((id) => [`Patch ${id} apply: SUCCESS`, log(id, 'apply')]),
      `SQL Patching tool complete on ${unixDate(ctx.now)}`, '',
    ].join('\n'),
    stderr: '',
    exitCode: 0,
  };
}

export const datapatchCommand: CommandHandler = (argv, ctx) => {
  const at = locateHome(ctx, 'OPatch/datapatch');
  if (typeof at === 'string' || at.home.version.startsWith('11.')) return { stdout: '', stderr: `${ctx.argv0 ?? 'datapatch'}: not found\n`, exitCode: 127 };
  const sid = ctx.env.ORACLE_SID ?? '';
  const state = ctx.store.read();
  const db = Object.values(state.databases).find((d) => d.instances.some((i) => i.host === ctx.host && i.sid === sid));
  const inst = db?.instances.find((i) => i.host === ctx.host && i.sid === sid);
  const head = [`SQL Patching tool version ${at.home.version} Production on ${unixDate(ctx.now)}`, '', 'Connecting to database...'];
  if (!db || !inst || inst.status === 'DOWN') {
    return { stdout: [...head, 'Error: prereq checks failed!', `  Database connect failed with: ORA-01034: ORACLE not available (${sid || 'ORACLE_SID not set'})`, 'Please refer to MOS Note 1609718.1 and/or the invocation log', ''].join('\n'), stderr: '', exitCode: 1 };
  }
  if (db.role !== 'PRIMARY' || inst.status !== 'OPEN' || db.openMode !== 'READ WRITE') {
    return { stdout: [...head.slice(0, -1), 'Connecting to database...OK', `Error: prereq checks failed!`, `  database ${db.dbName} is ${db.role} ${db.openMode}: datapatch runs on a primary open READ WRITE`, ''].join('\n'), stderr: '', exitCode: 1 };
  }
  return run(ctx, at.home, db, argv);
};
