/**
 * JSON Schema of the saved plan (formatVersion 1), written with TypeBox so apply and outside
 * tools (OPA/conftest on plan JSON, CI comment bots) can validate a plan file before trusting it.
 * Kept in step with plan.ts by a test that validates built plans against it.
 */
import { Type, type TSchema } from '@sinclair/typebox';

const Str = Type.String();
const Int = Type.Integer({ minimum: 0 });
const System = Type.Union(['host', 'weblogic', 'oracle', 'config-table'].map((s) => Type.Literal(s)));
const Disruption = Type.Union(['none', 'brief', 'outage'].map((s) => Type.Literal(s)));
const ChangeAction = Type.Union(['noop', 'create', 'update', 'delete', 'replace'].map((s) => Type.Literal(s)));
const StepAction = Type.Union(['create', 'update', 'delete', 'replace', 'restart', 'deploy', 'run'].map((s) => Type.Literal(s)));
const Scope = Type.Union(['server', 'instance', 'host', 'none'].map((s) => Type.Literal(s)));
const GroupKind = Type.Union(['cluster', 'database', 'host'].map((s) => Type.Literal(s)));
/** Any JSON value (attribute values are providers' JSON). */
const Value: TSchema = Type.Unknown();

const Obj = <T extends Parameters<typeof Type.Object>[0]>(p: T, description?: string) =>
  Type.Object(p, { additionalProperties: false, ...(description ? { description } : {}) });

export const AttributeChangeSchema = Obj({
  name: Str,
  before: Type.Optional(Value),
  after: Type.Optional(Value),
  sensitive: Type.Optional(Type.Boolean({ description: 'before/after are sha256: markers, never values' })),
  effect: Type.Union(['live', 'restart', 'replace'].map((s) => Type.Literal(s))),
  restartScope: Scope,
  disruption: Disruption,
  reversible: Type.Boolean(),
});

export const InverseSchema = Obj({
  action: ChangeAction,
  attributes: Type.Record(Str, Value),
  sensitive: Type.Optional(Type.Array(Str)),
});

export const RestartGroupSchema = Obj({ kind: GroupKind, group: Str, members: Type.Array(Str), size: Type.Optional(Int) });

export const ChangeSchema = Obj({
  address: Str,
  system: System,
  type: Str,
  action: ChangeAction,
  attributes: Type.Array(AttributeChangeSchema),
  reason: Type.Optional(Str),
  restart: Type.Optional(Obj({ scope: Scope, groups: Type.Array(RestartGroupSchema) })),
  dependsOn: Type.Optional(Type.Array(Str)),
  takesEffect: Type.Union([Type.Literal('immediately'), Type.Literal('after-restart')]),
  disruption: Disruption,
  reversible: Type.Boolean(),
  estimatedSeconds: Type.Number({ minimum: 0 }),
  inverse: Type.Optional(InverseSchema),
  blocked: Type.Optional(Str),
});

export const StepSchema = Obj({
  id: Str,
  action: StepAction,
  address: Str,
  system: System,
  description: Str,
  changes: Type.Array(Str),
  dependsOn: Type.Array(Str),
  estimatedSeconds: Type.Number({ minimum: 0 }),
  reversible: Type.Boolean(),
  disruption: Disruption,
  downtime: Str,
  restart: Type.Optional(Obj({ kind: GroupKind, group: Str, index: Int, count: Int, size: Int, rolling: Type.Boolean() })),
  inverse: Type.Optional(InverseSchema),
});

const DiagnosticSchema = Obj({
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  code: Str,
  message: Str,
  source: Type.Optional(Obj({ file: Str, line: Int, column: Int })),
  address: Type.Optional(Str),
});

export const PlanSchema = Type.Object(
  {
    formatVersion: Type.Literal(1),
    env: Str,
    createdAt: Type.String({ format: 'date-time' }),
    revision: Type.Optional(Str),
    release: Type.Optional(Str),
    only: Type.Optional(Type.Array(Str)),
    changes: Type.Array(ChangeSchema),
    steps: Type.Array(StepSchema),
    fingerprints: Type.Record(Str, Str),
    unknown: Type.Array(Obj({ address: Str, system: System, type: Str, reason: Str })),
    diagnostics: Type.Array(DiagnosticSchema),
    complete: Type.Boolean(),
    errored: Type.Boolean(),
    summary: Obj({ create: Int, update: Int, delete: Int, replace: Int, restart: Int, noop: Int, unknown: Int }),
    estimatedSeconds: Type.Number({ minimum: 0 }),
    criticalPathSeconds: Type.Number({ minimum: 0 }),
  },
  { $id: 'https://opsctl.local/schemas/plan-v1.json', title: 'opsctl plan, format version 1', additionalProperties: false },
);
