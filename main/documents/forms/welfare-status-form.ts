// แบบแสดงสถานะกองทุนสวัสดิการชุมชน (DOMAIN.md §2.7), every section in the form's order: 1 the fund, 2 founding and
// objectives, 3 members, 4 money by source with the CODI rounds, 5–6 welfare paid since founding and in the year,
// 7 activities, 8 the committee, 9 management, 10 the financial position two-sided (รายการรับ ‖ รายการจ่าย, equal
// totals), 11 links, 12 support, 13 plans, 14 problems, 15 suggestions, and the three signatures. The figures are
// main/welfare/codi-methods.ts statusForm(), the same the screen shows; the words are the committee's, per year.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { z } from 'zod';
import { columnWidths, dataTable, signatureRow } from '../blocks';
import { formatBasisPoints, formatSatang, formatThaiDateLong } from '../format';
import { personName } from '../person-name';
import { contentWidth, type PageStyle } from '../style';
import { defineForm } from './types';
import { isoDate, satangField } from './welfare-parts';

const count = z.number().int().min(0);
const words = (max: number) => z.string().max(max).default('');
const amountRow = z.object({ name: z.string().max(300), amountSatang: z.number().int() });
const positionSection = z.object({ title: z.string().max(200), lines: z.array(amountRow).max(200) });

export const committeeMember = z.object({
  name: z.string().trim().min(1).max(100),
  position: z.string().trim().max(100).default(''),
  communityRole: z.string().trim().max(100).default(''),
  citizenId: z.string().trim().max(20).default(''),
  phone: z.string().trim().max(40).default(''),
});

export const welfareStatusFormInput = z.object({
  fiscalYear: z.number().int().min(2540).max(2700),
  asOf: isoDate('ณ วันที่', 'As of'),
  foundingDate: isoDate('วันก่อตั้ง', 'Founding date').nullable(),
  members: z.object({
    cumulative: count,
    current: count,
    completedOneYear: count,
    cutoff: isoDate('วันที่นับ', 'Cut-off'),
    population: words(100),
    byCategory: z.array(z.object({ name: z.string().max(100), cumulative: count, current: count })).max(50),
    villagesTakingPart: count,
    villagesTotal: count,
    villageNames: z.array(z.string().max(150)).max(500).default([]),
  }),
  money: z.object({
    rows: z.array(amountRow).max(100),
    totalSatang: z.number().int(),
    heldSatang: z.number().int(),
    membersOwnShareBasisPoints: z.number().int().min(0).max(10000),
    rounds: z.array(z.object({ round: z.number().int().nullable(), approvalDate: isoDate('วันอนุมัติ', 'Approval date').nullable(), amountSatang: satangField('จำนวนเงิน', 'Amount') })).max(100),
  }),
  benefits: z.array(z.object({ name: z.string().max(200), personsSinceFounding: count, amountSinceFounding: z.number().int(), personsInYear: count, amountInYear: z.number().int() })).max(100),
  position: z.object({ receiptSide: z.array(positionSection).max(10), paymentSide: z.array(positionSection).max(10), totalReceiptSide: z.number().int(), totalPaymentSide: z.number().int() }),
  texts: z.object({
    objectives: words(4000),
    activities: words(4000),
    management: words(4000),
    links: words(4000),
    support: words(4000),
    plans: z.array(z.object({ plan: z.string().max(500), method: z.string().max(1000), result: z.string().max(1000) })).max(30).default([]),
    problems: words(4000),
    suggestions: words(4000),
    committee: z.array(committeeMember).max(40).default([]),
  }),
});

export type WelfareStatusFormData = z.input<typeof welfareStatusFormInput>;
type Data = z.output<typeof welfareStatusFormInput>;

/** A numbered section's heading (marked, so that keepHeadingsWithNext() finds it). */
export function heading(text: string): Content {
  return { text, bold: true, margin: [0, 8, 0, 2], headlineLevel: 1 } as Content;
}

const isHeading = (node: Content) => typeof node === 'object' && node !== null && 'headlineLevel' in node;

/** The plain text of a short content node, or null when it is not plain text. */
function shortText(node: Content): string | null {
  if (typeof node === 'string') return node;
  if (typeof node !== 'object' || node === null || !('text' in node)) return null;
  const text = node.text;
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.map((part) => (typeof part === 'string' ? part : typeof part === 'object' && part !== null && 'text' in part && typeof part.text === 'string' ? part.text : '')).join('');
  return null;
}

/**
 * A heading never ends a page alone: it shares an unbreakable block with what follows when that is a line or a short
 * paragraph (a long one may break anyway; pdfmake's headlineLevel needs a pageBreakBefore the engine does not take).
 */
export function keepHeadingsWithNext(content: Content[]): Content[] {
  const kept: Content[] = [];
  for (let index = 0; index < content.length; index++) {
    const node = content[index]!;
    const next = content[index + 1];
    const text = next === undefined ? null : shortText(next);
    if (isHeading(node) && next !== undefined && text !== null && text.length <= 400) {
      kept.push({ stack: [node, next], unbreakable: true });
      index += 1;
    } else kept.push(node);
  }
  return kept;
}

/**
 * Two dotted lines to write on by hand, drawn rather than typed as dots: a line of dots is a "word" the line breaker
 * may wrap and start a line with.
 */
export function writingLines(width: number): Content {
  const line = (y: number) => ({ type: 'line' as const, x1: 0, y1: y, x2: width, y2: y, lineWidth: 0.6, dash: { length: 1, space: 2.5 } });
  return { canvas: [line(18), line(40)], margin: [20, 0, 0, 6] };
}

/** The committee's words, paragraph by paragraph; lines to write on when they wrote nothing. */
function committeeWords(text: string, width: number): Content[] {
  const paragraphs = text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (paragraphs.length === 0) return [writingLines(width)];
  return paragraphs.map((paragraph): Content => ({ text: paragraph, margin: [20, 0, 0, 2] }));
}

function line(label: string, value: string): Content {
  return { text: [`${label} `, { text: value, bold: true }], margin: [20, 0, 0, 0] };
}

const people = (value: number) => `${value.toLocaleString('en-US')} คน`;
const baht = (satang: number) => `${formatSatang(satang)} บาท`;

/** Amount columns: wide enough for 99,999,999.99 at the table size. */
function amountWidth(style: PageStyle, fontSize = style.tableSize): number {
  // "999,999,999.99" in bold Sarabun is about 7.4 em: the largest amount the app holds, whole on one line
  return Math.ceil(fontSize * 7.8);
}

/**
 * Widths across the page with the amount columns (true) as wide as an amount needs and the others sharing the rest
 * by their fractions: they add up to what columnWidths gives, so a table never overruns the margin.
 */
export function widthsWithAmounts(style: PageStyle, columns: (number | true)[], fontSize = style.tableSize): number[] {
  const total = columnWidths(style, columns.map(() => 1)).reduce((sum, value) => sum + value, 0);
  const amount = amountWidth(style, fontSize);
  const rest = total - amount * columns.filter((column) => column === true).length;
  const fractions = columns.reduce<number>((sum, column) => sum + (column === true ? 0 : column), 0);
  return columns.map((column) => (column === true ? amount : Math.floor((rest * column) / fractions)));
}

/**
 * A caption and its table on one page when the table is short.
 */
export function keptTogether(caption: Content, table: Content, rows: number): Content {
  // eight rows of two lines each and a caption fit a page with room to spare; more may not (a page-tall unbreakable
  // block is refused by the engine), and then the header row repeats on every page the table runs over
  return rows <= 8 ? { stack: [caption, table], unbreakable: true } : { stack: [caption, table] };
}

/** A table whose header row never stands alone at a page's foot: it moves down with the first row. */
export function headerWithFirstRow(content: Content): Content {
  const node = content as { table?: Record<string, unknown>; stack?: Content[] };
  if (node.table) node.table.keepWithHeaderRows = 1;
  else node.stack?.forEach(headerWithFirstRow);
  return content;
}

function moneyTable(style: PageStyle, rows: { name: string; amountSatang: number }[], total: { label: string; amountSatang: number }, what = 'แหล่งที่มาของเงินทุน'): Content {
  return dataTable({
    widths: widthsWithAmounts(style, [1.6, 10, true]),
    header: [['ลำดับ', what, 'จำนวนเงิน (บาท)']],
    body: [
      ...rows.map((row, index): TableCell[] => [{ text: String(index + 1), alignment: 'center' }, row.name, { text: formatSatang(row.amountSatang), alignment: 'right' }]),
      [{ text: total.label, colSpan: 2, bold: true, alignment: 'right' }, {}, { text: formatSatang(total.amountSatang), bold: true, alignment: 'right' }],
    ],
  });
}

/** §10: the two sides as rows of one table, a section title then its lines on each side, the equal totals under them. */
function positionTable(data: Data, style: PageStyle): Content {
  type Cell = { text: string; amount: number | null; bold: boolean };
  const flatten = (sections: Data['position']['receiptSide']): Cell[] =>
    sections.flatMap((section) => [{ text: section.title, amount: null, bold: true }, ...section.lines.map((entry) => ({ text: `   ${entry.name}`, amount: entry.amountSatang, bold: false }))]);
  const left = flatten(data.position.receiptSide);
  const right = flatten(data.position.paymentSide);
  const cells = (cell: Cell | undefined): TableCell[] => (cell === undefined ? ['', ''] : [{ text: cell.text, bold: cell.bold }, { text: cell.amount === null ? '' : formatSatang(cell.amount), alignment: 'right' }]);
  const rows = Array.from({ length: Math.max(left.length, right.length) }, (_, index): TableCell[] => [...cells(left[index]), ...cells(right[index])]);
  return dataTable({
    // two sides on a portrait page: a point smaller, so the account names wrap less
    widths: widthsWithAmounts(style, [1, true, 1, true], style.tableSize - 1),
    fontSize: style.tableSize - 1,
    header: [['รายการรับ', 'จำนวนเงิน (บาท)', 'รายการจ่าย', 'จำนวนเงิน (บาท)']],
    body: [
      ...rows,
      [
        { text: 'รวมยอดบัญชีรายรับ', bold: true },
        { text: formatSatang(data.position.totalReceiptSide), bold: true, alignment: 'right' },
        { text: 'รวมยอดบัญชีรายจ่าย', bold: true },
        { text: formatSatang(data.position.totalPaymentSide), bold: true, alignment: 'right' },
      ],
    ],
  });
}

/** Rows of §10: the longer side's section titles and lines. */
function positionRows(data: Data): number {
  const side = (sections: Data['position']['receiptSide']) => sections.reduce((sum, section) => sum + 1 + section.lines.length, 0);
  return Math.max(side(data.position.receiptSide), side(data.position.paymentSide));
}

function benefitsTable(data: Data, style: PageStyle, which: 'founding' | 'year'): Content {
  const rows = data.benefits.map((row) => (which === 'founding' ? { name: row.name, persons: row.personsSinceFounding, amount: row.amountSinceFounding } : { name: row.name, persons: row.personsInYear, amount: row.amountInYear }));
  const totalPersons = rows.reduce((sum, row) => sum + row.persons, 0);
  const totalAmount = rows.reduce((sum, row) => sum + row.amount, 0);
  return dataTable({
    widths: widthsWithAmounts(style, [1.7, 8, 2.2, true]),
    header: [['ลำดับ', 'ประเภทสวัสดิการ', 'จำนวน (คน)', 'จำนวนเงิน (บาท)']],
    body: [
      ...(rows.length === 0 ? [[{ text: 'ยังไม่มีการจ่ายสวัสดิการ', colSpan: 4, alignment: 'center' } as TableCell, {}, {}, {}]] : []),
      ...rows.map((row, index): TableCell[] => [{ text: String(index + 1), alignment: 'center' }, row.name, { text: row.persons.toLocaleString('en-US'), alignment: 'right' }, { text: formatSatang(row.amount), alignment: 'right' }]),
      [{ text: 'รวม', colSpan: 2, bold: true, alignment: 'right' }, {}, { text: totalPersons.toLocaleString('en-US'), bold: true, alignment: 'right' }, { text: formatSatang(totalAmount), bold: true, alignment: 'right' }],
    ],
  });
}

function sample(): WelfareStatusFormData {
  const note = `กองทุนจัดเวทีประชาคมร่วมกับสภาองค์กรชุมชนตำบลและโรงพยาบาลส่งเสริมสุขภาพตำบล ${'เยี่ยมผู้ป่วยติดเตียง ผู้สูงอายุที่อยู่ลำพัง และเด็กกำพร้าในทุกหมู่บ้าน มอบถุงยังชีพและอุปกรณ์การเรียน '.repeat(16)}`.slice(0, 2000);
  return {
    fiscalYear: 2569,
    asOf: '2026-09-30',
    foundingDate: '2008-07-01',
    members: {
      cumulative: 18_734,
      current: 16_512,
      completedOneYear: 15_207,
      cutoff: '2026-09-30',
      population: '21,480',
      byCategory: [
        { name: 'บุคคลทั่วไป', cumulative: 12_034, current: 10_778 },
        { name: 'เด็ก/เยาวชน', cumulative: 2_410, current: 2_118 },
        { name: 'ผู้สูงอายุ', cumulative: 3_620, current: 3_050 },
        { name: 'ผู้ด้อยโอกาส', cumulative: 310, current: 281 },
        { name: 'ผู้พิการ', cumulative: 298, current: 236 },
        { name: 'กำพร้า', cumulative: 62, current: 49 },
      ],
      villagesTakingPart: 14,
      villagesTotal: 20,
      villageNames: ['หมู่ 1 บ้านหนองบัว', 'หมู่ 2 บ้านโนนสะอาด', 'หมู่ 3 บ้านดอนแดง', 'หมู่ 5 บ้านหนองแวง', 'หมู่ 6 บ้านโคกสูง', 'หมู่ 7 บ้านท่าช้าง', 'หมู่ 8 บ้านนาคำ', 'หมู่ 9 บ้านหัวขัว', 'หมู่ 11 บ้านโนนม่วง', 'หมู่ 12 บ้านหนองแสง', 'หมู่ 13 บ้านดงเย็น', 'หมู่ 15 บ้านคำบอน', 'หมู่ 17 บ้านหนองผือ', 'หมู่ 19 บ้านโนนทอง'],
    },
    money: {
      rows: [
        { name: 'เงินสมทบจากสมาชิก', amountSatang: 6_843_210_00 },
        { name: 'สถาบันพัฒนาองค์กรชุมชน (พอช.) 55,000/100,000 บาท', amountSatang: 100_000_00 },
        { name: 'งบสมทบจากรัฐบาลผ่าน พอช.', amountSatang: 3_254_300_00 },
        { name: 'องค์กรปกครองส่วนท้องถิ่น (อบต./เทศบาล/อบจ.)', amountSatang: 1_820_000_00 },
        { name: 'ค่าธรรมเนียมแรกเข้า', amountSatang: 374_680_00 },
        { name: 'เงินบริจาค', amountSatang: 52_500_00 },
        { name: 'ดอกเบี้ยเงินฝากธนาคาร', amountSatang: 96_412_37 },
      ],
      totalSatang: 12_541_102_37,
      heldSatang: 4_382_911_12,
      membersOwnShareBasisPoints: 5457,
      rounds: [
        { round: 1, approvalDate: '2011-03-15', amountSatang: 1_254_300_00 },
        { round: 2, approvalDate: '2016-06-02', amountSatang: 1_000_000_00 },
        { round: 3, approvalDate: '2023-08-21', amountSatang: 1_000_000_00 },
      ],
    },
    benefits: [
      { name: 'คลอดบุตร', personsSinceFounding: 1_212, amountSinceFounding: 1_212_000_00, personsInYear: 96, amountInYear: 96_000_00 },
      { name: 'นอนโรงพยาบาล', personsSinceFounding: 6_541, amountSinceFounding: 3_920_400_00, personsInYear: 702, amountInYear: 421_200_00 },
      { name: 'ผู้สูงอายุ', personsSinceFounding: 2_950, amountSinceFounding: 590_000_00, personsInYear: 3_050, amountInYear: 61_000_00 },
      { name: 'เสียชีวิต', personsSinceFounding: 412, amountSinceFounding: 4_210_000_00, personsInYear: 38, amountInYear: 570_000_00 },
    ],
    position: {
      receiptSide: [
        { title: '1. รายรับ', lines: [{ name: 'เงินสมทบจากสมาชิก', amountSatang: 6_843_210_00 }, { name: 'สถาบันพัฒนาองค์กรชุมชน (พอช.)', amountSatang: 100_000_00 }, { name: 'งบสมทบจากรัฐบาลผ่าน พอช.', amountSatang: 3_254_300_00 }, { name: 'องค์กรปกครองส่วนท้องถิ่น', amountSatang: 1_820_000_00 }] },
        { title: '2. รายได้', lines: [{ name: 'ค่าธรรมเนียมแรกเข้า', amountSatang: 374_680_00 }, { name: 'เงินบริจาค', amountSatang: 52_500_00 }, { name: 'ดอกเบี้ยเงินฝากธนาคาร', amountSatang: 96_412_37 }] },
      ],
      paymentSide: [
        { title: '1. สินทรัพย์/เงินคงเหลือ', lines: [{ name: 'เงินฝากธนาคาร', amountSatang: 4_352_180_12 }, { name: 'เงินสดในมือ', amountSatang: 30_731_00 }, { name: 'จ่ายสวัสดิการให้สมาชิก', amountSatang: 7_932_400_00 }] },
        { title: '2. ค่าใช้จ่าย', lines: [{ name: 'ค่าตอบแทนคนทำงาน', amountSatang: 120_000_00 }, { name: 'ค่าพาหนะ', amountSatang: 35_420_00 }, { name: 'ค่าเอกสาร/เครื่องเขียน', amountSatang: 28_371_25 }, { name: 'ค่ากิจกรรม/ประชุม', amountSatang: 42_000_00 }] },
      ],
      totalReceiptSide: 12_541_102_37,
      totalPaymentSide: 12_541_102_37,
    },
    texts: {
      objectives: 'เพื่อให้สมาชิกมีหลักประกันในชีวิตตั้งแต่เกิดจนตาย\nเพื่อส่งเสริมการออมวันละบาทและการช่วยเหลือเกื้อกูลกันในชุมชน',
      activities: note,
      management: 'มีระเบียบกองทุนที่ผ่านที่ประชุมใหญ่ เก็บข้อมูลสมาชิกในฐานข้อมูลกองทุนสวัสดิการ ประชุมกรรมการทุกเดือน บันทึกบัญชีเป็นปัจจุบันและสรุปรายเดือน รายงานต่อสมาชิกและ อปท. ปีละ 2 ครั้ง',
      links: 'ร่วมจัดทำแผนชุมชนกับสภาองค์กรชุมชนตำบล',
      support: 'อบต. สมทบงบประมาณปีละ 300,000 บาท',
      plans: [
        { plan: 'รับสมาชิกใหม่กลุ่มเด็กและเยาวชน', method: 'ประชาสัมพันธ์ผ่านโรงเรียนและหอกระจายข่าว', result: 'สมาชิกใหม่ 312 คน' },
        { plan: 'ตรวจสอบบัญชีภายใน', method: 'กรรมการตรวจสอบทุก 3 เดือน', result: 'ตรวจแล้ว 4 ครั้ง' },
      ],
      problems: 'สมาชิกบางส่วนขาดส่งเงินสมทบเพราะไปทำงานต่างจังหวัด',
      suggestions: 'ขอให้ พอช. จัดอบรมการทำบัญชีให้เหรัญญิกของกองทุน',
      committee: [
        { name: 'นางกัญญ์ณัฏฐ์ ศรีสุวรรณ์', position: 'ประธาน', communityRole: 'ผู้ใหญ่บ้านหมู่ที่ 3', citizenId: '', phone: '081-234-5678' },
        { name: 'นายฐิติพงศ์ ฤทธิ์ณรงค์', position: 'รองประธาน', communityRole: 'ผู้แทนสมาชิก', citizenId: '', phone: '089-111-2222' },
        { name: 'นางบุญเรือน แก้วมณี', position: 'เหรัญญิก', communityRole: 'อสม.', citizenId: '', phone: '' },
        { name: 'นางสาวปุณณ์ญาดา ธนัชพฤกษ์', position: 'เลขานุการ', communityRole: 'ผู้แทน อปท.', citizenId: '', phone: '062-555-0101' },
      ],
    },
  };
}

export const welfareStatusFormForm = defineForm({
  id: 'welfare-status-form',
  titleTh: 'แบบแสดงสถานะกองทุนสวัสดิการชุมชน',
  titleEn: 'Community welfare fund status form (CODI)',
  pageSize: 'A4',
  orientation: 'portrait',
  input: welfareStatusFormInput,
  sample,
  build: (data, { office, style }) => {
    const writable = contentWidth(style) - 20;
    const chair = data.texts.committee.find((member) => member.position.includes('ประธาน') && !member.position.includes('รอง'));
    const secretary = data.texts.committee.find((member) => member.position.includes('เลขานุการ'));
    const coordinator = data.texts.committee.find((member) => member.position.includes('ผู้ประสานงาน'));
    const categoryWidths = columnWidths(style, [6, 3, 3]);
    const committeeWidths = columnWidths(style, [1.5, 5, 2.8, 3, 3.9]);
    const planWidths = columnWidths(style, [1.5, 4, 4, 4]);
    const content: Content[] = [
      { text: 'แบบแสดงสถานะกองทุนสวัสดิการชุมชน', style: 'title' },
      { text: office.fundName, style: 'subtitle' },
      { text: `ปีงบประมาณ ${data.fiscalYear} ข้อมูล ณ วันที่ ${formatThaiDateLong(data.asOf)}`, alignment: 'center', margin: [0, 0, 0, 6] },

      heading('1. ข้อมูลกองทุน'),
      line('ชื่อกองทุน', office.fundName),
      line('ที่ตั้ง', office.address || '-'),
      line('โทรศัพท์', office.phone || '-'),
      line('ประธานกองทุน', chair ? `${chair.name}${chair.phone ? ` โทร. ${chair.phone}` : ''}` : '.'.repeat(60)),
      line('ผู้ประสานงาน', coordinator ? `${coordinator.name}${coordinator.phone ? ` โทร. ${coordinator.phone}` : ''}` : '.'.repeat(60)),

      heading('2. การก่อตั้งและวัตถุประสงค์'),
      line('วันที่ก่อตั้งกองทุน', data.foundingDate === null ? '.'.repeat(40) : formatThaiDateLong(data.foundingDate)),
      { text: 'วัตถุประสงค์ของกองทุน', margin: [20, 2, 0, 0] },
      ...committeeWords(data.texts.objectives, writable),

      heading('3. สมาชิก'),
      line('จำนวนประชากรในชุมชน', data.members.population ? `${data.members.population} คน` : '.'.repeat(30)),
      line('สมาชิกสะสม (ตั้งแต่ก่อตั้ง)', people(data.members.cumulative)),
      line('สมาชิกปัจจุบัน (หักผู้เสียชีวิต ลาออก และพ้นสภาพ)', people(data.members.current)),
      line(`สมาชิกที่เป็นสมาชิกครบ 1 ปี ณ วันที่ ${formatThaiDateLong(data.members.cutoff)} (ขอรับการสมทบ)`, people(data.members.completedOneYear)),
      line('หมู่บ้านที่มีสมาชิก', `${data.members.villagesTakingPart.toLocaleString('en-US')} จาก ${data.members.villagesTotal.toLocaleString('en-US')} หมู่บ้าน`),
      // each village's name kept whole on its line (the name mechanism: no break mark inside, spaces no-break)
      ...(data.members.villageNames.length > 0 ? [{ text: data.members.villageNames.flatMap((name, index) => [...(index > 0 ? [', '] : []), personName({ firstName: name })]), style: 'table', margin: [20, 0, 0, 0] } as Content] : []),
      keptTogether({ text: '', margin: [0, 2, 0, 0] }, dataTable({
        widths: categoryWidths,
        header: [['ประเภทสมาชิก', 'สมาชิกสะสม (คน)', 'สมาชิกปัจจุบัน (คน)']],
        body: [
          ...data.members.byCategory.map((row): TableCell[] => [row.name, { text: row.cumulative.toLocaleString('en-US'), alignment: 'right' }, { text: row.current.toLocaleString('en-US'), alignment: 'right' }]),
          [{ text: 'รวม', bold: true, alignment: 'right' }, { text: data.members.cumulative.toLocaleString('en-US'), bold: true, alignment: 'right' }, { text: data.members.current.toLocaleString('en-US'), bold: true, alignment: 'right' }],
        ],
      }), data.members.byCategory.length),

      heading('4. เงินกองทุน'),
      line('เงินกองทุนสะสมตั้งแต่ก่อตั้ง', baht(data.money.totalSatang)),
      line(`เงินคงเหลือ ณ วันที่ ${formatThaiDateLong(data.asOf)}`, baht(data.money.heldSatang)),
      line('สัดส่วนเงินสมทบของสมาชิกเอง', `ร้อยละ ${formatBasisPoints(data.money.membersOwnShareBasisPoints)}`),
      keptTogether({ text: 'แหล่งที่มาของเงินทุนตั้งแต่ก่อตั้ง', margin: [20, 2, 0, 2] }, moneyTable(style, data.money.rows, { label: 'รวม', amountSatang: data.money.totalSatang }), data.money.rows.length),
      data.money.rounds.length === 0
        ? { text: 'งบสมทบจากรัฐบาลผ่าน พอช.: ยังไม่เคยได้รับ', margin: [20, 4, 0, 0] }
        : keptTogether({ text: 'งบสมทบจากรัฐบาลผ่าน พอช. แยกตามรอบ', margin: [20, 4, 0, 2] }, moneyTable(
            style,
            data.money.rounds.map((round) => ({ name: `${round.round === null ? 'ไม่ระบุรอบ' : `รอบที่ ${round.round}`}${round.approvalDate ? ` อนุมัติเมื่อ ${formatThaiDateLong(round.approvalDate)}` : ''}`, amountSatang: round.amountSatang })),
            { label: 'รวมทุกรอบ', amountSatang: data.money.rounds.reduce((sum, round) => sum + round.amountSatang, 0) },
            'รอบและวันที่อนุมัติ',
          ), data.money.rounds.length),

      keptTogether(heading('5. การจัดสวัสดิการสะสมตั้งแต่ก่อตั้ง'), benefitsTable(data, style, 'founding'), data.benefits.length),
      keptTogether(heading(`6. การจัดสวัสดิการในปีงบประมาณ ${data.fiscalYear}`), benefitsTable(data, style, 'year'), data.benefits.length),

      heading('7. กิจกรรมของกองทุนในชุมชน'),
      ...committeeWords(data.texts.activities, writable),

      data.texts.committee.length === 0
        ? { stack: [heading('8. คณะกรรมการกองทุน'), writingLines(writable)] }
        : keptTogether(heading('8. คณะกรรมการกองทุน'), dataTable({
            widths: committeeWidths,
            header: [['ลำดับ', 'ชื่อ-นามสกุล', 'ตำแหน่งในกองทุน', 'ตำแหน่งในชุมชน', 'หมายเลขโทรศัพท์']],
            body: data.texts.committee.map((member, index): TableCell[] => [{ text: String(index + 1), alignment: 'center' }, member.name, member.position, member.communityRole, member.phone]),
          }), data.texts.committee.length),

      heading('9. ระบบการบริหารจัดการ'),
      ...committeeWords(data.texts.management, writable),

      keptTogether(heading(`10. รายงานฐานะการเงิน ณ วันที่ ${formatThaiDateLong(data.asOf)}`), positionTable(data, style), positionRows(data)),

      heading('11. การเชื่อมโยงกับงานอื่น (สภาองค์กรชุมชน แผนชุมชน ฯลฯ)'),
      ...committeeWords(data.texts.links, writable),
      heading('12. การสนับสนุนจากองค์กรปกครองส่วนท้องถิ่นและหน่วยงานอื่น'),
      ...committeeWords(data.texts.support, writable),
      keptTogether(heading('13. แผนการดำเนินงาน'), dataTable({
        widths: planWidths,
        header: [['ลำดับ', 'แผนงาน/กิจกรรม', 'วิธีการ', 'ผลการดำเนินงาน']],
        body: data.texts.plans.length === 0 ? [[{ text: '', colSpan: 4 } as TableCell, {}, {}, {}]] : data.texts.plans.map((row, index): TableCell[] => [{ text: String(index + 1), alignment: 'center' }, row.plan, row.method, row.result]),
      }), data.texts.plans.length),
      heading('14. ปัญหาและอุปสรรค'),
      ...committeeWords(data.texts.problems, writable),
      heading('15. ข้อเสนอแนะ'),
      ...committeeWords(data.texts.suggestions, writable),
      // the three who sign stay on one page together
      {
        stack: [
          signatureRow(
            [
              { name: secretary?.name, position: 'เลขานุการกองทุน', role: 'ผู้รวบรวมข้อมูล' },
              { name: chair?.name, position: 'ประธานกองทุน', role: 'ผู้รับรองข้อมูล' },
            ],
            24,
          ),
          signatureRow([{ position: 'คณะกรรมการสนับสนุนการขับเคลื่อนฯ จังหวัด', role: 'ผู้รับรองข้อมูลระดับจังหวัด' }], 8),
        ],
        unbreakable: true,
      },
    ];
    return keepHeadingsWithNext(content).map(headerWithFirstRow);
  },
  fileName: (data) => `แบบแสดงสถานะกองทุน-${data.fiscalYear}`,
});
