import { describe, expect, it } from 'vitest';
import type { ClientSession } from '../../main/api/router';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
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
