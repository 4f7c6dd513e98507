// ใบสำคัญจ่ายเงิน of the welfare fund (DOMAIN.md §2.5): the recipient states that they received the money from
// the fund, item by item (up to 10 rows), with the total and the amount in words, signed by the recipient, the
// treasurer who paid (ผู้จ่ายเงิน) and a witness (as a rule the chair).
import type { Content, ContentColumns } from 'pdfmake/interfaces';
import { z } from 'zod';
import { bilingual } from '../../api/validation';
import { signatureRow } from '../blocks';
import { formatThaiDateLong } from '../format';
import { personName, personNameText } from '../person-name';
import { contentWidth } from '../style';
import { sampleTambon } from './samples';
import { defineForm } from './types';
import { isoDate, moneyItem, moneyTable, moneyWidths, nameFields, signerFields } from './welfare-parts';

export const welfareVoucherInput = z.object({
  /** เลขที่ of the voucher (the books give it); empty: left to be written */
  number: z.string().trim().max(30).default(''),
  date: isoDate('วันที่จ่ายเงิน', 'Date paid'),
  /** ข้าพเจ้า: the member, or the beneficiary on a death claim */
  recipient: nameFields,
  /** ที่อยู่ of the recipient, as one line ("บ้านเลขที่ 45 หมู่ที่ 3 ตำบล… อำเภอ… จังหวัด…") */
  address: z.string().trim().min(1, bilingual('ต้องกรอกที่อยู่ผู้รับเงิน', "The recipient's address is required")).max(300),
  /** why the money is paid, printed after the address ("ในฐานะผู้รับผลประโยชน์ของ …"); optional */
  capacity: z.string().trim().max(300).default(''),
  items: z
    .array(moneyItem)
    .min(1, bilingual('ใบสำคัญจ่ายต้องมีอย่างน้อย 1 รายการ', 'A voucher needs at least one item'))
    .max(10, bilingual('ใบสำคัญจ่ายมีได้ไม่เกิน 10 รายการ', 'A voucher holds at most 10 items')),
  /** ผู้จ่ายเงิน: the treasurer */
  paidBy: signerFields.extend({ position: z.string().trim().max(100).default('เหรัญญิก') }),
  /** พยาน: as a rule the chair of the fund's committee */
  witness: signerFields.extend({ position: z.string().trim().max(100).default('ประธานกองทุน') }),
});

export type WelfareVoucherData = z.output<typeof welfareVoucherInput>;

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
    const content: Content[] = [
      { text: 'ใบสำคัญจ่ายเงิน', style: 'title' },
      { text: office.fundName, alignment: 'center', bold: true },
      { text: office.address, alignment: 'center', style: 'table', margin: [0, 0, 0, 8] },
      {
        columns: [
          { text: `เลขที่ ${data.number || '....................'}`, width: '*' },
          { text: `วันที่ ${formatThaiDateLong(data.date)}`, width: 'auto' },
        ],
        margin: [0, 0, 0, 6],
      },
      {
        text: ['ข้าพเจ้า ', personName(data.recipient, { bold: true }), ` ที่อยู่ ${data.address}`, ...(data.capacity ? [` ${data.capacity}`] : [])],
        leadingIndent: 36,
      },
      {
        text: ['ได้รับเงินจาก ', { text: office.fundName, bold: true }, ...(data.paidBy.name ? [` โดย ${data.paidBy.name} ${data.paidBy.position}`] : []), ' ดังรายการต่อไปนี้'],
        margin: [0, 0, 0, 8],
      },
      // at the table size ten items and the three signatures share one page
      moneyTable(data.items, { widths: moneyWidths(width, style.tableSize), totalLabel: 'รวมทั้งสิ้น', fontSize: style.tableSize }),
      {
        ...(signatureRow(
        [
          { name: personNameText(data.recipient), role: 'ผู้รับเงิน', position: false },
          { name: data.paidBy.name, role: 'ผู้จ่ายเงิน', position: data.paidBy.position },
          { name: data.witness.name, role: 'พยาน', position: data.witness.position },
        ],
        28,
      ) as ContentColumns),
        // no space after the last block: it would push an empty page when the signatures end the page
        margin: [0, 28, 0, 0],
      },
    ];
    return content;
  },
  fileName: (data) => `ใบสำคัญจ่าย-${data.number || data.date}`.replace(/[\\/:*?"<>|\s]+/g, '-'),
});
