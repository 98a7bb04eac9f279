/**
 * lab/state — the lab's state (types.ts, the contract all responders share), how it is stored
 * (store.ts: LabStore, memoryStore; file-store.ts: .lab/state.json across processes) and how a
 * reset builds it from desired state (build.ts, pure). May import model/ and template/vars;
 * never cli/, providers/ or transport/.
 */
export * from './types.js';
export * from './store.js';
export { buildLabState, type BuildOptions } from './build.js';
export { openLabStore, type FileStoreOptions } from './file-store.js';
export { matchesPattern } from './processes.js';
export { effectiveHostConfig, profileApplies, type EffectiveHostConfig } from './profiles.js';
export { cronMarker, AIX_NEXTBOOT, SYSCTL_CONF, type RenderTemplate } from './build-host.js';
export { serverCommand } from './build-weblogic.js';
export { isSysModifiable } from './oracle-defaults.js';
export { rngFor, type Rng } from './random.js';
export { passwordDigest, passwordMatches, seedPasswords } from './password.js';
