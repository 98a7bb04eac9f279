/**
 * Host desired state, applied to hosts by role, group or name: OS tunables, filesystems with
 * thresholds, required processes, managed files, cron entries, log retention, password policy.
 */
import { Type, type Static } from '@sinclair/typebox';
import { AbsolutePath, Header, Name, Note, Percent, ScalarValue, Strict } from './common.js';
import { HostRole } from './inventory.js';

const TunableSet = Type.Record(Type.String({ pattern: '^[A-Za-z0-9_.]+$' }), ScalarValue);

export const Tunables = Strict({
  /** AIX network options (`no -p -o name=value`). */
  no: Type.Optional(TunableSet),
  /** AIX virtual memory options (`vmo -p -o`). */
  vmo: Type.Optional(TunableSet),
  /** AIX I/O options (`ioo -p -o`). */
  ioo: Type.Optional(TunableSet),
  /** AIX sys0 device attributes (`chdev -l sys0 -a name=value`), e.g. maxuproc. */
  sys0: Type.Optional(TunableSet),
  /** Linux kernel parameters (`sysctl -w`, persisted in /etc/sysctl.d/90-opsctl.conf). */
  sysctl: Type.Optional(TunableSet),
});
export type Tunables = Static<typeof Tunables>;

export const Filesystem = Strict({
  mount: AbsolutePath(),
  warningPercent: Percent,
  criticalPercent: Percent,
  note: Note,
});
export type Filesystem = Static<typeof Filesystem>;

export const RequiredProcess = Strict({
  name: Name,
  /** Matched against the command column of `ps -ef`. */
  pattern: Type.String({ minLength: 1 }),
  user: Type.Optional(Type.String()),
  minCount: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type RequiredProcess = Static<typeof RequiredProcess>;

export const ManagedFile = Strict({
  path: AbsolutePath({ spaces: true }),
  /** An ejs template under templates/, rendered with `vars` and the host's facts. */
  template: Type.String({ pattern: '^[A-Za-z0-9_./-]+\\.ejs$' }),
  vars: Type.Optional(Type.Record(Type.String(), ScalarValue)),
  mode: Type.String({ pattern: '^0?[0-7]{3,4}$' }),
  owner: Type.String({ pattern: '^[a-z_][a-z0-9_-]*$' }),
  group: Type.String({ pattern: '^[a-z_][a-z0-9_-]*$' }),
  /** What must restart when this file changes, e.g. a WebLogic server on the host. */
  notifies: Type.Optional(Type.Array(Type.String())),
});
export type ManagedFile = Static<typeof ManagedFile>;

export const CronEntry = Strict({
  name: Name,
  user: Type.String({ pattern: '^[a-z_][a-z0-9_-]*$' }),
  /** Five crontab fields. */
  schedule: Type.String({ pattern: '^\\S+ \\S+ \\S+ \\S+ \\S+$' }),
  /** One line: a newline would write a second, unmarked crontab entry nobody declared. */
  command: Type.String({ pattern: '^[^\\r\\n]+$', description: 'one line of shell, no newline' }),
});
export type CronEntry = Static<typeof CronEntry>;

export const LogRetention = Strict({
  name: Name,
  /** Directory that holds the logs. */
  path: AbsolutePath(),
  /** File-name glob, e.g. `*.log*`. */
  pattern: Type.String({ minLength: 1 }),
  keepDays: Type.Integer({ minimum: 1 }),
  compressAfterDays: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type LogRetention = Static<typeof LogRetention>;

export const PasswordPolicy = Strict({
  /** AIX `maxage` in weeks / Linux PASS_MAX_DAYS expressed in days. */
  maxAgeDays: Type.Integer({ minimum: 1, maximum: 365 }),
  minLength: Type.Integer({ minimum: 8, maximum: 64 }),
  /** Previous passwords that may not be reused. */
  history: Type.Integer({ minimum: 0, maximum: 50 }),
  warnDays: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Accounts the policy is checked on. */
  accounts: Type.Array(Type.String({ pattern: '^[a-z_][a-z0-9_-]*$' }), { minItems: 1 }),
});
export type PasswordPolicy = Static<typeof PasswordPolicy>;

export const HostProfile = Strict({
  ...Header('HostProfile'),
  name: Name,
  description: Note,
  /** Which hosts the profile applies to: any match selects the host. */
  appliesTo: Strict({
    roles: Type.Optional(Type.Array(HostRole, { uniqueItems: true })),
    groups: Type.Optional(Type.Array(Name, { uniqueItems: true })),
    hosts: Type.Optional(Type.Array(Name, { uniqueItems: true })),
    os: Type.Optional(Type.Union([Type.Literal('aix'), Type.Literal('linux')])),
  }),
  tunables: Type.Optional(Tunables),
  filesystems: Type.Optional(Type.Array(Filesystem)),
  processes: Type.Optional(Type.Array(RequiredProcess)),
  files: Type.Optional(Type.Array(ManagedFile)),
  cron: Type.Optional(Type.Array(CronEntry)),
  logRetention: Type.Optional(Type.Array(LogRetention)),
  passwordPolicy: Type.Optional(PasswordPolicy),
});
export type HostProfile = Static<typeof HostProfile>;
