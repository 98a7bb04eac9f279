/** Every command registers itself here; one line per command file. */
import type { Command } from 'commander';
import { registerValidate } from './validate.js';
import { registerLab } from './lab.js';
import { registerImport } from './import.js';
import { registerWindow } from './window.js';
import { registerPlan } from './plan.js';
import { registerDrift } from './drift.js';
import { registerDiscover } from './discover.js';
import { registerApprove } from './approve.js';
import { registerAudit } from './audit.js';
import { registerRelease } from './release.js';
import { registerInspect } from './inspect.js';
import { registerApply } from './apply.js';
import { registerRecover } from './recover.js';
import { registerRollback } from './rollback.js';
import { registerDatafix } from './datafix.js';
import { registerPlaybook } from './playbook.js';
import { registerReconcile } from './reconcile.js';
import { registerShard } from './shard.js';
import { registerReport } from './report.js';
import { registerIncident } from './incident.js';
import { registerDemo } from './demo.js';

type Register = (program: Command) => void;

const registrars: Register[] = [registerValidate, registerLab, registerWindow, registerImport, registerPlan, registerDrift, registerDiscover, registerApprove, registerAudit, registerRelease, registerInspect, registerApply, registerRecover, registerRollback, registerReconcile, registerDatafix, registerPlaybook, registerDemo, registerReport, registerIncident, registerShard];

export function registerCommands(program: Command): void {
  for (const register of registrars) register(program);
}
