/**
 * The syntax tree the lab's shell parser produces (parse.ts) and the interpreter runs (run.ts).
 * Words keep their quoting so expansion and field splitting happen at run time, like a shell.
 */

/** One piece of a word. `q` = inside quotes (no field splitting of its expansion). */
export type Segment =
  | { t: 'lit'; v: string; q: boolean }
  | { t: 'var'; name: string; q: boolean; fallback?: string }
  | { t: 'sub'; script: Script; q: boolean };

export interface Word {
  segs: Segment[];
}

export type RedirectOp = '>' | '>>' | '<' | '>&' | '<&' | '<<';

export interface Redirect {
  fd: number;
  op: RedirectOp;
  /** File name for > >> <; fd number text for >&; body for << (here-document). */
  target: Word;
}

export interface SimpleCommand {
  assigns: Array<{ name: string; value: Word }>;
  words: Word[];
  redirects: Redirect[];
}

export interface Pipeline {
  commands: SimpleCommand[];
}

export interface AndOr {
  first: Pipeline;
  rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }>;
}

export interface Script {
  items: AndOr[];
}

export class ShellSyntaxError extends Error {}
