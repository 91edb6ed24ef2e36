/**
 * Annual-fee and term dates of a Chinese patent, from its filing date (专利法实施细则 第五条, 第九十八条):
 * - the fee for each patent year falls due on the anniversary of the filing date (申请日的相应日);
 *   a day that does not exist in that month (29 February) becomes the month's last day;
 * - a fee not paid by then may still be paid, with a surcharge, within six months (滞纳期);
 * - the term runs from the filing date: 20 years for an invention, 10 for a utility model, 15 for a
 *   design filed from 1 June 2021 (10 before), ending the day before the last anniversary.
 * Dates are ISO strings (YYYY-MM-DD) in China's calendar; a deadline on a public holiday moves to the
 * next working day, which depends on the State Council's yearly holiday notice and is not applied here.
 */

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function parts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The date `months` months later on the same day of the month, or the month's last day when it has none. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return `${pad(ny, 4)}-${pad(nm)}-${pad(Math.min(d, daysInMonth(ny, nm)))}`;
}

export const addYears = (iso: string, years: number) => addMonths(iso, years * 12);

export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  const [ay, am, ad] = parts(a);
  const [by, bm, bd] = parts(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

export type PatentKind = 'invention' | 'utility' | 'design';

/** Designs filed from this day have a 15-year term (专利法 2020 修正). */
export const DESIGN_15_YEARS_FROM = '2021-06-01';

export function termYears(type: PatentKind, appDate: string): number {
  if (type === 'invention') return 20;
  if (type === 'design' && appDate >= DESIGN_15_YEARS_FROM) return 15;
  return 10;
}

/** The last day of the term: the day before the filing date's last anniversary. */
export const termEnd = (type: PatentKind, appDate: string) => addDays(addYears(appDate, termYears(type, appDate)), -1);

export interface FeeDue {
  /** Patent year the fee is for (the first year starts on the filing date). */
  year: number;
  /** The last day to pay without surcharge. */
  dueDate: string;
  /** The last day of the six-month grace period (滞纳期). */
  graceEnd: string;
}

/** The fee for patent year k falls due on the (k − 1)th anniversary of the filing date. */
export function feeForYear(appDate: string, year: number): FeeDue {
  const dueDate = addYears(appDate, year - 1);
  return { year, dueDate, graceEnd: addMonths(dueDate, 6) };
}

/** The first patent year whose fee is not paid at grant: fees up to the year of the grant are paid when it is registered. */
export function firstUnpaidYear(appDate: string, grantDate: string): number {
  let years = 0;
  while (years < 20 && addYears(appDate, years + 1) <= grantDate) years++;
  return years + 2;
}

/**
 * The fee whose deadline or grace period is current on `today`: the first patent year (after the one
 * paid at grant) whose grace period has not ended, within the term. Null after the term's last fee.
 */
export function currentFee(type: PatentKind, appDate: string, today: string, firstUnpaidYear = 2): FeeDue | null {
  const last = termYears(type, appDate);
  for (let year = Math.max(2, firstUnpaidYear); year <= last; year++) {
    const fee = feeForYear(appDate, year);
    if (fee.graceEnd >= today) return fee;
  }
  return null;
}
