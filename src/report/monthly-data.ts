/**
 * What the monthly report reads, from the repository: inspection reports on disk, apply records
 * and commits from git history (apply records under reports/<env>/applies/, releases/ and
 * desired-state/ commits), incident records with their deadlines. I/O only; the document is
 * built by monthly.ts (pure).
 */
import { logWithTrailers, showFile, type CommitInfo } from '../git/index.js';
import type { InspectionReport } from '../health/report-schema.js';
import { deadlineFor, listIncidents, type Deadline, type Incident } from '../incident/index.js';
import type { Model } from '../model/index.js';
import type { ApplyRecord } from '../release/record-model.js';
import { parseRecord } from '../release/record-model.js';
import { readHistory } from './history.js';

export interface MonthlyData {
  env: string;
  month: string;
  generatedAt: string;
  inspections: InspectionReport[];
  applies: { commit: CommitInfo; record: ApplyRecord | undefined; folder: string }[];
  releases: CommitInfo[];
  changes: CommitInfo[];
  incidents: { incident: Incident; deadline: Deadline }[];
}

/** Shanghai "YYYY-MM" of an ISO time. */
export const monthOf = (iso: string): string => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 7);

export async function gatherMonthly(root: string, model: Model, env: string, month: string, now: Date): Promise<MonthlyData> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`--month must be YYYY-MM, got ${month}`);
  const inMonth = (iso: string | null | undefined): boolean => !!iso && monthOf(iso) === month;
  const applyCommits = await logWithTrailers(root, { paths: [`reports/${env}/applies`], trailer: { key: 'Opsctl-Env', value: env } });
  // An apply belongs to the month it started in (the record's timings; the commit date otherwise).
  const applies = (await Promise.all(applyCommits.map(async (commit) => {
    const folder = commit.trailers['Opsctl-Record']?.[0] ?? '';
    return { commit, folder, record: folder ? parseRecord(await showFile(root, commit.hash, `${folder}/record.json`)) : undefined };
  }))).filter((a) => inMonth(a.record?.timings.startedAt ?? a.commit.date));
  const releases = (await logWithTrailers(root, { paths: ['releases'] })).filter((c) => inMonth(c.date));
  const changes = (await logWithTrailers(root, { paths: ['desired-state'] })).filter((c) => inMonth(c.date));
  const incidents = listIncidents(root, env).filter((i) => inMonth(i.occurredAt) || inMonth(i.resolvedAt) || inMonth(i.reportedAt))
    .map((incident) => ({ incident, deadline: deadlineFor(model, incident, now) }));
  return {
    env, month, generatedAt: now.toISOString(),
    inspections: readHistory(root, env).filter((r) => inMonth(r.generatedAt)),
    applies: applies.reverse(), releases: releases.reverse(), changes: changes.reverse(), incidents,
  };
}
