/**
 * The loaded model: every document validated, overlays merged, grouped per environment.
 * Plain data; `sources` maps an address to where it was declared, for diagnostics.
 */
import type { SourcePos } from '../diag/index.js';
import type {
  Calendar,
  ChangeWindows,
  ConfigTable,
  DataFix,
  Environment,
  Host,
  HostGroup,
  HostProfile,
  InspectionPlaybook,
  OracleDatabase,
  ReconciliationPlaybook,
  Release,
  Runbook,
  WeblogicDomain,
} from './schema/index.js';

export interface EnvironmentModel {
  environment: Environment;
  hosts: Host[];
  groups: HostGroup[];
  hostProfiles: HostProfile[];
  domains: WeblogicDomain[];
  databases: OracleDatabase[];
  configTables: ConfigTable[];
  /**
   * Set only on a copy made by the release overlay (release/overlay.ts) for a sql-migration
   * release being planned, applied or rolled back: its scripts, which the Oracle provider plans
   * as `migration` resources against the database's history table. Never loaded from YAML.
   */
  migrations?: MigrationSet[];
}

/** A sql-migration release's scripts on one database, in execution order (see MigrationSet). */
export interface MigrationScript {
  id: string;
  /** 1-based position: scripts run in this order, rollbacks in reverse. */
  order: number;
  /** The script file, relative to the repository root, and its manifest sha256. */
  file: string;
  sha256: string;
  /** The rollback script; absent: the script cannot be undone (an irreversible step). */
  rollback?: { file: string; sha256: string };
  /** Checks run after the script: one SELECT returning one value, compared with `expect` as text. */
  verify: Array<{ sql: string; expect: string | number }>;
  /** Declared duration in seconds, if the manifest gives one. */
  estimatedSeconds?: number;
}

export interface MigrationSet {
  release: string;
  database: string;
  /** Table recording applied scripts, in the connecting user's schema (unqualified identifier). */
  historyTable: string;
  scripts: MigrationScript[];
}

export interface Model {
  /** Absolute path of the repository root the model was loaded from. */
  root: string;
  environments: Record<string, EnvironmentModel>;
  calendars: Calendar[];
  windows: ChangeWindows[];
  releases: Release[];
  inspections: InspectionPlaybook[];
  runbooks: Runbook[];
  dataFixes: DataFix[];
  reconciliations: ReconciliationPlaybook[];
  /** Address (see address.ts) → where it is declared (the overlay that last set it). */
  sources: Record<string, SourcePos>;
}
