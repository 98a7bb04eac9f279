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
