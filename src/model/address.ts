/**
 * Addresses: the stable id of one managed object (and optionally one attribute of it), printed
 * in every plan, report and audit record.
 *
 *   address   = env "/" segment *( "/" segment ) [ "#" attribute ]
 *   segment   = kind ":" name
 *   attribute = name *( "." name )
 *
 * e.g. `prod/weblogic:hall/datasource:HallDS#maxCapacity`,
 *      `prod/host:hall-web-01/tunable:no.tcp_sendspace`, `lab/oracle:coredb/tablespace:SBF_DATA`.
 * Names never contain "/", "#" or whitespace (the schemas' Name pattern guarantees it); a ":"
 * inside a name (config-table keys) is allowed because only the first ":" of a segment splits.
 */

export type Address = string & { readonly __brand: 'Address' };

export interface AddressSegment {
  kind: string;
  name: string;
}

export interface AddressParts {
  env: string;
  segments: AddressSegment[];
  attribute?: string;
}

const SEGMENT_KIND = /^[a-z][a-z0-9-]*$/;

export function formatAddress(parts: AddressParts): Address {
  const path = parts.segments.map((s) => `${s.kind}:${s.name}`).join('/');
  return `${parts.env}/${path}${parts.attribute ? `#${parts.attribute}` : ''}` as Address;
}

/** Parses an address; returns an error message rather than throwing, for use in diagnostics. */
export function parseAddress(text: string): AddressParts | { error: string } {
  const [path, attribute, extra] = text.split('#');
  if (extra !== undefined) return { error: `address "${text}" has more than one "#"` };
  const [env, ...rest] = (path ?? '').split('/');
  if (!env || rest.length === 0) return { error: `address "${text}" needs ENV/KIND:NAME` };
  const segments: AddressSegment[] = [];
  for (const seg of rest) {
    const colon = seg.indexOf(':');
    const kind = seg.slice(0, colon);
    const name = seg.slice(colon + 1);
    if (colon < 1 || !SEGMENT_KIND.test(kind) || name === '') {
      return { error: `address "${text}": segment "${seg}" is not KIND:NAME` };
    }
    segments.push({ kind, name });
  }
  if (attribute === '') return { error: `address "${text}" has an empty attribute after "#"` };
  return { env, segments, ...(attribute ? { attribute } : {}) };
}

/** True when `address` is `prefix` or lies under it (used by --only and audit filters). */
export function addressWithin(address: string, prefix: string): boolean {
  if (address === prefix) return true;
  return address.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`) || address.startsWith(`${prefix}#`);
}
