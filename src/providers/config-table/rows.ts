/**
 * Row addresses of config tables: `E/config-table:NAME/row:K1=V1,K2=V2`, key columns in the
 * table's `key` order. Key values are percent-encoded (UTF-8) for `/ # , = %` and whitespace,
 * so any value round-trips and the name stays one address segment: `CSBM=A%2FB`.
 */
import { formatAddress, parseAddress, type Address } from '../../model/address.js';
import type { ConfigTable } from '../../model/schema/index.js';

const SPECIAL = /[/#,=%\s]/gu;

export function encodeKeyValue(value: string): string {
  return value.replace(SPECIAL, (ch) => [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}

export function decodeKeyValue(text: string): string {
  return decodeURIComponent(text);
}

export type KeyValues = Record<string, string>;

export function rowName(table: ConfigTable, key: KeyValues): string {
  return table.key.map((k) => `${k}=${encodeKeyValue(key[k] ?? '')}`).join(',');
}

/** `K1=V1,K2=V2` → { K1: V1, K2: V2 } (undefined when malformed or columns differ from the key). */
export function parseRowName(table: ConfigTable, name: string): KeyValues | undefined {
  const out: KeyValues = {};
  for (const part of name.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 1) return undefined;
    try {
      out[part.slice(0, eq)] = decodeKeyValue(part.slice(eq + 1));
    } catch {
      return undefined;
    }
  }
  const cols = Object.keys(out);
  return cols.length === table.key.length && table.key.every((k) => k in out) ? out : undefined;
}

export function tableAddress(env: string, table: string): Address {
  return formatAddress({ env, segments: [{ kind: 'config-table', name: table }] });
}

export function rowAddress(env: string, table: ConfigTable, key: KeyValues): Address {
  return formatAddress({ env, segments: [{ kind: 'config-table', name: table.name }, { kind: 'row', name: rowName(table, key) }] });
}

/** `E/config-table:T/row:…` → { table, row }; undefined for other addresses. */
export function splitRowAddress(address: string): { table: string; row: string } | undefined {
  const p = parseAddress(address);
  if ('error' in p || p.segments.length !== 2 || p.segments[0]!.kind !== 'config-table' || p.segments[1]!.kind !== 'row') return undefined;
  return { table: p.segments[0]!.name, row: p.segments[1]!.name };
}

/** A key cell as text (numbers in their canonical decimal form). */
export function keyText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
