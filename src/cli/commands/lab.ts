/**
 * `opsctl lab …`: the simulated estate (DESIGN §7). up · serve · status · reset · list ·
 * drift · fault · clear · latency. State lives under .lab/, so each command sees the last.
 * The lab (ssh2 servers, responders) is imported lazily inside each action, so loading the CLI
 * for other commands never loads it.
 */
import type { Command } from 'commander';
import type * as LabModule from '../../lab/index.js';
import type { LabStatus, FileLabStore } from '../../lab/index.js';
import { loadEnvironment } from '../../load/index.js';
import type { EnvironmentModel } from '../../model/index.js';
import { contextOf, type CliContext } from '../context.js';

type Lab = typeof LabModule;
const labModule = (): Promise<Lab> => import('../../lab/index.js');

const out = (text: string): void => {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};

function storeWithState(lab: Lab, ctx: CliContext): FileLabStore {
  const store = lab.openLabStore(ctx.root);
  if (!store.exists()) lab.resetLab({ root: ctx.root, store, now: ctx.now });
  return store;
}

function desiredOrUndefined(lab: Lab, root: string): EnvironmentModel | undefined {
  try {
    return loadEnvironment(root, lab.LAB_ENV).env;
  } catch {
    return undefined;
  }
}

function renderStatus(s: LabStatus): string {
  const lines = [
    `lab (simulated ${s.env} environment — not the real estate), seed ${s.seed}, reset ${s.resetAt}, generation ${s.generation}`,
    `hosts: ${s.counts.hosts} (${s.counts.application} application, ${s.counts.database} database)`,
  ];
  const byRole = new Map<string, string[]>();
  for (const h of s.hosts) for (const r of h.roles) byRole.set(r, [...(byRole.get(r) ?? []), `${h.name}(${h.os})`]);
  for (const [role, hosts] of byRole) lines.push(`  ${role.padEnd(10)} ${hosts.join(' ')}`);
  lines.push(`domains: ${s.counts.domains}`);
  for (const d of s.domains) lines.push(`  ${d.name.padEnd(10)} WebLogic ${d.version} (${d.management}), ${d.running}/${d.servers} servers running`);
  lines.push(`databases: ${s.counts.databases}`);
  for (const d of s.databases) lines.push(`  ${d.name.padEnd(10)} ${d.role}, Oracle ${d.version}, ${d.open ? 'up' : 'DOWN'}: ${d.instances.join(' ')}`);
  lines.push(`drifts: ${s.drifts.length ? s.drifts.map((x) => `${x.name} on ${x.target}`).join(', ') : 'none'}`);
  lines.push(`faults: ${s.faults.length ? s.faults.map((x) => `${x.name} on ${x.target}`).join(', ') : 'none'}`);
  lines.push(`latency: ${s.latency}`);
  if (s.server.running && s.server.endpoints) {
    const e = s.server.endpoints;
    lines.push(`server: running (pid ${s.server.pid}, since ${s.server.startedAt}): ${Object.keys(e.ssh).length} SSH hosts, ${Object.keys(e.weblogic).length} WebLogic REST domains`);
    for (const [d, p] of Object.entries(e.weblogic)) lines.push(`  weblogic ${d.padEnd(8)} http://${p.address}:${p.port}/management/weblogic/latest`);
    const first = Object.entries(e.ssh)[0];
    if (first) lines.push(`  ssh e.g. ${first[0]}: ssh -i .lab/keys/id_ed25519 -p ${first[1].port} <user>@${first[1].address}  (all ports: lab status --json)`);
  } else {
    lines.push('server: not running (commands against --env lab start the lab in-process; "opsctl lab serve" keeps one running)');
  }
  return lines.join('\n');
}

async function status(lab: Lab, ctx: CliContext, json: boolean): Promise<void> {
  const store = lab.openLabStore(ctx.root);
  if (!store.exists()) throw new Error('the lab has no state yet; run "opsctl lab reset" (or "opsctl lab up")');
  const s = lab.labStatus(store.read(), await lab.runningLab(ctx.root));
  out(json ? JSON.stringify(s, null, 2) : renderStatus(s));
}

function registerScenarioCommands(lab: Command): void {
  for (const kind of ['drift', 'fault'] as const) {
    lab.command(`${kind} <scenario>`)
      .description(`introduce a ${kind} scenario (see "opsctl lab list")`)
      .option('--target <target>', 'host, domain or database it acts on (see "opsctl lab list" for the form)')
      .action(async (scenario: string, opts: { target?: string }, cmd: Command) => {
        const ctx = contextOf(cmd);
        const lab = await labModule();
        const env = kind === 'drift' ? desiredOrUndefined(lab, ctx.root) : undefined;
        const active = storeWithState(lab, ctx).update((s) => lab.applyScenario(s, scenario, { ...(opts.target ? { target: opts.target } : {}), ...(env ? { env } : {}), now: ctx.now }, kind));
        out(`${kind} ${active.name} on ${active.target} (clear with: opsctl lab clear ${active.name})`);
      });
  }
  lab.command('clear [scenario]')
    .description('remove a drift or fault scenario (all of them when none is named), restoring exactly what it changed')
    .option('--target <target>', 'only the scenario on this host, domain or database')
    .action(async (scenario: string | undefined, opts: { target?: string }, cmd: Command) => {
      const lab = await labModule();
      const cleared = storeWithState(lab, contextOf(cmd)).update((s) => lab.clearScenarios(s, { ...(scenario ? { name: scenario } : {}), ...(opts.target ? { target: opts.target } : {}) }));
      out(cleared.length ? cleared.map((c) => `cleared ${c.name} on ${c.target}`).join('\n') : 'nothing to clear');
    });
  lab.command('latency <spec>')
    .description('set the latency model, e.g. rtt=20ms,cmd=5ms,aix=150ms,host:hall-web-01=900ms; or "off"')
    .action(async (spec: string, _opts: unknown, cmd: Command) => {
      const lab = await labModule();
      const latency = lab.parseLatency(spec);
      storeWithState(lab, contextOf(cmd)).update((s) => {
        s.latency = latency;
      });
      out(`latency: ${lab.formatLatency(latency)}`);
    });
}

function registerLifecycle(lab: Command): void {
  lab.command('up').description('make sure the lab has state (reset it if it has none) and show it').option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const lab = await labModule();
      storeWithState(lab, ctx);
      await status(lab, ctx, opts.json === true);
    });
  lab.command('reset').description('rebuild the lab from the desired state of the lab environment (drops drifts, faults, latency)')
    .option('--seed <n>', 'seed for generated readings and data', (v) => Number.parseInt(v, 10))
    .option('--json', 'print JSON')
    .action(async (opts: { seed?: number; json?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      if (opts.seed !== undefined && !Number.isInteger(opts.seed)) throw new Error('--seed must be an integer');
      const lab = await labModule();
      const { state } = lab.resetLab({ root: ctx.root, seed: opts.seed ?? lab.DEFAULT_SEED, now: ctx.now });
      const s = lab.labStatus(state, undefined);
      out(opts.json ? JSON.stringify(s.counts) : `lab reset (seed ${state.seed}): ${s.counts.hosts} hosts (${s.counts.application} application, ${s.counts.database} database), ${s.counts.domains} domains, ${s.counts.databases} databases`);
    });
  lab.command('status').description('what the lab is, what is active in it, and whether a server is running').option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => status(await labModule(), contextOf(cmd), opts.json === true));
  lab.command('list').description('the drift and fault scenarios').option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const rows = (await labModule()).SCENARIOS.map((s) => ({ name: s.name, kind: s.kind, target: s.targetHelp, description: s.description }));
      out(opts.json ? JSON.stringify(rows, null, 2) : rows.map((r) => `${r.kind.padEnd(6)} ${r.name.padEnd(20)} --target ${r.target.padEnd(32)} ${r.description}`).join('\n'));
    });
  lab.command('serve').description('run the lab in the foreground on 127.0.0.1 and publish its endpoints in .lab/endpoints.json')
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const lab = await labModule();
      if (await lab.runningLab(ctx.root)) throw new Error('a lab server is already running (see "opsctl lab status")');
      const store = storeWithState(lab, ctx);
      const handle = lab.publishLab(ctx.root, await lab.startLab({ root: ctx.root, store }));
      out(renderStatus(lab.labStatus(store.read(), { pid: process.pid, startedAt: new Date().toISOString(), endpoints: handle.endpoints })));
      out('serving; Ctrl-C to stop');
      await new Promise<void>((resolve) => {
        const stop = (): void => void handle.stop().then(resolve, resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      out('lab server stopped');
    });
}

export function registerLab(program: Command): void {
  const lab = program.command('lab').description('the lab: a simulated twin of the estate on 127.0.0.1 (never the real thing)');
  registerLifecycle(lab);
  registerScenarioCommands(lab);
}
