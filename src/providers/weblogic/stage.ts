/**
 * Artifact staging before a deploy: the archive a deployment names (artifact path on the admin
 * host, sha256) must be there with that checksum before WebLogic is asked to (re)deploy it. When
 * it is missing or differs, the local archive with that sha256 is found under
 * `<root>/releases/<release>/` (content-addressed: any file there whose bytes hash to it), uploaded
 * by SFTP beside the target under a temporary name, verified on the host (`sha256sum` on Linux,
 * `csum -h SHA256` on AIX), then moved into place. No local archive with the checksum: the step
 * fails naming the sha256. Nothing here deletes the previous archive (rollback redeploys it).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderContext } from '../context.js';
import type { OpOutcome } from './ops.js';

export interface StageRequest {
  /** Inventory host name of the admin server's host. */
  host: string;
  path: string;
  sha256: string;
}

/** The sha256 of a file on the host, or undefined when it cannot be read (missing). */
export async function remoteSha256(ctx: ProviderContext, host: string, path: string): Promise<string | undefined> {
  const aix = ctx.model.hosts.find((h) => h.name === host)?.os === 'aix';
  const r = await ctx.hosts.exec(host, aix ? ['csum', '-h', 'SHA256', path] : ['sha256sum', path]);
  if (r.exitCode !== 0) return undefined;
  const hex = /^([0-9a-f]{64})\b/i.exec(r.stdout.trim())?.[1];
  return hex?.toLowerCase();
}

/** The first file under `<root>/releases/*\/` (one level) whose bytes hash to `sha256`. */
export function findLocalArtifact(root: string, sha256: string): string | undefined {
  const dir = join(root, 'releases');
  if (!existsSync(dir)) return undefined;
  const want = sha256.toLowerCase();
  for (const release of readdirSync(dir).sort()) {
    const folder = join(dir, release);
    if (!statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder).sort()) {
      const file = join(folder, name);
      if (!statSync(file).isFile() || /\.ya?ml$/i.test(name)) continue;
      if (createHash('sha256').update(readFileSync(file)).digest('hex') === want) return file;
    }
  }
  return undefined;
}

/** Makes sure `req.path` on `req.host` holds the archive with `req.sha256` (see the header). */
export async function stageArtifact(ctx: ProviderContext, req: StageRequest): Promise<OpOutcome> {
  const want = req.sha256.toLowerCase();
  const there = await remoteSha256(ctx, req.host, req.path);
  if (there === want) return { ok: true, message: `${req.path} already on ${req.host} (sha256 ${want.slice(0, 12)}…)` };
  const local = findLocalArtifact(ctx.root, want);
  const was = there ? `has sha256 ${there}` : 'is missing';
  if (!local) return { ok: false, message: `${req.path} on ${req.host} ${was}, and no file under releases/*/ has sha256 ${want}: cannot stage the archive` };
  const tmp = `${req.path}.opsctl-${ctx.now().getTime()}.tmp`;
  await ctx.hosts.writeFile(req.host, tmp, readFileSync(local), 0o644);
  const uploaded = await remoteSha256(ctx, req.host, tmp);
  if (uploaded !== want) {
    await ctx.hosts.exec(req.host, ['rm', '-f', tmp]);
    return { ok: false, message: `uploaded ${tmp} on ${req.host} has sha256 ${uploaded ?? '(unreadable)'}, not ${want}: removed, nothing deployed` };
  }
  const mv = await ctx.hosts.exec(req.host, ['mv', '-f', tmp, req.path]);
  if (mv.exitCode !== 0) {
    await ctx.hosts.exec(req.host, ['rm', '-f', tmp]);
    return { ok: false, message: `could not move ${tmp} to ${req.path} on ${req.host}: ${(mv.stderr || mv.stdout).trim()}` };
  }
  return { ok: true, message: `staged ${req.path} on ${req.host} from ${local.slice(ctx.root.length + 1)} (sha256 ${want.slice(0, 12)}…)` };
}
