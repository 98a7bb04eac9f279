import { describe, expect, it } from 'vitest';
import { parseShell, ShellSyntaxError } from '../../../src/lab/shell/index.js';
import type { Script, SimpleCommand, Word } from '../../../src/lab/shell/index.js';

/** Literal rendering of a word for assertions: quoted text as is, $VAR as ${VAR}, $(…) as $(…). */
function w(word: Word): string {
  return word.segs.map((s) => (s.t === 'lit' ? s.v : s.t === 'var' ? `\${${s.name}}` : '$(…)')).join('');
}
function first(src: string): SimpleCommand {
  const c = parseShell(src).items[0]?.first.commands[0];
  if (!c) throw new Error('no command');
  return c;
}
const words = (src: string): string[] => first(src).words.map(w);

describe('shell-word parser: quoting', () => {
  it('splits on blanks and keeps single quotes literal', () => {
    expect(words(`echo a  b\t'c d' '$HOME' 'x;y|z'`)).toEqual(['echo', 'a', 'b', 'c d', '$HOME', 'x;y|z']);
  });
  it('double quotes allow \\ escapes of $ ` " \\ only', () => {
    expect(words(String.raw`echo "a \$b \"c\" \\ \n"`)).toEqual(['echo', 'a $b "c" \\ \\n']);
  });
  it('expands variables in double quotes but not in single quotes', () => {
    const c = first(`echo "$A-\${B}" '$C'`);
    expect(c.words.map(w)).toEqual(['echo', '${A}-${B}', '$C']);
    expect(c.words[1]?.segs.every((s) => s.q)).toBe(true);
  });
  it('backslash outside quotes escapes one character; backslash-newline joins lines', () => {
    expect(words('echo a\\ b \\; c\\\nd')).toEqual(['echo', 'a b', ';', 'cd']);
  });
  it('adjacent quoted parts make one word', () => {
    expect(words(`echo 'a'"b"c`)).toEqual(['echo', 'abc']);
  });
  it('an empty quoted string is an argument', () => {
    expect(words(`printf '%s' ''`)).toEqual(['printf', '%s', '']);
  });
  it('unterminated quotes are syntax errors', () => {
    expect(() => parseShell(`echo 'abc`)).toThrow(new ShellSyntaxError('syntax error: unterminated quoted string'));
    expect(() => parseShell('echo "abc')).toThrow(/unterminated quoted string/);
    expect(() => parseShell('echo $(id')).toThrow(/unterminated/);
    expect(() => parseShell('echo `id')).toThrow(/unterminated/);
  });
  it('comments start only at the beginning of a word', () => {
    expect(words('echo a#b # comment ; rm x')).toEqual(['echo', 'a#b']);
    expect(parseShell('echo a # c; rm -rf /').items).toHaveLength(1);
  });
});

describe('shell-word parser: operators and structure', () => {
  const shape = (s: Script): string[][][] => s.items.map((i) => [i.first, ...i.rest.map((r) => r.pipeline)].map((p) => p.commands.map((c) => c.words.map(w).join(' '))));
  it('; && || | and newlines', () => {
    const s = parseShell('a 1; b && c || d | e\nf');
    expect(shape(s)).toEqual([[['a 1']], [['b'], ['c'], ['d', 'e']], [['f']]]);
    expect(s.items[1]?.rest.map((r) => r.op)).toEqual(['&&', '||']);
  });
  it('operators need no spaces and quoted operators are words', () => {
    expect(shape(parseShell("a&&b;c|d '|' \";\""))).toEqual([[['a'], ['b']], [['c', "d | ;"]]]);
  });
  it('redirections with fds, dups and appends', () => {
    const c = first('cmd >out 2>>err <in 2>&1 >/dev/null 3> x');
    expect(c.words.map(w)).toEqual(['cmd']);
    expect(c.redirects.map((r) => [r.fd, r.op, w(r.target)])).toEqual([
      [1, '>', 'out'], [2, '>>', 'err'], [0, '<', 'in'], [2, '>&', '1'], [1, '>', '/dev/null'], [3, '>', 'x'],
    ]);
  });
  it('a digit not touching > is an argument', () => {
    expect(words('echo 2 >x')).toEqual(['echo', '2']);
  });
  it('leading NAME=value assignments, and = later is an argument', () => {
    const c = first('ORACLE_SID=CORE1 LANG=C sqlplus -s a=b');
    expect(c.assigns.map((a) => [a.name, w(a.value)])).toEqual([['ORACLE_SID', 'CORE1'], ['LANG', 'C']]);
    expect(c.words.map(w)).toEqual(['sqlplus', '-s', 'a=b']);
  });
  it('command substitution $(…) and backticks parse recursively', () => {
    const c = first('echo $(hostname; echo ")") `id -u`');
    const sub = c.words[1]?.segs[0];
    expect(sub?.t).toBe('sub');
    if (sub?.t === 'sub') expect(sub.script.items).toHaveLength(2);
    expect(c.words[2]?.segs[0]?.t).toBe('sub');
  });
  it('rejects subshells, dangling operators and arithmetic', () => {
    for (const bad of ['(id)', 'echo \\$(id\\)', 'a &&', '| a', 'a ;; b', 'echo $((1+2))', 'a >']) expect(() => parseShell(bad), bad).toThrow(ShellSyntaxError);
  });
});

describe('shell-word parser: here-documents', () => {
  it('unquoted delimiter: body with expansions', () => {
    const s = parseShell('sqlplus -s / <<EOF\nselect $X from dual;\nEOF\necho after');
    const r = s.items[0]?.first.commands[0]?.redirects[0];
    expect(r?.op).toBe('<<');
    expect(r && w(r.target)).toBe('select ${X} from dual;\n');
    expect(s.items).toHaveLength(2);
  });
  it("quoted delimiter: body literal, $ and ` untouched", () => {
    const r = first("cat <<'EOF'\n$HOME `id` \\$x\nEOF").redirects[0];
    expect(r?.target.segs).toEqual([{ t: 'lit', v: '$HOME `id` \\$x\n', q: true }]);
  });
  it('<<- strips leading tabs, including before the delimiter', () => {
    const r = first('cat <<-END\n\t\tone\n\ttwo\n\tEND').redirects[0];
    expect(r && w(r.target)).toBe('one\ntwo\n');
  });
  it('two here-documents on one line are read in order', () => {
    const c = first('cmd <<A 3<<B\na\nA\nb\nB');
    expect(c.redirects.map((r) => w(r.target))).toEqual(['a\n', 'b\n']);
  });
  it('a here-document followed by a pipe and further commands', () => {
    const s = parseShell("cat <<'X' | grep b\na\nb\nX\necho done");
    expect(s.items[0]?.first.commands).toHaveLength(2);
    expect(s.items[1]?.first.commands[0]?.words.map(w)).toEqual(['echo', 'done']);
  });
});

describe('shell-word parser: injection strings stay data', () => {
  it.each([
    [`cat '/tmp/a; rm -rf ~'`, ['cat', '/tmp/a; rm -rf ~']],
    [`echo '$(id)'`, ['echo', '$(id)']],
    [`echo '\`id\`'`, ['echo', '`id`']],
    [`grep -e 'x" && rm -rf / #' f`, ['grep', '-e', 'x" && rm -rf / #', 'f']],
    [`echo "a'; rm -rf /; echo '"`, ['echo', "a'; rm -rf /; echo '"]],
    [`echo 'it'\\''s'`, ['echo', "it's"]],
    [`echo \\$\\(id\\)`, ['echo', '$(id)']],
  ])('%s', (src, expected) => {
    const s = parseShell(src);
    expect(s.items).toHaveLength(1);
    expect(s.items[0]?.rest).toHaveLength(0);
    expect(s.items[0]?.first.commands).toHaveLength(1);
    expect(s.items[0]?.first.commands[0]?.words.map(w)).toEqual(expected);
  });
});
