/**
 * Playbook kinds: inspections (巡检), emergency runbooks (应急预案), data fixes (数据维护) and
 * reconciliations (对账). Each kind is its own document so its schema stays exact.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Header, Name, Note, OracleIdentifier, ScalarValue, Strict, Thresholds } from './common.js';
import { HostRole } from './inventory.js';

const Title = Strict({ zh: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) });
const Binds = Type.Record(Type.String({ pattern: '^[a-z_][a-z0-9_]*$' }), Type.Union([ScalarValue, Type.Null()]));

export const InspectionPlaybook = Strict({
  ...Header('InspectionPlaybook'),
  name: Name,
  title: Title,
  /** daily 日常巡检 · pre-collection 征期前专项巡检 · monthly 月度中间件健康检查 */
  cadence: Type.Union([Type.Literal('daily'), Type.Literal('pre-collection'), Type.Literal('monthly')]),
  /** Crontab schedule on the ops host. */
  schedule: Type.String({ pattern: '^\\S+ \\S+ \\S+ \\S+ \\S+$' }),
  /** Check ids from the catalogue, with optional threshold overrides. */
  checks: Type.Array(
    Strict({ id: Type.String({ pattern: '^[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+$' }), thresholds: Type.Optional(Thresholds) }),
    { minItems: 1 },
  ),
  description: Note,
});
export type InspectionPlaybook = Static<typeof InspectionPlaybook>;

export const RunbookStep = Strict({
  name: Name,
  title: Type.String({ minLength: 1 }),
  /** What the step does; the runbook engine knows each action's read and its inverse. */
  action: Type.Union(
    ['thread-dump', 'restart-server', 'add-datafile', 'restart-listener', 'resume-batch', 'collect-logs', 'check'].map(
      (a) => Type.Literal(a),
    ),
  ),
  params: Type.Optional(Type.Record(Type.String(), ScalarValue)),
  irreversible: Type.Optional(Type.Boolean()),
});

export const Runbook = Strict({
  ...Header('Runbook'),
  name: Name,
  title: Title,
  severity: Type.Union([Type.Literal('P1'), Type.Literal('P2'), Type.Literal('P3')]),
  /** Symptoms and the finding ids that point to this runbook. */
  symptoms: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  triggers: Type.Optional(Type.Array(Type.String())),
  appliesTo: Strict({
    roles: Type.Optional(Type.Array(HostRole)),
    systems: Type.Optional(Type.Array(Type.Union([Type.Literal('weblogic'), Type.Literal('oracle'), Type.Literal('host'), Type.Literal('batch')]))),
  }),
  steps: Type.Array(RunbookStep, { minItems: 1 }),
  escalation: Type.String({ minLength: 1 }),
  description: Note,
});
export type Runbook = Static<typeof Runbook>;

export const DataFix = Strict({
  ...Header('DataFix'),
  name: Name,
  title: Type.String({ minLength: 1 }),
  /** The problem as reported, and the ticket it came from. */
  problem: Type.String({ minLength: 1 }),
  ticket: Type.String({ minLength: 1 }),
  requestedBy: Type.String({ minLength: 1 }),
  database: Name,
  table: Strict({ schema: OracleIdentifier, name: OracleIdentifier, key: Type.Array(OracleIdentifier, { minItems: 1 }) }),
  /** Columns that hold personal data (身份证号, names, phones, bank accounts): masked in output. */
  personalColumns: Type.Optional(Type.Array(OracleIdentifier)),
  preCheck: Strict({ sql: Type.String({ minLength: 1 }), binds: Type.Optional(Binds), expectCount: Type.Integer({ minimum: 0 }) }),
  change: Strict({ sql: Type.String({ minLength: 1 }), binds: Type.Optional(Binds), expectRows: Type.Integer({ minimum: 1 }) }),
  requiredApprovals: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, uniqueItems: true }),
  approvals: Type.Optional(Type.Array(Strict({ role: Type.String(), name: Type.String(), date: Type.String() }))),
});
export type DataFix = Static<typeof DataFix>;

export const ReconciliationSide = Strict({
  name: Name,
  title: Type.String({ minLength: 1 }),
  database: Name,
  /** Must select the key, group and amount columns; `:period` is bound to YYYYMM. */
  sql: Type.String({ minLength: 1 }),
});

export const ReconciliationPlaybook = Strict({
  ...Header('ReconciliationPlaybook'),
  name: Name,
  title: Title,
  left: ReconciliationSide,
  right: ReconciliationSide,
  /** Record-level match keys, e.g. payer id, insurance type, 费款所属期, voucher number. */
  matchKeys: Type.Array(OracleIdentifier, { minItems: 1 }),
  groupBy: Type.Array(OracleIdentifier, { minItems: 1 }),
  amountColumn: OracleIdentifier,
  /** Days a record may be "in transit" (collected but not yet fed back) before it is a mismatch. */
  inTransitDays: Type.Integer({ minimum: 0 }),
  personalColumns: Type.Optional(Type.Array(OracleIdentifier)),
});
export type ReconciliationPlaybook = Static<typeof ReconciliationPlaybook>;
