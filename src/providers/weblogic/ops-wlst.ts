/**
 * DomainOps through generated WLST scripts (10.3.6): edit()/startEdit()/set()/save()/activate();
 * when activation (or any set) raises, a second script runs cancelEdit('y') so the domain is left
 * as it was; start()/shutdown(); deploy()/redeploy(); server state and HealthState from
 * domainRuntime(). Each operation is one script run over SSH on the admin host.
 */
import { parseWlstResults } from '../../parsers/weblogic.js';
import { wlstException, type WlstOutput } from '../../transport/wlst.js';
import type { Edit } from './edits.js';
import { wlstAttribute, wlstPath } from './edits.js';
import { errorText, type DeploySpec, type DomainOps, type OpOutcome, type ServerHealth } from './ops.js';
import type { LiveDomain } from './live.js';
import { call, cd, emit, emitExpr, get } from './wlst-script.js';

export type WlstRun = (body: string[]) => Promise<WlstOutput>;

function marks(out: WlstOutput): Array<Record<string, unknown>> {
  const parsed = parseWlstResults(out.stdout);
  return parsed.ok ? parsed.value.results.map((r) => r.value) : [];
}

export function editBody(domain: string, edits: readonly Edit[]): string[] {
  return [
    'edit()',
    'startEdit()',
    emit({ k: 'editing' }),
    ...edits.flatMap((e) => [cd(wlstPath(domain, e.path)), call('set', [wlstAttribute(e.attribute), e.value])]),
    'save()',
    call('activate', [], { block: 'true' }),
    emit({ k: 'activated' }),
  ];
}

export const CANCEL_BODY: readonly string[] = ['edit()', call('cancelEdit', ['y']), emit({ k: 'cancelled' })];

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
  return {
    read,
    async edit(edits) {
      let out: WlstOutput;
      try {
        out = await run(editBody(domain, edits));
      } catch (err) {
        return { ok: false, message: `edit: ${errorText(err)} (state unknown: re-read before retrying)` };
      }
      if (out.exitCode === 0) return { ok: true, message: `activated ${edits.length} change(s)` };
      const started = marks(out).some((m) => m.k === 'editing');
      if (!started) return { ok: false, message: `startEdit refused: ${wlstException(out.stderr)}` };
      const cancelled = await attempt('cancelEdit', [...CANCEL_BODY]);
      const tail = cancelled.ok ? 'edit cancelled, nothing changed' : `cancelEdit also failed (${cancelled.message}) — the edit lock may still be held`;
      return { ok: false, message: `activation failed, ${tail}: ${wlstException(out.stderr)}` };
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
