// Years of the fund's history from Excel (issue 10): members, past contributions (a row per payment, or a row per
// member with a column per month), past payouts and the opening balance of each money account on the cut-over day.
// The workbook is read once in a worker (main/spreadsheets/read-in-worker.ts), each sheet is recognised by its
// headings, every row is checked by the rules new work goes through (the register's rules for people, the
// contribution rules' allocation to periods, the lock date), and the whole import is one bulk plan: balanced
// entries, receipts marked as history with their paper book and number, all in one transaction or nothing.
import { createHash, randomUUID } from 'node:crypto';
import type { BulkWritePlan, BulkWriteRun } from '../../db/bulk-write';
import type { AppContext } from '../api/router';
import { localIsoDate } from '../dates';
import { formatSatang } from '../documents/format';
import { parseAmount, type Satang } from '../money';
import { checkRows, type ColumnMapping } from '../people/import';
import { insertPersonWithIdStep, peopleStatements } from '../people/bulk';
import { fullName } from '../people/register';
import type { PersonFields } from '../people/schemas';
import { findHeaderRow, guessMapping, type CellValue, type FieldSpec, type ReadResult, type SheetTable } from '../spreadsheets/read';
import { personImportFields } from '../people/import';
import { cellText, formatThaiDate, normaliseText, parseCitizenId, parseMonthHeading, parseThaiDate, type Message } from '../spreadsheets/thai-values';
import { presetAccounts } from './accounts';
import { allocationsOf, balancedLines, type PostingLine } from './books';
import { allocatePayment, formatPeriod, lapseDate, periodMonthsOf, type Allocation, type ContributionSettings } from './contributions';
import { fiscalYearOf, type AccountingYearKind } from './membership-dates';
import { regulationVersions, type StoredRegulation } from './methods';
import { versionInForce } from './regulation';
import { WelfareRuleError } from './rule-error';

export const historySheetKinds = ['members', 'payments', 'monthly', 'payouts', 'openings', 'skip'] as const;
export type HistorySheetKind = (typeof historySheetKinds)[number];

const memberRef: FieldSpec[] = [
  { key: 'memberNumber', label: { th: 'เลขทะเบียนสมาชิก', en: 'Member number' }, headings: ['เลขสมาชิก', 'เลขที่สมาชิก', 'รหัสสมาชิก', 'ทะเบียนสมาชิก', 'member no', 'member number'] },
  { key: 'citizenId', label: { th: 'เลขประจำตัวประชาชน', en: 'Citizen ID' }, headings: ['เลขบัตรประชาชน', 'เลขบัตรประจำตัวประชาชน', 'เลขบัตร', 'citizen id'] },
  { key: 'fullName', label: { th: 'ชื่อ-สกุล', en: 'Full name' }, headings: ['ชื่อ-นามสกุล', 'ชื่อ สกุล', 'ชื่อสมาชิก', 'name'] },
];

/** The columns each kind of sheet understands, with the headings funds give them. */
export const historyFields: Record<Exclude<HistorySheetKind, 'skip'>, FieldSpec[]> = {
  members: [
    memberRef[0]!,
    { key: 'category', label: { th: 'ประเภทสมาชิก', en: 'Member category' }, headings: ['ประเภท', 'category'] },
    { key: 'startDate', label: { th: 'วันเริ่มเป็นสมาชิก', en: 'Start date' }, headings: ['วันที่สมัคร', 'วันที่เป็นสมาชิก', 'วันเข้าเป็นสมาชิก', 'วันที่เริ่ม', 'start date', 'joined'] },
    { key: 'endDate', label: { th: 'วันสิ้นสุดสมาชิกภาพ', en: 'End date' }, headings: ['วันที่พ้นสภาพ', 'วันพ้นสมาชิกภาพ', 'วันที่สิ้นสุด', 'end date'] },
    { key: 'endReason', label: { th: 'เหตุที่สิ้นสุด', en: 'End reason' }, headings: ['เหตุพ้นสภาพ', 'สาเหตุ', 'end reason'] },
    ...personImportFields,
  ],
  payments: [
    ...memberRef,
    { key: 'date', label: { th: 'วันที่รับเงิน', en: 'Date paid' }, headings: ['วันที่', 'วันที่ชำระ', 'วันที่จ่าย', 'date'] },
    { key: 'amount', label: { th: 'จำนวนเงิน', en: 'Amount' }, headings: ['จำนวนเงิน (บาท)', 'เงินสมทบ', 'ยอดเงิน', 'บาท', 'amount'] },
    { key: 'receiptBook', label: { th: 'เล่มที่', en: 'Receipt book' }, headings: ['เล่มใบเสร็จ', 'ใบเสร็จเล่มที่', 'book'] },
    { key: 'receiptNumber', label: { th: 'เลขที่ใบเสร็จ', en: 'Receipt number' }, headings: ['ใบเสร็จเลขที่', 'เลขที่', 'receipt no', 'receipt'] },
    { key: 'account', label: { th: 'รับเข้าบัญชี', en: 'Into account' }, headings: ['บัญชี', 'account'] },
  ],
  monthly: [...memberRef],
  payouts: [
    ...memberRef,
    { key: 'date', label: { th: 'วันที่จ่าย', en: 'Date paid' }, headings: ['วันที่', 'date'] },
    { key: 'amount', label: { th: 'จำนวนเงิน', en: 'Amount' }, headings: ['จำนวนเงิน (บาท)', 'ยอดเงิน', 'บาท', 'amount'] },
    { key: 'benefit', label: { th: 'ประเภทสวัสดิการ', en: 'Benefit type' }, headings: ['สวัสดิการ', 'รายการ', 'benefit'] },
    { key: 'voucher', label: { th: 'เลขที่ใบสำคัญจ่าย', en: 'Voucher number' }, headings: ['ใบสำคัญจ่าย', 'voucher'] },
    { key: 'account', label: { th: 'จ่ายจากบัญชี', en: 'From account' }, headings: ['บัญชี', 'account'] },
  ],
  openings: [
    { key: 'account', label: { th: 'บัญชี', en: 'Account' }, headings: ['ชื่อบัญชี', 'รหัสบัญชี', 'account'] },
    { key: 'amount', label: { th: 'ยอดคงเหลือ', en: 'Balance' }, headings: ['ยอดยกมา', 'จำนวนเงิน', 'ยอดเงิน', 'balance', 'amount'] },
  ],
};

const sheetNameHints: [RegExp, Exclude<HistorySheetKind, 'skip'>][] = [
  [/ยอดยกมา|ยอดคงเหลือ|opening/i, 'openings'],
  [/จ่าย|สวัสดิการ|payout/i, 'payouts'],
  [/รายเดือน|monthly/i, 'monthly'],
  [/สมทบ|รับเงิน|ใบเสร็จ|payment|contribution/i, 'payments'],
  [/สมาชิก|member/i, 'members'],
];

const endReasonWords: Record<string, 'resigned' | 'died' | 'lapsed' | 'expelled'> = {
  ลาออก: 'resigned', resigned: 'resigned', เสียชีวิต: 'died', ตาย: 'died', ถึงแก่กรรม: 'died', died: 'died',
  ขาดส่ง: 'lapsed', ขาดส่งเงินสมทบ: 'lapsed', พ้นสภาพ: 'lapsed', lapsed: 'lapsed', ให้ออก: 'expelled', คัดชื่อออก: 'expelled', expelled: 'expelled',
};

export interface SheetChoice {
  kind: HistorySheetKind;
  /** the header's row number in the file (1-based) */
  headerRow?: number;
  mapping?: ColumnMapping;
}

export interface HistoryOptions {
  /** the first day of the fund: no row may be dated before it */
  fundStart: string;
  /** the day the paper books hand over: every row on or before it, the opening balances on it */
  cutOverDate: string;
}

export interface RowProblem extends Message {
  sheet: string;
  rowNumber: number;
  column: string | null;
}

interface SheetPlan {
  table: SheetTable;
  kind: HistorySheetKind;
  headerIndex: number;
  headings: string[];
  mapping: ColumnMapping;
  /** monthly layout: column index → 'YYYY-MM' */
  months: Map<number, string>;
}

interface NewMembership {
  key: string;
  /** the register's person, or a new one to be written */
  personId: number | null;
  newPerson: PersonFields | null;
  name: string;
  memberNumber: string;
  category: string;
  startDate: string;
  endDate: string | null;
  endReason: 'resigned' | 'died' | 'lapsed' | 'expelled' | null;
  /** a membership already in the books (the same person and number): nothing written for it */
  existingId: number | null;
  entranceFeeWaived: boolean;
}

interface Payment {
  sheet: string;
  rowNumber: number;
  column: string | null;
  member: NewMembership;
  date: string;
  satang: Satang;
  paperBook: string;
  paperNumber: string | null;
  accountId: number;
  allocations: Allocation[];
  /** months in one contribution period under the rules of the payment's day */
  periodMonths: number;
}

interface Payout {
  member: NewMembership;
  date: string;
  satang: Satang;
  benefitCode: string;
  benefitName: string;
  voucher: string;
  accountId: number;
}

export interface YearTotal {
  year: number;
  label: string;
  count: number;
  satang: Satang;
}

export interface HistoryTotals {
  members: { rows: number; newPeople: number; matchedPeople: number; newMemberships: number; alreadyMembers: number; byStartYear: YearTotal[] };
  contributions: { count: number; satang: Satang; byYear: YearTotal[] };
  payouts: { count: number; satang: Satang; byYear: YearTotal[]; byBenefit: { code: string; name: string; count: number; satang: Satang }[] };
  openings: { accountId: number; code: string; name: string; paperSatang: Satang; historySatang: Satang; openingSatang: Satang }[];
}

export interface CheckedHistory {
  sheets: { name: string; kind: HistorySheetKind; headerRow: number; headings: string[]; mapping: ColumnMapping; fields: FieldSpec[]; months: string[]; rows: number }[];
  problems: RowProblem[];
  /** rows taken, but read in a way the treasurer should check (a C.E. year, a title chosen from sex and age…) */
  warnings: RowProblem[];
  /** the cells of each refused row, for "download the rows to fix" */
  refusedCells: Map<string, CellValue[]>;
  totals: HistoryTotals;
  /** new open memberships whose history stops early: the arrears rule ends them at the next lapse pass, oldest lapse first */
  lapsing: LapsingMember[];
  memberships: NewMembership[];
  payments: Payment[];
  payouts: Payout[];
  openings: HistoryTotals['openings'];
}

export interface LapsingMember {
  memberNumber: string;
  name: string;
  /** the last payment the file shows (null: none) */
  lastPaidOn: string | null;
  lapsedOn: string;
  reason: Message;
}

interface Context {
  app: AppContext;
  options: HistoryOptions;
  today: string;
  lockDate: string | null;
  accountingYear: AccountingYearKind;
  regulations: StoredRegulation[];
  accounts: { id: number; code: string; nameTh: string; kind: string; reportLine: string; bankAccount: string }[];
  problems: RowProblem[];
  warnings: RowProblem[];
  refusedCells: Map<string, CellValue[]>;
  /** dates already read in this check: label → cell (a date's time, or 's'/'n' + text or number) → result */
  dates: Map<string, Map<number | string, DateResult>>;
  /** money accounts already found, by the text of the cell (most rows say the same, or nothing) */
  moneyAccounts: Map<string, AccountResult>;
  /** amounts already read, by label and cell ('n' + number or 's' + text): years of 30 บาท */
  amounts: Map<string, AmountResult>;
}

// ---------------------------------------------------------------------------------------------------------------
// Sheets

/** The kind of a sheet, from its headings and its name; 'skip' when nothing fits. */
export function guessSheet(table: SheetTable): { kind: HistorySheetKind; headerIndex: number } {
  let best: { kind: HistorySheetKind; headerIndex: number; score: number } = { kind: 'skip', headerIndex: 0, score: 1 };
  for (const kind of historySheetKinds) {
    if (kind === 'skip' || kind === 'monthly') continue;
    const fields = historyFields[kind];
    const headerIndex = findHeaderRow(table, fields);
    const headings = headingsOf(table, headerIndex);
    const mapping = guessMapping(headings, fields);
    let score = Object.values(mapping).filter((column) => column !== null).length;
    if (kind === 'members' && mapping.memberNumber === null) score = 0;
    const months = monthColumns(headings).size;
    const hint = sheetNameHints.find(([pattern]) => pattern.test(table.name))?.[1];
    if (months >= 2) {
      if (score + months > best.score) best = { kind: 'monthly', headerIndex, score: score + months };
      continue;
    }
    if (hint === kind) score += 3;
    if (score > best.score) best = { kind, headerIndex, score };
  }
  return { kind: best.kind, headerIndex: best.headerIndex };
}

function headingsOf(table: SheetTable, headerIndex: number): string[] {
  return (table.rows[headerIndex] ?? []).map((cell) => (cell instanceof Date ? cellText(cell).slice(0, 7) : normaliseText(cellText(cell))));
}

function monthColumns(headings: string[]): Map<number, string> {
  const months = new Map<number, string>();
  headings.forEach((heading, index) => {
    const month = parseMonthHeading(heading);
    if (month !== null) months.set(index, month);
  });
  return months;
}

export function planSheets(tables: SheetTable[], choices: Record<string, SheetChoice>): SheetPlan[] {
  return tables.map((table) => {
    const choice = choices[table.name];
    const guessed = guessSheet(table);
    const kind = choice?.kind ?? guessed.kind;
    let headerIndex = guessed.headerIndex;
    if (choice?.headerRow !== undefined) {
      const index = table.rowNumbers.indexOf(choice.headerRow);
      if (index >= 0) headerIndex = index;
    } else if (kind !== guessed.kind && kind !== 'skip') {
      headerIndex = findHeaderRow(table, historyFields[kind]);
    }
    const headings = headingsOf(table, headerIndex);
    const fields = kind === 'skip' ? [] : historyFields[kind];
    const months = kind === 'monthly' ? monthColumns(headings) : new Map<number, string>();
    const guessedMapping = guessMapping(headings, fields);
    for (const column of months.keys()) for (const [key, taken] of Object.entries(guessedMapping)) if (taken === column) guessedMapping[key] = null;
    const mapping = choice?.mapping ? { ...guessedMapping, ...choice.mapping } : guessedMapping;
    return { table, kind, headerIndex, headings, mapping, months };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Checking

function problem(context: Context, sheet: SheetPlan, index: number, column: number | null | undefined, message: Message): void {
  const rowNumber = sheet.table.rowNumbers[index]!;
  context.problems.push({ sheet: sheet.table.name, rowNumber, column: column === null || column === undefined ? null : (sheet.headings[column] ?? null), th: message.th, en: message.en });
  context.refusedCells.set(`${sheet.table.name}\u0001${rowNumber}`, sheet.table.rows[index]!);
}

/** A row that is taken, with something the treasurer should check. */
function warning(context: Context, sheet: SheetPlan, index: number, column: number | null | undefined, message: Message): void {
  context.warnings.push({ sheet: sheet.table.name, rowNumber: sheet.table.rowNumbers[index]!, column: column === null || column === undefined ? null : (sheet.headings[column] ?? null), th: message.th, en: message.en });
}

/** The warning a date was read with (a C.E. year, a B.E. year kept in a C.E. date cell), if any. */
function dateWarning(context: Context, sheet: SheetPlan, index: number, column: number | null | undefined, date: DateResult): void {
  if (date.ok && date.warning) warning(context, sheet, index, column, date.warning);
}

const dateLabel = (label: Message) => ({ label });

/**
 * A date of the fund's history: readable, within the fund's life (fund start … cut-over), after the lock date. A date
 * outside the life that would fit with the other era (±543 years) is called B.E./C.E. confusion by name.
 */
function historyDate(context: Context, cell: CellValue, label: Message, required: boolean): DateResult {
  // Years of payments repeat the same few hundred dates: each distinct cell is read once per check.
  // A date cell is looked up by its time (a number: no text built and hashed per row), text and numbers by a key.
  const key = cell instanceof Date ? cell.getTime() : typeof cell === 'string' ? `s${cell}` : typeof cell === 'number' ? `n${cell}` : null;
  if (key === null) return readHistoryDate(context, cell, label, required);
  let known = context.dates.get(label.th);
  if (known === undefined) context.dates.set(label.th, (known = new Map()));
  let result = known.get(key);
  if (result === undefined) {
    result = readHistoryDate(context, cell, label, required);
    known.set(key, result);
  }
  return result;
}

type DateResult = { ok: true; value: string | null; warning?: Message } | { ok: false; error: Message };

function readHistoryDate(context: Context, cell: CellValue, label: Message, required: boolean): DateResult {
  const parsed = parseThaiDate(cell, { ...dateLabel(label), referenceDate: context.options.cutOverDate });
  if (!parsed.ok) return parsed;
  const iso = parsed.value;
  if (iso === null) return required ? { ok: false, error: { th: `ไม่มี${label.th}`, en: `No ${label.en.toLowerCase()}` } } : { ok: true, value: null };
  const { fundStart, cutOverDate } = context.options;
  if (iso < fundStart || iso > cutOverDate) {
    const year = Number(iso.slice(0, 4));
    const shifted = [year + 543, year - 543].map((y) => `${String(y).padStart(4, '0')}${iso.slice(4)}`).find((other) => other >= fundStart && other <= cutOverDate);
    if (shifted) {
      return {
        ok: false,
        error: {
          th: `${label.th} ${formatThaiDate(iso)} อยู่นอกช่วงของกองทุน น่าจะพิมพ์ปี พ.ศ./ค.ศ. สลับกัน (ถ้าเป็น ${formatThaiDate(shifted)} กรุณาแก้ปีในไฟล์)`,
          en: `${label.en} ${iso} is outside the fund's life; the B.E. and C.E. years look mixed up (if it is ${shifted}, fix the year in the file)`,
        },
      };
    }
    return {
      ok: false,
      error: {
        th: `${label.th} ${formatThaiDate(iso)} อยู่นอกช่วงของกองทุน (${formatThaiDate(fundStart)} ถึงวันยกยอด ${formatThaiDate(cutOverDate)})`,
        en: `${label.en} ${iso} is outside the fund's life (${fundStart} to the cut-over ${cutOverDate})`,
      },
    };
  }
  if (context.lockDate !== null && iso <= context.lockDate) {
    return { ok: false, error: { th: `${label.th} ${formatThaiDate(iso)} อยู่ในงวดที่ปิดบัญชีแล้ว (ปิดถึง ${formatThaiDate(context.lockDate)})`, en: `${label.en} ${iso} is in a closed period (closed to ${context.lockDate})` } };
  }
  return parsed.warning ? { ok: true, value: iso, warning: parsed.warning } : { ok: true, value: iso };
}

function cellOf(sheet: SheetPlan, index: number, key: string): CellValue {
  const column = sheet.mapping[key];
  return column === null || column === undefined ? null : (sheet.table.rows[index]![column] ?? null);
}

/** cellText() gives text already normalised. */
const textOf = (sheet: SheetPlan, index: number, key: string) => cellText(cellOf(sheet, index, key));

/** Member numbers compare by their digits' value when they are digits: '0042' and '42' are one member. */
function memberNumberKey(value: string): string {
  let key = memberKeys.get(value);
  if (key === undefined) {
    const text = normaliseText(value);
    key = /^\d+$/.test(text) ? String(Number(text)) : text;
    if (memberKeys.size > 100_000) memberKeys.clear();
    memberKeys.set(value, key);
  }
  return key;
}
const memberKeys = new Map<string, string>();

function regulationOnDate(context: Context, date: string): StoredRegulation {
  const chosen = versionInForce(context.regulations, date);
  // History older than the first recorded regulation is read under the first one: the paper era had the same rules.
  return chosen.ok ? chosen.version : context.regulations[0]!;
}

interface MemberIndex {
  byNumber: Map<string, NewMembership[]>;
  byCitizenId: Map<string, NewMembership[]>;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addToIndex(index: MemberIndex, membership: NewMembership, citizenId: string | null): void {
  pushTo(index.byNumber, memberNumberKey(membership.memberNumber), membership);
  if (citizenId) pushTo(index.byCitizenId, citizenId, membership);
}

/** The memberships already in the books, as the payments and payouts of the file may refer to them. */
function existingMemberships(context: Context): { index: MemberIndex; byPerson: Map<number, NewMembership[]> } {
  const rows = context.app.sqlite
    .prepare(
      `SELECT m.id, m.person_id AS personId, m.member_number AS memberNumber, m.category, m.start_date AS startDate, m.end_date AS endDate, m.end_reason AS endReason,
              m.entrance_fee_waived AS waived, p.citizen_id AS citizenId, p.title, p.first_name AS firstName, p.last_name AS lastName
       FROM welfare_memberships m JOIN people p ON p.id = m.person_id`,
    )
    .all() as { id: number; personId: number; memberNumber: string; category: string; startDate: string; endDate: string | null; endReason: NewMembership['endReason']; waived: number; citizenId: string | null; title: string; firstName: string; lastName: string }[];
  const index: MemberIndex = { byNumber: new Map(), byCitizenId: new Map() };
  const byPerson = new Map<number, NewMembership[]>();
  for (const row of rows) {
    const membership: NewMembership = {
      key: `db${row.id}`,
      personId: row.personId,
      newPerson: null,
      name: fullName(row),
      memberNumber: row.memberNumber,
      category: row.category,
      startDate: row.startDate,
      endDate: row.endDate,
      endReason: row.endReason,
      existingId: row.id,
      entranceFeeWaived: row.waived === 1,
    };
    addToIndex(index, membership, row.citizenId);
    pushTo(byPerson, row.personId, membership);
  }
  return { index, byPerson };
}

function checkMembers(context: Context, sheet: SheetPlan, index: MemberIndex, byPerson: Map<number, NewMembership[]>): { memberships: NewMembership[]; newPeople: number; matchedPeople: number; alreadyMembers: number } {
  const personMapping: ColumnMapping = Object.fromEntries(personImportFields.map((field) => [field.key, sheet.mapping[field.key] ?? null]));
  const read = { format: 'xlsx', encoding: null, sheets: [], table: sheet.table } satisfies ReadResult;
  // The register's own rules for every person of the file (names, citizen IDs, villages, dates).
  const checked = checkRows(context.app, read, sheet.headerIndex, personMapping);
  const byNameAndVillage = new Map<string, { id: number; count: number }>();
  for (const row of context.app.sqlite.prepare('SELECT id, first_name AS firstName, last_name AS lastName, village_id AS villageId FROM people').all() as { id: number; firstName: string; lastName: string; villageId: number | null }[]) {
    const key = `${row.firstName}\u0001${row.lastName}\u0001${row.villageId}`;
    const seen = byNameAndVillage.get(key);
    byNameAndVillage.set(key, seen ? { id: seen.id, count: seen.count + 1 } : { id: row.id, count: 1 });
  }
  const categories = new Map<string, string>();
  for (const regulation of context.regulations) {
    for (const category of regulation.memberCategories) {
      categories.set(category.code.toLowerCase(), category.code);
      categories.set(normaliseText(category.th).replace(/\s/g, ''), category.code);
    }
  }
  const defaultCategory = context.regulations.at(-1)!.memberCategories[0]!.code;
  const memberships: NewMembership[] = [];
  const openNumbers = new Map<string, string>();
  for (const list of index.byNumber.values()) for (const m of list) if (m.endDate === null) openNumbers.set(memberNumberKey(m.memberNumber), m.name);
  let newPeople = 0;
  let matchedPeople = 0;
  let alreadyMembers = 0;
  checked.forEach((row, offset) => {
    const rowIndex = sheet.headerIndex + 1 + offset;
    const errors: { column: number | null | undefined; message: Message }[] = [];
    for (const message of row.messages) if (message.severity === 'error') errors.push({ column: personColumn(sheet, message.column), message });
    const warnings: { column: number | null | undefined; message: Message }[] = row.messages.filter((message) => message.severity === 'warning').map((message) => ({ column: personColumn(sheet, message.column), message }));
    const memberNumber = textOf(sheet, rowIndex, 'memberNumber');
    if (memberNumber === '') errors.push({ column: sheet.mapping.memberNumber, message: { th: 'ไม่มีเลขทะเบียนสมาชิก', en: 'No member number' } });
    const categoryText = textOf(sheet, rowIndex, 'category');
    const category = categoryText === '' ? defaultCategory : (categories.get(categoryText.toLowerCase()) ?? categories.get(categoryText.replace(/\s/g, '')) ?? null);
    if (category === null) {
      const names = context.regulations.at(-1)!.memberCategories.map((c) => c.th).join(', ');
      errors.push({ column: sheet.mapping.category, message: { th: `ประเภทสมาชิก "${categoryText}" ไม่มีในระเบียบกองทุน (มี: ${names})`, en: `Member category "${categoryText}" is not in the regulation` } });
    }
    const start = historyDate(context, cellOf(sheet, rowIndex, 'startDate'), { th: 'วันเริ่มเป็นสมาชิก', en: 'Start date' }, true);
    if (!start.ok) errors.push({ column: sheet.mapping.startDate, message: start.error });
    else if (start.warning) warnings.push({ column: sheet.mapping.startDate, message: start.warning });
    const end = historyDate(context, cellOf(sheet, rowIndex, 'endDate'), { th: 'วันสิ้นสุดสมาชิกภาพ', en: 'End date' }, false);
    if (!end.ok) errors.push({ column: sheet.mapping.endDate, message: end.error });
    else if (end.warning) warnings.push({ column: sheet.mapping.endDate, message: end.warning });
    const reasonText = textOf(sheet, rowIndex, 'endReason').replace(/\s/g, '').toLowerCase();
    const endReason = reasonText === '' ? null : (endReasonWords[reasonText] ?? undefined);
    if (endReason === undefined) errors.push({ column: sheet.mapping.endReason, message: { th: `เหตุที่สิ้นสุด "${textOf(sheet, rowIndex, 'endReason')}" อ่านไม่ได้ ใช้ได้: ลาออก, เสียชีวิต, ขาดส่ง, ให้ออก`, en: 'The end reason cannot be read' } });
    const endDate = end.ok ? end.value : null;
    if (endDate !== null && endReason === null) errors.push({ column: sheet.mapping.endReason, message: { th: 'มีวันสิ้นสุดสมาชิกภาพ แต่ไม่มีเหตุที่สิ้นสุด', en: 'An end date without an end reason' } });
    if (endDate === null && endReason) errors.push({ column: sheet.mapping.endDate, message: { th: 'มีเหตุที่สิ้นสุด แต่ไม่มีวันสิ้นสุดสมาชิกภาพ', en: 'An end reason without an end date' } });
    if (start.ok && start.value && endDate !== null && endDate < start.value) errors.push({ column: sheet.mapping.endDate, message: { th: 'วันสิ้นสุดสมาชิกภาพอยู่ก่อนวันเริ่มเป็นสมาชิก', en: 'The end date is before the start date' } });

    // The person: by citizen ID (the register's check), else by name and village, else a new person.
    const person = row.person;
    let personId: number | null = row.existing?.id ?? null;
    if (person && personId === null && person.citizenId === null) {
      const twin = byNameAndVillage.get(`${person.firstName}\u0001${person.lastName}\u0001${person.villageId}`);
      if (twin && twin.count === 1) personId = twin.id;
    }
    const key = memberNumberKey(memberNumber);
    let existingId: number | null = null;
    if (personId !== null && errors.length === 0) {
      const open = (byPerson.get(personId) ?? []).find((m) => m.endDate === null);
      if (open && open.existingId === null) errors.push({ column: sheet.mapping.memberNumber, message: { th: `${open.name} อยู่ในแผ่นงานนี้แล้ว (เลขทะเบียน ${open.memberNumber}) คนเดียวกันเป็นสมาชิกได้ครั้งละหนึ่งเลข`, en: `${open.name} is already in this sheet (number ${open.memberNumber}); one person holds one open membership` } });
      else if (open && memberNumberKey(open.memberNumber) === key) existingId = open.existingId;
      else if (open && endDate === null) errors.push({ column: sheet.mapping.memberNumber, message: { th: `${open.name} เป็นสมาชิกอยู่แล้ว เลขทะเบียน ${open.memberNumber}`, en: `${open.name} is already a member, number ${open.memberNumber}` } });
    }
    if (existingId === null && endDate === null && memberNumber !== '' && openNumbers.has(key)) {
      errors.push({ column: sheet.mapping.memberNumber, message: { th: `เลขทะเบียนสมาชิก ${memberNumber} ซ้ำกับ ${openNumbers.get(key)}`, en: `Member number ${memberNumber} is already used by ${openNumbers.get(key)}` } });
    }
    if (errors.length > 0 || !person || !start.ok || start.value === null || category === null || endReason === undefined) {
      for (const error of errors) problem(context, sheet, rowIndex, error.column, error.message);
      return;
    }
    for (const { column, message } of warnings) warning(context, sheet, rowIndex, column, message);
    if (existingId !== null) alreadyMembers++;
    else if (personId !== null) matchedPeople++;
    else newPeople++;
    if (endDate === null) openNumbers.set(key, fullName(person));
    const membership: NewMembership = {
      key: `file${memberships.length}`,
      personId,
      newPerson: personId === null ? person : null,
      name: fullName(person),
      memberNumber,
      category,
      startDate: start.value,
      endDate,
      endReason,
      existingId,
      // The paper era's entrance fees are not in the file: the money of a history row is all contribution.
      entranceFeeWaived: true,
    };
    if (existingId === null) {
      memberships.push(membership);
      addToIndex(index, membership, person.citizenId);
      // a second row of the file for the same person of the register is then refused like one already in the books
      if (personId !== null) pushTo(byPerson, personId, membership);
    }
  });
  return { memberships, newPeople, matchedPeople, alreadyMembers };
}

function personColumn(sheet: SheetPlan, heading: string | null): number | null {
  if (heading === null) return null;
  const index = sheet.headings.indexOf(heading);
  return index < 0 ? null : index;
}

/** The membership a row of money refers to, on its date: by member number, else by citizen ID. */
function findMember(sheet: SheetPlan, rowIndex: number, date: string, index: MemberIndex, afterEnd = false): { ok: true; member: NewMembership } | { ok: false; column: number | null | undefined; error: Message } {
  const number = textOf(sheet, rowIndex, 'memberNumber');
  let candidates: NewMembership[];
  let column = sheet.mapping.memberNumber;
  let said = `เลขทะเบียน ${number}`;
  if (number !== '') candidates = index.byNumber.get(memberNumberKey(number)) ?? [];
  else {
    const id = parseCitizenId(cellOf(sheet, rowIndex, 'citizenId'));
    column = sheet.mapping.citizenId;
    if (!id.ok) return { ok: false, column, error: id.error };
    if (id.value === null) return { ok: false, column: sheet.mapping.memberNumber, error: { th: 'ไม่มีเลขทะเบียนสมาชิกหรือเลขประจำตัวประชาชน', en: 'No member number or citizen ID' } };
    candidates = index.byCitizenId.get(id.value) ?? [];
    said = `เลขประจำตัวประชาชน ${id.value}`;
  }
  if (candidates.length === 0) return { ok: false, column, error: { th: `ไม่ใช่สมาชิก: ไม่พบ${said} ในแผ่นงานสมาชิกหรือทะเบียนกองทุน`, en: `Not a member: ${said} is neither in the members sheet nor in the fund` } };
  // A benefit may be paid after the membership ended (a death benefit after the death): then the last one started.
  const member = candidates.find((m) => m.startDate <= date && (m.endDate === null || date <= m.endDate)) ?? (afterEnd ? candidates.filter((m) => m.startDate <= date).sort((a, b) => (a.startDate < b.startDate ? 1 : -1))[0] : undefined);
  if (!member) {
    const m = candidates[0]!;
    return {
      ok: false,
      column,
      error: { th: `${m.name} ไม่ได้เป็นสมาชิกในวันที่ ${formatThaiDate(date)} (เป็นสมาชิก ${formatThaiDate(m.startDate)}${m.endDate ? ` ถึง ${formatThaiDate(m.endDate)}` : ' เป็นต้นไป'})`, en: `${m.name} was not a member on ${date}` },
    };
  }
  return { ok: true, member };
}

type AccountResult = { ok: true; id: number } | { ok: false; error: Message };

function moneyAccount(context: Context, text: string): AccountResult {
  let found = context.moneyAccounts.get(text);
  if (found === undefined) context.moneyAccounts.set(text, (found = findMoneyAccount(context, text)));
  return found;
}

function findMoneyAccount(context: Context, text: string): AccountResult {
  const cash = context.accounts.find((a) => a.reportLine === 'cash');
  if (text === '') return { ok: true, id: cash!.id };
  const key = text.replace(/\s/g, '').toLowerCase();
  const assets = context.accounts.filter((a) => a.kind === 'asset');
  const found =
    assets.find((a) => a.code === key || a.nameTh.replace(/\s/g, '') === key || (a.bankAccount !== '' && a.bankAccount.replace(/\s/g, '') === key)) ??
    (/^เงินสด|^cash/.test(key) ? cash : undefined) ??
    (/^(ธนาคาร|เงินฝาก|bank)/.test(key) ? assets.filter((a) => a.reportLine === 'bank').length === 1 ? assets.find((a) => a.reportLine === 'bank') : undefined : undefined);
  if (found) return { ok: true, id: found.id };
  return { ok: false, error: { th: `ไม่พบบัญชีเงิน "${text}" (มี: ${assets.map((a) => `${a.code} ${a.nameTh}`).join(', ')})`, en: `No money account "${text}"` } };
}

type AmountResult = { ok: true; satang: Satang } | { ok: false; error: Message };

function checkAmount(context: Context, cell: CellValue, label: Message, allowZero = false): AmountResult {
  const key = typeof cell === 'number' ? `${label.th}\u0001${allowZero}\u0001n${cell}` : typeof cell === 'string' ? `${label.th}\u0001${allowZero}\u0001s${cell}` : null;
  if (key === null) return readAmount(cell, label, allowZero);
  let known = context.amounts.get(key);
  if (known === undefined) context.amounts.set(key, (known = readAmount(cell, label, allowZero)));
  return known;
}

function readAmount(cell: CellValue, label: Message, allowZero: boolean): AmountResult {
  if (cell instanceof Date || typeof cell === 'boolean') return { ok: false, error: { th: `${label.th} "${cellText(cell)}" ไม่ใช่จำนวนเงิน`, en: `${label.en} "${cellText(cell)}" is not an amount of money` } };
  const amount = parseAmount(cell === null ? '' : cell, { label, allowZero });
  return amount.ok ? { ok: true, satang: amount.satang } : { ok: false, error: { th: amount.th, en: amount.en } };
}

/** Where a paper receipt was first seen: a row of this file, or null when an earlier import brought it in. */
type PaperSeen = Map<string, { sheet: string; rowNumber: number } | null>;

function checkPayments(context: Context, sheet: SheetPlan, index: MemberIndex, paperSeen: PaperSeen, payments: Payment[]): void {
  const label = { th: 'วันที่รับเงิน', en: 'Date paid' };
  for (let rowIndex = sheet.headerIndex + 1; rowIndex < sheet.table.rows.length; rowIndex++) {
    const rowNumber = sheet.table.rowNumbers[rowIndex]!;
    const date = historyDate(context, cellOf(sheet, rowIndex, 'date'), label, true);
    if (!date.ok) {
      problem(context, sheet, rowIndex, sheet.mapping.date, date.error);
      continue;
    }
    const amount = checkAmount(context, cellOf(sheet, rowIndex, 'amount'), { th: 'จำนวนเงิน', en: 'Amount' });
    if (!amount.ok) {
      problem(context, sheet, rowIndex, sheet.mapping.amount, amount.error);
      continue;
    }
    const member = findMember(sheet, rowIndex, date.value!, index);
    if (!member.ok) {
      problem(context, sheet, rowIndex, member.column, member.error);
      continue;
    }
    const account = moneyAccount(context, textOf(sheet, rowIndex, 'account'));
    if (!account.ok) {
      problem(context, sheet, rowIndex, sheet.mapping.account, account.error);
      continue;
    }
    const paperBook = textOf(sheet, rowIndex, 'receiptBook');
    const paperNumberText = textOf(sheet, rowIndex, 'receiptNumber');
    const paperNumber = paperNumberText === '' ? null : paperNumberText;
    if (paperNumber !== null) {
      const key = `${paperBook}\u0001${paperNumber}`;
      const earlier = paperSeen.get(key);
      if (earlier !== undefined) {
        problem(context, sheet, rowIndex, sheet.mapping.receiptNumber, {
          th: `ใบเสร็จเล่มที่ ${paperBook || '-'} เลขที่ ${paperNumber} ซ้ำกับ${earlier === null ? 'ใบเสร็จที่นำเข้าไว้แล้ว' : `แถวที่ ${earlier.rowNumber} แผ่นงาน "${earlier.sheet}"`}`,
          en: `Receipt book ${paperBook || '-'} number ${paperNumber} is a duplicate of ${earlier === null ? 'a receipt imported before' : `row ${earlier.rowNumber} of the sheet "${earlier.sheet}"`}`,
        });
        continue;
      }
      paperSeen.set(key, { sheet: sheet.table.name, rowNumber });
    }
    dateWarning(context, sheet, rowIndex, sheet.mapping.date, date);
    payments.push({ sheet: sheet.table.name, rowNumber, column: null, member: member.member, date: date.value!, satang: amount.satang, paperBook, paperNumber, accountId: account.id, allocations: [], periodMonths: 1 });
  }
}

function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** One row per member, a column per month: each filled cell is a payment made in that month (dated its last day). */
function checkMonthly(context: Context, sheet: SheetPlan, index: MemberIndex, payments: Payment[]): void {
  const cash = context.accounts.find((a) => a.reportLine === 'cash')!.id;
  for (let rowIndex = sheet.headerIndex + 1; rowIndex < sheet.table.rows.length; rowIndex++) {
    const cells = sheet.table.rows[rowIndex]!;
    const rowNumber = sheet.table.rowNumbers[rowIndex]!;
    for (const [column, month] of sheet.months) {
      const cell = cells[column] ?? null;
      if (cell === null || (typeof cell === 'string' && /^[\s\-–—0.]*$/.test(cell)) || cell === 0) continue;
      const heading = sheet.headings[column] ?? month;
      let date = lastDayOfMonth(month);
      if (date > context.options.cutOverDate && month === context.options.cutOverDate.slice(0, 7)) date = context.options.cutOverDate;
      const checkedDate = historyDate(context, date, { th: `เดือน ${heading}`, en: `Month ${heading}` }, true);
      if (!checkedDate.ok) {
        problem(context, sheet, rowIndex, column, checkedDate.error);
        continue;
      }
      const amount = checkAmount(context, cell, { th: `เงินสมทบเดือน ${heading}`, en: `Contribution of ${heading}` });
      if (!amount.ok) {
        problem(context, sheet, rowIndex, column, amount.error);
        continue;
      }
      const member = findMember(sheet, rowIndex, date, index);
      if (!member.ok) {
        problem(context, sheet, rowIndex, member.column ?? column, member.error);
        break;
      }
      payments.push({ sheet: sheet.table.name, rowNumber, column: heading, member: member.member, date, satang: amount.satang, paperBook: '', paperNumber: null, accountId: cash, allocations: [], periodMonths: 1 });
    }
  }
}

/** Each member's payments in date order, split over periods by the contribution rules of the day (contributions.ts). */
function allocate(context: Context, payments: Payment[], sheetsByName: Map<string, SheetPlan>): Payment[] {
  const byMember = new Map<NewMembership, Payment[]>();
  for (const payment of payments) pushTo(byMember, payment.member, payment);
  const existingIds = [...byMember.keys()].filter((m) => m.existingId !== null).map((m) => m.existingId!);
  const already = allocationsOf(context.app, existingIds);
  const kept: Payment[] = [];
  for (const [member, list] of byMember) {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const paid: Allocation[] = member.existingId !== null ? [...(already.get(member.existingId) ?? [])] : [];
    const rules = { start: member.startDate, end: member.endDate, endReason: member.endReason, entranceFeeWaived: member.entranceFeeWaived };
    for (const payment of list) {
      const settings: ContributionSettings = regulationOnDate(context, payment.date).contributions;
      try {
        const split = allocatePayment(settings, rules, paid, payment.satang, payment.date);
        payment.allocations = split.allocations;
        payment.periodMonths = periodMonthsOf(settings.scheme);
        for (const allocation of split.allocations) paid.push(allocation);
        kept.push(payment);
      } catch (error) {
        if (!(error instanceof WelfareRuleError)) throw error;
        const sheet = sheetsByName.get(payment.sheet)!;
        const rowIndex = sheet.table.rowNumbers.indexOf(payment.rowNumber);
        const column = payment.column === null ? sheet.mapping.amount : sheet.headings.indexOf(payment.column);
        problem(context, sheet, rowIndex, column, { th: error.th, en: error.en });
      }
    }
  }
  return kept;
}

function checkPayouts(context: Context, sheet: SheetPlan, index: MemberIndex, payouts: Payout[]): void {
  for (let rowIndex = sheet.headerIndex + 1; rowIndex < sheet.table.rows.length; rowIndex++) {
    const date = historyDate(context, cellOf(sheet, rowIndex, 'date'), { th: 'วันที่จ่าย', en: 'Date paid' }, true);
    if (!date.ok) {
      problem(context, sheet, rowIndex, sheet.mapping.date, date.error);
      continue;
    }
    const amount = checkAmount(context, cellOf(sheet, rowIndex, 'amount'), { th: 'จำนวนเงิน', en: 'Amount' });
    if (!amount.ok) {
      problem(context, sheet, rowIndex, sheet.mapping.amount, amount.error);
      continue;
    }
    const member = findMember(sheet, rowIndex, date.value!, index, true);
    if (!member.ok) {
      problem(context, sheet, rowIndex, member.column, member.error);
      continue;
    }
    const benefitText = textOf(sheet, rowIndex, 'benefit');
    const types = regulationOnDate(context, date.value!).benefitTypes;
    const key = benefitText.replace(/\s/g, '').toLowerCase();
    const benefit = types.find((type) => type.code.toLowerCase() === key || type.name.th.replace(/\s/g, '') === key) ?? types.find((type) => key !== '' && type.name.th.replace(/\s/g, '').startsWith(key));
    if (!benefit) {
      problem(context, sheet, rowIndex, sheet.mapping.benefit, {
        th: `ประเภทสวัสดิการ "${benefitText}" ไม่มีในระเบียบกองทุน (มี: ${types.map((type) => type.name.th).join(', ')})`,
        en: `Benefit type "${benefitText}" is not in the regulation`,
      });
      continue;
    }
    const account = moneyAccount(context, textOf(sheet, rowIndex, 'account'));
    if (!account.ok) {
      problem(context, sheet, rowIndex, sheet.mapping.account, account.error);
      continue;
    }
    dateWarning(context, sheet, rowIndex, sheet.mapping.date, date);
    payouts.push({ member: member.member, date: date.value!, satang: amount.satang, benefitCode: benefit.code, benefitName: benefit.name.th, voucher: textOf(sheet, rowIndex, 'voucher'), accountId: account.id });
  }
}

function checkOpenings(context: Context, sheet: SheetPlan, paper: Map<number, Satang>): void {
  for (let rowIndex = sheet.headerIndex + 1; rowIndex < sheet.table.rows.length; rowIndex++) {
    const accountText = textOf(sheet, rowIndex, 'account');
    if (/^(รวม|total)/i.test(accountText)) continue;
    const account = moneyAccount(context, accountText);
    if (!account.ok || accountText === '') {
      problem(context, sheet, rowIndex, sheet.mapping.account, account.ok ? { th: 'ไม่มีชื่อบัญชี', en: 'No account' } : account.error);
      continue;
    }
    const amount = checkAmount(context, cellOf(sheet, rowIndex, 'amount'), { th: 'ยอดคงเหลือ', en: 'Balance' }, true);
    if (!amount.ok) {
      problem(context, sheet, rowIndex, sheet.mapping.amount, amount.error);
      continue;
    }
    if (paper.has(account.id)) {
      problem(context, sheet, rowIndex, sheet.mapping.account, { th: `บัญชี "${accountText}" มีสองแถว`, en: `The account "${accountText}" has two rows` });
      continue;
    }
    paper.set(account.id, amount.satang);
  }
}

function yearTotals(items: { date: string; satang: Satang }[], kind: AccountingYearKind): YearTotal[] {
  const years = new Map<number, YearTotal>();
  for (const item of items) {
    const year = fiscalYearOf(item.date, kind);
    const total = years.get(year.buddhistYear) ?? { year: year.buddhistYear, label: year.label, count: 0, satang: 0 };
    total.count++;
    total.satang += item.satang;
    years.set(year.buddhistYear, total);
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/** Every sheet checked, and what the commit would post. Nothing is written. */
export function checkHistory(app: AppContext, tables: SheetTable[], choices: Record<string, SheetChoice>, options: HistoryOptions): CheckedHistory {
  const regulations = regulationVersions(app);
  const books = app.sqlite.prepare('SELECT lock_date AS lockDate, accounting_year AS accountingYear FROM welfare_books WHERE id = 1').get() as { lockDate: string | null; accountingYear: AccountingYearKind } | undefined;
  let accounts = app.sqlite.prepare('SELECT id, code, name_th AS nameTh, kind, report_line AS reportLine, bank_account AS bankAccount FROM welfare_accounts WHERE active = 1 ORDER BY position').all() as Context['accounts'];
  // A fund whose books are not open yet gets the preset chart with the import (accountsToCreate), ids in order.
  if (accounts.length === 0) accounts = presetAccounts.map((account, position) => ({ id: position + 1, code: account.code, nameTh: account.nameTh, kind: account.kind, reportLine: account.reportLine, bankAccount: '' }));
  const context: Context = { app, options, today: localIsoDate(app.now()), lockDate: books?.lockDate ?? null, accountingYear: books?.accountingYear ?? 'fiscal', regulations, accounts, problems: [], warnings: [], refusedCells: new Map(), dates: new Map(), moneyAccounts: new Map(), amounts: new Map() };
  const sheets = planSheets(tables, choices);
  const sheetsByName = new Map(sheets.map((sheet) => [sheet.table.name, sheet]));
  const { index, byPerson } = existingMemberships(context);
  const memberships: NewMembership[] = [];
  const memberCounts = { rows: 0, newPeople: 0, matchedPeople: 0, alreadyMembers: 0 };
  for (const sheet of sheets.filter((s) => s.kind === 'members')) {
    const result = checkMembers(context, sheet, index, byPerson);
    memberships.push(...result.memberships);
    memberCounts.rows += sheet.table.rows.length - sheet.headerIndex - 1;
    memberCounts.newPeople += result.newPeople;
    memberCounts.matchedPeople += result.matchedPeople;
    memberCounts.alreadyMembers += result.alreadyMembers;
  }
  const paperSeen: PaperSeen = new Map();
  for (const row of app.sqlite.prepare('SELECT paper_book AS book, paper_number AS number FROM welfare_receipts WHERE paper_number IS NOT NULL').all() as { book: string; number: string }[]) {
    paperSeen.set(`${row.book}\u0001${row.number}`, null);
  }
  let payments: Payment[] = [];
  for (const sheet of sheets) {
    if (sheet.kind === 'payments') checkPayments(context, sheet, index, paperSeen, payments);
    else if (sheet.kind === 'monthly') checkMonthly(context, sheet, index, payments);
  }
  payments = allocate(context, payments, sheetsByName);
  const payouts: Payout[] = [];
  for (const sheet of sheets.filter((s) => s.kind === 'payouts')) checkPayouts(context, sheet, index, payouts);
  const paper = new Map<number, Satang>();
  for (const sheet of sheets.filter((s) => s.kind === 'openings')) checkOpenings(context, sheet, paper);

  // The opening entry brings each money account to its paper balance on the cut-over day: what the imported rows
  // put in or took out is already there, the rest was there before the history in the file began.
  const movement = new Map<number, Satang>();
  for (const payment of payments) movement.set(payment.accountId, (movement.get(payment.accountId) ?? 0) + payment.satang);
  for (const payout of payouts) movement.set(payout.accountId, (movement.get(payout.accountId) ?? 0) - payout.satang);
  const openings = [...paper].map(([accountId, paperSatang]) => {
    const account = accounts.find((a) => a.id === accountId)!;
    const historySatang = movement.get(accountId) ?? 0;
    return { accountId, code: account.code, name: account.nameTh, paperSatang, historySatang, openingSatang: paperSatang - historySatang };
  });

  const benefits = new Map<string, { code: string; name: string; count: number; satang: Satang }>();
  for (const payout of payouts) {
    const row = benefits.get(payout.benefitCode) ?? { code: payout.benefitCode, name: payout.benefitName, count: 0, satang: 0 };
    row.count++;
    row.satang += payout.satang;
    benefits.set(payout.benefitCode, row);
  }
  const sum = (items: { satang: Satang }[]) => items.reduce((total, item) => total + item.satang, 0);
  const inFileOrder = (a: RowProblem, b: RowProblem) => (a.sheet === b.sheet ? a.rowNumber - b.rowNumber : sheets.findIndex((s) => s.table.name === a.sheet) - sheets.findIndex((s) => s.table.name === b.sheet));
  context.problems.sort(inFileOrder);
  context.warnings.sort(inFileOrder);
  return {
    sheets: sheets.map((sheet) => ({
      name: sheet.table.name,
      kind: sheet.kind,
      headerRow: sheet.table.rowNumbers[sheet.headerIndex] ?? 1,
      headings: sheet.headings,
      mapping: sheet.mapping,
      fields: sheet.kind === 'skip' ? [] : historyFields[sheet.kind],
      months: [...sheet.months.values()],
      rows: Math.max(0, sheet.table.rows.length - sheet.headerIndex - 1),
    })),
    problems: context.problems,
    warnings: context.warnings,
    refusedCells: context.refusedCells,
    totals: {
      members: { ...memberCounts, newMemberships: memberships.length, byStartYear: yearTotals(memberships.map((m) => ({ date: m.startDate, satang: 0 })), context.accountingYear) },
      contributions: { count: payments.length, satang: sum(payments), byYear: yearTotals(payments, context.accountingYear) },
      payouts: { count: payouts.length, satang: sum(payouts), byYear: yearTotals(payouts, context.accountingYear), byBenefit: [...benefits.values()] },
      openings,
    },
    memberships,
    payments,
    payouts,
    openings,
    lapsing: lapsingMembers(context, memberships, payments),
  };
}

/**
 * The new open memberships that the arrears rule of today's regulation ends as soon as the lapse pass runs (on the
 * members tab or the next collection day): their history in the file stops long before today. Nothing is wrong with
 * the file — the treasurer is told before posting, so the paper book's lapses (or its missing pages) can be checked.
 */
function lapsingMembers(context: Context, memberships: NewMembership[], payments: Payment[]): LapsingMember[] {
  const today = versionInForce(context.regulations, context.today);
  if (!today.ok) return [];
  const settings = today.version.contributions;
  if (settings.arrears.limit === null) return [];
  const paid = new Map<NewMembership, Allocation[]>();
  for (const payment of payments) for (const allocation of payment.allocations) pushTo(paid, payment.member, allocation);
  const lapsing: LapsingMember[] = [];
  for (const membership of memberships) {
    if (membership.endDate !== null || membership.existingId !== null) continue;
    const allocations = paid.get(membership) ?? [];
    const rules = { start: membership.startDate, end: null, endReason: null, entranceFeeWaived: membership.entranceFeeWaived };
    const lapse = lapseDate(settings, rules, allocations);
    if (lapse === null || lapse.date > context.today) continue;
    const lastPaidOn = allocations.reduce<string | null>((last, allocation) => (last === null || allocation.paidOn > last ? allocation.paidOn : last), null);
    lapsing.push({ memberNumber: membership.memberNumber, name: membership.name, lastPaidOn, lapsedOn: lapse.date, reason: { th: lapse.th, en: lapse.en } });
  }
  return lapsing.sort((a, b) => (a.lapsedOn < b.lapsedOn ? -1 : a.lapsedOn > b.lapsedOn ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------------------------
// The plan

export const historyStatements = {
  insertPersonWithId: peopleStatements.insertPersonWithId,
  insertAccount: 'INSERT INTO welfare_accounts (id, code, name_th, name_en, kind, report_line, system, position) VALUES (?, ?, ?, ?, ?, ?, 1, ?)',
  insertBooks: 'INSERT INTO welfare_books (id, updated_at) VALUES (1, ?) ON CONFLICT (id) DO NOTHING',
  insertMembership:
    'INSERT INTO welfare_memberships (id, person_id, member_number, category, application_date, start_date, approved_by, entrance_fee_waived, end_date, end_reason, end_note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)',
  insertReceiptBook: 'INSERT INTO welfare_receipt_books (id, book_number, first_number, last_number, created_at) VALUES (?, ?, 1, ?, ?)',
  insertImport: 'INSERT INTO welfare_history_imports (id, file_name, sha256, cut_over_date, receipt_book_id, summary, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  insertEntry: 'INSERT INTO welfare_journal_entries (id, entry_date, kind, description, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
  insertLine: 'INSERT INTO welfare_journal_lines (entry_id, account_id, amount_satang, membership_id, benefit_code) VALUES (?, ?, ?, ?, ?)',
  /** a receipt of the history, marked with its import and the book and number it had on paper */
  insertReceipt:
    'INSERT INTO welfare_receipts (id, book_id, number, receipt_date, membership_id, payer_name, total_satang, entry_id, created_at, history_import_id, paper_book, paper_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  insertReceiptLine: 'INSERT INTO welfare_receipt_lines (receipt_id, kind, period, description, amount_satang, account_id, position) VALUES (?, ?, ?, ?, ?, ?, ?)',
  /** a stored summary of what a member paid no longer stands for the lines: it is summed again on the next look */
  forgetPaidSummary: 'DELETE FROM welfare_paid WHERE membership_id = ?',
} as const;

export const HISTORY_IMPORT_METHOD = 'welfare.history.commit';

/** The books' indexes the history's rows go into by the hundred thousand (the UNIQUE ones are kept). */
const HISTORY_INDEXES = [
  'welfare_journal_entries_date',
  'welfare_journal_lines_entry_account_amount',
  'welfare_journal_lines_account_amount',
  'welfare_receipts_membership',
  'welfare_receipts_date',
  'welfare_receipt_lines_receipt',
];

/**
 * The indexes to build again after the rows rather than insert into row by row: only while the books hold few lines
 * beside what the import writes (under a sixth of its rows, about half the journal lines it brings), since the
 * rebuild reads the rows already there too. A tenth off the large history's write.
 */
function rebuildIndexes(app: AppContext, rowsToWrite: number): string[] {
  const { lines } = app.sqlite.prepare('SELECT count(*) AS lines FROM welfare_journal_lines').get() as { lines: number };
  return lines < rowsToWrite / 6 ? HISTORY_INDEXES : [];
}

/** Ids this plan may take: one past the largest of each table, so the rows of the plan can refer to each other. */
function nextIds(app: AppContext) {
  const next = (table: string) => (app.sqlite.prepare(`SELECT coalesce(max(id), 0) + 1 AS id FROM ${table}`).get() as { id: number }).id;
  const sequence = (table: string) => (app.sqlite.prepare('SELECT coalesce(max(seq), 0) + 1 AS id FROM sqlite_sequence WHERE name = ?').get(table) as { id: number }).id;
  // AUTOINCREMENT never reuses an id: the next is past both the largest row and the largest ever given.
  const both = (table: string) => Math.max(next(table), sequence(table));
  return { person: both('people'), membership: both('welfare_memberships'), entry: both('welfare_journal_entries'), receipt: both('welfare_receipts'), book: both('welfare_receipt_books'), import: both('welfare_history_imports') };
}

export interface HistoryPlanInput {
  checked: CheckedHistory;
  fileName: string;
  sha256: string;
  options: HistoryOptions;
  actor: BulkWritePlan['actor'];
}

/** Payments a batch (about 12,000 rows): built by the main thread while the worker writes the batch before. */
const PAYMENTS_PER_BATCH = 2000;

type HistoryStatement = keyof typeof historyStatements;
const widthOf = (name: HistoryStatement) => historyStatements[name].split('?').length - 1;
const runOf = (name: HistoryStatement): BulkWriteRun => ({ statement: name, width: widthOf(name), values: [] });

export interface HistoryWrite {
  /** the steps and the rows the rest refers to: people, memberships, the history receipt book, the import */
  plan: BulkWritePlan;
  /**
   * The entries, receipts and the rest, batch by batch in the order the foreign keys need (an entry before its lines,
   * a receipt before its lines), built lazily as the worker takes them (commitInWorker's `batches`).
   */
  batches: Iterable<BulkWriteRun[]>;
}

/** What the commit writes: the ids are taken now, from the books as they are, so every row can refer to the others. */
export function historyWrite(app: AppContext, input: HistoryPlanInput): HistoryWrite {
  const { checked, actor } = input;
  const at = actor.at;
  const userId = actor.userId;
  const steps: BulkWritePlan['steps'] = [];
  const ids = nextIds(app);
  const accountRows = app.sqlite.prepare('SELECT count(*) AS n FROM welfare_accounts').get() as { n: number };
  if (accountRows.n === 0) {
    presetAccounts.forEach((account, position) => steps.push({ statement: 'insertAccount', params: [position + 1, account.code, account.nameTh, account.nameEn, account.kind, account.reportLine, position] }));
  }
  steps.push({ statement: 'insertBooks', params: [at] });
  const accountIdOf = (code: string) => {
    const found = app.sqlite.prepare('SELECT id FROM welfare_accounts WHERE code = ?').get(code) as { id: number } | undefined;
    return found?.id ?? presetAccounts.findIndex((account) => account.code === code) + 1;
  };
  const contributionsAccount = accountIdOf('4101');
  const entranceFeeAccount = accountIdOf('4201');
  const benefitsAccount = accountIdOf('5101');
  const equityAccount = accountIdOf('3101');

  // People and memberships, the receipt book and the import: parents of everything else.
  const people = runOf('insertPersonWithId');
  const membershipRun = runOf('insertMembership');
  const bookRun = runOf('insertReceiptBook');
  const importRun = runOf('insertImport');
  const membershipId = new Map<NewMembership, number>();
  let personId = ids.person;
  let nextMembership = ids.membership;
  for (const membership of checked.memberships) {
    let person = membership.personId;
    if (person === null) {
      person = personId++;
      for (const value of insertPersonWithIdStep(person, membership.newPerson!, at).params) people.values.push(value);
    }
    const id = nextMembership++;
    membershipId.set(membership, id);
    membershipRun.values.push(id, person, membership.memberNumber, membership.category, membership.startDate, membership.startDate, 'นำเข้าจากทะเบียนเดิม (กระดาษ/Excel)', membership.endDate, membership.endReason, membership.endDate ? 'นำเข้าจากทะเบียนเดิม' : '', at, at);
  }
  const idOf = (member: NewMembership) => member.existingId ?? membershipId.get(member)!;

  const importId = ids.import;
  const bookId = checked.payments.length > 0 ? ids.book : null;
  if (bookId !== null) bookRun.values.push(bookId, `ประวัตินำเข้า ${importId}`, checked.payments.length, at);
  importRun.values.push(importId, input.fileName, input.sha256, input.options.cutOverDate, bookId, JSON.stringify(checked.totals), at, userId);

  const openingLines: PostingLine[] = checked.openings.map((opening) => ({ accountId: opening.accountId, amountSatang: opening.openingSatang }));
  const openingTotal = openingLines.reduce((total, line) => total + line.amountSatang, 0);
  const hasOpening = openingLines.some((line) => line.amountSatang !== 0);
  const forgotten = [...new Set([...checked.payments.map((p) => p.member), ...checked.payouts.map((p) => p.member)])].filter((member) => member.existingId !== null);

  // Rows the batches will write, for the progress bar: an entry, its debit and one credit per kind of money, the
  // receipt (marked as history) and a line per allocation for each payment.
  let batchedRows = checked.payouts.length * 3 + forgotten.length + (hasOpening ? 2 + openingLines.filter((line) => line.amountSatang !== 0).length : 0);
  for (const payment of checked.payments) {
    const fee = payment.allocations.some((allocation) => allocation.kind === 'entrance-fee');
    const contribution = payment.allocations.some((allocation) => allocation.kind !== 'entrance-fee');
    batchedRows += 3 + (fee ? 1 : 0) + (contribution ? 1 : 0) + payment.allocations.length;
  }

  let entryId = ids.entry;
  let receiptId = ids.receipt;
  const periodTexts = new Map<string, string>();
  const periodText = (period: string, months: number) => {
    const key = `${period}\u0001${months}`;
    let text = periodTexts.get(key);
    if (text === undefined) periodTexts.set(key, (text = `เงินสมทบ ${formatPeriod(period, months)}`));
    return text;
  };

  function* batches(): Generator<BulkWriteRun[]> {
    const { payments } = checked;
    // Contributions: one receipt each, as the collection day writes them, in the history book; paper numbers kept.
    for (let first = 0; first < payments.length; first += PAYMENTS_PER_BATCH) {
      const entries = runOf('insertEntry');
      const lines = runOf('insertLine');
      const receipts = runOf('insertReceipt');
      const receiptLines = runOf('insertReceiptLine');
      const last = Math.min(payments.length, first + PAYMENTS_PER_BATCH);
      for (let position = first; position < last; position++) {
        const payment = payments[position]!;
        const member = idOf(payment.member);
        const paper = payment.paperNumber === null ? 'ไม่มีเลขใบเสร็จ' : `ใบเสร็จเล่มที่ ${payment.paperBook || '-'} เลขที่ ${payment.paperNumber}`;
        const description = `ประวัติ (นำเข้า) ${paper} ${payment.member.name}`;
        // The money in on the debit side; on the credit side one line per kind of money, in the order first allocated.
        let feeSatang = 0;
        let contributionSatang = 0;
        let feeFirst: boolean | null = null;
        for (const allocation of payment.allocations) {
          const fee = allocation.kind === 'entrance-fee';
          feeFirst ??= fee;
          if (fee) feeSatang += allocation.satang;
          else contributionSatang += allocation.satang;
        }
        if (feeSatang + contributionSatang !== payment.satang || payment.satang === 0) throw new Error(`unbalanced journal entry "${description}": ${payment.satang} in, ${feeSatang + contributionSatang} allocated`);
        const entry = entryId++;
        entries.values.push(entry, payment.date, 'receipt', description, at, userId);
        lines.values.push(entry, payment.accountId, payment.satang, member, null);
        const credit = (accountId: number, satang: number) => satang !== 0 && lines.values.push(entry, accountId, -satang, member, null);
        if (feeFirst) {
          credit(entranceFeeAccount, feeSatang);
          credit(contributionsAccount, contributionSatang);
        } else {
          credit(contributionsAccount, contributionSatang);
          credit(entranceFeeAccount, feeSatang);
        }
        const receipt = receiptId++;
        receipts.values.push(receipt, bookId, position + 1, payment.date, member, `${payment.member.name} (สมาชิกเลขที่ ${payment.member.memberNumber})`, payment.satang, entry, at, importId, payment.paperBook, payment.paperNumber);
        payment.allocations.forEach((allocation, index) => {
          if (allocation.kind === 'entrance-fee') receiptLines.values.push(receipt, 'entrance-fee', null, 'ค่าสมัครแรกเข้า', allocation.satang, entranceFeeAccount, index);
          else receiptLines.values.push(receipt, 'contribution', allocation.period, periodText(allocation.period, payment.periodMonths), allocation.satang, contributionsAccount, index);
        });
      }
      yield [entries, lines, receipts, receiptLines];
    }

    const entries = runOf('insertEntry');
    const lines = runOf('insertLine');
    const entry = (date: string, kind: string, description: string, posting: PostingLine[]) => {
      const id = entryId++;
      entries.values.push(id, date, kind, description, at, userId);
      for (const line of balancedLines(description, posting)) lines.values.push(id, line.accountId, line.amountSatang, line.membershipId ?? null, line.benefitCode ?? null);
    };
    for (const payout of checked.payouts) {
      const member = idOf(payout.member);
      entry(payout.date, 'payout', `ประวัติ (นำเข้า) จ่าย${payout.benefitName}${payout.voucher ? ` ใบสำคัญจ่ายเลขที่ ${payout.voucher}` : ''} ${payout.member.name}`, [
        { accountId: benefitsAccount, amountSatang: payout.satang, membershipId: member, benefitCode: payout.benefitCode },
        { accountId: payout.accountId, amountSatang: -payout.satang, membershipId: member },
      ]);
    }
    if (hasOpening) {
      entry(input.options.cutOverDate, 'opening', `ยอดยกมา ณ วันยกยอด ${formatThaiDate(input.options.cutOverDate)} (นำเข้าประวัติ)`, [...openingLines, { accountId: equityAccount, amountSatang: -openingTotal }]);
    }
    const forget = runOf('forgetPaidSummary');
    for (const member of forgotten) forget.values.push(member.existingId);
    yield [entries, lines, forget].filter((run) => run.values.length > 0);
  }

  const totals = checked.totals;
  return {
    plan: {
      statements: { ...historyStatements },
      steps,
      runs: [people, membershipRun, bookRun, importRun].filter((run) => run.values.length > 0),
      batchedRows,
      rebuiltIndexes: rebuildIndexes(app, batchedRows),
      actor,
      audit: {
        entity: 'import',
        entityId: importId,
        before: null,
        after: {
          kind: 'welfare-history',
          fileName: input.fileName,
          sha256: input.sha256,
          cutOverDate: input.options.cutOverDate,
          newPeople: totals.members.newPeople,
          newMemberships: totals.members.newMemberships,
          contributions: totals.contributions.count,
          contributionsSatang: totals.contributions.satang,
          payouts: totals.payouts.count,
          payoutsSatang: totals.payouts.satang,
        },
      },
    },
    batches: batches(),
  };
}

/** The whole write as one plan, every batch built at once (the bench's bare insert runs exactly these rows). */
export function historyPlan(app: AppContext, input: HistoryPlanInput): BulkWritePlan {
  const { plan, batches } = historyWrite(app, input);
  const runs = [...(plan.runs ?? [])];
  for (const batch of batches) runs.push(...batch);
  return { statements: plan.statements, steps: plan.steps, runs, actor: plan.actor, audit: plan.audit };
}

// ---------------------------------------------------------------------------------------------------------------
// Between preview and commit

export interface PreparedHistory {
  id: string;
  userId: number;
  fileName: string;
  sha256: string;
  read: ReadResult;
  choices: Record<string, SheetChoice>;
  options: HistoryOptions;
  checked: CheckedHistory;
  auditMark: number;
  committed: boolean;
  createdAt: number;
}

const prepared = new Map<string, PreparedHistory>();
const KEEP_MS = 60 * 60 * 1000;
const KEEP_AT_MOST = 2;

export function rememberHistory(entry: Omit<PreparedHistory, 'id' | 'createdAt' | 'committed'>): PreparedHistory {
  const now = Date.now();
  for (const [id, old] of prepared) if (now - old.createdAt > KEEP_MS || old.userId === entry.userId) prepared.delete(id);
  while (prepared.size >= KEEP_AT_MOST) prepared.delete(prepared.keys().next().value!);
  const stored = { ...entry, id: randomUUID(), createdAt: now, committed: false };
  prepared.set(stored.id, stored);
  return stored;
}

export function recallHistory(id: string, userId: number): PreparedHistory | null {
  const entry = prepared.get(id);
  return entry && entry.userId === userId ? entry : null;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const bahtText = (satang: Satang) => `${formatSatang(satang)} บาท`;
