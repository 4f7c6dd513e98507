// CODI's two forms from the books (issue 10): the status form's figures against SQL written here over the same data
// (never a call to the code under test), the one-year-by-30-September count around its edges, the criteria met and
// not met, the committee's texts kept per year and audited, and bad input refused in Thai with nothing written.
// Fiscal year 2569 = 1 October 2568 – 30 September 2569 (2025-10-01 – 2026-09-30); "today" is 30 November 2569.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClientSession } from '../../main/api/router';
import { countOneYearMembers } from '../../main/welfare/codi-forms';
import { ensureBooks } from '../../main/welfare/accounts';
import { postEntry } from '../../main/welfare/books';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { comparable, pdfText } from '../documents/pdf-tools';
import { routerCalls } from '../helpers/router-calls';
import { auditCount, tempApp } from '../helpers/temp';

function citizenId(first12: string): string {
  const sum = [...first12].reduce((total, digit, index) => total + Number(digit) * (13 - index), 0);
  return `${first12}${(11 - (sum % 11)) % 10}`;
}

const CUTOFF = '2026-09-30';
const FY = 2569;

interface Criterion {
  key: string;
  met: boolean;
  detail: { th: string };
}

interface StatusForm {
  asOf: string;
  members: { cumulative: number; current: number; byVillage: { villageId: number | null; current: number }[] };
  oneYear: { membersOnCutoff: number; completedOneYear: number };
  villages: { total: number; takingPart: number };
  money: { rows: { reportLine: string; amount: number }[]; total: number; heldSatang: number };
  rounds: { round: number | null; approvalDate: string | null; amountSatang: number; memberContributionsSatang: number }[];
  benefits: { benefitCode: string; personsInPeriod: number; amountInPeriod: number; personsSinceFounding: number; amountSinceFounding: number }[];
  position: { totalReceiptSide: number; totalPaymentSide: number };
  criteria: Criterion[];
}

interface Application extends StatusForm {
  round: number;
  memberContributionsThisYear: number;
  localGovernmentLastYear: number;
  suggestion: { amountSatang: number };
  requestedSatang: number;
}

async function fund() {
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
  const viewer = await login('viewer');
  const { call, refusal } = routerCalls(app, treasurer);
  const context = { db: app.database.db, sqlite: app.database.sqlite, now };
  const sql = <T>(query: string, ...params: unknown[]) => app.database.sqlite.prepare(query).all(...params) as T[];
  const one = <T>(query: string, ...params: unknown[]) => app.database.sqlite.prepare(query).get(...params) as T;

  const preset = await call<{ benefitTypes: { code: string }[]; contributions: { arrears: { limit: number | null } } }>('welfare.regulation.preset', { effectiveFrom: '2019-01-01' });
  preset.contributions.arrears.limit = null;
  await call('welfare.regulation.create', preset);
  const chart = ensureBooks(context);
  const villages = sql<{ id: number }>('SELECT id FROM villages ORDER BY position');
  let serial = 0;
  const join = async (firstName: string, village: number, category: string, startDate: string) => {
    serial += 1;
    const created = await call<{ id: number }>('people.persons.create', { title: 'นาง', firstName, lastName: 'ศรีสุวรรณ์', citizenId: citizenId(`3409900${String(12345 + serial).padStart(5, '0')}`), villageId: villages[village]!.id }, admin);
    const membership = await call<{ id: number }>('welfare.members.join', { personId: created.id, memberNumber: `09${String(serial).padStart(2, '0')}`, category, applicationDate: startDate, startDate });
    return { personId: created.id, membershipId: membership.id };
  };
  const rejoin = async (personId: number, category: string, startDate: string) => {
    serial += 1;
    return call<{ id: number }>('welfare.members.join', { personId, memberNumber: `09${String(serial).padStart(2, '0')}`, category, applicationDate: startDate, startDate });
  };
  const end = (membershipId: number, endDate: string, reason: 'resigned' | 'died') => call('welfare.members.end', { membershipId, endDate, reason });
  /** a lapse for arrears is computed by the books (lapses.ts); here it is written as that job writes it */
  const lapse = async (membershipId: number, endDate: string) => {
    await end(membershipId, endDate, 'resigned');
    app.database.sqlite.prepare("UPDATE welfare_memberships SET end_reason = 'lapsed' WHERE id = ?").run(membershipId);
  };

  // the edges of the one-year count, each a person of its own
  const a = await join('กัญญ์ณัฏฐ์', 0, 'general', '2024-10-01'); // two years: counts
  const b = await join('ปุณณ์ญาดา', 0, 'youth', '2025-09-30'); // a year exactly on 30 Sep: counts
  const c = await join('ฐิติพงศ์', 1, 'elderly', '2025-10-01'); // joined 1 Oct of the year before: 364 days, does not count
  const d = await join('ณัฐวรรธน์', 1, 'general', CUTOFF); // joined on 30 Sep: does not count
  const e = await join('พัชราภรณ์', 2, 'disadvantaged', '2024-01-01'); // lapsed, rejoined after a gap: does not count
  await lapse(e.membershipId, '2025-03-31');
  await rejoin(e.personId, 'disadvantaged', '2025-11-01');
  const f = await join('ศศิธร', 2, 'general', '2025-02-01'); // lapsed and rejoined the next day: unbroken, counts
  await lapse(f.membershipId, '2025-10-31');
  await rejoin(f.personId, 'general', '2025-11-01');
  const g = await join('บุญเรือน', 3, 'general', '2020-01-01'); // died during the year: does not count
  await end(g.membershipId, '2026-05-10', 'died');
  const h = await join('ประภัสสร', 3, 'elderly', '2020-01-01'); // died on 30 Sep, a member that day: counts
  await end(h.membershipId, CUTOFF, 'died');
  const i = await join('ธนพล', 3, 'general', '2020-01-01'); // resigned after the cutoff: counts
  await end(i.membershipId, '2026-10-05', 'resigned');

  // money: opening capital, contributions in two years, CODI rounds (one voided), อปท., benefits of two types
  postEntry(context, { date: '2020-01-01', kind: 'opening', description: 'ยอดยกมา', userId: null, lines: [{ accountId: chart.get('1102')!, amountSatang: 2_486_902_25 }, { accountId: chart.get('3101')!, amountSatang: -2_486_902_25 }] });
  const contribute = (date: string, membershipId: number, satang: number) =>
    postEntry(context, { date, kind: 'receipt', description: 'เงินสมทบ', userId: null, lines: [{ accountId: chart.get('1101')!, amountSatang: satang }, { accountId: chart.get('4101')!, amountSatang: -satang, membershipId }] });
  contribute('2024-12-15', a.membershipId, 360_00);
  contribute('2025-09-30', f.membershipId, 365_00);
  contribute('2025-10-01', a.membershipId, 365_00);
  contribute('2026-09-30', b.membershipId, 365_00);
  contribute('2026-10-01', b.membershipId, 30_00); // after the year
  await call('welfare.income.create', { sourceAccountId: chart.get('4103')!, moneyAccountId: chart.get('1102')!, incomeDate: '2024-07-01', amountSatang: 1_254_300_00, payerName: 'สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)', description: 'งบสมทบจากรัฐบาล รอบที่ 1', codiRound: 1, codiRoundApprovalDate: '2024-06-15' });
  await call('welfare.income.create', { sourceAccountId: chart.get('4103')!, moneyAccountId: chart.get('1102')!, incomeDate: '2026-01-10', amountSatang: 365_000_00, payerName: 'สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)', description: 'งบสมทบจากรัฐบาล รอบที่ 2', codiRound: 2, codiRoundApprovalDate: '2025-12-20' });
  const wrong = await call<{ id: number }>('welfare.income.create', { sourceAccountId: chart.get('4103')!, moneyAccountId: chart.get('1102')!, incomeDate: '2026-10-20', amountSatang: 99_000_00, payerName: 'สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)', description: 'บันทึกซ้ำ', codiRound: 3, codiRoundApprovalDate: '2026-10-15' });
  await call('welfare.income.void', { incomeId: wrong.id, voidReason: 'บันทึกซ้ำกับรอบที่ 2' });
  await call('welfare.income.create', { sourceAccountId: chart.get('4104')!, moneyAccountId: chart.get('1102')!, incomeDate: '2025-03-01', amountSatang: 300_000_00, payerName: 'องค์การบริหารส่วนตำบลหนองบัว', description: 'อบต. สมทบกองทุน' });
  const [birth, illness, elderly] = [preset.benefitTypes[0]!.code, preset.benefitTypes[1]!.code, preset.benefitTypes[2]!.code];
  const pay = (date: string, membershipId: number, code: string, satang: number) =>
    postEntry(context, { date, kind: 'payout', description: 'จ่ายสวัสดิการ', userId: null, lines: [{ accountId: chart.get('5101')!, amountSatang: satang, membershipId, benefitCode: code }, { accountId: chart.get('1102')!, amountSatang: -satang }] });
  pay('2025-05-01', a.membershipId, birth, 1_000_00);
  pay('2026-03-01', b.membershipId, birth, 1_000_00);
  pay('2026-04-01', h.membershipId, illness, 600_00);
  pay('2026-04-20', h.membershipId, illness, 400_00);

  return { app, call, refusal, sql, one, context, chart, treasurer, admin, viewer, members: { a, b, c, d, e, f, g, h, i }, pay, join, codes: { birth, illness, elderly } };
}

describe('the one-year-by-30-September count', () => {
  it('counts each edge as documented in codi-forms.ts', () => {
    const span = (personId: number, startDate: string, endDate: string | null = null, diedOn: string | null = null) => ({ personId, startDate, endDate, diedOn });
    const count = (spans: ReturnType<typeof span>[]) => countOneYearMembers(spans, CUTOFF).completedOneYear;
    expect(count([span(1, '2025-09-30')]), 'joined 30 Sep of the year before: a year exactly').toBe(1);
    expect(count([span(1, '2025-10-01')]), 'joined 1 Oct, the first day of the year: 364 days').toBe(0);
    expect(count([span(1, '2024-10-01')]), 'joined 1 Oct of the year before the last').toBe(1);
    expect(count([span(1, CUTOFF)]), 'joined on 30 Sep itself').toBe(0);
    expect(count([span(1, '2024-01-01', '2025-03-31'), span(1, '2025-11-01')]), 'lapsed, rejoined after a gap').toBe(0);
    expect(count([span(1, '2025-02-01', '2025-10-31'), span(1, '2025-11-01')]), 'lapsed, rejoined the next day').toBe(1);
    expect(count([span(1, '2020-01-01', '2026-05-10', '2026-05-10')]), 'died during the year').toBe(0);
    expect(count([span(1, '2020-01-01', CUTOFF, CUTOFF)]), 'died on 30 Sep, a member that day').toBe(1);
    expect(count([span(1, '2020-01-01', null, '2026-09-29')]), 'died the day before, membership not yet ended').toBe(0);
    expect(count([span(1, '2020-01-01', '2026-10-05')]), 'resigned after the cutoff').toBe(1);
    expect(count([span(1, '2024-02-29')]), 'joined 29 Feb: the year is complete on 28 Feb').toBe(1);
  });

  it('reads the history through the router: 5 of the 8 members on 30 September 2569 completed a year', async () => {
    const { call } = await fund();
    const form = await call<StatusForm>('welfare.codi.statusForm', { fiscalYear: FY });
    expect(form.oneYear).toMatchObject({ membersOnCutoff: 8, completedOneYear: 5 });
    const request = await call<Application>('welfare.codi.application', { fiscalYear: FY });
    expect(request.suggestion.amountSatang).toBe(5 * 365_00);
    expect(request.requestedSatang).toBe(5 * 365_00);
  });
});

describe('the status form of fiscal year 2569', () => {
  it('equals independent queries over the same books', async () => {
    const { call, one, sql } = await fund();
    const form = await call<StatusForm>('welfare.codi.statusForm', { fiscalYear: FY });
    expect(form.asOf).toBe(CUTOFF);
    const asOf = CUTOFF;
    // members: every person who ever joined by the day, and those whose membership covers it
    expect(form.members.cumulative).toBe(one<{ n: number }>('SELECT count(DISTINCT person_id) AS n FROM welfare_memberships WHERE start_date <= ?', asOf).n);
    expect(form.members.current).toBe(one<{ n: number }>('SELECT count(DISTINCT person_id) AS n FROM welfare_memberships WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?)', asOf, asOf).n);
    expect(form.members.current).toBe(8);
    expect(form.villages.total).toBe(one<{ n: number }>('SELECT count(*) AS n FROM villages').n);
    expect(form.villages.takingPart).toBe(
      one<{ n: number }>('SELECT count(DISTINCT p.village_id) AS n FROM welfare_memberships m JOIN people p ON p.id = m.person_id WHERE m.start_date <= ? AND (m.end_date IS NULL OR m.end_date >= ?) AND p.village_id IS NOT NULL', asOf, asOf).n,
    );
    // money since founding: every income and the capital brought in, as credits
    const sources = one<{ total: number }>("SELECT -sum(l.amount_satang) AS total FROM welfare_journal_lines l JOIN welfare_journal_entries e ON e.id = l.entry_id JOIN welfare_accounts a ON a.id = l.account_id WHERE a.kind IN ('income', 'equity') AND e.entry_date <= ?", asOf).total;
    expect(form.money.total).toBe(sources);
    expect(form.money.heldSatang).toBe(one<{ held: number }>("SELECT sum(l.amount_satang) AS held FROM welfare_journal_lines l JOIN welfare_journal_entries e ON e.id = l.entry_id JOIN welfare_accounts a ON a.id = l.account_id WHERE a.kind = 'asset' AND e.entry_date <= ?", asOf).held);
    const matching = form.money.rows.find((row) => row.reportLine === 'codiMatching')!;
    expect(matching.amount).toBe(1_254_300_00 + 365_000_00);
    // rounds: the records not voided, by round
    const rounds = sql<{ round: number; amount: number; approval: string }>("SELECT codi_round AS round, sum(amount_satang) AS amount, max(codi_round_approval_date) AS approval FROM welfare_income_records WHERE (voided_on IS NULL OR voided_on > ?) AND codi_round IS NOT NULL AND income_date <= ? GROUP BY codi_round ORDER BY codi_round", asOf, asOf);
    expect(form.rounds.map((round) => ({ round: round.round, amount: round.amountSatang, approval: round.approvalDate }))).toEqual(rounds);
    // the members' contributions of the year each round was approved in (FY 2567 for round 1, FY 2569 for round 2)
    const contributions = (from: string, to: string) => one<{ n: number }>("SELECT coalesce(-sum(l.amount_satang), 0) AS n FROM welfare_journal_lines l JOIN welfare_journal_entries e ON e.id = l.entry_id JOIN welfare_accounts a ON a.id = l.account_id WHERE a.report_line = 'memberContributions' AND e.entry_date BETWEEN ? AND ?", from, to).n;
    expect(form.rounds.map((round) => round.memberContributionsSatang)).toEqual([contributions('2023-10-01', '2024-09-30'), contributions('2025-10-01', '2026-09-30')]);
    // benefits by type: this fiscal year and since founding
    const benefits = sql<{ code: string; inYear: number; ever: number; personsInYear: number; personsEver: number }>(
      `SELECT l.benefit_code AS code, sum(CASE WHEN e.entry_date >= '2025-10-01' THEN l.amount_satang ELSE 0 END) AS inYear, sum(l.amount_satang) AS ever,
              count(DISTINCT CASE WHEN e.entry_date >= '2025-10-01' THEN m.person_id END) AS personsInYear, count(DISTINCT m.person_id) AS personsEver
         FROM welfare_journal_lines l JOIN welfare_journal_entries e ON e.id = l.entry_id JOIN welfare_memberships m ON m.id = l.membership_id
        WHERE l.benefit_code IS NOT NULL AND e.entry_date <= ? GROUP BY l.benefit_code ORDER BY l.benefit_code`,
      asOf,
    );
    expect(
      form.benefits.map((row) => ({ code: row.benefitCode, inYear: row.amountInPeriod, ever: row.amountSinceFounding, personsInYear: row.personsInPeriod, personsEver: row.personsSinceFounding })).sort((x, y) => x.code.localeCompare(y.code)),
    ).toEqual(benefits);
    // §10 balances, and its receipt side is what the fund received since founding
    expect(form.position.totalReceiptSide).toBe(form.position.totalPaymentSide);
    expect(form.position.totalReceiptSide).toBe(sources);
  });

  it('shows each criterion met or not with its numbers, and turns with the data and the settings', async () => {
    const { call, join, pay, members, codes, admin } = await fund();
    const criteria = async () => Object.fromEntries((await call<Application>('welfare.codi.application', { fiscalYear: FY })).criteria.map((criterion) => [criterion.key, criterion]));
    let shown = await criteria();
    expect(shown.operatingOneYear!.met).toBe(true);
    // 4 of the 8 villages have members: exactly 50 %
    expect(shown.villages).toMatchObject({ met: true, detail: { th: 'เข้าร่วม 4 จาก 8 หมู่บ้าน (ร้อยละ 50)' } });
    expect(shown.categories!.met).toBe(false);
    expect(shown.categories!.detail.th).toContain('ผู้พิการ 0 คน');
    expect(shown.accountsCurrent!.met).toBe(false);
    expect(shown.accountsCurrent!.detail.th).toContain('ยังไม่เคยปิดงวดบัญชี');
    expect(shown.benefitTypes!.met).toBe(false);
    expect(shown.benefitTypes!.detail.th).toContain('จ่ายแล้ว 2 ประเภท');

    await join('วิไลวรรณ', 0, 'disabled', '2025-01-15');
    pay('2026-06-01', members.h.membershipId, codes.elderly, 200_00);
    await call('welfare.books.lock', { lockDate: '2026-08-31' });
    shown = await criteria();
    expect(shown.categories!.met).toBe(true);
    expect(shown.benefitTypes!.met).toBe(true);
    expect(shown.accountsCurrent!.met).toBe(true);

    // a higher threshold the committee sets (DOMAIN [U]); a municipality's default is 20 % of its communities
    await call('welfare.codi.settingsSave', { localGovernmentKind: 'subdistrict', villageThresholdBasisPoints: 6000, foundedOn: null });
    shown = await criteria();
    expect(shown.villages).toMatchObject({ met: false, detail: { th: 'เข้าร่วม 4 จาก 8 หมู่บ้าน (ร้อยละ 50)' } });
    await call('welfare.codi.settingsSave', { localGovernmentKind: 'municipality', villageThresholdBasisPoints: null, foundedOn: '2026-01-01' }, admin);
    shown = await criteria();
    expect(shown.villages!.met).toBe(true);
    expect(shown.villages!.detail.th).toContain('ชุมชน');
    // founded on 1 January 2569: not a year by 30 September 2569
    expect(shown.operatingOneYear).toMatchObject({ met: false });
    expect(shown.operatingOneYear!.detail.th).toContain('ครบ 0 ปี');
  });

  it('the application: round 3 after rounds 1 and 2, อปท. of the year before, this year contributions', async () => {
    const { call } = await fund();
    const request = await call<Application>('welfare.codi.application', { fiscalYear: FY });
    expect(request.round).toBe(3);
    expect(request.localGovernmentLastYear).toBe(300_000_00);
    expect(request.memberContributionsThisYear).toBe(365_00 + 365_00);
    // a round recorded twice in fiscal year 2570 and the duplicate voided: it is not a round
    const next = await call<Application>('welfare.codi.application', { fiscalYear: FY + 1 });
    expect(next.rounds.map((round) => round.round)).toEqual([1, 2]);
    expect(next.round).toBe(3);
  });
});

describe("the committee's texts", () => {
  const LONG_NOTE = `กองทุนจัดเวทีประชาคมร่วมกับสภาองค์กรชุมชนตำบล ${'เยี่ยมผู้ป่วยติดเตียงและผู้สูงอายุที่อยู่ลำพังในทุกหมู่บ้าน '.repeat(60)}`.slice(0, 2000);

  it('are kept per fiscal year, each save audited; the year after starts empty', async () => {
    const { call, one } = await fund();
    const audits = one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE entity = 'codiTexts'").n;
    const plans = [{ plan: 'รับสมาชิกเด็กและเยาวชน', method: 'ประชาสัมพันธ์ผ่านโรงเรียน', result: 'สมาชิกใหม่ 312 คน' }];
    const committee = [{ name: 'นางกัญญ์ณัฏฐ์ ศรีสุวรรณ์', position: 'ประธาน', citizenId: '3-4099-00123-45-1', phone: '081-234-5678' }];
    await call('welfare.codi.textsSave', { fiscalYear: FY, sections: { activities: LONG_NOTE, plans, committee, requestedAmount: 2_000_000_00 } });
    const texts = await call<{ activities: string; plans: unknown[]; committee: { name: string; communityRole: string }[]; problems: string; requestedAmount: number }>('welfare.codi.texts', { fiscalYear: FY });
    expect(texts.activities).toBe(LONG_NOTE);
    expect(texts.activities.length).toBe(2000);
    expect(texts.plans).toEqual(plans);
    expect(texts.committee[0]).toMatchObject({ name: 'นางกัญญ์ณัฏฐ์ ศรีสุวรรณ์', communityRole: '' });
    expect(texts.problems).toBe('');
    expect(texts.requestedAmount).toBe(2_000_000_00);
    const request = await call<Application>('welfare.codi.application', { fiscalYear: FY });
    expect(request.requestedSatang).toBe(2_000_000_00);
    // saved again: replaced, and audited with what it was
    await call('welfare.codi.textsSave', { fiscalYear: FY, sections: { activities: 'ประชุมใหญ่ปีละ 2 ครั้ง' } });
    const last = one<{ before: string; after: string; entityId: string }>("SELECT before, after, entity_id AS entityId FROM audit_log WHERE entity = 'codiTexts' ORDER BY id DESC LIMIT 1");
    expect(last.entityId).toBe('2569');
    expect(JSON.parse(last.before)).toEqual({ activities: LONG_NOTE });
    expect(JSON.parse(last.after)).toEqual({ activities: 'ประชุมใหญ่ปีละ 2 ครั้ง' });
    expect(one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE entity = 'codiTexts'").n).toBe(audits + 2);
    const nextYear = await call<{ activities: string; plans: unknown[] }>('welfare.codi.texts', { fiscalYear: FY + 1 });
    expect(nextYear).toMatchObject({ activities: '', plans: [] });
  });

  it('bad input is refused in Thai naming what is wrong, and nothing is written', async () => {
    const { app, refusal, viewer, one } = await fund();
    const before = auditCount(app);
    const rows = () => one<{ n: number }>('SELECT count(*) AS n FROM welfare_codi_year_texts').n;
    const ce = await refusal('welfare.codi.textsSave', { fiscalYear: 2026, sections: { problems: 'น้ำท่วม' } });
    expect(ce.messageTh).toContain('ปีงบประมาณเป็น ค.ศ. แต่ต้องเป็น พ.ศ.');
    expect(ce.field).toBe('fiscalYear');
    const unknown = await refusal('welfare.codi.textsSave', { fiscalYear: FY, sections: { problems: 'น้ำท่วม', budget: 'x' } });
    expect(unknown.messageTh).toBe('ไม่มีหัวข้อ "budget" ในแบบฟอร์ม พอช.');
    const tooLong = await refusal('welfare.codi.textsSave', { fiscalYear: FY, sections: { problems: 'ก'.repeat(4001) } });
    expect(tooLong.messageTh).toContain('ข้อ 14 ปัญหาและอุปสรรค: ข้อความยาวได้ไม่เกิน 4,000 ตัวอักษร');
    const noName = await refusal('welfare.codi.textsSave', { fiscalYear: FY, sections: { committee: [{ name: '', position: 'ประธาน' }] } });
    expect(noName.messageTh).toContain('ต้องกรอกชื่อ-นามสกุลกรรมการ');
    const readCe = await refusal('welfare.codi.statusForm', { fiscalYear: 2026 });
    expect(readCe.messageTh).toContain('ค.ศ.');
    await refusal('welfare.codi.textsSave', { fiscalYear: FY, sections: { problems: 'น้ำท่วม' } }, viewer);
    expect(rows()).toBe(0);
    expect(auditCount(app)).toBe(before);
  });
});

describe('printed and exported', () => {
  it('the status form and the application print the figures the screen shows; the xlsx holds them', async () => {
    const { call, one } = await fund();
    await call('welfare.codi.textsSave', { fiscalYear: FY, sections: { committee: [{ name: 'นางกัญญ์ณัฏฐ์ ศรีสุวรรณ์', position: 'ประธาน' }], problems: 'สมาชิกบางส่วนไปทำงานต่างจังหวัด' } });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-codi-'));
    try {
      const form = await call<StatusForm>('welfare.codi.statusForm', { fiscalYear: FY });
      const printed = await call<{ pdfBase64: string; pages: number }>('welfare.codi.statusFormPrint', { fiscalYear: FY });
      const file = path.join(dir, 'status.pdf');
      fs.writeFileSync(file, Buffer.from(printed.pdfBase64, 'base64'));
      let text = '';
      for (let page = 1; page <= printed.pages; page++) text += comparable(await pdfText(file, page));
      for (const expected of ['แบบแสดงสถานะกองทุนสวัสดิการชุมชน', 'ปีงบประมาณ2569', `สมาชิกปัจจุบัน(หักผู้เสียชีวิตลาออกและพ้นสภาพ)${form.members.current}คน`, '1,619,300.00', 'รวมยอดบัญชีรายรับ', 'สมาชิกบางส่วนไปทำงานต่างจังหวัด', 'นางกัญญ์ณัฏฐ์ศรีสุวรรณ์']) {
        expect(text, expected).toContain(comparable(expected));
      }
      const request = await call<{ pdfBase64: string; pages: number }>('welfare.codi.applicationPrint', { fiscalYear: FY });
      const requestFile = path.join(dir, 'request.pdf');
      fs.writeFileSync(requestFile, Buffer.from(request.pdfBase64, 'base64'));
      let requestText = '';
      for (let page = 1; page <= request.pages; page++) requestText += comparable(await pdfText(requestFile, page));
      for (const expected of ['แบบเสนอเพื่อรับการสนับสนุนกองทุนสวัสดิการชุมชน', 'ตามโครงการสนับสนุนการจัดสวัสดิการชุมชนปีงบประมาณ2569', 'รอบที่3', '1,825.00บาท', 'ไม่ผ่าน']) {
        expect(requestText, expected).toContain(comparable(expected));
      }
      expect(one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE entity = 'print' AND after LIKE '%welfare-status-form%'").n).toBe(1);
      const exported = await call<{ fileName: string; contentBase64: string; rows: number }>('welfare.codi.export', { fiscalYear: FY });
      expect(exported.fileName).toBe('แบบฟอร์ม-พอช-2569.xlsx');
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(exported.contentBase64, 'base64') as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const values = new Map<string, unknown>();
      sheet.eachRow((row) => values.set(String(row.getCell(2).value), row.getCell(3).value));
      expect(values.get('สมาชิกปัจจุบัน')).toBe(form.members.current);
      expect(values.get('รวมยอดบัญชีรายรับ')).toBe(form.position.totalReceiptSide / 100);
      expect(values.get('ขอรับการสนับสนุนรอบที่')).toBe(3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
