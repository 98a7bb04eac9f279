// Inspections against the lab (simulated, loopback only) through the real transports: a fresh lab
// has no critical finding; drift and faults become critical findings naming their target while
// the report still completes; the stalled batch deduction the lab generates is a finding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport, type InspectionReport } from '../../src/health/index.js';
import { inspect } from '../../src/inspect/index.js';
import { labRepo, type LabRepo } from './support.js';

let repo: LabRepo;
let fresh: InspectionReport;
let broken: InspectionReport;

async function run(name: string, previous?: InspectionReport): Promise<InspectionReport> {
  const { conn, close } = await repo.connect();
  try {
    const playbook = repo.playbooks.find((p) => p.name === name)!;
    return await inspect({ ctx: conn.context, playbook, revision: null, ...(previous ? { previous: { generatedAt: previous.generatedAt, findings: previous.findings } } : {}) });
  } finally {
    await close();
  }
}

beforeAll(async () => {
  repo = labRepo();
  fresh = await run('daily');
  repo.scenario('tablespace-full', 'coredb/SBF_DATA');
  repo.scenario('server-down', 'hall');
  repo.scenario('host-down', 'hall-web-03');
  repo.scenario('db-down', 'querydb');
  broken = await run('daily', fresh);
}, 240_000);

afterAll(() => repo?.remove());

describe('daily inspection of a fresh lab', () => {
  it('has no critical finding; its warnings are the business anomalies the lab injects', () => {
    expect(fresh.findings.filter((f) => f.severity === 'critical')).toEqual([]);
    // Deliberate: the lab generates, in 2026-11, a RUNNING batch without progress for 5 h, 4 failed
    // receive messages and 2 应征 rows that failed to save (docs/lab-oracle.md, business tables).
    expect(fresh.findings.map((f) => f.checkId).sort()).toEqual(['batch.deduction', 'exchange.receive', 'yz.save-errors']);
    expect(fresh.unread).toEqual([]);
  });
  it('finds the stalled batch deduction', () => {
    const stalled = fresh.findings.find((f) => f.checkId === 'batch.deduction')!;
    expect(stalled.target).toMatch(/^lab\/oracle:coredb\/batch:/);
    expect(stalled.message.zh).toContain('批扣批次停滞');
    expect(stalled.value).toBeGreaterThanOrEqual(2);
  });
  it('reads every host, database and domain, and the report validates', () => {
    expect(validateReport(fresh)).toEqual([]);
    expect(fresh.resources.hosts).toHaveLength(repo.env.hosts.length);
    expect(fresh.resources.servers.length).toBeGreaterThan(20);
    expect(fresh.resources.tablespaces.some((t) => t.database === 'coredb' && t.name === 'SBF_DATA')).toBe(true);
    expect(fresh.resources.pools.length).toBeGreaterThan(0);
    expect(fresh.score.value).toBe(100 - 3 * 3);
  });
});

describe('daily inspection with drift and faults', () => {
  const critical = (pred: (f: InspectionReport['findings'][number]) => boolean) => broken.findings.filter((f) => f.severity === 'critical' && pred(f));
  it('tablespace-full: a critical finding names the database and tablespace', () => {
    const [f] = critical((x) => x.checkId === 'db.tablespace');
    expect(f?.target).toBe('lab/oracle:coredb/tablespace:SBF_DATA');
    expect(f?.message.en).toContain('oracle:coredb/tablespace:SBF_DATA');
  });
  it('server-down: a critical finding names the server', () => {
    const f = critical((x) => x.checkId === 'wls.server-state');
    expect(f).toHaveLength(1);
    expect(f[0]!.target).toMatch(/^lab\/weblogic:hall\/server:/);
    expect(f[0]!.message.en).toMatch(/Server not running: weblogic:hall\/server:\S+ is SHUTDOWN/);
  });
  it('host-down: "could not read" for that host, everything else still read', () => {
    const f = critical((x) => x.target === 'lab/host:hall-web-03');
    expect(f.map((x) => x.checkId)).toEqual(['host.reachable']);
    expect(f[0]!.message.en).toMatch(/^could not read: host:hall-web-03/);
    expect(broken.unread.map((u) => u.target)).toContain('lab/host:hall-web-03');
    expect(broken.resources.hosts).toHaveLength(repo.env.hosts.length - 1);
  });
  it('db-down: "could not read" for the database, its listener without the service', () => {
    expect(critical((x) => x.checkId === 'db.reachable').map((x) => x.target)).toEqual(['lab/oracle:querydb']);
    expect(critical((x) => x.checkId === 'db.listener').every((x) => x.target.startsWith('lab/oracle:querydb/listener:'))).toBe(true);
    expect(broken.resources.tablespaces.some((t) => t.database === 'querydb')).toBe(false);
    expect(broken.resources.tablespaces.some((t) => t.database === 'coredb')).toBe(true);
  });
  it('compares with the fresh report: the new findings are new, the business ones persist', () => {
    expect(validateReport(broken)).toEqual([]);
    expect(broken.comparison.new).toContain('db.tablespace@lab/oracle:coredb/tablespace:SBF_DATA');
    expect(broken.comparison.persisting.map((p) => p.id)).toEqual(expect.arrayContaining(fresh.findings.map((f) => f.id)));
    expect(broken.conclusion).toBe('abnormal');
  });
});
