/**
 * The Hebei estate as data (inventory/, desired-state/, releases/, playbooks/): it loads without a
 * diagnostic, every document passes its schema, and the facts the bureau gave us hold — 26 + 13
 * production servers, the lab mirroring them, five domains, data sources pointing at databases
 * that exist, pinned host keys, and the published 征期 deadlines of 2025 and 2026.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/load/index.js';
import { KIND_SCHEMAS, type Kind } from '../../src/model/schema/index.js';
import type { Host } from '../../src/model/schema/index.js';
import { labHostKey } from '../../src/lab/hostkeys.js';

const ROOT = join(import.meta.dirname, '..', '..');
const { model, diagnostics } = loadRepository(ROOT);
const env = (name: string) => {
  const e = model.environments[name];
  if (!e) throw new Error(`environment ${name} missing`);
  return e;
};
const APP_ROLES = ['hall-web', 'core-svc', 'bridge', 'receive', 'query', 'wls-admin', 'etl'];
const countBy = (hosts: Host[]) =>
  Object.fromEntries([...new Set(hosts.flatMap((h) => h.roles))].sort().map((r) => [r, hosts.filter((h) => h.roles.includes(r)).length]));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(f) ? [p] : [];
  });
}

describe('the estate loads', () => {
  it('has no diagnostics at all', () => {
    expect(diagnostics.map((d) => `${d.source?.file}:${d.source?.line}: ${d.message}`)).toEqual([]);
  });

  it('every document as written has apiVersion first, then kind, a header comment, and a known kind', () => {
    for (const file of ['inventory', 'desired-state', 'releases', 'playbooks'].flatMap((d) => yamlFiles(join(ROOT, d)))) {
      const text = readFileSync(file, 'utf8');
      expect(text.startsWith('#'), relative(ROOT, file)).toBe(true);
      for (const doc of parseAllDocuments(text)) {
        const value = doc.toJS() as Record<string, unknown>;
        expect(Object.keys(value).slice(0, 2), relative(ROOT, file)).toEqual(['apiVersion', 'kind']);
        expect(Object.keys(KIND_SCHEMAS)).toContain(value['kind']);
      }
    }
  });

  it('every merged document passes its schema (ajv + KIND_SCHEMAS)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const check = (kind: Kind, doc: unknown) => {
      const validate = ajv.getSchema(kind) ?? (ajv.addSchema(KIND_SCHEMAS[kind], kind), ajv.getSchema(kind));
      const ok = validate?.(doc);
      expect(ok, `${kind}: ${ajv.errorsText(validate?.errors)}`).toBe(true);
    };
    for (const e of Object.values(model.environments)) {
      check('Environment', e.environment);
      e.hostProfiles.forEach((d) => check('HostProfile', d));
      e.domains.forEach((d) => check('WeblogicDomain', d));
      e.databases.forEach((d) => check('OracleDatabase', d));
      e.configTables.forEach((d) => check('ConfigTable', d));
    }
    model.calendars.forEach((d) => check('Calendar', d));
    model.windows.forEach((d) => check('ChangeWindows', d));
    model.releases.forEach((d) => check('Release', d));
    model.inspections.forEach((d) => check('InspectionPlaybook', d));
    model.runbooks.forEach((d) => check('Runbook', d));
    model.dataFixes.forEach((d) => check('DataFix', d));
    model.reconciliations.forEach((d) => check('ReconciliationPlaybook', d));
    expect(model.releases.length).toBeGreaterThanOrEqual(3);
    expect(model.inspections.map((p) => p.cadence).sort()).toEqual(expect.arrayContaining(['daily', 'monthly', 'pre-collection']));
  });
});

describe('topology', () => {
  it('production has 26 application servers and 13 database servers', () => {
    const hosts = env('prod').hosts;
    expect(hosts.filter((h) => h.roles.some((r) => APP_ROLES.includes(r)))).toHaveLength(26);
    expect(hosts.filter((h) => h.roles.includes('oracle'))).toHaveLength(13);
    expect(hosts).toHaveLength(39);
    expect(countBy(hosts)).toEqual({ bridge: 3, 'core-svc': 6, etl: 2, 'hall-web': 6, oracle: 13, query: 4, receive: 3, 'wls-admin': 2 });
  });

  it('the lab mirrors production: same hosts and roles, same domains and databases, all on loopback', () => {
    const prod = env('prod');
    const lab = env('lab');
    expect(lab.environment.simulated).toBe(true);
    expect(countBy(lab.hosts)).toEqual(countBy(prod.hosts));
    expect(lab.hosts.map((h) => `${h.name}:${h.roles.join()}:${h.os}`)).toEqual(prod.hosts.map((h) => `${h.name}:${h.roles.join()}:${h.os}`));
    expect(lab.hosts.every((h) => h.address === '127.0.0.1')).toBe(true);
    const shape = (e: typeof prod) => ({
      domains: e.domains.map((d) => `${d.name}:${d.version}:${d.servers.map((s) => `${s.name}@${s.host}:${s.listenPort}`).join()}`).sort(),
      databases: e.databases.map((d) => `${d.name}:${d.role}:${d.instances.map((i) => i.host).join()}`).sort(),
    });
    expect(shape(lab)).toEqual(shape(prod));
  });

  it('pre-production has the same domain and database names as production, minus standbys and opsdb', () => {
    const names = (e: ReturnType<typeof env>) => ({ d: e.domains.map((x) => x.name).sort(), db: e.databases.map((x) => x.name).sort() });
    const prod = names(env('prod'));
    const pre = names(env('preprod'));
    expect(pre.d).toEqual(prod.d);
    expect(pre.db).toEqual(prod.db.filter((n) => !['coredb-stby', 'frontdb-stby', 'opsdb'].includes(n)));
    const hosts = new Set(env('preprod').hosts.map((h) => h.name));
    for (const db of env('preprod').databases) for (const i of db.instances) expect(hosts.has(i.host), `${db.name} ${i.host}`).toBe(true);
  });

  it('five domains with the agreed versions and management', () => {
    for (const name of ['prod', 'preprod', 'lab']) {
      const got = Object.fromEntries(env(name).domains.map((d) => [d.name, `${d.version}/${d.management}`]));
      expect(got).toEqual({ hall: '12.2.1.4/rest', query: '12.2.1.4/rest', core: '10.3.6/wlst', bridge: '10.3.6/wlst', receive: '10.3.6/wlst' });
    }
  });

  it('production databases: coredb RAC + standby, frontdb + standby, 13 database hosts used once each', () => {
    const dbs = env('prod').databases;
    const by = Object.fromEntries(dbs.map((d) => [d.name, d]));
    expect(by['coredb']?.instances.map((i) => i.role)).toEqual(['rac-node', 'rac-node']);
    expect(by['coredb-stby']).toMatchObject({ role: 'physical-standby', standbyOf: 'coredb' });
    expect(by['frontdb-stby']).toMatchObject({ role: 'physical-standby', standbyOf: 'frontdb' });
    const used = dbs.flatMap((d) => d.instances.map((i) => i.host)).sort();
    expect(used).toEqual(env('prod').hosts.filter((h) => h.roles.includes('oracle')).map((h) => h.name).sort());
  });

  it('every data source, server, machine and instance points at something that exists', () => {
    for (const name of ['prod', 'preprod', 'lab']) {
      const e = env(name);
      const hosts = new Set(e.hosts.map((h) => h.name));
      const dbs = new Set(e.databases.map((d) => d.name));
      for (const d of e.domains) {
        expect(hosts.has(d.admin.host), `${name} ${d.name} admin`).toBe(true);
        for (const s of d.servers) expect(hosts.has(s.host), `${name} ${s.name}`).toBe(true);
        for (const m of d.machines ?? []) expect(hosts.has(m.host), `${name} ${m.name}`).toBe(true);
        for (const ds of d.dataSources ?? []) expect(dbs.has(ds.database), `${name} ${d.name}/${ds.name}`).toBe(true);
        expect(JSON.stringify(d)).not.toContain('store:unset/');
      }
      for (const db of e.databases) expect(db.connect.credential, `${name} ${db.name}`).not.toMatch(/^store:unset\//);
    }
  });

  it('common WebLogic and Oracle documents carry no topology or credentials; overlays need no $delete to undo them', () => {
    const common = ['weblogic', 'oracle'].flatMap((d) => yamlFiles(join(ROOT, 'desired-state', 'common', d)));
    expect(common.length).toBeGreaterThan(0);
    for (const file of common) {
      const where = relative(ROOT, file);
      expect(readFileSync(file, 'utf8'), where).not.toMatch(/store:unset|credential:/);
      for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
        const value = doc.toJS() as Record<string, unknown>;
        for (const key of ['servers', 'machines', 'instances']) expect(value, `${where} ${key}`).not.toHaveProperty(key);
        expect(value['admin'] ?? {}, where).not.toHaveProperty('host');
      }
    }
    for (const file of ['prod', 'preprod', 'lab'].flatMap((e) => yamlFiles(join(ROOT, 'desired-state', e)))) {
      expect(readFileSync(file, 'utf8'), relative(ROOT, file)).not.toContain('$delete');
    }
  });
});

describe('host keys and credentials', () => {
  it('every production and pre-production host pins a host key (placeholders until onboarding)', () => {
    for (const name of ['prod', 'preprod']) {
      for (const h of env(name).hosts) {
        expect(h.ssh.hostKey, h.name).toMatch(/^SHA256:PLACEHOLDER[A-Za-z0-9]{32}$/);
        expect(h.address.startsWith('10.13.'), h.name).toBe(true);
      }
    }
  });

  it('the lab pins labHostKey(name) and uses the lab key and secrets', () => {
    for (const h of env('lab').hosts) {
      expect(h.ssh.hostKey, h.name).toBe(labHostKey(h.name).fingerprint);
      expect(h.ssh).toMatchObject({ user: 'opsctl', credential: 'file:.lab/keys/id_ed25519' });
    }
    for (const d of env('lab').domains) expect(d.admin.credential).toBe('file:.lab/secrets/weblogic');
    for (const d of env('lab').databases) expect(d.connect.credential).toBe('file:.lab/secrets/oracle');
  });
});

describe('calendar and windows', () => {
  const hebei = model.calendars.find((c) => c.name === 'hebei');
  const table = (year: string, days: string[]) => Object.fromEntries(days.map((d, i) => [String(i + 1).padStart(2, '0'), `${year}-${d}`]));

  it('2025 deadlines are the published ones (reference/domain.md §1.3)', () => {
    expect(hebei?.collectionDeadlines['2025']?.deadlines).toEqual(
      table('2025', ['01-15', '02-20', '03-17', '04-18', '05-22', '06-16', '07-15', '08-15', '09-15', '10-27', '11-17', '12-15']),
    );
  });

  it('2026 deadlines are the published ones (reference/domain.md §1.2)', () => {
    expect(hebei?.collectionDeadlines['2026']?.deadlines).toEqual(
      table('2026', ['01-20', '02-24', '03-16', '04-20', '05-22', '06-15', '07-15', '08-17', '09-15', '10-26', '11-16', '12-15']),
    );
    expect(hebei?.collectionDeadlines['2026']?.source).toContain('税总办征科函〔2025〕64号');
  });

  it('no named blackout covers 2026-11-28 (scenario tests apply then)', () => {
    for (const b of hebei?.blackouts ?? []) expect(b.from <= '2026-11-28' && b.to >= '2026-11-28', b.name).toBe(false);
  });

  it('environments point at windows and calendars that exist', () => {
    for (const e of Object.values(model.environments)) {
      expect(model.windows.map((w) => w.name)).toContain(e.environment.windows);
      expect(model.calendars.map((c) => c.name)).toContain(e.environment.calendar);
    }
    expect(env('prod').environment).toMatchObject({ windows: 'production', promotedFrom: 'preprod', requiredApprovals: ['主管部门', '业务部门'] });
    expect(env('lab').environment.windows).toBe('production');
  });
});

describe('releases', () => {
  it('committed artifacts match their sha256', () => {
    for (const dir of readdirSync(join(ROOT, 'releases'))) {
      const release = model.releases.find((r) => r.name === dir);
      expect(release, dir).toBeDefined();
      for (const a of release?.artifacts ?? []) {
        if (a.location === 'store') continue;
        const sum = createHash('sha256').update(readFileSync(join(ROOT, 'releases', dir, a.path))).digest('hex');
        expect(sum, `${dir}/${a.path}`).toBe(a.sha256);
      }
    }
  });

  it('the hall deployment in desired state is the artifact of release hall-2026.10.1', () => {
    const hall = env('prod').domains.find((d) => d.name === 'hall');
    const rel = model.releases.find((r) => r.name === 'hall-2026.10.1');
    expect(hall?.deployments?.[0]?.artifact.sha256).toBe(rel?.artifacts?.[0]?.sha256);
  });
});
