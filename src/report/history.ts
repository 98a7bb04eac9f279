/**
 * The report history of an environment read from disk: every reports/<env>/inspections/<day>/
 * *.json of formatVersion 1 (any playbook), oldest first by generatedAt, optionally only those
 * strictly before a time. Unreadable files are skipped (the trend has a point fewer). `keep`
 * projects each report as soon as it is parsed, so a caller that needs a few fields (trends)
 * does not hold every full report: at 1000 hosts one is ~12 MB of JSON.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InspectionReport } from '../health/report-schema.js';

export function inspectionFiles(root: string, env: string): string[] {
  const dir = join(root, 'reports', env, 'inspections');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((d) => /^\d{4}-\d\d-\d\d$/.test(d)).sort()
    .flatMap((day) => readdirSync(join(dir, day)).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, day, f)));
}

export function readHistory(root: string, env: string, before?: Date): InspectionReport[];
export function readHistory<T extends Pick<InspectionReport, 'generatedAt'>>(root: string, env: string, before: Date | undefined, keep: (r: InspectionReport) => T): T[];
export function readHistory(root: string, env: string, before?: Date, keep: (r: InspectionReport) => Pick<InspectionReport, 'generatedAt'> = (r) => r): Pick<InspectionReport, 'generatedAt'>[] {
  const out: Pick<InspectionReport, 'generatedAt'>[] = [];
  for (const file of inspectionFiles(root, env)) {
    try {
      const r = JSON.parse(readFileSync(file, 'utf8')) as InspectionReport;
      if (r.formatVersion !== 1 || r.kind !== 'InspectionReport' || r.env !== env || !r.resources) continue;
      if (before && Date.parse(r.generatedAt) >= before.getTime()) continue;
      out.push(keep(r));
    } catch {
      // skipped: a damaged file costs one point of the trend, never the inspection
    }
  }
  return out.sort((a, b) => Date.parse(a.generatedAt) - Date.parse(b.generatedAt));
}
