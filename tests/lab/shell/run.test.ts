import { describe, expect, it } from 'vitest';
import { runShell } from '../../../src/lab/shell/index.js';
import { memoryStore, type LabStore } from '../../../src/lab/state/store.js';
import { fixtureState } from '../ssh/fixture-state.js';

const NOW = new Date('2026-11-27T04:00:00Z');

function lab(mutate?: (s: ReturnType<typeof fixtureState>) => void): LabStore {
  const s = fixtureState();
  mutate?.(s);
  return memoryStore(s);
}
function sh(store: LabStore, line: string, host = 'app01', extra: { stdin?: string; user?: string; signal?: AbortSignal } = {}) {
  return runShell(line, { store, host, user: extra.user ?? 'opsctl', now: NOW, env: {}, cwd: '', stdin: extra.stdin, signal: extra.signal });
}

describe('lab shell interpreter', () => {
  it('runs pipelines, passing stdout to stdin', async () => {
    const r = await sh(lab(), 'cat notes.txt | sort | uniq -c | sort -rn | head -1');
    expect(r).toEqual({ stdout: '      2 beta\n', stderr: '', exitCode: 0 });
  });

  it('&& and || follow exit statuses; $? is the last status', async () => {
    const r = await sh(lab(), 'false && echo no || echo yes; echo $?; grep nothing notes.txt; echo "st=$?"');
    expect(r.stdout).toBe('yes\n0\nst=1\n');
  });

  it('unknown commands fail like the host shell (exit 127)', async () => {
    expect(await sh(lab(), 'frobnicate -x')).toEqual({ stdout: '', stderr: 'ksh: frobnicate:  not found.\n', exitCode: 127 });
    expect(await sh(lab(), 'frobnicate', 'lnx01')).toEqual({ stdout: '', stderr: 'bash: frobnicate: command not found\n', exitCode: 127 });
    expect((await sh(lab(), 'svmon -G', 'lnx01')).exitCode).toBe(127);
    expect((await sh(lab(), 'free -m')).exitCode).toBe(127);
  });

  it('resolves commands by basename', async () => {
    expect((await sh(lab(), '/usr/sbin/no -o tcp_sendspace')).stdout).toBe('tcp_sendspace = 262144\n');
  });

  it('syntax errors exit 2 and run nothing', async () => {
    const store = lab();
    const r = await sh(store, "touch /tmp/x; echo 'oops");
    expect(r).toEqual({ stdout: '', stderr: 'sh: syntax error: unterminated quoted string\n', exitCode: 2 });
    expect(store.read().hosts.app01?.files['/tmp/x']).toBeUndefined();
  });

  it('injection strings are data: a file named with ; is read, nothing else runs', async () => {
    const store = lab();
    const before = Object.keys(store.read().hosts.app01?.files ?? {}).length;
    const r = await sh(store, "cat '/tmp/a; rm -rf ~'");
    expect(r).toEqual({ stdout: 'odd name\n', stderr: '', exitCode: 0 });
    expect(Object.keys(store.read().hosts.app01?.files ?? {})).toHaveLength(before);
    expect((await sh(store, "echo '$(id)' \"\\$(id)\"")).stdout).toBe('$(id) $(id)\n');
  });

  it('command substitution and variables expand when unquoted or double-quoted', async () => {
    const r = await sh(lab(), 'X="a  b"; echo $(whoami) "$X" $X ${UNSET:-dflt} `hostname`');
    expect(r.stdout).toBe('opsctl a  b a b dflt sbf-app01\n');
  });

  it('NAME=value before a command sets its environment only', async () => {
    const r = await sh(lab(), 'ORACLE_SID=CORE1 env | grep ORACLE_SID; echo "[$ORACLE_SID]"');
    expect(r.stdout).toBe('ORACLE_SID=CORE1\n[]\n');
  });

  it('redirects to and from virtual files; 2>&1 and 2>/dev/null', async () => {
    const store = lab();
    const r = await sh(store, 'echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/nope 2>/dev/null; cat /tmp/nope > /tmp/e 2>&1; sort -r < /tmp/f');
    expect(r.stdout).toBe('two\none\n');
    expect(r.stderr).toBe('');
    expect(store.read().hosts.app01?.files['/tmp/f']?.content).toBe('one\ntwo\n');
    expect(store.read().hosts.app01?.files['/tmp/e']?.content).toMatch(/cat: 0652-050 Cannot open \/tmp\/nope/);
  });

  it('here-documents feed stdin; a quoted delimiter prevents expansion', async () => {
    const r = await sh(lab(), "X=1; cat <<EOF\nx=$X\nEOF\ncat <<'EOF'\nx=$X\nEOF");
    expect(r.stdout).toBe('x=1\nx=$X\n');
  });

  it('cd changes the directory for the rest of the line', async () => {
    const r = await sh(lab(), 'cd /weblogic/domains/hall/servers/hall_ms1/logs && grep -c BEA-000337 hall_ms1.log; pwd=$PWD; echo $pwd; cd /nope');
    expect(r.stdout).toBe('1\n/weblogic/domains/hall/servers/hall_ms1/logs\n');
    expect(r.exitCode).toBe(1);
  });

  it('disk-full: writes fail with the OS message, df shows 100 %', async () => {
    const store = lab((s) => s.faults.push({ name: 'disk-full', target: 'app01:/tmp', since: NOW.toISOString() }));
    const r = await sh(store, 'echo x > /tmp/new');
    expect(r).toEqual({ stdout: '', stderr: 'ksh: /tmp/new: There is not enough space in the file system.\n', exitCode: 1 });
    expect((await sh(store, 'df -g /tmp')).stdout).toMatch(/\/dev\/hd3 +9\.00 +0\.00 +100%/);
    expect((await sh(store, 'echo x > /home/opsctl/ok')).exitCode).toBe(0);
    const linux = lab((s) => s.faults.push({ name: 'disk-full', target: 'lnx01', since: NOW.toISOString() }));
    expect((await sh(linux, 'echo x > /tmp/new', 'lnx01')).stderr).toBe('bash: /tmp/new: No space left on device\n');
  });

  it('command-hangs never answers until aborted', async () => {
    const store = lab((s) => s.faults.push({ name: 'command-hangs', target: 'app01', since: NOW.toISOString() }));
    const ac = new AbortController();
    let settled = false;
    const p = sh(store, 'uptime', 'app01', { signal: ac.signal }).finally(() => { settled = true; });
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    ac.abort();
    await expect(p).rejects.toThrow(/aborted/);
  });

  it('slow adds time per exec (target HOST:ms)', async () => {
    const store = lab((s) => s.faults.push({ name: 'slow', target: 'app01:120', since: NOW.toISOString() }));
    const t = Date.now();
    await sh(store, 'true');
    expect(Date.now() - t).toBeGreaterThanOrEqual(100);
  });

  it('exit stops the script with its status; sh -c runs nested lines', async () => {
    expect(await sh(lab(), 'echo a; exit 3; echo b')).toEqual({ stdout: 'a\n', stderr: '', exitCode: 3 });
    expect((await sh(lab(), `sh -c 'echo in; false'`)).exitCode).toBe(1);
  });

  it('sudo runs the command as root (sysctl -w needs root)', async () => {
    const store = lab();
    expect((await sh(store, 'sysctl -w vm.swappiness=1', 'lnx01')).exitCode).toBe(255);
    const r = await sh(store, 'sudo -n sysctl -w vm.swappiness=1 && sysctl -n vm.swappiness && cat /proc/sys/vm/swappiness', 'lnx01');
    expect(r.stdout).toBe('vm.swappiness = 1\n1\n1\n');
  });
});

describe('lab shell globbing', () => {
  it('expands unquoted * ? [..] against the virtual files; quoted or unmatched stays literal', async () => {
    const s = lab();
    expect((await sh(s, 'ls /weblogic/domains/*/servers/*/logs/*.log')).stdout).toBe('/weblogic/domains/hall/servers/hall_ms1/logs/hall_ms1.log\n');
    expect((await sh(s, 'echo not?s.tx[st] "*" /nope/*')).stdout).toBe('notes.txt * /nope/*\n');
    expect((await sh(s, 'X="*"; echo $X')).stdout).toBe('*\n');
  });
});
