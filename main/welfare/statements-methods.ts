// welfare.statements.*: the fund's statements on screen, printed and as xlsx (issue 10), and the close of a year.
// Every figure comes from main/welfare/statements.ts, so the screen, the PDF and the workbook read alike.
import { z } from 'zod';
import { ApiError } from '../api/errors';
import { defineRead, defineTask, defineWrite, type AppContext } from '../api/router';
import type { Role } from '../api/roles';
import { isoDateField } from '../api/validation';
import { localIsoDate } from '../dates';
import type { WelfareAnnualStatementData } from '../documents/forms/welfare-annual-statement';
import type { WelfareMonthlyStatementData } from '../documents/forms/welfare-monthly-statement';
import { formatBasisPoints } from '../documents/format';
import { officeForPrint, printFromRecords } from '../documents/methods';
import { writeWorkbook, type WriteSpec } from '../spreadsheets/write';
import { bookSettings } from './books';
import { lockBooks } from './books-methods';
import { accountingPeriod, balancesUpTo, benefitsPaidByType, entriesOf, financialPosition, fundBySource, membersByCategoryAndVillage, receiptsAndPayments, type ReceiptsAndPayments } from './statements';
import { dateEn, dateTh } from './wording';

const treasurers: readonly Role[] = ['treasurer'];

const monthInput = z.object({ month: z.string().trim().max(20) });
/** The B.E. year as typed ("2569"); a number is taken as its digits. */
const yearInput = z.object({ year: z.union([z.string().trim().max(10), z.number().int()]).transform(String) });

/** The figures of a month: its receipts and payments. */
export function monthlyStatement(app: AppContext, month: string) {
  const period = accountingPeriod(app, 'month', month);
  return { period, statement: receiptsAndPayments(app, period.from, period.to) };
}

/**
 * The figures of an accounting year: its receipts and payments; on its last day the financial position, the money
 * by source and the members; the welfare paid in it and since founding; and whether the year has ended and is closed.
 */
export function annualStatement(app: AppContext, year: string) {
  const period = accountingPeriod(app, 'year', year);
  const lockDate = bookSettings(app)?.lockDate ?? null;
  // the year's last day, summed once for the statement, the position and the sources
  const balances = balancesUpTo(app, period.to);
  return {
    period,
    statement: receiptsAndPayments(app, period.from, period.to, balances),
    position: financialPosition(app, period.to, balances),
    benefits: benefitsPaidByType(app, period.from, period.to, period.to),
    sources: fundBySource(app, period.to, balances),
    members: membersByCategoryAndVillage(app, period.to),
    lockDate,
    ended: period.to < localIsoDate(app.now()),
    closed: lockDate !== null && lockDate >= period.to,
  };
}

export type AnnualStatement = ReturnType<typeof annualStatement>;

/** The name printed under the treasurer's signature: the user printing, when that user is the treasurer. */
function treasurerName(user: { role: string; displayName: string } | null): string {
  return user?.role === 'treasurer' ? user.displayName : '';
}

function statementForPrint(statement: ReceiptsAndPayments): WelfareMonthlyStatementData['statement'] {
  const line = (row: { code: string; name: string; amount: number }) => ({ code: row.code, name: row.name, amount: row.amount });
  return { ...statement, receipts: statement.receipts.map(line), payments: statement.payments.map(line) };
}

function annualForPrint(annual: AnnualStatement, treasurer: string): WelfareAnnualStatementData {
  const side = (sections: typeof annual.position.receiptSide) => sections.map((section) => ({ title: section.title, total: section.total, lines: section.lines.map((line) => ({ code: line.code, name: line.name, amount: line.amount })) }));
  return {
    yearLabel: annual.period.label.th,
    statement: statementForPrint(annual.statement),
    position: { asOf: annual.position.asOf, receiptSide: side(annual.position.receiptSide), paymentSide: side(annual.position.paymentSide), totalReceiptSide: annual.position.totalReceiptSide, totalPaymentSide: annual.position.totalPaymentSide },
    benefits: annual.benefits.map((row) => ({ name: row.name, personsInPeriod: row.personsInPeriod, amountInPeriod: row.amountInPeriod, personsSinceFounding: row.personsSinceFounding, amountSinceFounding: row.amountSinceFounding })),
    sources: { rows: annual.sources.rows.map((row) => ({ name: row.name, amount: row.amount })), total: annual.sources.total, membersOwnShareBasisPoints: annual.sources.membersOwnShareBasisPoints },
    members: {
      byCategory: annual.members.byCategory.map((row) => ({ name: row.name, cumulative: row.cumulative, current: row.current })),
      byVillage: annual.members.byVillage.map((row) => ({ name: row.name, cumulative: row.cumulative, current: row.current })),
      cumulative: annual.members.cumulative,
      current: annual.members.current,
    },
    treasurer,
    chair: '',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The workbooks: baht as numbers (two decimals), one row per figure as the screen lists them

const baht = (satang: number) => satang / 100;

/** The rows of a receipts-and-payments statement in the screen's order, for the workbook. */
export function receiptsAndPaymentsSheet(statement: ReceiptsAndPayments, sheetName: string, title: string): WriteSpec {
  const row = (section: string, code: string, name: string, amount: number) => ({ section, code, name, amount: baht(amount) });
  return {
    sheetName,
    title,
    columns: [
      { key: 'section', heading: 'หมวด', kind: 'text' },
      { key: 'code', heading: 'รหัสบัญชี', kind: 'text' },
      { key: 'name', heading: 'รายการ', kind: 'text' },
      { key: 'amount', heading: 'จำนวนเงิน (บาท)', kind: 'number' },
    ],
    rows: [
      row('ยอดยกมา', '', 'เงินสดในมือ', statement.opening.cash),
      row('ยอดยกมา', '', 'เงินฝากธนาคาร', statement.opening.bank),
      row('ยอดยกมา', '', 'รวมยอดยกมา', statement.opening.total),
      ...statement.receipts.map((line) => row('รายการรับ', line.code, line.name, line.amount)),
      row('รายการรับ', '', 'รวมรับ', statement.totalReceipts),
      ...statement.payments.map((line) => row('รายการจ่าย', line.code, line.name, line.amount)),
      row('รายการจ่าย', '', 'รวมจ่าย', statement.totalPayments),
      row('ยอดยกไป', '', 'เงินสดในมือ', statement.closing.cash),
      row('ยอดยกไป', '', 'เงินฝากธนาคาร', statement.closing.bank),
      row('ยอดยกไป', '', 'รวมยอดยกไป', statement.closing.total),
    ],
  };
}

function annualSheets(annual: AnnualStatement, fundName: string): WriteSpec[] {
  const asOf = dateTh(annual.position.asOf);
  const sideRows = (side: string, sections: typeof annual.position.receiptSide) => sections.flatMap((section) => section.lines.map((line) => ({ side, section: section.title, code: line.code, name: line.name, amount: baht(line.amount) })));
  return [
    receiptsAndPaymentsSheet(annual.statement, 'งบรับ-จ่าย', `งบรับ-จ่าย ${fundName} ${annual.period.label.th}`),
    {
      sheetName: 'ฐานะการเงิน',
      title: `รายงานฐานะการเงิน ณ วันที่ ${asOf}`,
      columns: [
        { key: 'side', heading: 'ด้าน', kind: 'text' },
        { key: 'section', heading: 'หมวด', kind: 'text' },
        { key: 'code', heading: 'รหัสบัญชี', kind: 'text' },
        { key: 'name', heading: 'รายการ', kind: 'text' },
        { key: 'amount', heading: 'จำนวนเงิน (บาท)', kind: 'number' },
      ],
      rows: [
        ...sideRows('รายการรับ', annual.position.receiptSide),
        { side: 'รายการรับ', section: '', code: '', name: 'รวมยอดบัญชีรายรับ', amount: baht(annual.position.totalReceiptSide) },
        ...sideRows('รายการจ่าย', annual.position.paymentSide),
        { side: 'รายการจ่าย', section: '', code: '', name: 'รวมยอดบัญชีรายจ่าย', amount: baht(annual.position.totalPaymentSide) },
      ],
    },
    {
      sheetName: 'สวัสดิการที่จ่าย',
      title: `สวัสดิการที่จ่ายแยกตามประเภท ${annual.period.label.th}`,
      columns: [
        { key: 'code', heading: 'รหัส', kind: 'text' },
        { key: 'name', heading: 'ประเภทสวัสดิการ', kind: 'text' },
        { key: 'personsInPeriod', heading: 'ปีนี้ (คน)', kind: 'number' },
        { key: 'amountInPeriod', heading: 'ปีนี้ (บาท)', kind: 'number' },
        { key: 'personsSinceFounding', heading: 'ตั้งแต่ก่อตั้ง (คน)', kind: 'number' },
        { key: 'amountSinceFounding', heading: 'ตั้งแต่ก่อตั้ง (บาท)', kind: 'number' },
      ],
      rows: annual.benefits.map((row) => ({ code: row.benefitCode, name: row.name, personsInPeriod: row.personsInPeriod, amountInPeriod: baht(row.amountInPeriod), personsSinceFounding: row.personsSinceFounding, amountSinceFounding: baht(row.amountSinceFounding) })),
    },
    {
      sheetName: 'แหล่งที่มาของเงิน',
      title: `เงินกองทุนแยกตามแหล่งที่มา ณ วันที่ ${asOf} (เงินของสมาชิกเอง ร้อยละ ${formatBasisPoints(annual.sources.membersOwnShareBasisPoints)})`,
      columns: [
        { key: 'name', heading: 'แหล่งที่มาของเงิน', kind: 'text' },
        { key: 'amount', heading: 'จำนวนเงิน (บาท)', kind: 'number' },
      ],
      rows: [...annual.sources.rows.map((row) => ({ name: row.name, amount: baht(row.amount) })), { name: 'รวม', amount: baht(annual.sources.total) }],
    },
    {
      sheetName: 'สมาชิก',
      title: `สมาชิก ณ วันที่ ${asOf}`,
      columns: [
        { key: 'group', heading: 'แยกตาม', kind: 'text' },
        { key: 'name', heading: 'รายการ', kind: 'text' },
        { key: 'cumulative', heading: 'สมาชิกสะสม (คน)', kind: 'number' },
        { key: 'current', heading: 'สมาชิกปัจจุบัน (คน)', kind: 'number' },
      ],
      rows: [
        ...annual.members.byCategory.map((row) => ({ group: 'ประเภทสมาชิก', name: row.name, cumulative: row.cumulative, current: row.current })),
        ...annual.members.byVillage.map((row) => ({ group: 'หมู่บ้าน', name: row.name, cumulative: row.cumulative, current: row.current })),
        { group: '', name: 'รวม', cumulative: annual.members.cumulative, current: annual.members.current },
      ],
    },
  ];
}

/** The fund's name for a workbook's title line (no letterhead in a workbook); none when the office is not set up. */
function fundNameOf(app: AppContext): string {
  try {
    return officeForPrint(app).fundName;
  } catch {
    return '';
  }
}

const drillInput = z.object({
  accountIds: z.array(z.number().int().positive()).min(1).max(100),
  from: isoDateField('ตั้งแต่วันที่', 'From').nullable(),
  to: isoDateField('ถึงวันที่', 'To'),
  movedMoney: z.boolean(),
  sign: z.union([z.literal(1), z.literal(-1)]),
  limit: z.number().int().min(1).max(2000).default(500),
});

export const welfareStatementMethods = [
  defineRead({
    name: 'welfare.statements.monthly',
    input: monthInput,
    access: 'user',
    handler: ({ app, input }) => monthlyStatement(app, input.month),
  }),

  defineRead({
    name: 'welfare.statements.annual',
    input: yearInput,
    access: 'user',
    handler: ({ app, input }) => annualStatement(app, input.year),
  }),

  defineRead({
    name: 'welfare.statements.position',
    input: z.object({ asOf: isoDateField('ณ วันที่', 'As of') }),
    access: 'user',
    handler: ({ app, input }) => financialPosition(app, input.asOf),
  }),

  defineRead({
    name: 'welfare.statements.benefits',
    input: yearInput,
    access: 'user',
    handler: ({ app, input }) => {
      const period = accountingPeriod(app, 'year', input.year);
      return { period, rows: benefitsPaidByType(app, period.from, period.to, period.to) };
    },
  }),

  defineRead({
    name: 'welfare.statements.sources',
    input: z.object({ asOf: isoDateField('ณ วันที่', 'As of') }),
    access: 'user',
    handler: ({ app, input }) => fundBySource(app, input.asOf),
  }),

  defineRead({
    name: 'welfare.statements.members',
    input: z.object({ asOf: isoDateField('ณ วันที่', 'As of') }),
    access: 'user',
    handler: ({ app, input }) => membersByCategoryAndVillage(app, input.asOf),
  }),

  defineRead({
    name: 'welfare.statements.entries',
    input: drillInput,
    access: 'user',
    handler: ({ app, input }) => entriesOf(app, input),
  }),

  defineTask({
    name: 'welfare.statements.monthlyPrint',
    input: monthInput,
    access: 'user',
    handler: async ({ app, input, user, signal }) => {
      const { period, statement } = monthlyStatement(app, input.month);
      const data: WelfareMonthlyStatementData = { periodLabel: period.label.th, statement: statementForPrint(statement), treasurer: treasurerName(user), chair: '' };
      return { ...(await printFromRecords(app, 'welfare-monthly-statement', data, signal)), statement };
    },
  }),

  defineTask({
    name: 'welfare.statements.annualPrint',
    input: yearInput,
    access: 'user',
    handler: async ({ app, input, user, signal }) => {
      const annual = annualStatement(app, input.year);
      return { ...(await printFromRecords(app, 'welfare-annual-statement', annualForPrint(annual, treasurerName(user)), signal)), totalReceipts: annual.statement.totalReceipts, totalPayments: annual.statement.totalPayments };
    },
  }),

  defineRead({
    name: 'welfare.statements.monthlyExport',
    input: monthInput,
    access: 'user',
    handler: async ({ app, input }) => {
      const { period, statement } = monthlyStatement(app, input.month);
      const content = await writeWorkbook([receiptsAndPaymentsSheet(statement, 'รับ-จ่าย', `รายงานรับ-จ่ายประจำ${period.label.th} ${fundNameOf(app)}`.trim())]);
      return { fileName: `รายงานรับ-จ่าย-${input.month}.xlsx`, contentBase64: content.toString('base64') };
    },
  }),

  defineRead({
    name: 'welfare.statements.annualExport',
    input: yearInput,
    access: 'user',
    handler: async ({ app, input }) => {
      const annual = annualStatement(app, input.year);
      const content = await writeWorkbook(annualSheets(annual, fundNameOf(app)));
      return { fileName: `งบรับ-จ่ายประจำปี-${input.year}.xlsx`, contentBase64: content.toString('base64') };
    },
  }),

  defineWrite({
    name: 'welfare.statements.closeYear',
    input: yearInput,
    access: treasurers,
    handler: ({ app, input }) => {
      const period = accountingPeriod(app, 'year', input.year);
      const today = localIsoDate(app.now());
      if (period.to >= today) {
        const next = new Date(`${period.to}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        const opens = next.toISOString().slice(0, 10);
        throw new ApiError(
          'INVALID_INPUT',
          `ปีบัญชี ${input.year} ยังไม่สิ้นสุด (สิ้นสุดวันที่ ${dateTh(period.to)}) ปิดบัญชีปีนี้ได้ตั้งแต่วันที่ ${dateTh(opens)}`,
          `The accounting year B.E. ${input.year} has not ended (it ends on ${dateEn(period.to)}); it can be closed from ${dateEn(opens)}`,
          'year',
        );
      }
      const lockDate = bookSettings(app)?.lockDate ?? null;
      if (lockDate !== null && lockDate >= period.to) {
        throw new ApiError('CONFLICT', `ปีบัญชี ${input.year} ปิดบัญชีแล้ว (ปิดบัญชีถึงวันที่ ${dateTh(lockDate)})`, `The accounting year B.E. ${input.year} is already closed (closed up to ${dateEn(lockDate)})`, 'year');
      }
      const statement = receiptsAndPayments(app, period.from, period.to);
      const { before, after } = lockBooks(app, period.to, 'year');
      const totals = { totalReceipts: statement.totalReceipts, totalPayments: statement.totalPayments, closing: statement.closing.total };
      return { result: { lockDate: after.lockDate, period, ...totals }, audit: { entity: 'books', entityId: 1, before, after: { ...after, closedYear: input.year, ...totals } } };
    },
  }),
] as const;
