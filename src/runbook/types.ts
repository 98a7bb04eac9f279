/** What a step executor is given and returns (values, never thrown for an expected failure). */
import type { ProviderContext } from '../providers/context.js';
import type { PlannedStep } from './steps.js';
import type { ResolvedTarget } from './target.js';

export interface StepInput {
  ctx: ProviderContext;
  target: ResolvedTarget;
  step: PlannedStep;
  /** Folder outside git for full evidence (thread dumps, logs). */
  evidenceDir: string;
  sleep(ms: number): Promise<void>;
  /** Secret store folder (OPSCTL_SECRET_STORE). */
  secretStore: string;
}

export interface StepResult {
  status: 'ok' | 'warning' | 'failed';
  message: string;
  /** Short lines for the record (masked before writing). */
  evidence: string[];
}

export const ok = (message: string, evidence: string[] = []): StepResult => ({ status: 'ok', message, evidence });
export const warn = (message: string, evidence: string[] = []): StepResult => ({ status: 'warning', message, evidence });
export const failed = (message: string, evidence: string[] = []): StepResult => ({ status: 'failed', message, evidence });

export const param = (s: PlannedStep, k: string): string | number | boolean | undefined => s.params[k];
export const num = (s: PlannedStep, k: string, d: number): number => {
  const v = s.params[k];
  return typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : d;
};
