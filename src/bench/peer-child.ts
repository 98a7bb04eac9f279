/**
 * Child process of bench (d), opsctl side: load the generated environment from REPO, open the
 * pinned SSH pool (engine/createConnections, the path every provider reads through) and run the
 * HOST_CHECKS on every host through the host provider's own batched read path (`runSections` of
 * providers/host/read.ts: the checks of one host as sections of ONE exec on its one connection,
 * split back per check with its own exit status) — hosts concurrently up to ctx.concurrency.
 * Every check must exit 0 with output. Prints a JSON summary.
 * Usage: node dist/bench/peer-child.js REPO ENV
 */
import { createConnections } from '../engine/connections.js';
import { loadEnvironment } from '../load/index.js';
import { runSections, type HostSection } from '../providers/host/index.js';
import { mapBounded } from '../transport/index.js';
import { HOST_CHECKS } from './host-checks.js';

const SECTIONS: HostSection[] = HOST_CHECKS.map((argv, i) => ({ name: `check${i}`, label: argv.join(' '), command: argv }));

async function main(): Promise<void> {
  const [root, envName] = process.argv.slice(2);
  if (!root || !envName) throw new Error('usage: peer-child.js REPO ENV');
  const { env } = loadEnvironment(root, envName);
  const conns = createConnections({ root, model: env });
  const ctx = conns.context;
  const problems: string[] = [];
  try {
    const perHost = await mapBounded(env.hosts, ctx.concurrency, async (h) => {
      const ran = await runSections(ctx, h.name, SECTIONS);
      if ('down' in ran) {
        problems.push(ran.down);
        return { failed: SECTIONS.length, bytes: 0 };
      }
      let failed = 0;
      let bytes = 0;
      ran.outcomes.forEach((o, i) => {
        if (o.ok && o.result.exitCode === 0 && o.result.stdout) bytes += o.result.stdout.length;
        else {
          failed++;
          problems.push(o.ok ? `${SECTIONS[i]!.label} on ${h.name} exited ${o.result.exitCode}: ${o.result.stderr.slice(0, 200)}` : o.reason);
        }
      });
      return { failed, bytes };
    });
    const failed = perHost.reduce((s, r) => s + r.failed, 0);
    process.stdout.write(`${JSON.stringify({ hosts: perHost.length, checks: perHost.length * HOST_CHECKS.length, execs: perHost.length, failed, bytes: perHost.reduce((s, r) => s + r.bytes, 0), concurrency: ctx.concurrency })}\n`);
    if (failed) {
      process.stderr.write(`${problems.slice(0, 10).join('\n')}\n`);
      process.exitCode = 1;
    }
  } finally {
    await conns.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
