/**
 * engine read/plan with fake providers: concurrency across providers, events, unknown reads,
 * a throwing provider, --only, createdAt from the clock, the git revision.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DesiredResource, TypeRule } from '../../src/core/index.js';
import { gitRevision, planEnvironment, readEnvironment, type EngineEvent } from '../../src/engine/index.js';
import { fakeContext } from '../fakes/context.js';
import { address, fakeProvider, present, unknownRead } from '../fakes/provider.js';

const liveRule = { effect: 'live', restartScope: 'none', disruption: 'none', reversible: true, estimatedSeconds: 5 } as const;
const restartRule = { effect: 'restart', restartScope: 'server', disruption: 'brief', reversible: true, estimatedSeconds: 5 } as const;
const DS: Record<string, TypeRule> = { datasource: { attributes: { maxCapacity: liveRule } }, server: { attributes: { heapMaxMb: restartRule } } };
const HOST: Record<string, TypeRule> = { tunable: { attributes: { value: liveRule } } };

function ds(name: string, maxCapacity: number): DesiredResource {
  return { address: address(`lab/weblogic:hall/datasource:${name}`), system: 'weblogic', type: 'datasource', attributes: { maxCapacity } };
}
function tunable(host: string, value: string): DesiredResource {
  return { address: address(`lab/host:${host}/tunable:no.tcp_sendspace`), system: 'host', type: 'tunable', attributes: { value } };
}

function estate() {
  const weblogic = fakeProvider({ system: 'weblogic', types: DS, desired: [ds('CoreDS', 150), ds('FrontDS', 60)], live: [present('lab/weblogic:hall/datasource:CoreDS', { maxCapacity: 75 }), present('lab/weblogic:hall/datasource:FrontDS', { maxCapacity: 60 })] });
  const host = fakeProvider({ system: 'host', types: HOST, desired: [tunable('hall-web-01', '262144'), tunable('hall-web-02', '262144')], live: [present('lab/host:hall-web-01/tunable:no.tcp_sendspace', { value: '262144' }), unknownRead('lab/host:hall-web-02/tunable:no.tcp_sendspace', 'host hall-web-02: connect ECONNREFUSED 127.0.0.1:2222')] });
  return { weblogic, host };
}

describe('readEnvironment', () => {
  it('reads every provider, collects rules by system and reports scopes and unknowns as events', async () => {
    const { weblogic, host } = estate();
    const events: EngineEvent[] = [];
    const read = await readEnvironment({ ctx: fakeContext(), providers: [host, weblogic], emit: (e) => events.push(e) });
    expect(read.desired).toHaveLength(4);
    expect(read.live).toHaveLength(4);
    expect(Object.keys(read.rules).sort()).toEqual(['host', 'weblogic']);
    expect(weblogic.calls.read[0]!.addresses).toEqual(['lab/weblogic:hall/datasource:CoreDS', 'lab/weblogic:hall/datasource:FrontDS']);
    expect(events.filter((e) => e.kind === 'read-start')).toHaveLength(2);
    expect(events).toContainEqual({ kind: 'read-unknown', system: 'host', scope: 'host:hall-web-02', address: 'lab/host:hall-web-02/tunable:no.tcp_sendspace', reason: expect.stringContaining('ECONNREFUSED') });
    expect(events).toContainEqual({ kind: 'read-scope-done', system: 'host', scope: 'host:hall-web-01', reads: 1, unknown: 0 });
  });

  it('runs providers concurrently', async () => {
    const { weblogic, host } = estate();
    let running = 0;
    let peak = 0;
    for (const p of [weblogic, host]) {
      const inner = p.read.bind(p);
      p.read = async (req) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 20));
        running--;
        return inner(req);
      };
    }
    await readEnvironment({ ctx: fakeContext(), providers: [weblogic, host] });
    expect(peak).toBe(2);
  });

  it('turns a provider that throws into unknown reads with the reason, and goes on with the others', async () => {
    const { weblogic, host } = estate();
    host.read = () => Promise.reject(new Error('pool exploded'));
    const events: EngineEvent[] = [];
    const { plan } = await planEnvironment({ ctx: fakeContext(), providers: [weblogic, host], emit: (e) => events.push(e) });
    expect(plan.unknown.map((u) => u.address)).toEqual(['lab/host:hall-web-01/tunable:no.tcp_sendspace', 'lab/host:hall-web-02/tunable:no.tcp_sendspace']);
    expect(plan.unknown[0]!.reason).toContain('pool exploded');
    expect(plan.changes.find((c) => c.address === 'lab/weblogic:hall/datasource:CoreDS')?.action).toBe('update');
    expect(plan.errored).toBe(true);
    expect(events.some((e) => e.kind === 'read-failed')).toBe(true);
  });

  it('--only reads only the selected addresses and skips providers with nothing selected', async () => {
    const { weblogic, host } = estate();
    const { plan } = await planEnvironment({ ctx: fakeContext(), providers: [weblogic, host], only: ['lab/weblogic:hall/datasource:CoreDS'] });
    expect(weblogic.calls.read[0]!.addresses).toEqual(['lab/weblogic:hall/datasource:CoreDS']);
    expect(host.calls.read).toHaveLength(0);
    expect(plan.only).toEqual(['lab/weblogic:hall/datasource:CoreDS']);
    expect(plan.complete).toBe(true);
    expect(plan.changes.map((c) => c.address)).toEqual(['lab/weblogic:hall/datasource:CoreDS']);
  });
});

describe('planEnvironment', () => {
  it('plans with createdAt from the clock, the diff of every address, unknowns and a plan-built event', async () => {
    const { weblogic, host } = estate();
    const events: EngineEvent[] = [];
    const { plan } = await planEnvironment({ ctx: fakeContext({ now: new Date('2026-03-10T06:00:00Z') }), providers: [weblogic, host], emit: (e) => events.push(e), revision: 'abc' });
    expect(plan.createdAt).toBe('2026-03-10T06:00:00.000Z');
    expect(plan.revision).toBe('abc');
    const core = plan.changes.find((c) => c.address === 'lab/weblogic:hall/datasource:CoreDS')!;
    expect(core.attributes).toEqual([expect.objectContaining({ name: 'maxCapacity', before: 75, after: 150 })]);
    expect(plan.complete).toBe(false);
    expect(plan.unknown).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ kind: 'plan-built', complete: false, changes: 1 });
  });

  it('carries outside diagnostics (a missing provider) into an errored plan', async () => {
    const { weblogic } = estate();
    weblogic.live.set('lab/weblogic:hall/datasource:CoreDS', present('lab/weblogic:hall/datasource:CoreDS', { maxCapacity: 150 }));
    const { plan } = await planEnvironment({ ctx: fakeContext(), providers: [weblogic], diagnostics: [{ severity: 'error', code: 'provider-missing', message: 'no host provider' }] });
    expect(plan.errored).toBe(true);
    expect(plan.changes.every((c) => c.action === 'noop')).toBe(true);
  });
});

describe('gitRevision', () => {
  it('reads HEAD through a loose ref, packed-refs, or a detached sha; undefined without a repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsctl-git-'));
    expect(gitRevision(dir)).toBeUndefined();
    mkdirSync(join(dir, '.git/refs/heads'), { recursive: true });
    writeFileSync(join(dir, '.git/HEAD'), 'ref: refs/heads/main\n');
    expect(gitRevision(dir)).toBeUndefined();
    const sha = 'a'.repeat(40);
    writeFileSync(join(dir, '.git/packed-refs'), `# pack-refs with: peeled\n${sha} refs/heads/main\n`);
    expect(gitRevision(dir)).toBe(sha);
    writeFileSync(join(dir, '.git/refs/heads/main'), `${'b'.repeat(40)}\n`);
    expect(gitRevision(dir)).toBe('b'.repeat(40));
    writeFileSync(join(dir, '.git/HEAD'), `${'c'.repeat(40)}\n`);
    expect(gitRevision(dir)).toBe('c'.repeat(40));
    mkdirSync(join(dir, 'sub'));
    expect(gitRevision(join(dir, 'sub'))).toBe('c'.repeat(40));
  });
});
