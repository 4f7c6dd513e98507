// Calendar days as the office lives them: the machine's own day (Thai offices run on Thai time), ISO C.E. inside.

/** The local calendar day of a moment, as ISO YYYY-MM-DD. */
export function localIsoDate(moment: Date): string {
  const month = String(moment.getMonth() + 1).padStart(2, '0');
  const day = String(moment.getDate()).padStart(2, '0');
  return `${moment.getFullYear()}-${month}-${day}`;
}

/** Whole years from birthDate to onDate (both ISO): the age a Thai form prints. */
export function ageOn(birthDate: string, onDate: string): number {
  // ISO dates compare as text: the birthday has come this year when its MM-DD is not after today's.
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The ISO day `years` whole years before onDate (Feb 29 falls back to Feb 28). */
export function yearsBefore(onDate: string, years: number): string {
  const [y, m, d] = onDate.split('-') as [string, string, string];
  const year = String(Number(y) - years).padStart(4, '0');
  const day = m === '02' && d === '29' ? '28' : d;
  return `${year}-${m}-${day}`;
}
