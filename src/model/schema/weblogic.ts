/**
 * WebLogic domain desired state. 12.2.1.4 domains are managed through the REST management API,
 * 10.3.6 domains through WLST over SSH; the schema is the same for both.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Header, Name, Note, PatchArchive, Port, SecretRef, Sha256, Strict } from './common.js';

export const Application = Type.Union(
  ['hall', 'core', 'bridge', 'receive', 'query'].map((a) => Type.Literal(a)),
  { description: 'hall 大厅 · core 核心服务 · bridge 衔接 · receive 接收 · query 查询统计' },
);
export type Application = Static<typeof Application>;

export const Heap = Strict({
  minMb: Type.Integer({ minimum: 64 }),
  maxMb: Type.Integer({ minimum: 64 }),
});

export const Server = Strict({
  name: Name,
  /** Inventory host the managed server runs on. */
  host: Name,
  listenPort: Port,
  cluster: Type.Optional(Name),
  machine: Type.Optional(Name),
  heap: Heap,
  /** JVM arguments other than -Xms/-Xmx (those come from `heap`). */
  jvmArgs: Type.Optional(Type.Array(Type.String())),
  /** Seconds without progress before a thread counts as stuck (StuckThreadMaxTime). */
  stuckThreadMaxTimeSeconds: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type Server = Static<typeof Server>;

export const Cluster = Strict({
  name: Name,
  /** Servers restart one at a time in this cluster during rolling operations. */
  messagingMode: Type.Optional(Type.Union([Type.Literal('unicast'), Type.Literal('multicast')])),
  note: Note,
});

export const Machine = Strict({
  name: Name,
  host: Name,
  nodeManager: Strict({
    port: Port,
    type: Type.Union([Type.Literal('SSL'), Type.Literal('Plain'), Type.Literal('SSH')]),
  }),
});

export const DataSource = Strict({
  name: Name,
  jndiName: Type.String({ pattern: '^[A-Za-z0-9_./-]+$' }),
  /** Name of an OracleDatabase in the same environment. */
  database: Name,
  /** Oracle service the pool connects to; defaults to the database's service. */
  service: Type.Optional(Type.String()),
  user: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_$#]*$' }),
  credential: SecretRef,
  initialCapacity: Type.Integer({ minimum: 0 }),
  minCapacity: Type.Optional(Type.Integer({ minimum: 0 })),
  maxCapacity: Type.Integer({ minimum: 1 }),
  testQuery: Type.Optional(Type.String()),
  testConnectionsOnReserve: Type.Optional(Type.Boolean()),
  statementCacheSize: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Seconds a connection may be held before it is reclaimed (InactiveConnectionTimeoutSeconds). */
  inactiveConnectionTimeoutSeconds: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Clusters or servers of this domain. */
  targets: Type.Array(Name, { minItems: 1 }),
});
export type DataSource = Static<typeof DataSource>;

export const WorkManager = Strict({
  name: Name,
  targets: Type.Array(Name, { minItems: 1 }),
  minThreads: Type.Optional(Type.Integer({ minimum: 0 })),
  maxThreads: Type.Optional(Type.Integer({ minimum: 1 })),
  /** Work-manager stuck-thread handling (WorkManagerShutdownTrigger). */
  stuckThreadCount: Type.Optional(Type.Integer({ minimum: 1 })),
  ignoreStuckThreads: Type.Optional(Type.Boolean()),
});
export type WorkManager = Static<typeof WorkManager>;

export const Deployment = Strict({
  name: Name,
  /** The version string WebLogic reports (ApplicationVersion / Implementation-Version). */
  version: Type.String({ minLength: 1 }),
  artifact: Strict({
    /** Path of the EAR/WAR on the admin host (staged from the release). */
    path: Type.String({ pattern: '^/[^\\s]*\\.(ear|war|jar)$' }),
    sha256: Sha256,
  }),
  targets: Type.Array(Name, { minItems: 1 }),
  stagingMode: Type.Optional(
    Type.Union([Type.Literal('stage'), Type.Literal('nostage'), Type.Literal('external_stage')]),
  ),
});
export type Deployment = Static<typeof Deployment>;

export const LogRotation = Strict({
  rotationType: Type.Union([Type.Literal('bySize'), Type.Literal('byTime')]),
  fileMinSizeKb: Type.Optional(Type.Integer({ minimum: 1 })),
  rotationTime: Type.Optional(Type.String({ pattern: '^[0-2][0-9]:[0-5][0-9]$' })),
  filesToRetain: Type.Integer({ minimum: 1 }),
  rotateLogOnStartup: Type.Optional(Type.Boolean()),
});

/**
 * A patch that must be installed in the domain's middleware home on every host of the domain:
 * OPatch on 12.2.1.4 (numeric ids), BSU on 10.3.6 (4-character ids). Applied one host at a time,
 * the host's servers stopped while it is patched (docs/releases.md "Patch releases").
 */
export const HomePatch = Strict({
  id: Type.String({ pattern: '^[0-9A-Z]{4,10}$' }),
  description: Note,
  archive: Type.Optional(PatchArchive),
  /** BSU only: the patches this one supersedes (e.g. the previous PSU): removed before it is installed, installed again when it is rolled back. */
  replaces: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9A-Z]{4,10}$' }))),
});
export type HomePatch = Static<typeof HomePatch>;

export const WeblogicDomain = Strict({
  ...Header('WeblogicDomain'),
  name: Name,
  application: Application,
  title: Type.Optional(Type.String()),
  version: Type.Union([Type.Literal('12.2.1.4'), Type.Literal('10.3.6')]),
  management: Type.Union([Type.Literal('rest'), Type.Literal('wlst')]),
  admin: Strict({
    serverName: Name,
    host: Name,
    port: Port,
    protocol: Type.Optional(Type.Union([Type.Literal('http'), Type.Literal('https')])),
    user: Type.String({ minLength: 1 }),
    credential: SecretRef,
    /** Domain home on the admin host (WLST runs from here). */
    domainHome: Type.String({ pattern: '^/[^\\s]*$' }),
    /** WebLogic installation (MW_HOME / ORACLE_HOME) on every host of the domain. */
    middlewareHome: Type.String({ pattern: '^/[^\\s]*$' }),
  }),
  clusters: Type.Optional(Type.Array(Cluster)),
  machines: Type.Optional(Type.Array(Machine)),
  servers: Type.Array(Server),
  dataSources: Type.Optional(Type.Array(DataSource)),
  workManagers: Type.Optional(Type.Array(WorkManager)),
  deployments: Type.Optional(Type.Array(Deployment)),
  logRotation: Type.Optional(LogRotation),
  /** Patches the middleware home must have on every host of the domain (usually added by a weblogic-patch release). */
  patches: Type.Optional(Type.Array(HomePatch)),
  description: Note,
});
export type WeblogicDomain = Static<typeof WeblogicDomain>;
