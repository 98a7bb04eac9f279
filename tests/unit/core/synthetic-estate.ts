/**
 * A deterministic synthetic estate for core.buildPlan, touching every path of the planner at
 * once: all four systems with tests/fixtures/core/rules.json; creates, updates, replaces,
 * deletes (type prune and pruneWithin), noops (numeric strings too), unknown and missing
 * reads; rolling server, RAC instance and host restarts; deploy steps; ignoreChanges and
 * preventDestroy; secrets; live rule overrides; undeclared attributes; resource dependsOn and
 * one dependency cycle; duplicate desired and live entries; a live read core cannot place.
 * Inputs are shuffled (seeded) so nothing relies on the order providers happen to use.
 *
 * Used by plan-synthetic.test.ts against tests/fixtures/core/synthetic/plan.json.
 */
import type { DesiredResource, LiveRead, PlanInput } from '../../../src/core/index.js';
import type { Address } from '../../../src/model/address.js';
import { CREATED_AT, RULES } from './fixture.js';

/** Park–Miller: small, seeded, the same everywhere. */
function prng(seed: number): () => number {
  let s = seed % 2147483647;
  if (s <= 0) s += 2147483646;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

export interface SyntheticSize {
  hosts: number;
  domains: number;
  serversPerCluster: number;
  databases: number;
  rowsPerTable: number;
}

export const MODERATE: SyntheticSize = { hosts: 12, domains: 3, serversPerCluster: 4, databases: 3, rowsPerTable: 40 };

export function syntheticEstate(size: SyntheticSize = MODERATE, seed = 8): Omit<PlanInput, 'only'> {
  const rnd = prng(seed);
  const pick = (p: number): boolean => rnd() < p;
  const env = 'synth';
  const desired: DesiredResource[] = [];
  const live: LiveRead[] = [];
  const pruneWithin: string[] = [];
  let fp = 0;
  const a = (s: string): Address => `${env}/${s}` as Address;
  const present = (address: Address, attributes: DesiredResource['attributes'], extra: Partial<LiveRead> = {}): void => {
    live.push({ address, status: 'present', attributes, fingerprint: `fp${fp++}`, ...extra });
  };
  /** A desired resource and its live read: equal, drifted (by `drift`), absent, unknown or unread. */
  const pair = (d: DesiredResource, drift: (attrs: DesiredResource['attributes']) => DesiredResource['attributes'], extra: Partial<LiveRead> = {}): void => {
    desired.push(d);
    const r = rnd();
    if (r < 0.04) live.push({ address: d.address, status: 'absent', fingerprint: `fp${fp++}` });
    else if (r < 0.06) live.push({ address: d.address, status: 'unknown', reason: 'ssh: connection timed out', fingerprint: `fp${fp++}` });
    else if (r < 0.07) return; // no read at all
    else if (r < 0.3) present(d.address, drift({ ...d.attributes }), extra);
    else present(d.address, JSON.parse(JSON.stringify(d.attributes)) as DesiredResource['attributes'], extra);
  };

  // Hosts: tunables (numbers vs numeric strings), files, cron; one host reboots for a tunable.
  for (let h = 0; h < size.hosts; h++) {
    const host = `host:h${String(h).padStart(3, '0')}`;
    const hostGroup = [{ kind: 'host' as const, group: a(host), members: [a(host)], size: 1 }];
    for (let t = 0; t < 20; t++) {
      const value = t % 3 === 0 ? 262144 + t : `${1000 + t}`;
      const reboot = h % 5 === 0 && t === 7;
      if (reboot) {
        // Always drifted: a tunable the live system says needs a reboot (AIX type B).
        desired.push({ address: a(`${host}/tunable:vm.p${t}`), system: 'host', type: 'tunable', attributes: { value }, restartGroups: hostGroup });
        present(a(`${host}/tunable:vm.p${t}`), { value: 1 }, { rules: { value: { effect: 'restart', restartScope: 'host', disruption: 'outage', reversible: true, estimatedSeconds: 5 } } });
        continue;
      }
      pair(
        { address: a(`${host}/tunable:vm.p${t}`), system: 'host', type: 'tunable', attributes: { value, ...(t === 11 ? { note: 'undeclared' } : {}) } },
        (x) => ({ ...x, value: typeof x['value'] === 'number' ? (pick(0.5) ? String(x['value']) : Number(x['value']) + 1) : `${String(x['value'])}0`, ...(t === 11 ? { note: 'drifted' } : {}) }),
      );
    }
    for (let f = 0; f < 4; f++) {
      pair(
        { address: a(`${host}/file:/etc/synth/f${f}.conf`), system: 'host', type: 'file', attributes: { sha256: `${h}${f}`.padStart(64, '0'), mode: '0644', owner: 'root' }, ...(f === 3 ? { lifecycle: { ignoreChanges: ['mode'] } } : {}) },
        (x) => ({ ...x, mode: '0600' }),
      );
    }
    for (let c = 0; c < 3; c++) {
      pair({ address: a(`${host}/cron:job${c}`), system: 'host', type: 'cron', attributes: { user: 'root', schedule: `${c} 2 * * *`, command: `/opt/synth/job${c}.sh` } }, (x) => ({ ...x, schedule: '0 3 * * *' }));
    }
    // Live-only cron entries: ignored, except under a pruneWithin prefix.
    present(a(`${host}/cron:stray`), { user: 'root', schedule: '* * * * *', command: '/tmp/x' }, { system: 'host', type: 'cron' });
    if (h % 4 === 1) pruneWithin.push(a(`${host}/cron:`).slice(0, -1));
  }

  // WebLogic: one cluster per domain, rolling restarts, data sources (secret, replace, restart), deployments after data sources.
  for (let d = 0; d < size.domains; d++) {
    const domain = `weblogic:dom${d}`;
    const cluster = a(`${domain}/cluster:C${d}`);
    const servers = Array.from({ length: size.serversPerCluster }, (_, i) => a(`${domain}/server:S${d}_${i}`));
    servers.forEach((s, i) => {
      pair(
        { address: s, system: 'weblogic', type: 'server', attributes: { heapMinMb: 2048, heapMaxMb: 2048, jvmArgs: ['-XX:+UseG1GC', `-Dn=${i}`], stuckThreadMaxTimeSeconds: 600 }, restartGroups: [{ kind: 'cluster', group: cluster, members: [s], size: servers.length }] },
        (x) => (pick(0.5) ? { ...x, heapMaxMb: 1024 } : { ...x, stuckThreadMaxTimeSeconds: 300 }),
      );
    });
    const group = [{ kind: 'cluster' as const, group: cluster, members: servers, size: servers.length }];
    const dataSources: Address[] = [];
    for (let k = 0; k < 5; k++) {
      const ds = a(`${domain}/datasource:DS${k}`);
      dataSources.push(ds);
      pair(
        { address: ds, system: 'weblogic', type: 'datasource', attributes: { jndiName: `jdbc/DS${k}`, url: `jdbc:oracle:thin:@db${d}:1521/S`, user: `U${k}`, password: `secret-${d}-${k}`, maxCapacity: 50, initialCapacity: 10 }, restartGroups: group, ...(k === 4 ? { lifecycle: { preventDestroy: true } } : {}) },
        (x) => {
          const r = rnd();
          return r < 0.25 ? { ...x, password: 'old' } : r < 0.5 ? { ...x, url: 'jdbc:oracle:thin:@old:1521/S' } : r < 0.75 ? { ...x, jndiName: 'jdbc/old' } : { ...x, maxCapacity: 30 };
        },
      );
    }
    present(a(`${domain}/datasource:Orphan`), { jndiName: 'jdbc/Orphan', password: 'x' }, { system: 'weblogic', type: 'datasource', restartGroups: group });
    for (let k = 0; k < 2; k++) {
      pair(
        { address: a(`${domain}/deployment:app${k}`), system: 'weblogic', type: 'deployment', attributes: { version: `1.${k}.0`, sha256: `${d}${k}`.padStart(64, 'a'), targets: [`C${d}`] }, dependsOn: [dataSources[k]!, dataSources[k + 1]!] },
        (x) => ({ ...x, version: '0.9.0' }),
      );
    }
    pair({ address: a(`${domain}/workmanager:WM${d}`), system: 'weblogic', type: 'workmanager', attributes: { maxThreads: 20 } }, (x) => ({ ...x, maxThreads: 10 }));
  }

  // Oracle: RAC databases; parameters (some spfile-only via live rules), tablespaces, users (prune, protected), jobs.
  for (let d = 0; d < size.databases; d++) {
    const db = `oracle:db${d}`;
    const instances = [a(`${db}/instance:db${d}1`), a(`${db}/instance:db${d}2`)];
    const rac = [{ kind: 'database' as const, group: a(db), members: instances, size: 2 }];
    for (let p = 0; p < 15; p++) {
      const spfile = p % 4 === 0;
      pair(
        { address: a(`${db}/parameter:p${p}`), system: 'oracle', type: 'parameter', attributes: { value: p % 2 ? `${p * 100}` : p * 100 }, restartGroups: rac },
        (x) => ({ ...x, value: `${p * 100 + 1}` }),
        spfile ? { rules: { value: { effect: 'restart', restartScope: 'instance', disruption: 'brief', reversible: true, estimatedSeconds: 10 } } } : {},
      );
    }
    for (let t = 0; t < 4; t++) {
      pair({ address: a(`${db}/tablespace:TS${t}`), system: 'oracle', type: 'tablespace', attributes: { maxSizeGb: 32, autoextend: true, bigfile: t % 2 === 0 } }, (x) => (pick(0.5) ? { ...x, bigfile: !x['bigfile'] } : { ...x, maxSizeGb: 16 }));
    }
    for (let u = 0; u < 6; u++) {
      pair(
        { address: a(`${db}/user:U${u}`), system: 'oracle', type: 'user', attributes: { profile: 'DEFAULT', accountStatus: 'OPEN', credential: `hash-${d}-${u}` }, dependsOn: [a(`${db}/tablespace:TS${u % 4}`)] },
        (x) => (pick(0.5) ? { ...x, credential: 'other' } : { ...x, accountStatus: 'LOCKED' }),
      );
    }
    present(a(`${db}/user:LEFTOVER${d}`), { profile: 'DEFAULT', accountStatus: 'OPEN' }, { system: 'oracle', type: 'user' });
    pair({ address: a(`${db}/profile:P${d}`), system: 'oracle', type: 'profile', attributes: { passwordLifeTime: 180 } }, (x) => ({ ...x, passwordLifeTime: 90 }));
    pair({ address: a(`${db}/scheduler-job:J${d}`), system: 'oracle', type: 'scheduler-job', attributes: { enabled: true, repeatInterval: 'FREQ=DAILY' } }, (x) => ({ ...x, enabled: false }));
  }

  // Config tables: rows, a pruned table with live-only rows, and two rows that depend on each other.
  for (let t = 0; t < 2; t++) {
    const table = `config-table:T${t}`;
    if (t === 1) pruneWithin.push(a(table));
    for (let r = 0; r < size.rowsPerTable; r++) {
      pair({ address: a(`${table}/row:K${r}`), system: 'config-table', type: 'row', attributes: { value: `v${r}`, enabled: r % 2 === 0 } }, (x) => ({ ...x, value: `w${r}` }));
    }
    for (let r = 0; r < 3; r++) present(a(`${table}/row:GONE${r}`), { value: 'old' }, { system: 'config-table', type: 'row' });
  }
  const cycleA = a('config-table:T0/row:CYCLE-A');
  const cycleB = a('config-table:T0/row:CYCLE-B');
  desired.push({ address: cycleA, system: 'config-table', type: 'row', attributes: { value: 'a' }, dependsOn: [cycleB] });
  desired.push({ address: cycleB, system: 'config-table', type: 'row', attributes: { value: 'b' }, dependsOn: [cycleA] });
  present(cycleA, { value: 'a0' });
  present(cycleB, { value: 'b0' });

  // Oddities: a duplicate desired resource, a duplicate live read, a live read with no place.
  desired.push({ ...desired[5]!, attributes: { value: 'again' } });
  live.push({ ...live[9]! });
  live.push({ address: a('nowhere:x'), status: 'present', attributes: { a: 1 }, fingerprint: 'fp-nowhere' });

  // Shuffle both lists (Fisher–Yates, seeded).
  for (const list of [desired, live] as unknown[][]) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
  }
  return { env, createdAt: CREATED_AT, revision: 'synth01', desired, live, rules: RULES, pruneWithin };
}
