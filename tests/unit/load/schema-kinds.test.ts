import { describe, expect, it } from 'vitest';
import { KINDS, type Kind } from '../../../src/model/index.js';
import { validateDoc } from '../../../src/load/schema.js';
import { brief, fixtureDoc, parseText } from './helpers.js';

/** A valid example of every kind (from the mini repository) and a mistake with where it is reported. */
const CASES: Record<Kind, { valid: string; from: string | RegExp; to: string; expect: string }> = {
  Environment: { valid: fixtureDoc('inventory/prod/environment.yaml'), from: 'tier: production', to: 'tier: prod', expect: 'x.yaml:5:7: tier: must be one of "production", "preproduction", "lab", got "prod"' },
  Inventory: { valid: fixtureDoc('inventory/prod/hosts.yaml'), from: 'port: 2202', to: 'port: abc', expect: 'x.yaml:17:11: hosts[1].port: must be an integer, got "abc"' },
  HostProfile: { valid: fixtureDoc('desired-state/common/aix-base.yaml'), from: '  os: aix', to: '  oss: aix', expect: 'x.yaml:6:3: appliesTo: unknown key "oss" (did you mean "os"?)' },
  WeblogicDomain: { valid: fixtureDoc('desired-state/common/hall.yaml'), from: '    host: hall-web-01\n    listenPort: 7011\n', to: '    listenPort: 7011\n', expect: 'x.yaml:22:5: servers[0]: missing required key "host"' },
  OracleDatabase: { valid: fixtureDoc('desired-state/common/coredb.yaml', 0), from: 'role: single', to: 'role: solo', expect: 'x.yaml:13:11: instances[0].role: must be one of "rac-node", "single", "standby", got "solo"' },
  ConfigTable: { valid: fixtureDoc('desired-state/common/coredb.yaml', 1), from: 'database: coredb', to: 'database: "core db"', expect: 'x.yaml:6:11: database: must be letters, digits, ".", "_" and "-"; starts with a letter or digit; at most 64, got "core db"' },
  Calendar: { valid: fixtureDoc('desired-state/common/calendar.yaml', 0), from: '"03": 2026-03-16', to: '"03": 2026-3-16', expect: 'x.yaml:14:13: collectionDeadlines[2026].deadlines[03]: must match the pattern ^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$, got "2026-3-16"' },
  ChangeWindows: { valid: fixtureDoc('desired-state/common/calendar.yaml', 1), from: 'days: non-working', to: 'days: weekends', expect: 'x.yaml:10:11: windows[1].days: must be one of a list of ("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "non-working", "any", got "weekends"' },
  Release: { valid: fixtureDoc('releases/2026.03-hall-1.4.2/release.yaml'), from: 'type: application', to: 'type: app', expect: 'x.yaml:5:7: type: must be one of "application", "weblogic-patch", "oracle-patch", "sql-migration", "os-tunables", "config-table", got "app"' },
  InspectionPlaybook: { valid: fixtureDoc('playbooks/daily.yaml'), from: 'schedule: "0 8 * * *"', to: 'schedule: daily', expect: 'x.yaml:6:11: schedule: must match the pattern ^\\S+ \\S+ \\S+ \\S+ \\S+$, got "daily"' },
  Runbook: { valid: fixtureDoc('playbooks/runbooks.yaml'), from: 'severity: P1', to: 'severity: 1', expect: 'x.yaml:5:11: severity: must be one of "P1", "P2", "P3", got 1' },
  DataFix: { valid: fixtureDoc('playbooks/data.yaml', 0), from: 'expectRows: 1 }', to: 'expectRows: 0 }', expect: 'x.yaml:11:172: changes[0].expectRows: must be >= 1, got 0' },
  ReconciliationPlaybook: { valid: fixtureDoc('playbooks/data.yaml', 1), from: 'inTransitDays: 3', to: 'inTransitDays: three', expect: 'x.yaml:10:16: inTransitDays: must be an integer, got "three"' },
};

function check(text: string): string[] {
  const { docs, diagnostics } = parseText(text);
  expect(diagnostics).toEqual([]);
  const doc = docs[0]!;
  return validateDoc(doc.kind, doc.value, doc.pos).map((d) => brief(d).replace('desired-state/common/', ''));
}

describe('schemas of every kind', () => {
  it('covers every kind in KIND_SCHEMAS', () => {
    expect(Object.keys(CASES).sort()).toEqual([...KINDS].sort());
  });
  for (const kind of KINDS) {
    const c = CASES[kind];
    it(`${kind}: the example is valid`, () => {
      expect(check(c.valid)).toEqual([]);
    });
    it(`${kind}: a mistake is reported at its node with a readable message`, () => {
      const broken = c.valid.replace(c.from, c.to);
      expect(broken).not.toBe(c.valid);
      expect(check(broken)).toEqual([c.expect]);
    });
  }
});

describe('YAML parsing', () => {
  it('reports syntax errors with line and column, and every document of the file', () => {
    const { diagnostics } = parseText('apiVersion: opsctl/v1\nkind: Runbook\nsteps:\n  - name: a\n    title: b\n   action: c\n');
    expect(diagnostics.map(brief)).toEqual([expect.stringMatching(/^desired-state\/common\/x\.yaml:6:4: /)]);
    expect(diagnostics[0]!.code).toBe('yaml-syntax');
  });
  it('rejects duplicate keys', () => {
    const { diagnostics } = parseText('apiVersion: opsctl/v1\nkind: Runbook\nname: a\nname: b\n');
    expect(diagnostics.map((d) => [d.code, d.source?.line, d.source?.column])).toEqual([['yaml-duplicate-key', 4, 1]]);
  });
  it('refuses alias bombs', () => {
    const bomb = ['apiVersion: opsctl/v1', 'kind: Runbook', 'a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    const { docs, diagnostics } = parseText(bomb);
    expect(docs).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['yaml-aliases']);
  });
  it('reports an unknown kind at the kind node', () => {
    const { diagnostics } = parseText('apiVersion: opsctl/v1\nkind: Widget\nname: a\n');
    expect(diagnostics.map(brief)).toEqual([expect.stringMatching(/x\.yaml:2:7: unknown kind "Widget"/)]);
  });
  it('keeps the documents of a multi-document file with their own positions', () => {
    const { docs } = parseText(fixtureDoc('desired-state/common/calendar.yaml', 0) + '---\n' + fixtureDoc('desired-state/common/calendar.yaml', 1));
    expect(docs.map((d) => [d.kind, d.name, d.pos.get('/name')?.value.line])).toEqual([['Calendar', 'hebei-2026', 3], ['ChangeWindows', 'standard', 27]]);
  });
});
