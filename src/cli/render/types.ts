/** The engine's event types and helpers the renderers use (types and pure helpers only). */
export type { EngineEvent, FormattersOf, ReadEvent } from '../../engine/events.js';
export { describeScope, formatEvent, isReadEvent, scopeOf } from '../../engine/events.js';
export type { System } from '../../core/index.js';
