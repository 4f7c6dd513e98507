// Pieces the welfare fund's printed forms share (ใบสมัคร, ใบเสร็จรับเงิน, ใบสำคัญจ่ายเงิน, สมุดประจำตัวสมาชิก):
// the data fields they have in common and the money table with its total and the amount in words. Plain pdfmake
// content: the Thai pass (prepare.ts) runs once over the whole document, as for every form.
import type { Content, TableCell, TableLayout } from 'pdfmake/interfaces';
import { z } from 'zod';
import { bilingual, isoDateField } from '../../api/validation';
import { isValidCitizenId } from '../../people/citizen-id';
import { gridLayout } from '../blocks';
import { bahtTextInBrackets, buddhistYear, formatSatang, parseIsoDate, THAI_MONTHS_LONG } from '../format';
import { personName, type PersonNameParts } from '../person-name';

/** Integer satang, never negative (DESIGN.md rule 1). */
export function satangField(th: string, en: string) {
  return z
    .number({ error: bilingual(`${th}ต้องเป็นจำนวนเงิน`, `${en} must be an amount`) })
    .int(bilingual(`${th}ต้องเป็นจำนวนเต็มสตางค์`, `${en} must be whole satang`))
    .min(0, bilingual(`${th}ติดลบไม่ได้`, `${en} cannot be negative`))
    .max(99_999_999_999, bilingual(`${th}มากเกินไป`, `${en} is too large`));
}

export const isoDate = (th: string, en: string) => isoDateField(th, en);

/** A person's name in its three parts, as the register keeps it. */
export const nameFields = z.object({
  title: z.string().trim().max(40).default(''),
  firstName: z.string().trim().min(1, bilingual('ต้องกรอกชื่อ', 'The first name is required')).max(100),
  lastName: z.string().trim().max(100).default(''),
});

export type NameFields = z.output<typeof nameFields>;

export const citizenIdField = z
  .string()
  .trim()
  .refine(isValidCitizenId, bilingual('เลขประจำตัวประชาชนต้องมี 13 หลักและเลขตรวจสอบถูกต้อง', 'The citizen ID needs 13 digits with a valid check digit'));

/** Someone who signs: the name printed in brackets under the dotted line; the position under it. */
export const signerFields = z.object({
  name: z.string().trim().max(100).optional(),
  position: z.string().trim().max(100).optional(),
});

/** One line of a receipt or a voucher. */
export const moneyItem = z.object({
  description: z.string().trim().min(1, bilingual('ต้องกรอกรายการ', 'The item needs a description')).max(200),
  amountSatang: satangField('จำนวนเงิน', 'Amount'),
});

export type MoneyItem = z.output<typeof moneyItem>;

export function totalSatang(items: readonly MoneyItem[]): number {
  return items.reduce((sum, item) => sum + item.amountSatang, 0);
}

/** "วันที่ 27 เดือน พฤศจิกายน พ.ศ. 2569", as forms filled in by hand write the date. */
export function thaiDateWithLabels(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `วันที่ ${day} เดือน ${THAI_MONTHS_LONG[month - 1]!} พ.ศ. ${buddhistYear(year)}`;
}

/** A name kept whole (it may break only before the last name), inline in a sentence. */
export function nameInline(parts: PersonNameParts, bold = true): Content {
  return personName(parts, bold ? { bold: true } : {});
}

/** "สำเนา" or "ยกเลิก" in a ruled box, at the top right of a receipt. */
export function stampMark(text: string, fontSize: number): Content {
  const layout: TableLayout = {
    hLineWidth: () => 1.5,
    vLineWidth: () => 1.5,
    paddingLeft: () => 8,
    paddingRight: () => 8,
    paddingTop: () => 0,
    paddingBottom: () => 0,
  };
  return { table: { body: [[{ text, bold: true, fontSize, alignment: 'center' }]] }, layout };
}

export interface MoneyTableOptions {
  /** point widths of ลำดับที่ | รายการ | จำนวนเงิน, adding up to the content width less the rules and padding */
  widths: [number, number, number];
  /** "รวม" on a receipt, "รวมทั้งสิ้น" on a voucher */
  totalLabel: string;
  /** text size of the table (default: the surrounding text's) */
  fontSize?: number;
}

/**
 * ลำดับที่ | รายการ | จำนวนเงิน (in baht), a total row, and under it ตัวอักษร (…บาทถ้วน) as bahttext writes it
 * (DOMAIN.md §4.3). The amount column is wide enough for 99,999,999.99 so an amount is never cut.
 */
export function moneyTable(items: readonly MoneyItem[], { widths, totalLabel, fontSize }: MoneyTableOptions): Content {
  const total = totalSatang(items);
  const header: TableCell[] = ['ลำดับที่', 'รายการ', 'จำนวนเงิน'].map((text) => ({ text, bold: true, alignment: 'center' }));
  const body: TableCell[][] = items.map((item, index) => [
    { text: String(index + 1), alignment: 'center' },
    item.description,
    { text: formatSatang(item.amountSatang), alignment: 'right' },
  ]);
  const totalRow: TableCell[] = [
    { text: totalLabel, colSpan: 2, alignment: 'right', bold: true },
    {},
    { text: formatSatang(total), alignment: 'right', bold: true },
  ];
  return {
    stack: [
      {
        table: { headerRows: 1, widths, dontBreakRows: true, body: [header, ...body, totalRow] },
        layout: gridLayout(1),
        ...(fontSize === undefined ? {} : { fontSize }),
      },
      { text: ['ตัวอักษร ', { text: bahtTextInBrackets(total), bold: true }], margin: [0, 4, 0, 0] },
    ],
  };
}

/** Widths for moneyTable across `width` points: the number and the amount as much as they need, the item the rest. */
export function moneyWidths(width: number, fontSize: number): [number, number, number] {
  // "99,999,999.99" in bold Sarabun is about 5.3 em; "ลำดับที่" in bold about 3.1 em
  const order = Math.ceil(fontSize * 3.4);
  const amount = Math.ceil(fontSize * 6.4);
  const rules = 3 * 8.5 + 1;
  return [order, Math.floor(width - rules - order - amount), amount];
}
