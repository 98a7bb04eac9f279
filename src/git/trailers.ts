/**
 * Commit-message trailers (`Key: value` lines in the last paragraph, as git interpret-trailers
 * writes them): formatting with validation, and parsing of what `%(trailers:only,unfold)` prints.
 * Pure text functions; the git calls are in repo.ts.
 */

export type TrailerInput = Record<string, string | readonly string[] | undefined>;
/** Parsed trailers: every key maps to its values in order (a key may repeat, e.g. Approved-By). */
export type Trailers = Record<string, string[]>;

const KEY = /^[A-Za-z][A-Za-z0-9-]*$/;

/** One line, no control characters: a trailer value can never open a new trailer or paragraph. */
export function trailerValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** `Key: value` lines, one per value, keys in the order given; empty values are dropped. */
export function formatTrailers(trailers: TrailerInput): string[] {
  const lines: string[] = [];
  for (const [key, raw] of Object.entries(trailers)) {
    if (!KEY.test(key)) throw new Error(`trailer key "${key}" is not a token (letters, digits, "-")`);
    if (raw === undefined) continue;
    const values = typeof raw === 'string' ? [raw] : raw;
    for (const v of values) {
      const value = trailerValue(v);
      if (value !== '') lines.push(`${key}: ${value}`);
    }
  }
  return lines;
}

/** Subject, optional body paragraphs, then the trailer block (omitted when empty). */
export function composeMessage(subject: string, body: string | undefined, trailers: TrailerInput): string {
  const parts = [trailerValue(subject)];
  if (body && body.trim() !== '') parts.push(body.trim());
  const block = formatTrailers(trailers);
  if (block.length > 0) parts.push(block.join('\n'));
  return `${parts.join('\n\n')}\n`;
}

/** Parses `Key: value` lines (git's unfolded trailer block); other lines are ignored. */
export function parseTrailers(text: string): Trailers {
  const out: Trailers = {};
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 1) continue;
    const key = line.slice(0, colon).trim();
    if (!KEY.test(key)) continue;
    (out[key] ??= []).push(line.slice(colon + 1).trim());
  }
  return out;
}

/** The first value of a trailer, or undefined. */
export function trailer(trailers: Trailers, key: string): string | undefined {
  return trailers[key]?.[0];
}
