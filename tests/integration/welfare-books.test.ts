import { describe, expect, it } from 'vitest';
import type { ClientSession } from '../../main/api/router';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { printedText } from '../helpers/printed-text';
import { routerCalls } from '../helpers/router-calls';
import { tempApp } from '../helpers/temp';
import { comparable } from '../documents/pdf-tools';

/** Collection day, 30 November 2026 (Thai time): three members of หมู่ 1 who joined on 1 August 2026. */
async function collectionDay() {
  const app = tempApp(undefined, { now: () => new Date('2026-11-30T09:00:00+07:00') });
  const data = generateSampleTambon({ size: 'small' });
  await loadSampleTambon(app, data);
  const session = (username: string) => {
    const s: ClientSession = { user: null };
    return app.router.call(s, 'office.auth.login', { username, password: 'tambon1234' }).then(() => s);
  };
  const treasurer = await session('treasurer');
  const admin = await session('admin');
  const { call, refusal } = routerCalls(app, treasurer);
  const sql = <T>(query: string) => app.database.sqlite.prepare(query).all() as T[];
  const preset = structuredClone(await call<{ contributions: { arrears: { limit: number | null } } }>('welfare.regulation.preset', { effectiveFrom: '2020-01-01' }));
  // Six missed months end a membership here, so members three months behind are still collected from (the lapse
  // itself: tests/integration/welfare-paid.test.ts).
  preset.contributions.arrears.limit = 6;
  await call('welfare.regulation.create', preset);
  const village1 = data.people.filter((person) => person.village === 1 && person.birthDate < '2000-01-01').slice(0, 3);
  const members: number[] = [];
  for (const [index, person] of village1.entries()) {
    const joined = await call<{ id: number }>('welfare.members.join', { personId: person.id, memberNumber: String(index + 1).padStart(4, '0'), category: 'general', applicationDate: '2026-08-01', startDate: '2026-08-01' });
    members.push(joined.id);
  }
  const book = await call<{ id: number }>('welfare.receiptBooks.create', { bookNumber: '12', firstNumber: 1, lastNumber: 50 });
  const unbalanced = () => sql<{ id: number }>('SELECT entry_id AS id FROM welfare_journal_lines GROUP BY entry_id HAVING sum(amount_satang) <> 0');
  return { app, call, refusal, sql, members, book, admin, unbalanced };
}

interface Sheet {
  rows: { membershipId: number; owedSatang: number; missedCount: number; lines: { label: string; owedSatang: number }[] }[];
  totalOwedSatang: number;
}

describe('collection day', () => {
  it('shows what each member of the village owes, arrears oldest first, and saves the whole village in one go with gap-free receipts', async () => {
    const { call, members, book, sql, unbalanced } = await collectionDay();
    const sheet = await call<Sheet>('welfare.collection.sheet', { villageId: 1, asOf: '2026-11-30' });
    expect(sheet.rows.map((row) => row.membershipId)).toEqual(members);
    // Entrance fee 20 + ส.ค.–พ.ย. 4 × 30 = 140 บาท; ส.ค., ก.ย., ต.ค. are past their collection day.
    expect(sheet.rows[0]).toMatchObject({ owedSatang: 14000, missedCount: 3 });
    expect(sheet.rows[0]!.lines.map((line) => line.label)).toEqual(['ค่าสมัครแรกเข้า', 'ส.ค. 69', 'ก.ย. 69', 'ต.ค. 69', 'พ.ย. 69']);

    const saved = await call<{ receipts: { number: number }[]; totalSatang: number }>('welfare.collection.save', {
      receiptDate: '2026-11-30',
      bookId: book.id,
      payments: [
        { membershipId: members[0], amountSatang: 14000 },
        { membershipId: members[1], amountSatang: 17000 }, // 30 บาท ahead: ธ.ค. 69
        { membershipId: members[2], amountSatang: 5000 }, // the fee and ส.ค. only
      ],
    });
    expect(saved.receipts.map((receipt) => receipt.number)).toEqual([1, 2, 3]);
    expect(saved.totalSatang).toBe(36000);
    const after = await call<Sheet>('welfare.collection.sheet', { villageId: 1, asOf: '2026-11-30' });
    expect(after.rows.map((row) => row.owedSatang)).toEqual([0, 0, 9000]);
    const lines = sql<{ description: string }>(`SELECT description FROM welfare_receipt_lines l JOIN welfare_receipts r ON r.id = l.receipt_id WHERE r.number = 2 ORDER BY l.position`);
    expect(lines.map((line) => line.description)).toEqual(['ค่าสมัครแรกเข้า', 'เงินสมทบ ส.ค. 69', 'เงินสมทบ ก.ย. 69', 'เงินสมทบ ต.ค. 69', 'เงินสมทบ พ.ย. 69', 'เงินสมทบ ธ.ค. 69']);

    // Double entry underneath: every entry balances, and the trial balance is the cash book.
    expect(unbalanced()).toEqual([]);
    const trial = await call<{ accounts: { code: string; balanceSatang: number }[]; totalSatang: number }>('welfare.books.trialBalance', { asOf: '2026-11-30' });
    expect(trial.totalSatang).toBe(0);
    expect(Object.fromEntries(trial.accounts.map((account) => [account.code, account.balanceSatang]))).toEqual({ '1101': 36000, '4101': -30000, '4201': -6000 });
  });

  it('a wrong receipt is voided, kept and reversed; its number is never used again', async () => {
    const { call, refusal, members, book, sql, unbalanced } = await collectionDay();
    const saved = await call<{ receipts: { id: number }[] }>('welfare.collection.save', { receiptDate: '2026-11-30', bookId: book.id, payments: [{ membershipId: members[0], amountSatang: 14000 }, { membershipId: members[1], amountSatang: 14000 }] });
    await call('welfare.receipts.void', { receiptId: saved.receipts[1]!.id, reason: 'บันทึกผิดคน' });
    expect((await refusal('welfare.receipts.void', { receiptId: saved.receipts[1]!.id, reason: 'อีกครั้ง' })).code).toBe('CONFLICT');
    const receipts = await call<{ number: number; voidedOn: string | null; voidReason: string }[]>('welfare.receipts.list', {});
    expect(receipts.map((receipt) => [receipt.number, receipt.voidedOn, receipt.voidReason])).toEqual([
      [1, null, ''],
      [2, '2026-11-30', 'บันทึกผิดคน'],
    ]);
    const sheet = await call<Sheet>('welfare.collection.sheet', { villageId: 1, asOf: '2026-11-30' });
    expect(sheet.rows[1]!.owedSatang).toBe(14000);
    const next = await call<{ receipts: { number: number }[] }>('welfare.collection.save', { receiptDate: '2026-11-30', bookId: book.id, payments: [{ membershipId: members[1], amountSatang: 14000 }] });
    expect(next.receipts[0]!.number).toBe(3);
    const reversal = sql<{ kind: string; reverses: number }>("SELECT kind, reverses_entry_id AS reverses FROM welfare_journal_entries WHERE kind = 'reversal'");
    expect(reversal).toHaveLength(1);
    expect(unbalanced()).toEqual([]);
  });

  it('refuses bad amounts and repeated members naming the row; a refused save writes nothing and leaves no gap', async () => {
    const { call, refusal, members, book, sql } = await collectionDay();
    const count = () => sql<{ n: number }>('SELECT count(*) AS n FROM welfare_receipts')[0]!.n + sql<{ n: number }>('SELECT count(*) AS n FROM welfare_journal_entries')[0]!.n;
    const cases: [unknown, string, string][] = [
      [-3000, 'payments.1.amountSatang', 'มากกว่า 0'],
      [30.5, 'payments.1.amountSatang', 'เศษของสตางค์'],
      ['30', 'payments.1.amountSatang', 'ตัวเลข'],
      [999_999_00, 'payments.1.amountSatang', 'รับล่วงหน้าได้ไม่เกิน 12 เดือน'],
    ];
    for (const [amount, field, words] of cases) {
      const error = await refusal('welfare.collection.save', { receiptDate: '2026-11-30', bookId: book.id, payments: [{ membershipId: members[0], amountSatang: 3000 }, { membershipId: members[1], amountSatang: amount }] });
      expect(error.field, String(amount)).toBe(field);
      expect(error.messageTh, String(amount)).toContain(words);
    }
    const twice = await refusal('welfare.collection.save', { receiptDate: '2026-11-30', bookId: book.id, payments: [{ membershipId: members[0], amountSatang: 3000 }, { membershipId: members[0], amountSatang: 3000 }] });
    expect(twice.field).toBe('payments.1.membershipId');
    expect((await refusal('welfare.collection.save', { receiptDate: '2026-12-01', bookId: book.id, payments: [{ membershipId: members[0], amountSatang: 3000 }] })).messageTh).toContain('อนาคต');
    expect(count()).toBe(0);
    const small = await call<{ id: number }>('welfare.receiptBooks.create', { bookNumber: '13', firstNumber: 1, lastNumber: 2 });
    const full = await refusal('welfare.collection.save', { receiptDate: '2026-11-30', bookId: small.id, payments: members.map((membershipId) => ({ membershipId, amountSatang: 3000 })) });
    expect(full.messageTh).toContain('ใช้ครบทุกเลขแล้ว');
    expect(count()).toBe(0);
    const ok = await call<{ receipts: { number: number }[] }>('welfare.collection.save', { receiptDate: '2026-11-30', bookId: book.id, payments: [{ membershipId: members[0], amountSatang: 3000 }] });
    expect(ok.receipts[0]!.number).toBe(1);
  });

  it('lists each receipt book with its next free number and how many are left; a voided number stays used', async () => {
    const { call, members, book } = await collectionDay();
    type Books = { receiptBooks: { bookNumber: string; nextNumber: number | null; remaining: number }[] };
    const small = await call<{ id: number }>('welfare.receiptBooks.create', { bookNumber: '13/2569', firstNumber: 101, lastNumber: 102 });
    expect((await call<Books>('welfare.books.get', {})).receiptBooks.map(({ bookNumber, nextNumber, remaining }) => [bookNumber, nextNumber, remaining])).toEqual([
      ['12', 1, 50],
      ['13/2569', 101, 2],
    ]);
    const saved = await call<{ receipts: { id: number }[] }>('welfare.collection.save', { receiptDate: '2026-11-30', bookId: book.id, payments: members.map((membershipId) => ({ membershipId, amountSatang: 5000 })) });
    await call('welfare.receipts.void', { receiptId: saved.receipts[2]!.id, reason: 'เขียนจำนวนเงินผิด' });
    await call('welfare.collection.save', { receiptDate: '2026-11-30', bookId: small.id, payments: members.slice(0, 2).map((membershipId) => ({ membershipId, amountSatang: 3000 })) });
    expect((await call<Books>('welfare.books.get', {})).receiptBooks.map(({ bookNumber, nextNumber, remaining }) => [bookNumber, nextNumber, remaining])).toEqual([
      ['12', 4, 47],
      ['13/2569', null, 0],
    ]);
  });

  it('the trial balance names each account in Thai and in English', async () => {
    const { call, members, book } = await collectionDay();
    await call('welfare.collection.save', { receiptDate: '2026-11-30', bookId: book.id, payments: [{ membershipId: members[0], amountSatang: 14000 }] });
    const trial = await call<{ accounts: { code: string; nameTh: string; nameEn: string }[] }>('welfare.books.trialBalance', { asOf: '2026-11-30' });
    expect(trial.accounts.map(({ code, nameTh, nameEn }) => [code, nameTh, nameEn])).toEqual([
      ['1101', 'เงินสดในมือ', 'Cash on hand'],
      ['4101', 'เงินสมทบจากสมาชิก', 'Member contributions'],
      ['4201', 'ค่าธรรมเนียมแรกเข้า', 'Entrance fees'],
    ]);
  });
});

/** The text a reader copies out of a PDF the API returned. */
describe('paper from the books', () => {
  it('prints the day\'s receipts from what was posted, consecutive months on one line; a reprint says สำเนา', async () => {
    const { call, members, book } = await collectionDay();
    const saved = await call<{ receipts: { id: number }[] }>('welfare.collection.save', { receiptDate: '2026-11-30', bookId: book.id, payments: [{ membershipId: members[1], amountSatang: 17000 }] });
    const first = await call<{ pdfBase64: string; pages: number }>('welfare.receipts.print', { receiptIds: saved.receipts.map((receipt) => receipt.id), twoPerPage: true });
    const text = await printedText(first.pdfBase64);
    expect(text).toContain(comparable('ค่าสมัครแรกเข้า'));
    expect(text).toContain(comparable('เงินสมทบ ส.ค.–ธ.ค. 69'));
    expect(text).toContain(comparable('170.00'));
    expect(text).toContain(comparable('(หนึ่งร้อยเจ็ดสิบบาทถ้วน)'));
    expect(text).not.toContain(comparable('สำเนา'));
    const again = await call<{ pdfBase64: string }>('welfare.receipts.print', { receiptIds: saved.receipts.map((receipt) => receipt.id) });
    expect(await printedText(again.pdfBase64)).toContain(comparable('สำเนา'));
  });

  it("prints a member's passbook from the receipts, with the ID masked unless asked for", async () => {
    const { call, members, book } = await collectionDay();
    await call('welfare.collection.save', { receiptDate: '2026-11-30', bookId: book.id, payments: [{ membershipId: members[0], amountSatang: 8000 }] });
    const passbook = await call<{ pdfBase64: string; pages: number }>('welfare.members.passbookPrint', { membershipId: members[0], asOf: '2026-11-30' });
    const text = await printedText(passbook.pdfBase64);
    for (const words of ['ส.ค. 69', 'ก.ย. 69', 'ต.ค. 69', '30.00', 'x-xxxx-xxxx']) expect(text, words).toContain(comparable(words));
  });
});

describe('closing the month', () => {
  it('nothing can be posted on or before the lock date; only an administrator reopens, with a reason that is kept', async () => {
    const { call, refusal, members, book, admin, sql } = await collectionDay();
    await call('welfare.books.lock', { lockDate: '2026-11-29' });
    const closed = await refusal('welfare.collection.save', { receiptDate: '2026-11-29', bookId: book.id, payments: [{ membershipId: members[0], amountSatang: 3000 }] });
    expect(closed).toMatchObject({ field: 'receiptDate' });
    expect(closed.messageTh).toContain('ปิดบัญชีถึงวันที่');
    await call('welfare.collection.save', { receiptDate: '2026-11-30', bookId: book.id, payments: [{ membershipId: members[0], amountSatang: 3000 }] });
    expect((await refusal('welfare.books.lock', { lockDate: '2026-11-28' })).field).toBe('lockDate');
    expect((await refusal('welfare.books.reopen', { lockDate: '2026-10-31', reason: 'แก้ไขใบเสร็จเดือนพฤศจิกายน' })).code).toBe('ROLE_NOT_ALLOWED');
    expect((await refusal('welfare.books.reopen', { lockDate: '2026-10-31', reason: 'x' }, admin)).field).toBe('reason');
    await call('welfare.books.reopen', { lockDate: '2026-10-31', reason: 'แก้ไขใบเสร็จเดือนพฤศจิกายน' }, admin);
    await call('welfare.collection.save', { receiptDate: '2026-11-29', bookId: book.id, payments: [{ membershipId: members[1], amountSatang: 3000 }] });
    const trace = sql<{ after: string }>("SELECT after FROM audit_log WHERE method = 'welfare.books.reopen'");
    expect(JSON.parse(trace[0]!.after)).toMatchObject({ lockDate: '2026-10-31', reason: 'แก้ไขใบเสร็จเดือนพฤศจิกายน' });
  });

  it("a member's statement lists every period as paid, missed (a part payment included) or not yet due", async () => {
    const { call, members, book } = await collectionDay();
    await call('welfare.collection.save', { receiptDate: '2026-11-30', bookId: book.id, payments: [{ membershipId: members[2], amountSatang: 6500 }] });
    const statement = await call<{ owed: { totalSatang: number; missedCount: number }; passbook: { label: string; status: string; amountSatang: number }[] }>('welfare.members.statement', { membershipId: members[2], asOf: '2026-11-30' });
    expect(statement.passbook.map((line) => [line.label, line.status, line.amountSatang])).toEqual([
      ['ค่าสมัครแรกเข้า', 'paid', 2000],
      ['ส.ค. 69', 'paid', 3000],
      ['ก.ย. 69', 'missed', 1500], // part paid after its collection day: still counted as missed
      ['ต.ค. 69', 'missed', 0],
      ['พ.ย. 69', 'not-due', 0],
    ]);
    expect(statement.owed).toMatchObject({ totalSatang: 7500, missedCount: 2 });
  });
});
