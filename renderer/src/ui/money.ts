// Baht as the treasurer types and reads it, integer satang inside (DESIGN.md rule 1). The renderer may not import
// main/money.ts at run time (type imports only), so the same rules are kept here: the decimal text is split, never
// multiplied as a float.

export type TypedAmount = { ok: true; satang: number } | { ok: false; problem: 'notNumber' | 'decimals' | 'negative' | 'tooLarge' };

/** 999,999,999.99 baht, as main/money.ts: far above any fund's total, safe as an integer. */
const maxSatang = 99_999_999_999;

/** "30", "30.00", "1,095", "1,095.5", "๓๐", "฿30", "30 บาท" → satang; "" → null (nothing typed). */
export function parseTypedBaht(text: string): TypedAmount | null {
  const bare = text
    .replace(/[๐-๙]/g, (digit) => String(digit.charCodeAt(0) - 0x0e50))
    .trim()
    .replace(/^฿\s*|\s*บาท$/g, '')
    .replace(/[,\s]/g, '');
  if (bare === '') return null;
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(bare);
  if (!match) return { ok: false, problem: 'notNumber' };
  const [, sign = '', whole = '0', fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > 2) return { ok: false, problem: 'decimals' };
  if (sign === '-') return { ok: false, problem: 'negative' };
  const satang = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  if (!Number.isSafeInteger(satang) || satang > maxSatang) return { ok: false, problem: 'tooLarge' };
  return { ok: true, satang };
}

/** 123450 → "1,234.50"; always two decimals, as on the receipt. */
export function formatSatang(satang: number): string {
  const negative = satang < 0;
  const whole = Math.floor(Math.abs(satang) / 100);
  const cents = Math.abs(satang) % 100;
  return `${negative ? '-' : ''}${whole.toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`;
}

/** Satang as the text typed into an amount field: 3000 → "30", 3050 → "30.50". */
export function typedBahtOf(satang: number): string {
  const cents = satang % 100;
  return cents === 0 ? String(satang / 100) : `${Math.floor(satang / 100)}.${String(cents).padStart(2, '0')}`;
}

/** "12.35": a share kept in basis points (hundredths of a percent), as the core prints it. */
export function percentFromBasisPoints(basisPoints: number): string {
  return `${Math.floor(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, '0')}`;
}
