// งบรับ-จ่ายประจำปี of the welfare fund (issue 10), what the committee lays before the annual meeting and the
// status form asks for: 1 the year's receipts and payments; 2 the financial position on the year's last day, two-sided
// as section 10 of CODI's status form (รายการรับ ‖ รายการจ่าย, รวมยอดบัญชีรายรับ = รวมยอดบัญชีรายจ่าย); 3 the
// welfare paid by type, this year and since founding; 4 the fund's money by source with the share that is members'
// own; 5 the members by category and by village. The figures are main/welfare/statements.ts's, as on the screen.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { z } from 'zod';
import { bilingual } from '../../api/validation';
import { columnWidths, dataTable } from '../blocks';
import { formatBasisPoints, formatThaiDateLong } from '../format';
import type { PageStyle } from '../style';
import { defineForm } from './types';
import { isoDate } from './welfare-parts';
import { money, receiptsAndPaymentsData, receiptsAndPaymentsTable, signedSatang, statementLine, statementSigners, statementSignatures } from './welfare-statement-parts';

const count = z.number().int().min(0).max(10_000_000);

const positionSection = z.object({ title: z.string().trim().min(1).max(100), lines: z.array(statementLine).max(100), total: signedSatang });

export const welfareAnnualStatementInput = z
  .object({
    /** "ปีบัญชี 2569 (1 ตุลาคม 2568 – 30 กันยายน 2569)" */
    yearLabel: z.string().trim().min(1).max(120),
    statement: receiptsAndPaymentsData,
    position: z.object({
      asOf: isoDate('ณ วันที่', 'As of'),
      receiptSide: z.array(positionSection).max(10),
      paymentSide: z.array(positionSection).max(10),
      totalReceiptSide: signedSatang,
      totalPaymentSide: signedSatang,
    }),
    benefits: z.array(z.object({ name: z.string().trim().min(1).max(200), personsInPeriod: count, amountInPeriod: signedSatang, personsSinceFounding: count, amountSinceFounding: signedSatang })).max(100),
    sources: z.object({ rows: z.array(z.object({ name: z.string().trim().min(1).max(200), amount: signedSatang })).max(50), total: signedSatang, membersOwnShareBasisPoints: z.number().int().min(0).max(10000) }),
    members: z.object({
      byCategory: z.array(z.object({ name: z.string().trim().min(1).max(100), cumulative: count, current: count })).max(50),
      byVillage: z.array(z.object({ name: z.string().trim().min(1).max(200), cumulative: count, current: count })).max(500),
      cumulative: count,
      current: count,
    }),
    ...statementSigners,
  })
  .superRefine((data, context) => {
    if (data.statement.to < data.statement.from) context.addIssue({ code: 'custom', path: ['statement', 'to'], message: bilingual('ถึงวันที่ต้องไม่ก่อนตั้งแต่วันที่', 'The end date is before the start date') });
  });

export type WelfareAnnualStatementData = z.output<typeof welfareAnnualStatementInput>;

function sectionHeading(text: string, pageBreak = false): Content {
  return { text, bold: true, fontSize: 16, margin: [0, pageBreak ? 0 : 14, 0, 4], ...(pageBreak ? { pageBreak: 'before' as const } : {}) };
}

const amountCell = (amount: number | null, bold = false): TableCell => ({ text: amount === null ? '' : money(amount), alignment: 'right', noWrap: true, ...(bold ? { bold: true } : {}) });
const countCell = (value: number, bold = false): TableCell => ({ text: value.toLocaleString('en-US'), alignment: 'right', noWrap: true, ...(bold ? { bold: true } : {}) });

/** One side of section 10 as rows of [label, amount]: each group's heading, then its lines indented. */
function sideRows(sections: WelfareAnnualStatementData['position']['receiptSide']): TableCell[][] {
  return sections.flatMap((section) => [
    [{ text: section.title, bold: true }, amountCell(null)],
    ...section.lines.map((line): TableCell[] => [{ text: line.name, margin: [8, 0, 0, 0] }, amountCell(line.amount)]),
  ]);
}

/** รายการรับ | จำนวนเงิน ‖ รายการจ่าย | จำนวนเงิน, side by side, the shorter side padded, the two totals on the last row. */
function positionTable(data: WelfareAnnualStatementData, style: PageStyle): Content {
  const left = sideRows(data.position.receiptSide);
  const right = sideRows(data.position.paymentSide);
  const body: TableCell[][] = [];
  for (let index = 0; index < Math.max(left.length, right.length); index++) body.push([...(left[index] ?? ['', '']), ...(right[index] ?? ['', ''])]);
  body.push([{ text: 'รวมยอดบัญชีรายรับ', bold: true }, amountCell(data.position.totalReceiptSide, true), { text: 'รวมยอดบัญชีรายจ่าย', bold: true }, amountCell(data.position.totalPaymentSide, true)]);
  return dataTable({
    // two amount columns of tens of millions side by side: 12 pt keeps each whole on one line
    widths: columnWidths(style, [1.6, 1, 1.6, 1]),
    fontSize: Math.min(style.tableSize, 12),
    header: [['รายการรับ', 'จำนวนเงิน (บาท)', 'รายการจ่าย', 'จำนวนเงิน (บาท)'].map((text) => ({ text, alignment: 'center' }))],
    body,
  });
}

function benefitsTable(data: WelfareAnnualStatementData, style: PageStyle): Content {
  const total = (key: 'personsInPeriod' | 'amountInPeriod' | 'personsSinceFounding' | 'amountSinceFounding') => data.benefits.reduce((sum, row) => sum + row[key], 0);
  const body: TableCell[][] = data.benefits.length === 0 ? [[{ text: 'ยังไม่เคยจ่ายสวัสดิการ', colSpan: 5 }, {}, {}, {}, {}]] : data.benefits.map((row) => [row.name, countCell(row.personsInPeriod), amountCell(row.amountInPeriod), countCell(row.personsSinceFounding), amountCell(row.amountSinceFounding)]);
  body.push([{ text: 'รวม', bold: true }, countCell(total('personsInPeriod'), true), amountCell(total('amountInPeriod'), true), countCell(total('personsSinceFounding'), true), amountCell(total('amountSinceFounding'), true)]);
  return dataTable({
    widths: columnWidths(style, [1.6, 0.6, 1.1, 0.65, 1.15]),
    fontSize: Math.min(style.tableSize, 12),
    header: [
      [
        { text: 'ประเภทสวัสดิการ', rowSpan: 2, alignment: 'center' },
        { text: 'ปีนี้', colSpan: 2, alignment: 'center' },
        {},
        { text: 'ตั้งแต่ก่อตั้งกองทุน', colSpan: 2, alignment: 'center' },
        {},
      ],
      [{}, { text: 'คน', alignment: 'center' }, { text: 'บาท', alignment: 'center' }, { text: 'คน', alignment: 'center' }, { text: 'บาท', alignment: 'center' }],
    ],
    body,
  });
}

function sourcesTable(data: WelfareAnnualStatementData, style: PageStyle): Content {
  const share = (amount: number) => (data.sources.total > 0 ? formatBasisPoints(Math.round((amount * 10000) / data.sources.total)) : '');
  return dataTable({
    widths: columnWidths(style, [3, 1.2, 0.7]),
    fontSize: Math.min(style.tableSize, 13),
    header: [['แหล่งที่มาของเงิน', 'จำนวนเงิน (บาท)', 'ร้อยละ'].map((text) => ({ text, alignment: 'center' }))],
    body: [
      ...data.sources.rows.map((row): TableCell[] => [row.name, amountCell(row.amount), { text: share(row.amount), alignment: 'right' }]),
      [{ text: 'รวม', bold: true }, amountCell(data.sources.total, true), { text: data.sources.total > 0 ? '100.00' : '', alignment: 'right', bold: true }],
    ],
  });
}

function membersTable(heading: string, rows: { name: string; cumulative: number; current: number }[], totals: { cumulative: number; current: number }, style: PageStyle, keepWithLastRow?: Content): Content {
  return dataTable({
    widths: columnWidths(style, [3, 1, 1]),
    fontSize: Math.min(style.tableSize, 13),
    keepWithLastRow,
    header: [[heading, 'สมาชิกสะสม (คน)', 'สมาชิกปัจจุบัน (คน)'].map((text) => ({ text, alignment: 'center' }))],
    body: [...rows.map((row): TableCell[] => [row.name, countCell(row.cumulative), countCell(row.current)]), [{ text: 'รวม', bold: true }, countCell(totals.cumulative, true), countCell(totals.current, true)]],
  });
}

function sampleData(): z.input<typeof welfareAnnualStatementInput> {
  const line = (code: string, name: string, amount: number) => ({ code, name, amount });
  return {
    yearLabel: 'ปีบัญชี 2569 (1 ตุลาคม 2568 – 30 กันยายน 2569)',
    statement: {
      from: '2025-10-01',
      to: '2026-09-30',
      opening: { cash: 12_345_50, bank: 8_486_902_25, total: 8_499_247_75 },
      receipts: [line('4101', 'เงินสมทบจากสมาชิก', 7_285_000_00), line('4103', 'งบสมทบจากรัฐบาลผ่าน พอช.', 2_508_600_00), line('4104', 'องค์กรปกครองส่วนท้องถิ่น (อบต./เทศบาล/อบจ.)', 100_000_00), line('4201', 'ค่าธรรมเนียมแรกเข้า', 12_400_00), line('4202', 'เงินบริจาค', 35_500_00), line('4203', 'ดอกเบี้ยเงินฝากธนาคาร', 48_211_37)],
      payments: [line('5101', 'จ่ายสวัสดิการให้สมาชิก', 4_865_500_00), line('5201', 'ค่าตอบแทนคนทำงาน', 120_000_00), line('5203', 'ค่าเอกสาร/เครื่องเขียน', 18_487_50), line('5204', 'ค่ากิจกรรม/ประชุม', 62_000_00)],
      totalReceipts: 9_989_711_37,
      totalPayments: 5_065_987_50,
      closing: { cash: 4_321_00, bank: 13_418_650_62, total: 13_422_971_62 },
    },
    position: {
      asOf: '2026-09-30',
      receiptSide: [
        { title: '1. รายรับ', lines: [line('4101', 'เงินสมทบจากสมาชิก', 38_512_300_00), line('4102', 'สถาบันพัฒนาองค์กรชุมชน (พอช.) 55,000/100,000 บาท', 100_000_00), line('4103', 'งบสมทบจากรัฐบาลผ่าน พอช.', 12_543_000_00), line('4104', 'องค์กรปกครองส่วนท้องถิ่น (อบต./เทศบาล/อบจ.)', 800_000_00), line('4105', 'หน่วยงานภาครัฐอื่น ๆ', 0), line('4106', 'สมทบจากผลกำไรกลุ่มองค์กรในชุมชน', 45_000_00)], total: 52_000_300_00 },
        { title: '2. รายได้', lines: [line('4201', 'ค่าธรรมเนียมแรกเข้า', 98_400_00), line('4202', 'เงินบริจาค', 235_500_00), line('4203', 'ดอกเบี้ยเงินฝากธนาคาร', 512_114_62), line('4204', 'รายได้อื่น ๆ', 0)], total: 846_014_62 },
      ],
      paymentSide: [
        { title: '1. สินทรัพย์/เงินคงเหลือ', lines: [line('1102', 'เงินฝากธนาคาร', 13_418_650_62), line('1101', 'เงินสดในมือ', 4_321_00), line('5101', 'จ่ายสวัสดิการให้สมาชิก', 38_465_343_00), line('1201', 'เงินลงทุนอื่น ๆ', 0)], total: 51_888_314_62 },
        { title: '2. ค่าใช้จ่าย', lines: [line('5201', 'ค่าตอบแทนคนทำงาน', 600_000_00), line('5202', 'ค่าพาหนะ', 48_000_00), line('5203', 'ค่าเอกสาร/เครื่องเขียน', 98_000_00), line('5204', 'ค่ากิจกรรม/ประชุม', 212_000_00), line('5206', 'รายจ่ายอื่น ๆ', 0)], total: 958_000_00 },
      ],
      totalReceiptSide: 52_846_314_62,
      totalPaymentSide: 52_846_314_62,
    },
    benefits: [
      { name: 'คลอดบุตร/เด็กแรกเกิด', personsInPeriod: 38, amountInPeriod: 19_000_00, personsSinceFounding: 412, amountSinceFounding: 206_000_00 },
      { name: 'การเจ็บป่วย/นอนโรงพยาบาล', personsInPeriod: 1_204, amountInPeriod: 1_806_000_00, personsSinceFounding: 9_876, amountSinceFounding: 14_814_000_00 },
      { name: 'กรณีเสียชีวิต', personsInPeriod: 96, amountInPeriod: 2_880_000_00, personsSinceFounding: 788, amountSinceFounding: 22_245_343_00 },
      { name: 'ผู้สูงอายุ (บำนาญชุมชน)', personsInPeriod: 160, amountInPeriod: 160_500_00, personsSinceFounding: 1_200, amountSinceFounding: 1_200_000_00 },
    ],
    sources: {
      rows: [
        { name: 'เงินสมทบจากสมาชิก', amount: 38_512_300_00 },
        { name: 'สมทบจากผลกำไรกลุ่มองค์กรในชุมชน', amount: 45_000_00 },
        { name: 'องค์กรปกครองส่วนท้องถิ่น (อบต./เทศบาล/อบจ.)', amount: 800_000_00 },
        { name: 'สถาบันพัฒนาองค์กรชุมชน (พอช.) 55,000/100,000 บาท', amount: 100_000_00 },
        { name: 'งบสมทบจากรัฐบาลผ่าน พอช.', amount: 12_543_000_00 },
        { name: 'ดอกเบี้ยเงินฝากธนาคาร', amount: 512_114_62 },
        { name: 'ค่าธรรมเนียมแรกเข้า', amount: 98_400_00 },
        { name: 'เงินบริจาค', amount: 235_500_00 },
      ],
      total: 52_846_314_62,
      membersOwnShareBasisPoints: 7288,
    },
    members: {
      byCategory: [
        { name: 'บุคคลทั่วไป', cumulative: 18_230, current: 15_902 },
        { name: 'เด็ก/เยาวชน', cumulative: 2_104, current: 1_988 },
        { name: 'ผู้สูงอายุ', cumulative: 3_412, current: 2_615 },
        { name: 'ผู้ด้อยโอกาส', cumulative: 120, current: 101 },
        { name: 'ผู้พิการ', cumulative: 87, current: 80 },
        { name: 'กำพร้า', cumulative: 12, current: 9 },
      ],
      byVillage: Array.from({ length: 12 }, (_, index) => ({ name: `หมู่ ${index + 1} ${['บ้านหนองบัว', 'บ้านโนนสะอาดพัฒนาใต้', 'บ้านกุดจับ', 'บ้านดอนยาวใหญ่'][index % 4]!}`, cumulative: 1_900 + index * 37, current: 1_700 + index * 29 })),
      cumulative: 23_965,
      current: 20_695,
    },
    treasurer: 'นางสาวกัญญ์ณัฏฐ์ ศรีสุวรรณ์',
    chair: 'นายณัฐวรรธน์ พฤกษ์ชยางกูร',
  };
}

export const welfareAnnualStatementForm = defineForm({
  id: 'welfare-annual-statement',
  titleTh: 'งบรับ-จ่ายประจำปี',
  titleEn: 'Annual statement of receipts and payments',
  pageSize: 'A4',
  orientation: 'portrait',
  input: welfareAnnualStatementInput,
  sample: sampleData,
  build: (data, { office, style }) => [
    { text: 'งบรับ-จ่ายประจำปี', style: 'title' },
    { text: office.fundName, style: 'subtitle' },
    { text: data.yearLabel, alignment: 'center', margin: [0, 0, 0, 4] },
    sectionHeading(`1. งบรับ-จ่าย ตั้งแต่วันที่ ${formatThaiDateLong(data.statement.from)} ถึงวันที่ ${formatThaiDateLong(data.statement.to)}`),
    receiptsAndPaymentsTable(data.statement, style),
    sectionHeading(`2. รายงานฐานะการเงิน ณ วันที่ ${formatThaiDateLong(data.position.asOf)}`, true),
    positionTable(data, style),
    { stack: [sectionHeading('3. สวัสดิการที่จ่ายแยกตามประเภท'), benefitsTable(data, style)], unbreakable: true },
    { stack: [sectionHeading('4. เงินกองทุนแยกตามแหล่งที่มา (ตั้งแต่ก่อตั้งกองทุน)'), sourcesTable(data, style), { text: `เงินของสมาชิกเอง (เงินสมทบจากสมาชิก) คิดเป็นร้อยละ ${formatBasisPoints(data.sources.membersOwnShareBasisPoints)} ของเงินกองทุน`, margin: [0, 4, 0, 0] }], unbreakable: true },
    { stack: [sectionHeading(`5. สมาชิก ณ วันที่ ${formatThaiDateLong(data.position.asOf)}`), membersTable('ประเภทสมาชิก', data.members.byCategory, data.members, style)], unbreakable: true },
    { text: '', margin: [0, 6, 0, 0] },
    // the signatures stay with the last rows, never alone on a page
    membersTable('หมู่บ้าน', data.members.byVillage, data.members, style, statementSignatures(data)),
  ],
  fileName: (data) => `งบรับ-จ่ายประจำปี-${data.statement.to.slice(0, 4)}`,
});
