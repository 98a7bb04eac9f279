/**
 * `opsctl audit [--env E] [--address A] [--since DATE] [--release R] [--json]`: who changed
 * what, when and why — the apply records and approvals in git history, newest first (DESIGN §6
 * rule 7). Read-only; exit 0 (also when nothing matches), 1 on error.
 */
import type { Command } from 'commander';
import type { AuditEntry } from '../../release/index.js';
import { contextOf } from '../context.js';
import { EXIT } from '../exit.js';

interface AuditCliOptions {
  env?: string;
  address?: string;
  since?: string;
  release?: string;
  json?: boolean;
}

const SHOWN = 10;

function renderEntry(e: AuditEntry): string[] {
  const who = `${e.author.name} <${e.author.email}>`;
  if (e.kind === 'approval') {
    return [`${e.date}  approval 审批  ${e.release ?? '?'}  ${e.approvals.map((a) => `${a.role}: ${a.name}`).join('; ')}  committed by ${who}  ${e.commit.slice(0, 12)}`];
  }
  const lines = [`${e.date}  apply 变更 ${e.env}  ${e.release ?? '(desired state)'}  ${e.outcome}  by ${who}  ${e.commit.slice(0, 12)}`];
  lines.push(`    record 记录   ${e.record}/record.md`);
  if (e.approvals.length > 0) lines.push(`    approved 审批 ${e.approvals.map((a) => `${a.role}: ${a.name}`).join('; ')}`);
  if (e.breakGlass) lines.push(`    break-glass 紧急 ${e.breakGlass}`);
  const shown = e.matched.slice(0, SHOWN);
  for (const a of shown) lines.push(`    changed 变更  ${a}`);
  if (e.matched.length > shown.length) lines.push(`    … ${e.matched.length - shown.length} more (see record.json)`);
  return lines;
}

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('who changed what, when and why: apply records and approvals from git history')
    .option('--env <env>', 'only applies to this environment')
    .option('--address <address>', 'only applies that changed this address or anything under it')
    .option('--since <date>', 'only commits since this day (YYYY-MM-DD, Asia/Shanghai) or ISO date-time')
    .option('--release <release>', 'only this release')
    .option('--json', 'print the entries as JSON')
    .action(async (opts: AuditCliOptions, command: Command) => {
      const ctx = contextOf(command);
      const { auditHistory } = await import('../../release/index.js');
      const entries = await auditHistory(ctx.root, {
        ...(opts.env ? { env: opts.env } : {}), ...(opts.address ? { address: opts.address } : {}),
        ...(opts.since ? { since: opts.since } : {}), ...(opts.release ? { release: opts.release } : {}),
      });
      if (opts.json) process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      else if (entries.length === 0) process.stdout.write('no apply records or approvals match 无匹配记录\n');
      else process.stdout.write(`${entries.flatMap(renderEntry).join('\n')}\n`);
      process.exitCode = EXIT.ok;
    });
}
