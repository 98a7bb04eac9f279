/**
 * The lab issue's acceptance, as an operator would check it: `opsctl lab serve` running in its
 * own process; Debian's OpenSSH client logs into a lab AIX host (host key pinned from the lab
 * inventory's public key, StrictHostKeyChecking=yes) and `df -g` prints AIX format; curl with
 * basic auth and X-Requested-By gets the server runtimes JSON from the lab's WebLogic, and the
 * same request without the header is refused as WebLogic refuses it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labHostKey } from '../../src/lab/hostkeys.js';
import { CLI, copyRepo } from '../scenario/support.js';

const run = promisify(execFile);
const HAVE = ['/usr/bin/ssh', '/usr/bin/curl'].every((p) => existsSync(p)) && existsSync(CLI);
const why = 'needs the built CLI, /usr/bin/ssh and /usr/bin/curl (.ci/run installs openssh-client and curl)';
if (!HAVE && process.env['CI'] === 'true') throw new Error(why);

interface Endpoints { ssh: Record<string, { port: number }>; weblogic: Record<string, { port: number }> }

describe.skipIf(!HAVE)('opsctl lab serve, reached with OpenSSH and curl', () => {
  let dir: string;
  let serve: ChildProcess;
  let endpoints: Endpoints;

  beforeAll(async () => {
    dir = copyRepo();
    await run(process.execPath, [CLI, '--repo', dir, 'lab', 'reset']);
    serve = spawn(process.execPath, [CLI, '--repo', dir, 'lab', 'serve'], { stdio: 'ignore' });
    const file = join(dir, '.lab/endpoints.json');
    for (let i = 0; i < 600 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
    endpoints = (JSON.parse(readFileSync(file, 'utf8')) as { endpoints: Endpoints }).endpoints;
  }, 120_000);

  afterAll(async () => {
    if (!serve) return;
    const exited = new Promise((r) => serve.once('exit', r));
    serve.kill('SIGTERM');
    await exited;
    expect(existsSync(join(dir, '.lab/endpoints.json'))).toBe(false);
  });

  it('lab status --json sees the running server: 39 hosts (26 application, 13 database), five domains', async () => {
    const { stdout } = await run(process.execPath, [CLI, '--repo', dir, 'lab', 'status', '--json']);
    const status = JSON.parse(stdout) as { counts: { hosts: number; application: number; database: number }; hosts: unknown[]; domains: unknown[]; server: { running: boolean } };
    expect(status.counts).toMatchObject({ hosts: 39, application: 26, database: 13, domains: 5 });
    expect(status.hosts).toHaveLength(39);
    expect(status.domains).toHaveLength(5);
    expect(status.server.running).toBe(true);
  });

  it('an OpenSSH client logs into a lab AIX host with the pinned key, and df -g prints AIX format', async () => {
    const host = 'hall-web-01';
    const port = endpoints.ssh[host]!.port;
    const known = join(dir, 'known_hosts');
    writeFileSync(known, `[127.0.0.1]:${port} ${labHostKey(host).publicKey}\n`);
    const args = ['-i', join(dir, '.lab/keys/id_ed25519'), '-p', String(port), '-o', `UserKnownHostsFile=${known}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', 'opsctl@127.0.0.1'];
    const { stdout } = await run('/usr/bin/ssh', [...args, 'df -g']);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^Filesystem\s+GB blocks\s+Free %Used\s+Iused %Iused Mounted on$/);
    expect(lines.some((l) => /^\/dev\/hd4\s+\d+\.\d\d\s+\d+\.\d\d\s+\d+%\s+\d+\s+\d+%\s+\/$/.test(l))).toBe(true);
    const { stdout: level } = await run('/usr/bin/ssh', [...args, 'oslevel -s']);
    expect(level.trim()).toMatch(/^\d{4}-\d\d-\d\d-\d{4}$/);
  });

  it('curl with basic auth and X-Requested-By gets the server runtimes; without the header WebLogic refuses', async () => {
    const port = endpoints.weblogic['hall']!.port;
    const password = readFileSync(join(dir, '.lab/secrets/weblogic'), 'utf8').trim();
    const url = `http://127.0.0.1:${port}/management/weblogic/latest/domainRuntime/serverRuntimes?links=none&fields=name,state,healthState`;
    const curl = (...extra: string[]) => run('/usr/bin/curl', ['-s', '-w', '\n%{http_code}', '-u', `weblogic:${password}`, ...extra, url]);
    const ok = (await curl('-H', 'X-Requested-By: x')).stdout.split('\n');
    expect(ok.at(-1)).toBe('200');
    const body = JSON.parse(ok.slice(0, -1).join('\n')) as { items: Array<{ name: string; state: string }> };
    expect(body.items.map((s) => s.name)).toContain('hall_ms01');
    expect(body.items.every((s) => s.state === 'RUNNING')).toBe(true);
    const refused = (await curl()).stdout.split('\n');
    expect(refused.at(-1)).toBe('400');
    const noAuth = await run('/usr/bin/curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-H', 'X-Requested-By: x', url]);
    expect(noAuth.stdout).toBe('401');
  });
});
