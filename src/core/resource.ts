/**
 * The resource model: what providers hand to core. A provider turns the loaded desired-state
 * model into `DesiredResource`s, reads each address into a `LiveRead`, and declares, as data,
 * how every attribute of every type behaves when it changes (`RuleTable`). Core never asks a
 * system anything; everything it decides is derived from these three inputs.
 */
import type { Address } from '../model/address.js';

/** The four system kinds; also the first segment kind of every address (`prod/oracle:coredb/…`). */
export type System = 'host' | 'weblogic' | 'oracle' | 'config-table';
export const SYSTEMS: readonly System[] = ['host', 'oracle', 'config-table', 'weblogic'];

/** Attribute values: JSON values. Providers normalise units (e.g. "4G" → bytes) before core. */
export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };
export type Attributes = Record<string, AttributeValue>;

export interface Lifecycle {
  /** Any plan that would delete or replace this resource is errored (Terraform prevent_destroy). */
  preventDestroy?: boolean;
  /** Attributes whose differences are not planned on update (never on create); "*" ignores all. */
  ignoreChanges?: string[];
}

/**
 * Who must restart for a change to take effect, and in which group the restart rolls.
 * `members` are the addresses restarted (servers, database instances, hosts); `size` is how many
 * members the group has in total (default members.length) — a group of one means an outage.
 */
export interface RestartGroup {
  kind: 'cluster' | 'database' | 'host';
  /** The cluster, database or host address the members belong to. */
  group: Address;
  members: Address[];
  size?: number;
}

export interface DesiredResource {
  address: Address;
  system: System;
  /** e.g. tunable, file, cron, server, datasource, workmanager, deployment, parameter, tablespace, profile, user, scheduler-job, row. */
  type: string;
  attributes: Attributes;
  lifecycle?: Lifecycle;
  /** Addresses whose steps must finish before this resource's step (and, for deletes, after). */
  dependsOn?: Address[];
  /** Restart groups used when an attribute rule says the change needs a restart. */
  restartGroups?: RestartGroup[];
  /**
   * Set when creating this resource cannot be undone (e.g. a migration script without a
   * rollback script): the create change is irreversible, with this as its reason.
   */
  irreversible?: string;
  /** Seconds its create takes, when the provider knows better than the type's createSeconds. */
  estimatedSeconds?: number;
}

export interface LiveRead {
  address: Address;
  /** `unknown`: the read failed (host unreachable, ORA-…); `reason` says why. */
  status: 'present' | 'absent' | 'unknown';
  /** Present for `present`; for live-only resources these are the attributes a delete removes. */
  attributes?: Attributes;
  reason?: string;
  /**
   * Provider-computed digest of exactly what was read (also for `absent`). Apply re-reads the
   * address and refuses when the digest differs (DESIGN §6.1).
   */
  fingerprint: string;
  /** Defaults to the kind of the address's first segment / last segment. */
  system?: System;
  type?: string;
  /**
   * Rules observed on the live system, overriding the table for this resource only: e.g. Oracle
   * ISSYS_MODIFIABLE=FALSE for `processes`, AIX `no -L` type R/B for a tunable.
   */
  rules?: Record<string, AttributeRule>;
  /** Restart groups for live-only resources (desired ones carry their own). */
  restartGroups?: RestartGroup[];
}

/** How a changed attribute takes effect. */
export type Effect = 'live' | 'restart' | 'replace';
export type RestartScope = 'server' | 'instance' | 'host' | 'none';
export type Disruption = 'none' | 'brief' | 'outage';

/** Metadata of one (system, type, attribute): data declared next to the provider's code. */
export interface AttributeRule {
  effect: Effect;
  restartScope: RestartScope;
  disruption: Disruption;
  /** Can the previous value be set back? (false e.g. for tablespace shrink, data dropped). */
  reversible: boolean;
  /** Rendered "(sensitive)" everywhere; only a hash marker is stored in the plan. */
  secret?: boolean;
  estimatedSeconds: number;
}

/** Metadata of one (system, type). */
export interface TypeRule {
  /** Live-only resources of this type are deleted (otherwise ignored, unless under `pruneWithin`). */
  prune?: boolean;
  /** Type-level protection that survives removal of the YAML block (e.g. tablespaces, users). */
  preventDestroy?: boolean;
  /** Can a delete be undone by re-creating from the live attributes? Default false. */
  deleteReversible?: boolean;
  /** Step action for create/update, when not the change's own action (deployments: `deploy`). */
  stepAction?: 'deploy' | 'run';
  createSeconds?: number;
  deleteSeconds?: number;
  /** Rule for attributes not listed in `attributes`. */
  defaultAttribute?: AttributeRule;
  attributes?: Record<string, AttributeRule>;
}

/** system → type → rules. Providers each contribute their system's entry. */
export type RuleTable = Partial<Record<System, Record<string, TypeRule>>>;

/** Used when a provider declared no rule: conservative — irreversible, so apply asks consent. */
export const UNDECLARED_RULE: AttributeRule = {
  effect: 'live',
  restartScope: 'none',
  disruption: 'brief',
  reversible: false,
  estimatedSeconds: 30,
};

/**
 * Names that end in a secret word: `password`, `SMTP_PASSWORD`, `credential`, `apiToken`,
 * `privateKey`. Names that merely start with one are settings, not secrets (Oracle profile
 * `passwordLifeTime`, `passwordReuseMax`), so the match is anchored at the end.
 */
const SECRET_NAME = /(password|passwd|pwd|passphrase|credentials?|secret|token|private[-_]?key)$/i;

/** Does the attribute name look like it holds a secret, whatever the rule says? */
export function looksSecret(attribute: string): boolean {
  return SECRET_NAME.test(attribute);
}

export function typeRule(table: RuleTable, system: System, type: string): TypeRule {
  return table[system]?.[type] ?? {};
}

/** The rule for one attribute: live override, then table, then the type default; undefined if none. */
export function attributeRule(
  table: RuleTable,
  system: System,
  type: string,
  attribute: string,
  overrides?: Record<string, AttributeRule>,
): AttributeRule | undefined {
  const t = typeRule(table, system, type);
  return overrides?.[attribute] ?? t.attributes?.[attribute] ?? t.defaultAttribute;
}
