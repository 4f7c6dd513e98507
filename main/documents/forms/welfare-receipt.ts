// ใบเสร็จรับเงิน of the welfare fund (DOMAIN.md §2.5): เล่มที่/เลขที่, the fund's name and address, the date,
// ได้รับเงินจาก, the items with their total and the amount in words, and the treasurer's signature. A reprint says
// "สำเนา", a voided receipt "ยกเลิก" with its reason (it is kept, never deleted). One document is one receipt or a
// collection day's receipts: one to a page, or two to an A4 page (UX.md printing) with a dashed cutting line.
import type { Content, TableLayout } from 'pdfmake/interfaces';
import { z } from 'zod';
import { bilingual } from '../../api/validation';
import { signatureBlock } from '../blocks';
import { formatThaiDateLong } from '../format';
import { personName } from '../person-name';
import { cm, contentWidth, type PageStyle } from '../style';
import { sampleTambon } from './samples';
import { defineForm } from './types';
import { isoDate, moneyItem, moneyTable, moneyWidths, nameFields, stampMark } from './welfare-parts';

export const welfareReceipt = z.object({
  /** เล่มที่ */
  book: z.string().trim().min(1, bilingual('ต้องกรอกเล่มที่', 'The book number is required')).max(20),
  /** เลขที่ (gap-free within its book; the books give it) */
  number: z.string().trim().min(1, bilingual('ต้องกรอกเลขที่ใบเสร็จ', 'The receipt number is required')).max(20),
  date: isoDate('วันที่รับเงิน', 'Date received'),
  payer: nameFields,
  /** สมาชิกเลขที่, when the payer is a member */
  memberNumber: z.string().trim().max(30).default(''),
  /** หมู่ที่ of the payer (the collection day's village) */
  village: z.number().int().min(1).max(999).nullable().default(null),
  items: z
    .array(moneyItem)
    .min(1, bilingual('ใบเสร็จต้องมีอย่างน้อย 1 รายการ', 'A receipt needs at least one item'))
    .max(8, bilingual('ใบเสร็จหนึ่งใบมีได้ไม่เกิน 8 รายการ', 'A receipt holds at most 8 items')),
  /** the treasurer who received the money: name in brackets under the signature line */
  receivedBy: z.object({
    name: z.string().trim().min(1, bilingual('ต้องกรอกชื่อผู้รับเงิน', "The receiver's name is required")).max(100),
    position: z.string().trim().max(100).default('เหรัญญิก'),
  }),
  /** a reprint: marked "สำเนา" */
  copy: z.boolean().default(false),
  /** a voided receipt: printed with "ยกเลิก" and why */
  voided: z
    .object({
      reason: z.string().trim().min(1, bilingual('ต้องกรอกเหตุที่ยกเลิก', 'The reason for voiding is required')).max(300),
      date: isoDate('วันที่ยกเลิก', 'Date voided').optional(),
    })
    .nullable()
    .default(null),
});

export const welfareReceiptInput = z.object({
  /** two receipts to an A4 page, with a cutting line between them */
  twoPerPage: z.boolean().default(false),
  receipts: z
    .array(welfareReceipt)
    .min(1, bilingual('ต้องมีใบเสร็จอย่างน้อย 1 ใบ', 'At least one receipt is needed'))
    .max(5000, bilingual('พิมพ์ได้ครั้งละไม่เกิน 5,000 ใบ', 'At most 5,000 receipts at a time')),
});

export type WelfareReceiptData = z.output<typeof welfareReceiptInput>;
type Receipt = z.output<typeof welfareReceipt>;

/** Text sizes of a receipt: the house sizes on a full page, smaller on a half page so that a receipt fits it. */
function sizes(style: PageStyle, half: boolean) {
  return half ? { body: 14, title: 18, small: 12 } : { body: style.bodySize, title: style.titleSize, small: style.tableSize };
}

function receiptContent(receipt: Receipt, { office, style, half }: { office: { fundName: string; address: string; phone: string }; style: PageStyle; half: boolean }): Content {
  const size = sizes(style, half);
  const width = contentWidth(style);
  const mark = receipt.voided ? 'ยกเลิก' : receipt.copy ? 'สำเนา' : null;
  const top: Content = {
    columns: [
      { text: `เล่มที่ ${receipt.book}  เลขที่ ${receipt.number}`, width: '*' },
      { text: 'ใบเสร็จรับเงิน', fontSize: size.title, bold: true, alignment: 'center', width: 'auto' },
      {
        width: '*',
        stack: [mark ? { columns: [{ text: '', width: '*' }, { width: 'auto', stack: [stampMark(mark, size.title)] }] } : { text: '' }],
      },
    ],
    columnGap: 8,
  };
  const payerLine: Content = {
    text: [
      'ได้รับเงินจาก ',
      personName(receipt.payer, { bold: true }),
      ...(receipt.memberNumber ? [`   สมาชิกเลขที่ ${receipt.memberNumber}`] : []),
      ...(receipt.village !== null ? [`   หมู่ที่ ${receipt.village}`] : []),
    ],
    margin: [0, 2, 0, 4],
  };
  const voidLine: Content[] = receipt.voided
    ? [
        {
          text: [{ text: 'ยกเลิก', bold: true }, receipt.voided.date ? ` เมื่อวันที่ ${formatThaiDateLong(receipt.voided.date)}` : '', ` เหตุที่ยกเลิก: ${receipt.voided.reason}`],
          margin: [0, 2, 0, 0],
        },
      ]
    : [];
  return {
    fontSize: size.body,
    stack: [
      top,
      { text: office.fundName, bold: true, alignment: 'center', margin: [0, 2, 0, 0] },
      { text: `${office.address}${office.phone ? ` โทร. ${office.phone}` : ''}`, fontSize: size.small, alignment: 'center' },
      { text: `วันที่ ${formatThaiDateLong(receipt.date)}`, alignment: 'right', margin: [0, 2, 0, 0] },
      payerLine,
      moneyTable(receipt.items, { widths: moneyWidths(width, size.body), totalLabel: 'รวมเงิน' }),
      ...voidLine,
      {
        columns: [
          { text: '', width: '*' },
          { width: width / 2, stack: [signatureBlock({ name: receipt.receivedBy.name, position: receipt.receivedBy.position, role: 'ผู้รับเงิน' }, 30)] },
        ],
        margin: [0, half ? 8 : 24, 0, 0],
      },
    ],
  };
}

/** Two receipts to a page: each half of the content area, a dashed line to cut along between them. */
function twoPerPageContent(receipts: Content[], style: PageStyle): Content[] {
  const height = cm(29.7 - style.marginsCm.top - style.marginsCm.bottom);
  // pdfmake makes a row at least its `heights` tall and adds the padding and rules around it (measured: 31 pt
  // for this layout); a little room is left so that the two always share the page
  const gap = 14;
  const half = Math.floor(height / 2) - 31 - 4;
  const layout: TableLayout = {
    hLineWidth: (index) => (index === 1 ? 0.6 : 0),
    vLineWidth: () => 0,
    hLineStyle: (index) => (index === 1 ? { dash: { length: 4, space: 3 } } : null),
    paddingLeft: () => 0,
    paddingRight: () => 0,
    paddingTop: (row) => (row === 1 ? gap : 0),
    paddingBottom: (row) => (row === 0 ? gap : 0),
  };
  const pages: Content[] = [];
  for (let index = 0; index < receipts.length; index += 2) {
    const pair = receipts.slice(index, index + 2);
    pages.push({
      table: { widths: ['*'], heights: pair.map(() => half), dontBreakRows: true, body: pair.map((receipt) => [receipt]) },
      layout,
      ...(index > 0 ? { pageBreak: 'before' as const } : {}),
    });
  }
  return pages;
}

function sampleReceipts(): Receipt[] {
  const tambon = sampleTambon();
  const find = (firstName: string) => tambon.people.find((person) => person.firstName === firstName && person.lastName === 'ศรีสุวรรณ์')!;
  const child = find('กัญญ์ณัฏฐ์');
  const grandfather = find('บุญมี');
  const treasurer = { name: 'นางบุญเรือน แก้วมณี', position: 'เหรัญญิก' };
  return welfareReceiptInput.parse({
    receipts: [
      {
        book: '12',
        number: '0457',
        date: '2026-01-25',
        payer: { title: child.title, firstName: child.firstName, lastName: child.lastName },
        memberNumber: '0321',
        village: child.village,
        items: [
          { description: 'ค่าสมัครแรกเข้า', amountSatang: 2000 },
          { description: 'เงินสมทบ ม.ค.–มี.ค. 69', amountSatang: 9000 },
        ],
        receivedBy: treasurer,
      },
      {
        book: '12',
        number: '0458',
        date: '2026-01-25',
        payer: { title: grandfather.title, firstName: grandfather.firstName, lastName: grandfather.lastName },
        memberNumber: '0007',
        village: grandfather.village,
        items: [{ description: 'เงินสมทบ ม.ค.–ธ.ค. 69 (ปีละ 365 บาท)', amountSatang: 36500 }],
        receivedBy: treasurer,
        copy: true,
      },
    ],
  }).receipts;
}

export const welfareReceiptForm = defineForm({
  id: 'welfare-receipt',
  titleTh: 'ใบเสร็จรับเงินกองทุนสวัสดิการชุมชน',
  titleEn: 'Welfare fund receipt',
  pageSize: 'A4',
  orientation: 'portrait',
  // a receipt carries its own เล่มที่/เลขที่; "หน้า x/y" would only confuse
  pageNumbering: 'none',
  input: welfareReceiptInput,
  sample: () => ({ twoPerPage: true, receipts: sampleReceipts() }),
  // Three villages' collection days of January 2569, some forty receipts, two to a page.
  sampleBatch: () => {
    const tambon = sampleTambon();
    const treasurer = { name: 'นางบุญเรือน แก้วมณี', position: 'เหรัญญิก' };
    let number = 500;
    return [1, 2, 3].map((village) => ({
      twoPerPage: true,
      receipts: tambon.people
        .filter((person) => person.village === village)
        .slice(0, 14)
        .map((person, index) => ({
          book: '12',
          number: String(++number).padStart(4, '0'),
          date: `2026-01-${String(20 + village).padStart(2, '0')}`,
          payer: { title: person.title, firstName: person.firstName, lastName: person.lastName },
          memberNumber: String(person.id).padStart(4, '0'),
          village,
          items:
            index % 5 === 0
              ? [
                  { description: 'ค่าสมัครแรกเข้า', amountSatang: 2000 },
                  { description: 'เงินสมทบ ม.ค. 69', amountSatang: 3000 },
                ]
              : [{ description: index % 3 === 0 ? 'เงินสมทบ ต.ค.–ธ.ค. 68 (ค้างส่ง)' : 'เงินสมทบ ม.ค.–มี.ค. 69', amountSatang: 9000 }],
          receivedBy: treasurer,
        })),
    }));
  },
  build: (data, { office, style }) => {
    const receipts = data.receipts.map((receipt) => receiptContent(receipt, { office, style, half: data.twoPerPage }));
    if (data.twoPerPage) return twoPerPageContent(receipts, style);
    return receipts.map((receipt, index): Content => ({ stack: [receipt], unbreakable: true, ...(index > 0 ? { pageBreak: 'before' as const } : {}) }));
  },
  weight: (data) => data.receipts.length * 6,
  fileName: (data) => {
    const first = data.receipts[0]!;
    const last = data.receipts.at(-1)!;
    return data.receipts.length > 1 ? `ใบเสร็จ-เล่ม${first.book}-${first.number}-${last.number}` : `ใบเสร็จ-เล่ม${first.book}-${first.number}`;
  },
});
