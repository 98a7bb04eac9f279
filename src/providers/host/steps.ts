/**
 * The step methods (issue 5): prepareInverse captures the live value (and backs a file up) before
 * anything changes; apply makes the address equal to desired state (or deletes a pruned cron
 * entry); verify re-reads it; undo puts the captured value back. A failed apply leaves the
 * object as it was — every change is one command or one atomic rename — except a Linux tunable
 * whose `sysctl -w` succeeded and whose persist file could not be written (said in the message).
 * Host reboots (restart steps of reboot tunables) are not automated: apply reports them failed
 * with what to do, so a plan that needs one cannot silently skip it.
 */
import { performance } from 'node:perf_hooks';
import { error, type Diagnostic } from '../../diag/index.js';
import { valuesEqual, type Attributes, type Inverse, type LiveRead } from '../../core/index.js';
import type { ProviderContext } from '../context.js';
import type { InverseResponse, StepRequest, StepResponse, VerifyResponse } from '../provider.js';
import { backupFile, removeFile, restoreFile, setCron, setTunable, writeManagedFile } from './change.js';
import { desiredHost, type HostDesired, type Render } from './desired.js';
import type { TunableTable } from './profiles.js';
import { readAddresses, targetOf, type HostTarget } from './read.js';

export interface StepDeps { ctx: ProviderContext; render: Render }

/** What `undo` needs: the request, the inverse prepareInverse returned and its `undo` data. */
export interface UndoRequest extends StepRequest { inverse: Inverse; undo?: Record<string, unknown> }

interface Located { t: HostTarget; d: HostDesired }

function locate(deps: StepDeps, req: StepRequest): Located | string {
  const t = targetOf(req.step.address);
  if (!t) return `${req.step.address} is not a host address`;
  const d = desiredHost(req.env, req.model, t.host, deps.render);
  return d ? { t, d } : `host ${t.host} is not in the inventory of ${req.env}`;
}

async function readOne(deps: StepDeps, req: StepRequest): Promise<LiveRead> {
  const r = await readAddresses({ ctx: deps.ctx, env: req.env, model: req.model, addresses: [req.step.address], render: deps.render });
  return r.reads.find((x) => x.address === req.step.address) ?? r.reads[0]!;
}

function done(started: number, failure: string | undefined, ok: string, diagnostics: Diagnostic[] = []): StepResponse {
  return { outcome: failure ? 'failed' : 'applied', message: failure ?? ok, durationMs: Math.round(performance.now() - started), diagnostics };
}

export async function prepareInverse(deps: StepDeps, req: StepRequest): Promise<InverseResponse> {
  const where = locate(deps, req);
  if (typeof where === 'string') return { diagnostics: [error('inverse', where, undefined, req.step.address)] };
  const live = await readOne(deps, req);
  if (live.status === 'unknown') return { diagnostics: [error('inverse', `cannot capture the live value: ${live.reason ?? 'unknown'}`, undefined, req.step.address)] };
  if (live.status === 'absent') return { inverse: { action: 'delete', attributes: {} }, undo: { kind: where.t.kind }, diagnostics: [] };
  const attributes = live.attributes ?? {};
  const inverse: Inverse = { action: req.step.action === 'delete' ? 'create' : 'update', attributes };
  if (where.t.kind !== 'file' || req.dryRun) return { inverse, undo: { kind: where.t.kind, ...attributes }, diagnostics: [] };
  const b = await backupFile(deps.ctx, where.d.host, where.t.name);
  if ('failed' in b) return { diagnostics: [error('backup', `backup of ${where.t.name} failed: ${b.failed}`, undefined, req.step.address)] };
  return { inverse, undo: { kind: 'file', backup: b.backup, ...attributes }, diagnostics: [] };
}

async function applyTarget(deps: StepDeps, req: StepRequest, { t, d }: Located): Promise<string | undefined> {
  const { ctx } = deps;
  if (t.kind === 'tunable') {
    const want = d.tunables.find((x) => x.address === t.address);
    return want ? setTunable(ctx, d.host, want.table, want.name, want.value) : `${t.address} is not in desired state`;
  }
  if (t.kind === 'file') {
    const want = d.files.find((x) => x.address === t.address);
    return want ? writeManagedFile(ctx, d.host, want.file.path, want.content, { mode: want.mode, owner: want.file.owner, group: want.file.group }) : `${t.address} is not in desired state`;
  }
  const live = await readOne(deps, req);
  const liveUser = live.status === 'present' ? String(live.attributes?.['user']) : undefined;
  if (req.step.action === 'delete') return liveUser ? setCron(ctx, d.host, liveUser, t.name, undefined) : undefined;
  const want = d.cron.find((x) => x.address === t.address);
  if (!want) return `${t.address} is not in desired state`;
  const failed = await setCron(ctx, d.host, want.entry.user, t.name, { schedule: want.entry.schedule, command: want.entry.command.trim() });
  if (failed || !liveUser || liveUser === want.entry.user) return failed;
  return setCron(ctx, d.host, liveUser, t.name, undefined);
}

export async function applyStep(deps: StepDeps, req: StepRequest): Promise<StepResponse> {
  const started = performance.now();
  if (req.step.action === 'restart') return done(started, `host reboots are not automated: reboot ${req.step.address} in the window (runbook), then re-run plan`, '');
  if (req.step.action === 'run') return { outcome: 'skipped', message: 'host health gate: no automated reboot to wait for', durationMs: 0, diagnostics: [] };
  const where = locate(deps, req);
  if (typeof where === 'string') return done(started, where, '');
  if (req.dryRun) return { outcome: 'skipped', message: `dry run: would ${req.step.action} ${req.step.address}`, durationMs: 0, diagnostics: [] };
  const failure = await applyTarget(deps, req, where);
  return done(started, failure, `${req.step.action} ${req.step.address}`);
}

function matches(desired: Attributes, live: LiveRead): boolean {
  return live.status === 'present' && Object.entries(desired).every(([k, v]) => valuesEqual(v, live.attributes?.[k]));
}

export async function verifyStep(deps: StepDeps, req: StepRequest): Promise<VerifyResponse> {
  if (req.step.action === 'restart' || req.step.action === 'run') return { status: 'unknown', message: 'host reboots are not automated' };
  const where = locate(deps, req);
  if (typeof where === 'string') return { status: 'unknown', message: where };
  const live = await readOne(deps, req);
  if (live.status === 'unknown') return { status: 'unknown', message: live.reason ?? 'unknown' };
  if (req.step.action === 'delete') return live.status === 'absent' ? { status: 'healthy', message: 'removed' } : { status: 'degraded', message: `${req.step.address} is still present` };
  const want = where.d.resources.find((r) => r.address === req.step.address);
  if (!want) return { status: 'unknown', message: `${req.step.address} is not in desired state` };
  return matches(want.attributes, live) ? { status: 'healthy', message: 'live equals desired' } : { status: 'degraded', message: `live ${JSON.stringify(live.attributes ?? null)} differs from desired ${JSON.stringify(want.attributes)}` };
}

async function undoTarget(deps: StepDeps, req: UndoRequest, { t, d }: Located): Promise<string | undefined> {
  const a = req.inverse.attributes;
  const u = req.undo ?? {};
  if (t.kind === 'tunable') {
    const dot = t.name.indexOf('.');
    return req.inverse.action === 'delete' ? undefined : setTunable(deps.ctx, d.host, t.name.slice(0, dot) as TunableTable, t.name.slice(dot + 1), String(a['value']));
  }
  if (t.kind === 'file') {
    if (req.inverse.action === 'delete') return removeFile(deps.ctx, d.host, t.name);
    if (typeof u['backup'] !== 'string') return `no backup recorded for ${t.name}`;
    return restoreFile(deps.ctx, d.host, u['backup'], t.name, { mode: String(a['mode']), owner: String(a['owner']), group: String(a['group']) });
  }
  const live = await readOne(deps, req);
  const liveUser = live.status === 'present' ? String(live.attributes?.['user']) : undefined;
  const removeLive = liveUser && (req.inverse.action === 'delete' || liveUser !== a['user']) ? await setCron(deps.ctx, d.host, liveUser, t.name, undefined) : undefined;
  if (removeLive || req.inverse.action === 'delete') return removeLive;
  return setCron(deps.ctx, d.host, String(a['user']), t.name, { schedule: String(a['schedule']), command: String(a['command']) });
}

export async function undoStep(deps: StepDeps, req: UndoRequest): Promise<StepResponse> {
  const started = performance.now();
  const where = locate(deps, req);
  if (typeof where === 'string') return done(started, where, '');
  return done(started, await undoTarget(deps, req, where), `restored ${req.step.address}`);
}
