/**
 * `opsctl window --env E [--at ISO] [--duration MIN] [--json]`: is a change allowed now in this
 * environment, why not, how long is left, and when is the next window (DESIGN §6 rule 2).
 * The clock is --at, else the global --now, else the system clock. Exit 0 open, 3 closed.
 */
import type { Command } from 'commander';
import type { WindowAssessment } from '../../core/windows.js';
import { contextOf } from '../context.js';
import { EXIT } from '../exit.js';

interface WindowOptions {
  env: string;
  at?: string;
  duration?: string;
  json?: boolean;
}

function parseAt(text: string): Date {
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw new Error(`--at "${text}" is not an ISO 8601 date-time`);
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text) && text.includes('T')) {
    throw new Error(`--at "${text}" has no offset; write it with one, e.g. ${text}+08:00`);
  }
  return at;
}

function parseDuration(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--duration "${text}" is not a whole number of minutes`);
  return n;
}

function render(envName: string, windowsName: string, a: WindowAssessment): string {
  const lines = [`${envName} at ${a.at} (Asia/Shanghai), windows \`${windowsName}\``];
  lines.push(a.open ? 'OPEN 可以变更 — a change may run now' : 'CLOSED 禁止变更 — no change may run now');
  if (a.failClosed) lines.push('  fail closed 数据缺失 (missing calendar data):');
  for (const r of a.reasons) lines.push(`  - ${r}`);
  if (a.window) {
    lines.push(`window 当前窗口: ${a.window.name} ${a.window.opensAt} → ${a.window.closesAt}`);
    const need = a.durationMinutes !== undefined ? `, plan needs ${a.durationMinutes} min` : '';
    lines.push(`  ${a.minutesLeft ?? 0} min left 剩余 (last ${a.reserveMinutes} min reserved for verification and rollback${need})`);
  }
  if (a.next) lines.push(`next window 下一窗口: ${a.next.name} ${a.next.opensAt} → ${a.next.closesAt} (${a.next.usableMinutes} usable min)`);
  else if (a.nextUnknown) lines.push(`next window 下一窗口: unknown — ${a.nextUnknown}`);
  return `${lines.join('\n')}\n`;
}

export function registerWindow(program: Command): void {
  program
    .command('window')
    .description('is a change allowed in the environment now (or --at), why not, and when is the next window; exit 0 open, 3 closed')
    .requiredOption('--env <env>', 'environment name')
    .option('--at <iso>', 'the time to assess (ISO 8601 with offset); overrides --now')
    .option('--duration <minutes>', "the plan's estimated duration: it must fit in what is left of the window")
    .option('--json', 'print the assessment as JSON')
    .action(async (opts: WindowOptions, command: Command) => {
      const ctx = contextOf(command);
      // The holiday data and the loader are loaded only when the command runs (fast --help).
      const [{ windowInputFor }, { assessWindow }] = await Promise.all([import('../window-input.js'), import('../../core/windows.js')]);
      const at = opts.at !== undefined ? parseAt(opts.at) : ctx.now;
      const input = windowInputFor(ctx.root, opts.env, at, parseDuration(opts.duration));
      const assessment = assessWindow(input);
      if (opts.json) process.stdout.write(`${JSON.stringify({ env: opts.env, windows: input.windows.name, calendar: input.calendar.name, ...assessment }, null, 2)}\n`);
      else process.stdout.write(render(opts.env, input.windows.name, assessment));
      process.exitCode = assessment.open ? EXIT.ok : EXIT.refused;
    });
}
