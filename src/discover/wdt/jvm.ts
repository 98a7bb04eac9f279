/**
 * ServerStart/Arguments → heap (-Xms/-Xmx, in MB) and the other JVM arguments, in order.
 */

export interface JvmSettings {
  minMb?: number;
  maxMb?: number;
  jvmArgs: string[];
}

const UNIT: Record<string, number> = { '': 1 / (1024 * 1024), k: 1 / 1024, m: 1, g: 1024, t: 1024 * 1024 };

/** Megabytes of a JVM size (`4g`, `4096m`, `4194304k`, bytes), or undefined when not whole MB. */
export function sizeMb(digits: string, unit: string): number | undefined {
  const mb = Number(digits) * (UNIT[unit.toLowerCase()] ?? NaN);
  return Number.isInteger(mb) ? mb : undefined;
}

export function parseArguments(args: string | undefined): JvmSettings {
  const out: JvmSettings = { jvmArgs: [] };
  for (const arg of (args ?? '').split(/\s+/).filter(Boolean)) {
    const m = /^-Xm([sx])([0-9]+)([kKmMgGtT]?)$/.exec(arg);
    const mb = m ? sizeMb(m[2]!, m[3]!) : undefined;
    if (m && mb !== undefined) {
      if (m[1] === 's') out.minMb = mb;
      else out.maxMb = mb;
    } else out.jvmArgs.push(arg);
  }
  return out;
}
