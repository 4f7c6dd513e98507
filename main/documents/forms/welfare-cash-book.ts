// สมุดเงินสด of the welfare fund (DOMAIN.md §2.10: funds keep a receipts-and-payments book split into cash on hand
// and bank): the common Thai columned cash book — วัน เดือน ปี | เลขที่เอกสาร | รายการ | per money account
// รับ / จ่าย / คงเหลือ — opening with ยอดยกมา, closing with the totals and ยอดยกไป, signed by the treasurer and the
// auditor. The rows are what main/welfare/report-methods.ts cashBook() reads from the journal; the running balances
// are worked out here from the brought-forward balance and the rows (runningBalances), the same way the screen does.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { z } from 'zod';
import { bilingual } from '../../api/validation';
import { dataTable, signatureRow } from '../blocks';
import { formatSatang, formatThaiDateLong, formatThaiDateShort } from '../format';
import { measureTable, planTable, type TableColumn, type TableMeasure, type TablePlan } from '../table-plan';
import type { PageStyle } from '../style';
import { sampleTambon } from './samples';
import { defineForm } from './types';
import { isoDate } from './welfare-parts';

/** Signed satang: money in positive, money out negative; a balance may be below 0 in a badly kept book. */
const signedSatang = z.number().int(bilingual('จำนวนเงินต้องเป็นจำนวนเต็มสตางค์', 'Amounts must be whole satang')).min(-99_999_999_999).max(99_999_999_999);

export const cashBookRow = z.object({
  date: isoDate('วันที่', 'Date'),
  /** "ใบเสร็จ 12/457" (เล่ม/เลขที่), "ใบสำคัญจ่าย 3", "ยกเลิกใบเสร็จ 12/457"; empty for an entry without a paper */
  document: z.string().trim().max(120).default(''),
  description: z.string().trim().max(400),
  /** per money account, in the order of `accounts`: received positive, paid negative, 0 untouched */
  amounts: z.array(signedSatang),
});

export const welfareCashBookInput = z
  .object({
    fromDate: isoDate('ตั้งแต่วันที่', 'From'),
    toDate: isoDate('ถึงวันที่', 'To'),
    /** the money accounts, one column group each: cash on hand first, then each bank account */
    accounts: z
      .array(z.object({ name: z.string().trim().min(1).max(100), bankAccount: z.string().trim().max(100).default('') }))
      .min(1, bilingual('ต้องมีบัญชีเงินสดหรือเงินฝากอย่างน้อยหนึ่งบัญชี', 'At least one money account is needed'))
      .max(4, bilingual('สมุดเงินสดพิมพ์ได้ไม่เกิน 4 บัญชีเงิน', 'At most 4 money accounts per cash book')),
    broughtForward: z.array(signedSatang),
    rows: z.array(cashBookRow).max(50_000, bilingual('สมุดเงินสดหนึ่งเล่มพิมพ์ได้ไม่เกิน 50,000 รายการ เลือกช่วงวันที่ให้สั้นลง', 'At most 50,000 entries; choose a shorter period')),
    treasurer: z.string().trim().max(100).default(''),
    auditor: z.string().trim().max(100).default(''),
  })
  .superRefine((data, context) => {
    if (data.toDate < data.fromDate) context.addIssue({ code: 'custom', path: ['toDate'], message: bilingual('ถึงวันที่ต้องไม่ก่อนตั้งแต่วันที่', 'The end date is before the start date') });
    if (data.broughtForward.length !== data.accounts.length) context.addIssue({ code: 'custom', path: ['broughtForward'], message: bilingual('ยอดยกมาต้องมีครบทุกบัญชี', 'One brought-forward balance per account') });
    data.rows.forEach((row, index) => {
      if (row.amounts.length !== data.accounts.length) context.addIssue({ code: 'custom', path: ['rows', index, 'amounts'], message: bilingual(`รายการที่ ${index + 1}: จำนวนเงินต้องมีครบทุกบัญชี`, `Entry ${index + 1}: one amount per account`) });
    });
  });

export type WelfareCashBookData = z.output<typeof welfareCashBookInput>;

/** The balance of each account after each row, from the balances brought forward. */
export function runningBalances(broughtForward: readonly number[], rows: readonly { amounts: readonly number[] }[]): number[][] {
  let balance = [...broughtForward];
  return rows.map((row) => (balance = balance.map((value, index) => value + (row.amounts[index] ?? 0))));
}

/** Money in and money out of each account over the rows. */
export function cashBookTotals(accountCount: number, rows: readonly { amounts: readonly number[] }[]): { received: number[]; paid: number[] } {
  const received = Array.from({ length: accountCount }, () => 0);
  const paid = Array.from({ length: accountCount }, () => 0);
  for (const row of rows) row.amounts.forEach((amount, index) => (amount > 0 ? (received[index]! += amount) : (paid[index]! -= amount)));
  return { received, paid };
}

const FIXED_COLUMNS = 3;

function columnsFor(accountCount: number): TableColumn[] {
  return [
    { heading: 'วัน เดือน ปี', align: 'center', grow: 0 },
    { heading: 'เลขที่เอกสาร', grow: 0.2 },
    { heading: 'รายการ', grow: 1 },
    ...Array.from({ length: accountCount }, (): TableColumn[] => [
      { heading: 'รับ', align: 'right', grow: 0 },
      { heading: 'จ่าย', align: 'right', grow: 0 },
      { heading: 'คงเหลือ', align: 'right', grow: 0 },
    ]).flat(),
  ];
}

/** What a table row prints: the entries, with the brought-forward row before them and the totals after. */
interface Printed {
  cells: string[][];
  balances: number[][];
  totals: { received: number[]; paid: number[] };
  closing: number[];
}

const money = (satang: number) => formatSatang(satang);

function printed(data: WelfareCashBookData): Printed {
  const balances = runningBalances(data.broughtForward, data.rows);
  const totals = cashBookTotals(data.accounts.length, data.rows);
  const closing = balances.at(-1) ?? data.broughtForward;
  const entryCells = data.rows.map((row, index) => [
    formatThaiDateShort(row.date),
    row.document,
    row.description,
    // the balance shows under the accounts the entry moved; the others keep theirs from the row above
    ...row.amounts.flatMap((amount, account) => (amount === 0 ? ['', '', ''] : [amount > 0 ? money(amount) : '', amount < 0 ? money(-amount) : '', money(balances[index]![account]!)])),
  ]);
  const opening = [formatThaiDateShort(data.fromDate), '', 'ยอดยกมา', ...data.broughtForward.flatMap((value) => ['', '', money(value)])];
  const total = ['', '', 'รวม', ...data.accounts.flatMap((_, account) => [money(totals.received[account]!), money(totals.paid[account]!), ''])];
  const carried = [formatThaiDateShort(data.toDate), '', 'ยอดยกไป', ...closing.flatMap((value) => ['', '', money(value)])];
  return { cells: [opening, ...entryCells, total, carried], balances, totals, closing };
}

const cached = new WeakMap<WelfareCashBookData, { printed: Printed; table: TableMeasure; plans: Map<string, TablePlan> }>();

/** Measured and planned once per page style: a long book is laid out a part at a time, each part on the same plan. */
function planFor(data: WelfareCashBookData, style: PageStyle, thaiDigits: boolean) {
  let entry = cached.get(data);
  if (!entry) {
    const rows = printed(data);
    // measured with one row more, never printed: a thousands amount in every money column, so that a column of
    // small sums is still as wide as its heading ("คงเหลือ" on one line)
    const widest = ['', '', '', ...data.accounts.flatMap(() => ['0,000.00', '0,000.00', '0,000.00'])];
    entry = { printed: rows, table: measureTable(columnsFor(data.accounts.length), [...rows.cells, widest]), plans: new Map() };
    cached.set(data, entry);
  }
  const key = JSON.stringify([style, thaiDigits]);
  // a dense register: six money columns of millions leave the description little room at the usual 14 pt, so it
  // prints at 12 pt, the smallest table text the house allows (table-plan.ts), one line for most entries
  const plan = entry.plans.get(key) ?? planTable(entry.table, { style: { ...style, tableSize: Math.min(style.tableSize, 12) }, turn: 'never', thaiDigits, above: 120 });
  entry.plans.set(key, plan);
  return { plan, printed: entry.printed };
}

function accountHeading(account: WelfareCashBookData['accounts'][number]): string {
  return account.bankAccount ? `${account.name} ${account.bankAccount}` : account.name;
}

function header(data: WelfareCashBookData): TableCell[][] {
  const groups = data.accounts.flatMap((account): TableCell[] => [{ text: accountHeading(account), colSpan: 3, alignment: 'center' }, {}, {}]);
  return [
    [
      { text: 'วัน เดือน ปี', rowSpan: 2, alignment: 'center' },
      { text: 'เลขที่เอกสาร', rowSpan: 2, alignment: 'center' },
      { text: 'รายการ', rowSpan: 2, alignment: 'center' },
      ...groups,
    ],
    [{}, {}, {}, ...data.accounts.flatMap((): TableCell[] => ['รับ', 'จ่าย', 'คงเหลือ'].map((text) => ({ text, alignment: 'center' })))],
  ];
}

function sampleData(): z.input<typeof welfareCashBookInput> {
  const tambon = sampleTambon();
  const names = tambon.people.slice(0, 40).map((person) => `${person.title}${person.firstName} ${person.lastName}`);
  const rows: z.input<typeof cashBookRow>[] = [];
  // A collection day in each village: receipts of 30 to 365 baht into cash, then banked the next day.
  let receipt = 451;
  let day = 3;
  for (let village = 0; village < 4; village++) {
    const date = `2026-11-${String(day).padStart(2, '0')}`;
    let banked = 0;
    for (let member = 0; member < 6; member++) {
      const amount = [3000, 9000, 36_500, 6000, 3000, 12_000][member]!;
      banked += amount;
      const name = names[village * 6 + member]!;
      rows.push({ date, document: `ใบเสร็จ 12/${receipt++}`, description: `รับเงินจาก ${name}`, amounts: [amount, 0] });
    }
    rows.push({ date: `2026-11-${String(day + 1).padStart(2, '0')}`, document: '', description: `นำเงินสดฝากธนาคาร (เก็บเงินหมู่ที่ ${village + 1})`, amounts: [-banked, banked] });
    day += 6;
  }
  rows.splice(3, 0, { date: '2026-11-03', document: 'ยกเลิกใบเสร็จ 12/452', description: `ยกเลิกใบเสร็จเล่มที่ 12 เลขที่ 452: บันทึกผิดคน ต้องเป็นของ${names[30]!}`, amounts: [-9000, 0] });
  rows.push({ date: '2026-11-26', document: 'ใบสำคัญจ่าย 14', description: `จ่ายสวัสดิการกรณีเสียชีวิต ${names[7]!} (เป็นสมาชิก 12 ปี) ให้ผู้รับผลประโยชน์ ${names[8]!}`, amounts: [0, -1_500_000] });
  rows.push({ date: '2026-11-27', document: '', description: 'รับเงินงบสมทบจากรัฐบาลผ่าน พอช. ปีงบประมาณ 2569 รอบที่ 2 โอนเข้าบัญชีกองทุน', amounts: [0, 1_254_300_00] });
  rows.push({
    date: '2026-11-28',
    document: 'ใบสำคัญจ่าย 15',
    description: `ค่าเอกสาร/เครื่องเขียน: ${'กระดาษ A4 ปากกา แฟ้มเอกสาร สมุดบัญชี ตรายาง หมึกพิมพ์ '.repeat(5).trim()}`,
    amounts: [-48_750, 0],
  });
  return {
    fromDate: '2026-11-01',
    toDate: '2026-11-30',
    accounts: [
      { name: 'เงินสดในมือ', bankAccount: '' },
      { name: 'เงินฝากธนาคาร', bankAccount: 'ธ.ก.ส. สาขาแม่ริม 020-1-23456-7' },
    ],
    broughtForward: [1_235_50, 2_486_902_25],
    rows,
    treasurer: 'นางบุญเรือน แก้วมณี',
    auditor: '',
  };
}

export const welfareCashBookForm = defineForm({
  id: 'welfare-cash-book',
  titleTh: 'สมุดเงินสดกองทุนสวัสดิการชุมชน',
  titleEn: 'Welfare fund cash book',
  pageSize: 'A4',
  orientation: 'landscape',
  input: welfareCashBookInput,
  sample: sampleData,
  build: (data, { office, style, thaiDigits, notice, rows = { start: 0, end: data.rows.length } }) => {
    const { plan, printed: table } = planFor(data, style, thaiDigits);
    if (rows.start === 0) plan.notices.forEach((text) => notice?.(text));
    const first = rows.start === 0;
    const last = rows.end === data.rows.length;
    // printed rows: [ยอดยกมา, ...entries, รวม, ยอดยกไป]; an entry's index is its row's + 1
    const from = first ? 0 : rows.start + 1;
    const to = last ? table.cells.length : rows.end + 1;
    const summary = (index: number) => index === 0 || index >= data.rows.length + 1;
    const body = plan.body.slice(from, to).map((row, offset) =>
      row.map((text, column): TableCell => {
        const index = from + offset;
        const align = column === 0 ? 'center' : column >= FIXED_COLUMNS ? 'right' : undefined;
        // only the label is bold: the plan measured dates and amounts in the regular face
        return { text, ...(align ? { alignment: align } : {}), ...(summary(index) && column === 2 ? { bold: true } : {}), ...(column >= FIXED_COLUMNS ? { noWrap: true } : {}) };
      }),
    );
    const content: Content[] = [];
    if (first) {
      content.push(
        { text: 'สมุดเงินสด', style: 'title' },
        { text: office.fundName, style: 'subtitle' },
        { text: `ตั้งแต่วันที่ ${formatThaiDateLong(data.fromDate)} ถึงวันที่ ${formatThaiDateLong(data.toDate)}`, alignment: 'center', margin: [0, 0, 0, 6] },
      );
    }
    content.push(
      dataTable({
        widths: plan.widths,
        fontSize: plan.fontSize === style.tableSize ? undefined : plan.fontSize,
        header: header(data),
        body,
        tallRows: new Set([...plan.tallRows].filter((index) => index >= from && index < to).map((index) => index - from)),
        keepWithLastRow: last
          ? {
              stack: [
                signatureRow(
                  [
                    { name: data.treasurer || undefined, role: 'เหรัญญิก', position: false },
                    { name: data.auditor || undefined, role: 'ผู้ตรวจสอบ', position: false },
                  ],
                  16,
                ),
              ],
              fontSize: style.bodySize,
            }
          : undefined,
      }),
    );
    return content;
  },
  weight: (data) => data.rows.length,
  rowCount: (data) => data.rows.length,
  fileName: (data) => `สมุดเงินสด-${data.fromDate}-${data.toDate}`,
});
