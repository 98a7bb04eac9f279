/**
 * The events an apply, recover or release rollback emits (added to engine/events.ts's union).
 * Only cli/ renders them.
 */
import type { ApplyStatus } from '../journal/format.js';

export type ApplyEvent =
  | { kind: 'apply-refused'; env: string; codes: string[]; messages: string[] }
  | { kind: 'apply-lock'; env: string; owner: string; where: string[]; tookOver?: string }
  | { kind: 'apply-fresh'; env: string; addresses: number }
  | { kind: 'apply-start'; env: string; applyId: string; steps: number; journal: string; mode: string; breakGlass?: string; waivedApprovals?: string[] }
  | { kind: 'step-start'; step: string; address: string; description: string }
  | { kind: 'step-done'; step: string; message: string; already?: boolean }
  | { kind: 'step-verified'; step: string; status: string; message: string }
  | { kind: 'step-failed'; step: string; phase: string; message: string }
  | { kind: 'rollback-start'; steps: number; reason: string }
  | { kind: 'step-rolled-back'; step: string; outcome: string; message: string }
  | { kind: 'apply-lock-lost'; env: string }
  | { kind: 'apply-record'; ok: boolean; message: string }
  | { kind: 'apply-finished'; env: string; applyId: string; status: ApplyStatus; message: string };
