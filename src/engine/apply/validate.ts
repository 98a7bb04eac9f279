/**
 * A plan file is checked against the plan JSON Schema (core/plan-schema.ts) before anything is
 * trusted from it, with TypeBox's own checker (no ajv outside load/). `date-time` is registered
 * here because TypeBox knows no formats by itself.
 */
import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { PlanSchema, type Plan } from '../../core/index.js';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (v) => DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)));

export type PlanCheck = { ok: true; plan: Plan } | { ok: false; errors: string[] };

export function checkPlanFile(value: unknown): PlanCheck {
  if (Value.Check(PlanSchema, value)) return { ok: true, plan: value as Plan };
  const errors = [...Value.Errors(PlanSchema, value)].slice(0, 10).map((e) => `${e.path || '/'}: ${e.message}`);
  return { ok: false, errors };
}
