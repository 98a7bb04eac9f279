/**
 * The lab's SSH hosts (ssh2 Server on loopback): key and password authentication, exec through
 * the lab shell, an interactive line shell, SFTP over the virtual files, and the host-down,
 * auth-fail, hostkey-changed, slow and command-hangs faults. Owns src/lab/ssh/**; the only lab
 * folder besides src/lab/ that imports ssh2. Never imports cli/.
 */
export { startSshHost, type SshHost, type SshHostOptions } from './server.js';
export { parseAuthorizedKeys } from './auth.js';
export { readsStdin } from './stdin.js';
