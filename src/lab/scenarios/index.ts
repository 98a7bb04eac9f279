/**
 * lab/scenarios — drift and fault scenarios (a registry of named changes to the lab's state
 * with exact undo), the helpers responders use to see active faults, and the latency model.
 * Pure functions over LabState; may import lab/state and model/ only.
 */
export { SCENARIOS, scenarioNamed, applyScenario, clearScenarios, activeFault } from './registry.js';
export { parseLatency, formatLatency, commandLatencyMs, NO_LATENCY } from './latency.js';
export { ScenarioError } from './targets.js';
export type { Scenario, ScenarioOptions } from './types.js';
export type { Fragment, UndoRecord } from './fragments.js';
