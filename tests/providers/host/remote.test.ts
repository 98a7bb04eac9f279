// Small pure pieces: mode from `ls -l` (special bits, SELinux dot), matching `ls -ld` lines to
// paths, marked crontab entries and their rewrite, quoting of the commands sent to the host.
import { describe, expect, it } from 'vitest';
import { markedEntries, rewriteCrontab } from '../../../src/providers/host/cron.js';
import { fileReadCommand, modeFromLs, parseLsLd, asUser } from '../../../src/providers/host/remote.js';
import type { Host } from '../../../src/model/index.js';

const aix = { name: 'h1', address: '127.0.0.1', os: 'aix', roles: ['ops'], zone: 'z', ssh: { user: 'opsctl', credential: 'env:X' } } as Host;

describe('ls -ld', () => {
  it.each([
    ['-rw-r--r--', '0644'],
    ['-rwxr-x---', '0750'],
    ['-rwsr-xr-x', '4755'],
    ['-rwxr-s---', '2750'],
    ['drwxrwxrwt', '1777'],
    ['-rw-r--r--.', '0644'],
    ['-rwSr--r--+', '4644'],
  ])('%s → %s', (text, mode) => expect(modeFromLs(text)).toBe(mode));

  it('matches lines to paths whatever order ls sorted them in (AIX and GNU layouts)', () => {
    const out = '-rwxr-x---    1 weblogic weblogic       1234 Nov 20 10:00 /weblogic/a b.sh\n-rw-r--r--. 1 root root 88 Nov 20 10:00 /etc/motd\n';
    expect(Object.fromEntries(parseLsLd(out, ['/etc/motd', '/weblogic/a b.sh', '/gone']))).toEqual({
      '/etc/motd': { mode: '0644', owner: 'root', group: 'root' },
      '/weblogic/a b.sh': { mode: '0750', owner: 'weblogic', group: 'weblogic' },
    });
  });
});

describe('marked crontab entries', () => {
  const tab = ['0 3 * * * /usr/sbin/skulker', '# opsctl: nmon', '0 0 * * * /usr/bin/nmon -f  -t', '# opsctl: broken', '# a comment'];
  it('reads entries after their marker, schedule normalised', () => {
    expect(Object.fromEntries(markedEntries(tab))).toEqual({ nmon: { schedule: '0 0 * * *', command: '/usr/bin/nmon -f  -t' } });
  });
  it('replaces in place, appends, removes, and keeps every other line', () => {
    expect(rewriteCrontab(tab, 'nmon', { schedule: '5 0 * * *', command: 'x' })).toEqual(['0 3 * * * /usr/sbin/skulker', '# opsctl: nmon', '5 0 * * * x', '# opsctl: broken', '# a comment']);
    expect(rewriteCrontab(tab, 'new', { schedule: '1 2 3 4 5', command: 'y' }).slice(-2)).toEqual(['# opsctl: new', '1 2 3 4 5 y']);
    expect(rewriteCrontab(tab, 'nmon', undefined)).toEqual(['0 3 * * * /usr/sbin/skulker', '# opsctl: broken', '# a comment']);
  });
});

describe('commands', () => {
  it('quotes every path and escalates with sudo -n', () => {
    const cmd = fileReadCommand(aix, ["/etc/it's here", '/x;rm -rf /']);
    expect(cmd).toEqual(['sudo', '-n', 'sh', '-c', "'csum' '-h' 'SHA256' '/etc/it'\\''s here' '/x;rm -rf /'; 'echo' '--opsctl-files-ls--'; 'ls' '-ld' '/etc/it'\\''s here' '/x;rm -rf /'"]);
    expect(asUser(aix, ['crontab', '-l'], 'oracle')).toEqual(['sudo', '-n', '-u', 'oracle', 'crontab', '-l']);
    expect(asUser({ ...aix, ssh: { ...aix.ssh, user: 'root' } }, ['no', '-a'])).toEqual(['no', '-a']);
  });
});
