/**
 * The lab's state: everything the simulated estate "is" right now. One JSON document under
 * .lab/, read and written by every lab protocol server and by `opsctl lab` commands. A reset
 * lab is built from the desired state (build.ts), so a reset lab plans to no changes.
 *
 * Values are kept in the form the real systems print them (strings for tunables and init
 * parameters, MB for sizes) so that responders format rather than compute.
 */

export type Scalar = string | number | boolean | null;

export interface LabState {
  version: 1;
  /** Environment the lab mirrors (its inventory names the hosts). */
  env: string;
  /** Seed for generated data, so a reset is reproducible. */
  seed: number;
  /** ISO time of the last reset; readings that grow with time are derived from it. */
  resetAt: string;
  hosts: Record<string, LabHost>;
  domains: Record<string, LabDomain>;
  databases: Record<string, LabDatabase>;
  /** Active drift scenarios (their effects are already in the state; kept for status/clear). */
  drifts: ActiveScenario[];
  /** Active fault scenarios; protocol servers consult these on every request. */
  faults: ActiveScenario[];
  latency: LatencySpec;
  /** Bumped on every write; lets servers cache parsed state cheaply. */
  generation: number;
}

export interface ActiveScenario {
  name: string;
  /** What it touched, e.g. host or domain name, so `lab status` can say so. */
  target: string;
  /** For drifts: the state fragments it replaced, so `lab clear` restores them exactly. */
  undo?: unknown;
  since: string;
}

export interface LatencySpec {
  /** Added to every request/response round trip, per connection. */
  roundTripMs: number;
  /** Added per remote command (AIX commands are slower than Linux ones). */
  commandMs: number;
  /** Per-host overrides of commandMs, e.g. the slowest host in a benchmark. */
  perHost?: Record<string, number>;
  /** Per-OS overrides of commandMs (perHost wins over perOs). */
  perOs?: { aix?: number; linux?: number };
}

export interface LabFile {
  /** The text, or with `encoding: 'base64'` the base64 of the bytes (binary uploads). */
  content: string;
  /** Set when the bytes are not valid UTF-8 (an uploaded archive): content is their base64. */
  encoding?: 'base64';
  mode: string;
  owner: string;
  group: string;
  /** ISO time of last modification. */
  mtime: string;
}

export interface LabFilesystem {
  mount: string;
  device: string;
  sizeMb: number;
  usedMb: number;
  inodesUsedPercent: number;
}

export interface LabProcess {
  user: string;
  pid: number;
  ppid: number;
  /** As ps -ef prints STIME, e.g. "Nov 20" or "08:14:03". */
  started: string;
  command: string;
}

export interface LabErrptEntry {
  identifier: string;
  /** MMDDhhmmYY as errpt prints it. */
  timestamp: string;
  type: 'P' | 'T' | 'I' | 'U';
  class: 'H' | 'S' | 'O' | 'U';
  resource: string;
  description: string;
}

export interface LabService {
  subsystem: string;
  group: string;
  pid?: number;
  status: 'active' | 'inoperative';
}

export interface LabHost {
  name: string;
  os: 'aix' | 'linux';
  /** `oslevel -s` on AIX (e.g. 7200-05-03-2148), kernel release on Linux. */
  osLevel: string;
  hostname: string;
  roles: string[];
  /** Seconds since boot at resetAt. */
  uptimeSeconds: number;
  cpu: { cores: number; userPercent: number; systemPercent: number; idlePercent: number; waitPercent: number; runQueue: number };
  memory: { totalMb: number; usedMb: number; pagingSpaceMb: number; pagingUsedPercent: number };
  /** Tunables as the OS reports them: AIX no/vmo/ioo/sys0, Linux sysctl (dotted names). */
  tunables: { no: Record<string, string>; vmo: Record<string, string>; ioo: Record<string, string>; sys0: Record<string, string>; sysctl: Record<string, string> };
  /** Every file by absolute path; directories are implied by paths and listed in `dirs`. */
  files: Record<string, LabFile>;
  dirs: string[];
  filesystems: LabFilesystem[];
  processes: LabProcess[];
  services: LabService[];
  errpt: LabErrptEntry[];
  /** user → crontab lines. */
  crontab: Record<string, string[]>;
  /** Account → password facts used by the password-policy checks. */
  accounts: Record<string, { lastChangeDaysAgo: number; maxAgeDays: number; minLength: number; history: number }>;
  /** Installed fixes (`instfix -i`), AIX only. */
  fixes: string[];
  /** Oracle/WebLogic software homes on the host, by path, with their patch inventories (OPatch, BSU). */
  homes?: Record<string, LabHome>;
}

/** One patch in a home's inventory, as `opatch lsinventory` / `bsu.sh -view` print it. */
export interface LabHomePatch {
  id: string;
  description: string;
  /** ISO time it was applied. */
  appliedAt: string;
  uniqueId: string;
  bugs: string[];
}

export interface LabHome {
  tool: 'opatch' | 'bsu';
  /** Top-level product and version (`Oracle Database 19c` 19.0.0.0.0, `WebLogic Server` 10.3.6.0). */
  product: string;
  version: string;
  /** BSU homes: WL_HOME, the only -prod_dir bsu accepts. */
  wlHome?: string;
  patches: LabHomePatch[];
}

export type ServerState = 'RUNNING' | 'SHUTDOWN' | 'STARTING' | 'SHUTTING_DOWN' | 'ADMIN' | 'FAILED' | 'UNKNOWN';

export interface LabServer {
  name: string;
  host: string;
  listenPort: number;
  cluster?: string;
  machine?: string;
  state: ServerState;
  /** HEALTH_OK, HEALTH_WARN, HEALTH_CRITICAL, HEALTH_FAILED, HEALTH_OVERLOADED */
  health: string;
  heap: { minMb: number; maxMb: number };
  jvmArgs: string[];
  stuckThreadMaxTimeSeconds: number;
  /** Live readings. */
  heapUsedMb: number;
  threads: { total: number; idle: number; stuck: number; hogging: number; queueLength: number };
  openSessions: number;
  /** A non-dynamic attribute changed since the server last started. */
  restartRequired: boolean;
  activationTime: string;
}

export interface LabDataSource {
  name: string;
  jndiName: string;
  database: string;
  url: string;
  user: string;
  initialCapacity: number;
  minCapacity: number;
  maxCapacity: number;
  testQuery: string;
  testConnectionsOnReserve: boolean;
  statementCacheSize: number;
  inactiveConnectionTimeoutSeconds: number;
  targets: string[];
  /** Per-server runtime readings. */
  runtime: { state: 'Running' | 'Suspended' | 'Overloaded' | 'Unhealthy'; activeConnections: number; waitingForConnection: number; leakedConnections: number };
  /** JDBCDriverParams.password as a digest (state/password.ts), checked against the database account on testPool and server start. */
  passwordDigest?: string;
}

export interface LabDeployment {
  name: string;
  version: string;
  sourcePath: string;
  sha256: string;
  targets: string[];
  stagingMode: string;
  state: 'STATE_ACTIVE' | 'STATE_PREPARED' | 'STATE_FAILED' | 'STATE_NEW';
  /** Previous version kept for rollback (WebLogic side-by-side / retired version). */
  previous?: { version: string; sourcePath: string; sha256: string };
}

export interface LabWorkManager {
  name: string;
  targets: string[];
  minThreads: number | null;
  maxThreads: number | null;
  stuckThreadCount: number | null;
  ignoreStuckThreads: boolean;
}

export interface LabDomain {
  name: string;
  application: string;
  version: string;
  management: 'rest' | 'wlst';
  adminServer: string;
  adminHost: string;
  adminPort: number;
  user: string;
  domainHome: string;
  middlewareHome: string;
  clusters: string[];
  machines: Array<{ name: string; host: string; nodeManagerPort: number; nodeManagerType: string }>;
  servers: Record<string, LabServer>;
  dataSources: Record<string, LabDataSource>;
  workManagers: Record<string, LabWorkManager>;
  deployments: Record<string, LabDeployment>;
  logRotation: { rotationType: string; fileMinSizeKb: number; rotationTime: string; filesToRetain: number; rotateLogOnStartup: boolean };
  /** The edit session of the change manager (REST) / edit() (WLST). */
  edit: { lockedBy: string | null; pending: Array<{ path: string; attribute: string; value: Scalar }> };
  /** Lifecycle and deployment tasks, by id. */
  tasks: Record<string, { id: string; operation: string; target: string; status: 'running' | 'completed' | 'failed'; progress: string; error?: string; startedAt: string }>;
}

export interface LabParameter {
  value: string;
  /** V$PARAMETER.ISSYS_MODIFIABLE */
  isSysModifiable: 'IMMEDIATE' | 'DEFERRED' | 'FALSE';
  /** Value in the spfile when it differs from memory (set with SCOPE=SPFILE, pending restart). */
  spfileValue?: string;
}

export interface LabTablespace {
  name: string;
  contents: 'PERMANENT' | 'TEMPORARY' | 'UNDO';
  autoextend: boolean;
  bigfile: boolean;
  sizeMb: number;
  usedMb: number;
  /** Sum of MAXBYTES of its data files, in MB. */
  maxMb: number;
  datafiles: Array<{ path: string; sizeMb: number; maxMb: number; autoextend: boolean }>;
}

export interface LabTable {
  columns: string[];
  /** Primary-key columns. */
  key: string[];
  rows: Array<Record<string, Scalar>>;
  /**
   * Column definitions as DDL declared them (DBA_TAB_COLUMNS); a column without one shows as
   * NUMBER or VARCHAR2(4000) by its values. Set by CREATE TABLE / ALTER TABLE ADD (ddl.ts).
   */
  defs?: Record<string, LabColumnDef>;
  /** Name of the primary-key constraint (and its index), when DDL named it. */
  keyName?: string;
  tablespace?: string;
  comment?: string;
}

export interface LabColumnDef {
  /** Data type as declared, upper case: `NUMBER(3)`, `VARCHAR2(64)`, `DATE`. */
  type: string;
  nullable: boolean;
  /** DATA_DEFAULT: the default expression's text as written, if any. */
  default?: string;
  comment?: string;
}

/** An index (DBA_INDEXES / DBA_IND_COLUMNS), keyed "OWNER.NAME" in LabDatabase.indexes. */
export interface LabIndex {
  owner: string;
  name: string;
  /** The indexed table, "OWNER.TABLE". */
  table: string;
  columns: string[];
  unique: boolean;
  tablespace: string;
  /** DEGREE: 1 after NOPARALLEL, n after PARALLEL n. */
  degree: number;
  status: 'VALID' | 'UNUSABLE';
  created: string;
}

export interface LabDatabase {
  name: string;
  dbName: string;
  version: string;
  /** PRIMARY or PHYSICAL STANDBY, as V$DATABASE.DATABASE_ROLE prints it. */
  role: 'PRIMARY' | 'PHYSICAL STANDBY';
  openMode: 'READ WRITE' | 'READ ONLY' | 'READ ONLY WITH APPLY' | 'MOUNTED';
  logMode: 'ARCHIVELOG' | 'NOARCHIVELOG';
  service: string;
  listenerPort: number;
  listenerUp: boolean;
  instances: Array<{ host: string; sid: string; status: 'OPEN' | 'MOUNTED' | 'STARTED' | 'DOWN'; startupTime: string }>;
  parameters: Record<string, LabParameter>;
  tablespaces: Record<string, LabTablespace>;
  fra: { sizeMb: number; usedMb: number; reclaimableMb: number };
  profiles: Record<string, Record<string, string>>;
  /** `passwordDigest`: state/password.ts (never the value); absent = any non-empty password. */
  users: Record<string, { profile: string; defaultTablespace: string; accountStatus: string; passwordChangedDaysAgo: number; passwordDigest?: string }>;
  schedulerJobs: Record<string, { owner: string; name: string; enabled: boolean; repeatInterval: string; lastStatus: 'SUCCEEDED' | 'FAILED' | 'STOPPED' | null; failureCount: number; lastRun: string | null }>;
  /** The SQL patch registry (DBA_REGISTRY_SQLPATCH), oldest first; datapatch appends APPLY / ROLLBACK rows. */
  patches: Array<{ id: string; description: string; status: 'SUCCESS' | 'WITH ERRORS'; actionTime: string; action?: 'APPLY' | 'ROLLBACK' }>;
  /** ORACLE_HOME of its instances when declared in desired state (else the convention of src/model/homes.ts). */
  oracleHome?: string;
  /** Alert-log lines (timestamped), ORA- errors among them. */
  alertLog: Array<{ time: string; text: string }>;
  invalidObjects: Array<{ owner: string; name: string; type: string }>;
  blockingSessions: Array<{ sid: number; blockingSid: number; username: string; event: string; secondsInWait: number }>;
  resourceLimits: Record<string, { current: number; max: number; limit: number }>;
  rmanJobs: Array<{ type: string; status: string; start: string; end: string; outputMb: number }>;
  /** Standby only. */
  dataGuard?: { transportLagSeconds: number; applyLagSeconds: number };
  /** Config tables and the simulated business tables, by "SCHEMA.TABLE". */
  tables: Record<string, LabTable>;
  /** Indexes created by DDL (and the business tables' own), by "OWNER.NAME". */
  indexes?: Record<string, LabIndex>;
}
