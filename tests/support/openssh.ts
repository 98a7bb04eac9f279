/**
 * A real OpenSSH server for tests: Debian's sshd on a free 127.0.0.1 port, with a temporary
 * config, an ed25519 host key and a user key pair made by ssh-keygen in a temp dir. Used to test
 * the Linux host path against the real thing, not only against the lab's ssh2 servers.
 *
 *   const sshd = await startOpenSsh();   // throws OPENSSH_MISSING when sshd is not installed
 *   … connect to 127.0.0.1:sshd.port as sshd.user with sshd.keyPath, pin sshd.hostKeyFingerprint
 *   await sshd.stop();
 *
 * Tests use `opensshSkip()`: locally a missing sshd skips with the message; with CI=true it does
 * not skip, so startOpenSsh() throws and the test fails.
 */
import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fingerprintOfPublicKeyLine } from '../../src/transport/fingerprint.js';

/** Debian's sshd; OPSCTL_SSHD overrides it (e.g. to check the missing-sshd path). */
export const SSHD = process.env.OPSCTL_SSHD ?? '/usr/sbin/sshd';
export const OPENSSH_MISSING = `OpenSSH server not found at ${SSHD}: install it with \`apt-get install -y openssh-server\` (.ci/run does)`;

export interface OpenSsh {
  port: number;
  /** The current user, who the server lets in with `keyPath`. */
  user: string;
  /** Private key (OpenSSH format, mode 600) authorised for `user`. */
  keyPath: string;
  /** Its text, for a Secret. */
  privateKey: string;
  /** `SHA256:…` of the server's host key, to pin. */
  hostKeyFingerprint: string;
  dir: string;
  /** What sshd printed on stderr so far (LogLevel ERROR, so normally empty). */
  log(): string;
  stop(): Promise<void>;
}

export function sshdInstalled(): boolean {
  return existsSync(SSHD);
}

/** Skip reason for `describe.skipIf`: set only when sshd is missing and we are not in CI. */
export function opensshSkip(): boolean {
  const skip = !sshdInstalled() && process.env.CI !== 'true';
  if (skip) console.warn(`skipping real-OpenSSH tests: ${OPENSSH_MISSING}`);
  return skip;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

function keygen(path: string, comment: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path], { stdio: 'ignore' });
}

export interface StartOpenSshOptions {
  /** Extra sshd_config lines. */
  extraConfig?: string[];
  startTimeoutMs?: number;
}

export async function startOpenSsh(options: StartOpenSshOptions = {}): Promise<OpenSsh> {
  if (!sshdInstalled()) throw new Error(OPENSSH_MISSING);
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 }); // privilege-separation dir sshd insists on
  const dir = mkdtempSync(join(tmpdir(), 'opsctl-sshd-'));
  chmodSync(dir, 0o755);
  const hostKey = join(dir, 'ssh_host_ed25519_key');
  const userKey = join(dir, 'id_ed25519');
  keygen(hostKey, 'opsctl-test-host');
  keygen(userKey, 'opsctl-test-user');
  const authorized = join(dir, 'authorized_keys');
  writeFileSync(authorized, readFileSync(`${userKey}.pub`), { mode: 0o644 });
  const port = await freePort();
  const config = join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      'ListenAddress 127.0.0.1',
      `Port ${port}`,
      `HostKey ${hostKey}`,
      `AuthorizedKeysFile ${authorized}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      'UsePAM no',
      'StrictModes no',
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'MaxSessions 10',
      'AllowTcpForwarding yes',
      'Subsystem sftp internal-sftp',
      'LogLevel ERROR',
      ...(options.extraConfig ?? []),
      '',
    ].join('\n'),
  );
  let stderr = '';
  const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const deadline = Date.now() + (options.startTimeoutMs ?? 10_000);
  while (!(await accepts(port))) {
    if (exited !== undefined || Date.now() > deadline) {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`sshd did not start on 127.0.0.1:${port} (exit ${String(exited)}): ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    user: userInfo().username,
    keyPath: userKey,
    privateKey: readFileSync(userKey, 'utf8'),
    hostKeyFingerprint: fingerprintOfPublicKeyLine(readFileSync(`${hostKey}.pub`, 'utf8')),
    dir,
    log: () => stderr,
    stop: async () => {
      if (exited === undefined) {
        const gone = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        await Promise.race([gone, new Promise((r) => setTimeout(r, 3000))]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
