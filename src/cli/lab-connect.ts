/**
 * Connecting the CLI to an environment's live systems: the connections (pinned SSH, REST
 * clients) and the registered providers. A simulated environment (`simulated: true`, the lab)
 * is reached through the lab's loopback endpoints — a running `opsctl lab serve`, or the lab
 * started in this process. Everything heavy (ssh2, the lab, providers) is imported here lazily,
 * so commands that never touch live systems stay fast.
 */
import type { EndpointResolver } from '../engine/connections.js';
import type { EnvironmentModel } from '../model/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { Provider } from '../providers/provider.js';
import type { ProviderContext } from '../providers/context.js';

export interface Estate {
  context: ProviderContext;
  providers: Provider[];
  /** Errors to carry into the plan (e.g. a system with no provider yet). */
  diagnostics: Diagnostic[];
  /** How the live systems were reached, for the header of outputs. */
  via: string;
  close(): Promise<void>;
}

export interface EstateOptions {
  root: string;
  model: EnvironmentModel;
  now: Date;
  /** `--concurrency`: hosts read at once (default: the environment's `ssh.concurrency`, else 64). */
  concurrency?: number;
}

interface LabLink {
  endpoints?: EndpointResolver;
  via: string;
  stop(): Promise<void>;
}

async function connectLabFor(opts: EstateOptions): Promise<LabLink> {
  if (opts.model.environment.simulated !== true) return { via: 'the real estate', stop: async () => {} };
  const lab = await import('../lab/index.js');
  const handle = await lab.connectLab(opts.root, { now: () => opts.now });
  const resolver = lab.labEndpointsOf(handle);
  const safe = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch {
      return undefined;
    }
  };
  return {
    endpoints: { ssh: (h) => safe(() => resolver.ssh(h)), weblogic: (d) => safe(() => resolver.weblogic(d)) },
    via: handle.inProcess ? 'the lab (simulated, started in this process)' : 'the lab (simulated, a running "opsctl lab serve")',
    stop: () => handle.stop(),
  };
}

/** Connects an environment and creates its providers. Always `close()` it. */
export async function connectEstate(opts: EstateOptions): Promise<Estate> {
  const [{ createConnections }, registry, diag] = await Promise.all([
    import('../engine/connections.js'),
    import('../providers/index.js'),
    import('../diag/index.js'),
  ]);
  const lab = await connectLabFor(opts);
  const connections = createConnections({
    root: opts.root,
    model: opts.model,
    now: () => opts.now,
    ...(lab.endpoints ? { endpoints: lab.endpoints } : {}),
    ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
  });
  const diagnostics = registry.missingSystems().map((s) =>
    diag.error('provider-missing', `no ${s} provider is registered (src/providers/index.ts): ${s} resources were not read, so this plan cannot say they have no changes`),
  );
  return {
    context: connections.context,
    providers: registry.createProviders(connections.context),
    diagnostics,
    via: lab.via,
    close: async () => {
      await connections.close();
      await lab.stop();
    },
  };
}
