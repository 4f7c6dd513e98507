// บันทึกข้อมูลส่วนบุคคลที่สำนักงานเก็บไว้: the answer to an access request under the PDPA (DOMAIN.md §4.7) — for
// one person, everything the app holds about them, section by section (the register, consent, the fund's
// memberships, receipts, claims, payouts, the log of changes and prints). main/history/access-request.ts reads the
// sections from the database; this form only lays them out, so a new area adds a section without a new form.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { z } from 'zod';
import { columnWidths, gridLayout, officeHeader, signatureRow } from '../blocks';
import { formatThaiDateLong } from '../format';
import { personName } from '../person-name';
import { sampleTambon } from './samples';
import { defineForm } from './types';
import { isoDate } from './welfare-parts';

const text = (max: number) => z.string().trim().max(max);

const section = z.object({
  title: text(200).min(1),
  /** label and value pairs, two columns */
  fields: z.array(z.object({ label: text(200), value: text(4000) })).max(200).default([]),
  /** a list: its headings and rows of text, as many cells as headings */
  table: z
    .object({ headings: z.array(text(100)).min(1).max(8), rows: z.array(z.array(text(4000))).max(20_000) })
    .nullable()
    .default(null),
  /** printed when the section holds nothing ("ไม่มีข้อมูล") */
  empty: text(200).default('ไม่มีข้อมูล'),
});

export const personalDataRecordInput = z.object({
  person: z.object({ title: text(40).default(''), firstName: text(100).min(1), lastName: text(100).default('') }),
  asOf: isoDate('ข้อมูล ณ วันที่', 'As of'),
  sections: z.array(section).max(30),
  preparedBy: z.object({ name: text(100).optional(), position: text(100).optional() }).default({}),
});

export type PersonalDataRecordData = z.output<typeof personalDataRecordInput>;
type Section = z.output<typeof section>;

function sectionContent(part: Section, index: number, widthsFor: (fractions: number[]) => number[]): Content[] {
  const heading: Content = { text: `${index + 1}. ${part.title}`, bold: true, margin: [0, 10, 0, 4] };
  const rows = part.table?.rows ?? [];
  if (part.fields.length === 0 && rows.length === 0) return [heading, { text: part.empty, margin: [16, 0, 0, 0] }];
  const content: Content[] = [heading];
  if (part.fields.length) {
    content.push({
      style: 'table',
      table: { widths: widthsFor([1, 2]), dontBreakRows: true, body: part.fields.map((field): TableCell[] => [{ text: field.label, bold: true }, { text: field.value || '-' }]) },
      layout: gridLayout(0),
    });
  }
  if (part.table && rows.length) {
    const headings = part.table.headings;
    content.push({
      style: 'table',
      margin: [0, part.fields.length ? 6 : 0, 0, 0],
      table: {
        headerRows: 1,
        widths: widthsFor(headings.map((_, column) => (column === headings.length - 1 ? 2 : 1))),
        dontBreakRows: true,
        body: [headings.map((cell): TableCell => ({ text: cell, bold: true, alignment: 'center' })), ...rows.map((row) => headings.map((_, column): TableCell => ({ text: row[column] ?? '' })))],
      },
      layout: gridLayout(1),
    });
  }
  return content;
}

function sampleData(): z.input<typeof personalDataRecordInput> {
  const person = sampleTambon().people.find((entry) => entry.firstName.length > 5 && entry.title === 'นางสาว') ?? sampleTambon().people[0]!;
  return {
    person: { title: person.title, firstName: person.firstName, lastName: person.lastName },
    asOf: '2026-11-27',
    sections: [
      {
        title: 'ข้อมูลในทะเบียนบุคคล',
        fields: [
          { label: 'ชื่อ-สกุล', value: `${person.title}${person.firstName} ${person.lastName}` },
          { label: 'เลขประจำตัวประชาชน', value: '1-1017-00203-45-0' },
          { label: 'วันเกิด', value: '15/03/2533' },
          { label: 'ที่อยู่', value: `บ้านเลขที่ ${person.houseNumber} หมู่ที่ ${person.village}` },
          { label: 'โทรศัพท์', value: person.phone },
        ],
      },
      { title: 'ความยินยอม (PDPA)', fields: [{ label: 'ความยินยอม', value: 'ให้ความยินยอม' }, { label: 'วันที่ให้ความยินยอม', value: '10/01/2569' }, { label: 'ขอบเขตความยินยอม', value: 'ทะเบียนสมาชิกและสวัสดิการชุมชน' }] },
      { title: 'สมาชิกกองทุนสวัสดิการชุมชน', table: { headings: ['เลขที่สมาชิก', 'ประเภท', 'วันที่เริ่ม', 'สถานะ'], rows: [['0007', 'สามัญ', '01/08/2569', 'เป็นสมาชิกอยู่']] } },
      { title: 'ใบเสร็จรับเงิน', table: { headings: ['เล่ม/เลขที่', 'วันที่', 'จำนวนเงิน (บาท)', 'หมายเหตุ'], rows: [['12/1', '30/11/2569', '140.00', ''], ['12/9', '31/12/2569', '30.00', 'ยกเลิก: บันทึกผิดคน']] } },
      { title: 'การขอรับสวัสดิการ', table: null },
      { title: 'ประวัติการบันทึก แก้ไข และพิมพ์', table: { headings: ['วันเวลา', 'ผู้ทำรายการ', 'รายการ'], rows: [['27/11/2569 09:15', 'นางบุญเรือน แก้วมณี', 'เพิ่มบุคคลในทะเบียน'], ['27/11/2569 10:02', 'นางบุญเรือน แก้วมณี', 'แก้ไข โทรศัพท์: จาก 081-234-5678 เป็น 089-765-4321']] } },
    ],
    preparedBy: { name: 'นางบุญมี ศรีสุข', position: 'ผู้ดูแลระบบ' },
  };
}

const TITLE = 'บันทึกข้อมูลส่วนบุคคลที่สำนักงานเก็บไว้';

export const personalDataRecordForm = defineForm({
  id: 'personal-data-record',
  titleTh: TITLE,
  titleEn: 'Personal data record (access request)',
  pageSize: 'A4',
  orientation: 'portrait',
  input: personalDataRecordInput,
  sample: sampleData,
  build: (data, { office, style }) => {
    const widthsFor = (fractions: number[]) => columnWidths(style, fractions);
    return [
      officeHeader(office),
      { text: TITLE, style: 'title' },
      { text: ['ของ ', personName(data.person)], alignment: 'center' },
      { text: `ข้อมูล ณ วันที่ ${formatThaiDateLong(data.asOf)} ตามคำขอเข้าถึงข้อมูลส่วนบุคคลของเจ้าของข้อมูล (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562)`, alignment: 'center', margin: [0, 0, 0, 6] },
      ...data.sections.flatMap((part, index) => sectionContent(part, index, widthsFor)),
      signatureRow([{ name: data.preparedBy.name, position: data.preparedBy.position, role: 'ผู้จัดทำ' }], 24),
    ];
  },
  fileName: (data) => `ข้อมูลส่วนบุคคล-${data.person.firstName}-${data.asOf}`,
});
