/**
 * Secrets never reach the journal: sensitive inverse values (named in `inverse.sensitive`, with a
 * secret-looking name, or a transport Secret) become "[secret]" and are listed in `redacted`;
 * undo data goes through JSON (a Secret prints "[secret]") and secret-named keys are masked.
 */
import { looksSecret, type AttributeValue, type Inverse } from '../../core/index.js';
import type { JournalInverse } from '../journal/format.js';
import { Secret } from '../../transport/secrets.js';

export const REDACTED = '[secret]';

function isSensitive(name: string, value: unknown, sensitive: readonly string[]): boolean {
  return sensitive.includes(name) || looksSecret(name) || value instanceof Secret;
}

export function redactInverse(inverse: Inverse): JournalInverse {
  const attributes: Record<string, AttributeValue> = {};
  const redacted: string[] = [];
  for (const [name, value] of Object.entries(inverse.attributes)) {
    if (isSensitive(name, value, inverse.sensitive ?? [])) {
      attributes[name] = REDACTED;
      redacted.push(name);
    } else attributes[name] = JSON.parse(JSON.stringify(value ?? null)) as AttributeValue;
  }
  return { ...inverse, attributes, ...(redacted.length ? { redacted } : {}) };
}

function mask(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(mask);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, looksSecret(k) ? REDACTED : mask(v)]));
  }
  return value;
}

export function redactUndo(undo: Record<string, unknown>): Record<string, unknown> {
  return mask(JSON.parse(JSON.stringify(undo)) as unknown) as Record<string, unknown>;
}
