/**
 * The inspection report as a versioned contract (formatVersion 1): what `opsctl inspect` writes
 * to reports/<env>/inspections/<YYYY-MM-DD>/<playbook>-<HHMM>.json and what the HTML, trend,
 * forecast and monthly-report code reads. Additive changes keep formatVersion 1 (readers ignore
 * unknown keys); renaming or removing a key, or changing its meaning, needs formatVersion 2.
 */
import { Type, type Static } from '@sinclair/typebox';

export const REPORT_FORMAT_VERSION = 1;

const Str = Type.String();
const Num = Type.Number();
const NullableNum = Type.Union([Type.Number(), Type.Null()]);
const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);
const Title = Type.Object({ zh: Str, en: Str });
const System = Type.Union(['host', 'database', 'middleware', 'application', 'business'].map((s) => Type.Literal(s)));
const Severity = Type.Union([Type.Literal('warning'), Type.Literal('critical')]);
const Unit = Type.Union(['%', 'count', 'MB', 'ms', 'seconds', 'minutes', 'hours', 'days', 'state'].map((s) => Type.Literal(s)));
const Origin = Type.Union(['catalogue', 'playbook', 'host-profile', 'database', 'stricter-of-playbook-and-object'].map((s) => Type.Literal(s)));
const ThresholdInForce = Type.Object({ warning: Num, critical: Num, origin: Origin });

export const MeasurementSchema = Type.Object({
  checkId: Str, target: Str, value: Scalar, unit: Unit,
  detail: Type.Optional(Type.Record(Str, Scalar)), raw: Type.Optional(Str),
});

export const FindingSchema = Type.Object({
  id: Str, checkId: Str, severity: Severity, target: Str, message: Title, value: Scalar, unit: Unit,
  threshold: Type.Optional(ThresholdInForce),
});

export const UnreadSchema = Type.Object({ target: Str, system: System, checkIds: Type.Array(Str), reason: Str, error: Type.Optional(Str) });

const Counts = Type.Object({ critical: Num, warning: Num });

export const ResourcesSchema = Type.Object({
  hosts: Type.Array(Type.Object({
    host: Str, cpuPercent: NullableNum, memoryPercent: NullableNum, pagingPercent: NullableNum,
    filesystems: Type.Array(Type.Object({ mount: Str, sizeMb: NullableNum, usedMb: NullableNum, usedPercent: Num })),
  })),
  tablespaces: Type.Array(Type.Object({ database: Str, name: Str, contents: Type.Union([Str, Type.Null()]), usedMb: NullableNum, maxMb: NullableNum, usedPercent: Num })),
  fra: Type.Array(Type.Object({ database: Str, limitMb: NullableNum, usedMb: NullableNum, reclaimableMb: NullableNum, usedPercent: Num })),
  servers: Type.Array(Type.Object({
    domain: Str, server: Str, state: Type.Union([Str, Type.Null()]), health: Type.Union([Str, Type.Null()]),
    heapUsedPercent: NullableNum, heapMaxMb: NullableNum,
    threads: Type.Object({ total: NullableNum, idle: NullableNum, hogging: NullableNum, stuck: NullableNum }),
    sessions: NullableNum,
  })),
  pools: Type.Array(Type.Object({ domain: Str, server: Str, datasource: Str, state: Type.Union([Str, Type.Null()]), active: NullableNum, max: NullableNum, waiting: NullableNum, usedPercent: Num })),
});

export const InspectionReportSchema = Type.Object({
  formatVersion: Type.Literal(REPORT_FORMAT_VERSION),
  kind: Type.Literal('InspectionReport'),
  title: Title,
  env: Str,
  environmentTitle: Str,
  /** True for the lab: the report describes a simulated estate and must say so. */
  simulated: Type.Boolean(),
  playbook: Type.Object({ name: Str, title: Title, cadence: Str }),
  generatedAt: Str,
  /** Commit of the repository the inspection ran from (null outside git). */
  revision: Type.Union([Str, Type.Null()]),
  conclusion: Type.Union([Type.Literal('normal'), Type.Literal('attention'), Type.Literal('abnormal')]),
  score: Type.Object({
    value: Num,
    formula: Type.Literal('opsctl-score-1'),
    weights: Type.Object({ critical: Num, warning: Num, capPerSystem: Num }),
    bySystem: Type.Record(Str, Type.Object({ score: Num, critical: Num, warning: Num, penalty: Num })),
  }),
  summary: Type.Object({
    checks: Num, targets: Num, measurements: Num, unread: Num,
    findings: Counts,
    bySystem: Type.Record(Str, Type.Object({ measurements: Num, critical: Num, warning: Num })),
  }),
  checks: Type.Array(Type.Object({
    id: Str, title: Title, system: System, unit: Unit, measuredBy: Str, rule: Title,
    thresholds: Type.Optional(ThresholdInForce), measured: Num,
  })),
  resources: ResourcesSchema,
  measurements: Type.Array(MeasurementSchema),
  findings: Type.Array(FindingSchema),
  unread: Type.Array(UnreadSchema),
  /** Checks the playbook lists that no collector measures yet (honest gaps), with why. */
  notMeasured: Type.Array(Type.Object({ checkId: Str, reason: Str })),
  comparison: Type.Object({
    previous: Type.Union([Type.Object({ generatedAt: Str, file: Type.Union([Str, Type.Null()]) }), Type.Null()]),
    new: Type.Array(Str),
    resolved: Type.Array(Str),
    persisting: Type.Array(Type.Object({ id: Str, severity: Severity, previousSeverity: Severity })),
    notChecked: Type.Array(Str),
  }),
  durationMs: Num,
});
export type InspectionReport = Static<typeof InspectionReportSchema>;
