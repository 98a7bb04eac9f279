/**
 * Shards (issue 8, item 4): the pure selection (every object in exactly one shard, stable when a
 * host is added), and against the lab with the built CLI: `plan --shard I/3` ×3 merged with
 * `merge-shards plan` equals the unsharded plan (addresses, fingerprints, step order), and
 * `inspect --shard I/3` ×3 merged with `merge-shards inspect` has the unsharded findings and
 * exactly the unsharded measurements (each in one shard: a server's log with its host's shard).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/index.js';
import { parseShard, selectShard, shardOfKey } from '../../src/engine/shard.js';
import type { InspectionReport } from '../../src/health/index.js';
import { loadEnvironment } from '../../src/load/index.js';
import { CLI, ROOT, startScenarioLab, type Lab } from '../scenario/support.js';

const NOW = '2026-11-28T22:00:00+08:00';

describe('shard selection (pure)', () => {
  const { env } = loadEnvironment(ROOT, 'lab');

  it('parses I/N and refuses nonsense', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, total: 3 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1', '']) expect(() => parseShard(bad)).toThrow(/--shard must be I\/N/);
  });

  it('every host, domain, database and config table is in exactly one of N shards', () => {
    for (const total of [1, 2, 3, 7]) {
      const parts = Array.from({ length: total }, (_, i) => selectShard('lab', env, { index: i + 1, total }));
      for (const key of ['hosts', 'domains', 'databases', 'configTables'] as const) {
        const all = parts.flatMap((p) => p[key]).sort();
        const names = (key === 'hosts' ? env.hosts : key === 'domains' ? env.domains : key === 'databases' ? env.databases : env.configTables).map((x) => x.name).sort();
        expect(all).toEqual(names);
      }
    }
  });

  it('a domain goes with its admin host, a database with its first instance host', () => {
    const total = 3;
    for (let i = 1; i <= total; i++) {
      const s = selectShard('lab', env, { index: i, total });
      for (const d of env.domains.filter((x) => s.domains.includes(x.name))) expect(s.hosts).toContain(d.admin.host);
      for (const d of env.databases.filter((x) => s.databases.includes(x.name))) expect(s.hosts).toContain(d.instances[0]!.host);
    }
  });

  it('stable: adding hosts never moves an existing host; going from N to N+1 shards moves only hosts into the new shard', () => {
    const keys = Array.from({ length: 500 }, (_, i) => `10.0.${i >> 8}.${i & 255}|h${i}`);
    const at5 = keys.map((k) => shardOfKey(k, 5));
    const at6 = keys.map((k) => shardOfKey(k, 6));
    keys.forEach((_, i) => {
      if (at5[i] !== at6[i]) expect(at6[i]).toBe(6);
    });
    const moved = keys.filter((_, i) => at5[i] !== at6[i]).length;
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(keys.length / 3);
  });
});

describe.skipIf(!existsSync(CLI))('plan and inspect --shard I/3 merged equal the unsharded run (built CLI, lab)', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await startScenarioLab();
    for (const d of ['kernel-param', 'file-content', 'datasource-capacity', 'init-parameter', 'jvm-heap']) expect((await lab.cli('lab', 'drift', d)).code).toBe(0);
    await lab.cli('lab', 'fault', 'host-down', '--target', 'query-02');
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
  });

  it('plan: the merge of 3 shard plans has the unsharded plan\'s changes, unknowns, fingerprints and steps', async () => {
    const file = (n: string) => join(lab.dir, `${n}.plan.json`);
    await lab.cli('--now', NOW, 'plan', '--env', 'lab', '--out', file('all'));
    for (const i of [1, 2, 3]) {
      const r = await lab.cli('--now', NOW, 'plan', '--env', 'lab', '--shard', `${i}/3`, '--out', file(`s${i}`));
      expect(existsSync(file(`s${i}`)), r.stderr).toBe(true);
    }
    const m = await lab.cli('--now', NOW, 'merge-shards', 'plan', file('s1'), file('s2'), file('s3'), '--out', file('merged'));
    expect(m.code, m.stderr).toBe(0);
    const all = JSON.parse(readFileSync(file('all'), 'utf8')) as Plan;
    const merged = JSON.parse(readFileSync(file('merged'), 'utf8')) as Plan;
    const shards = [1, 2, 3].map((i) => JSON.parse(readFileSync(file(`s${i}`), 'utf8')) as Plan);
    for (const s of shards) expect(s.changes.length).toBeLessThan(all.changes.length);
    expect(merged.changes.map((c) => c.address)).toEqual(all.changes.map((c) => c.address));
    expect(merged.changes).toEqual(all.changes);
    expect(merged.unknown).toEqual(all.unknown);
    expect(merged.fingerprints).toEqual(all.fingerprints);
    expect(merged.steps).toEqual(all.steps);
    expect(merged.summary).toEqual(all.summary);
    expect(merged.complete).toBe(all.complete);
    expect(merged.estimatedSeconds).toBe(all.estimatedSeconds);
    expect(merged.criticalPathSeconds).toBe(all.criticalPathSeconds);
    // Overlap is refused.
    const dup = await lab.cli('merge-shards', 'plan', file('s1'), file('s1'), '--out', file('dup'));
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/more than one shard plan/);
    const other = { ...shards[1]!, revision: '0'.repeat(40) };
    writeFileSync(file('other-rev'), JSON.stringify(other));
    const rev = await lab.cli('merge-shards', 'plan', file('s1'), file('other-rev'));
    expect(rev.code).toBe(1);
    expect(rev.stderr).toMatch(/differ in revision/);
  }, 120_000);

  let missing: string[] = ['not run'];
  let extra: string[] = ['not run'];
  let duplicated: string[] = ['not run'];
  const ids = (r: InspectionReport) => new Set(r.measurements.map((x) => `${x.checkId}|${x.target}`));

  it('inspect: the merge of 3 shard reports has the unsharded findings, unread targets and score', async () => {
    const key = (r: InspectionReport) => ({
      findings: r.findings.map((f) => `${f.severity}|${f.checkId}|${f.target}`).sort(),
      unread: r.unread.map((u) => `${u.target}|${u.checkIds.join(',')}`).sort(),
      measured: new Set(r.measurements.map((m) => `${m.checkId}|${m.target}`)).size,
    });
    const run = async (...extra: string[]) => {
      const r = await lab.cli('--now', NOW, 'inspect', '--env', 'lab', '--json', '--lang', 'en', ...extra);
      expect([0, 2], r.stderr).toContain(r.code);
      return JSON.parse(r.stdout) as { report: InspectionReport };
    };
    const all = (await run()).report;
    const files: string[] = [];
    for (const i of [1, 2, 3]) {
      const out = await run('--shard', `${i}/3`);
      const f = join(lab.dir, `inspect-s${i}.json`);
      writeFileSync(f, JSON.stringify(out));
      files.push(f);
    }
    const m = await lab.cli('merge-shards', 'inspect', ...files, '--out', join(lab.dir, 'inspect-merged.json'));
    expect(m.code, m.stderr).toBe(0);
    const merged = JSON.parse(readFileSync(join(lab.dir, 'inspect-merged.json'), 'utf8')) as InspectionReport;
    const { measured: _m, ...kept } = key(merged);
    const { measured: _a, ...want } = key(all);
    void _m;
    void _a;
    expect(kept).toEqual(want);
    expect(merged.summary.findings).toEqual(all.summary.findings);
    expect(merged.score).toEqual(all.score);
    missing = [...ids(all)].filter((x) => !ids(merged).has(x));
    extra = [...ids(merged)].filter((x) => !ids(all).has(x));
    // Each reading in exactly one shard: no (check, target) in two shard reports.
    const shardIds = files.map((f) => ids((JSON.parse(readFileSync(f, 'utf8')) as { report: InspectionReport }).report));
    const counts = new Map<string, number>();
    for (const s of shardIds) for (const id of s) counts.set(id, (counts.get(id) ?? 0) + 1);
    duplicated = [...counts].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
    expect(merged.measurements.length).toBe(all.measurements.length);
  }, 180_000);

  // wls.log-errors of a managed server is read from its log on its host, so it belongs to the
  // host's shard even when the domain's admin host is in another shard (docs/shards.md): the
  // collectors get the whole model plus the shard's selection.
  it('inspect: every unsharded measurement is in the merge exactly once, and nothing else', () => {
    expect(missing, missing.join('\n')).toEqual([]);
    expect(extra, extra.join('\n')).toEqual([]);
    expect(duplicated, duplicated.join('\n')).toEqual([]);
  });
});
