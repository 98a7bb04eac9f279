/**
 * `opsctl datafix plan|apply|rollback FILE --env E [--json]` and `opsctl datafix approve FILE
 * --role R --name N`: data fixes (数据维护) under approval. plan reads the pre-check and the
 * affected rows (masked) and shows the change, its rollback and the approvals (exit 0 ready,
 * 2 counts differ); approve appends one approval to the file and commits it (trailers
 * Opsctl-DataFix, Approved-By); apply refuses (exit 3) without every required approval or when
 * the counts differ, else captures the before-image outside git and runs the change in one guarded
 * transaction (exit 0 applied, 1 failed); rollback restores the before-image byte-identical
 * (exit 0, 1). apply and rollback write reports/<env>/datafix/<fix>/ and commit them.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { shanghaiDay } from '../../core/calendar-days.js';
import type { DataFixRun } from '../../datafix/index.js';
import type { DataFix } from '../../model/index.js';
import { contextOf, type CliContext } from '../context.js';
import { EXIT } from '../exit.js';

interface Opts {
  env: string;
  json?: boolean;
  commit?: boolean;
  image?: string;
}

const out = (t: string): void => void process.stdout.write(t.endsWith('\n') ? t : `${t}\n`);

async function loadFix(ctx: CliContext, file: string, env?: string): Promise<DataFix> {
  const text = readFileSync(resolve(file), 'utf8');
  const name = /^name:\s*["']?([^"'\s#]+)/m.exec(text)?.[1];
  if (!name || !/^kind:\s*DataFix\s*$/m.test(text)) throw new Error(`${file} is not a DataFix document (kind: DataFix, name: …)`);
  const { loadRepository, loadEnvironment } = await import('../../load/index.js');
  const model = env ? loadEnvironment(ctx.root, env).model : loadRepository(ctx.root).model;
  const fix = model.dataFixes.find((f) => f.name === name);
  if (!fix) throw new Error(`data fix ${name} did not load from ${file}: run opsctl validate`);
  return fix;
}

function print(run: DataFixRun, files: string[], commit: string | undefined, json: boolean | undefined, scrub: (t: string) => string): void {
  if (json) return out(scrub(JSON.stringify({ ...run, files, ...(commit ? { commit } : {}) }, null, 2)));
  const lines = [
    `datafix ${run.kind} ${run.fix} (${run.env}, ${run.database} ${run.tables.join(', ')}, ticket ${run.ticket}): ${run.outcome}`,
    `  ${run.message}`,
    ...(run.preCheck ? [`  pre-check: ${run.preCheck.actual} rows (expected ${run.preCheck.expected}) — ${run.preCheck.sql} ${JSON.stringify(run.preCheck.binds)}`] : []),
    `  changes, in ONE transaction with count checks before each and before COMMIT:`,
    ...run.changes.flatMap((c, n) => [
      `  ${n + 1}. ${c.sql}`,
      `     binds: ${JSON.stringify(c.binds)} · expect ${c.expectRows} rows${c.affected !== undefined ? ` · affected now: ${c.affected}` : ''}${c.rowsAffected !== undefined ? ` · changed: ${c.rowsAffected}` : ''}`,
    ]),
    ...(run.rows ?? []).flatMap((t) => [`  ${run.kind === 'rollback' ? 'rows after the rollback' : 'before-image'} of ${t.table} (personal data masked): ${t.count} rows`, ...t.rows.slice(0, 20).map((r) => `    ${JSON.stringify(r)}`)]),
    `  rollback: ${run.rollback.statements} statement(s) restoring the before-image${run.rollback.example ? `, e.g. ${run.rollback.example}` : ''}`,
    `  approvals 审批: ${run.approvals.recorded.map((a) => `${a.role} ${a.name} ${a.date}`).join('; ') || 'none'}${run.approvals.missing.length ? ` — missing 待审批: ${run.approvals.missing.join(', ')}` : ' — complete'}`,
    ...(run.beforeImage ? [`  before-image: sha256 ${run.beforeImage.sha256}, ${run.beforeImage.rows} rows in ${run.beforeImage.tables.length} table(s), kept outside git in ${run.beforeImage.vault}`] : []),
    ...(run.after ? [`  count after: ${run.after.actual} (expected ${run.after.expected})`] : []),
    ...files.map((f) => `wrote ${f}`),
    ...(commit ? [`committed ${commit.slice(0, 12)}`] : []),
  ];
  out(scrub(lines.join('\n')));
}

async function execute(kind: 'plan' | 'apply' | 'rollback', file: string, opts: Opts, cmd: Command): Promise<void> {
  const ctx = contextOf(cmd);
  const fix = await loadFix(ctx, file, opts.env);
  const [df, { loadEnvironment }, { connectEstate }, { hasTransactions }] = await Promise.all([
    import('../../datafix/index.js'), import('../../load/index.js'), import('../lab-connect.js'), import('../../transport/oracle.js'),
  ]);
  const { env } = loadEnvironment(ctx.root, opts.env);
  const o = { env: opts.env, vault: df.vaultRoot(ctx.root), now: ctx.now };
  let run: DataFixRun;
  if (kind === 'apply' && df.approvalStatus(fix).missing.length > 0) run = await df.applyDataFix(fix, { query: async () => [], transaction: async () => ({ rowsAffected: [] }) }, o);
  else {
    const estate = await connectEstate({ root: ctx.root, model: env, now: ctx.now });
    try {
      const session = await estate.context.oracle(fix.database);
      if (!hasTransactions(session)) throw new Error(`the session of ${fix.database} has no transactions`);
      run = kind === 'plan' ? await df.planDataFix(fix, session, o) : kind === 'apply' ? await df.applyDataFix(fix, session, o) : await df.rollbackDataFix(fix, session, { ...o, ...(opts.image ? { stamp: opts.image } : {}) });
    } finally {
      await estate.close();
    }
  }
  const files = kind === 'plan' && !opts.commit ? [] : df.writeRecord(ctx.root, run);
  const commit = files.length && (kind !== 'plan' || opts.commit) ? await df.commitRecord(ctx.root, run, files).catch((e: Error) => { process.stderr.write(`opsctl datafix: not committed: ${e.message}\n`); return undefined; }) : undefined;
  print(run, files, commit, opts.json, df.scrubText);
  const codes: Record<string, number> = { planned: run.message.startsWith('ready') ? EXIT.ok : EXIT.changes, applied: EXIT.ok, 'rolled-back': EXIT.ok, refused: EXIT.refused, failed: EXIT.error };
  process.exitCode = codes[run.outcome] ?? EXIT.error;
}

function sub(parent: Command, kind: 'plan' | 'apply' | 'rollback', description: string): Command {
  return parent
    .command(kind)
    .description(description)
    .argument('<file>', 'the data-fix file (playbooks/data-fixes/NAME.yaml)')
    .requiredOption('--env <env>', 'environment')
    .option('--json', 'print the run as JSON (personal data masked)')
    .action((file: string, opts: Opts, cmd: Command) => execute(kind, file, opts, cmd));
}

export function registerDatafix(program: Command): void {
  const df = program.command('datafix').description('data fixes 数据维护 under approval: plan, approve, apply, rollback');
  sub(df, 'plan', 'read the pre-check and the affected rows (masked); show the change, its rollback and the approvals; exit 0 ready, 2 counts differ').option('--commit', 'also write and commit the plan record');
  sub(df, 'apply', 'apply under approval: before-image outside git, one guarded transaction, counts verified, record committed; exit 0, 1 failed, 3 refused');
  sub(df, 'rollback', 'restore the before-image byte-identical in one transaction, prove it by sha256, record committed; exit 0, 1').option('--image <stamp>', 'the before-image to restore (default: the latest)');
  df.command('approve')
    .description('record one approval (审批) in the data-fix file: a role it requires, who, today (--now) in Asia/Shanghai')
    .argument('<file>', 'the data-fix file')
    .requiredOption('--role <role>', 'a role of requiredApprovals')
    .requiredOption('--name <name>', 'who approves')
    .action(async (file: string, opts: { role: string; name: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const fix = await loadFix(ctx, file);
      const [{ approveDataFix, approvalStatus, DataFixError }, { ApprovalRefused }, { GitRefusal }] = await Promise.all([
        import('../../datafix/index.js'), import('../../release/index.js'), import('../../git/index.js'),
      ]);
      try {
        const approval = { role: opts.role, name: opts.name, date: shanghaiDay(ctx.now.getTime()) };
        const commit = await approveDataFix({ root: ctx.root, file: relative(ctx.root, resolve(file)), fix, approval });
        const missing = approvalStatus({ ...fix, approvals: [...(fix.approvals ?? []), approval] }).missing;
        out(`approved 已审批: ${fix.name} — ${approval.role} ${approval.name} (${approval.date}) recorded in ${file}, committed ${commit.slice(0, 12)}`);
        out(missing.length ? `still missing 待审批: ${missing.join(', ')}` : 'all required approvals recorded 审批齐全');
      } catch (err) {
        if (!(err instanceof DataFixError || err instanceof ApprovalRefused || err instanceof GitRefusal)) throw err;
        process.stderr.write(`opsctl datafix approve: refused 拒绝: ${err.message}\n`);
        process.exitCode = EXIT.error;
      }
    });
}
