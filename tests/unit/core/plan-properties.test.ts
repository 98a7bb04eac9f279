/**
 * Properties that hold for every fixture: determinism under input order, schema validity,
 * fingerprints for every change, steps in a valid topological order, --only filtering.
 */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { PlanSchema, buildPlan, hasChanges, valuesEqual } from '../../../src/core/index.js';
import { renderPlanJson } from '../../../src/report/plan-json.js';
import { CREATED_AT, RULES, loadCase, planCase } from './fixture.js';

const CASES = ['host-tunables', 'oracle-spfile-rac', 'weblogic-rolling', 'ordering', 'prevent-destroy', 'ignore-changes', 'unknown-read', 'secrets'];

const ajv = new Ajv({ strict: false, allErrors: true });
// ajv-formats is CommonJS: under NodeNext its default export is the module object.
type AddFormats = (a: Ajv) => Ajv;
const formatsModule = addFormatsModule as unknown as AddFormats & { default?: AddFormats };
const addFormats: AddFormats = formatsModule.default ?? formatsModule;
addFormats(ajv);
const validate = ajv.compile(PlanSchema);

describe.each(CASES)('%s', (name) => {
  const plan = planCase(name);

  it('is the same JSON when desired and live arrive in reverse order', () => {
    const input = loadCase(name);
    const reversed = buildPlan({
      env: 'lab', createdAt: CREATED_AT, revision: 'abc1234', rules: RULES,
      desired: [...input.desired].reverse(), live: [...input.live].reverse(), pruneWithin: input.pruneWithin ?? [],
    });
    expect(renderPlanJson(reversed)).toBe(renderPlanJson(plan));
  });
  it('validates against the plan JSON Schema', () => {
    const ok = validate(JSON.parse(renderPlanJson(plan)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
  it('records a fingerprint for every change that is not noop', () => {
    for (const c of plan.changes.filter((x) => x.action !== 'noop')) expect(plan.fingerprints[c.address]).toBeTypeOf('string');
  });
  it('lists every step after all the steps it depends on', () => {
    const seen = new Set<string>();
    for (const s of plan.steps) {
      for (const d of s.dependsOn) expect(seen.has(d), `${s.id} after ${d}`).toBe(true);
      seen.add(s.id);
    }
    expect(plan.diagnostics.some((d) => d.code === 'dependency-cycle')).toBe(false);
  });
});

describe('--only', () => {
  it('limits the plan to addresses within the prefix', () => {
    const plan = planCase('ordering', { only: ['lab/weblogic:hall'] });
    expect(plan.changes.every((c) => c.address.startsWith('lab/weblogic:hall/'))).toBe(true);
    expect(plan.only).toEqual(['lab/weblogic:hall']);
    expect(plan.changes.map((c) => c.address)).toContain('lab/weblogic:hall/datasource:OldDS');
  });
  it('a prefix must match whole segments (hall does not select hall2)', () => {
    const plan = planCase('ordering', { only: ['lab/weblogic:hal'] });
    expect(plan.changes).toEqual([]);
    expect(hasChanges(plan)).toBe(false);
  });
});

describe('value equality (documented in docs/plan-format.md)', () => {
  it.each([
    [262144, '262144', true],
    [1.5, '1.5', true],
    [-3, '-3', true],
    [262144, '0262144', false],
    [262144, ' 262144', false],
    [262144, '262144.0', false],
    [true, 'TRUE', false],
    ['abc', 'ABC', false],
    [null, null, true],
    [['a', 'b'], ['b', 'a'], false],
    [{ x: [1, { y: '2' }] }, { x: ['1', { y: 2 }] }, true],
    [{ x: 1 }, { x: 1, y: null }, false],
  ] as const)('%j vs %j → %s', (a, b, equal) => {
    expect(valuesEqual(a as never, b as never)).toBe(equal);
  });
});

describe('restart with no restart group', () => {
  it('errors the plan rather than leaving a pending restart unplanned', () => {
    const plan = buildPlan({
      env: 'lab', createdAt: CREATED_AT, rules: RULES,
      desired: [{ address: 'lab/weblogic:q/server:Q1' as never, system: 'weblogic', type: 'server', attributes: { heapMaxMb: 4096 } }],
      live: [{ address: 'lab/weblogic:q/server:Q1' as never, status: 'present', attributes: { heapMaxMb: 2048 }, fingerprint: 'x' }],
    });
    expect(plan.errored).toBe(true);
    expect(plan.diagnostics.map((d) => d.code)).toContain('restart-unplaced');
  });
  it('a standalone server (group of one) restarts with an outage stated', () => {
    const q = 'lab/weblogic:q/server:Q1' as never;
    const plan = buildPlan({
      env: 'lab', createdAt: CREATED_AT, rules: RULES,
      desired: [{ address: q, system: 'weblogic', type: 'server', attributes: { heapMaxMb: 4096 }, restartGroups: [{ kind: 'cluster', group: 'lab/weblogic:q/server:Q1' as never, members: [q] }] }],
      live: [{ address: q, status: 'present', attributes: { heapMaxMb: 2048 }, fingerprint: 'x' }],
    });
    const restart = plan.steps.find((s) => s.action === 'restart')!;
    expect(restart.restart?.rolling).toBe(false);
    expect(restart.downtime).toBe('outage ~240s — Q1 is the only member');
  });
});
