/**
 * transport — the edge where opsctl talks to live systems: SSH (ssh2, one pooled connection per
 * host, pinned host keys), the WebLogic REST API (node:http keep-alive), shell and identifier
 * quoting, secret resolution, and the typed errors every failure is classified into once, here.
 *
 * May import: node:*, ssh2 and oracledb (only in this folder and src/lab/), model/ and diag/.
 * May not import: cli/, engine/, providers/, core/, report/, lab/. Never logs; never puts a
 * resolved secret into an error message.
 */
export * from './errors.js';
export { shellQuote, shellCommand, oracleIdentifier, oraclePassword } from './quote.js';
export { Secret, redact, resolveSecret, secretStoreDir, storeFile, writeStoreSecret } from './secrets.js';
export type { SecretKind, ResolveSecretOptions } from './secrets.js';
export { fingerprintOfBlob, fingerprintOfPublicKeyLine } from './fingerprint.js';
export { mapBounded, Semaphore, DEFAULT_CONCURRENCY } from './concurrency.js';
export { createSshPool, defaultSshConnect, commandText } from './ssh.js';
export { batchScript, batchToken, splitBatch } from './batch.js';
export type { Batch, BatchSection } from './batch.js';
export type { SshPool, SshPoolOptions, SshCommand, ExecOptions, ExecResult, SshConnectFn } from './ssh.js';
export { LEGACY_ALGORITHMS } from './ssh-config.js';
export type { SshTarget } from './ssh-config.js';
export { createWeblogicClient } from './http.js';
export type { WeblogicClient, WeblogicClientOptions } from './http.js';
