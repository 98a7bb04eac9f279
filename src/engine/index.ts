/**
 * engine — runs providers against the live estate: builds their connections (connections.ts),
 * reads live state (read.ts), plans (plan.ts) and will execute plans with journal and rollback.
 * Emits typed events (events.ts) through an injected `emit`; only cli/ renders them.
 * Imports providers, transport, core and model; never cli/ or lab/ (the CLI hands in the lab's
 * endpoints).
 */
export * from './connections.js';
export * from './events.js';
export * from './read.js';
export * from './plan.js';
