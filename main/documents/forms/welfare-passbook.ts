// สมุดประจำตัวสมาชิก / member statement (DOMAIN.md §2.5): the member's header, then one row per period
// (ครั้งที่ | วัน เดือน ปี | งวด | จำนวนเงิน | เหรัญญิก | หมายเหตุ ส่ง/ขาด), the header row repeated on every page,
// and the totals after the last row. The rows are what main/welfare/contributions.ts passbookLines() returns,
// each with the name of the treasurer who received it, so the app fills the form straight from the books.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { z } from 'zod';
import { bilingual } from '../../api/validation';
import { formatCitizenId, maskCitizenId } from '../../people/citizen-id';
import { defaultContributionSettings, passbookLines, type Allocation } from '../../welfare/contributions';
import { dataTable } from '../blocks';
import { bahtTextInBrackets, formatSatang, formatThaiDateLong, formatThaiDateShort } from '../format';
import { personName } from '../person-name';
import { measureTable, planTable, type TableColumn, type TableMeasure, type TablePlan } from '../table-plan';
import type { PageStyle } from '../style';
import { sampleTambon } from './samples';
import { defineForm } from './types';
import { isoDate, nameFields, satangField } from './welfare-parts';

/** One row as passbookLines() gives it, with the treasurer who received the money (the books know). */
export const passbookLine = z.object({
  kind: z.enum(['entrance-fee', 'contribution']),
  number: z.number().int().min(1).nullable(),
  period: z.string().nullable(),
  label: z.string().trim().min(1).max(60),
  date: isoDate('วันที่ส่งเงิน', 'Date paid').nullable(),
  amountSatang: satangField('จำนวนเงิน', 'Amount'),
  dueSatang: satangField('เงินที่ต้องส่ง', 'Amount due'),
  dueDate: isoDate('วันครบกำหนด', 'Due date'),
  status: z.enum(['paid', 'partly-paid', 'missed', 'not-due']),
  late: z.boolean().default(false),
  remark: z.string().trim().max(200).default(''),
  receipts: z.array(z.string()).default([]),
  treasurer: z.string().trim().max(100).default(''),
});

export const welfarePassbookInput = z.object({
  member: nameFields.extend({
    /** สมาชิกเลขที่ */
    number: z.string().trim().min(1, bilingual('ต้องกรอกเลขที่สมาชิก', 'The member number is required')).max(30),
    citizenId: z.string().trim().max(20).default(''),
    village: z.number().int().min(1).max(999).nullable().default(null),
    villageName: z.string().trim().max(100).default(''),
    /** เป็นสมาชิกตั้งแต่ (ISO) */
    since: isoDate('วันที่เป็นสมาชิก', 'Member since'),
    /** "ทั่วไป", "ผู้สูงอายุ" … */
    category: z.string().trim().max(60).default(''),
  }),
  /** print the citizen ID in full (the member's own copy); masked to the last digits otherwise (PDPA) */
  fullCitizenId: z.boolean().default(false),
  /** "เดือนละ 30 บาท" */
  scheme: z.string().trim().max(100).default(''),
  /** the rows as they stood on this day (passbookLines' asOf) */
  asOf: isoDate('ข้อมูล ณ วันที่', 'As of'),
  lines: z.array(passbookLine).max(2000, bilingual('สมุดหนึ่งเล่มพิมพ์ได้ไม่เกิน 2,000 แถว', 'At most 2,000 rows per passbook')),
});

export type WelfarePassbookData = z.output<typeof welfarePassbookInput>;
type Line = z.output<typeof passbookLine>;

const columns: TableColumn[] = [
  { heading: 'ครั้งที่', align: 'center', grow: 0 },
  { heading: 'วัน เดือน ปี', align: 'center', grow: 0 },
  { heading: 'งวด', align: 'center', grow: 0 },
  { heading: 'จำนวนเงิน', align: 'right', grow: 0 },
  { heading: 'เหรัญญิก', wholeWords: true, grow: 1 },
  { heading: 'หมายเหตุ', grow: 1 },
];

function cells(line: Line): string[] {
  return [
    line.number === null ? '' : String(line.number),
    line.date ? formatThaiDateShort(line.date) : '',
    line.label,
    line.amountSatang > 0 ? formatSatang(line.amountSatang) : '-',
    line.treasurer,
    line.remark,
  ];
}

const measured = new WeakMap<WelfarePassbookData, TableMeasure>();
const planned = new WeakMap<WelfarePassbookData, Map<string, TablePlan>>();

/** Planned once per page style: a long passbook is laid out a part at a time, each part on the same plan. */
function planFor(data: WelfarePassbookData, style: PageStyle, thaiDigits: boolean): TablePlan {
  let table = measured.get(data);
  if (!table) {
    table = measureTable(columns, data.lines.map(cells));
    measured.set(data, table);
  }
  const plans = planned.get(data) ?? new Map<string, TablePlan>();
  planned.set(data, plans);
  const key = JSON.stringify([style, thaiDigits]);
  const plan = plans.get(key) ?? planTable(table, { style, turn: 'never', thaiDigits, above: 200 });
  plans.set(key, plan);
  return plan;
}

function memberHeader(data: WelfarePassbookData, fundName: string): Content {
  const member = data.member;
  const id = member.citizenId ? (data.fullCitizenId ? formatCitizenId(member.citizenId) : maskCitizenId(member.citizenId)) : '-';
  const village = member.village === null ? '-' : `หมู่ที่ ${member.village}${member.villageName ? ` ${member.villageName}` : ''}`;
  // "label value" lines in two columns at the table size, the citizen ID on a line of its own: side by side the
  // longest pairs (a full ID, "25 พฤศจิกายน 2559") would not fit the width whole
  const field = (label: string, value: string | Content): Content => ({ text: [`${label} `, typeof value === 'string' ? { text: value, bold: true } : value] });
  return {
    stack: [
      { text: 'สมุดประจำตัวสมาชิก', style: 'title' },
      { text: fundName, style: 'subtitle', margin: [0, 0, 0, 8] },
      {
        style: 'table',
        columns: [
          { width: '45%', stack: [field('สมาชิกเลขที่', member.number), field('ชื่อ-สกุล', personName(member, { bold: true })), field('ที่อยู่', village)] },
          { width: '*', stack: [field('เป็นสมาชิกตั้งแต่', formatThaiDateLong(member.since)), field('ประเภทสมาชิก', member.category || '-'), field('เงินสมทบ', data.scheme || '-')] },
        ],
        columnGap: 8,
      },
      { text: ['เลขประจำตัวประชาชน ', { text: id, bold: true }], style: 'table' },
      { text: `ข้อมูล ณ วันที่ ${formatThaiDateLong(data.asOf)}`, alignment: 'right', style: 'table', margin: [0, 2, 0, 6] },
    ],
  };
}

function totals(data: WelfarePassbookData): Content {
  const paid = data.lines.reduce((sum, line) => sum + line.amountSatang, 0);
  const missed = data.lines.filter((line) => line.status === 'missed');
  const owed = missed.reduce((sum, line) => sum + line.dueSatang - line.amountSatang, 0);
  const sent = data.lines.filter((line) => line.kind === 'contribution' && line.status === 'paid').length;
  return {
    stack: [
      { text: ['รวมเงินที่ส่งแล้ว ', { text: `${formatSatang(paid)} บาท`, bold: true }, ` ${bahtTextInBrackets(paid)}`] },
      { text: `ส่ง ${sent} ครั้ง  ขาด ${missed.length} ครั้ง  ค้างส่ง ${formatSatang(owed)} บาท` },
    ],
    margin: [0, 6, 0, 0],
  };
}

/** A name as one string ("นางบุญเรือน แก้วมณี") in the parts personName() keeps whole. */
function nameOf(text: string): { firstName: string; lastName: string } {
  const space = text.indexOf(' ');
  return space < 0 ? { firstName: text, lastName: '' } : { firstName: text.slice(0, space), lastName: text.slice(space + 1) };
}

/** Ten years of a monthly member of the sample tambon: paid on collection days, a few months missed, some late. */
function sampleData(): z.input<typeof welfarePassbookInput> {
  const tambon = sampleTambon();
  const member = tambon.people.find((person) => person.firstName === 'สมศักดิ์' && person.lastName === 'ศรีสุวรรณ์')!;
  const since = '2016-11-05';
  const asOf = '2026-11-27';
  const missed = new Set(['2019-04', '2019-05', '2021-08', '2026-10']);
  const late = new Map([['2020-06', '2020-08-02'], ['2023-12', '2024-01-28']]);
  const allocations: Allocation[] = [{ kind: 'entrance-fee', satang: 2000, paidOn: since, receipt: '1/0012' }];
  let receipt = 100;
  for (let month = 2016 * 12 + 10; month <= 2026 * 12 + 9; month++) {
    const period = `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    if (missed.has(period)) continue;
    allocations.push({ kind: 'contribution', period, satang: 3000, paidOn: late.get(period) ?? `${period}-25`, receipt: `${Math.floor(receipt / 100)}/${String(receipt++ % 100).padStart(4, '0')}` });
  }
  const lines = passbookLines(defaultContributionSettings, { start: since }, allocations, since, '2026-11-30', { asOf });
  return {
    member: {
      number: '0007',
      title: member.title,
      firstName: member.firstName,
      lastName: member.lastName,
      citizenId: member.citizenId,
      village: member.village,
      villageName: tambon.villages.find((village) => village.number === member.village)?.name ?? '',
      since,
      category: 'ทั่วไป',
    },
    scheme: 'เดือนละ 30 บาท',
    asOf,
    // the treasurer column holds a signature's worth: the name without its title keeps each row to one line
    lines: lines.map((line) => ({ ...line, treasurer: line.date ? 'บุญเรือน แก้วมณี' : '' })),
  };
}

export const welfarePassbookForm = defineForm({
  id: 'welfare-passbook',
  titleTh: 'สมุดประจำตัวสมาชิกกองทุนสวัสดิการชุมชน',
  titleEn: 'Welfare fund member passbook',
  pageSize: 'A4',
  orientation: 'portrait',
  input: welfarePassbookInput,
  sample: sampleData,
  build: (data, { office, style, thaiDigits, notice, rows = { start: 0, end: data.lines.length } }) => {
    const plan = planFor(data, style, thaiDigits);
    if (rows.start === 0) plan.notices.forEach((text) => notice?.(text));
    const last = rows.end === data.lines.length;
    const body = plan.body.slice(rows.start, rows.end).map((row, offset) =>
      row.map((text, index): TableCell => {
        const line = data.lines[rows.start + offset]!;
        const align = columns[index]!.align;
        // ขาด stands out: the treasurer looks for it first
        const bold = index === 5 && line.status === 'missed';
        // the treasurer's name as a name (it breaks only at its space), as the plan measured it
        if (index === 4 && text === line.treasurer && text) return personName(nameOf(text));
        return align || bold ? { text, ...(align ? { alignment: align } : {}), ...(bold ? { bold } : {}) } : text;
      }),
    );
    const table = dataTable({
      widths: plan.widths,
      fontSize: plan.fontSize === style.tableSize ? undefined : plan.fontSize,
      header: [columns.map((column) => column.heading)],
      body,
      tallRows: new Set([...plan.tallRows].filter((index) => index >= rows.start && index < rows.end).map((index) => index - rows.start)),
      keepWithLastRow: last ? { stack: [totals(data)], fontSize: style.bodySize } : undefined,
    });
    return rows.start === 0 ? [memberHeader(data, office.fundName), table] : [table];
  },
  weight: (data) => data.lines.length,
  rowCount: (data) => data.lines.length,
  fileName: (data) => `สมุดสมาชิก-${data.member.number}`,
});
