/**
 * engine/journal — the write-ahead journal of an apply (DESIGN §6 rule 5): the JSON-lines record
 * format, an fsync'ing writer (and the restore of a committed journal), and readers that find
 * interrupted applies.
 * Files live under .opsctl/journal/<env>/ in the working copy (git-ignored). May import node:fs
 * and core; never cli/, lab/ or providers.
 */
export * from './format.js';
export * from './writer.js';
export * from './reader.js';
