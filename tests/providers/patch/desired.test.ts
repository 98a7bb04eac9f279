/**
 * Home patches as resources (pure), on the real lab estate with the real releases overlaid: one
 * resource per host and home in the rolling order 升级说明 describes (release-steps.ts), each
 * depending on all before it; a home shared by two domains patched once; the database's
 * datapatch step after every home of the database and its standby; and where the plan marks an
 * outage.
 */
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../../src/load/index.js';
import type { EnvironmentModel, Release } from '../../../src/model/index.js';
import { oracleHomePatches, sqlDependencies, weblogicHomePatches } from '../../../src/providers/patch/desired.js';
import { locate } from '../../../src/providers/patch/read.js';
import type { ProviderContext } from '../../../src/providers/context.js';
import { oracleDesired } from '../../../src/providers/oracle/index.js';
import { releaseOverlay, type PatchHostStep } from '../../../src/release/index.js';
import { ROOT } from '../../scenario/support.js';

const { model } = loadRepository(ROOT);
const rel = (n: string): Release => model.releases.find((r) => r.name === n)!;
const lab = (release: string): EnvironmentModel => releaseOverlay(model, rel(release), 'lab').env;
const ctxOf = (env: EnvironmentModel) => ({ env: 'lab', model: env } as unknown as ProviderContext);

describe('WebLogic home patches', () => {
  it('one per host in the order release-steps describes, each after all before it', () => {
    const env = lab('hall-wlspsu-2026.11');
    const res = weblogicHomePatches('lab', env);
    const steps = releaseOverlay(model, rel('hall-wlspsu-2026.11'), 'lab').runSteps as PatchHostStep[];
    expect(res.map((r) => r.address)).toEqual(steps.map((s) => s.address));
    expect(res.every((r) => r.type === 'home-patch' && r.attributes.applied === true)).toBe(true);
    res.forEach((r, i) => expect(r.dependsOn ?? []).toEqual(res.slice(0, i).map((x) => x.address)));
  });

  it('a home two domains share on their admin host is patched once (the first domain claims it)', () => {
    const env = lab('hall-wlspsu-2026.11');
    const patch = { id: 'ABCD', archive: { file: 'p1.zip', sha256: 'a'.repeat(64) } };
    const both = { ...env, domains: env.domains.map((d) => (d.name === 'bridge' || d.name === 'receive' ? { ...d, patches: [patch] } : d)) };
    const hosts = weblogicHomePatches('lab', both).filter((r) => r.address.endsWith('/patch:ABCD')).map((r) => r.address.split('/')[2]);
    expect(hosts.filter((h) => h === 'host:wls-admin-02')).toHaveLength(1);
    expect(hosts).toHaveLength(3 + 3 + 1);
  });

  it('the admin host and a lone cluster member are outages; the rest of the cluster keeps serving', () => {
    const ctx = ctxOf(lab('hall-wlspsu-2026.11'));
    const at = (h: string) => locate(ctx, `lab/weblogic:hall/host:${h}/patch:31537019`);
    expect(at('hall-web-01')).toMatchObject({ outage: false, ref: { tool: 'opatch', home: '/weblogic/Oracle/Middleware/Oracle_Home' }, archive: { file: 'p31537019_122140_Generic.zip' } });
    expect(at('wls-admin-01')).toMatchObject({ outage: true });
    expect(locate(ctxOf(lab('core-wlspsu-2026.11')), 'lab/weblogic:core/host:core-svc-01/patch:B47X')).toMatchObject({ ref: { tool: 'bsu', wlHome: '/weblogic/Oracle/Middleware/wlserver_10.3' }, replaces: ['GFWX'] });
    expect(locate(ctx, 'lab/weblogic:nope/host:x/patch:1')).toMatch(/not in environment/);
  });
});

describe('Oracle home patches and datapatch', () => {
  it('the standby host first, then the RAC instances one at a time; datapatch after all three', () => {
    const env = lab('coredb-dpbp-2026.11');
    const homes = oracleHomePatches('lab', env).filter((r) => r.address.endsWith('/patch:35787077'));
    expect(homes.map((r) => r.address)).toEqual([
      'lab/oracle:coredb-stby/host:coredb-stby-01/patch:35787077', 'lab/oracle:coredb/host:coredb-01/patch:35787077', 'lab/oracle:coredb/host:coredb-02/patch:35787077',
    ]);
    expect(homes.map((r) => r.address)).toEqual((releaseOverlay(model, rel('coredb-dpbp-2026.11'), 'lab').runSteps as PatchHostStep[]).map((s) => s.address));
    const all = oracleHomePatches('lab', env);
    const sql = sqlDependencies(env, oracleDesired('lab', env.databases), all).find((r) => r.address === 'lab/oracle:coredb/patch:35787077')!;
    expect(sql.dependsOn).toEqual(homes.map((h) => h.address).sort());
    expect(locate(ctxOf(env), homes[0]!.address)).toMatchObject({ outage: true, ref: { home: '/oracle/app/oracle/product/19.0.0/dbhome_1' } });
    expect(locate(ctxOf(env), homes[1]!.address)).toMatchObject({ outage: false });
  });

  it('patches the lab already declares are resources too (a reset lab has them: no change)', () => {
    const env = lab('hall-wlspsu-2026.11');
    const ids = new Set(oracleHomePatches('lab', env).map((r) => r.address.replace(/^.*patch:/, '')));
    expect([...ids].sort()).toEqual(['31537677', '35643107', '35655527']);
  });
});
