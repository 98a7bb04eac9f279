/**
 * model — the shapes of desired state: schemas (one source of truth for JSON Schema and types),
 * the loaded Model, and addresses. Pure; imports no I/O and nothing else in src/ but diag.
 */
export * from './schema/index.js';
export * from './model.js';
export * from './address.js';
export * from './profiles.js';
export * from './homes.js';
