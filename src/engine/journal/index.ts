/**
 * engine/journal — the write-ahead journal of an apply (DESIGN §6 rule 5): the JSON-lines record
 * format, an fsync'ing writer, and readers that find interrupted applies and succeeded releases.
 * Files live under .opsctl/journal/<env>/ in the working copy (git-ignored). May import node:fs
 * and core; never cli/, lab/ or providers.
 */
export * from './format.js';
export * from './writer.js';
export * from './reader.js';
