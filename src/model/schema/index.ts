/**
 * model/schema — the one source of truth for every YAML kind: TypeBox schemas that are JSON
 * Schema for ajv and TypeScript types through Static<>. Imports nothing but TypeBox.
 */
import type { TSchema } from '@sinclair/typebox';
import { Environment, Inventory } from './inventory.js';
import { HostProfile } from './host.js';
import { WeblogicDomain } from './weblogic.js';
import { OracleDatabase } from './oracle.js';
import { ConfigTable } from './config-table.js';
import { Calendar, ChangeWindows } from './calendar.js';
import { Release } from './release.js';
import { DataFix, InspectionPlaybook, ReconciliationPlaybook, Runbook } from './playbook.js';

export * from './common.js';
export * from './inventory.js';
export * from './host.js';
export * from './weblogic.js';
export * from './oracle.js';
export * from './config-table.js';
export * from './calendar.js';
export * from './release.js';
export * from './playbook.js';

/** kind → schema. The loader picks a document's schema by its `kind`. */
export const KIND_SCHEMAS = {
  Environment,
  Inventory,
  HostProfile,
  WeblogicDomain,
  OracleDatabase,
  ConfigTable,
  Calendar,
  ChangeWindows,
  Release,
  InspectionPlaybook,
  Runbook,
  DataFix,
  ReconciliationPlaybook,
} satisfies Record<string, TSchema>;

export type Kind = keyof typeof KIND_SCHEMAS;
export const KINDS = Object.keys(KIND_SCHEMAS) as Kind[];
