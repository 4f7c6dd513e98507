// A fund with two accounting years of ordinary work for the statements' tests: an opening balance, collection days
// on the edges of the fiscal and the calendar year (30 Sep / 1 Oct, 31 Dec / 1 Jan), a receipt voided, benefits
// paid (one voucher voided), a CODI matching round into the bank, a donation, an expense and cash banked.
// Everything goes through the router as the treasurer would do it, except the opening entry (the history import
// posts those). "Today" is 30 November 2569.
import type { ClientSession } from '../../main/api/router';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { ensureBooks } from '../../main/welfare/accounts';
import { postEntry } from '../../main/welfare/books';
import { routerCalls } from '../helpers/router-calls';
import { tempApp } from '../helpers/temp';

/** A citizen ID with its check digit (the register refuses any other). */
export function citizenId(first12: string): string {
  const sum = [...first12].reduce((total, digit, index) => total + Number(digit) * (13 - index), 0);
  return `${first12}${(11 - (sum % 11)) % 10}`;
}

export const TODAY = '2026-11-30';

export async function fundWithTwoYears(options: { accountingYear?: 'fiscal' | 'calendar' } = {}) {
  const now = () => new Date('2026-11-30T10:00:00+07:00');
  const app = tempApp(undefined, { now });
  await loadSampleTambon(app, generateSampleTambon({ size: 'small' }));
  const login = async (username: string) => {
    const session: ClientSession = { user: null };
    await app.router.call(session, 'office.auth.login', { username, password: 'tambon1234' });
    return session;
  };
  const treasurer = await login('treasurer');
  const admin = await login('admin');
  const { call, refusal } = routerCalls(app, treasurer);
  const context = { db: app.database.db, sqlite: app.database.sqlite, now };
  const sql = <T>(query: string, ...params: unknown[]) => app.database.sqlite.prepare(query).all(...params) as T[];

  const preset = await call<{ benefitTypes: { code: string; waitingDays: number; payment: { kind: string }; evidence: { code: string }[] }[]; contributions: { arrears: { limit: number | null } } }>('welfare.regulation.preset', { effectiveFrom: '2025-05-01' });
  preset.contributions.arrears.limit = null; // nobody lapses: the figures, not the lapse rules, are under test
  const perNight = preset.benefitTypes.find((benefit) => benefit.payment.kind === 'perDay')!;
  perNight.waitingDays = 0; // the fund pays hospital nights from the first day
  await call('welfare.regulation.create', preset);
  const chart = ensureBooks(context);
  if (options.accountingYear) await call('welfare.books.settings.update', { accountingYear: options.accountingYear, adminCostCapBasisPoints: 2000, twoPersonThresholdSatang: null }, admin);
  const [villageA, villageB] = sql<{ id: number; number: number; name: string }>('SELECT id, number, name FROM villages ORDER BY position LIMIT 2');

  const join = async (person: { title: string; firstName: string; lastName: string; id12: string; villageId: number }, memberNumber: string, startDate: string, category = 'general') => {
    const created = await call<{ id: number }>('people.persons.create', { title: person.title, firstName: person.firstName, lastName: person.lastName, citizenId: citizenId(person.id12), villageId: person.villageId }, admin);
    return call<{ id: number }>('welfare.members.join', { personId: created.id, memberNumber, category, applicationDate: startDate, startDate });
  };
  const kanya = await join({ title: 'นางสาว', firstName: 'กัญญ์ณัฏฐ์', lastName: 'ศรีสุวรรณ์', id12: '340990012345', villageId: villageA!.id }, '0901', '2025-06-01');
  const punya = await join({ title: 'นาง', firstName: 'ปุณณ์ญาดา', lastName: 'ธนัชพฤกษ์', id12: '110170020345', villageId: villageA!.id }, '0902', '2025-06-01');
  const thiti = await join({ title: 'นาย', firstName: 'ฐิติพงศ์', lastName: 'ฤทธิ์ณรงค์', id12: '310060012345', villageId: villageB!.id }, '0903', '2025-06-01', 'elderly');
  const natthawat = await join({ title: 'นาย', firstName: 'ณัฐวรรธน์', lastName: 'พฤกษ์ชยางกูร', id12: '150990034567', villageId: villageB!.id }, '0904', '2026-11-01');

  // the books start on 1 June 2568 with money brought from the paper books
  postEntry(context, {
    date: '2025-06-01',
    kind: 'opening',
    description: 'ยอดยกมาจากสมุดบัญชีเดิม',
    userId: null,
    lines: [
      { accountId: chart.get('1101')!, amountSatang: 1_235_50 },
      { accountId: chart.get('1102')!, amountSatang: 2_486_902_25 },
      { accountId: chart.get('3101')!, amountSatang: -(1_235_50 + 2_486_902_25) },
    ],
  });
  const book = await call<{ id: number }>('welfare.receiptBooks.create', { bookNumber: '12', firstNumber: 451, lastNumber: 500 });
  const collect = (receiptDate: string, membershipId: number, amountSatang: number) => call('welfare.collection.save', { receiptDate, bookId: book.id, payments: [{ membershipId, amountSatang }] });
  await collect('2025-12-31', kanya.id, 9_000);
  await collect('2026-01-01', punya.id, 9_000);
  await collect('2026-09-30', thiti.id, 12_000);
  await collect('2026-10-01', kanya.id, 6_000);
  await collect('2026-11-05', punya.id, 6_000);
  await collect('2026-11-12', natthawat.id, 5_000);
  const voidedReceipt = sql<{ id: number; number: number }>('SELECT id, number FROM welfare_receipts WHERE membership_id = ? AND receipt_date = ?', punya.id, '2026-11-05')[0]!;
  await call('welfare.receipts.void', { receiptId: voidedReceipt.id, reason: 'บันทึกผิดคน ต้องเป็นของสามี' });

  // other money: a donation in cash on 31 Dec, CODI's first matching round into the bank on 1 Oct
  const donation = await call<{ id: number }>('welfare.income.create', { sourceAccountId: chart.get('4202')!, moneyAccountId: chart.get('1101')!, incomeDate: '2025-12-31', amountSatang: 500_00, payerName: 'วัดป่าหนองบัว', description: 'บริจาคทำบุญปีใหม่', receiptBookId: book.id });
  await call('welfare.income.create', { sourceAccountId: chart.get('4103')!, moneyAccountId: chart.get('1102')!, incomeDate: '2026-10-01', amountSatang: 1_500_000_00, payerName: 'สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)', description: 'งบสมทบจากรัฐบาล รอบที่ 1', codiRound: 1, codiRoundApprovalDate: '2026-09-15' });

  // benefits: hospital nights for ฐิติพงศ์ paid on 30 Sep; for ณัฐวรรธน์ paid on 20 Nov and its voucher voided
  const payClaim = async (membershipId: number, eventDate: string, units: number, approvalDate: string, payoutDate: string) => {
    const claim = await call<{ id: number; amountSatang: number }>('welfare.claims.create', { membershipId, benefitCode: perNight.code, eventDate, units, evidence: perNight.evidence.map((item) => item.code) });
    await call('welfare.claims.approve', { claimId: claim.id, approvedBy: 'มติคณะกรรมการ ครั้งที่ 9/2569', approvalDate });
    const payout = await call<{ id: number }>('welfare.claims.pay', { claimId: claim.id, payoutDate });
    return { claim, payout };
  };
  const thitiBenefit = await payClaim(thiti.id, '2026-09-20', 3, '2026-09-25', '2026-09-30');
  const natthawatBenefit = await payClaim(natthawat.id, '2026-11-14', 1, '2026-11-18', '2026-11-20');
  await call('welfare.payouts.void', { payoutId: natthawatBenefit.payout.id, reason: 'จ่ายซ้ำกับสิทธิ์ประกันสังคม' });
  await call('welfare.expenses.create', { expenseDate: '2026-11-25', accountCode: '5203', description: 'ค่าเอกสารและเครื่องเขียนประชุมใหญ่สามัญประจำปี', amountSatang: 487_50, recipientName: 'ร้านศึกษาภัณฑ์หนองบัว' });
  await call('welfare.transfers.create', { fromAccountId: chart.get('1101')!, toAccountId: chart.get('1102')!, transferDate: '2026-11-26', amountSatang: 50_00 });

  return { app, call, refusal, sql, context, chart, treasurer, admin, kanya, punya, thiti, natthawat, voidedReceipt, donation, thitiBenefit, natthawatBenefit, perNight, villageA: villageA!, villageB: villageB! };
}
