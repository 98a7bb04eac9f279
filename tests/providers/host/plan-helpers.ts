// Desired → read → core.buildPlan, the way `opsctl plan` composes them, for the host system only.
import { buildPlan, type Change, type Plan } from '../../../src/core/index.js';
import type { EnvironmentModel } from '../../../src/model/index.js';
import type { Provider } from '../../../src/providers/provider.js';

export async function planHosts(provider: Provider, env: string, model: EnvironmentModel): Promise<Plan> {
  const d = provider.desired({ env, model });
  const r = await provider.read({ env, model, addresses: d.resources.map((x) => x.address) });
  return buildPlan({ env, createdAt: '2026-11-28T14:00:00.000Z', desired: d.resources, live: r.reads, rules: { host: provider.descriptor.types }, diagnostics: [...d.diagnostics, ...r.diagnostics] });
}

export function changed(plan: Plan): Change[] {
  return plan.changes.filter((c) => c.action !== 'noop');
}
