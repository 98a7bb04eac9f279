/**
 * The drift report: the changes of a plan seen as "live moved away from desired" — per address
 * the desired and live value of every differing attribute (secrets as "(sensitive)") and
 * whether a restart is needed for desired to take effect again. Pure: view model and text.
 */
import { isMasked, SENSITIVE, type AttributeValue, type Change, type Plan } from '../../core/index.js';
import { unknownByScope } from './unknown.js';

export interface DriftAttribute {
  name: string;
  desired: AttributeValue | null;
  live: AttributeValue | null;
  sensitive: boolean;
}

export interface DriftItem {
  address: string;
  system: string;
  type: string;
  /** What a plan would do about it. */
  action: Change['action'];
  attributes: DriftAttribute[];
  restartNeeded: boolean;
  /** e.g. "server restart of hall_ms01 (cluster HallCluster, rolling)". */
  restart: string | null;
}

export interface DriftReport {
  env: string;
  createdAt: string;
  complete: boolean;
  drift: DriftItem[];
  unknown: Plan['unknown'];
  diagnostics: Plan['diagnostics'];
}

const shown = (v: AttributeValue | undefined, masked: boolean): AttributeValue | null => (v === undefined ? null : masked ? SENSITIVE : v);

function restartText(c: Change): string | null {
  if (!c.restart) return null;
  const groups = c.restart.groups.map((g) => `${g.members.map((m) => m.split(':').pop()).join(', ')} (${g.kind} ${g.group.split(':').pop()}${(g.size ?? g.members.length) > 1 ? ', rolling' : ', outage'})`);
  return `${c.restart.scope} restart of ${groups.join('; ')}`;
}

export function driftReport(plan: Plan): DriftReport {
  const drift = plan.changes.filter((c) => c.action !== 'noop').map((c): DriftItem => ({
    address: c.address,
    system: c.system,
    type: c.type,
    action: c.action,
    attributes: c.attributes.map((a) => ({ name: a.name, desired: shown(a.after, isMasked(a)), live: shown(a.before, isMasked(a)), sensitive: isMasked(a) })),
    restartNeeded: c.restart !== undefined || c.takesEffect === 'after-restart',
    restart: restartText(c),
  }));
  return { env: plan.env, createdAt: plan.createdAt, complete: plan.complete, drift, unknown: plan.unknown, diagnostics: plan.diagnostics };
}

const text = (v: AttributeValue | null): string => (v === null ? '(none)' : v === SENSITIVE ? v : JSON.stringify(v));

const WHAT: Record<Change['action'], string> = {
  noop: '',
  update: 'differs',
  create: 'missing live',
  delete: 'live only (not in desired state)',
  replace: 'differs (needs replace)',
};

export function renderDriftText(r: DriftReport): string {
  const lines = [`Drift of environment ${r.env} (read ${r.createdAt}): ${r.drift.length === 0 ? 'none' : `${r.drift.length} address(es) differ from the desired state`}`];
  for (const d of r.drift) {
    lines.push('', `  ${d.address}  — ${WHAT[d.action]}`);
    for (const a of d.attributes) lines.push(`      ${a.name}: desired ${text(a.desired)}, live ${text(a.live)}`);
    lines.push(`      restart needed: ${d.restartNeeded ? `yes — ${d.restart ?? 'after restart'}` : 'no'}`);
  }
  if (r.unknown.length > 0) {
    lines.push('', `INCOMPLETE: ${r.unknown.length} address(es) could not be read (drift there is unknown):`);
    for (const g of unknownByScope(r)) {
      lines.push(`  ${g.label} (${g.items.length}):`);
      for (const u of g.items) lines.push(`    ? ${u.address} — ${u.reason}`);
    }
  }
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) lines.push('', 'Errors:', ...errors.map((d) => `  ${d.message}${d.address ? ` [${d.address}]` : ''}`));
  return `${lines.join('\n')}\n`;
}
