/**
 * Calendars and change windows. A Calendar holds what is true of days (征期 deadlines as
 * published, working hours, holiday overrides); ChangeWindows says when changes may run.
 */
import { Type, type Static } from '@sinclair/typebox';
import { ClockTime, Header, IsoDate, Name, Note, Strict } from './common.js';

const Month = Type.String({ pattern: '^(0[1-9]|1[0-2])$' });

export const CollectionDeadlineYear = Strict({
  /** Notice the table comes from, e.g. 税总办征科函〔2025〕64号. */
  source: Type.String({ minLength: 1 }),
  url: Type.Optional(Type.String()),
  /** Month ("01".."12") → last day of 征期 (inclusive). All twelve months are required. */
  deadlines: Type.Record(Month, IsoDate),
});
export type CollectionDeadlineYear = Static<typeof CollectionDeadlineYear>;

export const DayOverride = Strict({
  date: IsoDate,
  type: Type.Union([Type.Literal('workday'), Type.Literal('holiday')]),
  reason: Type.String({ minLength: 1 }),
});

export const NamedBlackout = Strict({
  name: Name,
  /** Inclusive dates, Asia/Shanghai. */
  from: IsoDate,
  to: IsoDate,
  reason: Type.String({ minLength: 1 }),
});
export type NamedBlackout = Static<typeof NamedBlackout>;

export const Calendar = Strict({
  ...Header('Calendar'),
  name: Name,
  timezone: Type.Literal('Asia/Shanghai'),
  /** Where public holidays and 调休 come from; overrides win. */
  holidaySource: Type.Literal('chinese-days'),
  /** Years whose holiday data has been checked against the State Council notice. */
  holidayYears: Type.Array(Type.Integer({ minimum: 2000, maximum: 2100 }), { minItems: 1 }),
  overrides: Type.Optional(Type.Array(DayOverride)),
  workingHours: Strict({ start: ClockTime, end: ClockTime }),
  /** Year ("2026") → the published 征期 deadlines of that year. */
  collectionDeadlines: Type.Record(Type.String({ pattern: '^[0-9]{4}$' }), CollectionDeadlineYear),
  /** Other freezes: the 城乡居民 集中征缴期, year-end settlement, bureau-announced events. */
  blackouts: Type.Optional(Type.Array(NamedBlackout)),
  description: Note,
});
export type Calendar = Static<typeof Calendar>;

export const Weekday = Type.Union(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => Type.Literal(d)));

export const Window = Strict({
  name: Name,
  /** Days the window opens on; `non-working` means any day the calendar says is not a workday. */
  days: Type.Union([Type.Array(Weekday, { minItems: 1, uniqueItems: true }), Type.Literal('non-working'), Type.Literal('any')]),
  start: ClockTime,
  /** May be earlier than start: the window then ends the next morning. */
  end: ClockTime,
});
export type Window = Static<typeof Window>;

export const ChangeWindows = Strict({
  ...Header('ChangeWindows'),
  name: Name,
  description: Note,
  windows: Type.Array(Window, { minItems: 1 }),
  blackouts: Strict({
    /** No change from the 1st of a month to its published 征期 deadline. */
    collectionPeriod: Type.Boolean(),
    /** No change during working hours of a working day. */
    workingHours: Type.Boolean(),
    /** Apply the calendar's named blackouts. */
    named: Type.Boolean(),
  }),
  /** Minutes kept free at the end of a window for verification and rollback. */
  reserveMinutes: Type.Integer({ minimum: 0 }),
});
export type ChangeWindows = Static<typeof ChangeWindows>;
