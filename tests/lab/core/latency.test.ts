// The latency spec of `opsctl lab latency`.
import { describe, expect, it } from 'vitest';
import { commandLatencyMs, formatLatency, parseLatency, ScenarioError } from '../../../src/lab/scenarios/index.js';
import type { LabState } from '../../../src/lab/state/index.js';

describe('parseLatency', () => {
  it('parses round trip, command, per-OS and per-host times', () => {
    expect(parseLatency('rtt=20ms,cmd=5ms,aix=150ms,host:hall-web-01=900ms')).toEqual({
      roundTripMs: 20, commandMs: 5, perOs: { aix: 150 }, perHost: { 'hall-web-01': 900 },
    });
    expect(parseLatency(' rtt=1.5s , linux=3 ')).toEqual({ roundTripMs: 1500, commandMs: 0, perOs: { linux: 3 } });
  });

  it('turns off', () => {
    expect(parseLatency('off')).toEqual({ roundTripMs: 0, commandMs: 0 });
  });

  it('rejects unknown keys and bad durations', () => {
    expect(() => parseLatency('foo=1ms')).toThrow(ScenarioError);
    expect(() => parseLatency('rtt=fast')).toThrow(/not a duration/);
    expect(() => parseLatency('rtt')).toThrow(/KEY=DURATION/);
  });

  it('round-trips through formatLatency', () => {
    const spec = 'rtt=20ms,cmd=5ms,aix=150ms,host:hall-web-01=900ms';
    expect(formatLatency(parseLatency(spec))).toBe(spec);
    expect(formatLatency(parseLatency('off'))).toBe('off');
  });

  it('gives a host its own time, else its OS time, else the command time', () => {
    const state = {
      latency: parseLatency('cmd=5ms,aix=150ms,host:a=900ms'),
      hosts: { a: { os: 'aix' }, b: { os: 'aix' }, c: { os: 'linux' } },
    } as unknown as LabState;
    expect([commandLatencyMs(state, 'a'), commandLatencyMs(state, 'b'), commandLatencyMs(state, 'c')]).toEqual([900, 150, 5]);
  });
});
