/**
 * Oracle steps: add a datafile (identifier validated and quoted by oracleIdentifier, the path
 * checked against a strict pattern), restart the listener on the database hosts (lsnrctl via
 * shellCommand), resume stalled 批扣 batches (UPDATE with binds, only RUNNING batches without
 * progress and never a finished one).
 */
import { oracleIdentifier, shellCommand } from '../transport/index.js';
import { sqlLiteral } from '../transport/oracle.js';
import { failed, num, ok, param, warn, type StepInput, type StepResult } from './types.js';

const DIRECTORY = /^(\+[A-Z][A-Z0-9_]*|\/[A-Za-z0-9_.-]+)(\/[A-Za-z0-9_.-]+)*$/;

export async function addDatafile(input: StepInput): Promise<StepResult> {
  const { database, tablespace } = input.target;
  const dir = String(param(input.step, 'directory') ?? '');
  if (!DIRECTORY.test(dir) || dir.includes('..')) return failed(`directory ${JSON.stringify(dir)} is not a plain absolute path or ASM disk group`);
  const ts = oracleIdentifier(tablespace!, 30);
  const s = await input.ctx.oracle(database!);
  const files = await s.query('SELECT FILE_NAME FROM DBA_DATA_FILES WHERE TABLESPACE_NAME = :ts', { ts: tablespace! });
  if (files.length === 0) return failed(`tablespace ${tablespace} has no datafiles in ${database} (does it exist?)`);
  const base = tablespace!.toLowerCase();
  let n = files.length + 1;
  const taken = new Set(files.map((f) => String(f.FILE_NAME)));
  while (taken.has(`${dir}/${base}_${String(n).padStart(2, '0')}.dbf`)) n++;
  const path = `${dir}/${base}_${String(n).padStart(2, '0')}.dbf`;
  const size = num(input.step, 'sizeGb', 30);
  const auto = param(input.step, 'autoextend') === true ? ` AUTOEXTEND ON NEXT ${num(input.step, 'nextMb', 1024)}M MAXSIZE ${num(input.step, 'maxSizeGb', 32)}G` : '';
  await s.execute(`ALTER TABLESPACE ${ts} ADD DATAFILE ${sqlLiteral(path)} SIZE ${size}G${auto}`);
  return ok(`added ${path} (${size} GB${auto ? ', autoextend' : ''}) to ${tablespace} in ${database}`, [`datafiles before: ${files.length}`]);
}

export async function restartListener(input: StepInput): Promise<StepResult> {
  const evidence: string[] = [];
  for (const host of input.target.hosts) {
    const stop = await input.ctx.hosts.exec(host, { script: shellCommand(['lsnrctl', 'stop']) });
    evidence.push(`${host}: lsnrctl stop → exit ${stop.exitCode}${stop.exitCode ? ' (was not running)' : ''}`);
    const start = await input.ctx.hosts.exec(host, { script: shellCommand(['lsnrctl', 'start']) });
    const status = await input.ctx.hosts.exec(host, { script: shellCommand(['lsnrctl', 'status']) });
    evidence.push(`${host}: lsnrctl start → exit ${start.exitCode}; status → exit ${status.exitCode}`);
    if (status.exitCode !== 0) return failed(`listener on ${host} did not come up: ${(status.stdout + status.stderr).split('\n').find((l) => /TNS-/.test(l)) ?? `exit ${status.exitCode}`}`, evidence);
    const ready = /Instance "[^"]+", status READY/.test(status.stdout);
    if (!ready) evidence.push(`${host}: no service READY yet (the database registers within a minute; is it up?)`);
  }
  return ok(`listener restarted on ${input.target.hosts.join(', ')}`, evidence);
}

/** `YYYY-MM-DD HH24:MI:SS` in Asia/Shanghai (the business tables' time text). */
export function shanghaiText(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
}

export async function resumeBatch(input: StepInput): Promise<StepResult> {
  const s = await input.ctx.oracle(input.target.database!);
  const now = input.ctx.now();
  const cutoff = shanghaiText(new Date(now.getTime() - num(input.step, 'staleHours', 2) * 3_600_000));
  const binds = { running: 'RUNNING', cutoff, ...(input.target.batch ? { batch: input.target.batch } : {}) };
  const where = `STATUS = :running AND FINISHED_AT IS NULL AND UPDATED_AT < :cutoff${input.target.batch ? ' AND BATCH_ID = :batch' : ''}`;
  const stalled = await s.query(`SELECT BATCH_ID, PROCESSED_COUNT, EXPECTED_COUNT, UPDATED_AT FROM SBF.SBF_PK_BATCH WHERE ${where} ORDER BY BATCH_ID`, binds);
  const evidence = stalled.map((r) => `${String(r.BATCH_ID)}: ${String(r.PROCESSED_COUNT)}/${String(r.EXPECTED_COUNT)} processed, last progress ${String(r.UPDATED_AT)}`);
  if (stalled.length === 0) return warn(`no stalled batch${input.target.batch ? ` ${input.target.batch}` : ''} (RUNNING without progress since ${cutoff}): nothing resumed`, evidence);
  const r = await s.execute(`UPDATE SBF.SBF_PK_BATCH SET STATUS = :running, UPDATED_AT = :now, ERROR_MSG = NULL WHERE ${where}`, { ...binds, now: shanghaiText(now) });
  if (r.rowsAffected !== stalled.length) return failed(`resumed ${r.rowsAffected} batches, expected ${stalled.length}`, evidence);
  return ok(`resumed ${r.rowsAffected} stalled batch(es) from where they stopped: ${stalled.map((x) => String(x.BATCH_ID)).join(', ')}`, evidence);
}
