// ใบสำคัญจ่ายเงิน of the welfare fund (DOMAIN.md §2.5): the recipient states that they received the money from
// the fund, item by item (up to 10 rows), with the total and the amount in words, signed by the recipient, the
// treasurer who paid (ผู้จ่ายเงิน) and a witness (as a rule the chair).
import type { Content, ContentColumns, ContentStack } from 'pdfmake/interfaces';
import { z } from 'zod';
import { bilingual } from '../../api/validation';
import { signatureRow } from '../blocks';
import { formatThaiDateLong } from '../format';
import { personName, personNameText } from '../person-name';
import { contentWidth } from '../style';
import { sampleTambon } from './samples';
import { defineForm } from './types';
import { isoDate, moneyItem, moneyTable, moneyWidths, nameFields, signerFields, stampMark } from './welfare-parts';

export const welfareVoucherInput = z.object({
  /** เลขที่ of the voucher (the books give it); empty: left to be written */
  number: z.string().trim().max(30).default(''),
  date: isoDate('วันที่จ่ายเงิน', 'Date paid'),
  /** ข้าพเจ้า: the member, or the beneficiary on a death claim */
  recipient: nameFields,
  /**
   * ที่อยู่ of the recipient, as one line ("บ้านเลขที่ 45 หมู่ที่ 3 ตำบล… อำเภอ… จังหวัด…"); empty: a dotted line to
   * write it by hand (a shop paid for stationery is rarely in the register)
   */
  address: z.string().trim().max(300).default(''),
  /** why the money is paid, printed after the address ("ในฐานะผู้รับผลประโยชน์ของ …"); optional */
  capacity: z.string().trim().max(300).default(''),
  items: z
    // an administrative expense's description may be as long as the books keep it (300 characters)
    .array(moneyItem.extend({ description: z.string().trim().min(1, bilingual('ต้องกรอกรายการ', 'The item needs a description')).max(300) }))
    .min(1, bilingual('ใบสำคัญจ่ายต้องมีอย่างน้อย 1 รายการ', 'A voucher needs at least one item'))
    .max(10, bilingual('ใบสำคัญจ่ายมีได้ไม่เกิน 10 รายการ', 'A voucher holds at most 10 items')),
  /** ผู้จ่ายเงิน: the treasurer */
  paidBy: signerFields.extend({ position: z.string().trim().max(100).default('เหรัญญิก') }),
  /** พยาน: as a rule the chair of the fund's committee */
  witness: signerFields.extend({ position: z.string().trim().max(100).default('ประธานกองทุน') }),
  /** a voided voucher: printed with "ยกเลิก" and why (it is kept, never deleted) */
  voided: z
    .object({
      reason: z.string().trim().min(1, bilingual('ต้องกรอกเหตุที่ยกเลิก', 'The reason for voiding is required')).max(300),
      date: isoDate('วันที่ยกเลิก', 'Date voided').optional(),
    })
    .nullable()
    .default(null),
});

export type WelfareVoucherData = z.output<typeof welfareVoucherInput>;

/**
 * The recipient's bracketed name as a name node, so that a long name in the narrow signature column wraps only
 * between the first and the last name (a plain text line would break inside an unknown last name).
 */
function withRecipientName(row: ContentColumns, recipient: WelfareVoucherData['recipient']): ContentColumns {
  const [first, ...rest] = row.columns as ContentStack[];
  const block = first!.stack[0] as ContentStack;
  const [signLine, , ...after] = block.stack;
  return { ...row, columns: [{ ...first!, stack: [{ ...block, stack: [signLine!, { text: ['(', personName(recipient), ')'] }, ...after] }] }, ...rest] };
}

export const welfareVoucherForm = defineForm({
  id: 'welfare-voucher',
  titleTh: 'ใบสำคัญจ่ายเงินกองทุนสวัสดิการชุมชน',
  titleEn: 'Welfare fund payment voucher',
  pageSize: 'A4',
  orientation: 'portrait',
  pageNumbering: 'none',
  input: welfareVoucherInput,
  sample: () => {
    const tambon = sampleTambon();
    const office = tambon.office;
    const widow = tambon.people.find((person) => person.firstName === 'กิ่งแก้ว' && person.lastName === 'ศรีสุวรรณ์')!;
    return {
      number: 'จ 2569/014',
      date: '2026-02-10',
      recipient: { title: widow.title, firstName: widow.firstName, lastName: widow.lastName },
      address: `บ้านเลขที่ ${widow.houseNumber} หมู่ที่ ${widow.village} ตำบล${office.tambon} อำเภอ${office.amphoe} จังหวัด${office.province}`,
      capacity: 'ในฐานะผู้รับผลประโยชน์ของนายบุญมี ศรีสุวรรณ์ สมาชิกเลขที่ 0007',
      items: [
        { description: 'ค่านอนโรงพยาบาล 200 บาท × 3 คืน (สมาชิกเลขที่ 0007)', amountSatang: 60_000 },
        { description: 'เงินช่วยเหลือกรณีเสียชีวิต (เป็นสมาชิก 12 ปี)', amountSatang: 1_500_000 },
        { description: 'พวงหรีดในนามกองทุน', amountSatang: 50_000 },
      ],
      paidBy: { name: 'นางบุญเรือน แก้วมณี', position: 'เหรัญญิก' },
      witness: { name: 'นายสมศักดิ์ ใจดีมาก', position: 'ประธานกองทุน' },
    };
  },
  build: (data, { office, style }) => {
    const width = contentWidth(style);
    const title: Content = { text: 'ใบสำคัญจ่ายเงิน', style: 'title' };
    const voided = data.voided;
    const content: Content[] = [
      voided
        ? { columns: [{ text: '', width: '*' }, { ...title, width: 'auto' }, { width: '*', stack: [{ columns: [{ text: '', width: '*' }, { width: 'auto', stack: [stampMark('ยกเลิก', style.titleSize)] }] }] }] }
        : title,
      { text: office.fundName, alignment: 'center', bold: true },
      { text: office.address, alignment: 'center', style: 'table', margin: [0, 0, 0, 8] },
      {
        columns: [
          { text: `เลขที่ ${data.number || '....................'}`, width: '*' },
          { text: `วันที่ ${formatThaiDateLong(data.date)}`, width: 'auto' },
        ],
        margin: [0, 0, 0, 6],
      },
      ...(voided
        ? // the reason on a line of its own: a long one wraps under itself, not after the date
          [{ stack: [{ text: [{ text: 'ยกเลิก', bold: true }, voided.date ? ` เมื่อวันที่ ${formatThaiDateLong(voided.date)}` : ''] }, { text: `เหตุที่ยกเลิก: ${voided.reason}` }], margin: [0, 0, 0, 6] } satisfies Content]
        : []),
      {
        text: ['ข้าพเจ้า ', personName(data.recipient, { bold: true }), ` ที่อยู่ ${data.address || '..........................................................................'}`, ...(data.capacity ? [` ${data.capacity}`] : [])],
        leadingIndent: 36,
      },
      {
        text: ['ได้รับเงินจาก ', { text: office.fundName, bold: true }, ...(data.paidBy.name ? [` โดย ${data.paidBy.name} ${data.paidBy.position}`] : []), ' ดังรายการต่อไปนี้'],
        margin: [0, 0, 0, 8],
      },
      // at the table size ten items and the three signatures share one page
      moneyTable(data.items, { widths: moneyWidths(width, style.tableSize), totalLabel: 'รวมทั้งสิ้น', fontSize: style.tableSize }),
      {
        ...withRecipientName(signatureRow(
        [
          { name: personNameText(data.recipient), role: 'ผู้รับเงิน', position: false },
          // a blank name prints a dotted line to write it in by hand
          { name: data.paidBy.name || undefined, role: 'ผู้จ่ายเงิน', position: data.paidBy.position },
          { name: data.witness.name || undefined, role: 'พยาน', position: data.witness.position },
        ],
        28,
      ) as ContentColumns, data.recipient),
        // no space after the last block: it would push an empty page when the signatures end the page
        margin: [0, 28, 0, 0],
      },
    ];
    return content;
  },
  fileName: (data) => `ใบสำคัญจ่าย-${data.number || data.date}`.replace(/[\\/:*?"<>|\s]+/g, '-'),
});
