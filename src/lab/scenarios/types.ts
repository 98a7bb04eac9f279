/** What a lab scenario is: a named change to the lab's state that `lab clear` can undo exactly. */
import type { EnvironmentModel } from '../../model/index.js';
import type { ActiveScenario, LabState } from '../state/types.js';
import type { Fragment } from './fragments.js';

export interface ScenarioOptions {
  /** Host, domain or database (some take `name:detail` or `domain/item`, see each scenario). */
  target?: string;
  /** The desired state, when known: drifts then pick an attribute the desired state manages. */
  env?: EnvironmentModel;
  /** The clock (file mtimes, `since`); defaults to the system clock. */
  now?: Date;
}

export interface Scenario {
  name: string;
  kind: 'drift' | 'fault';
  description: string;
  /** The form of --target, e.g. "host[:/mount]". */
  targetHelp: string;
  /** Mutates `state`, records the ActiveScenario (in drifts or faults) and returns it. */
  apply(state: LabState, opts?: ScenarioOptions): ActiveScenario;
}

/** What a scenario body returns: the recorded target and the fragments it replaced. */
export interface Effect {
  target: string;
  fragments: Fragment[];
}
