// A fresh lab in a temp copy of the repository, connected through the real transports
// (createConnections with the lab's loopback endpoints), for inspection scenario tests.
import { rmSync } from 'node:fs';
import { applyScenario, type FileLabStore } from '../../src/lab/index.js';
import { connectLabCopy, labCopy, type LabConnection } from '../support/lab-repo.js';
import type { EnvironmentModel, InspectionPlaybook } from '../../src/model/index.js';

export { REPO } from '../support/lab-repo.js';
/** The lab's clock for these tests: inside 2026-11, so the generated business data is recent. */
export const NOW = new Date('2026-11-24T07:30:00+08:00');

export interface LabRepo {
  root: string;
  store: FileLabStore;
  env: EnvironmentModel;
  playbooks: InspectionPlaybook[];
  connect(): Promise<LabConnection>;
  scenario(name: string, target?: string): void;
  remove(): void;
}

export function labRepo(now: Date = NOW): LabRepo {
  const copy = labCopy('inspect', now);
  const { root, store, env } = copy;
  return {
    root, store, env, playbooks: copy.model.inspections,
    connect: () => connectLabCopy(copy, now),
    scenario(name, target) {
      store.update((s) => applyScenario(s, name, { ...(target ? { target } : {}), env, now }));
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
