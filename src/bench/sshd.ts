/**
 * N real OpenSSH endpoints on loopback for bench (d): Debian sshd processes listening on N ports
 * of 127.0.0.1 (one `Port` line each; sshd takes at most 16 listen sockets, so ⌈N/16⌉
 * processes), a fresh ed25519 host key and client key (ssh-keygen) in a temp dir, the config of
 * tests/support/openssh.ts plus MaxStartups/MaxSessions high enough that N concurrent clients
 * are not throttled. Every endpoint presents the same host key.
 *
 * `SetEnv SHLVL=1`: sessions log in as the user running the bench, whose login shell is bash, and
 * bash sources ~/.bashrc for a command run by sshd only as a top-level shell (SHLVL unset). On the
 * project's machines root's ~/.bashrc runs `pyenv init` / `pyenv virtualenv-init` (≈170
 * processes, and `pyenv rehash` under a lock file that serializes concurrent sessions), which
 * made every SSH session cost 0.2–2 s and drowned both tools' own work in the comparison. An
 * estate host's service account runs no such rc file; SHLVL=1 keeps it out of every session here,
 * Ansible's and opsctl's alike (the setting is the server's, not either client's).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fingerprintOfPublicKeyLine } from '../transport/index.js';
import { background, type Background } from './proc.js';

const MAX_PORTS = 16; // OpenSSH's MAX_LISTEN_SOCKS

export const SSHD = '/usr/sbin/sshd';

export interface LoopbackSshd {
  ports: number[];
  user: string;
  keyPath: string;
  hostKeyLine: string;
  hostKeyFingerprint: string;
  dir: string;
  stop(): Promise<void>;
}

async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: n }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => resolve(s));
  })));
  const ports = servers.map((s) => { const a = s.address(); return typeof a === 'object' && a ? a.port : 0; });
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

let answered = new Set<number>();
function probe(port: number): void {
  const s = createConnection({ host: '127.0.0.1', port });
  s.once('connect', () => { answered.add(port); s.destroy(); });
  s.once('error', () => s.destroy());
}

export async function startLoopbackSshd(n: number): Promise<LoopbackSshd> {
  if (!existsSync(SSHD)) throw new Error(`OpenSSH server not found at ${SSHD}: apt-get install -y openssh-server`);
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const dir = mkdtempSync(join(tmpdir(), 'opsctl-bench-sshd-'));
  chmodSync(dir, 0o755);
  const hostKey = join(dir, 'ssh_host_ed25519_key');
  const keyPath = join(dir, 'id_ed25519');
  for (const [p, c] of [[hostKey, 'bench-host'], [keyPath, 'bench-user']] as const) execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', c, '-f', p], { stdio: 'ignore' });
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(`${keyPath}.pub`), { mode: 0o644 });
  const ports = await freePorts(n);
  const groups: number[][] = [];
  for (let i = 0; i < ports.length; i += MAX_PORTS) groups.push(ports.slice(i, i + MAX_PORTS));
  answered = new Set();
  const servers: Background[] = [];
  const stopAll = async (): Promise<void> => { await Promise.all(servers.splice(0).map((s) => s.stop())); };
  try {
    for (const [g, group] of groups.entries()) {
      const config = join(dir, `sshd_config.${g}`);
      writeFileSync(config, [
        'ListenAddress 127.0.0.1',
        ...group.map((p) => `Port ${p}`),
        `HostKey ${hostKey}`,
        `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
        `PidFile ${join(dir, `sshd.${g}.pid`)}`,
        'UsePAM no', 'StrictModes no', 'PermitRootLogin prohibit-password', 'PasswordAuthentication no',
        'KbdInteractiveAuthentication no', 'MaxSessions 64', `MaxStartups ${Math.max(100, 4 * n)}`,
        'AllowTcpForwarding yes', 'Subsystem sftp internal-sftp', 'LogLevel ERROR', 'SetEnv SHLVL=1', '',
      ].join('\n'));
      servers.push(await background(SSHD, ['-D', '-e', '-f', config], {
        timeoutMs: 10_000,
        ready: () => { for (const p of group) if (!answered.has(p)) probe(p); return group.every((p) => answered.has(p)); },
      }));
    }
  } catch (err) {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const hostKeyLine = readFileSync(`${hostKey}.pub`, 'utf8').trim();
  return {
    ports,
    user: userInfo().username,
    keyPath,
    hostKeyLine,
    hostKeyFingerprint: fingerprintOfPublicKeyLine(hostKeyLine),
    dir,
    stop: async () => {
      await stopAll();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
