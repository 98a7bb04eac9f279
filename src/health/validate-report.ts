/** Checks a report object against the formatVersion 1 schema; returns the error paths (empty = valid). */
import { Value } from '@sinclair/typebox/value';
import { InspectionReportSchema } from './report-schema.js';

export function validateReport(report: unknown): string[] {
  return [...Value.Errors(InspectionReportSchema, report)].slice(0, 20).map((e) => `${e.path || '/'}: ${e.message}`);
}
