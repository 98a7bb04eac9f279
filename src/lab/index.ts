/**
 * lab — the simulated estate (DESIGN §7): a twin of an environment that speaks SSH, the WebLogic
 * REST API, WLST and sqlplus on 127.0.0.1, with state under .lab/ that persists across commands
 * and can be given drift, faults and latency. Never presented as the real thing.
 *
 * Owns: state/ (LabState, stores, build from desired), scenarios/, the responders (shell/, ssh/,
 * weblogic/, oracle/), runtime.ts (start/serve/connect), reset.ts, secrets.ts, status.ts.
 * May import model/, load/, template/ and diag/; never cli/, engine/, providers/ or transport/.
 * Connects to and listens on loopback only.
 */
export { startLab, connectLab, publishLab, runningLab, labEndpointsOf, endpointsPath, portAnswers, LOOPBACK } from './runtime.js';
export type { LabHandle, LabEndpoint, LabEndpoints, LabEndpointResolver, EndpointsFile } from './runtime.js';
export { resetLab, LAB_ENV, DEFAULT_SEED } from './reset.js';
export { ensureLabSecrets, readLabSecrets, LAB_KEY, LAB_SECRET, type LabSecrets } from './secrets.js';
export { labStatus, type LabStatus } from './status.js';
export { openLabStore, LabStateMissingError, type FileLabStore } from './state/file-store.js';
export { LabLockError } from './state/lock.js';
export * from './scenarios/index.js';
