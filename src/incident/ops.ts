/** The operations on an incident record, pure: open one, close it with its analysis, submit the report. */
import { INCIDENT_FORMAT_VERSION, type Incident } from './schema.js';

export interface NewIncidentInput {
  id: string;
  env: string;
  title: string;
  occurredAt: string;
  detectedAt?: string;
  detectedBy: string;
  severity: Incident['severity'];
  affected?: string[];
  tags?: string[];
  description?: string;
  owner?: string;
  runbooks?: string[];
  related?: string[];
}

export function newIncident(i: NewIncidentInput): Incident {
  return {
    formatVersion: INCIDENT_FORMAT_VERSION, kind: 'Incident', id: i.id, env: i.env, title: i.title,
    occurredAt: i.occurredAt, detectedAt: i.detectedAt ?? i.occurredAt, detectedBy: i.detectedBy, severity: i.severity,
    affected: i.affected ?? [], tags: i.tags ?? [], description: i.description ?? '', cause: '', resolution: '', prevention: '',
    runbooks: i.runbooks ?? [], related: i.related ?? [], timeline: [{ at: i.detectedAt ?? i.occurredAt, text: `detected by ${i.detectedBy}` }],
    status: 'open', resolvedAt: null, reportedAt: null, owner: i.owner ?? null,
  };
}

export interface CloseInput {
  resolvedAt: string;
  cause: string;
  resolution: string;
  prevention: string;
  description?: string;
}

export function closeIncident(i: Incident, c: CloseInput): Incident {
  return {
    ...i, status: 'resolved', resolvedAt: c.resolvedAt, cause: c.cause, resolution: c.resolution, prevention: c.prevention,
    ...(c.description ? { description: c.description } : {}),
    timeline: [...i.timeline, { at: c.resolvedAt, text: 'resolved' }],
  };
}

/** Marks the 《故障处理报告》 submitted at `at` (closes the record). */
export function submitReport(i: Incident, at: string): Incident {
  if (i.status === 'open') throw new Error(`${i.id} is still open: close it (cause, resolution, prevention) before submitting its report`);
  return { ...i, status: 'closed', reportedAt: at, timeline: [...i.timeline, { at, text: 'report submitted' }] };
}
