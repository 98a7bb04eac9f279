/**
 * Release manifests (releases/<name>/release.yaml): what changes, its artifacts with checksums,
 * the approvals it needs and has, and the notes (升级说明) that go with it.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Header, IsoDate, Name, Note, OracleIdentifier, Sha256, Strict } from './common.js';

export const ReleaseType = Type.Union(
  ['application', 'weblogic-patch', 'oracle-patch', 'sql-migration', 'os-tunables', 'config-table'].map((t) =>
    Type.Literal(t),
  ),
);
export type ReleaseType = Static<typeof ReleaseType>;

export const Artifact = Strict({
  name: Name,
  /** Path relative to the release folder (small artifacts) or to the artifact store root. */
  path: Type.String({ pattern: '^[A-Za-z0-9_.][A-Za-z0-9_./-]*$' }),
  sha256: Sha256,
  /** `repo` artifacts are committed beside the manifest; `store` ones live in the artifact store. */
  location: Type.Optional(Type.Union([Type.Literal('repo'), Type.Literal('store')])),
});
export type Artifact = Static<typeof Artifact>;

/** A check after a migration script: one SELECT returning one row of one value, compared as text with `expect`. */
export const SqlVerify = Strict({
  sql: Type.String({ minLength: 1, pattern: '^\\s*(SELECT|select|WITH|with)\\s[^;]*;?\\s*$' }),
  expect: Type.Union([Type.String(), Type.Number()]),
});

export const SqlScript = Strict({
  id: Type.String({ pattern: '^[0-9]{3,}_[a-z0-9_]+$' }),
  artifact: Name,
  /** Artifact that undoes this script; without one the script is irreversible (apply needs consent). */
  rollbackArtifact: Type.Optional(Name),
  /** Run after the script (and by its step's verify): e.g. the new column is in DBA_TAB_COLUMNS. */
  verify: Type.Optional(Type.Array(SqlVerify)),
  /** How long the script runs (an ONLINE index build: most of a window); the plan's estimate and window check use it. */
  estimatedMinutes: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1440 })),
});

export const Approval = Strict({
  role: Type.String({ minLength: 1 }),
  name: Type.String({ minLength: 1 }),
  date: IsoDate,
  comment: Note,
});
export type Approval = Static<typeof Approval>;

export const Release = Strict({
  ...Header('Release'),
  name: Name,
  title: Type.String({ minLength: 1 }),
  type: ReleaseType,
  description: Note,
  artifacts: Type.Optional(Type.Array(Artifact)),
  /** type application: which deployment of which domain gets which artifact and version. */
  application: Type.Optional(
    Strict({ domain: Name, deployment: Name, version: Type.String({ minLength: 1 }), artifact: Name }),
  ),
  /** type weblogic-patch: OPatch (12c) or BSU (10.3.6) patch for the listed domains, rolling. */
  weblogicPatch: Type.Optional(
    Strict({
      domains: Type.Array(Name, { minItems: 1 }),
      patchId: Type.String({ minLength: 1 }),
      tool: Type.Union([Type.Literal('opatch'), Type.Literal('bsu')]),
      artifact: Name,
      /** As OPatch / BSU print it, e.g. `WLS PATCH SET UPDATE 12.2.1.4.200624`. */
      description: Note,
      /** BSU: the patches this one supersedes (the previous PSU), removed first and restored on rollback. */
      replaces: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    }),
  ),
  /** type oracle-patch: a patch applied with OPatch / datapatch on the listed databases. */
  oraclePatch: Type.Optional(
    Strict({ databases: Type.Array(Name, { minItems: 1 }), patchId: Type.String({ pattern: '^[0-9]+$' }), artifact: Name, description: Note }),
  ),
  /** type sql-migration: ordered scripts, each with its rollback; checksums kept in a history table. */
  sqlMigration: Type.Optional(
    Strict({ database: Name, historyTable: OracleIdentifier, scripts: Type.Array(SqlScript, { minItems: 1 }) }),
  ),
  /** type os-tunables / config-table: the desired-state documents this release changes. */
  changes: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
  /** Roles that must approve before production; `opsctl approve` appends to `approvals`. */
  requiredApprovals: Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true }),
  approvals: Type.Optional(Type.Array(Approval)),
  notes: Strict({
    summary: Type.String({ minLength: 1 }),
    impact: Type.Optional(Type.String()),
    verification: Type.Optional(Type.Array(Type.String())),
    rollback: Type.Optional(Type.String()),
  }),
});
export type Release = Static<typeof Release>;
