// Baht as the office types and reads it; satang (integers) as the core keeps it. The renderer may not import
// main/money.ts at run time, so this is the screen's own small twin of parseAmount: the decimal text is split at
// the point, never multiplied as a float, and the core checks again (it refuses a fraction of a satang).

/** "30", "30.00", "1,095", "1,095.5", "๓๐", "฿30", "30 บาท" → satang; '' → null; anything else → NaN. */
export function bahtToSatang(typed: string): number | null {
  const text = typed
    .replace(/[๐-๙]/g, (digit) => String(digit.charCodeAt(0) - 0x0e50))
    .trim()
    .replace(/^฿\s*|\s*บาท$/g, '')
    .replace(/[,\s]/g, '');
  if (text === '') return null;
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) return Number.NaN;
  const satang = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(satang) ? satang : Number.NaN;
}

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 123450 → "1,234.50": money on screen, always with its satang. */
export function showSatang(satang: number): string {
  const negative = satang < 0;
  const whole = Math.floor(Math.abs(satang) / 100);
  const cents = Math.abs(satang) % 100;
  return `${negative ? '-' : ''}${groupThousands(String(whole))}.${String(cents).padStart(2, '0')}`;
}

/** 300000 → "3,000", 3050 → "30.50": the amount as a person would type it back. */
export function satangAsTyped(satang: number): string {
  return satang % 100 === 0 ? groupThousands(String(satang / 100)) : showSatang(satang);
}
