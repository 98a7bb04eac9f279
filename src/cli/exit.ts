/** Exit codes of the CLI contract (DESIGN §5). */
export const EXIT = {
  ok: 0,
  error: 1,
  /** plan/drift with changes, inspect with findings */
  changes: 2,
  /** apply refused (window closed, stale plan, lock held, approvals missing); window closed */
  refused: 3,
} as const;
