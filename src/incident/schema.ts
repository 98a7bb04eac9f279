/**
 * The incident record (事件/故障记录, domain.md §4.1/§4.4) as a versioned JSON contract, kept
 * under reports/<env>/incidents/<id>.json next to its 《故障处理报告》 (<id>.md, <id>.html) —
 * generated and committed like the other records under reports/ (JSON, not YAML: it is written
 * by `opsctl incident`, not by hand, and reports/ is what opsctl commits).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

export const INCIDENT_FORMAT_VERSION = 1;
const Text = Type.String();
const Iso = Type.String({ minLength: 10 });

export const IncidentSchema = Type.Object({
  formatVersion: Type.Literal(INCIDENT_FORMAT_VERSION),
  kind: Type.Literal('Incident'),
  /** INC-YYYYMMDD-NN (Shanghai day of occurrence, sequence of that day). */
  id: Type.String({ pattern: '^INC-\\d{8}-\\d{2}$' }),
  env: Type.String({ minLength: 1 }),
  title: Type.String({ minLength: 1 }),
  occurredAt: Iso,
  detectedAt: Iso,
  /** Who or what detected it: an inspection finding id, a user report, monitoring. */
  detectedBy: Text,
  severity: Type.Union([Type.Literal('P1'), Type.Literal('P2'), Type.Literal('P3'), Type.Literal('P4')]),
  /** Affected systems/addresses and business (e.g. lab/weblogic:hall, 批扣). */
  affected: Type.Array(Text),
  tags: Type.Array(Text),
  /** 故障描述 · 故障原因 · 解决办法 · 预防措施 */
  description: Text,
  cause: Text,
  resolution: Text,
  prevention: Text,
  /** Runbooks used (playbooks/runbooks names) and related change/apply records. */
  runbooks: Type.Array(Text),
  related: Type.Array(Text),
  timeline: Type.Array(Type.Object({ at: Iso, text: Text })),
  status: Type.Union([Type.Literal('open'), Type.Literal('resolved'), Type.Literal('closed')]),
  resolvedAt: Type.Union([Iso, Type.Null()]),
  /** When the 故障处理报告 was submitted (`opsctl incident report --submit`). */
  reportedAt: Type.Union([Iso, Type.Null()]),
  owner: Type.Union([Text, Type.Null()]),
});
export type Incident = Static<typeof IncidentSchema>;

export function validateIncident(value: unknown): string[] {
  return [...Value.Errors(IncidentSchema, value)].slice(0, 20).map((e) => `${e.path || '/'}: ${e.message}`);
}
