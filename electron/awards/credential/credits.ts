// OB 3.0 `creditsAvailable` / `creditsEarned` are credit hours; a rubric's credit unit is free text.
// These rules turn the package's amount into hours where the unit says what it is, and otherwise
// keep the amount out of the hours fields and say it in words, so no number is misread as hours.

export type CreditConversion =
  { kind: 'hours'; hours: number; rule: string } | { kind: 'unknown-unit'; statement: string };

const round = (n: number): number => Number(n.toPrecision(12));

/**
 * - no unit: the amount is taken as hours (the package format says credits are hours unless a unit says otherwise);
 * - a unit naming hours ("hours", "professional development hours", "clock hours", "PD hrs"): as is;
 * - a unit naming minutes: divided by 60;
 * - continuing education units (CEU, IACET: 1 CEU = 10 contact hours): times 10;
 * - anything else (e.g. "points", "semester credits"): not converted; the statement carries amount and unit.
 */
export function creditHours(amount: number, unit: string | undefined): CreditConversion {
  const u = (unit ?? '').trim();
  if (u === '') return { kind: 'hours', hours: amount, rule: 'no unit given: taken as hours' };
  const words = u.toLowerCase();
  if (/\b(hours?|hrs?)\b/.test(words)) return { kind: 'hours', hours: amount, rule: `"${u}" are hours: as is` };
  if (/\b(minutes?|mins?)\b/.test(words))
    return { kind: 'hours', hours: round(amount / 60), rule: `"${u}" are minutes: divided by 60` };
  if (/\bceus?\b|continuing education units?/.test(words))
    return { kind: 'hours', hours: round(amount * 10), rule: `"${u}" are IACET CEUs: 1 CEU = 10 contact hours` };
  return { kind: 'unknown-unit', statement: `Credit: ${round(amount)} ${u}.` };
}
