/**
 * YAML text → documents with positions. Uses `yaml` (eemeli) with a LineCounter so every node
 * keeps its line and column; duplicate keys and alias bombs are errors, and every file is parsed
 * even when others fail. With a ParseCache (cache.ts), a file whose text was parsed cleanly
 * before is taken from the cache instead — `yaml` is then not even loaded — and the checks
 * after the parse (document shape, kind) run the same either way.
 */
import { createRequire } from 'node:module';
import type * as YamlModule from 'yaml';
import type { LineCounter, Node } from 'yaml';
import { error, type Diagnostic, type SourcePos } from '../diag/index.js';
import type { Kind } from '../model/index.js';
import { isKind, kindNames } from './validators.js';
import { isRecord, pointer, type PosMap } from './paths.js';
import type { RepoFile } from './files.js';
import { contentHash, jsonSafe, type CachedDoc, type ParseCache } from './cache.js';

type Yaml = typeof YamlModule;
let yamlModule: Yaml | undefined;
/** `yaml` (CommonJS under node), loaded on the first file that is not in the parse cache. */
const yaml = (): Yaml => (yamlModule ??= createRequire(import.meta.url)('yaml') as Yaml);

/** Aliases beyond this many in one document are refused (billion-laughs protection). */
export const MAX_ALIAS_COUNT = 100;

export interface ParsedDoc {
  file: RepoFile;
  /** 0-based index of the document within its file. */
  index: number;
  kind: Kind;
  /** `name`, or for an Inventory `inventory:<file>` (it has no name). */
  name: string;
  value: Record<string, unknown>;
  pos: PosMap;
}

function positionOf(lc: LineCounter, file: string, text: string, offset: number): SourcePos {
  // An error at leading blanks is reported at the first character of the line's content.
  let at = offset;
  while (text[at] === ' ' || text[at] === '\t') at++;
  if (text[at] === '\n' || at >= text.length) at = offset;
  const { line, col } = lc.linePos(at);
  return { file, line, column: col };
}

/** Records the position of every node under `node`; returns false if it met an alias. */
function recordPositions(node: Node | null, ptr: string, lc: LineCounter, file: string, pos: PosMap): boolean {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yaml();
  if (!node) return true;
  if (!node.range) return !isAlias(node);
  const at = (offset: number): SourcePos => {
    const { line, col } = lc.linePos(offset);
    return { file, line, column: col };
  };
  if (!pos.has(ptr)) pos.set(ptr, { value: at(node.range[0]) });
  if (isAlias(node)) return false;
  let plain = true;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      if (!isScalar(pair.key) || !pair.key.range) {
        // A complex key (or an alias as key): no position, and not something to cache.
        plain = false;
        continue;
      }
      const child = pointer(ptr, String(pair.key.value));
      const keyAt = at(pair.key.range[0]);
      const value = pair.value as Node | null;
      pos.set(child, { key: keyAt, value: value?.range ? at(value.range[0]) : keyAt });
      if (!recordPositions(value, child, lc, file, pos)) plain = false;
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      if (!recordPositions(item as Node, pointer(ptr, i), lc, file, pos)) plain = false;
    });
  }
  return plain;
}

/**
 * Parses one file into its documents; every problem becomes a diagnostic. With `cache`, a file
 * parsed cleanly before (same text) is not parsed again, and one that parses cleanly now is
 * stored.
 */
export function parseFile(file: RepoFile, text: string, cache?: ParseCache): { docs: ParsedDoc[]; diagnostics: Diagnostic[] } {
  const docs: ParsedDoc[] = [];
  const diagnostics: Diagnostic[] = [];
  const hash = cache ? contentHash(text) : '';
  const hit = cache?.get(hash, file.rel);
  if (hit) {
    for (const d of hit) {
      const parsed = toDoc(file, d.index, d.value, d.pos, diagnostics);
      if (parsed) docs.push(parsed);
    }
    return { docs, diagnostics };
  }
  const { LineCounter, parseAllDocuments } = yaml();
  const lc = new LineCounter();
  /** What goes to the cache: every document, or nothing when one was not plain (see cache.ts). */
  const clean: CachedDoc[] = [];
  let cacheable = cache !== undefined;
  const all = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const list = Array.isArray(all) ? all : [];
  if (!Array.isArray(all)) cacheable = false;
  list.forEach((doc, index) => {
    const problems = [...doc.errors];
    const multiline = new Set(problems.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
    for (const e of problems) {
      if (e.code === 'BLOCK_AS_IMPLICIT_KEY' && multiline.has(e.pos[0])) continue;
      let message = e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? e.message;
      let offset = e.pos[0];
      if (e.code === 'MULTILINE_IMPLICIT_KEY') {
        // A value ran on into a wrongly indented next line: point at that line.
        const nl = text.indexOf('\n', e.pos[0]);
        if (nl >= 0 && nl < e.pos[1]) offset = nl + 1;
        message = 'bad indentation: this line continues the value above instead of starting a key at the same column as its siblings';
      }
      const code = e.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax';
      diagnostics.push(error(code, message, positionOf(lc, file.rel, text, offset)));
    }
    if (problems.length > 0) cacheable = false;
    if (problems.length > 0 || doc.contents === null) return;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      cacheable = false;
      const start = positionOf(lc, file.rel, text, doc.contents.range?.[0] ?? 0);
      diagnostics.push(error('yaml-aliases', `too many aliases in one document (more than ${MAX_ALIAS_COUNT}): ${(e as Error).message}`, start));
      return;
    }
    const pos: PosMap = new Map();
    const plain = recordPositions(doc.contents as Node, '', lc, file.rel, pos);
    if (cacheable && plain && jsonSafe(value)) clean.push({ index, value, pos });
    else cacheable = false;
    const parsed = toDoc(file, index, value, pos, diagnostics);
    if (parsed) docs.push(parsed);
  });
  if (cache && cacheable) cache.put(hash, clean);
  return { docs, diagnostics };
}

function toDoc(file: RepoFile, index: number, value: unknown, pos: PosMap, out: Diagnostic[]): ParsedDoc | undefined {
  const docPos = pos.get('')?.value ?? { file: file.rel, line: 1, column: 1 };
  if (!isRecord(value)) {
    out.push(error('document', 'a document must be a mapping that starts with apiVersion and kind', docPos));
    return undefined;
  }
  const kind = value['kind'];
  if (typeof kind !== 'string') {
    out.push(error('document', 'missing "kind" (every document starts with apiVersion: opsctl/v1 and kind)', docPos));
    return undefined;
  }
  if (!isKind(kind)) {
    const kinds = kindNames().join(', ');
    out.push(error('unknown-kind', `unknown kind "${kind}" (known: ${kinds})`, pos.get('/kind')?.value ?? docPos));
    return undefined;
  }
  const name = kind === 'Inventory' ? `inventory:${file.rel}#${index}` : typeof value['name'] === 'string' ? value['name'] : `(unnamed ${kind} #${index} in ${file.rel})`;
  return { file, index, kind, name, value, pos };
}
