import { describe, expect, it } from 'vitest';
import { loadEnvironment, loadRepository, ModelError } from '../../../src/load/index.js';
import { shannonEntropy } from '../../../src/load/policy.js';
import { brief, copyMiniRepo, edit, MINI_REPO, write } from './helpers.js';

function errorsAfter(rel: string, from: string | RegExp, to: string): string[] {
  const root = copyMiniRepo();
  edit(root, rel, from, to);
  return loadRepository(root).diagnostics.map((d) => `${d.code} ${brief(d)}`);
}

describe('reference checks', () => {
  it('a data source pointing at a missing database, in every environment that has it', () => {
    expect(errorsAfter('desired-state/common/hall.yaml', 'database: coredb', 'database: nosuchdb')).toEqual([
      'reference desired-state/common/hall.yaml:31:15: data source HallDS: database "nosuchdb" does not exist in environment pre',
      'reference desired-state/common/hall.yaml:31:15: data source HallDS: database "nosuchdb" does not exist in environment prod',
    ]);
  });
  it('servers on hosts outside the inventory, unknown clusters and targets', () => {
    expect(errorsAfter('desired-state/prod/overlay.yaml', 'host: hall-web-02\n    listenPort: 7011\n    cluster: hall-cluster', 'host: hall-web-09\n    listenPort: 7011\n    cluster: nope')).toEqual([
      'reference desired-state/prod/overlay.yaml:6:11: domain hall server hall2: host "hall-web-09" is not in the inventory of environment prod',
      'reference desired-state/prod/overlay.yaml:8:14: domain hall server hall2: cluster "nope" does not exist in the domain',
    ]);
    expect(errorsAfter('desired-state/common/hall.yaml', 'targets: [hall-cluster]', 'targets: [hall-clustr]')).toEqual([
      'reference desired-state/common/hall.yaml:36:15: data source HallDS: target "hall-clustr" is not a cluster or server of domain hall',
    ]);
  });
  it('environment windows, calendar and promotedFrom must exist', () => {
    expect(errorsAfter('inventory/prod/environment.yaml', 'promotedFrom: pre', 'promotedFrom: uat')).toEqual([
      'reference inventory/prod/environment.yaml:8:15: environment prod: promotedFrom "uat" is not an environment',
    ]);
    expect(errorsAfter('inventory/pre/environment.yaml', 'windows: standard', 'windows: weekly')).toEqual([
      'reference inventory/pre/environment.yaml:6:10: environment pre: ChangeWindows "weekly" does not exist',
    ]);
  });
  it('inventory environment must match its folder; groups, profiles and templates resolve', () => {
    expect(errorsAfter('inventory/pre/hosts.yaml', 'environment: pre', 'environment: prod')).toEqual([
      'reference inventory/pre/hosts.yaml:3:14: inventory in inventory/pre/ says environment "prod"; it must be "pre"',
    ]);
    expect(errorsAfter('desired-state/common/aix-base.yaml', 'template: aix/motd.ejs', 'template: aix/mott.ejs')).toEqual([
      'reference desired-state/common/aix-base.yaml:14:15: host profile aix-base: template "aix/mott.ejs" does not exist under templates/',
    ]);
  });
  it('duplicate host names in one environment', () => {
    expect(errorsAfter('inventory/prod/hosts.yaml', '- name: hall-web-02', '- name: hall-web-01')).toContain(
      'reference inventory/prod/hosts.yaml:15:11: host "hall-web-01" is declared twice in environment prod (first at inventory/prod/hosts.yaml:5)',
    );
  });
  it('release artifacts: checksum, existence, declared names', () => {
    const rel = 'releases/2026.03-hall-1.4.2/release.yaml';
    expect(errorsAfter(rel, /sha256: [0-9a-f]{64}/, `sha256: ${'a'.repeat(64)}`)).toEqual([
      expect.stringMatching(/^reference releases\/2026\.03-hall-1\.4\.2\/release\.yaml:9:13: artifact hall-ear: sha256 of releases\/2026\.03-hall-1\.4\.2\/hall-1\.4\.2\.txt is [0-9a-f]{64}, not the one written here$/),
    ]);
    expect(errorsAfter(rel, '  artifact: hall-ear', '  artifact: hall-war')).toEqual([
      `reference ${rel}:14:13: release 2026.03-hall-1.4.2: artifact "hall-war" is not declared under artifacts`,
    ]);
    expect(errorsAfter(rel, 'path: hall-1.4.2.txt', 'path: missing.ear')).toEqual([
      `reference ${rel}:8:11: artifact hall-ear: releases/2026.03-hall-1.4.2/missing.ear does not exist`,
    ]);
  });
  it('calendar: twelve months, deadlines inside their month and not before the 15th', () => {
    const rel = 'desired-state/common/calendar.yaml';
    expect(errorsAfter(rel, '      "12": 2026-12-15\n', '')).toEqual([`reference ${rel}:12:7: calendar hebei-2026: 2026 has no 征期 deadline for month 12 (all twelve are required)`]);
    expect(errorsAfter(rel, '"03": 2026-03-16', '"03": 2026-03-10')).toEqual([`reference ${rel}:14:13: calendar hebei-2026: deadline 2026-03-10 for 2026-03 is before the 15th (征期 runs at least to the 15th)`]);
    expect(errorsAfter(rel, '"03": 2026-03-16', '"03": 2026-04-16')).toHaveLength(1);
  });
  it('data fixes name a database that exists somewhere', () => {
    expect(errorsAfter('playbooks/data.yaml', 'database: coredb\npreCheck', 'database: frontdb\npreCheck')).toEqual([
      'reference playbooks/data.yaml:8:11: data fix fix-2026-001: database "frontdb" does not exist in any environment',
    ]);
  });

  it('data fixes with several changes or an INSERT have a postCheck; changes of one table share its key', () => {
    const change = "  - { table: { schema: SBF, name: T_PAYMENT, key: [PAY_ID] }, sql: \"update sbf.t_payment set status = 'PAID' where pay_id = :pay_id\", binds: { pay_id: 1001 }, expectRows: 1 }\n";
    const other = "  - { table: { schema: SBF, name: T_PAYMENT, key: [PAY_NO] }, sql: \"insert into sbf.t_payment (pay_no) values (:n)\", binds: { n: 1 }, expectRows: 1 }\n";
    expect(errorsAfter('playbooks/data.yaml', change, change + other)).toEqual([
      'reference playbooks/data.yaml:11:3: data fix fix-2026-001: an INSERT needs an explicit postCheck (the default, pre-check minus expectRows, fits one UPDATE or DELETE only)',
      'reference playbooks/data.yaml:12:51: data fix fix-2026-001: change 2 declares another key for SBF.T_PAYMENT than an earlier change',
    ]);
    const post = 'postCheck: { sql: "select count(*) from sbf.t_payment where status = :s", binds: { s: PAID }, expectCount: 1 }\n';
    expect(errorsAfter('playbooks/data.yaml', change, change + change.replace('PAID', 'DONE') + post)).toEqual([]);
    expect(errorsAfter('playbooks/data.yaml', change, change + change)).toEqual([
      'reference playbooks/data.yaml:11:3: data fix fix-2026-001: 2 changes need an explicit postCheck (the default, pre-check minus expectRows, fits one UPDATE or DELETE only)',
    ]);
  });
});

describe('policy checks', () => {
  it('a literal password under a host is a secret-literal error at the value, besides the schema error', () => {
    const errors = errorsAfter('inventory/pre/hosts.yaml', '      user: oracle\n', '      user: oracle\n      password: hunter2\n');
    expect(errors).toEqual([
      'schema inventory/pre/hosts.yaml:22:7: hosts[1].ssh: unknown key "password"',
      'secret-literal inventory/pre/hosts.yaml:22:17: literal secret under "password": use a reference (env:NAME, file:PATH, ssh-agent or store:PATH)',
    ]);
  });
  it('credentials that are not references are literal secrets', () => {
    expect(errorsAfter('desired-state/common/hall.yaml', 'credential: env:HALL_WLS_ADMIN', 'credential: welcome1')).toContain(
      'secret-literal desired-state/common/hall.yaml:12:15: literal secret under "credential": use a reference (env:NAME, file:PATH, ssh-agent or store:PATH)',
    );
  });
  it('high-entropy tokens are flagged; checksums and paths are not', () => {
    const token = 'Zx9QwL2vB7nK4tR8yH1mC6pF3sD0gJ5aE2uW';
    expect(shannonEntropy(token)).toBeGreaterThan(4.5);
    const errors = errorsAfter('playbooks/daily.yaml', 'cadence: daily', `cadence: daily\ndescription: ${token}`);
    expect(errors.filter((e) => e.startsWith('secret-entropy'))).toEqual([expect.stringMatching(/^secret-entropy playbooks\/daily\.yaml:6:14: "description" holds a high-entropy string/)]);
    expect(loadRepository(MINI_REPO).diagnostics).toEqual([]);
  });
  it('addresses and step ids are structured names, not secrets; a token shaped like one path is', () => {
    const token = 'Zx9QwL2vB7nK4tR8yH1mC6pF3sD0gJ5aE2uW';
    const addresses = ['lab/weblogic:hall/server:hall_ms03#heapMaxMb', 'restart:lab/oracle:coredb-stby/instance:SBFCORESB', 'prod/config-table:code-parameter/row:CSBM=SBF_JFJS_ZQ'];
    for (const a of addresses) {
      const errors = errorsAfter('playbooks/daily.yaml', 'cadence: daily', `cadence: daily\ndescription: "${a}"`);
      expect(errors.filter((e) => e.startsWith('secret')), a).toEqual([]);
    }
    const leaked = errorsAfter('playbooks/daily.yaml', 'cadence: daily', `cadence: daily\ndescription: "lab/${token}"`);
    expect(leaked.filter((e) => e.startsWith('secret-entropy'))).toHaveLength(1);
  });
  it('JVM options (GC logs, dumps, paths) are not secrets; a random value inside an option still is', () => {
    const token = 'Zx9QwL2vB7nK4tR8yH1mC6pF3sD0gJ5aE2uW';
    const jvm = [
      '-Xverbosegclog:/applog/receive/receive_ms01/gc.log,5,20000',
      '-Xdump:java:events=user,file=/u01/dumps/javacore.%Y%m%d.%H%M%S.%pid.%seq.txt',
      '-Xdump:heap:events=systhrow,filter=java/lang/OutOfMemoryError,request=exclusive+prepwalk',
      '-Dweblogic.security.SSL.ignoreHostnameVerification=true',
    ];
    const args = (list: string[]): string => `heap: { minMb: 2048, maxMb: 2048 }\n    jvmArgs:\n${list.map((a) => `      - "${a}"\n`).join('')}`;
    const clean = errorsAfter('desired-state/common/hall.yaml', /heap: \{ minMb: 2048, maxMb: 2048 \}\n/, args(jvm));
    expect(clean.filter((e) => e.startsWith('secret'))).toEqual([]);
    const leaked = errorsAfter('desired-state/common/hall.yaml', /heap: \{ minMb: 2048, maxMb: 2048 \}\n/, args([...jvm, `-Dapi.token=${token}`, token]));
    expect(leaked.filter((e) => e.startsWith('secret'))).toEqual([
      expect.stringMatching(/^secret-entropy desired-state\/common\/hall\.yaml:33:9: "jvmArgs" holds a high-entropy string/),
      expect.stringMatching(/^secret-entropy desired-state\/common\/hall\.yaml:34:9: "jvmArgs" holds a high-entropy string/),
    ]);
    // The same holds for an option-shaped value under any key.
    const option = errorsAfter('playbooks/daily.yaml', 'cadence: daily', 'cadence: daily\ndescription: "-Xdump:java:events=user,file=/u01/dumps/javacore.%Y%m%d.%H%M%S.%pid.%seq.txt"');
    expect(option.filter((e) => e.startsWith('secret'))).toEqual([]);
  });
  it('two listeners on one port of one host clash, naming both', () => {
    expect(errorsAfter('desired-state/common/hall.yaml', 'listenPort: 7011', 'listenPort: 7001')).toEqual([
      'port-clash desired-state/common/hall.yaml:10:9: port 7001 on host hall-web-01 (environment pre) is used by admin server of domain hall and by server hall1 of domain hall (desired-state/common/hall.yaml:24)',
      'port-clash desired-state/common/hall.yaml:10:9: port 7001 on host hall-web-01 (environment prod) is used by admin server of domain hall and by server hall1 of domain hall (desired-state/common/hall.yaml:24)',
    ]);
  });
  it('production hosts pin their SSH host key; other tiers need not', () => {
    expect(errorsAfter('inventory/prod/hosts.yaml', /\n {6}hostKey: SHA256:2mL\S+/, '')).toEqual([
      'host-key inventory/prod/hosts.yaml:21:5: host hall-web-02: production hosts must pin ssh.hostKey (SHA256 fingerprint from ssh-keygen -l)',
    ]);
  });
});

describe('loadEnvironment', () => {
  it('returns one environment of a clean repository', () => {
    const { env } = loadEnvironment(MINI_REPO, 'prod');
    expect(env.hosts.map((h) => h.name)).toEqual(['hall-web-01', 'hall-web-02', 'coredb-01']);
  });
  it('throws ModelError with the diagnostics when the repository has errors or the environment is unknown', () => {
    expect(() => loadEnvironment(MINI_REPO, 'uat')).toThrow(/environment "uat" does not exist \(known: pre, prod\)/);
    const root = copyMiniRepo();
    write(root, 'playbooks/daily.yaml', 'apiVersion: opsctl/v1\nkind: [\n');
    try {
      loadEnvironment(root, 'prod');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ModelError);
      expect((e as ModelError).diagnostics[0]?.source?.file).toBe('playbooks/daily.yaml');
    }
  });
});
