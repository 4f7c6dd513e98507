// รายชื่อสมาชิกค้างส่งเงินสมทบ: per village, the members who owe on a day — member number, name, the periods owed
// (first–last), how many were missed against the fund's arrears limit (those at the limit marked "ครบเกณฑ์พ้นสภาพ",
// those one period short of it "ใกล้ครบเกณฑ์") and the amount, with a total per village and for the list. The rows
// are what main/welfare/collection.ts collectionSheet() gives, read by main/welfare/report-methods.ts, so the list
// never disagrees with the sheet.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { z } from 'zod';
import { bilingual } from '../../api/validation';
import { dataTable, signatureRow } from '../blocks';
import { formatSatang, formatThaiDateLong } from '../format';
import { personName } from '../person-name';
import { measureTable, planTable, type TableColumn, type TableMeasure, type TablePlan } from '../table-plan';
import type { PageStyle } from '../style';
import { sampleTambon } from './samples';
import { defineForm } from './types';
import { isoDate, satangField } from './welfare-parts';

export const arrearsRow = z.object({
  memberNumber: z.string().trim().min(1).max(30),
  /** the name as the register writes it ("นางสาวกัญญ์ณัฏฐ์ ศรีสุวรรณ์") */
  name: z.string().trim().min(1).max(200),
  /** "ค่าสมัครแรกเข้า, ส.ค. 69 – พ.ย. 69" */
  periods: z.string().trim().max(200),
  missedCount: z.number().int().min(0),
  /** missed as many periods as the fund's arrears limit, or more */
  atLimit: z.boolean().default(false),
  /** one missed period short of the limit (a limit above 1): the next one missed brings them to it */
  nearLimit: z.boolean().default(false),
  owedSatang: satangField('ยอดค้างส่ง', 'Amount owed'),
});

export const welfareArrearsInput = z.object({
  asOf: isoDate('ข้อมูล ณ วันที่', 'As of'),
  /** the fund's arrears limit (periods missed); null: the fund has none */
  arrearsLimit: z.number().int().min(1).nullable().default(null),
  villages: z.array(z.object({ number: z.number().int().min(1).max(999), name: z.string().trim().max(100).default(''), rows: z.array(arrearsRow) })).max(200),
  treasurer: z.string().trim().max(100).default(''),
}).superRefine((data, context) => {
  const rows = data.villages.reduce((sum, village) => sum + village.rows.length, 0);
  if (rows > 50_000) context.addIssue({ code: 'custom', path: ['villages'], message: bilingual('รายชื่อพิมพ์ได้ไม่เกิน 50,000 คน', 'At most 50,000 members per list') });
});

export type WelfareArrearsData = z.output<typeof welfareArrearsInput>;
type Row = z.output<typeof arrearsRow>;

const columns: TableColumn[] = [
  { heading: 'ลำดับ', align: 'center', grow: 0 },
  { heading: 'เลขที่สมาชิก', align: 'center', grow: 0 },
  { heading: 'ชื่อ-สกุล', wholeWords: true, grow: 1 },
  { heading: 'งวดที่ค้างส่ง', grow: 1 },
  { heading: 'ขาดส่ง', grow: 0.5 },
  { heading: 'จำนวนเงิน', align: 'right', grow: 0 },
];

/** The printed lines of the list in order: a heading per village, its members, its total. */
type Line = { kind: 'village'; village: number } | { kind: 'member'; village: number; row: number; order: number } | { kind: 'total'; village: number } | { kind: 'none'; village: number | null };

function linesOf(data: WelfareArrearsData): Line[] {
  if (data.villages.length === 0) return [{ kind: 'none', village: null }];
  return data.villages.flatMap((village, index): Line[] => [
    { kind: 'village', village: index },
    ...(village.rows.length === 0 ? [{ kind: 'none' as const, village: index }] : village.rows.map((_, row) => ({ kind: 'member' as const, village: index, row, order: row + 1 }))),
    { kind: 'total', village: index },
  ]);
}

function missedText(row: Row): string {
  const mark = row.atLimit ? ' ครบเกณฑ์พ้นสภาพ' : row.nearLimit ? ' ใกล้ครบเกณฑ์' : '';
  return `${row.missedCount} งวด${mark}`;
}

function cells(row: Row, order: number): string[] {
  return [String(order), row.memberNumber, row.name, row.periods, missedText(row), formatSatang(row.owedSatang)];
}

/** A name as one string, in the parts personName() keeps whole (the title with the first name, the last name). */
function nameParts(text: string): { firstName: string; lastName: string } {
  const space = text.indexOf(' ');
  return space < 0 ? { firstName: text, lastName: '' } : { firstName: text.slice(0, space), lastName: text.slice(space + 1) };
}

const cached = new WeakMap<WelfareArrearsData, { lines: Line[]; table: TableMeasure; plans: Map<string, TablePlan> }>();

function planFor(data: WelfareArrearsData, style: PageStyle, thaiDigits: boolean) {
  let entry = cached.get(data);
  if (!entry) {
    const lines = linesOf(data);
    const measured = data.villages.flatMap((village) => village.rows.map((row, index) => cells(row, index + 1)));
    entry = { lines, table: measureTable(columns, measured.length ? measured : [columns.map(() => '')]), plans: new Map() };
    cached.set(data, entry);
  }
  const key = JSON.stringify([style, thaiDigits]);
  const plan = entry.plans.get(key) ?? planTable(entry.table, { style, turn: 'never', thaiDigits, above: 140 });
  entry.plans.set(key, plan);
  return { plan, lines: entry.lines };
}

const villageTotal = (rows: readonly Row[]) => rows.reduce((sum, row) => sum + row.owedSatang, 0);

function villageName(village: WelfareArrearsData['villages'][number]): string {
  return `หมู่ที่ ${village.number}${village.name ? ` ${village.name}` : ''}`;
}

/** A row across the whole table (a village's heading, its total). */
function spanning(text: string, options: { bold?: boolean; alignment?: 'right'; fill?: string } = {}): TableCell[] {
  return [
    { text, colSpan: columns.length, ...(options.bold ? { bold: true } : {}), ...(options.alignment ? { alignment: options.alignment } : {}), ...(options.fill ? { fillColor: options.fill } : {}) },
    ...columns.slice(1).map((): TableCell => ({})),
  ];
}

function sampleData(): z.input<typeof welfareArrearsInput> {
  const tambon = sampleTambon();
  const months = ['มิ.ย. 69', 'ก.ค. 69', 'ส.ค. 69', 'ก.ย. 69', 'ต.ค. 69', 'พ.ย. 69'];
  const villages = tambon.villages.slice(0, 2).map((village, villageIndex) => {
    const people = tambon.people.filter((person) => person.village === village.number).slice(0, villageIndex === 0 ? 9 : 5);
    return {
      number: village.number,
      name: village.name,
      rows: people.map((person, index) => {
        const missed = (index % 5) + 1;
        const fee = index === 2;
        const first = months[months.length - missed]!;
        return {
          memberNumber: String(villageIndex * 100 + index + 7).padStart(4, '0'),
          name: `${person.title}${person.firstName} ${person.lastName}`,
          periods: `${fee ? 'ค่าสมัครแรกเข้า, ' : ''}${missed === 1 ? first : `${first} – พ.ย. 69`}`,
          missedCount: missed,
          atLimit: missed >= 3,
          nearLimit: missed === 2,
          owedSatang: missed * 3000 + (fee ? 2000 : 0),
        };
      }),
    };
  });
  return { asOf: '2026-11-30', arrearsLimit: 3, villages, treasurer: 'นางบุญเรือน แก้วมณี' };
}

export const welfareArrearsForm = defineForm({
  id: 'welfare-arrears',
  titleTh: 'รายชื่อสมาชิกค้างส่งเงินสมทบ',
  titleEn: 'Members in arrears with contributions',
  pageSize: 'A4',
  orientation: 'portrait',
  input: welfareArrearsInput,
  sample: sampleData,
  build: (data, { office, style, thaiDigits, notice, rows }) => {
    const { plan, lines } = planFor(data, style, thaiDigits);
    const range = rows ?? { start: 0, end: lines.length };
    if (range.start === 0) plan.notices.forEach((text) => notice?.(text));
    const last = range.end === lines.length;
    let measuredIndex = 0;
    const measuredOf = new Map<Line, number>();
    for (const line of lines) if (line.kind === 'member') measuredOf.set(line, measuredIndex++);
    const part = lines.slice(range.start, range.end);
    const body = part.map((line): TableCell[] => {
      if (line.kind === 'village') return spanning(villageName(data.villages[line.village]!), { bold: true, fill: '#f5f5f5' });
      if (line.kind === 'none') return spanning('ไม่มีสมาชิกค้างส่ง');
      if (line.kind === 'total') {
        const village = data.villages[line.village]!;
        return spanning(`รวม${villageName(village)} ${village.rows.length} ราย เป็นเงิน ${formatSatang(villageTotal(village.rows))} บาท`, { bold: true, alignment: 'right' });
      }
      const row = data.villages[line.village]!.rows[line.row]!;
      const printedCells = plan.body[measuredOf.get(line)!]!;
      return printedCells.map((text, column): TableCell => {
        if (column === 2 && text === row.name) return personName(nameParts(text));
        const align = columns[column]!.align;
        // the members the arrears rule ends stand out: the committee decides on them first
        const bold = column === 4 && row.atLimit;
        return { text, ...(align ? { alignment: align } : {}), ...(bold ? { bold: true } : {}) };
      });
    });
    const tallRows = new Set<number>();
    part.forEach((line, index) => line.kind === 'member' && plan.tallRows.has(measuredOf.get(line)!) && tallRows.add(index));
    const members = data.villages.reduce((sum, village) => sum + village.rows.length, 0);
    const total = data.villages.reduce((sum, village) => sum + villageTotal(village.rows), 0);
    const atLimit = data.villages.reduce((sum, village) => sum + village.rows.filter((row) => row.atLimit).length, 0);
    const nearLimit = data.villages.reduce((sum, village) => sum + village.rows.filter((row) => row.nearLimit).length, 0);
    const content: Content[] = [];
    if (range.start === 0) {
      content.push(
        { text: 'รายชื่อสมาชิกค้างส่งเงินสมทบ', style: 'title' },
        { text: office.fundName, style: 'subtitle' },
        { text: `ข้อมูล ณ วันที่ ${formatThaiDateLong(data.asOf)}`, alignment: 'center' },
        {
          text: data.arrearsLimit === null ? 'ระเบียบกองทุนไม่ได้กำหนดเกณฑ์พ้นสภาพจากการขาดส่ง' : `เกณฑ์พ้นสภาพตามระเบียบกองทุน: ขาดส่งเงินสมทบ ${data.arrearsLimit} งวด`,
          alignment: 'center',
          style: 'table',
          margin: [0, 0, 0, 6],
        },
      );
    }
    content.push(
      dataTable({
        widths: plan.widths,
        fontSize: plan.fontSize === style.tableSize ? undefined : plan.fontSize,
        header: [columns.map((column) => column.heading)],
        body,
        tallRows,
        keepWithLastRow: last
          ? {
              stack: [
                { text: `รวมทั้งสิ้น ${members} ราย เป็นเงิน ${formatSatang(total)} บาท`, bold: true, margin: [0, 6, 0, 0] },
                ...(data.arrearsLimit === null ? [] : [{ text: `ขาดส่งครบเกณฑ์พ้นสภาพ ${atLimit} ราย` }]),
                // with a limit of 1 no one is one period short of it: everyone behind is already at it
                ...(data.arrearsLimit === null || data.arrearsLimit < 2 ? [] : [{ text: `ขาดส่งอีก 1 งวดจะครบเกณฑ์พ้นสภาพ ${nearLimit} ราย` }]),
                signatureRow([{ name: data.treasurer || undefined, position: 'เหรัญญิก' }], 16),
              ],
              fontSize: style.bodySize,
            }
          : undefined,
      }),
    );
    return content;
  },
  weight: (data) => linesOf(data).length,
  rowCount: (data) => linesOf(data).length,
  fileName: (data) => `ค้างส่ง-${data.asOf}`,
});
