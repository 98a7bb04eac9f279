/**
 * Child process of bench (c): core.buildPlan on N synthetic resources (host tunables, files and
 * cron entries of N/100 hosts with the host provider's real rule table), live equal to desired
 * except ~1% drift (updates, a few absent). Prints {ms, buildMs, buildCpuMs, heapMb, maxRssMb, …}
 * as JSON; buildCpuMs is the process's CPU time (user + system, GC threads included) in buildPlan.
 * Usage: node dist/bench/planner-child.js N
 */
import { buildPlan, type DesiredResource, type LiveRead } from '../core/index.js';
import type { Address } from '../model/address.js';
import { HOST_TYPES } from '../providers/host/index.js';

export function synthetic(n: number): { desired: DesiredResource[]; live: LiveRead[] } {
  const desired: DesiredResource[] = [];
  const live: LiveRead[] = [];
  for (let i = 0; i < n; i++) {
    const host = `bench/host:h${String(Math.floor(i / 100)).padStart(5, '0')}`;
    const k = i % 100;
    const [type, name, attributes] = k < 80
      ? ['tunable', `sysctl.p${k}`, { value: String(1000 + k) }] as const
      : k < 95
        ? ['file', `/etc/bench/f${k}.conf`, { sha256: `${k}`.padStart(64, '0'), mode: '0644', owner: 'root', group: 'system' }] as const
        : ['cron', `job${k}`, { user: 'root', schedule: '0 2 * * *', command: `/opt/bench/job${k}.sh` }] as const;
    const address = `${host}/${type}:${name}` as Address;
    desired.push({ address, system: 'host', type, attributes: { ...attributes } });
    const drift = i % 100 === 37;
    const absent = i % 1000 === 501;
    live.push(absent
      ? { address, status: 'absent', system: 'host', type, fingerprint: `fp-${i}-absent` }
      : { address, status: 'present', system: 'host', type, attributes: drift ? { ...attributes, ...(type === 'tunable' ? { value: '7' } : type === 'file' ? { mode: '0600' } : { schedule: '0 3 * * *' }) } : { ...attributes }, fingerprint: `fp-${i}` });
  }
  return { desired, live };
}

function main(): void {
  const n = Number(process.argv[2] ?? '100000');
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw new Error(`N must be 1..10000000, got ${process.argv[2]}`);
  const t0 = process.hrtime.bigint();
  const { desired, live } = synthetic(n);
  const t1 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const plan = buildPlan({ env: 'bench', createdAt: '2026-01-01T00:00:00.000Z', desired, live, rules: { host: HOST_TYPES } });
  const cpu = process.cpuUsage(cpu0);
  const t2 = process.hrtime.bigint();
  const mb = (b: number): number => Math.round((b / 1048576) * 10) / 10;
  const changed = plan.changes.filter((c) => c.action !== 'noop').length;
  process.stdout.write(`${JSON.stringify({
    n,
    generateMs: Number(t1 - t0) / 1e6,
    buildMs: Number(t2 - t1) / 1e6,
    buildCpuMs: (cpu.user + cpu.system) / 1000,
    changes: plan.changes.length,
    changed,
    steps: plan.steps.length,
    heapMb: mb(process.memoryUsage().heapUsed),
    maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
  })}\n`);
}

main();
