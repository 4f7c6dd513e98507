// รายชื่อ: a general list of people (attendance sheets, member registers, distribution lists). The caller picks
// the columns; citizen IDs are masked to the last 4 digits unless the form asks for them in full (PDPA).
import type { Content, TableCell } from 'pdfmake/interfaces';
import { z } from 'zod';
import { dataTable, officeHeader, signatureRow, title } from '../blocks';
import { measureTable, planTable, TURNED_FOR_LENGTH_NOTICE, TURNED_NOTICE, type TableColumn, type TableMeasure, type TablePlan } from '../table-plan';
import { pageStyle, type PageStyle } from '../style';
import { formatCitizenId, maskCitizenId } from '../../people/citizen-id';
import { personName, personNameText } from '../person-name';
import { largeSampleTambon, sampleTambon } from './samples';
import { defineForm, type DocumentNotice } from './types';

export const nameListColumns = ['order', 'name', 'village', 'houseNumber', 'citizenId', 'phone', 'signature', 'note'] as const;
export type NameListColumn = (typeof nameListColumns)[number];

/**
 * Each column's heading and how it is sized (blocks.ts planTable): by what it holds — never narrower than its
 * widest word or number, so a citizen ID or a phone is never cut — except ลายมือชื่อ, left blank for signing by
 * hand at a set width. Number-like columns take no more than their content; names and notes share the rest.
 */
const columnSpec: Record<NameListColumn, TableColumn> = {
  order: { heading: 'ลำดับ', align: 'center', grow: 0 },
  // a name breaks only between title+first name and last name (personName)
  name: { heading: 'ชื่อ-สกุล', grow: 1, wholeWords: true },
  village: { heading: 'หมู่ที่', align: 'center', grow: 0 },
  houseNumber: { heading: 'บ้านเลขที่', align: 'center', grow: 0 },
  citizenId: { heading: 'เลขประจำตัวประชาชน', align: 'center', grow: 0 },
  phone: { heading: 'โทรศัพท์', align: 'center', grow: 0 },
  // about 2.5 cm at 14 pt: room for a signature; more when the page has it to spare
  signature: { heading: 'ลายมือชื่อ', handwritten: 72, grow: 2 },
  note: { heading: 'หมายเหตุ', grow: 1 },
};

const person = z.object({
  title: z.string().trim().max(40).default(''),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().max(100).default(''),
  village: z.number().int().min(0).max(999).nullable().default(null),
  houseNumber: z.string().trim().max(40).default(''),
  citizenId: z.string().trim().max(20).default(''),
  phone: z.string().trim().max(40).default(''),
  note: z.string().trim().max(2000).default(''),
});

const signer = z.object({
  name: z.string().trim().max(100).optional(),
  position: z.string().trim().max(100).optional(),
  role: z.string().trim().max(60).optional(),
});

export const nameListInput = z.object({
  title: z.string().trim().min(1).max(200).default('รายชื่อ'),
  subtitle: z.string().trim().max(300).optional(),
  columns: z.array(z.enum(nameListColumns)).min(1).max(nameListColumns.length).default(['order', 'name', 'village', 'houseNumber', 'phone', 'note']),
  /** print citizen IDs in full (only where the form legally needs them) */
  fullCitizenId: z.boolean().default(false),
  /** turn the page; by default a list turns landscape when its columns would not fit a portrait page */
  landscape: z.boolean().optional(),
  people: z.array(person).max(50_000),
  /** signatures under the list (e.g. the person who made it and the one who checked it) */
  signers: z.array(signer).max(3).default([]),
});

export type NameListData = z.output<typeof nameListInput>;
type Person = z.output<typeof person>;

function cellText(column: NameListColumn, entry: Person, index: number, fullCitizenId: boolean): string {
  switch (column) {
    case 'order':
      return String(index + 1);
    case 'name':
      return personNameText(entry);
    case 'village':
      return entry.village === null ? '' : String(entry.village);
    case 'houseNumber':
      return entry.houseNumber;
    case 'citizenId':
      return fullCitizenId ? formatCitizenId(entry.citizenId) : maskCitizenId(entry.citizenId);
    case 'phone':
      return entry.phone;
    case 'signature':
      return ''; // left blank: signed by hand on attendance sheets
    case 'note':
      return entry.note;
  }
}

/**
 * The table measured once per data object and planned per page: orientationFor() plans it (a wide list turns
 * landscape), build() plans it for the page it got. Without the office's digit setting at orientationFor()
 * time, it plans with Thai digits, the wider ones, so a page it chose always holds the numbers.
 */
const measured = new WeakMap<NameListData, TableMeasure>();
/** Why orientationFor() turned the page (said again when the list is built for it). */
const turnedBecause = new WeakMap<NameListData, DocumentNotice>();
/** Plans made, by page: a long list is built a part at a time (FormContext.rows), each part on the same plan. */
const planned = new WeakMap<NameListData, Map<string, TablePlan>>();

function planFor(data: NameListData, style: PageStyle, thaiDigits: boolean, turn: 'first' | 'last' | 'never'): TablePlan {
  let table = measured.get(data);
  if (!table) {
    const rows = data.people.map((entry, index) => data.columns.map((column) => cellText(column, entry, index, data.fullCitizenId)));
    table = measureTable(
      data.columns.map((column) => columnSpec[column]),
      rows,
    );
    measured.set(data, table);
  }
  const plans = planned.get(data) ?? new Map<string, TablePlan>();
  planned.set(data, plans);
  const key = JSON.stringify([style, thaiDigits, turn]);
  // office header and title above the list: about 150 pt (for choosing the page only)
  const plan = plans.get(key) ?? planTable(table, { style, turn, thaiDigits, above: 150 });
  plans.set(key, plan);
  return plan;
}

/** A cell as printed: a name as personName() (it breaks only at its one space) unless it had to be cut. */
function cellNode(column: NameListColumn, text: string, planned: string, entry: Person): TableCell {
  if (column === 'name' && planned === text) return personName(entry);
  const align = columnSpec[column].align;
  return align ? { text: planned, alignment: align } : planned;
}

export const nameListForm = defineForm({
  id: 'name-list',
  titleTh: 'รายชื่อ',
  titleEn: 'Name list',
  pageSize: 'A4',
  orientation: 'portrait',
  input: nameListInput,
  orientationFor: (data) => {
    if (data.landscape) return 'landscape';
    // a list asked for in portrait still turns rather than cut a number or go below 12 pt
    const plan = planFor(data, pageStyle({ orientation: 'portrait' }), true, data.landscape === undefined ? 'first' : 'last');
    const turned = plan.notices.find((notice) => notice === TURNED_NOTICE || notice === TURNED_FOR_LENGTH_NOTICE);
    if (turned) turnedBecause.set(data, turned);
    return plan.orientation;
  },
  sample: (): z.input<typeof nameListInput> => {
    const tambon = sampleTambon();
    const adults = tambon.people.filter((entry) => !entry.title.startsWith('เด็ก')).slice(0, 45);
    return {
      title: `รายชื่อผู้เข้าร่วมประชุม${tambon.office.councilName}`,
      subtitle: 'ครั้งที่ 1/2569 วันที่ 15 มกราคม 2569 ณ ศาลาอเนกประสงค์หมู่ที่ 1',
      columns: ['order', 'name', 'village', 'citizenId', 'phone', 'signature', 'note'],
      people: adults.map((entry, index) => ({
        title: entry.title,
        firstName: entry.firstName,
        lastName: entry.lastName,
        village: entry.village,
        houseNumber: entry.houseNumber,
        citizenId: entry.citizenId,
        phone: entry.phone,
        note: index % 7 === 3 ? 'ผู้แทนองค์กรชุมชนกลุ่มเกษตรกรทำสวนยางพารา' : '',
      })),
      signers: [
        { role: 'ผู้จัดทำ', position: 'เลขานุการสภาองค์กรชุมชนตำบล' },
        { role: 'ผู้ตรวจสอบ', position: 'ประธานสภาองค์กรชุมชนตำบล' },
      ],
    };
  },
  // The register of every village of the large sample tambon: 20 lists, some two thousand pages.
  sampleBatch: () => {
    const tambon = largeSampleTambon();
    return tambon.villages.map((village) => ({
      title: `ทะเบียนรายชื่อสมาชิก หมู่ที่ ${village.number} ${village.name}`,
      subtitle: tambon.office.fundName,
      columns: ['order', 'name', 'houseNumber', 'phone', 'note'] as NameListColumn[],
      people: tambon.people
        .filter((entry) => entry.village === village.number)
        .map((entry) => ({ title: entry.title, firstName: entry.firstName, lastName: entry.lastName, houseNumber: entry.houseNumber, phone: entry.phone })),
    }));
  },
  build: (data, { office, style, thaiDigits, notice, rows = { start: 0, end: data.people.length } }) => {
    const columns = data.columns;
    // The page is set by now (orientationFor planned it, with the wider Thai digits).
    const plan = planFor(data, style, thaiDigits, 'never');
    const turned = style.orientation === 'landscape' ? turnedBecause.get(data) : undefined;
    if (rows.start === 0) [...(turned ? [turned] : []), ...plan.notices].forEach((text) => notice?.(text));
    const last = rows.end === data.people.length;
    const table = dataTable({
      widths: plan.widths,
      fontSize: plan.fontSize === style.tableSize ? undefined : plan.fontSize,
      header: [columns.map((column) => columnSpec[column].heading)],
      body: plan.body.slice(rows.start, rows.end).map((row, offset) => {
        const rowIndex = rows.start + offset;
        return row.map((planned, index) => cellNode(columns[index]!, measured.get(data)!.rows[rowIndex]![index]!, planned, data.people[rowIndex]!));
      }),
      tallRows: new Set([...plan.tallRows].filter((index) => index >= rows.start && index < rows.end).map((index) => index - rows.start)),
      // the signatures share their page with the list's last row
      keepWithLastRow: last && data.signers.length ? { stack: [signatureRow(data.signers)], fontSize: style.bodySize } : undefined,
    });
    const content: Content[] = rows.start === 0 ? [officeHeader(office, [office.councilName, `ตำบล${office.tambon} อำเภอ${office.amphoe} จังหวัด${office.province}`]), title(data.title, data.subtitle), table] : [table];
    return content;
  },
  weight: (data) => data.people.length,
  rowCount: (data) => data.people.length,
  fileName: (data) => data.title.replace(/[\\/:*?"<>|\s]+/g, '-'),
});
