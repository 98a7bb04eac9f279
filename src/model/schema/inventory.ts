/**
 * Inventory kinds: environments and the hosts in them. Connection facts only — a host names
 * the reference to its credential, never the credential.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Header, HostKeyFingerprint, Name, Note, Port, SecretRef, Strict, Tags } from './common.js';

export const EnvironmentTier = Type.Union([
  Type.Literal('production'),
  Type.Literal('preproduction'),
  Type.Literal('lab'),
]);

export const Environment = Strict({
  ...Header('Environment'),
  name: Name,
  title: Type.String({ description: 'display name, e.g. 生产环境' }),
  tier: EnvironmentTier,
  description: Note,
  /** Name of the ChangeWindows document that governs applies here. */
  windows: Name,
  /** Name of the Calendar document (征期 deadlines, holidays, working hours). */
  calendar: Name,
  /** A release must have succeeded in this environment before it may apply here. */
  promotedFrom: Type.Optional(Name),
  /** Roles whose approval every release needs before it applies here. */
  requiredApprovals: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true })),
  /** The lab's hosts get their ports from the running lab, not from the inventory. */
  simulated: Type.Optional(Type.Boolean()),
  ssh: Type.Optional(
    Strict({
      /** A bastion all SSH connections of this environment go through. */
      jumpHost: Type.Optional(Name),
      /** Offer the older key-exchange and cipher algorithms that AIX 7.1's OpenSSH needs. */
      legacyAlgorithms: Type.Optional(Type.Boolean()),
      connectTimeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 300 })),
      commandTimeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 3600 })),
      /**
       * Hosts (and domains, databases) read at once by plan, drift and inspect (default 64;
       * `--concurrency` overrides it per run). See docs/transports.md, "Read concurrency".
       */
      concurrency: Type.Optional(Type.Integer({ minimum: 1, maximum: 1024 })),
    }),
  ),
});
export type Environment = Static<typeof Environment>;

export const HostRole = Type.Union(
  [
    'hall-web',
    'core-svc',
    'bridge',
    'receive',
    'query',
    'wls-admin',
    'etl',
    'oracle',
    'ops',
    'bastion',
  ].map((r) => Type.Literal(r)),
);
export type HostRole = Static<typeof HostRole>;

export const Host = Strict({
  name: Name,
  address: Type.String({ minLength: 1, description: 'IPv4/IPv6 address or DNS name' }),
  port: Type.Optional(Port),
  os: Type.Union([Type.Literal('aix'), Type.Literal('linux')]),
  osVersion: Type.Optional(Type.String()),
  roles: Type.Array(HostRole, { minItems: 1, uniqueItems: true }),
  zone: Type.String({ description: 'network security domain, e.g. 业务专网安全域' }),
  ssh: Strict({
    user: Type.String({ pattern: '^[a-z_][a-z0-9_-]{0,31}$' }),
    credential: SecretRef,
    /** Pinned SHA256 fingerprint; a host whose key differs is refused. Required in production. */
    hostKey: Type.Optional(HostKeyFingerprint),
  }),
  tags: Type.Optional(Tags),
  description: Note,
});
export type Host = Static<typeof Host>;

export const HostGroup = Strict({
  name: Name,
  description: Note,
  /** Hosts by name; or every host with one of `roles`. */
  hosts: Type.Optional(Type.Array(Name, { uniqueItems: true })),
  roles: Type.Optional(Type.Array(HostRole, { uniqueItems: true })),
});
export type HostGroup = Static<typeof HostGroup>;

export const Inventory = Strict({
  ...Header('Inventory'),
  /** The environment these hosts belong to. */
  environment: Name,
  hosts: Type.Array(Host),
  groups: Type.Optional(Type.Array(HostGroup)),
});
export type Inventory = Static<typeof Inventory>;
