// รายชื่อ: a general list of people (attendance sheets, member registers, distribution lists). The caller picks
// the columns; citizen IDs are masked to the last 4 digits unless the form asks for them in full (PDPA).
import type { Content, TableCell } from 'pdfmake/interfaces';
import { z } from 'zod';
import { columnWidths, dataTable, fitColumns, officeHeader, signatureRow, title, type ColumnFit } from '../blocks';
import { pageStyle, type PageStyle } from '../style';
import { formatCitizenId, maskCitizenId } from '../format';
import { largeSampleTambon, sampleTambon } from './samples';
import { defineForm } from './types';

export const nameListColumns = ['order', 'name', 'village', 'houseNumber', 'citizenId', 'phone', 'signature', 'note'] as const;
export type NameListColumn = (typeof nameListColumns)[number];

/**
 * Heading and width of each column, in points at 14 pt. Number-like columns are as wide as their longest value
 * in Thai digits (wider than Arabic ones; measured with Sarabun) so that no number is ever cut; the others share
 * the rest.
 */
const columnSpec: Record<NameListColumn, { heading: string; fit: ColumnFit; align?: 'center' | 'right' }> = {
  order: { heading: 'ลำดับ', fit: { fixed: 34 }, align: 'center' },
  name: { heading: 'ชื่อ-สกุล', fit: { weight: 2.7, minimum: 120 } },
  village: { heading: 'หมู่ที่', fit: { fixed: 30 }, align: 'center' },
  houseNumber: { heading: 'บ้านเลขที่', fit: { fixed: 58 }, align: 'center' },
  citizenId: { heading: 'เลขประจำตัวประชาชน', fit: { fixed: 118 }, align: 'center' },
  phone: { heading: 'โทรศัพท์', fit: { fixed: 106 }, align: 'center' },
  signature: { heading: 'ลายมือชื่อ', fit: { weight: 1.7, minimum: 80 } },
  note: { heading: 'หมายเหตุ', fit: { weight: 1.3, minimum: 60 } },
};

function scaledFits(columns: readonly NameListColumn[], style: PageStyle): ColumnFit[] {
  const scale = style.tableSize / 14;
  return columns.map((column) => {
    const fit = columnSpec[column].fit;
    return 'fixed' in fit ? { fixed: fit.fixed * scale } : { weight: fit.weight, minimum: fit.minimum * scale };
  });
}

const person = z.object({
  title: z.string().trim().max(40).default(''),
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().max(100).default(''),
  village: z.number().int().min(0).max(999).nullable().default(null),
  houseNumber: z.string().trim().max(40).default(''),
  citizenId: z.string().trim().max(20).default(''),
  phone: z.string().trim().max(40).default(''),
  note: z.string().trim().max(200).default(''),
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

/** Whether the columns need a landscape page: they do not fit a portrait one of the house style. */
export function needsLandscape(columns: readonly NameListColumn[]): boolean {
  const portrait = pageStyle({ orientation: 'portrait' });
  return fitColumns(portrait, scaledFits(columns, portrait)) === null;
}

function cellFor(column: NameListColumn, entry: Person, index: number, fullCitizenId: boolean): TableCell {
  const align = columnSpec[column].align;
  const text = ((): string => {
    switch (column) {
      case 'order':
        return String(index + 1);
      case 'name':
        return `${entry.title}${entry.firstName} ${entry.lastName}`.trim();
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
  })();
  return align ? { text, alignment: align } : text;
}

export const nameListForm = defineForm({
  id: 'name-list',
  titleTh: 'รายชื่อ',
  titleEn: 'Name list',
  pageSize: 'A4',
  orientation: 'portrait',
  input: nameListInput,
  orientationFor: (data) => ((data.landscape ?? needsLandscape(data.columns)) ? 'landscape' : 'portrait'),
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
  build: (data, { office, style, rows = { start: 0, end: data.people.length } }) => {
    const columns = data.columns;
    const table = dataTable({
      // A landscape page always fits (at most eight columns); a caller forcing portrait gets the narrowest fit.
      widths: fitColumns(style, scaledFits(columns, style)) ?? columnWidths(style, scaledFits(columns, style).map((fit) => ('fixed' in fit ? fit.fixed : fit.minimum))),
      header: [columns.map((column) => columnSpec[column].heading)],
      body: data.people.slice(rows.start, rows.end).map((entry, index) => columns.map((column) => cellFor(column, entry, rows.start + index, data.fullCitizenId))),
    });
    const content: Content[] = [];
    if (rows.start === 0) content.push(officeHeader(office, [office.councilName, `ตำบล${office.tambon} อำเภอ${office.amphoe} จังหวัด${office.province}`]), title(data.title, data.subtitle));
    content.push(table);
    if (data.signers.length && rows.end === data.people.length) content.push(signatureRow(data.signers));
    return content;
  },
  weight: (data) => data.people.length,
  rowCount: (data) => data.people.length,
  fileName: (data) => data.title.replace(/[\\/:*?"<>|\s]+/g, '-'),
});
