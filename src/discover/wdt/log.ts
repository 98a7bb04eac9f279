/**
 * Server/<name>/Log → the domain's one logRotation. WebLogic defaults fill what the model leaves
 * out; servers whose rotation differs from the first are listed (opsctl has one per domain).
 */
import { bool, compact, integer, leftover, placeholder, text, unmapped, type Ctx, type Json } from './context.js';

const ROTATION = ['RotationType', 'FileMinSize', 'RotationTime', 'FileCount', 'NumberOfFilesLimited', 'RotateLogOnStartup'];

export interface ServerLog {
  server: string;
  path: string;
  log: Json;
}

function rotationOf(ctx: Ctx, { path, log }: ServerLog, first: boolean): Json | undefined {
  const type = text(log['RotationType']) ?? 'bySize';
  if (type !== 'bySize' && type !== 'byTime') {
    unmapped(ctx, `${path}/RotationType`, `rotation type ${type} is not modeled (bySize or byTime)`);
    return undefined;
  }
  if (bool(log['NumberOfFilesLimited']) === false) {
    unmapped(ctx, `${path}/NumberOfFilesLimited`, 'unlimited log files are not modeled (opsctl keeps a number of files)');
  }
  let files = integer(log['FileCount']);
  if (files === undefined) {
    files = 7;
    if (first) placeholder(ctx, 'logRotation.filesToRetain', 7, "FileCount not set; WebLogic's default 7");
  }
  return compact({
    rotationType: type,
    fileMinSizeKb: type === 'bySize' ? integer(log['FileMinSize']) : undefined,
    rotationTime: type === 'byTime' ? text(log['RotationTime']) : undefined,
    filesToRetain: files,
    rotateLogOnStartup: bool(log['RotateLogOnStartup']),
  });
}

/** The first server's rotation; every other server that differs is listed. */
export function mapLogRotation(ctx: Ctx, logs: ServerLog[]): Json | undefined {
  let chosen: { server: string; rotation: Json } | undefined;
  for (const entry of logs) {
    leftover(ctx, entry.log, ROTATION, entry.path, 'Log');
    if (!ROTATION.some((k) => k in entry.log)) continue;
    const rotation = rotationOf(ctx, entry, chosen === undefined);
    if (!rotation) continue;
    if (!chosen) chosen = { server: entry.server, rotation };
    else if (JSON.stringify(rotation) !== JSON.stringify(chosen.rotation)) {
      unmapped(ctx, entry.path, `log rotation differs from server ${chosen.server}'s; opsctl has one rotation per domain`);
    }
  }
  return chosen?.rotation;
}
