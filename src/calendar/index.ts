/**
 * calendar — the adapter between Chinese public-holiday data (`chinese-days`, imported only
 * here) and core. Owns DayFacts per date: holidays, 调休 make-up working days, the Calendar
 * document's overrides, and the coverage guard that fails closed for unchecked years.
 *
 * May import: chinese-days, core/calendar-days (the DayTable types), model/.
 * May not import: cli/, engine/, providers/, transport/, lab/. Reads no files of the repository
 * (load/ does); performs no network access (the package's data is bundled).
 */
export { buildDayTable, dayFacts, libraryDisagreements, packageYears } from './holidays.js';
