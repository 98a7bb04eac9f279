/**
 * `opsctl merge-shards plan FILES… [--out F]` and `opsctl merge-shards inspect FILES… [--out F]`:
 * the merge of `plan --shard I/N --out` files (union of changes, fingerprints and unknowns; steps
 * rebuilt by core over the union, so the order is the unsharded one; refuses overlapping addresses,
 * different environments or revisions) and of `inspect --shard I/N --json` outputs (union of
 * measurements and unread targets; findings and score recomputed by health.buildReport).
 * docs/shards.md. Exit 0 merged, 1 refused (the reason on stderr).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Change, Plan } from '../../core/index.js';
import type { InspectionReport, Measurement, Unread } from '../../health/index.js';
import { contextOf } from '../context.js';

const readJson = (file: string): unknown => JSON.parse(readFileSync(resolve(file), 'utf8')) as unknown;

function sameField(plans: readonly Plan[], field: 'env' | 'revision' | 'release' | 'formatVersion'): void {
  const values = new Set(plans.map((p) => String(p[field] ?? '')));
  if (values.size > 1) throw new Error(`shard plans differ in ${field}: ${[...values].join(', ')}`);
}

export async function mergePlans(plans: readonly Plan[]): Promise<Plan> {
  if (plans.length === 0) throw new Error('no plan files to merge');
  for (const f of ['formatVersion', 'env', 'revision', 'release'] as const) sameField(plans, f);
  const seen = new Map<string, number>();
  plans.forEach((p, i) => {
    for (const a of [...p.changes.map((c) => c.address), ...p.unknown.map((u) => u.address)]) {
      if (seen.has(a) && seen.get(a) !== i) throw new Error(`address ${a} is in more than one shard plan: shards overlap`);
      seen.set(a, i);
    }
  });
  const { buildSteps, topologicalOrder } = await import('../../core/index.js');
  const changes: Change[] = plans.flatMap((p) => p.changes).sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  // The only type rule steps use is stepAction (deploy/run): recovered from the shard plans' own steps.
  const stepAction = new Map<string, 'deploy' | 'run'>();
  for (const s of plans.flatMap((p) => p.steps)) if (s.action === 'deploy' || s.action === 'run') for (const a of s.changes) if (s.id === `${s.action}:${a}`) stepAction.set(a, s.action);
  const ordered = topologicalOrder(buildSteps(changes, (c) => {
    const action = stepAction.get(c.address);
    return action ? { stepAction: action } : {};
  }));
  const steps = ordered.steps;
  const diagnostics = [...new Map(plans.flatMap((p) => p.diagnostics).map((d) => [`${d.severity}|${d.code}|${d.address ?? ''}|${d.message}`, d])).values()];
  const unknown = plans.flatMap((p) => p.unknown).sort((a, b) => a.address.localeCompare(b.address));
  const count = (a: Change['action']) => changes.filter((c) => c.action === a).length;
  const first = plans[0]!;
  const { only: _only, ...rest } = first;
  void _only;
  return {
    ...rest,
    createdAt: plans.map((p) => p.createdAt).sort()[0]!,
    changes,
    steps,
    fingerprints: Object.fromEntries(plans.flatMap((p) => Object.entries(p.fingerprints)).sort(([a], [b]) => a.localeCompare(b))),
    unknown,
    diagnostics,
    complete: unknown.length === 0,
    errored: plans.some((p) => p.errored),
    summary: { create: count('create'), update: count('update'), delete: count('delete'), replace: count('replace'), restart: steps.filter((s) => s.action === 'restart').length, noop: count('noop'), unknown: unknown.length },
    estimatedSeconds: steps.reduce((s, x) => s + x.estimatedSeconds, 0),
    criticalPathSeconds: criticalPath(steps),
  };
}

function criticalPath(steps: Plan['steps']): number {
  const finish = new Map<string, number>();
  for (const s of steps) finish.set(s.id, s.estimatedSeconds + Math.max(0, ...s.dependsOn.map((d) => finish.get(d) ?? 0)));
  return Math.max(0, ...finish.values());
}

async function mergeReports(root: string, reports: readonly InspectionReport[]): Promise<InspectionReport> {
  if (reports.length === 0) throw new Error('no report files to merge');
  const first = reports[0]!;
  for (const r of reports) {
    if (r.env !== first.env || r.playbook.name !== first.playbook.name) throw new Error(`reports differ in environment or playbook: ${r.env}/${r.playbook.name} vs ${first.env}/${first.playbook.name}`);
    if (r.revision !== first.revision) throw new Error(`reports differ in revision: ${String(r.revision)} vs ${String(first.revision)}`);
  }
  const [{ loadEnvironment }, health] = await Promise.all([import('../../load/index.js'), import('../../health/index.js')]);
  const { model, env } = loadEnvironment(root, first.env);
  const playbook = model.inspections.find((p) => p.name === first.playbook.name);
  if (!playbook) throw new Error(`no inspection playbook "${first.playbook.name}"`);
  const measured = new Set(reports.flatMap((r) => r.measurements.map((m) => m.checkId)));
  const notMeasured = [...new Map(reports.flatMap((r) => r.notMeasured).filter((n) => !measured.has(n.checkId)).map((n) => [n.checkId, n])).values()];
  return health.buildReport({
    env,
    playbook,
    generatedAt: new Date(reports.map((r) => r.generatedAt).sort()[0]!),
    revision: first.revision,
    // Report JSON was validated when written; its measurements and unread entries are the collectors' values.
    measurements: reports.flatMap((r) => r.measurements) as Measurement[],
    unread: reports.flatMap((r) => r.unread) as Unread[],
    notMeasured,
    durationMs: Math.max(...reports.map((r) => r.durationMs ?? 0)),
  });
}

/** A shard report file: the report itself, or `inspect --json`'s `{files, report}`. */
const asReport = (v: unknown): InspectionReport => ((v as { report?: InspectionReport }).report ?? (v as InspectionReport));

export function registerShard(program: Command): void {
  const merge = program.command('merge-shards').description('merge the outputs of "plan --shard I/N" or "inspect --shard I/N" (docs/shards.md)');
  merge
    .command('plan')
    .argument('<files...>', 'plan files written by plan --shard I/N --out')
    .option('--out <file>', 'write the merged plan JSON here (else print it)')
    .action(async (files: string[], opts: { out?: string }) => {
      const { renderPlanJson } = await import('../../report/plan-json.js');
      const text = renderPlanJson(await mergePlans(files.map((f) => readJson(f) as Plan)));
      if (opts.out) writeFileSync(resolve(opts.out), text);
      else process.stdout.write(text);
    });
  merge
    .command('inspect')
    .argument('<files...>', 'report JSON files (or inspect --shard I/N --json outputs)')
    .option('--out <file>', 'write the merged report JSON here (else print it)')
    .action(async (files: string[], opts: { out?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const report = await mergeReports(ctx.root, files.map((f) => asReport(readJson(f))));
      const text = `${JSON.stringify(report, null, 2)}\n`;
      if (opts.out) writeFileSync(resolve(opts.out), text);
      else process.stdout.write(text);
    });
}
