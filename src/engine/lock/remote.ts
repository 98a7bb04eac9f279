/**
 * The target half of the lock: a directory on the environment's first wls-admin host, created
 * with `mkdir` (atomic on every POSIX filesystem: of two creators exactly one succeeds), holding
 * `lease.json`. Reached through the providers' HostRunner (pinned SSH), never a new connection.
 * `RemoteLock` is an interface so tests hand in a fake and other targets can be added.
 */
import type { EnvironmentModel } from '../../model/model.js';
import type { HostRunner } from '../../providers/context.js';
import { decideTakeOver, type Lease, type LockPurpose } from './lease.js';

export interface RemoteAcquireRequest {
  lease: Lease;
  purpose: LockPurpose;
  takeOver: boolean;
  now: Date;
  host: string;
}

export type RemoteAcquire = { ok: true; replaced?: Lease; why?: string } | { ok: false; holder?: Lease; why: string };

export interface RemoteLock {
  /** Where the lease lives, for messages: `wls-admin-01:/var/opt/opsctl/lock-lab.d`. */
  readonly where: string;
  acquire(req: RemoteAcquireRequest): Promise<RemoteAcquire>;
  /** Rewrite the lease; false when it is no longer ours. */
  renew(lease: Lease): Promise<boolean>;
  release(lease: Lease): Promise<void>;
}

export const REMOTE_LOCK_BASE = '/var/opt/opsctl';

/** The host that holds the target lease: the first wls-admin host of the inventory. */
export function lockHostOf(model: EnvironmentModel): string | undefined {
  return model.hosts.find((h) => h.roles.includes('wls-admin'))?.name;
}

export function sshRemoteLock(hosts: HostRunner, host: string, env: string, base = REMOTE_LOCK_BASE): RemoteLock {
  const dir = `${base}/lock-${env}.d`;
  const file = `${dir}/lease.json`;
  const ok = async (argv: string[]): Promise<boolean> => (await hosts.exec(host, argv)).exitCode === 0;
  const readHolder = async (): Promise<Lease | undefined> => {
    try {
      return JSON.parse(await hosts.readFile(host, file)) as Lease;
    } catch {
      return undefined;
    }
  };
  const ours = (there: Lease | undefined, lease: Lease): boolean =>
    !!there && there.applyId === lease.applyId && there.pid === lease.pid && there.host === lease.host;
  return {
    where: `${host}:${dir}`,
    async acquire(req) {
      if (!(await ok(['mkdir', '-p', base]))) return { ok: false, why: `cannot create ${base} on ${host}` };
      for (let attempt = 0; attempt < 3; attempt++) {
        if (await ok(['mkdir', dir])) {
          await hosts.writeFile(host, file, `${JSON.stringify(req.lease, null, 2)}\n`, 0o600);
          return { ok: true };
        }
        const holder = await readHolder();
        const d = decideTakeOver({ holder, purpose: req.purpose, takeOver: req.takeOver, now: req.now, host: req.host });
        if (!d.take) return { ok: false, ...(holder ? { holder } : {}), why: d.why };
        const aside = `${dir}.taken-${req.lease.applyId}-${attempt}`;
        if (!(await ok(['mv', dir, aside]))) continue;
        await ok(['rm', '-rf', aside]);
        if (await ok(['mkdir', dir])) {
          await hosts.writeFile(host, file, `${JSON.stringify({ ...req.lease, ...(holder ? { takenOverFrom: holder } : {}) }, null, 2)}\n`, 0o600);
          return { ok: true, ...(holder ? { replaced: holder } : {}), why: d.why };
        }
      }
      return { ok: false, why: `another process keeps taking ${host}:${dir} at the same time` };
    },
    async renew(lease) {
      if (!ours(await readHolder(), lease)) return false;
      await hosts.writeFile(host, file, `${JSON.stringify(lease, null, 2)}\n`, 0o600);
      return true;
    },
    async release(lease) {
      if (ours(await readHolder(), lease)) await ok(['rm', '-rf', dir]);
    },
  };
}
