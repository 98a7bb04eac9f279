/**
 * How every WebLogic attribute takes effect when it changes — data, read by core.buildPlan.
 * Sources: weblogic.md §1.6 (WDT's `restart_required` aliases; `isRestartRequired()` after
 * activation) and the WebLogic MBean reference: connection-pool capacities and test settings are
 * dynamic; ServerStart arguments (heap, JVM flags), ListenPort, cluster membership, JNDI names,
 * the driver URL and user are non-dynamic (activated, then the server or the data source's target
 * servers must restart). Restarts roll per cluster (RestartGroup kind cluster); a standalone
 * server is a group of one, and its read carries an `outage` override (live.ts).
 */
import type { AttributeRule, TypeRule } from '../../core/index.js';

const live = (seconds = 20): AttributeRule => ({ effect: 'live', restartScope: 'none', disruption: 'none', reversible: true, estimatedSeconds: seconds });
const restart = (seconds = 30): AttributeRule => ({ effect: 'restart', restartScope: 'server', disruption: 'none', reversible: true, estimatedSeconds: seconds });

export const SERVER_RULES: TypeRule = {
  attributes: {
    listenPort: restart(),
    cluster: restart(),
    machine: restart(),
    heapMinMb: restart(),
    heapMaxMb: restart(),
    jvmArgs: restart(),
    stuckThreadMaxTimeSeconds: restart(),
    // Run state: applying it starts (or stops) the server through its ServerLifeCycleRuntime.
    state: { effect: 'live', restartScope: 'none', disruption: 'none', reversible: true, estimatedSeconds: 240 },
  },
};

export const DATASOURCE_RULES: TypeRule = {
  createSeconds: 60,
  attributes: {
    initialCapacity: live(),
    minCapacity: live(),
    maxCapacity: live(),
    testQuery: live(),
    testConnectionsOnReserve: live(),
    statementCacheSize: live(),
    inactiveConnectionTimeoutSeconds: live(),
    targets: live(60),
    jndiName: restart(),
    url: restart(),
    user: restart(),
  },
};

export const WORKMANAGER_RULES: TypeRule = {
  createSeconds: 30,
  attributes: { targets: live(), minThreads: live(), maxThreads: live(), ignoreStuckThreads: live() },
};

/** Deployments change through a `deploy` step: redeploy, rolling, previous version kept. */
export const DEPLOYMENT_RULES: TypeRule = {
  stepAction: 'deploy',
  createSeconds: 180,
  attributes: {
    version: { effect: 'live', restartScope: 'none', disruption: 'brief', reversible: true, estimatedSeconds: 180 },
    sourcePath: { effect: 'live', restartScope: 'none', disruption: 'brief', reversible: true, estimatedSeconds: 180 },
    sha256: { effect: 'live', restartScope: 'none', disruption: 'brief', reversible: true, estimatedSeconds: 180 },
    targets: { effect: 'live', restartScope: 'none', disruption: 'brief', reversible: true, estimatedSeconds: 180 },
  },
};

export const LOG_ROTATION_RULES: TypeRule = { defaultAttribute: live(10) };
export const CLUSTER_RULES: TypeRule = { attributes: { messagingMode: restart() } };
export const MACHINE_RULES: TypeRule = { defaultAttribute: live(20) };

export const WEBLOGIC_TYPES: Record<string, TypeRule> = {
  server: SERVER_RULES,
  datasource: DATASOURCE_RULES,
  workmanager: WORKMANAGER_RULES,
  deployment: DEPLOYMENT_RULES,
  'log-rotation': LOG_ROTATION_RULES,
  cluster: CLUSTER_RULES,
  machine: MACHINE_RULES,
};

/** The rule overrides for a server or data source whose restart group has one member. */
export function outageOverrides(rules: TypeRule): Record<string, AttributeRule> {
  const out: Record<string, AttributeRule> = {};
  for (const [name, rule] of Object.entries(rules.attributes ?? {})) if (rule.effect === 'restart') out[name] = { ...rule, disruption: 'outage' };
  return out;
}
