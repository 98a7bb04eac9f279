/**
 * DomainOps through generated WLST scripts (10.3.6): edit()/startEdit()/set()/save()/activate();
 * when activation (or any set) raises, a second script runs cancelEdit('y') so the domain is left
 * as it was; a data source's password by cmo.setPassword(secret1) in such an edit (the value in a
 * 0600 file the script reads, never in the script), its pool tested by cmo.testPool();
 * start()/shutdown(); deploy()/redeploy(); server state and HealthState from domainRuntime().
 * Each operation is one script run over SSH on the admin host.
 */
import { parseWlstResults } from '../../parsers/weblogic.js';
import type { Secret } from '../../transport/index.js';
import { wlstException, type WlstOutput } from '../../transport/wlst.js';
import type { Edit } from './edits.js';
import { wlstAttribute, wlstPath } from './edits.js';
import { errorText, type DeploySpec, type DomainOps, type OpOutcome, type PoolTest, type ServerHealth } from './ops.js';
import type { LiveDomain } from './live.js';
import { call, cd, emit, emitExpr, get, pyString, secretVar } from './wlst-script.js';

/** Runs one script body on the admin host; `secrets` reach it only as files (their variables: secretVar). */
export type WlstRun = (body: string[], secrets?: readonly Secret[]) => Promise<WlstOutput>;

function marks(out: WlstOutput): Array<Record<string, unknown>> {
  const parsed = parseWlstResults(out.stdout);
  return parsed.ok ? parsed.value.results.map((r) => r.value) : [];
}

/** `statements` inside one edit session: edit(), startEdit() (marked 'editing'), …, save(), activate() (marked 'activated'). */
function editSession(statements: readonly string[]): string[] {
  return ['edit()', 'startEdit()', emit({ k: 'editing' }), ...statements, 'save()', call('activate', [], { block: 'true' }), emit({ k: 'activated' })];
}

export function editBody(domain: string, edits: readonly Edit[]): string[] {
  return editSession(edits.flatMap((e) => [cd(wlstPath(domain, e.path)), call('set', [wlstAttribute(e.attribute), e.value])]));
}

export const CANCEL_BODY: readonly string[] = ['edit()', call('cancelEdit', ['y']), emit({ k: 'cancelled' })];

/** One edit session setting each data source's password (JDBCDriverParams) to the script's first secret. */
export function passwordBody(domain: string, dataSources: readonly string[]): string[] {
  return editSession(dataSources.flatMap((ds) => [cd(wlstPath(domain, `JDBCSystemResources/${ds}/JDBCResource/JDBCDriverParams`)), `cmo.setPassword(${secretVar(0)})`]));
}

/** The state of each server (ServerLifeCycleRuntimes include stopped ones). */
export function statesBody(servers: readonly string[]): string[] {
  return ['domainRuntime()', ...servers.flatMap((s) => [cd(`/ServerLifeCycleRuntimes/${s}`), emitExpr({ k: "'state'", server: pyString(s), state: get('State') })])];
}

/** cmo.testPool() of a data source on each server: None when it passed, else the error. */
export function testPoolBody(dataSource: string, servers: readonly string[]): string[] {
  return ['domainRuntime()', ...servers.flatMap((s) => [cd(`/ServerRuntimes/${s}/JDBCServiceRuntime/${s}/JDBCDataSourceRuntimeMBeans/${dataSource}`), emitExpr({ k: "'test'", server: pyString(s), result: 'cmo.testPool()' })])];
}

export function lifecycleBody(server: string, op: 'start' | 'shutdown' | 'forceShutdown'): string[] {
  const line = op === 'start'
    ? call('start', [server, 'Server'], { block: 'true' })
    : call('shutdown', [server, 'Server'], op === 'forceShutdown' ? { force: 'true', block: 'true' } : { ignoreSessions: 'true', block: 'true' });
  return [line, emit({ k: 'done', op, server })];
}

export function deployBody(spec: DeploySpec, mode: 'deploy' | 'redeploy'): string[] {
  const line = mode === 'deploy'
    ? call('deploy', [spec.name, spec.sourcePath], { targets: spec.targets.join(','), appVersion: spec.version })
    : call('redeploy', [spec.name], { appPath: spec.sourcePath, appVersion: spec.version });
  return [line, emit({ k: 'done', op: mode, app: spec.name })];
}

export function healthBody(server: string): string[] {
  return [
    'domainRuntime()',
    cd(`/ServerLifeCycleRuntimes/${server}`), emitExpr({ k: "'state'", state: get('State') }),
    cd(`/ServerRuntimes/${server}`), emitExpr({ k: "'health'", health: get('HealthState') }),
  ];
}

export function wlstOps(domain: string, run: WlstRun, read: () => Promise<LiveDomain>): DomainOps {
  const attempt = async (what: string, body: string[]): Promise<OpOutcome> => {
    try {
      const out = await run(body);
      return out.exitCode === 0 ? { ok: true, message: `${what}: done` } : { ok: false, message: `${what}: ${wlstException(out.stderr)}` };
    } catch (err) {
      return { ok: false, message: `${what}: ${errorText(err)}` };
    }
  };
  /** An edit script run; when it failed after startEdit, a cancelEdit('y') script leaves the domain as it was. */
  const session = async (body: string[], done: string, secrets?: readonly Secret[]): Promise<OpOutcome> => {
    let out: WlstOutput;
    try {
      out = await run(body, secrets);
    } catch (err) {
      return { ok: false, message: `edit: ${errorText(err)} (state unknown: re-read before retrying)` };
    }
    if (out.exitCode === 0) return { ok: true, message: done };
    const started = marks(out).some((m) => m.k === 'editing');
    if (!started) return { ok: false, message: `startEdit refused: ${wlstException(out.stderr)}` };
    const cancelled = await attempt('cancelEdit', [...CANCEL_BODY]);
    const tail = cancelled.ok ? 'edit cancelled, nothing changed' : `cancelEdit also failed (${cancelled.message}) — the edit lock may still be held`;
    return { ok: false, message: `activation failed, ${tail}: ${wlstException(out.stderr)}` };
  };
  return {
    read,
    edit: (edits) => session(editBody(domain, edits), `activated ${edits.length} change(s)`),
    setDataSourcePassword: (dataSources, password) => session(passwordBody(domain, dataSources), `password of ${dataSources.join(', ')} set, activated`, [password]),
    async testDataSource(dataSource, servers) {
      let states: Array<Record<string, unknown>>;
      try {
        states = marks(await run(statesBody(servers)));
      } catch (err) {
        return servers.map((server) => ({ server, status: 'failed', message: `server states not readable: ${errorText(err)}` }));
      }
      const state = (s: string): string => String(states.find((m) => m.k === 'state' && m.server === s)?.state ?? 'UNKNOWN');
      const running = servers.filter((s) => state(s) === 'RUNNING');
      const out = running.length > 0 ? await run(testPoolBody(dataSource, running)).catch((err: unknown) => ({ stdout: '', stderr: errorText(err), exitCode: 1 }) as WlstOutput) : undefined;
      const tests = out ? marks(out) : [];
      return servers.map((server): PoolTest => {
        if (!running.includes(server)) return { server, status: 'not-running', message: `${state(server)}: not tested` };
        const t = tests.find((m) => m.k === 'test' && m.server === server);
        if (!t) return { server, status: 'failed', message: `testPool: ${wlstException(out?.stderr ?? '') || 'no result'}` };
        return t.result === null || t.result === undefined || t.result === '' ? { server, status: 'ok', message: 'testPool: ok' } : { server, status: 'failed', message: `testPool: ${String(t.result)}` };
      });
    },
    lifecycle: (server, op) => attempt(`${op} ${server}`, lifecycleBody(server, op)),
    deploy: (spec, mode) => attempt(`${mode} ${spec.name} ${spec.version}`, deployBody(spec, mode)),
    async health(server): Promise<ServerHealth> {
      const out = await run(healthBody(server));
      const m = marks(out);
      const state = String(m.find((x) => x.k === 'state')?.state ?? 'UNKNOWN');
      const raw = m.find((x) => x.k === 'health')?.health;
      const health = raw === undefined ? null : (/State:(HEALTH_[A-Z]+)/.exec(String(raw))?.[1] ?? String(raw));
      return { state, health };
    },
  };
}
