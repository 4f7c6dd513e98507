// Calendar days as the office lives them: the machine's own day (Thai offices run on Thai time), ISO C.E. inside.

/** The local calendar day of a moment, as ISO YYYY-MM-DD. */
export function localIsoDate(moment: Date): string {
  const month = String(moment.getMonth() + 1).padStart(2, '0');
  const day = String(moment.getDate()).padStart(2, '0');
  return `${moment.getFullYear()}-${month}-${day}`;
}

/** Whole years from birthDate to onDate (both ISO): the age a Thai form prints. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The ISO day `years` whole years before onDate (Feb 29 falls back to Feb 28). */
export function yearsBefore(onDate: string, years: number): string {
  const [y, m, d] = onDate.split('-') as [string, string, string];
  const year = String(Number(y) - years).padStart(4, '0');
  const day = m === '02' && d === '29' ? '28' : d;
  return `${year}-${m}-${day}`;
}

/** Whole calendar days from `from` to `to` (both ISO), negative when `to` is earlier; no time zone can shift it. */
export function daysBetween(from: string, to: string): number {
  const utcDay = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d) / 86_400_000;
  };
  return utcDay(to) - utcDay(from);
}

/**
 * The Thai fiscal year (ปีงบประมาณ) holding an ISO day: 1 Oct – 30 Sep, named by the B.E. year in which it ends
 * (ปีงบประมาณ 2569 = 1 Oct 2025 – 30 Sep 2026).
 */
export function fiscalYearOf(isoDate: string): { buddhistYear: number; from: string; to: string } {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  const endYear = m >= 10 ? y + 1 : y;
  return { buddhistYear: endYear + 543, from: `${endYear - 1}-10-01`, to: `${endYear}-09-30` };
}
