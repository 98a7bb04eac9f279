/**
 * The words of an inspection as plain data: a check (catalogue entry), a measurement (one value
 * a collector read), a finding (a measurement outside its threshold, or a target that could not
 * be read), and the thresholds in force.
 */

export type System = 'host' | 'database' | 'middleware' | 'application' | 'business';
export type Severity = 'warning' | 'critical';
/** `above`: higher is worse (used %); `below`: lower is worse (heap free %); `state`: judged by rule. */
export type Direction = 'above' | 'below' | 'state';
export type Unit = '%' | 'count' | 'MB' | 'ms' | 'seconds' | 'minutes' | 'hours' | 'days' | 'state';

export interface Thresholds {
  warning: number;
  critical: number;
}

/** Where a threshold in force came from (shown in the report's appendix). */
export type ThresholdOrigin = 'catalogue' | 'playbook' | 'host-profile' | 'database' | 'stricter-of-playbook-and-object';

export interface Title {
  zh: string;
  en: string;
}

export interface CheckDef {
  /** `host.filesystem`, `db.tablespace`, `wls.heap`, `batch.deduction`, … */
  id: string;
  title: Title;
  system: System;
  /** How it is measured: the command, SQL (catalogue key) or REST path. */
  measuredBy: string;
  unit: Unit;
  direction: Direction;
  /** Absent for pure state checks (judged by rule, e.g. server state ≠ RUNNING). */
  defaults?: Thresholds;
  /** What the rule says in words (for the report appendix and docs/checks.md). */
  rule: Title;
  /** Where the default comes from (health-checks.md §, weblogic.md §). */
  origin: string;
}

export type Scalar = string | number | boolean | null;

/** One value a collector read for one check on one target. */
export interface Measurement {
  checkId: string;
  /** Address of what was measured, e.g. `lab/host:hall-web-01/fs:/tmp`, `lab/oracle:coredb/tablespace:SBF_DATA`. */
  target: string;
  value: Scalar;
  unit: Unit;
  /** Supporting figures (size/used, max, counts) kept in the report. */
  detail?: Record<string, Scalar>;
  /** Evidence: a short excerpt of what the system printed. */
  raw?: string;
}

/** A target (host, database, domain, …) the collectors could not read at all, or partly. */
export interface Unread {
  target: string;
  system: System;
  /** Checks that could not be measured because of it. */
  checkIds: string[];
  reason: string;
  /** Typed error name from the transport (SshConnectError, WeblogicHttpError, OracleError, …). */
  error?: string;
}

export interface Finding {
  /** Stable key: checkId + '@' + target (the same finding in two reports has the same id). */
  id: string;
  checkId: string;
  severity: Severity;
  target: string;
  message: Title;
  value: Scalar;
  unit: Unit;
  threshold?: Thresholds & { origin: ThresholdOrigin };
}

export function findingKey(checkId: string, target: string): string {
  return `${checkId}@${target}`;
}
