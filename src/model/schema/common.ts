/**
 * Building blocks shared by every YAML kind's schema: names, ports, secret references,
 * pinned host keys, thresholds. Schema-first: each TypeBox value here is both the JSON Schema
 * (ajv validates with it) and, through `Static<>`, the TypeScript type.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const API_VERSION = 'opsctl/v1';

/** An object schema that rejects unknown keys (typos must not pass silently). */
export function Strict<T extends Parameters<typeof Type.Object>[0]>(
  properties: T,
  options: { description?: string; title?: string } = {},
) {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

/** Names of managed objects: stable, printable in addresses, no shell metacharacters. */
export const Name = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
  description: 'letters, digits, ".", "_" and "-"; starts with a letter or digit; at most 64',
});

/** Oracle identifiers as they appear in the dictionary (upper case, unquoted). */
export const OracleIdentifier = Type.String({
  pattern: '^[A-Z][A-Z0-9_$#]{0,127}$',
  description: 'an unquoted Oracle identifier in upper case',
});

export const Port = Type.Integer({ minimum: 1, maximum: 65535 });

/**
 * An absolute path on a host with no `..` segment (and no NUL): what a managed file, mount or
 * log directory names is exactly the place written, never a way out of it.
 */
export function AbsolutePath(opts: { spaces?: boolean } = {}) {
  const rest = opts.spaces ? '[^\\0]*' : '[^\\s]*';
  return Type.String({ pattern: `^/(?!(.*/)?\\.\\.(/|$))${rest}$`, description: 'an absolute path without ".." segments' });
}

export const Percent = Type.Number({ minimum: 0, maximum: 100 });

/** "HH:MM" on a 24-hour clock, Asia/Shanghai. */
export const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

/** A calendar date "YYYY-MM-DD". */
export const IsoDate = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });

/**
 * A reference to a secret, never the secret itself. The loader checks the shape and never
 * resolves it: `env:NAME` (environment variable on the ops host), `file:PATH` (a file readable
 * only by the ops user), `ssh-agent` (keys held by the agent), `store:PATH` (the bureau's secret
 * store, written by password rotation).
 */
export const SecretRef = Type.String({
  pattern: '^(env:[A-Za-z_][A-Za-z0-9_]*|file:[^\\s]+|ssh-agent|store:[A-Za-z0-9_./-]+)$',
  description: 'env:NAME | file:PATH | ssh-agent | store:PATH',
});

/** OpenSSH SHA256 fingerprint of a host key, as `ssh-keygen -lf` prints it. */
export const HostKeyFingerprint = Type.String({
  pattern: '^SHA256:[A-Za-z0-9+/]{43}$',
  description: 'SHA256:<43 base64 characters> as printed by ssh-keygen -l',
});

export const Sha256 = Type.String({ pattern: '^[a-f0-9]{64}$', description: 'lower-case hex sha256' });

/**
 * The archive a host is patched from when it lacks a patch: its file name in the host's staging
 * directory, and its sha256 (the bytes are found under releases/ by checksum and uploaded).
 */
export const PatchArchive = Strict({
  file: Type.String({ pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]*\\.zip$' }),
  sha256: Sha256,
});
export type PatchArchive = Static<typeof PatchArchive>;

/** Warning and critical thresholds for one measurement; critical must be the worse one. */
export const Thresholds = Strict({
  warning: Type.Number(),
  critical: Type.Number(),
});
export type Thresholds = Static<typeof Thresholds>;

/** Values an attribute may take in desired state (tunables, init parameters, config rows). */
export const ScalarValue = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);
export type ScalarValue = Static<typeof ScalarValue>;

export const Tags = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_-]*$' }), Type.String());

/** Every document opens with these two keys; `kind` selects the schema. */
export function Header<K extends string>(kind: K) {
  return {
    apiVersion: Type.Literal(API_VERSION),
    kind: Type.Literal(kind),
  };
}

/** Optional free text that explains why a value is what it is (kept in reports and plans). */
export const Note = Type.Optional(Type.String({ maxLength: 2000 }));

export type SchemaOf<T extends TSchema> = Static<T>;
