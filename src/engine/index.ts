/**
 * engine — runs providers against the live estate: builds their connections (connections.ts),
 * reads live state and will execute plans with journal and rollback. Imports providers,
 * transport, core and model; never cli/ or lab/ (the CLI hands in the lab's endpoints).
 */
export * from './connections.js';
