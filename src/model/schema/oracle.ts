/**
 * Oracle database desired state: where it runs (RAC nodes, standby), its parameters,
 * tablespaces, profiles, users, scheduler jobs and archive/FRA settings.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Header, Name, Note, OracleIdentifier, PatchArchive, Percent, Port, ScalarValue, SecretRef, Strict } from './common.js';

export const DatabaseInstance = Strict({
  host: Name,
  /** ORACLE_SID on that host. */
  sid: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,15}$' }),
  role: Type.Union([Type.Literal('rac-node'), Type.Literal('single'), Type.Literal('standby')]),
});

export const Tablespace = Strict({
  name: OracleIdentifier,
  contents: Type.Optional(Type.Union([Type.Literal('permanent'), Type.Literal('temporary'), Type.Literal('undo')])),
  autoextend: Type.Boolean(),
  /** Upper bound the tablespace may grow to (sum of MAXBYTES). */
  maxSizeGb: Type.Number({ exclusiveMinimum: 0 }),
  warningPercent: Percent,
  criticalPercent: Percent,
  bigfile: Type.Optional(Type.Boolean()),
});
export type Tablespace = Static<typeof Tablespace>;

export const Profile = Strict({
  name: OracleIdentifier,
  /** Days, or UNLIMITED. */
  passwordLifeTime: Type.Union([Type.Integer({ minimum: 1 }), Type.Literal('UNLIMITED')]),
  failedLoginAttempts: Type.Union([Type.Integer({ minimum: 1 }), Type.Literal('UNLIMITED')]),
  passwordGraceTime: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Literal('UNLIMITED')])),
  passwordReuseMax: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Literal('UNLIMITED')])),
});
export type Profile = Static<typeof Profile>;

export const DatabaseUser = Strict({
  name: OracleIdentifier,
  profile: OracleIdentifier,
  defaultTablespace: OracleIdentifier,
  /** Application accounts are open; others may be locked. */
  accountStatus: Type.Union([Type.Literal('OPEN'), Type.Literal('LOCKED')]),
  /** Reference used by password rotation; absent for accounts that never log in. */
  credential: Type.Optional(SecretRef),
});
export type DatabaseUser = Static<typeof DatabaseUser>;

export const SchedulerJob = Strict({
  owner: OracleIdentifier,
  name: OracleIdentifier,
  enabled: Type.Boolean(),
  /** DBMS_SCHEDULER repeat_interval. */
  repeatInterval: Type.String({ minLength: 1 }),
  description: Note,
});
export type SchedulerJob = Static<typeof SchedulerJob>;

export const OracleDatabase = Strict({
  ...Header('OracleDatabase'),
  name: Name,
  title: Type.Optional(Type.String()),
  /** What the database is for: core 核心库, front 前置库, receive 接收库, … */
  purpose: Type.Union(
    ['core', 'front', 'receive', 'bridge', 'query', 'etl', 'ops'].map((p) => Type.Literal(p)),
  ),
  role: Type.Union([Type.Literal('primary'), Type.Literal('physical-standby')]),
  /** For a standby: the primary it follows. */
  standbyOf: Type.Optional(Name),
  version: Type.String({ pattern: '^(11\\.2|12\\.1|12\\.2|18|19)(\\.[0-9]+)*$' }),
  dbName: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,7}$' }),
  service: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_.]*$' }),
  listenerPort: Port,
  instances: Type.Array(DatabaseInstance, { minItems: 1 }),
  /** The account opsctl reads with (and, for approved changes, writes with). */
  connect: Strict({
    user: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_$#]*$' }),
    credential: SecretRef,
    /** sqlplus over SSH on the database host (default) or node-oracledb from the ops host. */
    via: Type.Optional(Type.Union([Type.Literal('sqlplus'), Type.Literal('oracledb')])),
  }),
  /** ORACLE_HOME on every instance host (default /oracle/app/oracle/product/<major>.0.0/dbhome_1, src/model/homes.ts). */
  oracleHome: Type.Optional(Type.String({ pattern: '^/[^\\s]*$' })),
  /**
   * Patches that must appear in DBA_REGISTRY_SQLPATCH / opatch lsinventory: binary in the home of
   * every instance host (OPatch, one host at a time) and, on a primary, in the SQL registry (datapatch).
   */
  patches: Type.Optional(Type.Array(Strict({ id: Type.String({ pattern: '^[0-9]+$' }), description: Note, archive: Type.Optional(PatchArchive) }))),
  initParameters: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z_][a-z0-9_]*$' }), ScalarValue)),
  tablespaces: Type.Optional(Type.Array(Tablespace)),
  profiles: Type.Optional(Type.Array(Profile)),
  users: Type.Optional(Type.Array(DatabaseUser)),
  schedulerJobs: Type.Optional(Type.Array(SchedulerJob)),
  archive: Type.Optional(
    Strict({
      logMode: Type.Union([Type.Literal('ARCHIVELOG'), Type.Literal('NOARCHIVELOG')]),
      fraSizeGb: Type.Number({ exclusiveMinimum: 0 }),
      fraWarningPercent: Percent,
      fraCriticalPercent: Percent,
      /** Hours of archived-log gap on a standby before it is a finding. */
      maxApplyLagMinutes: Type.Optional(Type.Integer({ minimum: 1 })),
    }),
  ),
  description: Note,
});
export type OracleDatabase = Static<typeof OracleDatabase>;
