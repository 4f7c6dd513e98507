import { describe, expect, it } from 'vitest';
import { bahtTextInBrackets } from '../../main/documents/format';
import { comparable } from '../documents/pdf-tools';
import type { ClientSession } from '../../main/api/router';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { printedText } from '../helpers/printed-text';
import { routerCalls } from '../helpers/router-calls';
import { tempApp } from '../helpers/temp';

interface Benefit {
  code: string;
  category: string;
  waitingDays: number;
  payment: { kind: string; rateSatang?: number; maxPerClaimSatang?: number; tiers?: { fromYears: number; amountSatang: number }[] };
  maxPerYearSatang?: number;
  evidence: { code: string }[];
}

/**
 * 30 November 2026: a member who joined on 1 March 2026, and one who joined in 2015. Arrears end no membership here
 * (the fund sets no limit) unless a test asks for one: the sample has no years of receipts behind its members.
 */
async function claimsDesk(arrearsLimit: number | null = null) {
  const app = tempApp(undefined, { now: () => new Date('2026-11-30T10:00:00+07:00') });
  const data = generateSampleTambon({ size: 'small' });
  await loadSampleTambon(app, data);
  const login = async (username: string) => {
    const session: ClientSession = { user: null };
    await app.router.call(session, 'office.auth.login', { username, password: 'tambon1234' });
    return session;
  };
  const treasurer = await login('treasurer');
  const secretary = await login('secretary');
  const admin = await login('admin');
  const { call, refusal } = routerCalls(app, treasurer);
  const preset = await call<{ benefitTypes: Benefit[]; contributions: { arrears: { limit: number | null } } }>('welfare.regulation.preset', { effectiveFrom: '2015-01-01' });
  preset.contributions.arrears.limit = arrearsLimit;
  await call('welfare.regulation.create', preset);
  const adults = data.people.filter((person) => person.birthDate < '1990-01-01' && person.id % 97 !== 0 && person.id % 131 !== 0);
  const recent = await call<{ id: number }>('welfare.members.join', { personId: adults[0]!.id, memberNumber: '0001', category: 'general', applicationDate: '2026-03-01', startDate: '2026-03-01' });
  const longStanding = await call<{ id: number }>('welfare.members.join', { personId: adults[1]!.id, memberNumber: '0002', category: 'general', applicationDate: '2015-06-01', startDate: '2015-06-01' });
  // Money to pay from: a donation posted as a collection would be; here the opening cash comes from members' receipts.
  const book = await call<{ id: number }>('welfare.receiptBooks.create', { bookNumber: '1', firstNumber: 1, lastNumber: 100 });
  // Under an arrears limit the member since 2015 with no receipts behind has lapsed, and no payment is taken from them.
  if (arrearsLimit === null) await call('welfare.collection.save', { receiptDate: '2026-11-30', bookId: book.id, payments: [{ membershipId: longStanding.id, amountSatang: 36_000 }] });
  const perNight = preset.benefitTypes.find((benefit) => benefit.payment.kind === 'perDay')!;
  const death = preset.benefitTypes.find((benefit) => benefit.payment.kind === 'tiers')!;
  const sql = <T>(query: string) => app.database.sqlite.prepare(query).all() as T[];
  return { app, call, refusal, recent, longStanding, perNight, death, treasurer, secretary, admin, sql };
}

describe('claims', () => {
  it('a claim inside the waiting period is refused with the numbers, and kept with its reason', async () => {
    const { call, recent, perNight } = await claimsDesk();
    const claim = await call<{ id: number; status: string; judgement: { refusals: { th: string }[] } }>('welfare.claims.create', {
      membershipId: recent.id,
      benefitCode: perNight.code,
      eventDate: '2026-05-01',
      units: 3,
      evidence: perNight.evidence.map((item) => item.code),
    });
    expect(claim.status).toBe('refused');
    expect(claim.judgement.refusals.map((refusal) => refusal.th).join(' ')).toMatch(/เป็นสมาชิก 61 วัน ต้องครบ \d+ วัน/);
    const kept = await call<{ status: string }[]>('welfare.claims.list', { membershipId: recent.id });
    expect(kept.map((row) => row.status)).toEqual(['refused']);
  });

  it('a hospital claim is cut to the cap per claim, approved by the committee, paid with a voucher and posted as a benefit', async () => {
    const { call, refusal, longStanding, perNight, sql } = await claimsDesk();
    const nights = 10;
    const claim = await call<{ id: number; status: string; amountSatang: number; judgement: { lines: { th: string }[] } }>('welfare.claims.create', {
      membershipId: longStanding.id,
      benefitCode: perNight.code,
      eventDate: '2026-11-20',
      units: nights,
      evidence: perNight.evidence.map((item) => item.code),
    });
    expect(claim.status).toBe('pending');
    expect(claim.amountSatang).toBe(perNight.payment.maxPerClaimSatang);
    expect(claim.judgement.lines.map((line) => line.th).join(' ')).toContain('เกินเพดานต่อครั้ง');
    expect((await refusal('welfare.claims.pay', { claimId: claim.id, payoutDate: '2026-11-30' })).messageTh).toContain('ยังไม่ได้รับอนุมัติ');
    await call('welfare.claims.approve', { claimId: claim.id, approvedBy: 'มติคณะกรรมการ ครั้งที่ 11/2569', approvalDate: '2026-11-25' });
    const payout = await call<{ voucherNumber: number; totalSatang: number }>('welfare.claims.pay', { claimId: claim.id, payoutDate: '2026-11-30' });
    expect(payout).toMatchObject({ voucherNumber: 1, totalSatang: perNight.payment.maxPerClaimSatang });
    expect((await refusal('welfare.claims.pay', { claimId: claim.id, payoutDate: '2026-11-30' })).messageTh).toContain('จ่ายคำขอนี้ไปแล้ว');
    const benefitLines = sql<{ amount: number; benefit: string }>("SELECT l.amount_satang AS amount, l.benefit_code AS benefit FROM welfare_journal_lines l JOIN welfare_accounts a ON a.id = l.account_id WHERE a.code = '5101'");
    expect(benefitLines).toEqual([{ amount: perNight.payment.maxPerClaimSatang, benefit: perNight.code }]);
    expect(sql('SELECT entry_id FROM welfare_journal_lines GROUP BY entry_id HAVING sum(amount_satang) <> 0')).toEqual([]);

    // The same benefit later in the year: what was paid counts against the cap per year.
    const again = await call<{ decision: string; amountSatang: number; lines: { th: string }[] }>('welfare.claims.judge', {
      membershipId: longStanding.id,
      benefitCode: perNight.code,
      eventDate: '2026-11-28',
      units: nights,
      evidence: perNight.evidence.map((item) => item.code),
    });
    const left = perNight.maxPerYearSatang! - perNight.payment.maxPerClaimSatang!;
    expect(again).toMatchObject({ decision: 'pay', amountSatang: Math.min(left, perNight.payment.maxPerClaimSatang!) });
    expect(again.lines.map((line) => line.th).join(' ')).toContain('ได้รับแล้วในปีนี้');
  });

  it('a member who stopped paying has lapsed by the fund\'s arrears rule, and a claim after the lapse is refused', async () => {
    const { call, recent, perNight } = await claimsDesk(3);
    // Joined 1 March 2026 and never paid: มี.ค., เม.ย. and พ.ค. missed, so membership lapsed on 1 June 2026.
    const judged = await call<{ decision: string; refusals: { th: string; field: string }[] }>('welfare.claims.judge', {
      membershipId: recent.id,
      benefitCode: perNight.code,
      eventDate: '2026-11-20',
      units: 2,
      evidence: perNight.evidence.map((item) => item.code),
    });
    expect(judged.decision).toBe('refuse');
    expect(judged.refusals.map((refusal) => refusal.field)).toContain('member.statusOnEventDate');
  });

  it('above the two-person threshold a second user must approve before the voucher; the same user twice is refused', async () => {
    const { call, refusal, longStanding, death, secretary, admin } = await claimsDesk();
    await call('welfare.books.settings.update', { accountingYear: 'fiscal', adminCostCapBasisPoints: 2000, twoPersonThresholdSatang: 100_000 }, admin);
    await call('welfare.members.end', { membershipId: longStanding.id, endDate: '2026-11-15', reason: 'died' });
    const claim = await call<{ id: number; status: string; amountSatang: number }>('welfare.claims.create', {
      membershipId: longStanding.id,
      benefitCode: death.code,
      eventDate: '2026-11-15',
      evidence: death.evidence.map((item) => item.code),
    });
    expect(claim.status).toBe('pending');
    const tier = [...death.payment.tiers!].reverse().find((step) => step.fromYears <= 11)!;
    expect(claim.amountSatang).toBe(tier.amountSatang);
    await call('welfare.claims.approve', { claimId: claim.id, approvedBy: 'มติคณะกรรมการ ครั้งที่ 12/2569', approvalDate: '2026-11-20' });
    expect((await refusal('welfare.claims.pay', { claimId: claim.id, payoutDate: '2026-11-30' })).code).toBe('CONFLICT');
    expect((await refusal('welfare.claims.approve', { claimId: claim.id, approvedBy: 'ซ้ำ', approvalDate: '2026-11-20' })).messageTh).toContain('ผู้ใช้อีกคนหนึ่ง');
    await call('welfare.claims.approve', { claimId: claim.id, approvedBy: 'มติคณะกรรมการ ครั้งที่ 12/2569', approvalDate: '2026-11-20' }, secretary);
    const payout = await call<{ recipientName: string }>('welfare.claims.pay', { claimId: claim.id, payoutDate: '2026-11-30', recipientName: 'นางกิ่งแก้ว ศรีสุวรรณ์ (ผู้รับผลประโยชน์)' });
    expect(payout.recipientName).toContain('ผู้รับผลประโยชน์');
  });

  it('an administrative expense is paid with a voucher and warns when the year passes the cost cap', async () => {
    const { call, refusal } = await claimsDesk();
    const small = await call<{ warning: unknown; payout: { voucherNumber: number } }>('welfare.expenses.create', { expenseDate: '2026-11-30', accountCode: '5203', description: 'กระดาษและหมึกพิมพ์', amountSatang: 5_000, recipientName: 'ร้านเครื่องเขียนหนองบัว' });
    expect(small.warning).toBeNull();
    const big = await call<{ warning: { th: string } | null }>('welfare.expenses.create', { expenseDate: '2026-11-30', accountCode: '5201', description: 'ค่าตอบแทนผู้ช่วยเหรัญญิก', amountSatang: 10_000, recipientName: 'นางสาวน้ำฝน ศรีสุวรรณ์' });
    expect(big.warning?.th).toContain('เกินเพดาน');
    expect((await refusal('welfare.expenses.create', { expenseDate: '2026-11-30', accountCode: '5101', description: 'x', amountSatang: 100, recipientName: 'x' })).field).toBe('accountCode');
    expect((await refusal('welfare.expenses.create', { expenseDate: '2026-11-30', accountCode: '5203', description: 'x', amountSatang: 10.5, recipientName: 'x' })).field).toBe('amountSatang');
  });
});

/** A hospital claim of the long-standing member, approved by the committee and ready to pay. */
async function approvedClaim(desk: Awaited<ReturnType<typeof claimsDesk>>) {
  const { call, longStanding, perNight } = desk;
  const claim = await call<{ id: number; amountSatang: number }>('welfare.claims.create', {
    membershipId: longStanding.id,
    benefitCode: perNight.code,
    eventDate: '2026-11-20',
    units: 2,
    evidence: perNight.evidence.map((item) => item.code),
  });
  await call('welfare.claims.approve', { claimId: claim.id, approvedBy: 'มติคณะกรรมการ ครั้งที่ 11/2569', approvalDate: '2026-11-25' });
  return claim;
}

async function accountId(desk: Awaited<ReturnType<typeof claimsDesk>>, code: string) {
  const books = await desk.call<{ accounts: { id: number; code: string }[] }>('welfare.books.get', {});
  return books.accounts.find((account) => account.code === code)!.id;
}

describe('paying out of the fund', () => {
  it('pays a claim from the bank account when asked, and refuses an account that holds no money, writing nothing', async () => {
    const desk = await claimsDesk();
    const { call, refusal, sql } = desk;
    const claim = await approvedClaim(desk);
    const income = await refusal('welfare.claims.pay', { claimId: claim.id, payoutDate: '2026-11-30', fromAccountId: await accountId(desk, '4101') });
    expect(income).toMatchObject({ field: 'fromAccountId', messageTh: expect.stringContaining('ไม่ใช่เงินสดหรือบัญชีเงินฝากธนาคาร กรุณาเลือกบัญชีเงินสดหรือเงินฝากธนาคาร') });
    expect(income.messageTh).toContain('4101 เงินสมทบจากสมาชิก');
    const expense = await refusal('welfare.expenses.create', { expenseDate: '2026-11-30', accountCode: '5203', description: 'กระดาษ', amountSatang: 5_000, recipientName: 'ร้านเครื่องเขียนหนองบัว', fromAccountId: await accountId(desk, '5203') });
    expect(expense.field).toBe('fromAccountId');
    expect(sql('SELECT id FROM welfare_payouts')).toEqual([]);
    expect((await call<{ status: string }[]>('welfare.claims.list', {})).map((row) => row.status)).toEqual(['approved']);

    const payout = await call<{ voucherNumber: number; entryId: number }>('welfare.claims.pay', { claimId: claim.id, payoutDate: '2026-11-30', fromAccountId: await accountId(desk, '1102') });
    const credited = sql<{ code: string; amount: number }>(`SELECT a.code AS code, l.amount_satang AS amount FROM welfare_journal_lines l JOIN welfare_accounts a ON a.id = l.account_id WHERE l.entry_id = ${payout.entryId} AND l.amount_satang < 0`);
    expect(credited).toEqual([{ code: '1102', amount: -claim.amountSatang }]);
    const listed = await call<{ voucherNumber: number; paidFrom: { code: string } }[]>('welfare.payouts.list', {});
    expect(listed[0]).toMatchObject({ voucherNumber: 1, paidFrom: { code: '1102' } });
  });

  it('voids a voucher by reversal: the books balance, the claim is approved again, a second void is refused, the number is never reused', async () => {
    const desk = await claimsDesk();
    const { call, refusal, sql } = desk;
    const claim = await approvedClaim(desk);
    const first = await call<{ id: number; voucherNumber: number }>('welfare.claims.pay', { claimId: claim.id, payoutDate: '2026-11-30' });
    expect((await refusal('welfare.payouts.void', { payoutId: first.id, reason: '  ' })).field).toBe('reason');
    const voided = await call<{ voidedOn: string; voidReason: string }>('welfare.payouts.void', { payoutId: first.id, reason: 'จ่ายผิดคน ต้องจ่ายให้ผู้รับผลประโยชน์' });
    expect(voided).toMatchObject({ voidedOn: '2026-11-30', voidReason: 'จ่ายผิดคน ต้องจ่ายให้ผู้รับผลประโยชน์' });
    expect(sql('SELECT entry_id FROM welfare_journal_lines GROUP BY entry_id HAVING sum(amount_satang) <> 0')).toEqual([]);
    expect(sql("SELECT sum(l.amount_satang) AS total FROM welfare_journal_lines l JOIN welfare_accounts a ON a.id = l.account_id WHERE a.code = '5101'")).toEqual([{ total: 0 }]);
    expect((await call<{ status: string; payout: unknown }[]>('welfare.claims.list', {}))[0]).toMatchObject({ status: 'approved', payout: null });
    const twice = await refusal('welfare.payouts.void', { payoutId: first.id, reason: 'ซ้ำ' });
    expect(twice).toMatchObject({ code: 'CONFLICT', messageTh: expect.stringContaining('ใบสำคัญจ่ายเลขที่ 1 ถูกยกเลิกไปแล้ว') });
    const again = await call<{ voucherNumber: number }>('welfare.claims.pay', { claimId: claim.id, payoutDate: '2026-11-30', recipientName: 'นางสาวกัญญ์ณัฏฐ์ ปุณณ์ญาดา' });
    expect(again.voucherNumber).toBe(2);
    const listed = await call<{ voucherNumber: number; voidedOn: string | null }[]>('welfare.payouts.list', {});
    expect(listed.map((payout) => [payout.voucherNumber, payout.voidedOn])).toEqual([
      [2, null],
      [1, '2026-11-30'],
    ]);
    expect((await call<{ status: string }[]>('welfare.claims.list', {}))[0]!.status).toBe('paid');
  });

  it('prints a voucher from the records: the amount in figures and words, the recipient; a voided one says ยกเลิก and why', async () => {
    const desk = await claimsDesk();
    const { call } = desk;
    const amount = 123_456_750;
    const description = `ค่าซ่อมหลังคาอาคารที่ทำการกองทุน ${'และรางน้ำฝนรอบอาคาร '.repeat(12)}`.trim().slice(0, 300);
    const { payout } = await call<{ payout: { id: number } }>('welfare.expenses.create', { expenseDate: '2026-11-30', accountCode: '5206', description, amountSatang: amount, recipientName: 'นางสาวกัญญ์ณัฏฐ์ ปุณณ์ญาดา' });
    const printed = await call<{ pdfBase64: string; pages: number; totalSatang: number }>('welfare.payouts.print', { payoutId: payout.id });
    expect(printed).toMatchObject({ pages: 1, totalSatang: amount });
    const text = await printedText(printed.pdfBase64, 'voucher');
    for (const words of ['ใบสำคัญจ่ายเงิน', 'นางสาวกัญญ์ณัฏฐ์ ปุณณ์ญาดา', '1,234,567.50', bahtTextInBrackets(amount), 'ค่าซ่อมหลังคาอาคารที่ทำการกองทุน']) expect(text, words).toContain(comparable(words));
    expect(text).not.toContain(comparable('ยกเลิก'));
    await call('welfare.payouts.void', { payoutId: payout.id, reason: 'ร้านคืนเงิน งานยังไม่เสร็จ' });
    const voided = await printedText((await call<{ pdfBase64: string }>('welfare.payouts.print', { payoutId: payout.id })).pdfBase64, 'voucher');
    expect(voided).toContain(comparable('ยกเลิก'));
    expect(voided).toContain(comparable('ร้านคืนเงิน งานยังไม่เสร็จ'));

    // a benefit paid to the member: their number and the line of the claim
    const claim = await approvedClaim(desk);
    const paid = await call<{ id: number }>('welfare.claims.pay', { claimId: claim.id, payoutDate: '2026-11-30' });
    const claimText = await printedText((await call<{ pdfBase64: string }>('welfare.payouts.print', { payoutId: paid.id })).pdfBase64, 'voucher');
    expect(claimText).toContain(comparable('สมาชิกเลขที่ 0002'));
    expect(claimText).toContain(comparable('2 คืน'));
    // paid to the wrong person: voided, and paid again to a beneficiary, who signs for the member
    await call('welfare.payouts.void', { payoutId: paid.id, reason: 'ต้องจ่ายให้ผู้รับผลประโยชน์' });
    const again = await call<{ id: number; voucherNumber: number }>('welfare.claims.pay', { claimId: claim.id, payoutDate: '2026-11-30', recipientName: 'นางสาวปุณณ์ญาดา ธนัชพฤกษ์' });
    const beneficiaryText = await printedText((await call<{ pdfBase64: string }>('welfare.payouts.print', { payoutId: again.id })).pdfBase64, 'voucher');
    expect(beneficiaryText).toContain(comparable('ในฐานะผู้รับผลประโยชน์ของ'));
    expect(beneficiaryText).toContain(comparable('นางสาวปุณณ์ญาดา ธนัชพฤกษ์'));
    expect(beneficiaryText).toContain(comparable(`เลขที่ ${again.voucherNumber}`));
  });

  it('finds members by name or number, and sums what a member has received against the caps', async () => {
    const desk = await claimsDesk();
    const { call, longStanding, perNight } = desk;
    const found = await call<{ membershipId: number; memberNumber: string }[]>('welfare.claims.memberSearch', { text: '0002' });
    expect(found.map((row) => row.memberNumber)).toEqual(['0002']);
    const claim = await approvedClaim(desk);
    await call('welfare.claims.pay', { claimId: claim.id, payoutDate: '2026-11-30' });
    const received = await call<{ rows: { benefitCode: string; thisYearSatang: number; everSatang: number; maxPerYearSatang: number | null }[] }>('welfare.claims.received', { membershipId: longStanding.id, asOf: '2026-11-30' });
    expect(received.rows).toEqual([expect.objectContaining({ benefitCode: perNight.code, thisYearSatang: claim.amountSatang, everSatang: claim.amountSatang, maxPerYearSatang: perNight.maxPerYearSatang })]);
  });
});
