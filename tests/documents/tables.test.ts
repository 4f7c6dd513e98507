// Tables with hard data (issue 7): nothing is dropped, numbers are never cut, columns are sized by what they
// hold, rows never leave a first page empty and signatures never stand alone on a page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Content, ContentTable } from 'pdfmake/interfaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataTable } from '../../main/documents/blocks';
import { measureTable, planTable, type TableColumn } from '../../main/documents/table-plan';
import { composeDocument, parseFormData, requireForm } from '../../main/documents/document';
import { renderForm } from '../../main/documents/engine';
import { formatCitizenId, maskCitizenId } from '../../main/people/citizen-id';
import { forms } from '../../main/documents/forms/index';
import { nameListForm, type NameListColumn, nameListColumns } from '../../main/documents/forms/name-list';
import { personalDataRecordForm } from '../../main/documents/forms/personal-data-record';
import { welfareApplicationForm } from '../../main/documents/forms/welfare-application';
import { welfareAnnualStatementForm } from '../../main/documents/forms/welfare-annual-statement';
import { welfareArrearsForm } from '../../main/documents/forms/welfare-arrears';
import { welfareMonthlyStatementForm } from '../../main/documents/forms/welfare-monthly-statement';
import { welfareCashBookForm } from '../../main/documents/forms/welfare-cash-book';
import { welfarePassbookForm } from '../../main/documents/forms/welfare-passbook';
import { welfareReceiptForm } from '../../main/documents/forms/welfare-receipt';
import { welfareVoucherForm } from '../../main/documents/forms/welfare-voucher';
import { formatSatang } from '../../main/documents/format';
import { SAMPLE_LOGO, sampleOffice } from '../../main/documents/forms/samples';
import { welfareBudgetApplicationForm } from '../../main/documents/forms/welfare-budget-application';
import { welfareStatusFormForm } from '../../main/documents/forms/welfare-status-form';
import { NARROW_TABLE_ROWS, STRESS_WORDS, unspacedThai } from '../../main/documents/forms/thai-stress';
import { renderDocument } from '../../main/documents/render';
import { defaultTextStyle, namedStyles, pageMargins, pageStyle } from '../../main/documents/style';
import { comparable, pdfPageCount, pdfText, pdfWords } from './pdf-tools';
import { expectEveryValue, expectNoForbiddenLineStart, expectOnOneLine, foundInPieces, pageLines } from './printed-values';

const office = { ...sampleOffice(), logo: SAMPLE_LOGO };
const TODAY = '2026-11-27';
let outDir = '';

beforeAll(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-tables-'));
});
afterAll(() => {
  if (outDir && !process.env.KEEP_DOCUMENTS) fs.rmSync(outDir, { recursive: true, force: true });
});

async function render(formId: string, data: unknown, name: string, thaiDigits = false): Promise<{ file: string; pages: number }> {
  const result = await renderForm(formId, data, { office: { ...office, thaiDigits }, today: TODAY });
  const file = path.join(outDir, `${name}${thaiDigits ? '-thai-digits' : ''}.pdf`);
  fs.writeFileSync(file, result.pdf);
  return { file, pages: result.pages };
}

// ---------------------------------------------------------------------------------------------------------------
// Hard, ordinary data

/** A deterministic pseudo-random sequence: the long notes must not repeat themselves (they are searched for). */
function* pseudoRandom(seed: number): Generator<number> {
  for (let state = seed; ; ) {
    state = (state * 1103515245 + 12345) % 2147483648;
    yield state / 2147483648;
  }
}

function unrepeatedText(pieces: readonly string[], length: number, seed: number): string {
  const random = pseudoRandom(seed);
  let text = '';
  while (text.length < length) text += pieces[Math.floor(random.next().value! * pieces.length)]!;
  return text.slice(0, length);
}

/** 2,000 characters of Thai words with no space (Thai is written so). */
const THAI_WORDS = ['สภาองค์กรชุมชน', 'ตำบล', 'ประชุม', 'หารือ', 'เรื่อง', 'จัดทำ', 'แผนพัฒนา', 'หมู่บ้าน', 'กองทุนสวัสดิการชุมชน', 'ผู้สูงอายุ', 'กตัญญู', 'ญี่ปุ่น', 'น้ำท่วม', 'ฤๅษี', 'โปร่งใส', 'ติดตาม', 'ช่วยเหลือ', 'สมาชิก', 'ปั้นหม้อ', 'ฎีกา'];
const NO_SPACE_THAI = unrepeatedText(THAI_WORDS, 2000, 7).replace(/[\u0E31-\u0E3A\u0E47-\u0E4E]+$/, '');
/** 2,000 characters no line breaker can break: no space, no Thai word boundary. */
const NO_SPACE_LATIN = unrepeatedText([...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'], 2000, 11);
const AMOUNT = '20,046.79';

interface Person {
  title?: string;
  firstName: string;
  lastName?: string;
  village?: number | null;
  houseNumber?: string;
  citizenId?: string;
  phone?: string;
  note?: string;
}

const people: Person[] = [
  { title: 'นางสาว', firstName: 'กัญญ์ณัฏฐ์', lastName: 'ศรีสุวรรณ์', village: 3, houseNumber: '123/45', citizenId: '1101700203451', phone: '081-234-5678', note: 'ต่าง ๆ ฯลฯ' },
  { title: 'เด็กหญิง', firstName: 'ปุณณ์ญาดา', lastName: 'บุญญฤทธิ์', village: 12, houseNumber: '9/1 ซอยวัดป่า', citizenId: '3409959918816', phone: '02-123-4567', note: `ค่าสมัคร ${AMOUNT} บาท (ร้อยละ 80)` },
  { title: 'นาย', firstName: 'ฐิติวัฒน์', lastName: 'พิชญ์สินี', village: 1, houseNumber: '77', citizenId: '5100200001234', phone: '089-999-0000', note: NO_SPACE_THAI },
  { firstName: 'ญาณิศา' }, // every optional field empty
  { title: 'นาง', firstName: 'พิชญ์สินี', lastName: 'ศรีสุวรรณ์', village: 7, houseNumber: '1000/999', citizenId: '1101700203452', phone: '081-234-5679', note: NO_SPACE_LATIN },
  { title: 'นาย', firstName: 'บุญญฤทธิ์', lastName: 'กัญญ์ณัฏฐ์', village: 999, houseNumber: '12', citizenId: '1101700203453', phone: '081-000-0000', note: 'ผู้แทนองค์กรชุมชนกลุ่มเกษตรกรทำสวนยางพารา' },
];

/** The same people with every field long at once. */
const longPeople: Person[] = people.map((person, index) => ({
  title: 'ว่าที่ร้อยตรีหญิง',
  firstName: `${person.firstName}${unspacedThai(12).slice(0, 60)}`,
  lastName: `${person.lastName ?? 'ศรีสุวรรณ์'}${unspacedThai(9).slice(0, 60)}`,
  village: 100 + index,
  houseNumber: `${index + 1}/123 หมู่ที่ 12 ซอยประชาอุทิศ ๑๒`,
  citizenId: `11017002034${50 + index}`,
  phone: `081-234-567${index} ต่อ 1234, 02-123-4567`,
  note: index % 2 ? NO_SPACE_THAI : NO_SPACE_LATIN,
}));

function nameList(columns: readonly NameListColumn[], entries: Person[], extra: Record<string, unknown> = {}) {
  return {
    title: 'รายชื่อผู้เข้าร่วมประชุมสภาองค์กรชุมชนตำบลหนองบัวทอง',
    subtitle: 'ครั้งที่ 1/2569 วันที่ 15 มกราคม 2569',
    columns,
    fullCitizenId: true,
    people: entries,
    signers: [{ role: 'ผู้จัดทำ', position: 'เลขานุการ' }, { role: 'ผู้ตรวจสอบ' }],
    ...extra,
  };
}

/** What a name list prints for each person, column by column. */
function nameListValues(data: ReturnType<typeof nameList>): string[] {
  const parsed = nameListForm.input.parse(data);
  return parsed.people.flatMap((person, index) =>
    parsed.columns.map((column) => {
      switch (column) {
        case 'order':
          return String(index + 1);
        case 'name':
          return `${person.title}${person.firstName} ${person.lastName}`;
        case 'village':
          return person.village === null ? '' : String(person.village);
        case 'houseNumber':
          return person.houseNumber;
        case 'citizenId':
          return parsed.fullCitizenId ? formatCitizenId(person.citizenId) : maskCitizenId(person.citizenId);
        case 'phone':
          return person.phone;
        case 'signature':
          return '';
        case 'note':
          return person.note;
      }
    }),
  );
}

/**
 * Adversarial data for every registered form, and what each must print. The letter and the stress page are
 * other people's files: their data lives here, not in their code.
 */
const adversarial: Record<string, () => { name: string; data: unknown; printed: string[] }[]> = {
  'name-list': () =>
    [
      { name: 'all-columns', data: nameList(nameListColumns, people) },
      { name: 'all-columns-portrait', data: nameList(nameListColumns, people, { landscape: false }) },
      { name: 'all-columns-landscape', data: nameList(nameListColumns, people, { landscape: true }) },
      { name: 'one-column', data: nameList(['name'], people) },
      { name: 'every-column-long', data: nameList(nameListColumns, longPeople) },
      { name: 'masked-ids', data: nameList(['order', 'name', 'citizenId', 'note'], people, { fullCitizenId: false }) },
    ].map((item) => ({ ...item, printed: nameListValues(item.data) })),
  letter: () => {
    const sample = requireForm('letter').sample() as Record<string, unknown>;
    const paragraphs = [
      `นางสาวกัญญ์ณัฏฐ์ ศรีสุวรรณ์ เลขประจำตัวประชาชน 1-1017-00203-45-1 โทร. 081-234-5678 ขอรับเงินสวัสดิการ ${AMOUNT} บาท ต่าง ๆ ฯลฯ`,
      NO_SPACE_THAI.slice(0, 1500),
    ];
    return [{ name: 'letter', data: { ...sample, subject: `ขอเชิญประชุม ${'เด็กหญิงปุณณ์ญาดา บุญญฤทธิ์ '.repeat(3)}`.trim(), paragraphs }, printed: paragraphs }];
  },
  'thai-stress': () => [{ name: 'thai-stress', data: {}, printed: [...STRESS_WORDS, ...NARROW_TABLE_ROWS.flat()] }],
  // The welfare forms' samples carry the sample tambon's hard names; each must print every name and amount.
  'welfare-receipt': () => {
    const data = welfareReceiptForm.sample();
    const parsed = welfareReceiptForm.input.parse(data);
    return [{ name: 'receipts', data, printed: parsed.receipts.flatMap((receipt) => [personName(receipt.payer), ...receipt.items.flatMap((item) => [item.description, formatSatang(item.amountSatang)])]) }];
  },
  'welfare-voucher': () => {
    const data = welfareVoucherForm.sample();
    const parsed = welfareVoucherForm.input.parse(data);
    return [{ name: 'voucher', data, printed: [personName(parsed.recipient), ...parsed.items.flatMap((item) => [item.description, formatSatang(item.amountSatang)])] }];
  },
  'welfare-passbook': () => {
    const data = welfarePassbookForm.sample();
    const parsed = welfarePassbookForm.input.parse(data);
    return [{ name: 'passbook', data, printed: [personName(parsed.member), ...parsed.lines.map((line) => line.label)] }];
  },
  // the cash book's sample has a 300-character description and a balance in the millions; the arrears list hard names
  'welfare-cash-book': () => {
    const data = welfareCashBookForm.sample();
    const parsed = welfareCashBookForm.input.parse(data);
    return [{ name: 'cash-book', data, printed: [...parsed.rows.flatMap((row) => [row.document, row.description, ...row.amounts.filter((amount) => amount !== 0).map((amount) => formatSatang(Math.abs(amount)))]), ...parsed.broughtForward.map((amount) => formatSatang(amount))] }];
  },
  'welfare-arrears': () => {
    const data = welfareArrearsForm.sample();
    const parsed = welfareArrearsForm.input.parse(data);
    return [{ name: 'arrears', data, printed: parsed.villages.flatMap((village) => village.rows.flatMap((row) => [row.memberNumber, row.name, row.periods, formatSatang(row.owedSatang)])) }];
  },
  // the statements: account names as long as a fund writes them, amounts in the tens of millions, a negative line
  'welfare-monthly-statement': () => {
    const data = welfareMonthlyStatementForm.sample();
    const parsed = welfareMonthlyStatementForm.input.parse(data);
    const { statement } = parsed;
    return [{ name: 'monthly-statement', data, printed: [...[...statement.receipts, ...statement.payments].flatMap((line) => [line.name, formatSatang(line.amount)]), formatSatang(statement.totalReceipts), formatSatang(statement.totalPayments), formatSatang(statement.opening.total), formatSatang(statement.closing.total), parsed.treasurer] }];
  },
  'welfare-annual-statement': () => {
    const data = welfareAnnualStatementForm.sample();
    const parsed = welfareAnnualStatementForm.input.parse(data);
    const sides = [...parsed.position.receiptSide, ...parsed.position.paymentSide].flatMap((section) => [section.title, ...section.lines.flatMap((line) => [line.name, formatSatang(line.amount)])]);
    return [
      {
        name: 'annual-statement',
        data,
        printed: [
          ...parsed.statement.receipts.map((line) => line.name),
          ...sides,
          formatSatang(parsed.position.totalReceiptSide),
          ...parsed.benefits.flatMap((row) => [row.name, formatSatang(row.amountInPeriod), formatSatang(row.amountSinceFounding)]),
          ...parsed.sources.rows.map((row) => row.name),
          ...parsed.members.byVillage.map((row) => row.name),
          parsed.treasurer,
          parsed.chair,
        ],
      },
    ];
  },
  'welfare-application': () => {
    const data = welfareApplicationForm.sample();
    const parsed = welfareApplicationForm.input.parse(data);
    return [{ name: 'application', data, printed: [personName(parsed.applicant), formatCitizenId(parsed.applicant.citizenId), ...parsed.beneficiaries.map((beneficiary) => personName(beneficiary))] }];
  },
  // CODI's two forms: their samples' texts, sources, benefit types, the position's two sides and the committee
  'welfare-status-form': () => {
    const data = welfareStatusFormForm.sample();
    const parsed = welfareStatusFormForm.input.parse(data);
    const sides = [...parsed.position.receiptSide, ...parsed.position.paymentSide].flatMap((section) => [section.title, ...section.lines.flatMap((line) => [line.name, formatSatang(line.amountSatang)])]);
    const texts = [parsed.texts.objectives, parsed.texts.activities, parsed.texts.problems, parsed.texts.suggestions].filter(Boolean);
    return [{ name: 'status-form', data, printed: [...parsed.money.rows.flatMap((row) => [row.name, formatSatang(row.amountSatang)]), ...parsed.benefits.map((row) => row.name), ...sides, ...texts, ...parsed.texts.committee.map((member) => member.name)] }];
  },
  'welfare-budget-application': () => {
    const data = welfareBudgetApplicationForm.sample();
    const parsed = welfareBudgetApplicationForm.input.parse(data);
    return [{ name: 'budget-application', data, printed: [...parsed.rounds.map((round) => formatSatang(round.amountSatang)), ...parsed.benefits.map((row) => row.name), ...parsed.criteria.map((criterion) => criterion.detail), parsed.highlights, parsed.sustainability, ...parsed.committee.map((member) => member.name)].filter(Boolean) }];
  },
  // the access request: its sample, then a long unspaced note in the register and a log of a hundred lines
  'personal-data-record': () => {
    const sample = personalDataRecordForm.input.parse(personalDataRecordForm.sample());
    const long = {
      ...sample,
      sections: [
        { title: 'ข้อมูลในทะเบียนบุคคล', fields: [{ label: 'หมายเหตุ', value: NO_SPACE_THAI.slice(0, 600) }, { label: 'โทรศัพท์', value: '081-234-5678' }], table: null, empty: '' },
        { title: 'ประวัติการบันทึกและแก้ไข', fields: [], table: { headings: ['วันเวลา', 'ผู้ทำรายการ', 'รายการ'], rows: Array.from({ length: 100 }, (_, index) => [`${String((index % 28) + 1).padStart(2, '0')}/11/2569 09:15`, 'นางสาวกัญญ์ณัฏฐ์ ปุณณ์ญาดา', `people.persons.update — โทรศัพท์: 08${String(index).padStart(8, '0')}`]) }, empty: '' },
      ],
    };
    const values = (data: typeof sample) => [personName(data.person), ...data.sections.flatMap((part) => [part.title, ...part.fields.map((field) => field.value), ...(part.table?.rows.flat() ?? [])])].filter(Boolean);
    return [
      { name: 'sample', data: sample, printed: values(sample) },
      { name: 'long', data: long, printed: values(long) },
    ];
  },
};

function personName(person: { title: string; firstName: string; lastName: string }): string {
  return `${person.title}${person.firstName}${person.lastName ? ` ${person.lastName}` : ''}`;
}

describe('every value in, every value out', () => {
  it('has adversarial data for every registered form', () => {
    for (const form of forms) expect(adversarial[form.id], `add adversarial data for ${form.id} to tables.test.ts`).toBeDefined();
  });

  const cases = forms.flatMap((form) => [false, true].map((thaiDigits) => ({ formId: form.id, thaiDigits })));
  it.each(cases)('$formId (Thai digits: $thaiDigits) prints every value it was given', async ({ formId, thaiDigits }) => {
    for (const { name, data, printed } of adversarial[formId]!()) {
      const { file } = await render(formId, data, `${formId}-${name}`, thaiDigits);
      await expectEveryValue(file, printed, { thaiDigits, label: name });
      await expectNoForbiddenLineStart(file);
    }
  });
});

describe('the name list with hard data', () => {
  it('numbers every row and leaves none out, even one taller than a page (portrait and landscape)', async () => {
    for (const [name, data] of [
      ['portrait-tall-rows', nameList(['order', 'name', 'note'], [...people, ...people], { landscape: false })],
      ['landscape-tall-rows', nameList(nameListColumns, [...people, ...people])],
    ] as const) {
      const { file } = await render('name-list', data, name);
      const text = comparable(await pdfText(file));
      // the long notes (2,000 characters) break across pages and come out whole
      expect(foundInPieces(text, comparable(NO_SPACE_LATIN), 8), `${name}: the long note is cut short`).toBe(true);
      const order = (await orderColumn(file, data)).map(Number);
      expect(order, name).toEqual(data.people.map((_, index) => index + 1));
    }
  });

  it('prints a citizen ID, a phone and an amount each on one line, in narrow cells, in both digit sets', async () => {
    for (const thaiDigits of [false, true]) {
      const { file } = await render('name-list', nameList(nameListColumns, people, { landscape: false }), 'narrow-cells', thaiDigits);
      await expectOnOneLine(file, ['1-1017-00203-45-1', '3-4099-59918-81-6', '081-234-5678', '02-123-4567', AMOUNT, '1000/999'], { thaiDigits });
      const stress = await render('thai-stress', {}, 'stress-narrow', thaiDigits);
      await expectOnOneLine(stress.file, NARROW_TABLE_ROWS.flatMap((row) => row.slice(2, 5)), { thaiDigits });
    }
  });

  it('fits 10 rows of long notes on few pages (was 8); the first page holds rows and the signatures share a page with rows', async () => {
    // 110 characters: 16 lines in the 60 pt note column of issue 7, where each row took a page
    const note = 'ผู้แทนกลุ่มเกษตรกรทำสวนยางพาราและกลุ่มแม่บ้านหมู่ที่ 3 ร่วมจัดทำแผนพัฒนาตำบลและติดตามผลการใช้จ่ายเงินกองทุนสวัสดิการชุมชนอย่างโปร่งใส'.slice(0, 110);
    const entries = Array.from({ length: 10 }, (_, index): Person => ({ ...people[index % 3]!, note }));
    const cases: [readonly NameListColumn[], number][] = [
      [['order', 'name', 'signature', 'note'], 2], // an attendance sheet
      [['order', 'name', 'village', 'houseNumber', 'phone', 'note'], 3], // the form's default columns
      // all eight: the ID, phone and signature columns and the names (title+first name never broken) leave the
      // note a quarter of a landscape page
      [nameListColumns, 6],
    ];
    for (const [columns, most] of cases) {
      const data = nameList(columns, entries);
      const { file, pages } = await render('name-list', data, `ten-long-notes-${columns.length}`);
      expect(pages, `${columns.length} columns`).toBeLessThanOrEqual(most);
      const order = await orderColumn(file, data);
      expect(order).toEqual(entries.map((_, index) => String(index + 1)));
      await expectRowsOnFirstPageAndWithSignatures(file, data);
    }
  });

  it('keeps the signatures with the last rows when the list ends at the foot of a page', async () => {
    // Lengths around a page boundary: some of them end the table just where the signatures would not fit.
    for (const rows of [11, 12, 13, 14, 15, 16]) {
      const entries = Array.from({ length: rows }, (_, index): Person => ({ title: 'นาย', firstName: `สมชาย${index + 1}`, lastName: 'ใจดี', village: 3, phone: '081-234-5678' }));
      const data = nameList(['order', 'name', 'village', 'phone', 'signature'], entries);
      const { file } = await render('name-list', data, `signatures-${rows}`);
      await expectRowsOnFirstPageAndWithSignatures(file, data);
    }
  });
});

describe('table layout by content', () => {
  const columns: TableColumn[] = [
    { heading: 'ลำดับ', align: 'center', grow: 0 },
    { heading: 'ชื่อ-สกุล' },
    { heading: 'เลขประจำตัวประชาชน', grow: 0 },
    { heading: 'ลายมือชื่อ', handwritten: 85, grow: 2 },
    { heading: 'หมายเหตุ' },
  ];
  const rows = [
    ['1', 'นางสาวกัญญ์ณัฏฐ์ ศรีสุวรรณ์', '1-1017-00203-45-1', '', 'ผู้แทนองค์กรชุมชนกลุ่มเกษตรกรทำสวนยางพาราและกลุ่มแม่บ้านหมู่ที่ 3 '.repeat(3)],
    ['2', 'นายฐิติวัฒน์ พิชญ์สินี', '3-4099-59918-81-6', '', ''],
  ];
  const style = pageStyle({ orientation: 'portrait' });

  it('gives the note the room it needs and the empty signature column only its set width', () => {
    // landscape, as in issue 7, where the empty signature column was wider than a note of 16 lines
    const plan = planTable(measureTable(columns, rows), { style: pageStyle({ orientation: 'landscape' }), turn: 'never', thaiDigits: false });
    const [order, name, id, signature, note] = plan.widths as [number, number, number, number, number];
    expect(signature).toBeLessThan(note);
    expect(note).toBeGreaterThan(150);
    expect(id).toBeGreaterThan(110); // the whole ID on one line
    expect(order).toBeLessThan(40);
    expect(name).toBeGreaterThan(60);
  });

  it('turns landscape before making the text smaller, and says so', () => {
    const wide: TableColumn[] = ['ก', 'ข', 'ค', 'ง', 'จ', 'ฉ'].map((heading) => ({ heading, grow: 0 }));
    const ids = [wide.map(() => '1-1017-00203-45-1')];
    const turned = planTable(measureTable(wide.slice(0, 5), ids.map((row) => row.slice(0, 5))), { style, turn: 'first', thaiDigits: false });
    expect(turned.orientation).toBe('landscape');
    expect(turned.fontSize).toBe(14);
    expect(turned.notices.map((notice) => notice.th).join(' ')).toContain('แนวนอน');
    const kept = planTable(measureTable(wide.slice(0, 3), ids.map((row) => row.slice(0, 3))), { style, turn: 'never', thaiDigits: true });
    expect(kept.orientation).toBe('portrait');
    expect(kept.fontSize).toBeLessThan(14);
    expect(kept.notices.map((notice) => notice.th).join(' ')).toMatch(/ขนาด 1[23] พอยต์/);
    expect(kept.notices.map((notice) => notice.en).join(' ')).toMatch(/at 1[23] pt/);
    expect(() => planTable(measureTable(wide, ids), { style, turn: 'never', thaiDigits: true })).toThrow(/คอลัมน์มากเกิน/);
  });

  it('tells the office when a list is turned or cut (FormContext.notice)', () => {
    const data = nameListForm.input.parse(nameList(nameListColumns, people, { landscape: false }));
    const orientation = nameListForm.orientationFor!(data);
    const notices: string[] = [];
    nameListForm.build(data, { office, style: pageStyle({ orientation }), today: TODAY, thaiDigits: false, notice: (notice) => notices.push(notice.th) });
    expect(orientation).toBe('landscape'); // eight columns with full IDs do not fit upright even at 12 pt
    expect(notices.join(' ')).toContain('แนวนอน');
    expect(notices.join(' ')).toContain('พยางค์'); // the 2,000 letters without a break
  });

  it('cuts a word no column can hold between syllables, inside that word only', () => {
    const plan = planTable(measureTable([{ heading: 'หมายเหตุ' }], [[`ต่าง ๆ ${NO_SPACE_LATIN} ฯลฯ`]]), { style, turn: 'never', thaiDigits: false });
    const cell = plan.body[0]![0]!;
    expect(cell.replace(/\u200B/g, '')).toBe(`ต่าง ๆ ${NO_SPACE_LATIN} ฯลฯ`);
    expect(cell.startsWith(`ต่าง ๆ ${NO_SPACE_LATIN[0]}\u200B`)).toBe(true);
    expect(cell.split('\u200B').length).toBeGreaterThan(100);
    expect(plan.notices.map((notice) => notice.th).join(' ')).toContain('พยางค์');
  });

  it('fails with a Thai message naming the row when a row that must stay whole fits no page', async () => {
    const tall = Array.from({ length: 90 }, (_, index) => `บรรทัดที่ ${index + 1}`).join('\n');
    const table = dataTable({ widths: [40, 300], header: [['ที่', 'ข้อความ']], body: [['1', 'สั้น'], ['2', tall]] });
    const document = pageDocument(table);
    await expect(renderDocument(document, { thaiDigits: false })).rejects.toThrow(/แถวที่ 2 ของตาราง สูงเกินหนึ่งหน้ากระดาษ/);
    // listed as a tall row, it breaks over pages instead, every line printed
    const split = dataTable({ widths: [40, 300], header: [['ที่', 'ข้อความ']], body: [['1', 'สั้น'], ['2', tall]], tallRows: new Set([1]) });
    const file = path.join(outDir, 'tall-row.pdf');
    fs.writeFileSync(file, await renderDocument(pageDocument(split), { thaiDigits: false }));
    expect(await pdfPageCount(file)).toBeGreaterThan(1);
    await expectEveryValue(file, tall.split('\n'), { thaiDigits: false });
  });
});

function pageDocument(content: Content) {
  const style = pageStyle();
  return { pageSize: 'A4' as const, pageMargins: pageMargins(style), defaultStyle: defaultTextStyle(style), styles: namedStyles(style), content: [content] };
}

/** The table of a composed name list and where its order column ends (points from the left). */
function orderColumnRight(data: unknown): number {
  const form = requireForm('name-list');
  const parsed = parseFormData(form, data);
  const { definition } = composeDocument(form, parsed, { office, today: TODAY });
  const [section] = definition.content as Array<{ section: Content[]; pageMargins: number[] }>;
  const table = section!.section.find((node): node is ContentTable => typeof node === 'object' && node !== null && 'table' in node)!;
  return section!.pageMargins[0]! + (table.table.widths as number[])[0]! + 8.5;
}

/** The order numbers down the first column, page by page, as printed. */
async function orderColumn(file: string, data: ReturnType<typeof nameList>): Promise<string[]> {
  const right = orderColumnRight(data);
  const numbers: string[] = [];
  for (const page of await pdfWords(file)) {
    for (const line of pageLines(page)) {
      const first = line[0]!;
      if (first.xMax < right && /^[0-9๐-๙]+$/.test(first.text)) numbers.push(first.text);
    }
  }
  return numbers;
}

/** The first page holds table rows, and the signature lines share their page with rows of the table. */
async function expectRowsOnFirstPageAndWithSignatures(file: string, data: ReturnType<typeof nameList>): Promise<void> {
  const right = orderColumnRight(data);
  const pages = await pdfWords(file);
  const rowsOn = (pageIndex: number) => pageLines(pages[pageIndex]!).filter((line) => line[0]!.xMax < right && /^[0-9]+$/.test(line[0]!.text)).length;
  expect(rowsOn(0), 'rows on the first page').toBeGreaterThan(0);
  const signaturePages = pages.map((page, index) => (page.words.some((word) => word.text.startsWith('.....')) ? index : -1)).filter((index) => index >= 0);
  expect(signaturePages.length).toBeGreaterThan(0);
  for (const index of signaturePages) expect(rowsOn(index), `rows on page ${index + 1}, with the signatures`).toBeGreaterThan(0);
  // the signatures come after the last row
  expect(signaturePages.at(-1)).toBe(pages.length - 1);
}
