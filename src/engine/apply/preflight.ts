/**
 * The refusals checked before an apply takes the lock: the plan file is valid and applyable,
 * every step has a provider, irreversible steps have consent, the window is open (or break-glass
 * with a reason), the approval gate agrees (a release's approvals and pre-production proof, or
 * the environment's required approvals of this very plan, which break-glass waives — recorded).
 * All are collected, so one run names every reason.
 */
import { irreversibleSteps, type Plan } from '../../core/index.js';
import type { WindowAssessment } from '../../core/windows.js';
import type { Provider } from '../../providers/provider.js';
import type { BreakGlass } from '../journal/format.js';
import type { ApplyOptions, GateVerdict, Refusal } from './types.js';
import { checkPlanFile } from './validate.js';

export interface Preflight {
  plan?: Plan;
  refusals: Refusal[];
  window?: WindowAssessment;
  breakGlass?: BreakGlass;
  approvals: unknown[];
}

export function providerFor(providers: readonly Provider[], system: string): Provider | undefined {
  return providers.find((p) => p.descriptor.system === system);
}

function planRefusals(plan: Plan, opts: ApplyOptions): Refusal[] {
  const out: Refusal[] = [];
  if (plan.env !== opts.ctx.env) out.push({ code: 'wrong-env', message: `the plan is for environment ${plan.env}, not ${opts.ctx.env}`, details: [] });
  if (plan.errored) {
    const errors = plan.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
    out.push({ code: 'errored-plan', message: 'the plan has errors and must not be applied', details: errors });
  }
  if (!plan.complete) {
    out.push({ code: 'incomplete-plan', message: `the plan is incomplete: ${plan.unknown.length} address(es) could not be read`, details: plan.unknown.map((u) => `${u.address}: ${u.reason}`) });
  }
  const missing = [...new Set(plan.steps.map((s) => s.system))].filter((s) => !providerFor(opts.providers, s));
  if (missing.length) out.push({ code: 'no-provider', message: `no provider for ${missing.join(', ')}`, details: [] });
  const irreversible = irreversibleSteps(plan);
  if (irreversible.length && !opts.consentIrreversible) {
    out.push({
      code: 'irreversible-without-consent',
      message: `${irreversible.length} step(s) cannot be undone; pass --consent-irreversible to apply them`,
      details: irreversible.map((s) => `${s.id}: ${s.description}`),
    });
  }
  return out;
}

function windowRefusals(plan: Plan, opts: ApplyOptions, pre: Preflight): void {
  const minutes = Math.ceil(plan.estimatedSeconds / 60);
  const verdict = opts.window(opts.now(), minutes);
  pre.window = verdict;
  if (opts.breakGlass !== undefined && opts.breakGlass.reason.trim() === '') {
    pre.refusals.push({ code: 'break-glass-without-reason', message: 'break-glass needs a reason (it is recorded)', details: [] });
    return;
  }
  if (opts.breakGlass) {
    pre.breakGlass = { reason: opts.breakGlass.reason.trim(), windowReasons: verdict.open ? ['window was open'] : verdict.reasons };
    return;
  }
  if (!verdict.open) {
    const next = verdict.next ? `next window: ${verdict.next.name} ${verdict.next.opensAt} → ${verdict.next.closesAt}` : `next window: unknown${verdict.nextUnknown ? ` — ${verdict.nextUnknown}` : ''}`;
    pre.refusals.push({ code: 'window-closed', message: `no change may run in ${plan.env} at ${verdict.at}; ${next}`, details: verdict.reasons, window: verdict });
  }
}

export async function preflight(opts: ApplyOptions): Promise<Preflight> {
  const checked = checkPlanFile(opts.plan);
  if (!checked.ok) return { refusals: [{ code: 'invalid-plan', message: 'the plan file does not match the plan format (formatVersion 1)', details: checked.errors }], approvals: [] };
  const plan = checked.plan;
  const pre: Preflight = { plan, refusals: planRefusals(plan, opts), approvals: [] };
  windowRefusals(plan, opts, pre);
  if (opts.gate) {
    const verdict: GateVerdict = await opts.gate({ env: plan.env, plan, now: opts.now(), breakGlass: pre.breakGlass !== undefined })
      .catch((err: unknown) => ({ ok: false, reasons: [`the approval gate failed: ${(err as Error).message}`] }));
    if (!verdict.ok) pre.refusals.push({ code: 'gate', message: `the approval gate refuses (${plan.release ? 'release approvals / pre-production proof' : 'approvals of this plan'})`, details: verdict.reasons });
    pre.approvals = verdict.approvals ?? [];
    if (pre.breakGlass && verdict.waived?.length) pre.breakGlass.waivedApprovals = verdict.waived;
  }
  return pre;
}
