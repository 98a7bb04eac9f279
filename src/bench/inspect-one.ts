/**
 * Child process of bench (a): the inspection of ONE host alone — the environment narrowed to that
 * host, the databases with an instance on it (only that instance) and their config tables, and
 * the domains administered from it — against the running `lab serve`. Prints {ms, measurements,
 * unread} as JSON. Usage: node dist/bench/inspect-one.js REPO HOST [PLAYBOOK]
 */
import { createConnections } from '../engine/connections.js';
import { inspect } from '../inspect/index.js';
import { connectLab, labEndpointsOf } from '../lab/index.js';
import { loadEnvironment } from '../load/index.js';
import type { EnvironmentModel } from '../model/index.js';

function narrowTo(env: EnvironmentModel, host: string): EnvironmentModel {
  const databases = env.databases
    .filter((d) => d.instances.some((i) => i.host === host))
    .map((d) => ({ ...d, instances: d.instances.filter((i) => i.host === host) }));
  const names = new Set(databases.map((d) => d.name));
  return {
    ...env,
    hosts: env.hosts.filter((h) => h.name === host),
    domains: env.domains.filter((d) => d.admin.host === host),
    databases,
    configTables: env.configTables.filter((t) => names.has(t.database)),
  };
}

async function main(): Promise<void> {
  const [root, host, playbookName = 'daily'] = process.argv.slice(2);
  if (!root || !host) throw new Error('usage: inspect-one.js REPO HOST [PLAYBOOK]');
  const t0 = process.hrtime.bigint();
  const { model, env } = loadEnvironment(root, 'lab');
  const playbook = model.inspections.find((p) => p.name === playbookName);
  if (!playbook) throw new Error(`no playbook ${playbookName}`);
  const narrow = narrowTo(env, host);
  const lab = await connectLab(root);
  const ep = labEndpointsOf(lab);
  const conns = createConnections({ root, model: narrow, endpoints: { ssh: (h) => ep.ssh(h), weblogic: (d) => ep.weblogic(d) } });
  try {
    const report = await inspect({ ctx: conns.context, playbook, revision: null, history: [] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    process.stdout.write(`${JSON.stringify({ ms, host, measurements: report.measurements.length, unread: report.unread.length })}\n`);
  } finally {
    await conns.close();
    await lab.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
