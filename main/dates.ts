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
