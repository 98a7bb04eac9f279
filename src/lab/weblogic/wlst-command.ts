/**
 * `java weblogic.WLST [-skipWLSModuleScanning] SCRIPT|-` on a lab admin host: reads the script
 * (host file or stdin), parses the opsctl WLST dialect, runs it against the lab domain, and prints
 * what WLST prints (banner, command chatter, `OPSCTL-RESULT {json}` lines from emit()).
 * Uncaught errors print a Jython traceback on stderr and exit 1.
 */
import type { CommandHandler, CommandResult, ShellContext } from '../shell/types.js';
import { PyDict, PyError, PyFn, PyObj, evaluate, str, toJson } from './wlst-eval.js';
import type { Scope, Val } from './wlst-eval.js';
import { parseWlst, WlstSyntaxError } from './wlst-parse.js';
import type { Stmt } from './wlst-parse.js';
import { WlstSession } from './wlst-session.js';

const BANNER = '\nInitializing WebLogic Scripting Tool (WLST) ...\n\nWelcome to WebLogic Server Administration Scripting Shell\n\nType help() for help on available commands\n';
/** Functions the dialect's prelude defines; their `def` bodies are provided natively. */
export const PRELUDE_FUNCTIONS = new Set(['emit', '_opsctl_json']);

class Exit { constructor(readonly code: number) {} }

function arg(a: Val[], kw: Record<string, Val>, i: number, name: string): Val | undefined {
  return kw[name] ?? a[i];
}
const s = (v: Val | undefined): string | undefined => (v === undefined || v === null ? undefined : str(v));
const truthy = (v: Val | undefined): boolean => v === true || v === 1 || v === 'true';

function connect(w: WlstSession, ctx: ShellContext, a: Val[], kw: Record<string, Val>): void {
  const user = s(arg(a, kw, 0, 'username')) ?? '', password = s(arg(a, kw, 1, 'password')) ?? '', url = s(arg(a, kw, 2, 'url')) ?? 't3://localhost:7001';
  w.print(`Connecting to ${url} with userid ${user} ...`);
  const m = /^t3s?:\/\/([^:/]+):(\d+)$/.exec(url);
  const st = ctx.store.read();
  const here = st.hosts[ctx.host];
  const d = m && Object.values(st.domains).find((x) => x.adminPort === Number(m[2]) && x.adminHost === ctx.host && ['localhost', '127.0.0.1', ctx.host, here?.hostname].includes(m[1]));
  if (!d || d.servers[d.adminServer]?.state !== 'RUNNING') throw new PyError('WLSTException', `Error occured while performing connect : Error getting the initial context. There is no server running at ${url}`);
  if (user !== d.user || !w.checkPassword(d.name, password)) throw new PyError('WLSTException', `Error occured while performing connect : User: ${user}, failed to be authenticated.`);
  Object.assign(w, { domain: d.name, user, tree: 'serverConfig', cwd: [] });
  w.print(`Successfully connected to Admin Server '${d.adminServer}' that belongs to domain '${d.name}'.\n\nWarning: An insecure protocol was used to connect to the \nserver. To ensure on-the-wire security, the SSL port or \nAdmin port should be used instead.\n`);
}

function tree(w: WlstSession, t: WlstSession['tree'], text: string): Val {
  if (!w.domain) throw new PyError('WLSTException', 'You will need to be connected to a running server to execute this command');
  Object.assign(w, { tree: t, cwd: [] });
  w.print(`Location changed to ${t} tree. ${text}\nFor more help, use help(${t})\n`);
  return null;
}

function builtins(w: WlstSession, ctx: ShellContext, defined: Set<string>): Record<string, (a: Val[], kw: Record<string, Val>) => Val> {
  const targets = (v: Val | undefined): string[] | undefined => (v === undefined || v === null ? undefined : str(v).split(',').map((x) => x.trim()).filter(Boolean));
  return {
    connect: (a, kw) => { connect(w, ctx, a, kw); return null; },
    disconnect: () => { w.print(`Disconnected from weblogic server: ${w.domain ? ctx.store.read().domains[w.domain]?.adminServer : ''}`); w.domain = null; return null; },
    serverConfig: () => tree(w, 'serverConfig', 'This is a read-only tree with ServerMBean as the root.'),
    domainConfig: () => tree(w, 'domainConfig', 'This is a read-only tree with DomainMBean as the root.'),
    domainRuntime: () => tree(w, 'domainRuntime', 'This is a read-only tree with DomainMBean as the root.'),
    edit: () => tree(w, 'edit', 'This is a writable tree with DomainMBean as the root. To make changes you will need to start an edit session via startEdit().'),
    cd: (a) => { w.cd(s(a[0]) ?? '/'); return w.cmo(); },
    pwd: () => w.pwd(),
    ls: () => { w.ls(); return null; },
    get: (a) => w.get(s(a[0]) ?? ''),
    set: (a) => { w.set(s(a[0]) ?? '', a[1] ?? null); return null; },
    startEdit: () => { w.startEdit(); return null; },
    save: () => { w.print('Saving all your changes ...\nSaved all your changes successfully.'); return null; },
    activate: () => { w.activate(); return null; },
    cancelEdit: () => { w.cancelEdit(); return null; },
    isRestartRequired: () => w.isRestartRequired(),
    start: (a) => { w.lifecycle(s(a[0]) ?? '', 'start'); return null; },
    shutdown: (a, kw) => { w.lifecycle(s(a[0]) ?? '', truthy(kw.force) ? 'forceShutdown' : 'shutdown'); return null; },
    state: (a) => { w.state(s(a[0]) ?? ''); return null; },
    deploy: (a, kw) => { w.deploy('deploy', s(a[0]) ?? '', { sourcePath: s(arg(a, kw, 1, 'path')), targets: targets(arg(a, kw, 2, 'targets')), version: s(kw.appVersion) }); return null; },
    redeploy: (a, kw) => { w.deploy('redeploy', s(a[0]) ?? '', { sourcePath: s(kw.appPath), version: s(kw.appVersion) }); return null; },
    undeploy: (a) => { w.deploy('undeploy', s(a[0]) ?? '', {}); return null; },
    startApplication: (a) => { w.deploy('start', s(a[0]) ?? '', {}); return null; },
    stopApplication: (a) => { w.deploy('stop', s(a[0]) ?? '', {}); return null; },
    open: (a) => {
      const path = s(a[0]) ?? '';
      const f = ctx.store.read().hosts[ctx.host]?.files[path];
      if (!f) throw new PyError('IOError', `[Errno 2] No such file or directory: '${path}'`);
      return new PyObj('file', (n) => (n === 'read' ? new PyFn('read', () => f.content) : n === 'close' ? new PyFn('close', () => null) : undefined));
    },
    str: (a) => str(a[0] ?? null),
    int: (a) => { const n = Number(a[0]); if (!Number.isFinite(n)) throw new PyError('ValueError', `invalid literal for int(): ${str(a[0] ?? null)}`); return Math.trunc(n); },
    len: (a) => (typeof a[0] === 'string' || Array.isArray(a[0]) ? a[0].length : 0),
    exit: (_a, kw) => { throw new Exit(typeof kw.exitcode === 'number' ? kw.exitcode : 0); },
    emit: (a) => {
      if (!defined.has('emit')) throw new PyError('NameError', 'emit');
      if (!(a[0] instanceof PyDict)) throw new PyError('TypeError', 'emit() takes a dict');
      w.print(`OPSCTL-RESULT ${JSON.stringify(toJson(a[0]))}`);
      return null;
    },
  };
}

function run(stmts: Stmt[], w: WlstSession, ctx: ShellContext): void {
  const defined = new Set<string>();
  const scope: Scope = new Map();
  for (const [name, f] of Object.entries(builtins(w, ctx, defined))) scope.set(name, new PyFn(name, f));
  for (const st of stmts) {
    try {
      scope.set('cmo', w.domain ? w.cmo() : null);
      if (st.k === 'def') {
        if (!PRELUDE_FUNCTIONS.has(st.name)) throw new PyError('SyntaxError', `def ${st.name}: only the opsctl prelude functions (${[...PRELUDE_FUNCTIONS].join(', ')}) may be defined`);
        defined.add(st.name);
      } else if (st.k === 'print') w.print(st.args.map((e) => str(evaluate(e, scope))).join(' '));
      else if (st.k === 'assign') scope.set(st.name, evaluate(st.e, scope));
      else evaluate(st.e, scope);
    } catch (e) {
      if (e instanceof PyError && !e.line) e.line = st.line;
      throw e;
    }
  }
}

/** Options: how WLST checks the admin password of a domain (the lab's REST uses the same). */
export function createWlstCommand(opts: { checkPassword?: (domain: string, password: string) => boolean } = {}): CommandHandler {
  const check = opts.checkPassword ?? ((_d: string, p: string) => p.length > 0);
  return (argv, ctx): CommandResult => {
    const args = argv.slice(1).filter((x) => !x.startsWith('-D') && x !== '-skipWLSModuleScanning');
    if (args[0] !== 'weblogic.WLST') return { stdout: '', stderr: `Error: Could not find or load main class ${args[0] ?? ''}\n`, exitCode: 1 };
    const file = args[1] ?? '-';
    const source = file === '-' ? ctx.stdin : ctx.store.read().hosts[ctx.host]?.files[file]?.content;
    if (source === undefined) return { stdout: BANNER, stderr: `Problem invoking WLST - java.io.FileNotFoundException: ${file} (No such file or directory)\n`, exitCode: 1 };
    const w = new WlstSession(ctx, check);
    let stmts: Stmt[];
    try {
      stmts = parseWlst(source);
    } catch (e) {
      if (!(e instanceof WlstSyntaxError)) throw e;
      return { stdout: BANNER, stderr: `Problem invoking WLST - Traceback (innermost last):\n  (no code object) at line 0\n  File "${file}", line ${e.line}\n\t${e.text.trim()}\nSyntaxError: invalid syntax (${e.reason})\n`, exitCode: 1 };
    }
    try {
      run(stmts, w, ctx);
      return { stdout: `${BANNER}\n${w.out.join('\n')}\n\nExiting WebLogic Scripting Tool.\n\n`, stderr: '', exitCode: 0 };
    } catch (e) {
      if (e instanceof Exit) return { stdout: `${BANNER}\n${w.out.join('\n')}\n\nExiting WebLogic Scripting Tool.\n\n`, stderr: '', exitCode: e.code };
      if (!(e instanceof PyError)) throw e;
      const tb = `Traceback (innermost last):\n  File "${file}", line ${e.line}, in ?\n${e.type}: ${e.message}\n`;
      return { stdout: `${BANNER}\n${w.out.join('\n')}\n`, stderr: tb, exitCode: 1 };
    }
  };
}

/** The handler the lab shell routes `java` to (any non-empty password accepted; see createWlstCommand). */
export const wlstCommand: CommandHandler = createWlstCommand();
