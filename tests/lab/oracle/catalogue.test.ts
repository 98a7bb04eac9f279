// Every query of the DBA check catalogue (health-checks.md §2, saved verbatim in
// tests/fixtures/oracle/health-checks-catalogue.sql) is recognised and answered with the
// columns its SELECT list names; real sample outputs are compared where the reference has them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchCatalogue } from '../../../src/lab/oracle/index.js';
import { CSV, lab, lsnrctl, parseCsv, sqlplus } from './helpers.js';

const FIXTURE = readFileSync(new URL('../../fixtures/oracle/health-checks-catalogue.sql', import.meta.url), 'utf8');
const CHECKS = FIXTURE.split(/^-- @check /m).slice(1).map((chunk) => {
  const [head, ...body] = chunk.split('\n');
  return { id: head!.split(' ')[0]!, sql: body.join('\n').trim() };
});

/** The column names a SELECT list gives (aliases, else the column name after any "x."). */
function selectColumns(sql: string): string[] {
  const code = sql.replace(/--.*$/gm, '');
  const list = /SELECT\s+(?:DISTINCT\s+)?([\s\S]*?)\s+FROM\s/i.exec(code)![1]!;
  const items: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of list) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      items.push(cur);
      cur = '';
    } else cur += ch;
  }
  items.push(cur);
  return items.map((item) => {
    const alias = /\bAS\s+(\w+#?)\s*$/i.exec(item.trim());
    return (alias ? alias[1]! : item.trim().split('.').pop()!).toUpperCase();
  });
}

describe('check catalogue (health-checks.md §2)', () => {
  it('has all 39 statements of §2 in the fixture', () => {
    expect(CHECKS).toHaveLength(39);
  });

  for (const check of CHECKS) {
    it(`answers ${check.id} with the columns of its SELECT list`, async () => {
      const r = await sqlplus(lab(), `${CSV}${check.sql}\nEXIT\n`);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).not.toMatch(/^ERROR|SP2-/m);
      const rows = parseCsv(r.stdout);
      if (rows.length > 0 && !check.sql.includes('*')) expect(rows[0]).toEqual(selectColumns(check.sql));
    });
  }

  it('recognises the catalogue SQL whatever its case, spacing and comments', () => {
    const sql = CHECKS.find((c) => c.id === 'resource-limit')!.sql;
    const keywordsUpper = sql.replace(/\b(select|from|where|in|as|trim|resource_name)\b/gi, (m) => m.toUpperCase());
    expect(matchCatalogue(keywordsUpper.replace(/\s+/g, '  '))?.id).toBe('resource-limit');
    expect(matchCatalogue(`/* x */ ${keywordsUpper.toLowerCase()} -- trailing`)?.id).toBe('resource-limit');
    expect(matchCatalogue(sql.replace("'processes'", "'PROCESSES'"))).toBeUndefined();
  });

  it('returns rows for the checks the fixture state has findings for', async () => {
    const store = lab();
    const ids = ['instance', 'database', 'tablespace-metrics', 'fra-dest', 'alert-log', 'invalid-objects', 'blocked-sessions', 'resource-limit', 'rman', 'scheduler-runs', 'parameters', 'sqlpatch'];
    for (const id of ids) {
      const r = await sqlplus(store, `${CSV}${CHECKS.find((c) => c.id === id)!.sql}\n`);
      expect(parseCsv(r.stdout).length, id).toBeGreaterThan(1);
    }
  });

  it('reports tablespace usage from state, fullest first, with autoextend max', async () => {
    const r = await sqlplus(lab(), `${CSV}${CHECKS.find((c) => c.id === 'tablespace-metrics')!.sql}\n`);
    const rows = parseCsv(r.stdout);
    expect(rows[1]).toEqual(['SBF_DATA', 'PERMANENT', '9900', '10240', '96.68']);
    expect(rows.find((x) => x[0] === 'SYSTEM')?.[3]).toBe('32767');
  });

  it('shows only alert-log errors of the last 24 h (relative to the clock)', async () => {
    const rows = parseCsv((await sqlplus(lab(), `${CSV}${CHECKS.find((c) => c.id === 'alert-log')!.sql}\n`)).stdout);
    expect(rows.slice(1).map((x) => x[3])).toEqual(['ORA-00600: internal error code, arguments: [kdsgrp1]']);
  });

  it('answers Data Guard stats on the standby only', async () => {
    const sql = CHECKS.find((c) => c.id === 'dataguard-stats')!.sql;
    expect(parseCsv((await sqlplus(lab(), `${CSV}${sql}\n`)).stdout)).toEqual([]);
    const rows = parseCsv((await sqlplus(lab(), `${CSV}${sql}\n`, { host: 'db03', sid: 'sbfcore' })).stdout);
    expect(rows.map((x) => x[0])).toEqual(['NAME', 'transport lag', 'apply lag', 'apply finish time']);
    expect(rows[2]![1]).toBe('+00 00:06:40');
  });

  it('prints V$RECOVERY_AREA_USAGE like the Oracle 12.1 sample (columns, .08-style numbers)', async () => {
    const sample = readFileSync(new URL('../../fixtures/oracle/recovery-area-usage-12.1.txt', import.meta.url), 'utf8').split('\n').filter((l) => !l.startsWith('#'));
    const sampleColumns = sample.find((l) => l.startsWith('FILE_TYPE'))!.trim().split(/\s+/);
    const rows = parseCsv((await sqlplus(lab(), `${CSV}${CHECKS.find((c) => c.id === 'fra-usage')!.sql}\n`)).stdout);
    expect(rows[0]).toEqual(sampleColumns);
    expect(rows.find((x) => x[0] === 'CONTROL FILE')![1]).toMatch(/^\.\d+$/);
  });

  it('prints lsnrctl status with every line of the real 11.2 sample, in order', async () => {
    const sample = readFileSync(new URL('../../fixtures/oracle/lsnrctl-status-11.2-linux.txt', import.meta.url), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    const r = await lsnrctl(lab(), ['status', 'LISTENER']);
    expect(r.exitCode).toBe(0);
    const labels = ['LSNRCTL for', 'Copyright (c)', 'Connecting to', 'STATUS of the LISTENER', '------------------------', 'Alias', 'Version', 'Start Date', 'Uptime', 'Trace Level', 'Security', 'SNMP', 'Listener Parameter File', 'Listener Log File', 'Listening Endpoints Summary...', 'Services Summary...', 'Service "', '  Instance "', 'The command completed successfully'];
    let at = 0;
    const out = r.stdout.split('\n');
    for (const label of labels) {
      expect(sample.some((l) => l.startsWith(label.trim()))).toBe(true);
      const idx = out.findIndex((l, i) => i >= at && l.startsWith(label));
      expect(idx, label).toBeGreaterThanOrEqual(at);
      at = idx;
    }
    expect(r.stdout).toMatch(/^Alias {21}LISTENER$/m);
    expect(r.stdout).toContain('Instance "sbfcore1", status READY');
  });
});
