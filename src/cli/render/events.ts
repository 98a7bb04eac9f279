/**
 * Rendering engine events (the engine only emits them): on a TTY one progress line on stderr,
 * redrawn in place, with unknown reads printed above it; otherwise plain lines on stderr; with
 * --json nothing (stdout carries the JSON, stderr stays quiet). Formatters are a mapped type over
 * the read/plan event kinds, so a new one fails to compile until it is rendered here; other
 * engine events (apply's) are rendered by their own commands and shown here as a plain
 * `kind: {json}` line.
 */
import type { EngineEvent, FormattersOf, ReadEvent, System } from './types.js';
import { describeScope, formatEvent, isReadEvent } from './types.js';

export interface EventSink {
  emit(event: EngineEvent): void;
  /** Clear any progress line (call before printing results). */
  done(): void;
}

export interface SinkOptions {
  json?: boolean;
  stream?: NodeJS.WriteStream | { write(text: string): boolean; isTTY?: boolean };
  /** Force TTY/plain (default: the stream's isTTY). */
  tty?: boolean;
}

interface Progress {
  scopes: number;
  done: number;
  unknown: number;
  finished: boolean;
}

/** Plain lines: one per provider start/end and per scope that had unknown reads. */
export function plainFormatters(reasons: Map<string, string>): FormattersOf<ReadEvent, string | undefined> {
  return {
    'read-start': (e) => `reading ${e.system}: ${e.addresses} addresses on ${e.scopes} ${e.scopes === 1 ? 'scope' : 'scopes'} of ${e.env}`,
    'read-unknown': (e) => {
      if (!reasons.has(`${e.system}|${e.scope}`)) reasons.set(`${e.system}|${e.scope}`, e.reason);
      return undefined;
    },
    'read-scope-done': (e) => (e.unknown > 0 ? `  ? ${describeScope(e.scope)}: ${e.unknown} of ${e.reads} reads unknown — ${reasons.get(`${e.system}|${e.scope}`) ?? 'not read'}` : undefined),
    'read-done': (e) => `read ${e.system}: ${e.reads} reads${e.unknown ? `, ${e.unknown} unknown` : ''} in ${(e.ms / 1000).toFixed(1)}s`,
    'read-failed': (e) => `! ${e.system} provider failed: ${e.message}`,
    'plan-built': (e) => `planned ${e.env}: ${e.changes} change(s)${e.complete ? '' : `, ${e.summary.unknown} unknown (incomplete)`}${e.errored ? ', errored' : ''}`,
  };
}

const other = (event: EngineEvent): string => `${event.kind}: ${JSON.stringify({ ...event, kind: undefined })}`;

function progressLine(progress: Map<System, Progress>): string {
  const parts = [...progress].map(([s, p]) => `${s} ${p.done}/${p.scopes}${p.finished ? ' ✓' : ''}${p.unknown ? ` (${p.unknown} unknown)` : ''}`);
  return `reading: ${parts.join(' · ')}`;
}

function ttySink(stream: NonNullable<SinkOptions['stream']>): EventSink {
  const progress = new Map<System, Progress>();
  const reasons = new Map<string, string>();
  const plain = plainFormatters(reasons);
  let drawn = false;
  const clear = (): void => {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  };
  const draw = (): void => {
    stream.write(`\r\x1b[K${progressLine(progress)}`);
    drawn = true;
  };
  const above = (text: string | undefined): void => {
    if (!text) return;
    clear();
    stream.write(`${text}\n`);
  };
  return {
    emit(event) {
      if (!isReadEvent(event)) return above(other(event));
      const p = 'system' in event ? progress.get(event.system) : undefined;
      if (event.kind === 'read-start') progress.set(event.system, { scopes: event.scopes, done: 0, unknown: 0, finished: false });
      else if (event.kind === 'read-scope-done' && p) {
        p.done++;
        p.unknown += event.unknown;
        if (event.unknown > 0) above(formatEvent(plain, event));
      } else if (event.kind === 'read-unknown') formatEvent(plain, event);
      else if (event.kind === 'read-done' && p) p.finished = true;
      else if (event.kind === 'read-failed') above(formatEvent(plain, event));
      if (event.kind === 'plan-built') clear();
      else draw();
    },
    done: clear,
  };
}

function plainSink(stream: NonNullable<SinkOptions['stream']>): EventSink {
  const plain = plainFormatters(new Map());
  return {
    emit(event) {
      const line = isReadEvent(event) ? formatEvent(plain, event) : other(event);
      if (line) stream.write(`${line}\n`);
    },
    done() {},
  };
}

export function eventSink(opts: SinkOptions = {}): EventSink {
  if (opts.json) return { emit() {}, done() {} };
  const stream = opts.stream ?? process.stderr;
  return (opts.tty ?? stream.isTTY === true) ? ttySink(stream) : plainSink(stream);
}
