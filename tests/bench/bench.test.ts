// Smoke test of the bench harness (issue 8): tiny sizes, the JSON shapes — no timing assertions
// (DESIGN §8: speed and memory are measured by `npm run bench`, never asserted by tests).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printOutcomes, updateDoc, writeResults, machine } from '../../src/bench/report.js';
import { goalFigure, type BenchOutcome } from '../../src/bench/types.js';

const CHILD = join(process.cwd(), 'dist', 'bench', 'planner-child.js');

describe('bench harness', () => {
  it.skipIf(!existsSync(CHILD))('planner child plans a tiny synthetic estate and prints its figures as JSON', () => {
    const out = JSON.parse(execFileSync(process.execPath, [CHILD, '300'], { encoding: 'utf8', timeout: 60_000 })) as Record<string, number>;
    expect(out.n).toBe(300);
    expect(out.changes).toBe(300);
    expect(out.changed).toBe(3);
    for (const k of ['generateMs', 'buildMs', 'heapMb', 'maxRssMb', 'steps']) expect(typeof out[k]).toBe('number');
  });

  it('writes the results JSON and the generated block of docs/benchmarks.md', () => {
    const root = mkdtempSync(join(tmpdir(), 'opsctl-bench-test-'));
    try {
      const outcome: BenchOutcome = {
        bench: 'c', title: 'tiny', notes: ['a note'],
        figures: [goalFigure({ bench: 'c', name: 'x', value: 5, unit: 'ms', goal: '< 2 000 ms' }, (v) => v < 2000), { bench: 'c', name: 'y', value: null, unit: 'MB', goal: '—' }],
      };
      const results = { machine: machine(new Date('2026-01-02T03:04:05Z')), args: ['--quick'], outcomes: [outcome] };
      const [dated] = writeResults(root, results);
      const json = JSON.parse(readFileSync(dated!, 'utf8')) as typeof results;
      expect(json.outcomes[0]!.figures[0]).toMatchObject({ name: 'x', value: 5, met: true });
      expect(json.machine).toHaveProperty('cpu');
      updateDoc(root, results);
      const doc = readFileSync(join(root, 'docs', 'benchmarks.md'), 'utf8');
      expect(doc).toContain('| x | 5 ms | < 2 000 ms | met |');
      updateDoc(root, results);
      expect(readFileSync(join(root, 'docs', 'benchmarks.md'), 'utf8')).toBe(doc);
      const lines: string[] = [];
      printOutcomes([outcome], (s) => lines.push(s));
      expect(lines.join('\n')).toMatch(/x\s+5 ms\s+goal < 2 000 ms\s+met/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
