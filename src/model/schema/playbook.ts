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
    ['thread-dump', 'restart-server', 'add-datafile', 'restart-listener', 'resume-batch', 'collect-logs', 'check', 'clean-logs', 'rotate-password'].map(
      (a) => Type.Literal(a),
    ),
  ),
  params: Type.Optional(Type.Record(Type.String(), ScalarValue)),
  irreversible: Type.Optional(Type.Boolean()),
  /** Runs also when an earlier step failed (evidence collection, final checks). */
  always: Type.Optional(Type.Boolean()),
});

/**
 * What `opsctl playbook run NAME --target T` names: a WebLogic server (`domain/server` or a
 * unique server name), a database (`coredb`), a tablespace (`coredb/SBF_DATA`), a 批扣 batch
 * (`coredb/PK202611001`; without one: the stalled batches found), a host (log cleanup; without
 * one: every host with retention rules), a database user (`coredb/OPSMON`). `default` is used
 * when --target is not given.
 */
export const RunbookTarget = Strict({
  kind: Type.Union(['server', 'database', 'tablespace', 'batch', 'host', 'db-user'].map((k) => Type.Literal(k))),
  default: Type.Optional(Type.String({ minLength: 1 })),
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
  target: Type.Optional(RunbookTarget),
  steps: Type.Array(RunbookStep, { minItems: 1 }),
  escalation: Type.String({ minLength: 1 }),
  description: Note,
});
export type Runbook = Static<typeof Runbook>;

/** A table a data fix changes; its key identifies the rows of the before-image and the rollback. */
export const DataFixTable = Strict({ schema: OracleIdentifier, name: OracleIdentifier, key: Type.Array(OracleIdentifier, { minItems: 1 }) });

/**
 * One change statement of a data fix, on its declared table (no alias): `UPDATE T SET … WHERE …`
 * (key columns are not set), `DELETE FROM T WHERE …`, or `INSERT INTO T (cols) VALUES (…)` (one
 * row; the key columns given as binds or literals). `expectRows`: the rows it changes at its
 * turn in the transaction (an INSERT: 1).
 */
export const DataFixChange = Strict({
  table: DataFixTable,
  sql: Type.String({ minLength: 1 }),
  binds: Type.Optional(Binds),
  expectRows: Type.Integer({ minimum: 1 }),
});

export const DataFix = Strict({
  ...Header('DataFix'),
  name: Name,
  title: Type.String({ minLength: 1 }),
  /** The problem as reported, and the ticket it came from. */
  problem: Type.String({ minLength: 1 }),
  ticket: Type.String({ minLength: 1 }),
  requestedBy: Type.String({ minLength: 1 }),
  database: Name,
  /** Columns (of any changed table) that hold personal data (身份证号, names, phones, bank accounts): masked in output. */
  personalColumns: Type.Optional(Type.Array(OracleIdentifier)),
  preCheck: Strict({ sql: Type.String({ minLength: 1 }), binds: Type.Optional(Binds), expectCount: Type.Integer({ minimum: 0 }) }),
  /** The change statements, run in this order in ONE transaction. */
  changes: Type.Array(DataFixChange, { minItems: 1 }),
  /**
   * A `SELECT COUNT(*) FROM …` run inside the changes' transaction, after the last change and
   * before COMMIT: a different count rolls everything back. Required with more than one change
   * or an INSERT; for one UPDATE/DELETE it defaults to the pre-check, expecting expectCount −
   * expectRows (the change moves the rows out of the problem).
   */
  postCheck: Type.Optional(Strict({ sql: Type.String({ minLength: 1 }), binds: Type.Optional(Binds), expectCount: Type.Integer({ minimum: 0 }) })),
  requiredApprovals: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, uniqueItems: true }),
  approvals: Type.Optional(Type.Array(Strict({ role: Type.String(), name: Type.String(), date: Type.String() }))),
});
export type DataFix = Static<typeof DataFix>;

/** How a side marks a refund/reversal row (退费/退库/冲正), and the column linking it to the original record. */
export const ReconciliationRefund = Strict({
  column: OracleIdentifier,
  /** Values of `column` that mark a refund row, e.g. REFUND, 退库, 退费. */
  values: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  /** Column holding the original record's match key (e.g. ORIG_VOUCHER_NO). */
  originalColumn: Type.Optional(OracleIdentifier),
});

export const ReconciliationSide = Strict({
  name: Name,
  title: Type.String({ minLength: 1 }),
  database: Name,
  /** Must select the key, group and amount columns; `:period` is bound to the 费款所属期 `YYYY-MM`. */
  sql: Type.String({ minLength: 1 }),
  /** Refund/reversal rows on this side (classified reversal-refund, netted separately). */
  refund: Type.Optional(ReconciliationRefund),
});

/** A lookup keyed by one column, run once per reconciliation (e.g. the payer register SBF.SBF_PAYER). */
export const ReconciliationLookup = Strict({
  database: Name,
  sql: Type.String({ minLength: 1 }),
  key: OracleIdentifier,
});

/** 应征 vs 实征 (the left side): payers not fully paid (应缴未缴 / 未足额) for the bureau. */
export const ReconciliationArrears = Strict({
  database: Name,
  /** 应征 rows of the period; `:period` is bound. Must select `keys` and `dueColumn`. */
  sql: Type.String({ minLength: 1 }),
  /** Columns present on both the 应征 rows and the left side, e.g. PAYER_ID, XZ_CODE, PERIOD. */
  keys: Type.Array(OracleIdentifier, { minItems: 1 }),
  dueColumn: OracleIdentifier,
});

export const ReconciliationPlaybook = Strict({
  ...Header('ReconciliationPlaybook'),
  name: Name,
  title: Title,
  /** Which pair of domain.md §3.5 this compares (a label in reports). */
  compares: Type.Optional(Type.Union([Type.Literal('treasury'), Type.Literal('hrss'), Type.Literal('bank')])),
  left: ReconciliationSide,
  right: ReconciliationSide,
  /** Record-level match keys, e.g. payer id, insurance type, 费款所属期, voucher number. */
  matchKeys: Type.Array(OracleIdentifier, { minItems: 1 }),
  groupBy: Type.Array(OracleIdentifier, { minItems: 1 }),
  amountColumn: OracleIdentifier,
  /** Unit of amountColumn (and of arrears.dueColumn): integer fen, or yuan with at most 2 decimals (default). */
  amountUnit: Type.Optional(Type.Union([Type.Literal('fen'), Type.Literal('yuan')])),
  /** Days a record may be "in transit" (collected but not yet fed back) before it is a mismatch. */
  inTransitDays: Type.Integer({ minimum: 0 }),
  /** Left-side time column (text `YYYY-MM-DD HH24:MI:SS`, +08:00) that in-transit is measured from. */
  inTransitColumn: Type.Optional(OracleIdentifier),
  /** Fills group columns a side's rows lack (by the lookup key) and names the payers of the unpaid list. */
  payers: Type.Optional(ReconciliationLookup),
  arrears: Type.Optional(ReconciliationArrears),
  personalColumns: Type.Optional(Type.Array(OracleIdentifier)),
});
export type ReconciliationPlaybook = Static<typeof ReconciliationPlaybook>;
export type ReconciliationSide = Static<typeof ReconciliationSide>;
