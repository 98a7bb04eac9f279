import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runShell } from '../../../src/lab/shell/index.js';
import { memoryStore, type LabStore } from '../../../src/lab/state/store.js';
import { fixtureState } from '../ssh/fixture-state.js';

const NOW = new Date('2026-11-27T04:00:00Z');
const run = (store: LabStore, line: string, host = 'app01', user = 'opsctl', stdin?: string) =>
  runShell(line, { store, host, user, now: NOW, env: {}, cwd: '', stdin });
const files = (store: LabStore, host = 'app01') => store.read().hosts[host]?.files ?? {};

describe('file commands on the virtual filesystem', () => {
  it('cp, mv, rm, mkdir -p, chmod, chown (root only), touch', async () => {
    const s = memoryStore(fixtureState());
    const r = await run(s, 'mkdir -p /tmp/x/y && cp notes.txt /tmp/x/y/ && mv /tmp/x/y/notes.txt /tmp/x/n && chmod 600 /tmp/x/n && touch /tmp/x/t');
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(files(s)['/tmp/x/n']).toMatchObject({ content: 'alpha\nbeta\ngamma\nbeta\n', mode: '0600' });
    expect(files(s)['/tmp/x/t']?.content).toBe('');
    expect((await run(s, 'chown oracle:dba /tmp/x/n')).exitCode).toBe(1);
    expect((await run(s, 'chown oracle:dba /tmp/x/n', 'app01', 'root')).exitCode).toBe(0);
    expect(files(s)['/tmp/x/n']).toMatchObject({ owner: 'oracle', group: 'dba' });
    expect((await run(s, 'rm /tmp/x')).exitCode).toBe(2);
    expect((await run(s, 'rm -r /tmp/x && test -d /tmp/x || echo gone')).stdout).toBe('gone\n');
    expect((await run(s, 'rm /tmp/nothing')).stderr).toBe('rm: /tmp/nothing: A file or directory in the path name does not exist.\n');
    expect((await run(s, 'rm -f /tmp/nothing')).exitCode).toBe(0);
  });

  it('mv renames a directory with everything under it (the remote apply lock is taken over this way)', async () => {
    const s = memoryStore(fixtureState());
    expect((await run(s, 'mkdir -p /var/opt/l.d/sub && echo lease > /var/opt/l.d/lease.json && echo x > /var/opt/l.d/sub/f')).exitCode).toBe(0);
    expect(await run(s, 'mv /var/opt/l.d /var/opt/l.d.aside')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(files(s)['/var/opt/l.d.aside/lease.json']?.content).toBe('lease\n');
    expect(files(s)['/var/opt/l.d.aside/sub/f']?.content).toBe('x\n');
    expect((await run(s, 'test -d /var/opt/l.d || echo gone')).stdout).toBe('gone\n');
    expect((await run(s, 'mkdir /var/opt/l.d')).exitCode).toBe(0);
    expect((await run(s, 'mv /var/opt/l.d.aside /var/opt/l.d')).exitCode).toBe(0);
    expect(files(s)['/var/opt/l.d/l.d.aside/sub/f']?.content).toBe('x\n');
    expect((await run(s, 'mv /var/opt/l.d /var/opt/l.d/l.d.aside')).exitCode).toBe(1);
  });

  it('ls -l formats mode, owner, size and date', async () => {
    const s = memoryStore(fixtureState());
    const out = (await run(s, 'ls -l /weblogic/domains/hall/servers/hall_ms1/logs')).stdout.split('\n');
    expect(out[0]).toBe('total 8');
    expect(out[1]).toMatch(/^-rw-r--r-- +1 weblogic +staff +\d+ Nov 20 16:00 hall_ms1\.log$/);
    expect((await run(s, 'ls /home/opsctl')).stdout).toBe('notes.txt\n');
    expect((await run(s, 'ls -l /etc/hosts', 'lnx01')).stdout).toMatch(/^-rw-r--r-- 1 root staff +\d+ Nov 20 16:00 \/etc\/hosts\n$/);
  });

  it('checksums: sha256sum, csum -h SHA256, cksum (POSIX CRC)', async () => {
    const s = memoryStore(fixtureState());
    const hex = createHash('sha256').update('alpha\nbeta\ngamma\nbeta\n').digest('hex');
    expect((await run(s, 'sha256sum /home/opsctl/notes.txt', 'lnx01')).stdout).toBe(`${hex}  /home/opsctl/notes.txt\n`);
    expect((await run(s, 'csum -h SHA256 /home/opsctl/notes.txt')).stdout).toBe(`${hex} /home/opsctl/notes.txt\n`);
    // `printf 'hello\n' | cksum` on GNU coreutils prints 3015617425 6
    expect((await run(s, "printf 'hello\\n' | cksum")).stdout).toBe('3015617425 6\n');
  });

  it('grep -E -i -c -v -n -l and BRE groups', async () => {
    const s = memoryStore(fixtureState());
    const log = '/weblogic/domains/hall/servers/hall_ms1/logs/hall_ms1.log';
    expect((await run(s, `grep -c '<Error>' ${log}`)).stdout).toBe('1\n');
    expect((await run(s, `grep -E 'BEA-0003(37|65)' ${log} | wc -l`)).stdout).toBe('2\n');
    expect((await run(s, 'grep -n -i BETA notes.txt')).stdout).toBe('2:beta\n4:beta\n');
    expect((await run(s, 'grep -v a notes.txt')).exitCode).toBe(1);
    expect((await run(s, "grep 'b\\(et\\)a' notes.txt | head -1")).stdout).toBe('beta\n');
    expect((await run(s, `grep -l BEA ${log} notes.txt`)).stdout).toBe(`${log}\n`);
  });

  it('text tools: head, tail, cut, sed, wc, echo, printf, test', async () => {
    const s = memoryStore(fixtureState());
    expect((await run(s, 'tail -n 2 notes.txt | head -1')).stdout).toBe('gamma\n');
    expect((await run(s, "echo a:b:c | cut -d: -f2,3")).stdout).toBe('b:c\n');
    expect((await run(s, "sed -n '2p' notes.txt")).stdout).toBe('beta\n');
    expect((await run(s, "sed 's/beta/[&]/g' notes.txt | grep b")).stdout).toBe('[beta]\n[beta]\n');
    expect((await run(s, 'wc -l < notes.txt')).stdout).toBe('4\n');
    expect((await run(s, "printf '%-5s|%3d\\n' ab 7")).stdout).toBe('ab   |  7\n');
    expect((await run(s, '[ -f notes.txt ] && [ ! -d notes.txt ] && test 3 -gt 2 && echo ok')).stdout).toBe('ok\n');
  });

  it('tee, find -name -mtime, gzip', async () => {
    const s = memoryStore(fixtureState());
    expect((await run(s, 'echo hi | tee /tmp/t1')).stdout).toBe('hi\n');
    expect(files(s)['/tmp/t1']?.content).toBe('hi\n');
    expect((await run(s, "find /weblogic -name '*.log' -mtime +5")).stdout).toBe('/weblogic/domains/hall/servers/hall_ms1/logs/hall_ms1.log\n');
    expect((await run(s, "find /weblogic -name '*.log' -mtime +30")).stdout).toBe('');
    await run(s, 'gzip /tmp/t1');
    expect(Object.keys(files(s)).filter((f) => f.startsWith('/tmp/t1'))).toEqual(['/tmp/t1.gz']);
  });

  it('crontab -l, replace from stdin, -u for root only', async () => {
    const s = memoryStore(fixtureState());
    expect((await run(s, 'crontab -l')).stdout).toBe('0 2 * * * /home/opsctl/cleanup.sh\n');
    expect((await run(s, 'crontab -', 'app01', 'opsctl', '5 1 * * * /x.sh\n')).exitCode).toBe(0);
    expect(s.read().hosts.app01?.crontab.opsctl).toEqual(['5 1 * * * /x.sh']);
    expect((await run(s, 'crontab -l -u oracle')).exitCode).toBe(1);
    expect((await run(s, "echo '1 1 * * * /y' | crontab -u oracle -", 'app01', 'root')).exitCode).toBe(0);
    expect((await run(s, 'crontab -u oracle -l', 'app01', 'root')).stdout).toBe('1 1 * * * /y\n');
    expect((await run(s, "echo 'bad line' | crontab -")).exitCode).toBe(1);
  });

  it('java/sqlplus/lsnrctl are wired lazily to the other responders', async () => {
    const s = memoryStore(fixtureState());
    for (const line of ['lsnrctl status', 'sqlplus -s / <<EOF\nexit\nEOF', 'java weblogic.WLST /tmp/none.py']) {
      const r = await run(s, line);
      expect(r.stderr, line).not.toMatch(/lab responder .* is not available/);
    }
  });
});
