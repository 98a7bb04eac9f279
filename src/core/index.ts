/**
 * core — pure planning. Owns the resource model providers hand in (resource.ts), reconcile by
 * address, per-attribute diff and classification, ordering (order.ts: the one rank table),
 * steps with rolling restarts and health gates, and the Plan value with its JSON Schema.
 *
 * May import: model/, diag/, @sinclair/typebox, node:crypto (hashing only).
 * May not import: node:fs/net/http/child_process/os/process, any transport or I/O library,
 * engine/, providers/, transport/, lab/, load/, report/, git/, cli/. No clock: createdAt is
 * passed in. No exit codes: the CLI maps hasChanges/complete/errored to them.
 */
export * from './resource.js';
export * from './values.js';
export * from './reconcile.js';
export * from './diff.js';
export * from './order.js';
export * from './plan.js';
export * from './build.js';
export { buildSteps, RESTART_SECONDS } from './steps.js';
export { shortName } from './wording.js';
export { PlanSchema } from './plan-schema.js';
export * from './display.js';
