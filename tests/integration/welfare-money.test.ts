import { describe, expect, it } from 'vitest';
import type { ClientSession } from '../../main/api/router';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { comparable } from '../documents/pdf-tools';
import { printedText } from '../helpers/printed-text';
import { routerCalls } from '../helpers/router-calls';
import { tempApp } from '../helpers/temp';

interface Account {
  id: number;
  code: string;
  nameTh: string;
  bankAccount: string;
  active: boolean;
  balanceSatang: number;
}
interface Trial {
  accounts: { code: string; balanceSatang: number }[];
  totalSatang: number;
}
interface Reconciliation {
  lines: { lineId: number; entryDate: string; amountSatang: number; description: string; cleared: boolean; clearedMonth: string | null }[];
  ledgerBalanceSatang: number;
  depositsInTransitSatang: number;
  paymentsNotPresentedSatang: number;
  unclearedSatang: number;
  expectedBankSatang: number;
  bankBalanceSatang: number | null;
  differenceSatang: number | null;
}

/** The fund on 15 December 2026 (Thai time), its regulation in force, one member, receipt book 12. */
async function fund() {
  const app = tempApp(undefined, { now: () => new Date('2026-12-15T09:00:00+07:00') });
  const data = generateSampleTambon({ size: 'small' });
  await loadSampleTambon(app, data);
  const session = async (username: string) => {
    const s: ClientSession = { user: null };
    await app.router.call(s, 'office.auth.login', { username, password: 'tambon1234' });
    return s;
  };
  const treasurer = await session('treasurer');
  const { call, refusal } = routerCalls(app, treasurer);
  const sql = <T>(query: string) => app.database.sqlite.prepare(query).all() as T[];
  const count = (table: string) => sql<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)[0]!.n;
  const preset = await call<{ contributions: { arrears: { limit: number | null } } }>('welfare.regulation.preset', { effectiveFrom: '2020-01-01' });
  preset.contributions.arrears.limit = 6; // the member, four months behind, is still collected from
  await call('welfare.regulation.create', preset);
  const person = data.people.find((p) => p.village === 1 && p.birthDate < '2000-01-01')!;
  const member = await call<{ id: number }>('welfare.members.join', { personId: person.id, memberNumber: '0001', category: 'general', applicationDate: '2026-08-01', startDate: '2026-08-01' });
  const book = await call<{ id: number }>('welfare.receiptBooks.create', { bookNumber: '12', firstNumber: 1, lastNumber: 50 });
  const accounts = async () => call<Account[]>('welfare.moneyAccounts.list', {});
  const books = await call<{ accounts: { id: number; code: string }[] }>('welfare.books.get', {});
  const id = (code: string) => books.accounts.find((account) => account.code === code)!.id;
  const trial = async (asOf = '2026-12-15') => {
    const result = await call<Trial>('welfare.books.trialBalance', { asOf });
    return { total: result.totalSatang, byCode: Object.fromEntries(result.accounts.map((account) => [account.code, account.balanceSatang])) };
  };
  const unbalanced = () => sql<{ id: number }>('SELECT entry_id AS id FROM welfare_journal_lines GROUP BY entry_id HAVING sum(amount_satang) <> 0');
  return { app, call, refusal, sql, count, member, book, accounts, id, trial, unbalanced, admin: await session('admin') };
}

const longDescription = 'เงินสนับสนุนจากองค์การบริหารส่วนตำบลตามข้อบัญญัติงบประมาณรายจ่ายประจำปี '.repeat(6).slice(0, 300);

describe('money accounts', () => {
  it('a fund that has posted nothing starts its chart of accounts from the money screen', async () => {
    const app = tempApp(undefined, { now: () => new Date('2026-12-15T09:00:00+07:00') });
    await loadSampleTambon(app, generateSampleTambon({ size: 'small' }));
    const treasurer: ClientSession = { user: null };
    await app.router.call(treasurer, 'office.auth.login', { username: 'treasurer', password: 'tambon1234' });
    const { call } = routerCalls(app, treasurer);
    expect(await call('welfare.moneyAccounts.list', {})).toEqual([]);
    await call('welfare.moneyAccounts.setUp', {});
    await call('welfare.moneyAccounts.setUp', {}); // twice changes nothing
    expect((await call<Account[]>('welfare.moneyAccounts.list', {})).map((account) => [account.code, account.balanceSatang])).toEqual([
      ['1101', 0],
      ['1102', 0],
    ]);
    // a donation before the fund has its regulation gets its receipt, and the receipt prints
    const book = await call<{ id: number }>('welfare.receiptBooks.create', { bookNumber: '1', firstNumber: 1, lastNumber: 50 });
    const books = await call<{ accounts: { id: number; code: string }[] }>('welfare.books.get', {});
    const code = (wanted: string) => books.accounts.find((account) => account.code === wanted)!.id;
    const donation = await call<{ receipt: { id: number } }>('welfare.income.create', { sourceAccountId: code('4202'), moneyAccountId: code('1101'), incomeDate: '2026-12-01', amountSatang: 500_000, payerName: 'นายฐิติพงศ์ ฤทธิ์ณรงค์', description: 'บริจาคตั้งกองทุน', receiptBookId: book.id });
    const printed = await call<{ pdfBase64: string }>('welfare.receipts.print', { receiptIds: [donation.receipt.id] });
    expect(await printedText(printed.pdfBase64)).toContain(comparable('บริจาคตั้งกองทุน'));
  });

  it('adds, renames and closes bank accounts; a bank account with money in it is not closed, and says how much', async () => {
    const { call, refusal, accounts, id } = await fund();
    // The preset bank account is the first one: the fund names it after its bank.
    await call('welfare.bankAccounts.update', { accountId: id('1102'), nameTh: 'เงินฝาก ธ.ก.ส.', bankAccount: 'ธ.ก.ส. สาขาบ้านไผ่ 020-1-23456-7' });
    const second = await call<Account>('welfare.bankAccounts.create', { nameTh: 'เงินฝากออมสิน', bankAccount: 'ธนาคารออมสิน สาขาบ้านไผ่ 0200-1234567-8' });
    expect(second.code).toBe('1103');
    expect((await refusal('welfare.bankAccounts.create', { nameTh: 'เงินฝากออมสิน', bankAccount: 'อีกบัญชี' })).field).toBe('nameTh');
    expect((await refusal('welfare.bankAccounts.create', { nameTh: 'กรุงไทย', bankAccount: '  ' })).field).toBe('bankAccount');
    expect((await accounts()).map((account) => [account.code, account.nameTh, account.bankAccount])).toEqual([
      ['1101', 'เงินสดในมือ', ''],
      ['1102', 'เงินฝาก ธ.ก.ส.', 'ธ.ก.ส. สาขาบ้านไผ่ 020-1-23456-7'],
      ['1103', 'เงินฝากออมสิน', 'ธนาคารออมสิน สาขาบ้านไผ่ 0200-1234567-8'],
    ]);

    await call('welfare.income.create', { sourceAccountId: id('4203'), moneyAccountId: second.id, incomeDate: '2026-11-30', amountSatang: 12345, payerName: 'ธนาคารออมสิน' });
    const full = await refusal('welfare.bankAccounts.deactivate', { accountId: second.id });
    expect(full.messageTh).toContain('ยังมียอดคงเหลือ 123.45 บาท');
    // Moved out to the other bank, it is empty and can be closed; nothing can go into it after.
    await call('welfare.transfers.create', { fromAccountId: second.id, toAccountId: id('1102'), transferDate: '2026-12-01', amountSatang: 12345 });
    await call('welfare.bankAccounts.deactivate', { accountId: second.id });
    expect((await accounts()).find((account) => account.id === second.id)).toMatchObject({ active: false, balanceSatang: 0 });
    const closed = await refusal('welfare.income.create', { sourceAccountId: id('4203'), moneyAccountId: second.id, incomeDate: '2026-12-01', amountSatang: 100, payerName: 'ธนาคารออมสิน' });
    expect(closed).toMatchObject({ field: 'moneyAccountId' });
    expect(closed.messageTh).toContain('ปิดใช้แล้ว');
    expect((await refusal('welfare.bankAccounts.update', { accountId: id('1101'), nameTh: 'เงินสด', bankAccount: 'x' })).field).toBe('accountId');
  });
});

describe('other money in', () => {
  it('posts each source to its own account, into cash or the bank; the trial balance balances', async () => {
    const { call, id, trial, unbalanced, count } = await fund();
    const bank = id('1102');
    const cash = id('1101');
    const book = (await call<{ receiptBooks: { id: number }[] }>('welfare.books.get', {})).receiptBooks[0]!.id;
    const sources: [string, number, number, Record<string, unknown>][] = [
      ['4102', bank, 5_500_000, { payerName: 'สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)' }],
      ['4103', bank, 123_456_700, { payerName: 'สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)', codiRound: 1, codiRoundApprovalDate: '2026-10-20' }],
      ['4104', bank, 5_000_000, { payerName: 'องค์การบริหารส่วนตำบลบ้านไผ่', description: longDescription }],
      ['4105', bank, 1_000_000, { payerName: 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด' }],
      ['4106', cash, 250_000, { payerName: 'กลุ่มออมทรัพย์เพื่อการผลิตบ้านไผ่', receiptBookId: book }],
      ['4202', cash, 50_050, { payerName: 'นางสาวปุณณ์ญาดา ธนัชพฤกษ์', receiptBookId: book }],
      ['4203', bank, 12_375, { payerName: 'ธ.ก.ส. สาขาบ้านไผ่' }],
      ['4204', bank, 30_000, { payerName: 'ร้านค้าชุมชน' }],
    ];
    for (const [code, moneyAccountId, amountSatang, extra] of sources) {
      await call('welfare.income.create', { sourceAccountId: id(code), moneyAccountId, incomeDate: '2026-11-28', amountSatang, ...extra });
    }
    const { byCode, total } = await trial();
    expect(total).toBe(0);
    expect(unbalanced()).toEqual([]);
    for (const [code, , amountSatang] of sources) expect(byCode[code], code).toBe(-amountSatang);
    expect(byCode['1101']).toBe(300_050);
    expect(byCode['1102']).toBe(5_500_000 + 123_456_700 + 5_000_000 + 1_000_000 + 12_375 + 30_000);
    // the two cash ones have receipts; the bank credits do not need one
    expect(count('welfare_receipts')).toBe(2);
    expect(count('welfare_income_records')).toBe(8);
    const list = await call<{ source: { code: string }; description: string; receipt: { number: number } | null }[]>('welfare.income.list', { from: '2026-11-01', to: '2026-11-30' });
    expect(list.map((row) => [row.source.code, row.receipt?.number ?? null])).toEqual([
      ['4102', null],
      ['4103', null],
      ['4104', null],
      ['4105', null],
      ['4106', 1],
      ['4202', 2],
      ['4203', null],
      ['4204', null],
    ]);
    expect(list[2]!.description).toBe(longDescription);
  });

  it('keeps the CODI round with its number and approval date; a round is required for government matching', async () => {
    const { call, refusal, id, count } = await fund();
    const input = { sourceAccountId: id('4103'), moneyAccountId: id('1102'), incomeDate: '2026-11-10', amountSatang: 45_000_000, payerName: 'สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)' };
    const missing = await refusal('welfare.income.create', input);
    expect(missing).toMatchObject({ field: 'codiRound' });
    expect(missing.messageTh).toContain('รอบที่');
    expect((await refusal('welfare.income.create', { ...input, codiRound: 2 })).field).toBe('codiRoundApprovalDate');
    const late = await refusal('welfare.income.create', { ...input, codiRound: 2, codiRoundApprovalDate: '2026-11-11' });
    expect(late.field).toBe('codiRoundApprovalDate');
    expect(late.messageTh).toContain('อยู่หลังวันที่รับเงิน');
    expect((await refusal('welfare.income.create', { ...input, sourceAccountId: id('4104'), codiRound: 2, codiRoundApprovalDate: '2026-10-01' })).field).toBe('codiRound');
    expect(count('welfare_income_records')).toBe(0);

    await call('welfare.income.create', { ...input, codiRound: 2, codiRoundApprovalDate: '2026-10-31' });
    const [row] = await call<{ codiRound: number; codiRoundApprovalDate: string; description: string; amountSatang: number }[]>('welfare.income.list', { from: '2026-11-01', to: '2026-11-30' });
    expect(row).toMatchObject({ codiRound: 2, codiRoundApprovalDate: '2026-10-31', amountSatang: 45_000_000, description: 'งบสมทบจากรัฐบาลผ่าน พอช. รอบที่ 2 (พอช. อนุมัติ 31 ตุลาคม 2569)' });
  });

  it('a cash donation gets the next number of the receipt book and prints; voiding the receipt reverses it', async () => {
    const { call, refusal, member, book, id, trial } = await fund();
    await call('welfare.collection.save', { receiptDate: '2026-12-01', bookId: book.id, payments: [{ membershipId: member.id, amountSatang: 3000 }] });
    const noBook = await refusal('welfare.income.create', { sourceAccountId: id('4202'), moneyAccountId: id('1102'), incomeDate: '2026-12-01', amountSatang: 100_000, payerName: 'นายฐิติพงศ์ ฤทธิ์ณรงค์' });
    expect(noBook).toMatchObject({ field: 'receiptBookId' });
    expect(noBook.messageTh).toContain('เงินบริจาคต้องออกใบเสร็จ');
    const donation = await call<{ id: number; receipt: { id: number; number: number; bookNumber: string } }>('welfare.income.create', {
      sourceAccountId: id('4202'),
      moneyAccountId: id('1101'),
      incomeDate: '2026-12-01',
      amountSatang: 150_000,
      payerName: 'นางสาวกัญญ์ณัฏฐ์ ศรีสุวรรณ์',
      description: 'บริจาคเพื่อสมทบกองทุนในงานทำบุญบ้าน',
      receiptBookId: book.id,
    });
    expect(donation.receipt).toMatchObject({ bookNumber: '12', number: 2 });

    const printed = await call<{ pdfBase64: string; pages: number }>('welfare.receipts.print', { receiptIds: [donation.receipt.id] });
    expect(printed.pages).toBe(1);
    const text = await printedText(printed.pdfBase64);
    for (const words of ['ใบเสร็จรับเงิน', 'เลขที่ 2', 'นางสาวกัญญ์ณัฏฐ์ ศรีสุวรรณ์', 'บริจาคเพื่อสมทบกองทุนในงานทำบุญบ้าน', '1,500.00', '(หนึ่งพันห้าร้อยบาทถ้วน)']) expect(text, words).toContain(comparable(words));
    expect(text).not.toContain(comparable('สมาชิกเลขที่'));

    // The income is voided through its receipt (kept, ยกเลิก, reversed), which works for a receipt without a member.
    const viaIncome = await refusal('welfare.income.void', { incomeId: donation.id, voidReason: 'ผู้บริจาคขอเปลี่ยนชื่อ' });
    expect(viaIncome.messageTh).toContain('ให้ยกเลิกที่ใบเสร็จ');
    await call('welfare.receipts.void', { receiptId: donation.receipt.id, reason: 'ผู้บริจาคขอเปลี่ยนชื่อในใบเสร็จ' });
    const [voided] = await call<{ voidedOn: string | null; voidReason: string }[]>('welfare.income.list', { from: '2026-12-01', to: '2026-12-31' });
    expect(voided).toMatchObject({ voidedOn: '2026-12-15', voidReason: 'ผู้บริจาคขอเปลี่ยนชื่อในใบเสร็จ' });
    const { byCode, total } = await trial();
    expect(total).toBe(0);
    expect(byCode['4202']).toBe(0);
    expect(byCode['1101']).toBe(3000);
    const again = await call<{ pdfBase64: string }>('welfare.receipts.print', { receiptIds: [donation.receipt.id] });
    expect(await printedText(again.pdfBase64)).toContain(comparable('ยกเลิก'));
  });

  it('income without a receipt is voided by a reversal, dated today, kept in the list', async () => {
    const { call, refusal, id, trial, sql } = await fund();
    const interest = await call<{ id: number }>('welfare.income.create', { sourceAccountId: id('4203'), moneyAccountId: id('1102'), incomeDate: '2026-12-01', amountSatang: 8_812, payerName: 'ธ.ก.ส. สาขาบ้านไผ่' });
    await call('welfare.income.void', { incomeId: interest.id, voidReason: 'ดอกเบี้ยบันทึกซ้ำ' });
    expect((await refusal('welfare.income.void', { incomeId: interest.id, voidReason: 'อีกครั้ง' })).code).toBe('CONFLICT');
    expect((await trial()).byCode['4203']).toBe(0);
    expect(sql<{ kind: string; entry_date: string }>("SELECT kind, entry_date FROM welfare_journal_entries WHERE reverses_entry_id IS NOT NULL")).toEqual([{ kind: 'reversal', entry_date: '2026-12-15' }]);
  });

  it('refuses bad input with a Thai message naming the field, and writes nothing', async () => {
    const { call, refusal, id, count, book } = await fund();
    const rows = () => ['welfare_journal_entries', 'welfare_journal_lines', 'welfare_receipts', 'welfare_income_records'].map(count);
    const before = rows();
    const good = { sourceAccountId: id('4104'), moneyAccountId: id('1102'), incomeDate: '2026-12-01', amountSatang: 1_000_000, payerName: 'องค์การบริหารส่วนตำบลบ้านไผ่' };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ amountSatang: -100 }, 'amountSatang', 'มากกว่า 0'],
      [{ amountSatang: 10.5 }, 'amountSatang', 'เศษของสตางค์'],
      [{ amountSatang: '1000' }, 'amountSatang', 'ต้องเป็นตัวเลข'],
      [{ amountSatang: 0 }, 'amountSatang', 'มากกว่า 0'],
      [{ incomeDate: '2026-12-16' }, 'incomeDate', 'อยู่ในอนาคต'],
      [{ incomeDate: '2569-12-01' }, 'incomeDate', 'พ.ศ.'],
      [{ incomeDate: '2026-02-30' }, 'incomeDate', 'ไม่ใช่วันที่ที่มีจริง'],
      [{ payerName: '   ' }, 'payerName', 'ชื่อผู้จ่ายเงิน'],
      [{ sourceAccountId: id('4101') }, 'sourceAccountId', 'วันเก็บเงิน'],
      [{ sourceAccountId: id('5101') }, 'sourceAccountId', 'บัญชีรายรับ'],
      [{ moneyAccountId: id('4202') }, 'moneyAccountId', 'ไม่ใช่เงินสดหรือบัญชีเงินฝากธนาคาร'],
      [{ moneyAccountId: id('1101') }, 'receiptBookId', 'เงินสดที่รับต้องออกใบเสร็จ'],
      [{ description: 'ก'.repeat(301) }, 'description', 'รายละเอียด'],
      // the 300 characters a record keeps are more than a receipt's line prints
      [{ moneyAccountId: id('1101'), receiptBookId: book.id, description: longDescription }, 'description', 'พิมพ์ในใบเสร็จได้ไม่เกิน 200 ตัวอักษร (กรอกไว้ 300 ตัวอักษร)'],
    ];
    for (const [change, field, words] of cases) {
      const error = await refusal('welfare.income.create', { ...good, ...change });
      expect(error.field, JSON.stringify(change)).toBe(field);
      expect(error.messageTh, JSON.stringify(change)).toContain(words);
    }
    const transferCases: [Record<string, unknown>, string, string][] = [
      [{ amountSatang: -1 }, 'amountSatang', 'มากกว่า 0'],
      [{ amountSatang: 0.25 }, 'amountSatang', 'เศษของสตางค์'],
      [{ amountSatang: 'ห้าพัน' }, 'amountSatang', 'ต้องเป็นตัวเลข'],
      [{ transferDate: '2027-01-01' }, 'transferDate', 'อยู่ในอนาคต'],
    ];
    for (const [change, field, words] of transferCases) {
      const error = await refusal('welfare.transfers.create', { fromAccountId: id('1102'), toAccountId: id('1101'), transferDate: '2026-12-01', amountSatang: 100, ...change });
      expect(error.field, JSON.stringify(change)).toBe(field);
      expect(error.messageTh, JSON.stringify(change)).toContain(words);
    }
    expect(rows()).toEqual(before);

    // A closed month refuses both, naming the date field.
    await call('welfare.books.lock', { lockDate: '2026-11-30' });
    const closedIncome = await refusal('welfare.income.create', { ...good, incomeDate: '2026-11-30' });
    expect(closedIncome).toMatchObject({ field: 'incomeDate' });
    expect(closedIncome.messageTh).toContain('ปิดบัญชีถึงวันที่ 30 พฤศจิกายน 2569 แล้ว');
    expect((await refusal('welfare.transfers.create', { fromAccountId: id('1102'), toAccountId: id('1101'), transferDate: '2026-11-15', amountSatang: 100 })).field).toBe('transferDate');
    expect(rows()).toEqual(before);
    await call('welfare.income.create', good);
    expect(rows()).toEqual([before[0]! + 1, before[1]! + 2, before[2]!, before[3]! + 1]);
  });
});

describe('transfers', () => {
  it('moves money between cash and the banks in one balanced entry; refuses the same account and more cash than there is', async () => {
    const { call, refusal, member, book, id, trial, count, unbalanced } = await fund();
    const savings = await call<Account>('welfare.bankAccounts.create', { nameTh: 'เงินฝากออมสิน', bankAccount: 'ธนาคารออมสิน สาขาบ้านไผ่ 0200-1234567-8' });
    await call('welfare.collection.save', { receiptDate: '2026-12-01', bookId: book.id, payments: [{ membershipId: member.id, amountSatang: 20_000 }] });
    const same = await refusal('welfare.transfers.create', { fromAccountId: id('1101'), toAccountId: id('1101'), transferDate: '2026-12-02', amountSatang: 100 });
    expect(same).toMatchObject({ field: 'toAccountId' });
    expect(same.messageTh).toContain('บัญชีเดียวกัน');
    const tooMuch = await refusal('welfare.transfers.create', { fromAccountId: id('1101'), toAccountId: id('1102'), transferDate: '2026-12-02', amountSatang: 20_001 });
    expect(tooMuch).toMatchObject({ field: 'amountSatang' });
    expect(tooMuch.messageTh).toBe('เงินสดในมือ ณ วันที่ 2 ธันวาคม 2569 มี 200 บาท นำออก 200.01 บาท ไม่ได้');
    // the cash of that date counts, not a later day's
    expect((await refusal('welfare.transfers.create', { fromAccountId: id('1101'), toAccountId: id('1102'), transferDate: '2026-11-30', amountSatang: 100 })).messageTh).toContain('มี 0 บาท');
    expect(count('welfare_journal_entries')).toBe(1);

    const deposit = await call<{ entryId: number; description: string }>('welfare.transfers.create', { fromAccountId: id('1101'), toAccountId: id('1102'), transferDate: '2026-12-02', amountSatang: 20_000 });
    expect(deposit.description).toBe('นำเงินสดฝากเข้าบัญชี เงินฝากธนาคาร');
    await call('welfare.transfers.create', { fromAccountId: id('1102'), toAccountId: savings.id, transferDate: '2026-12-03', amountSatang: 5_000, description: 'เปิดบัญชีออมสิน' });
    await call('welfare.transfers.create', { fromAccountId: id('1102'), toAccountId: id('1101'), transferDate: '2026-12-04', amountSatang: 1_000 });
    let { byCode, total } = await trial();
    expect(total).toBe(0);
    expect([byCode['1101'], byCode['1102'], byCode['1103']]).toEqual([1_000, 14_000, 5_000]);

    // A wrong transfer is reversed, once; the list says so.
    await call('welfare.transfers.reverse', { entryId: deposit.entryId, voidReason: 'ฝากผิดบัญชี' });
    expect((await refusal('welfare.transfers.reverse', { entryId: deposit.entryId, voidReason: 'ซ้ำ' })).code).toBe('CONFLICT');
    ({ byCode, total } = await trial());
    expect([byCode['1101'], byCode['1102'], byCode['1103'], total]).toEqual([21_000, -6_000, 5_000, 0]);
    const list = await call<{ entryId: number; reversedOn: string | null; amountSatang: number }[]>('welfare.transfers.list', { from: '2026-12-01', to: '2026-12-31' });
    expect(list.map((row) => [row.amountSatang, row.reversedOn])).toEqual([
      [20_000, '2026-12-15'],
      [5_000, null],
      [1_000, null],
    ]);
    expect(unbalanced()).toEqual([]);
  });
});

describe('bank reconciliation', () => {
  it('a deposit in transit and a payment not yet presented explain the difference exactly; cleared lines stay cleared', async () => {
    const { call, refusal, member, book, id, sql } = await fund();
    const bank = id('1102');
    await call('welfare.bankAccounts.update', { accountId: bank, nameTh: 'เงินฝาก ธ.ก.ส.', bankAccount: 'ธ.ก.ส. สาขาบ้านไผ่ 020-1-23456-7' });
    const savings = await call<Account>('welfare.bankAccounts.create', { nameTh: 'เงินฝากออมสิน', bankAccount: 'ธนาคารออมสิน สาขาบ้านไผ่ 0200-1234567-8' });
    await call('welfare.collection.save', { receiptDate: '2026-11-02', bookId: book.id, payments: [{ membershipId: member.id, amountSatang: 11_000 }] });
    await call('welfare.income.create', { sourceAccountId: id('4103'), moneyAccountId: bank, incomeDate: '2026-11-05', amountSatang: 100_000_000, payerName: 'พอช.', codiRound: 1, codiRoundApprovalDate: '2026-10-20' });
    await call('welfare.income.create', { sourceAccountId: id('4203'), moneyAccountId: bank, incomeDate: '2026-11-30', amountSatang: 12_050, payerName: 'ธ.ก.ส.' });
    // the cash of the collection day, deposited on the 29th: the bank books it in December
    await call('welfare.transfers.create', { fromAccountId: id('1101'), toAccountId: bank, transferDate: '2026-11-29', amountSatang: 11_000 });
    // a cheque to the savings account, written on the 20th, not yet presented at the month's end
    await call('welfare.transfers.create', { fromAccountId: bank, toAccountId: savings.id, transferDate: '2026-11-20', amountSatang: 200_000 });

    const november = await call<Reconciliation>('welfare.bank.reconciliation.get', { accountId: bank, month: '2026-11' });
    expect(november.lines.map((line) => [line.entryDate, line.amountSatang, line.cleared])).toEqual([
      ['2026-11-05', 100_000_000, false],
      ['2026-11-20', -200_000, false],
      ['2026-11-29', 11_000, false],
      ['2026-11-30', 12_050, false],
    ]);
    expect(november.ledgerBalanceSatang).toBe(100_000_000 - 200_000 + 11_000 + 12_050);
    expect(november.bankBalanceSatang).toBeNull();
    const byDate = (date: string) => november.lines.find((line) => line.entryDate === date)!.lineId;

    // The bank book says 1,000,120.50: the CODI round and the interest are in it.
    const saved = await call<Reconciliation>('welfare.bank.reconciliation.save', { accountId: bank, month: '2026-11', bankBalanceSatang: 100_012_050, clearedLineIds: [byDate('2026-11-05'), byDate('2026-11-30')] });
    expect(saved).toMatchObject({ depositsInTransitSatang: 11_000, paymentsNotPresentedSatang: 200_000, unclearedSatang: -189_000, expectedBankSatang: 100_012_050, bankBalanceSatang: 100_012_050, differenceSatang: 0 });

    // Typed wrong by 10 baht, the difference says so; saving again keeps the earlier save in the audit.
    const wrong = await call<Reconciliation>('welfare.bank.reconciliation.save', { accountId: bank, month: '2026-11', bankBalanceSatang: 100_011_050, clearedLineIds: [byDate('2026-11-05'), byDate('2026-11-30')] });
    expect(wrong.differenceSatang).toBe(-1_000);
    await call('welfare.bank.reconciliation.save', { accountId: bank, month: '2026-11', bankBalanceSatang: 100_012_050, clearedLineIds: [byDate('2026-11-05'), byDate('2026-11-30')] });
    const audit = sql<{ before: string | null; after: string }>("SELECT before, after FROM audit_log WHERE method = 'welfare.bank.reconciliation.save' ORDER BY id");
    const savedBefore = audit.map((row) => (JSON.parse(row.before ?? 'null') as { bankBalanceSatang: number } | null)?.bankBalanceSatang ?? null);
    expect(savedBefore).toEqual([null, 100_012_050, 100_011_050]);
    expect(sql('SELECT count(*) AS n FROM welfare_bank_reconciliations')).toEqual([{ n: 1 }]);

    // December: the lines cleared in November are not asked about again; the two uncleared ones clear now.
    const december = await call<Reconciliation>('welfare.bank.reconciliation.get', { accountId: bank, month: '2026-12' });
    expect(december.lines.map((line) => line.entryDate)).toEqual(['2026-11-20', '2026-11-29']);
    const decemberSaved = await call<Reconciliation>('welfare.bank.reconciliation.save', { accountId: bank, month: '2026-12', bankBalanceSatang: 99_823_050, clearedLineIds: december.lines.map((line) => line.lineId) });
    expect(decemberSaved).toMatchObject({ unclearedSatang: 0, differenceSatang: 0 });
    // November still reads as it was: those two were uncleared at the end of November.
    expect(await call<Reconciliation>('welfare.bank.reconciliation.get', { accountId: bank, month: '2026-11' })).toMatchObject({ unclearedSatang: -189_000, differenceSatang: 0 });

    // A line cleared in November cannot be ticked for December; a cash line is no line of this account.
    const cleared = await refusal('welfare.bank.reconciliation.save', { accountId: bank, month: '2026-12', bankBalanceSatang: 0, clearedLineIds: [byDate('2026-11-05')] });
    expect(cleared.field).toBe('clearedLineIds.0');
    expect((await refusal('welfare.bank.reconciliation.save', { accountId: bank, month: '2027-01', bankBalanceSatang: 0, clearedLineIds: [] })).messageTh).toContain('ยังไม่ถึง');
    expect((await refusal('welfare.bank.reconciliation.get', { accountId: bank, month: '2569-11' })).field).toBe('month');
    expect((await refusal('welfare.bank.reconciliation.get', { accountId: id('1101'), month: '2026-11' })).field).toBe('accountId');
    expect((await refusal('welfare.bank.reconciliation.save', { accountId: bank, month: '2026-11', bankBalanceSatang: 10.5, clearedLineIds: [] })).field).toBe('bankBalanceSatang');
  });
});
