/**
 * The child process of the kill tests (bundled from TypeScript by kill.test.ts): runs apply,
 * recover or release rollback with the state-backed fake host provider whose live state is a
 * JSON file, and ends itself with SIGKILL at journal boundary N when OPSCTL_KILL_AT=N (the Nth
 * journal record after `start`), so every step boundary is a crash point. Prints the result JSON.
 */
import { readFileSync } from 'node:fs';
import { applyPlan, recoverApply } from '../../../src/engine/apply/index.js';
import type { Plan } from '../../../src/core/index.js';
import { createLocker } from '../../../src/engine/lock/index.js';
import { applyFake, fileStore } from '../../fakes/apply-provider.js';
import { fakeContext, openWindow } from './support.js';

const [mode = 'apply', root = '', statePath = '', planPath = '', desiredPath = ''] = process.argv.slice(2);
const killAt = Number(process.env.OPSCTL_KILL_AT ?? '0');
const failStep = process.env.OPSCTL_FAIL_STEP;
const killAfterApply = process.env.OPSCTL_KILL_AFTER_APPLY;
const now = (): Date => new Date(process.env.OPSCTL_NOW ?? '2026-11-28T22:00:00+08:00');
let boundary = 0;
const onJournal = (): void => {
  if (killAt > 0 && ++boundary === killAt) process.kill(process.pid, 'SIGKILL');
};

const store = fileStore(statePath);
const desired = JSON.parse(readFileSync(desiredPath, 'utf8')) as Record<string, never>;
const fake = applyFake({ system: 'host', store, desired, failApply: (req) => (req.step.id === failStep ? 'activation failed' : undefined),
  // The step changed the system but its `done` never reached the journal.
  afterApply: (req) => { if (req.step.id === killAfterApply) process.kill(process.pid, 'SIGKILL'); },
});
const common = { root, providers: [fake], ctx: fakeContext(root), lock: createLocker({ root, env: 'lab', now }), now, heartbeatMs: 0, concurrency: 1, onJournal };
const result = mode === 'apply'
  ? await applyPlan({ ...common, plan: JSON.parse(readFileSync(planPath, 'utf8')) as Plan, window: openWindow })
  : await recoverApply({ ...common, mode: mode === 'resume' ? 'resume' : 'rollback' });
process.stdout.write(JSON.stringify(result));
