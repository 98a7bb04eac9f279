/**
 * The three plan renderers: a canary secret never appears in any output (nor in the plan value),
 * each shows "(sensitive)" where a secret changed, JSON is byte-stable, Markdown is a usable
 * merge-request comment.
 */
import { describe, expect, it } from 'vitest';
import { renderPlanJson } from '../../../src/report/plan-json.js';
import { renderPlanMarkdown } from '../../../src/report/plan-markdown.js';
import { renderPlanText } from '../../../src/report/plan-text.js';
import { FIXTURES, planCase } from '../core/fixture.js';

const CANARY = 'S3cr3t-CANARY-7f3a';

describe('secrets are masked in every renderer', () => {
  // Data source password, database user credential and a config row's SMTP_PASSWORD all change;
  // each value contains the canary.
  const plan = planCase('secrets');
  const outputs = { text: renderPlanText(plan), markdown: renderPlanMarkdown(plan), json: renderPlanJson(plan) };

  for (const [format, output] of Object.entries(outputs)) {
    it(`${format}: the canary never appears`, () => {
      expect(output).not.toContain(CANARY);
      expect(output).not.toContain('CANARY');
    });
  }
  it('text and markdown say (sensitive) for each secret attribute', () => {
    expect(outputs.text).toContain('password: (sensitive) → (sensitive)');
    expect(outputs.text).toContain('SMTP_PASSWORD: (sensitive)');
    expect(outputs.markdown).toContain('| credential | (sensitive) | (sensitive) |');
  });
  it('the plan JSON holds distinct hash markers, so a reviewer sees that the secret changed', () => {
    const ds = plan.changes.find((c) => c.address.endsWith('HallDS'))!;
    const pw = ds.attributes.find((a) => a.name === 'password')!;
    expect(pw.sensitive).toBe(true);
    expect(pw.before).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(pw.after).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(pw.before).not.toBe(pw.after);
    expect(ds.inverse).toEqual({ action: 'update', attributes: { password: pw.before }, sensitive: ['password'] });
  });
  it('does not mask settings that only start with "password" (Oracle profile passwordLifeTime)', () => {
    const rac = planCase('oracle-spfile-rac');
    expect(renderPlanText(rac)).toContain('passwordLifeTime: 180 → "UNLIMITED"');
  });
});

describe('text', () => {
  it('states rolling restarts with their downtime, and the summary line', () => {
    const text = renderPlanText(planCase('weblogic-rolling'));
    expect(text).toContain('↻ restart: HallServer1 (rolling, HallCluster 1/6), downtime: none — cluster keeps serving');
    expect(text).toContain('== lab / weblogic 中间件 ==');
    expect(text.trimEnd().split('\n').at(-1)).toBe('Plan: 0 to create, 8 to update, 0 to replace, 0 to delete, 6 restarts; 0 unchanged.');
  });
  it('says no changes when live matches desired', () => {
    const plan = planCase('host-tunables', { only: ['lab/host:hall-web-01/tunable:no.sb_max'] });
    expect(renderPlanText(plan)).toContain('No changes.');
  });
});

describe('markdown', () => {
  it('renders a summary table, an incomplete warning and collapsible sections per system', async () => {
    const md = renderPlanMarkdown(planCase('unknown-read'));
    expect(md).toContain('| create 新增 |');
    expect(md).toContain('**Incomplete 计划不完整**');
    const rolling = renderPlanMarkdown(planCase('weblogic-rolling'));
    expect(rolling).toContain('<details><summary><b>weblogic 中间件</b> — 8 change(s)</summary>');
    await expect(rolling).toMatchFileSnapshot(`${FIXTURES}weblogic-rolling/plan.md`);
  });
  it('escapes pipes in values so the table stays a table', () => {
    const plan = planCase('host-tunables');
    plan.changes[0]!.attributes[0]!.after = 'a|b';
    expect(renderPlanMarkdown(plan)).toContain('a\\|b');
  });
});

describe('json', () => {
  it('is byte-identical for the same input and ends with a newline', () => {
    const a = renderPlanJson(planCase('ordering'));
    const b = renderPlanJson(planCase('ordering'));
    expect(a).toBe(b);
    expect(a.endsWith('}\n')).toBe(true);
  });
});
