/**
 * The record of every runbook run, dry or executed: reports/<env>/runbooks/<stamp>-<name>.json
 * and .md (personal data scrubbed), committed with trailers when the run was executed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scrubText } from '../datafix/mask.js';
import { commitFiles } from '../git/index.js';
import type { RunbookRun } from './run.js';

const MARK: Record<string, string> = { 'dry-run': '○', ok: '✓', warning: '!', failed: '✗', skipped: '–' };

export function renderRunbook(run: RunbookRun): string {
  const lines = [
    `# 应急预案执行记录 Runbook run: ${run.title.zh} (${run.runbook})`,
    '',
    `- environment: ${run.env} · target: ${run.target.text} · severity: ${run.severity}`,
    `- started: ${run.startedAt} · ${run.execute ? 'executed' : 'dry run (nothing changed)'} · outcome: **${run.outcome}**`,
    '',
    '| # | step | action | where | status | message |',
    '|---|---|---|---|---|---|',
    ...run.steps.map((s, i) => `| ${i + 1} | ${s.title} | ${s.action} | ${s.where} | ${MARK[s.status] ?? ''} ${s.status} | ${s.message.replace(/\|/g, '\\|')} |`),
    '',
    ...run.steps.filter((s) => s.evidence.length).flatMap((s) => [`## ${s.name}`, '', ...s.evidence.slice(0, 60).map((e) => `    ${e}`), '']),
    `升级 Escalation: ${run.escalation}`,
    '',
  ];
  return scrubText(lines.join('\n'));
}

export function writeRunbookRecord(root: string, run: RunbookRun): string[] {
  const dir = join('reports', run.env, 'runbooks');
  mkdirSync(join(root, dir), { recursive: true });
  const stamp = run.startedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const base = join(dir, `${stamp}-${run.runbook}${run.execute ? '' : '-dry'}`);
  writeFileSync(join(root, `${base}.json`), scrubText(`${JSON.stringify(run, null, 2)}\n`));
  writeFileSync(join(root, `${base}.md`), renderRunbook(run));
  return [`${base}.json`, `${base}.md`];
}

export async function commitRunbookRecord(root: string, run: RunbookRun, files: readonly string[]): Promise<string> {
  return commitFiles(root, files, `runbook ${run.runbook} on ${run.target.text} (${run.env}): ${run.outcome}`, {
    'Opsctl-Env': run.env,
    'Opsctl-Runbook': run.runbook,
    'Opsctl-Target': run.target.text,
    'Opsctl-Outcome': run.outcome,
  });
}
