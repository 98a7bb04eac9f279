/**
 * `opsctl approve RELEASE --role ROLE --name NAME [--comment C] [--json]`: record one approval in
 * releases/RELEASE/release.yaml (comments kept) and commit it with the trailers Opsctl-Release
 * and Approved-By. `opsctl approve --env E --plan PLANFILE --role ROLE --name NAME`: approve
 * that exact plan (not a release) for an environment that requires approvals (production): it
 * is recorded by the plan's sha256 in reports/E/approvals/<sha256>.yaml and committed with
 * Opsctl-Env, Opsctl-Plan and Approved-By (DESIGN §6 rule 3). The date is --now's day in
 * Asia/Shanghai. Exit 0 recorded, 1 refused (unknown role, already approved, uncommitted file)
 * or error.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { shanghaiDay } from '../../core/calendar-days.js';
import type { Plan } from '../../core/index.js';
import { contextOf } from '../context.js';
import { EXIT } from '../exit.js';

interface ApproveCliOptions {
  role: string;
  name: string;
  env?: string;
  plan?: string;
  comment?: string;
  json?: boolean;
}

/** What is approved, from the arguments: a release, or a plan file for an environment. */
function subjectOf(release: string | undefined, opts: ApproveCliOptions): { release: string } | { env: string; planFile: string } | string {
  if (release !== undefined && (opts.plan !== undefined || opts.env !== undefined)) return 'give a release, or --env with --plan, not both';
  if (release !== undefined) return { release };
  if (opts.env === undefined || opts.plan === undefined) return 'give a release name, or --env E --plan PLANFILE to approve one plan';
  return { env: opts.env, planFile: opts.plan };
}

function readPlan(file: string): Plan {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(resolve(file), 'utf8')) as unknown;
  } catch (err) {
    throw new Error(`${file}: cannot read the plan: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || typeof (value as { env?: unknown }).env !== 'string') throw new Error(`${file} is not a plan (no env)`);
  return value as Plan;
}

export function registerApprove(program: Command): void {
  program
    .command('approve')
    .description('record an approval (审批) of a release, or of one plan for an environment that requires approvals, and commit it; exit 0 recorded, 1 refused')
    .argument('[release]', 'release name (releases/<release>/release.yaml)')
    .option('--env <env>', 'with --plan: the environment the plan is for')
    .option('--plan <planfile>', 'with --env: approve this exact plan (opsctl plan --out), not a release')
    .requiredOption('--role <role>', 'the approving role, one of the release\'s or environment\'s requiredApprovals (e.g. 主管部门, 业务部门)')
    .requiredOption('--name <name>', 'who approves')
    .option('--comment <text>', 'the approval comment (审批意见)')
    .option('--json', 'print the result as JSON')
    .action(async (release: string | undefined, opts: ApproveCliOptions, command: Command) => {
      const ctx = contextOf(command);
      const subject = subjectOf(release, opts);
      if (typeof subject === 'string') {
        process.stderr.write(`opsctl approve: ${subject}\n`);
        process.exitCode = EXIT.error;
        return;
      }
      const { approvePlan, approveRelease, ApprovalRefused } = await import('../../release/index.js');
      const who = { root: ctx.root, role: opts.role, name: opts.name, date: shanghaiDay(ctx.now.getTime()), ...(opts.comment ? { comment: opts.comment } : {}) };
      const label = 'release' in subject ? subject.release : `plan ${subject.planFile} (${subject.env})`;
      try {
        const r = 'release' in subject ? await approveRelease({ ...who, release: subject.release }) : await approvePlan({ ...who, env: subject.env, plan: readPlan(subject.planFile) });
        if (opts.json) process.stdout.write(`${JSON.stringify({ ok: true, ...subject, ...r }, null, 2)}\n`);
        else {
          process.stdout.write(`approved 已审批: ${label} — ${r.approval.role} ${r.approval.name} (${r.approval.date}), ${r.file}, commit ${r.commit.slice(0, 12)}\n`);
          process.stdout.write(r.missing.length > 0 ? `still missing 待审批: ${r.missing.join(', ')}\n` : 'all required approvals recorded 审批齐全\n');
        }
        process.exitCode = EXIT.ok;
      } catch (err) {
        if (!(err instanceof ApprovalRefused)) throw err;
        if (opts.json) process.stdout.write(`${JSON.stringify({ ok: false, ...subject, reason: err.message }, null, 2)}\n`);
        else process.stderr.write(`opsctl approve: refused 拒绝: ${err.message}\n`);
        process.exitCode = EXIT.error;
      }
    });
}
