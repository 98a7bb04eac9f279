/**
 * WebLogic steps: thread dumps (the thread pool read through the admin REST API, then
 * `kill -3` of the server's java process found with `ps -ef`, count × interval) and a restart
 * through the WebLogic provider's own lifecycle (shutdown → start → RUNNING) and health gate.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Step } from '../core/index.js';
import { childAddress } from '../providers/weblogic/desired.js';
import { createWeblogicProvider } from '../providers/weblogic/index.js';
import { shellCommand } from '../transport/index.js';
import { failed, num, ok, warn, type StepInput, type StepResult } from './types.js';

async function threadPool(input: StepInput): Promise<string> {
  const d = input.ctx.model.domains.find((x) => x.name === input.target.domain)!;
  if (d.management !== 'rest') return 'thread pool: 10.3.6 domain (read by the inspection, WLST)';
  try {
    const c = await input.ctx.weblogic(d.name);
    const tp = await c.get<Record<string, unknown>>(`domainRuntime/serverRuntimes/${encodeURIComponent(input.target.server!)}/threadPoolRuntime?links=none`);
    const pick = ['executeThreadTotalCount', 'executeThreadIdleCount', 'stuckThreadCount', 'hoggingThreadCount', 'pendingUserRequestCount', 'queueLength'];
    return `thread pool: ${pick.map((k) => `${k}=${String(tp[k] ?? '?')}`).join(' ')}`;
  } catch (err) {
    return `thread pool not readable: ${(err as Error).message}`;
  }
}

export async function threadDump(input: StepInput): Promise<StepResult> {
  const host = input.target.hosts[0]!;
  const server = input.target.server!;
  const ps = await input.ctx.hosts.exec(host, ['ps', '-ef']);
  const marker = new RegExp(`-Dweblogic\\.Name=${server.replace(/[.$]/g, '\\$&')}(\\s|$)`);
  const line = ps.stdout.split('\n').find((l) => l.includes('java') && marker.test(l));
  const pid = line?.trim().split(/\s+/)[1];
  const evidence = [await threadPool(input)];
  if (!pid || !/^\d+$/.test(pid)) return warn(`no java process of ${server} on ${host}: nothing to dump (the server is not running)`, evidence);
  const count = Math.min(10, num(input.step, 'count', 3));
  const interval = num(input.step, 'intervalSeconds', 10) * 1000;
  let sent = 0;
  let why = '';
  for (let i = 0; i < count; i++) {
    const r = await input.ctx.hosts.exec(host, { script: shellCommand(['kill', '-3', pid]) });
    if (r.exitCode === 0) sent++;
    else why = (r.stderr || r.stdout).trim().split('\n')[0] ?? `exit ${r.exitCode}`;
    if (i < count - 1) await input.sleep(interval);
  }
  mkdirSync(input.evidenceDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(input.evidenceDir, `thread-dump-${server}.txt`), `${evidence.join('\n')}\n${line}\n`, { mode: 0o600 });
  evidence.push(`pid ${pid} on ${host}: kill -3 sent ${sent}/${count}`);
  if (sent === count) return ok(`${count} thread dumps requested from ${server} (pid ${pid}); the JVM writes them to its .out / javacore`, evidence);
  return warn(`thread dumps: ${sent}/${count} sent to pid ${pid} (${why}); the thread-pool snapshot is kept`, evidence);
}

export async function restartServer(input: StepInput): Promise<StepResult> {
  const { domain, server } = input.target;
  const provider = createWeblogicProvider(input.ctx, { serverTimeoutMs: 300_000, pollMs: 1000, sleep: input.sleep });
  const address = childAddress(input.ctx.env, domain!, 'server', server!);
  const step = { id: `restart:${address}`, action: 'restart', address, system: 'weblogic', description: `restart ${server}`, changes: [], dependsOn: [], estimatedSeconds: 300, reversible: false, disruption: 'restart', downtime: 'one server of its cluster' } as unknown as Step;
  const req = { env: input.ctx.env, model: input.ctx.model, step, fingerprints: {} };
  const r = await provider.apply(req);
  if (r.outcome !== 'applied') return failed(`restart of ${server} failed: ${r.message}`);
  const v = await provider.verify({ ...req, step: { ...step, id: `gate:${address}`, action: 'run' } as Step });
  return v.status === 'healthy' ? ok(`${r.message}; ${v.message}`) : warn(`${r.message}; health: ${v.status} ${v.message}`);
}
