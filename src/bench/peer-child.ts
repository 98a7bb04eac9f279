/**
 * Child process of bench (d), opsctl side: load the generated environment from REPO, open the
 * pinned SSH pool (engine/createConnections, the path every provider reads through) and run the
 * HOST_CHECKS on every host — hosts concurrently up to ctx.concurrency, the checks of one host
 * as channels of its one connection, as the host provider's read does. Prints a JSON summary.
 * Usage: node dist/bench/peer-child.js REPO ENV
 */
import { createConnections } from '../engine/connections.js';
import { loadEnvironment } from '../load/index.js';
import { mapBounded } from '../transport/index.js';
import { HOST_CHECKS } from './host-checks.js';

async function main(): Promise<void> {
  const [root, envName] = process.argv.slice(2);
  if (!root || !envName) throw new Error('usage: peer-child.js REPO ENV');
  const { env } = loadEnvironment(root, envName);
  const conns = createConnections({ root, model: env });
  const ctx = conns.context;
  try {
    const perHost = await mapBounded(env.hosts, ctx.concurrency, async (h) => {
      const results = await Promise.all(HOST_CHECKS.map((c) => ctx.hosts.exec(h.name, c)));
      return { failed: results.filter((r) => r.exitCode !== 0).length, bytes: results.reduce((s, r) => s + r.stdout.length, 0) };
    });
    const failed = perHost.reduce((s, r) => s + r.failed, 0);
    process.stdout.write(`${JSON.stringify({ hosts: perHost.length, commands: perHost.length * HOST_CHECKS.length, failed, bytes: perHost.reduce((s, r) => s + r.bytes, 0), concurrency: ctx.concurrency })}\n`);
    if (failed) process.exitCode = 1;
  } finally {
    await conns.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
