/**
 * The `check` step: inspection checks from the health catalogue, run read-only through the
 * inspection collectors, their findings kept when they concern the runbook's target.
 */
import type { InspectionPlaybook } from '../model/index.js';
import { failed, ok, param, type StepInput, type StepResult } from './types.js';

function concerns(findingTarget: string, input: StepInput): boolean {
  const t = input.target;
  const names = [t.server && `server:${t.server}`, t.tablespace && `tablespace:${t.tablespace}`, t.batch && `batch:${t.batch}`, t.database && `:${t.database}`, t.domain && `:${t.domain}`].filter((x): x is string => !!x);
  if (t.kind === 'server') return findingTarget.includes(`server:${t.server}`) || (!findingTarget.includes('server:') && findingTarget.includes(`:${t.domain}`));
  if (t.kind === 'tablespace') return findingTarget.includes(`:${t.database}`) && findingTarget.includes(`tablespace:${t.tablespace}`);
  return names.length === 0 || names.some((n) => findingTarget.includes(n));
}

export async function check(input: StepInput): Promise<StepResult> {
  const ids = String(param(input.step, 'checks') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) return failed('check step without params.checks');
  const { inspect } = await import('../inspect/index.js');
  const playbook: InspectionPlaybook = {
    apiVersion: 'opsctl/v1', kind: 'InspectionPlaybook', name: `runbook-${input.step.name}`, title: { zh: input.step.title, en: input.step.name },
    cadence: 'daily', schedule: '0 0 * * *', checks: ids.map((id) => ({ id })),
  } as InspectionPlaybook;
  const report = await inspect({ ctx: input.ctx, playbook, revision: null });
  const mine = report.findings.filter((f) => concerns(f.target, input));
  const evidence = mine.map((f) => `${f.severity} ${f.checkId} ${f.target}: ${f.message.zh}`);
  if (mine.length === 0) return ok(`${ids.join(', ')}: no finding for ${input.target.text}`);
  return { status: 'warning', message: `${ids.join(', ')}: ${mine.length} finding(s) for ${input.target.text}`, evidence };
}
