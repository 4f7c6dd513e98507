// The fund's reports from the books (issue 9): the cash book of November 2569 — receipts, a voided receipt, a
// benefit paid, an expense with a 300-character description, money banked — checked against the journal with SQL
// of its own, and the arrears list checked against the collection sheet; the members one missed period short of the
// arrears limit counted against months counted by hand. Real SQLite; nothing mocked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientSession } from '../../main/api/router';
import { formatSatang } from '../../main/documents/format';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { postEntry } from '../../main/welfare/books';
import { comparable, pdfText } from '../documents/pdf-tools';
import { expectEveryValue, expectOnOneLine } from '../documents/printed-values';
import { routerCalls } from '../helpers/router-calls';
import { tempApp } from '../helpers/temp';

interface CashBook {
  fromDate: string;
  toDate: string;
  accounts: { id: number; code: string; name: string; reportLine: string; bankAccount: string }[];
  broughtForward: number[];
  rows: { entryId: number; date: string; kind: string; document: string; description: string; amounts: number[]; balances: number[] }[];
  receivedSatang: number[];
  paidSatang: number[];
  carriedForward: number[];
}

interface Arrears {
  asOf: string;
  arrearsLimit: number | null;
  villages: { villageId: number; number: number; name: string; totalOwedSatang: number; rows: { membershipId: number; memberNumber: string; name: string; periods: string; periodCount: number; missedCount: number; atLimit: boolean; nearLimit: boolean; owedSatang: number }[] }[];
  memberCount: number;
  atLimitCount: number;
  nearLimitCount: number;
  totalOwedSatang: number;
}

interface ArrearsTile {
  arrearsLimit: number | null;
  villages: { villageId: number; memberCount: number; atLimitCount: number; nearLimitCount: number }[];
  memberCount: number;
  atLimitCount: number;
  nearLimitCount: number;
}

/** A citizen ID with its check digit (the register refuses any other). */
function citizenId(first12: string): string {
  const sum = [...first12].reduce((total, digit, index) => total + Number(digit) * (13 - index), 0);
  return `${first12}${(11 - (sum % 11)) % 10}`;
}

const LONG_EXPENSE = `ค่าเอกสารและเครื่องเขียนสำหรับการประชุมใหญ่สามัญประจำปีของสมาชิกกองทุนสวัสดิการชุมชน ${'กระดาษ A4 ปากกา แฟ้มเอกสาร สมุดบัญชี ตรายาง หมึกพิมพ์ '.repeat(6)}`.slice(0, 300).trim();

let outDir = '';
beforeAll(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-welfare-reports-'));
});
afterAll(() => {
  if (outDir && !process.env.KEEP_DOCUMENTS) fs.rmSync(outDir, { recursive: true, force: true });
});

/**
 * 30 November 2569. Bank 2,486,902.25 brought forward from October with one October receipt in cash; in November
 * collection days in two villages, one receipt voided, a hospital benefit paid, an expense, and cash banked.
 */
async function fundWithAMonth() {
  const app = tempApp(undefined, { now: () => new Date('2026-11-30T10:00:00+07:00') });
  await loadSampleTambon(app, generateSampleTambon({ size: 'small' }));
  const login = async (username: string) => {
    const session: ClientSession = { user: null };
    await app.router.call(session, 'office.auth.login', { username, password: 'tambon1234' });
    return session;
  };
  const treasurer = await login('treasurer');
  const admin = await login('admin');
  const { call, refusal } = routerCalls(app, treasurer);
  const context = { db: app.database.db, sqlite: app.database.sqlite, now: () => new Date('2026-11-30T10:00:00+07:00') };
  const sql = <T>(query: string, ...params: unknown[]) => app.database.sqlite.prepare(query).all(...params) as T[];

  const preset = await call<{ benefitTypes: { code: string; waitingDays: number; payment: { kind: string }; evidence: { code: string }[] }[]; contributions: { arrears: { limit: number | null } } }>('welfare.regulation.preset', { effectiveFrom: '2015-01-01' });
  preset.contributions.arrears.limit = 6;
  const perNight = preset.benefitTypes.find((benefit) => benefit.payment.kind === 'perDay')!;
  perNight.waitingDays = 0; // the fund pays hospital nights from the first day
  await call('welfare.regulation.create', preset);
  const [villageA, villageB] = sql<{ id: number; number: number }>('SELECT id, number FROM villages ORDER BY position LIMIT 2');

  const join = async (person: { title: string; firstName: string; lastName: string; id12: string; villageId: number }, memberNumber: string, startDate: string) => {
    const created = await call<{ id: number }>('people.persons.create', { title: person.title, firstName: person.firstName, lastName: person.lastName, citizenId: citizenId(person.id12), villageId: person.villageId }, admin);
    return call<{ id: number }>('welfare.members.join', { personId: created.id, memberNumber, category: 'general', applicationDate: startDate, startDate });
  };
  const kanya = await join({ title: 'นางสาว', firstName: 'กัญญ์ณัฏฐ์', lastName: 'ศรีสุวรรณ์', id12: '340990012345', villageId: villageA!.id }, '0901', '2026-06-01');
  const punya = await join({ title: 'นาง', firstName: 'ปุณณ์ญาดา', lastName: 'ธนัชพฤกษ์', id12: '110170020345', villageId: villageA!.id }, '0902', '2026-06-01');
  const thiti = await join({ title: 'นาย', firstName: 'ฐิติพงศ์', lastName: 'ฤทธิ์ณรงค์', id12: '310060012345', villageId: villageA!.id }, '0903', '2026-06-01');
  const natthawat = await join({ title: 'นาย', firstName: 'ณัฐวรรธน์', lastName: 'พฤกษ์ชยางกูร', id12: '150990034567', villageId: villageB!.id }, '0904', '2026-11-01');

  const book = await call<{ id: number }>('welfare.receiptBooks.create', { bookNumber: '12', firstNumber: 451, lastNumber: 500 });
  // October: a receipt in cash (the chart of accounts is written by the first posting)
  const sheetA = async (asOf: string) => call<{ rows: { membershipId: number; owedSatang: number }[] }>('welfare.collection.sheet', { villageId: villageA!.id, asOf });
  await call('welfare.collection.save', { receiptDate: '2026-10-15', bookId: book.id, payments: [{ membershipId: punya.id, amountSatang: 9_000 }] });
  const chart = new Map(sql<{ code: string; id: number }>('SELECT code, id FROM welfare_accounts').map((row) => [row.code, row.id]));
  // a second bank account, and the bank balance brought forward from the year before (an opening entry)
  app.database.sqlite.prepare("UPDATE welfare_accounts SET bank_account = 'ธ.ก.ส. สาขาแม่ริม 020-1-23456-7' WHERE code = '1102'").run();
  app.database.sqlite.prepare("INSERT INTO welfare_accounts (code, name_th, name_en, kind, report_line, bank_account, system, active, position) VALUES ('1103', 'เงินฝากธนาคาร (ออมทรัพย์)', 'Savings', 'asset', 'bank', 'กรุงไทย สาขาหนองบัว 123-4-56789-0', 0, 1, 2)").run();
  chart.set('1103', Number(sql<{ id: number }>("SELECT id FROM welfare_accounts WHERE code = '1103'")[0]!.id));
  postEntry(context, { date: '2026-10-01', kind: 'opening', description: 'ยอดยกมาจากปีบัญชีก่อน', userId: null, lines: [{ accountId: chart.get('1101')!, amountSatang: 1_235_50 }, { accountId: chart.get('1102')!, amountSatang: 248_690_225 }, { accountId: chart.get('3101')!, amountSatang: -248_813_775 }] });

  // November: two collection days, one receipt voided
  const owedA = await sheetA('2026-11-05');
  const kanyaOwed = owedA.rows.find((row) => row.membershipId === kanya.id)!.owedSatang;
  await call('welfare.collection.save', { receiptDate: '2026-11-05', bookId: book.id, payments: [{ membershipId: kanya.id, amountSatang: kanyaOwed }, { membershipId: punya.id, amountSatang: 6_000 }] });
  await call('welfare.collection.save', { receiptDate: '2026-11-12', bookId: book.id, payments: [{ membershipId: natthawat.id, amountSatang: 5_000 }] });
  const punyaReceipt = sql<{ id: number; number: number }>('SELECT id, number FROM welfare_receipts WHERE membership_id = ? AND receipt_date = ?', punya.id, '2026-11-05')[0]!;
  await call('welfare.receipts.void', { receiptId: punyaReceipt.id, reason: 'บันทึกผิดคน ต้องเป็นของสามี' });
  // a hospital benefit paid to the new member, an administrative expense, and cash banked
  const claim = await call<{ id: number; status: string; amountSatang: number }>('welfare.claims.create', { membershipId: natthawat.id, benefitCode: perNight.code, eventDate: '2026-11-14', units: 1, evidence: perNight.evidence.map((item) => item.code) });
  expect(claim.status).toBe('pending');
  await call('welfare.claims.approve', { claimId: claim.id, approvedBy: 'มติคณะกรรมการ ครั้งที่ 11/2569', approvalDate: '2026-11-18' });
  await call('welfare.claims.pay', { claimId: claim.id, payoutDate: '2026-11-20' });
  await call('welfare.expenses.create', { expenseDate: '2026-11-25', accountCode: '5203', description: LONG_EXPENSE, amountSatang: 48_750, recipientName: 'ร้านศึกษาภัณฑ์หนองบัว' });
  postEntry(context, { date: '2026-11-26', kind: 'transfer', description: 'นำเงินสดฝากธนาคาร', userId: null, lines: [{ accountId: chart.get('1103')!, amountSatang: 5_000 }, { accountId: chart.get('1101')!, amountSatang: -5_000 }] });
  return { app, call, refusal, sql, chart, kanya, punya, thiti, natthawat, punyaReceipt, claim, villageA: villageA!, villageB: villageB! };
}

describe('the cash book (สมุดเงินสด)', () => {
  it('has every entry that moved money in the month, each as its journal lines, and closes at the trial balance', async () => {
    const { call, sql, chart, claim, punyaReceipt } = await fundWithAMonth();
    const book = await call<CashBook>('welfare.reports.cashBook', { fromDate: '2026-11-01', toDate: '2026-11-30' });
    // cash first, then each bank account with its number
    expect(book.accounts.map((account) => account.code)).toEqual(['1101', '1102', '1103']);
    expect(book.accounts[1]!.bankAccount).toBe('ธ.ก.ส. สาขาแม่ริม 020-1-23456-7');
    const ids = book.accounts.map((account) => account.id);
    const moneyIds = ids.join(',');

    // brought forward: what the journal holds on each account before 1 November
    const before = sql<{ account: number; total: number }>(`SELECT l.account_id AS account, sum(l.amount_satang) AS total FROM welfare_journal_lines l JOIN welfare_journal_entries e ON e.id = l.entry_id WHERE e.entry_date < '2026-11-01' AND l.account_id IN (${moneyIds}) GROUP BY l.account_id`);
    expect(book.broughtForward).toEqual(ids.map((id) => before.find((row) => row.account === id)?.total ?? 0));
    expect(book.broughtForward).toEqual([9_000 + 1_235_50, 248_690_225, 0]);

    // the entries: every one in the month with a line on a money account, in date order
    const entries = sql<{ id: number }>(`SELECT DISTINCT e.id FROM welfare_journal_entries e JOIN welfare_journal_lines l ON l.entry_id = e.id WHERE e.entry_date BETWEEN '2026-11-01' AND '2026-11-30' AND l.account_id IN (${moneyIds}) ORDER BY e.entry_date, e.id`);
    expect(book.rows.map((row) => row.entryId)).toEqual(entries.map((entry) => entry.id));
    for (const row of book.rows) {
      const lines = sql<{ account: number; total: number }>('SELECT account_id AS account, sum(amount_satang) AS total FROM welfare_journal_lines WHERE entry_id = ? GROUP BY account_id', row.entryId);
      expect(row.amounts, `entry ${row.entryId} ${row.description}`).toEqual(ids.map((id) => lines.find((line) => line.account === id)?.total ?? 0));
    }

    // the papers: receipts by เล่ม/เลขที่, the void says ยกเลิก, the benefit and the expense by voucher number
    const documents = book.rows.map((row) => row.document);
    expect(documents).toEqual(['ใบเสร็จ 12/452', 'ใบเสร็จ 12/453', 'ใบเสร็จ 12/454', 'ใบสำคัญจ่าย 1', 'ใบสำคัญจ่าย 2', '', `ยกเลิกใบเสร็จ 12/${punyaReceipt.number}`]);
    const voided = book.rows.at(-1)!;
    expect(voided).toMatchObject({ date: '2026-11-30', kind: 'reversal', amounts: [-6_000, 0, 0] });
    expect(voided.description).toContain('บันทึกผิดคน ต้องเป็นของสามี');
    const benefit = book.rows.find((row) => row.document === 'ใบสำคัญจ่าย 1')!;
    expect(benefit.amounts).toEqual([-claim.amountSatang, 0, 0]);
    // by the benefit's Thai name, not its code
    expect(benefit.description).toMatch(/^จ่ายสวัสดิการ\S+.* ให้ นายณัฐวรรธน์ พฤกษ์ชยางกูร \(เหตุวันที่ 14 พฤศจิกายน 2569\)$/);
    expect(benefit.description).not.toMatch(/[A-Za-z]/);
    expect(book.rows.find((row) => row.document === 'ใบสำคัญจ่าย 2')!.description).toBe(LONG_EXPENSE);
    // the transfer shows in both columns: out of cash, into the savings account
    expect(book.rows.find((row) => row.kind === 'transfer')!.amounts).toEqual([-5_000, 0, 5_000]);

    // running balances, totals, and the closing balance equal to the trial balance on the last day
    let balance = [...book.broughtForward];
    for (const row of book.rows) {
      balance = balance.map((value, index) => value + row.amounts[index]!);
      expect(row.balances).toEqual(balance);
    }
    expect(book.carriedForward).toEqual(balance);
    const trial = await call<{ accounts: { accountId: number; balanceSatang: number }[] }>('welfare.books.trialBalance', { asOf: '2026-11-30' });
    expect(book.carriedForward).toEqual(ids.map((id) => trial.accounts.find((account) => account.accountId === id)?.balanceSatang ?? 0));
    const closing = sql<{ account: number; total: number }>(`SELECT l.account_id AS account, sum(l.amount_satang) AS total FROM welfare_journal_lines l JOIN welfare_journal_entries e ON e.id = l.entry_id WHERE e.entry_date <= '2026-11-30' AND l.account_id IN (${moneyIds}) GROUP BY l.account_id`);
    expect(book.carriedForward).toEqual(ids.map((id) => closing.find((row) => row.account === id)?.total ?? 0));
    expect(book.receivedSatang[0]! - book.paidSatang[0]!).toBe(book.carriedForward[0]! - book.broughtForward[0]!);
    expect(chart.get('1101')).toBe(ids[0]);
  });

  it('prints the month with the same figures: brought forward, every paper, the long description whole, the balance carried', async () => {
    const { call } = await fundWithAMonth();
    const book = await call<CashBook>('welfare.reports.cashBook', { fromDate: '2026-11-01', toDate: '2026-11-30' });
    const printed = await call<{ pdfBase64: string; pages: number; fileName: string; carriedForward: number[] }>('welfare.reports.cashBookPrint', { fromDate: '2026-11-01', toDate: '2026-11-30' });
    expect(printed.carriedForward).toEqual(book.carriedForward);
    const file = path.join(outDir, 'cash-book.pdf');
    fs.writeFileSync(file, Buffer.from(printed.pdfBase64, 'base64'));
    // every paper and description, whole or (a tall row broken at the page end) in its pieces in order
    await expectEveryValue(file, ['สมุดเงินสด', 'ยอดยกมา', 'ยอดยกไป', 'เหรัญญิก', 'ผู้ตรวจสอบ', 'ธ.ก.ส. สาขาแม่ริม 020-1-23456-7', ...book.rows.flatMap((row) => [row.document, row.description])], { thaiDigits: false });
    expect(comparable(await pdfText(file))).toContain(comparable('ตั้งแต่วันที่ 1 พฤศจิกายน 2569 ถึงวันที่ 30 พฤศจิกายน 2569'));
    // the treasurer who printed signs; the balances brought and carried forward, each amount on one line
    expect(comparable(await pdfText(file, printed.pages))).toContain(comparable('(นางบุญเรือน แก้วมณี)'));
    const balances = [...book.carriedForward, ...book.broughtForward].filter((value) => value !== 0).map((value) => formatSatang(value));
    await expectOnOneLine(file, balances, { thaiDigits: false });
    const lastPage = comparable(await pdfText(file, printed.pages));
    expect(lastPage).toContain(comparable(`ยอดยกไป ${book.carriedForward.map((value) => formatSatang(value)).join(' ')}`));
  });

  it('an empty period still brings the balance forward and carries it on', async () => {
    const { call } = await fundWithAMonth();
    const book = await call<CashBook>('welfare.reports.cashBook', { fromDate: '2026-12-01', toDate: '2026-12-31' });
    expect(book.rows).toEqual([]);
    const november = await call<CashBook>('welfare.reports.cashBook', { fromDate: '2026-11-01', toDate: '2026-11-30' });
    expect(book.broughtForward).toEqual(november.carriedForward);
    expect(book.carriedForward).toEqual(november.carriedForward);
  });

  it('refuses a period that ends before it starts, an impossible date and a B.E. year, naming the field in Thai', async () => {
    const { refusal } = await fundWithAMonth();
    const backwards = await refusal('welfare.reports.cashBook', { fromDate: '2026-11-30', toDate: '2026-11-01' });
    expect(backwards.field).toBe('toDate');
    expect(backwards.messageTh).toBe('ช่อง "ถึงวันที่": ถึงวันที่ 1 พฤศจิกายน 2569 อยู่ก่อนตั้งแต่วันที่ 30 พฤศจิกายน 2569');
    const impossible = await refusal('welfare.reports.cashBookPrint', { fromDate: '2026-02-30', toDate: '2026-03-31' });
    expect(impossible.field).toBe('fromDate');
    expect(impossible.messageTh).toContain('ตั้งแต่วันที่ไม่ใช่วันที่ที่มีจริง');
    const buddhist = await refusal('welfare.reports.cashBook', { fromDate: '2026-11-01', toDate: '2569-11-30' });
    expect(buddhist.messageTh).toContain('ถึงวันที่: ปีเป็น พ.ศ.');
    const arrears = await refusal('welfare.reports.arrears', { villageId: null, asOf: '2026-13-01' });
    expect(arrears.field).toBe('asOf');
    expect(arrears.messageTh).toMatch(/^ช่อง "ณ วันที่": /);
    expect((await refusal('welfare.reports.arrearsPrint', { villageId: 99_999, asOf: '2026-11-30' })).messageTh).toBe('ไม่พบหมู่บ้านที่เลือก');
  });
});

describe('a fund that has posted nothing yet', () => {
  it('has an empty cash book, and printing it says why in Thai', async () => {
    const app = tempApp(undefined, { now: () => new Date('2026-11-30T10:00:00+07:00') });
    await loadSampleTambon(app, generateSampleTambon({ size: 'small' }));
    const session: ClientSession = { user: null };
    await app.router.call(session, 'office.auth.login', { username: 'treasurer', password: 'tambon1234' });
    const { call, refusal } = routerCalls(app, session);
    expect(await call<CashBook>('welfare.reports.cashBook', { fromDate: '2026-11-01', toDate: '2026-11-30' })).toMatchObject({ accounts: [], rows: [], broughtForward: [], carriedForward: [] });
    expect((await refusal('welfare.reports.cashBookPrint', { fromDate: '2026-11-01', toDate: '2026-11-30' })).messageTh).toBe('กองทุนยังไม่มีบัญชีเงินสดหรือเงินฝาก (ยังไม่เคยบันทึกรายการ)');
  });
});

describe('the arrears list (รายชื่อสมาชิกค้างส่งเงินสมทบ)', () => {
  it('lists, per village, the members the collection sheet says owe, and marks those at the arrears limit', async () => {
    const { call, kanya, punya, thiti, natthawat, villageA } = await fundWithAMonth();
    const list = await call<Arrears>('welfare.reports.arrears', { villageId: null, asOf: '2026-12-31' });
    expect(list.arrearsLimit).toBe(6);
    // every village with someone in arrears, and only those
    const sheet = await call<{ rows: { membershipId: number; owedSatang: number; missedCount: number }[] }>('welfare.collection.sheet', { villageId: villageA.id, asOf: '2026-12-31' });
    const owing = sheet.rows.filter((row) => row.owedSatang > 0 || row.missedCount > 0);
    const sectionA = list.villages.find((village) => village.villageId === villageA.id)!;
    expect(sectionA.rows.map((row) => [row.membershipId, row.owedSatang, row.missedCount])).toEqual(owing.map((row) => [row.membershipId, row.owedSatang, row.missedCount]));
    expect(list.villages.every((village) => village.rows.length > 0)).toBe(true);
    // never paid since June: at the limit at the end of December, the fee and June to December owed
    const listed = list.villages.flatMap((village) => village.rows);
    // paid up to November: December only, far from the limit
    expect(listed.find((row) => row.membershipId === kanya.id)).toMatchObject({ atLimit: false, periodCount: 1 });
    const thitiRow = listed.find((row) => row.membershipId === thiti.id)!;
    expect(thitiRow).toMatchObject({ memberNumber: '0903', name: 'นายฐิติพงศ์ ฤทธิ์ณรงค์', atLimit: true, periodCount: 7 });
    expect(thitiRow.missedCount).toBeGreaterThanOrEqual(6);
    expect(thitiRow.periods).toBe('ค่าสมัครแรกเข้า, มิ.ย. 69 – ธ.ค. 69');
    // her receipt was voided: she owes again what it paid, short of the limit
    expect(listed.find((row) => row.membershipId === punya.id)).toMatchObject({ atLimit: false });
    expect(listed.find((row) => row.membershipId === natthawat.id)).toMatchObject({ atLimit: false });
    expect(list.totalOwedSatang).toBe(listed.reduce((sum, row) => sum + row.owedSatang, 0));

    // the printed list carries the same names and amounts, and the mark
    const printed = await call<{ pdfBase64: string; pages: number }>('welfare.reports.arrearsPrint', { villageId: villageA.id, asOf: '2026-12-31' });
    const file = path.join(outDir, 'arrears.pdf');
    fs.writeFileSync(file, Buffer.from(printed.pdfBase64, 'base64'));
    const text = comparable(await pdfText(file));
    for (const expected of ['รายชื่อสมาชิกค้างส่งเงินสมทบ', 'ข้อมูล ณ วันที่ 31 ธันวาคม 2569', 'ขาดส่งเงินสมทบ 6 งวด', `หมู่ที่ ${villageA.number}`, 'นายฐิติพงศ์', 'ฤทธิ์ณรงค์', `${thitiRow.missedCount} งวด ครบเกณฑ์พ้นสภาพ`, formatSatang(sectionA.totalOwedSatang), `รวมทั้งสิ้น ${sectionA.rows.length} ราย`]) {
      expect(text, expected).toContain(comparable(expected));
    }
  });
});

/**
 * 30 November 2569, a fund whose regulation lapses members after `limit` missed periods (or never, null): 30 baht a
 * month from the month of joining, due on its last day. Five members who never paid, joined on the first of a month:
 * by hand, the months from joining to October have passed their collection day, November's (the 30th) has not.
 */
async function fundNeverPaid(limit: number | null) {
  const app = tempApp(undefined, { now: () => new Date('2026-11-30T10:00:00+07:00') });
  await loadSampleTambon(app, generateSampleTambon({ size: 'small' }));
  const sessionOf = async (username: string) => {
    const session: ClientSession = { user: null };
    await app.router.call(session, 'office.auth.login', { username, password: 'tambon1234' });
    return session;
  };
  const admin = await sessionOf('admin');
  const { call } = routerCalls(app, await sessionOf('treasurer'));
  const preset = await call<{ contributions: { scheme: unknown; firstPeriod: string; dueDay: unknown; arrears: { limit: number | null; counting: string; graceDays: number } } }>('welfare.regulation.preset', { effectiveFrom: '2015-01-01' });
  preset.contributions.scheme = { kind: 'monthly', amountSatang: 3000 };
  preset.contributions.firstPeriod = 'joining-month';
  preset.contributions.dueDay = { month: 'last', day: 'last' };
  preset.contributions.arrears = { limit, counting: 'consecutive', graceDays: 0 };
  await call('welfare.regulation.create', preset);
  const [villageA, villageB] = app.database.sqlite.prepare('SELECT id, number FROM villages ORDER BY position LIMIT 2').all() as { id: number; number: number }[];
  const join = async (firstName: string, id12: string, villageId: number, memberNumber: string, startDate: string) => {
    const person = await call<{ id: number }>('people.persons.create', { title: 'นาง', firstName, lastName: 'ศรีประเสริฐวงศ์', citizenId: citizenId(id12), villageId }, admin);
    return call<{ id: number }>('welfare.members.join', { personId: person.id, memberNumber, category: 'general', applicationDate: startDate, startDate }).then((row) => row.id);
  };
  // missed by 30 November: October only; September and October; August to October; July to October; September and October
  const members = {
    one: await join('กาญจนา', '340990056781', villageA!.id, '0801', '2026-10-01'),
    twoA: await join('จันทร์เพ็ญ', '340990056782', villageA!.id, '0802', '2026-09-01'),
    three: await join('ชลธิชา', '340990056783', villageB!.id, '0803', '2026-08-01'),
    four: await join('ดวงใจ', '340990056784', villageB!.id, '0804', '2026-07-01'),
    twoB: await join('ทองใบ', '340990056785', villageB!.id, '0805', '2026-09-01'),
  };
  const missedByHand = new Map([[members.one, 1], [members.twoA, 2], [members.three, 3], [members.four, 4], [members.twoB, 2]]);
  return { call, members, missedByHand, villageA: villageA!, villageB: villageB! };
}

describe('members one missed period short of the arrears limit (ใกล้ครบเกณฑ์)', () => {
  it('with a limit of 3: 2 missed is near, 3 or more is at the limit and not near, 1 is neither — on the list, the tile and the paper', async () => {
    const { call, members, missedByHand, villageA, villageB } = await fundNeverPaid(3);
    const list = await call<Arrears>('welfare.reports.arrears', { villageId: null, asOf: '2026-11-30' });
    const rows = list.villages.flatMap((village) => village.rows);
    // the months counted by hand are the ones the list counts
    expect(new Map(rows.map((row) => [row.membershipId, row.missedCount]))).toEqual(missedByHand);
    const marks = (id: number) => {
      const row = rows.find((candidate) => candidate.membershipId === id)!;
      return { atLimit: row.atLimit, nearLimit: row.nearLimit };
    };
    expect(marks(members.one)).toEqual({ atLimit: false, nearLimit: false });
    expect(marks(members.twoA)).toEqual({ atLimit: false, nearLimit: true });
    expect(marks(members.twoB)).toEqual({ atLimit: false, nearLimit: true });
    expect(marks(members.three)).toEqual({ atLimit: true, nearLimit: false });
    expect(marks(members.four)).toEqual({ atLimit: true, nearLimit: false });
    expect(list).toMatchObject({ arrearsLimit: 3, memberCount: 5, atLimitCount: 2, nearLimitCount: 2 });

    // the dashboard's tile: village A one near, village B one near and two at the limit
    const { arrears } = await call<{ arrears: ArrearsTile }>('welfare.dashboard.get', { asOf: '2026-11-30' });
    expect(arrears.villages.map((village) => [village.villageId, village.memberCount, village.atLimitCount, village.nearLimitCount])).toEqual([
      [villageA.id, 2, 0, 1],
      [villageB.id, 3, 2, 1],
    ]);
    expect(arrears).toMatchObject({ memberCount: 5, atLimitCount: 2, nearLimitCount: 2 });

    // the printed list marks the two and counts them under the total
    const printed = await call<{ pdfBase64: string }>('welfare.reports.arrearsPrint', { villageId: null, asOf: '2026-11-30' });
    const file = path.join(outDir, 'arrears-near.pdf');
    fs.writeFileSync(file, Buffer.from(printed.pdfBase64, 'base64'));
    const text = comparable(await pdfText(file));
    expect(text.split(comparable('2 งวด ใกล้ครบเกณฑ์')).length - 1).toBe(2);
    expect(text.split(comparable('ใกล้ครบเกณฑ์')).length - 1).toBe(2);
    expect(text).toContain(comparable('ขาดส่งอีก 1 งวดจะครบเกณฑ์พ้นสภาพ 2 ราย'));
    expect(text).toContain(comparable('ขาดส่งครบเกณฑ์พ้นสภาพ 2 ราย'));
  });

  it('with a limit of 1 no one is near: everyone behind is already at it', async () => {
    const { call, missedByHand } = await fundNeverPaid(1);
    const list = await call<Arrears>('welfare.reports.arrears', { villageId: null, asOf: '2026-11-30' });
    const rows = list.villages.flatMap((village) => village.rows);
    expect(new Map(rows.map((row) => [row.membershipId, row.missedCount]))).toEqual(missedByHand);
    expect(rows.every((row) => row.atLimit && !row.nearLimit)).toBe(true);
    expect(list).toMatchObject({ memberCount: 5, atLimitCount: 5, nearLimitCount: 0 });
    const { arrears } = await call<{ arrears: ArrearsTile }>('welfare.dashboard.get', { asOf: '2026-11-30' });
    expect(arrears.villages.map((village) => village.nearLimitCount)).toEqual([0, 0]);
    expect(arrears).toMatchObject({ atLimitCount: 5, nearLimitCount: 0 });
    // and the paper has no near line to print
    const printed = await call<{ pdfBase64: string }>('welfare.reports.arrearsPrint', { villageId: null, asOf: '2026-11-30' });
    const file = path.join(outDir, 'arrears-limit-1.pdf');
    fs.writeFileSync(file, Buffer.from(printed.pdfBase64, 'base64'));
    const text = comparable(await pdfText(file));
    expect(text).not.toContain(comparable('ใกล้ครบเกณฑ์'));
    expect(text).not.toContain(comparable('ขาดส่งอีก 1 งวด'));
  });

  it('with no limit no one is near, nor at it', async () => {
    const { call, missedByHand } = await fundNeverPaid(null);
    const list = await call<Arrears>('welfare.reports.arrears', { villageId: null, asOf: '2026-11-30' });
    const rows = list.villages.flatMap((village) => village.rows);
    expect(new Map(rows.map((row) => [row.membershipId, row.missedCount]))).toEqual(missedByHand);
    expect(rows.some((row) => row.atLimit || row.nearLimit)).toBe(false);
    expect(list).toMatchObject({ arrearsLimit: null, memberCount: 5, atLimitCount: 0, nearLimitCount: 0 });
    const { arrears } = await call<{ arrears: ArrearsTile }>('welfare.dashboard.get', { asOf: '2026-11-30' });
    expect(arrears.villages.map((village) => village.nearLimitCount)).toEqual([0, 0]);
    expect(arrears).toMatchObject({ atLimitCount: 0, nearLimitCount: 0 });
  });
});
