/**
 * Incident records on disk: reports/<env>/incidents/<id>.json (the record), <id>.md and
 * <id>.html (its 《故障处理报告》, rewritten on every change). New ids are INC-YYYYMMDD-NN by the
 * Shanghai day of occurrence. The deadline uses the environment's Calendar (holidays, 调休).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDayTable } from '../calendar/index.js';
import { addDays, shanghaiDay, type DayTable } from '../core/calendar-days.js';
import type { Model } from '../model/index.js';
import { renderDocHtml, renderDocMarkdown } from '../report/doc.js';
import type { Lang } from '../report/labels.js';
import { deadlineOf, type Deadline } from './due.js';
import { incidentReportDoc } from './report.js';
import { validateIncident, type Incident } from './schema.js';

export function incidentDir(root: string, env: string): string {
  return join(root, 'reports', env, 'incidents');
}

export class IncidentError extends Error {
  override readonly name = 'IncidentError';
}

export function readIncident(file: string): Incident {
  const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const errors = validateIncident(value);
  if (errors.length) throw new IncidentError(`${file}: not an incident record: ${errors.join('; ')}`);
  return value as Incident;
}

/** Every incident of `env` (or of every environment), oldest first. */
export function listIncidents(root: string, env?: string): Incident[] {
  const envs = env ? [env] : existsSync(join(root, 'reports')) ? readdirSync(join(root, 'reports')) : [];
  return envs.flatMap((e) => {
    const dir = incidentDir(root, e);
    return existsSync(dir) ? readdirSync(dir).filter((f) => /^INC-\d{8}-\d{2}\.json$/.test(f)).map((f) => readIncident(join(dir, f))) : [];
  }).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id));
}

export function findIncident(root: string, id: string): Incident {
  const found = listIncidents(root).find((i) => i.id === id);
  if (!found) throw new IncidentError(`no incident ${id} under reports/*/incidents/`);
  return found;
}

export function nextIncidentId(root: string, env: string, occurredAt: string): string {
  const day = shanghaiDay(Date.parse(occurredAt)).replace(/-/g, '');
  const taken = listIncidents(root, env).filter((i) => i.id.startsWith(`INC-${day}-`)).length;
  return `INC-${day}-${String(taken + 1).padStart(2, '0')}`;
}

/** The day table around an incident from the environment's Calendar (first calendar otherwise). */
export function dayTableFor(model: Model, env: string, fromIso: string, toIso: string): DayTable {
  const name = model.environments[env]?.environment.calendar;
  const calendar = model.calendars.find((c) => c.name === name) ?? model.calendars[0];
  if (!calendar) return {};
  return buildDayTable(calendar, addDays(shanghaiDay(Date.parse(fromIso)), -1), addDays(shanghaiDay(Date.parse(toIso)), 60));
}

export function deadlineFor(model: Model, i: Incident, now: Date): Deadline {
  const latest = [i.occurredAt, i.resolvedAt, i.reportedAt, now.toISOString()].filter((x): x is string => !!x).sort().pop()!;
  return deadlineOf(i, dayTableFor(model, i.env, i.occurredAt, latest), now);
}

/** Writes the record and its report (.md, .html); returns the repository-relative paths. */
export function saveIncident(root: string, model: Model, i: Incident, now: Date, lang: Lang = 'zh'): string[] {
  const errors = validateIncident(i);
  if (errors.length) throw new IncidentError(`incident ${i.id} is not valid: ${errors.join('; ')}`);
  const dir = incidentDir(root, i.env);
  mkdirSync(dir, { recursive: true });
  const doc = incidentReportDoc(i, deadlineFor(model, i, now), lang);
  const files: [string, string][] = [[`${i.id}.json`, `${JSON.stringify(i, null, 2)}\n`], [`${i.id}.md`, renderDocMarkdown(doc)], [`${i.id}.html`, renderDocHtml(doc)]];
  for (const [f, text] of files) writeFileSync(join(dir, f), text);
  return files.map(([f]) => `reports/${i.env}/incidents/${f}`);
}
