/**
 * What each step of a runbook would do, in words, on which host/server/database (pure): the
 * dry run prints these; an executed run records them next to the outcomes.
 */
import type { Runbook } from '../model/index.js';
import type { ResolvedTarget } from './target.js';

export type RunbookStep = Runbook['steps'][number];

export interface PlannedStep {
  name: string;
  title: string;
  action: RunbookStep['action'];
  params: Record<string, string | number | boolean>;
  where: string;
  does: string;
  always: boolean;
}

function describe(step: RunbookStep, t: ResolvedTarget): string {
  const p = step.params ?? {};
  switch (step.action) {
    case 'thread-dump': return `read the thread pool of ${t.server}, find its java pid with ps -ef, send kill -3 ${p.count ?? 1}× every ${p.intervalSeconds ?? 10} s (thread dump to the .out / javacore)`;
    case 'restart-server': return `shut down ${t.server} through the admin server (force after failure), start it, wait for RUNNING (health gate)`;
    case 'add-datafile': return `ALTER TABLESPACE ${t.tablespace} ADD DATAFILE '${p.directory ?? '?'}/<ts>_NN.dbf' SIZE ${p.sizeGb ?? '?'}G${p.autoextend ? ` AUTOEXTEND ON NEXT ${p.nextMb ?? 1024}M MAXSIZE ${p.maxSizeGb ?? '?'}G` : ''}`;
    case 'restart-listener': return 'lsnrctl stop (if up), lsnrctl start, lsnrctl status must succeed';
    case 'resume-batch': return `UPDATE SBF.SBF_PK_BATCH SET STATUS = 'RUNNING', UPDATED_AT = now, ERROR_MSG = NULL for ${t.batch ?? `batches RUNNING without progress for ${p.staleHours ?? 2} h`} (binds; never a finished batch)`;
    case 'collect-logs': return `tail the last ${p.lines ?? 200} lines of the ${p.source ?? 'server'} logs (kept outside git; an excerpt, personal data masked, in the record)`;
    case 'clean-logs': return `for each logRetention rule: find PATH -name PATTERN -type f -mtime +compressAfterDays → gzip; -mtime +keepDays → rm (listing first)`;
    case 'rotate-password': return `check the current password logs on; generate one, stage it in the secret store (the current one kept); ALTER USER ${t.user} IDENTIFIED BY (never echoed); set it on the dependent data sources (one activated edit per domain: REST, or WLST from a 0600 file) and testPool each on its running servers; verify a login; any failure restores the old password everywhere (database, data sources, store)`;
    case 'check': return `inspection checks ${String(p.checks ?? '')} on ${t.text} (read only)`;
  }
  return step.action;
}

function where(step: RunbookStep, t: ResolvedTarget): string {
  if (step.action === 'check') return t.text;
  if (t.kind === 'server') return `${t.domain}/${t.server} on ${t.hosts.join(', ')}`;
  if (t.kind === 'host') return t.text === '*' ? `every host with logRetention rules (${t.hosts.length} hosts)` : t.text;
  return `${t.text} (${t.hosts.join(', ')})`;
}

export function planSteps(runbook: Runbook, t: ResolvedTarget): PlannedStep[] {
  return runbook.steps.map((s) => ({ name: s.name, title: s.title, action: s.action, params: { ...(s.params ?? {}) }, where: where(s, t), does: describe(s, t), always: s.always === true }));
}
