/**
 * Time as lab hosts print it. The lab's hosts live in China Standard Time (UTC+8, no DST), so
 * formatting adds eight hours and reads the UTC fields; no dependence on the build machine's zone.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CST_MS = 8 * 3600 * 1000;

function cst(date: Date): Date {
  return new Date(date.getTime() + CST_MS);
}

const two = (n: number): string => String(n).padStart(2, '0');

/** `ps -ef` STIME: hh:mm:ss when started within a day of `now`, else "Mon DD". */
export function psStime(started: Date, now: Date): string {
  const s = cst(started);
  if (now.getTime() - started.getTime() < 24 * 3600 * 1000) {
    return `${two(s.getUTCHours())}:${two(s.getUTCMinutes())}:${two(s.getUTCSeconds())}`;
  }
  return `${MONTHS[s.getUTCMonth()]} ${two(s.getUTCDate())}`;
}

/** errpt TIMESTAMP: MMDDhhmmYY. */
export function errptStamp(at: Date): string {
  const s = cst(at);
  return `${two(s.getUTCMonth() + 1)}${two(s.getUTCDate())}${two(s.getUTCHours())}${two(s.getUTCMinutes())}${two(s.getUTCFullYear() % 100)}`;
}

export function minus(at: Date, seconds: number): Date {
  return new Date(at.getTime() - seconds * 1000);
}

export function iso(at: Date): string {
  return at.toISOString();
}

/** WebLogic server-log time stamp, e.g. "Nov 20, 2025 8:14:03 AM CST". */
export function wlsStamp(at: Date): string {
  const s = cst(at);
  const h = s.getUTCHours();
  return `${MONTHS[s.getUTCMonth()]} ${s.getUTCDate()}, ${s.getUTCFullYear()} ${h % 12 || 12}:${two(s.getUTCMinutes())}:${two(s.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'} CST`;
}

/** Oracle alert-log time stamp (12c+ ISO form with the +08:00 offset). */
export function alertStamp(at: Date): string {
  const s = cst(at);
  return `${s.toISOString().slice(0, 23)}000+08:00`.replace('Z', '');
}
