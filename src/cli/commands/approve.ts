/**
 * `opsctl approve RELEASE --role ROLE --name NAME [--comment C] [--json]`: record one approval
 * in releases/RELEASE/release.yaml (comments kept) and commit it with the trailers
 * Opsctl-Release and Approved-By (DESIGN §6 rule 3). The date is --now's day in Asia/Shanghai.
 * Exit 0 recorded, 1 refused (unknown role, already approved, uncommitted manifest) or error.
 */
import type { Command } from 'commander';
import { shanghaiDay } from '../../core/calendar-days.js';
import { contextOf } from '../context.js';
import { EXIT } from '../exit.js';

interface ApproveCliOptions {
  role: string;
  name: string;
  comment?: string;
  json?: boolean;
}

export function registerApprove(program: Command): void {
  program
    .command('approve')
    .description('record an approval of a release by a role (审批) and commit it; exit 0 recorded, 1 refused')
    .argument('<release>', 'release name (releases/<release>/release.yaml)')
    .requiredOption('--role <role>', 'the approving role, one of the release\'s requiredApprovals (e.g. 主管部门, 业务部门)')
    .requiredOption('--name <name>', 'who approves')
    .option('--comment <text>', 'the approval comment (审批意见)')
    .option('--json', 'print the result as JSON')
    .action(async (release: string, opts: ApproveCliOptions, command: Command) => {
      const ctx = contextOf(command);
      const { approveRelease, ApprovalRefused } = await import('../../release/index.js');
      try {
        const r = await approveRelease({ root: ctx.root, release, role: opts.role, name: opts.name, date: shanghaiDay(ctx.now.getTime()), ...(opts.comment ? { comment: opts.comment } : {}) });
        if (opts.json) process.stdout.write(`${JSON.stringify({ ok: true, release, ...r }, null, 2)}\n`);
        else {
          process.stdout.write(`approved 已审批: ${release} — ${r.approval.role} ${r.approval.name} (${r.approval.date}), commit ${r.commit.slice(0, 12)}\n`);
          process.stdout.write(r.missing.length > 0 ? `still missing 待审批: ${r.missing.join(', ')}\n` : 'all required approvals recorded 审批齐全\n');
        }
        process.exitCode = EXIT.ok;
      } catch (err) {
        if (!(err instanceof ApprovalRefused)) throw err;
        if (opts.json) process.stdout.write(`${JSON.stringify({ ok: false, release, reason: err.message }, null, 2)}\n`);
        else process.stderr.write(`opsctl approve: refused 拒绝: ${err.message}\n`);
        process.exitCode = EXIT.error;
      }
    });
}
