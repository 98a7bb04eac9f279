/**
 * The canary sweep's detector (tests/bad-input/canary.test.ts), for any test that must show a
 * value appears nowhere: every file under a folder as text, and the places a set of values —
 * verbatim, base64 or hex, as a careless serializer might write them — shows up in a text.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` (recursively), as text (latin1 and UTF-8, so no byte escapes the search). */
export function filesUnder(dir: string): Array<{ path: string; text: string }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => ({ path: f, text: readFileSync(f).toString('latin1') + '\n' + readFileSync(f, 'utf8') }));
}

/** `leaks(where, text)` lists `where: name (form)` for each value (and encoding) found in `text`. */
export function leakFinder(values: Record<string, string>): (where: string, text: string) => string[] {
  const needles = Object.entries(values).flatMap(([name, v]) => [
    { name, form: 'verbatim', value: v },
    { name, form: 'base64', value: Buffer.from(v).toString('base64').replace(/=+$/, '') },
    { name, form: 'hex', value: Buffer.from(v).toString('hex') },
  ]);
  return (where, text) => {
    const lower = text.toLowerCase();
    return needles.filter((n) => (n.form === 'hex' ? lower.includes(n.value) : text.includes(n.value))).map((n) => `${where}: ${n.name} (${n.form})`);
  };
}
