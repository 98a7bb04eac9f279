/**
 * Typed engine events (aesthetics lesson 10): the engine emits them through an injected `emit`;
 * only cli/ renders them (a progress line on a TTY, plain lines otherwise, nothing with --json).
 * A new kind fails to compile until every renderer (`EventFormatters`) handles it.
 *
 * A "scope" is the second address segment — the host, domain, database or config table a read
 * went to (`host:hall-web-01`, `weblogic:hall`, `oracle:coredb`) — so reporters can say which
 * machine or system an unknown read belongs to.
 */
import type { PlanSummary, System } from '../core/index.js';
import type { ApplyEvent } from './apply/events.js';

/** Reading the live estate and planning (engine/read.ts, engine/plan.ts). */
export type ReadEvent =
  /** A provider starts reading: how many addresses across how many scopes. */
  | { kind: 'read-start'; env: string; system: System; addresses: number; scopes: number }
  /** Every read of one scope came back (present/absent) or failed (unknown). */
  | { kind: 'read-scope-done'; system: System; scope: string; reads: number; unknown: number }
  /** One address could not be read. */
  | { kind: 'read-unknown'; system: System; scope: string; address: string; reason: string }
  /** A provider finished reading. */
  | { kind: 'read-done'; system: System; reads: number; unknown: number; ms: number }
  /** A provider broke its contract and threw; all its addresses become unknown. */
  | { kind: 'read-failed'; system: System; message: string }
  /** The plan value exists. */
  | { kind: 'plan-built'; env: string; summary: PlanSummary; complete: boolean; errored: boolean; changes: number };

export type EngineEvent =
  | ReadEvent
  /** apply, recover and release rollback (engine/apply/events.ts). */
  | ApplyEvent;

export type EngineEventKind = EngineEvent['kind'];
export type Emit = (event: EngineEvent) => void;

/** One formatter per kind of `E`; a mapped type, so adding a kind breaks every incomplete reporter. */
export type FormattersOf<E extends { kind: string }, R> = { [K in E['kind']]: (event: Extract<E, { kind: K }>) => R };
export type EventFormatters<R> = FormattersOf<EngineEvent, R>;

export const noEmit: Emit = () => {};

/** Calls the formatter for the event's kind (the one place the union is switched on). */
export function formatEvent<E extends { kind: string }, R>(formatters: FormattersOf<E, R>, event: E): R {
  const f = (formatters as unknown as Record<string, (e: E) => R>)[event.kind]!;
  return f(event);
}

const READ_KINDS: ReadonlySet<string> = new Set<ReadEvent['kind']>(['read-start', 'read-scope-done', 'read-unknown', 'read-done', 'read-failed', 'plan-built']);

export function isReadEvent(event: EngineEvent): event is ReadEvent {
  return READ_KINDS.has(event.kind);
}

/** The scope of an address: its second segment (`lab/host:hall-web-01/tunable:x` → `host:hall-web-01`). */
export function scopeOf(address: string): string {
  const rest = address.slice(address.indexOf('/') + 1);
  const seg = rest.split('/')[0] ?? rest;
  return seg.split('#')[0] ?? seg;
}

/** A scope for people: `host:hall-web-01` → `host hall-web-01`, `oracle:coredb` → `database coredb`. */
export function describeScope(scope: string): string {
  const colon = scope.indexOf(':');
  if (colon < 0) return scope;
  const kind = scope.slice(0, colon);
  const name = scope.slice(colon + 1);
  const label: Record<string, string> = { host: 'host', weblogic: 'domain', oracle: 'database', 'config-table': 'config table' };
  return `${label[kind] ?? kind} ${name}`;
}
