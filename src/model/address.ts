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
 * Exception: a segment whose kind is a path kind (`file`, `dir`, `fs`, `log-retention`) names an
 * absolute path, must be the last segment, and keeps its "/"s:
 * `lab/host:hall-web-01/file:/etc/motd#content`.
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

/** Segment kinds whose name is an absolute path (and so may contain "/"). */
export const PATH_KINDS: ReadonlySet<string> = new Set(['file', 'dir', 'fs', 'log-retention']);

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
  for (let i = 0; i < rest.length; i++) {
    let seg = rest[i] ?? '';
    const pathKind = seg.slice(0, seg.indexOf(':'));
    if (PATH_KINDS.has(pathKind)) {
      seg = rest.slice(i).join('/');
      i = rest.length;
      if (!seg.startsWith(`${pathKind}:/`)) return { error: `address "${text}": ${pathKind} names an absolute path` };
    }
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
