/**
 * Managed crontab lines: `# opsctl: NAME` followed by `SCHEDULE COMMAND` (five fields, then the
 * command), as the lab builds them (like Ansible's `#Ansible: NAME`). Reading finds the marked
 * entries; rewriting replaces one entry in place, appends it, or removes it, and keeps every
 * other line of the crontab as it was.
 */
export interface CronLine { schedule: string; command: string }

const MARKER = /^#\s*opsctl:\s*(\S+)\s*$/;
const ENTRY = /^\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(.*\S)\s*$/;

export function cronMarker(name: string): string {
  return `# opsctl: ${name}`;
}

export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Marked entries by name (a marker without a valid line after it is skipped). */
export function markedEntries(lines: readonly string[]): Map<string, CronLine> {
  const out = new Map<string, CronLine>();
  lines.forEach((line, i) => {
    const m = MARKER.exec(line);
    const e = m ? ENTRY.exec(lines[i + 1] ?? '') : null;
    if (m && e && !(lines[i + 1] ?? '').trim().startsWith('#')) out.set(m[1]!, { schedule: e.slice(1, 6).join(' '), command: e[6]! });
  });
  return out;
}

/** The crontab with entry `name` set to `entry` (in place, or appended), or removed when undefined. */
export function rewriteCrontab(lines: readonly string[], name: string, entry: CronLine | undefined): string[] {
  const out: string[] = [];
  let placed = false;
  for (let i = 0; i < lines.length; i++) {
    const m = MARKER.exec(lines[i] ?? '');
    if (m && m[1] === name) {
      if (ENTRY.exec(lines[i + 1] ?? '') && !(lines[i + 1] ?? '').trim().startsWith('#')) i++;
      if (entry && !placed) out.push(cronMarker(name), `${entry.schedule} ${entry.command}`);
      placed = true;
      continue;
    }
    out.push(lines[i] ?? '');
  }
  if (entry && !placed) out.push(cronMarker(name), `${entry.schedule} ${entry.command}`);
  return out;
}
