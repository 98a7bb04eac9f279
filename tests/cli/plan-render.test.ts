/** CLI renderers of plan/drift: event sinks (TTY, plain, --json), unknown grouping, drift report, exit codes. */
import { describe, expect, it } from 'vitest';
import { buildPlan, hasChanges, type LiveRead } from '../../src/core/index.js';
import { planExitCode } from '../../src/cli/commands/plan.js';
import { driftReport, renderDriftText } from '../../src/cli/render/drift.js';
import { eventSink } from '../../src/cli/render/events.js';
import { renderUnknown } from '../../src/cli/render/unknown.js';
import type { EngineEvent } from '../../src/engine/events.js';
import { address, present, unknownRead } from '../fakes/provider.js';

const EVENTS: EngineEvent[] = [
  { kind: 'read-start', env: 'lab', system: 'host', addresses: 3, scopes: 2 },
  { kind: 'read-unknown', system: 'host', scope: 'host:hall-web-02', address: 'lab/host:hall-web-02/tunable:no.sb_max', reason: 'connection refused' },
  { kind: 'read-scope-done', system: 'host', scope: 'host:hall-web-01', reads: 2, unknown: 0 },
  { kind: 'read-scope-done', system: 'host', scope: 'host:hall-web-02', reads: 1, unknown: 1 },
  { kind: 'read-done', system: 'host', reads: 3, unknown: 1, ms: 1200 },
  { kind: 'plan-built', env: 'lab', summary: { create: 0, update: 1, delete: 0, replace: 0, restart: 0, noop: 1, unknown: 1 }, complete: false, errored: false, changes: 1 },
];

function capture(tty: boolean, json = false): string {
  let text = '';
  const sink = eventSink({ json, tty, stream: { write: (s: string) => ((text += s), true) } });
  for (const e of EVENTS) sink.emit(e);
  sink.done();
  return text;
}

const rule = { effect: 'live', restartScope: 'none', disruption: 'none', reversible: true, estimatedSeconds: 5 } as const;
function plan(live: LiveRead[]) {
  const desired = [
    { address: address('lab/host:hall-web-01/tunable:no.sb_max'), system: 'host' as const, type: 'tunable', attributes: { value: '1048576' } },
    { address: address('lab/host:hall-web-02/tunable:no.sb_max'), system: 'host' as const, type: 'tunable', attributes: { value: '1048576' } },
  ];
  return buildPlan({ env: 'lab', createdAt: '2026-03-10T06:00:00.000Z', desired, live, rules: { host: { tunable: { attributes: { value: rule } } } } });
}

describe('event sinks', () => {
  it('plain lines name the scope with unknown reads and its reason', () => {
    const text = capture(false);
    expect(text).toContain('reading host: 3 addresses on 2 scopes of lab');
    expect(text).toContain('? host hall-web-02: 1 of 1 reads unknown — connection refused');
    expect(text).not.toContain('hall-web-01:');
    expect(text).not.toContain('\r');
  });
  it('a TTY gets one progress line redrawn in place, cleared at the end', () => {
    const text = capture(true);
    expect(text).toContain('\r\x1b[Kreading: host 1/2');
    expect(text).toContain('? host hall-web-02');
    expect(text.endsWith('\r\x1b[K')).toBe(true);
  });
  it('--json renders nothing', () => {
    expect(capture(false, true)).toBe('');
  });
});

describe('plan/drift rendering and exit codes', () => {
  it('an incomplete plan is exit 1 and lists each unknown address under its host', () => {
    const p = plan([present('lab/host:hall-web-01/tunable:no.sb_max', { value: '262144' }), unknownRead('lab/host:hall-web-02/tunable:no.sb_max', 'connection refused')]);
    expect(planExitCode(p, true, hasChanges)).toBe(1);
    expect(renderUnknown(p)).toContain('host hall-web-02 (1):\n    ? lab/host:hall-web-02/tunable:no.sb_max — connection refused');
  });
  it('changes are exit 2 only with --detailed-exitcode; the drift report gives desired, live and restart', () => {
    const p = plan([present('lab/host:hall-web-01/tunable:no.sb_max', { value: '262144' }), present('lab/host:hall-web-02/tunable:no.sb_max', { value: '1048576' })]);
    expect(planExitCode(p, true, hasChanges)).toBe(2);
    expect(planExitCode(p, false, hasChanges)).toBe(0);
    const report = driftReport(p);
    expect(report.drift).toEqual([expect.objectContaining({ address: 'lab/host:hall-web-01/tunable:no.sb_max', restartNeeded: false, attributes: [{ name: 'value', desired: '1048576', live: '262144', sensitive: false }] })]);
    expect(renderDriftText(report)).toContain('value: desired "1048576", live "262144"');
  });
});
