import { describe, expect, it } from 'vitest';
import { type ClaimInput, type ClaimMember, judgeClaim, type PaidClaim } from '../../main/welfare/claims';
import {
  benefitCategories,
  diffVersions,
  parseRegulationVersion,
  presetBenefitTypes,
  presetMemberCategories,
  presetRegulationVersion,
  type RegulationVersion,
  versionInForce,
} from '../../main/welfare/regulation';

const baht = (amount: number) => Math.round(amount * 100);

/** นางกัญญ์ณัฏฐ์ ศรีสุวรรณ์: a member since 1 Jan 2020, active, all evidence at hand unless a test says otherwise. */
function member(overrides: Partial<ClaimMember> = {}): ClaimMember {
  return { birthDate: '1968-07-14', sex: 'F', category: 'general', membershipStart: '2020-01-01', statusOnEventDate: 'active', membershipEnd: null, ...overrides };
}

const allEvidence = (code: string, version: RegulationVersion = presetRegulationVersion('2000-01-01')) =>
  version.benefitTypes.find((benefit) => benefit.code === code)?.evidence.map((item) => item.code) ?? [];

function judge(overrides: {
  versions?: RegulationVersion[];
  member?: Partial<ClaimMember>;
  history?: PaidClaim[];
  claim: Partial<ClaimInput['claim']> & { benefitCode: string; eventDate: string };
  accountingYear?: ClaimInput['accountingYear'];
}) {
  const versions = overrides.versions ?? [presetRegulationVersion('2000-01-01')];
  return judgeClaim({
    versions,
    member: member(overrides.member),
    history: overrides.history ?? [],
    claim: { evidenceProvided: allEvidence(overrides.claim.benefitCode, versions[0]), ...overrides.claim },
    accountingYear: overrides.accountingYear ?? 'fiscal',
  });
}

const text = (result: { lines: { th: string }[] }) => result.lines.map((line) => line.th).join('\n');
const textEn = (result: { lines: { en: string }[] }) => result.lines.map((line) => line.en).join('\n');

describe('the examples of issue 9, word for word', () => {
  it('"เป็นสมาชิก 120 วัน ต้องครบ 180 วัน": a hospital stay 120 days after joining is refused for the waiting period', () => {
    const result = judge({ member: { membershipStart: '2025-01-01' }, claim: { benefitCode: 'hospital', eventDate: '2025-05-01', units: 2 } });
    expect(result.decision).toBe('refuse');
    expect(result.amountSatang).toBe(0);
    expect(result.refusals.map((r) => r.th)).toContain('เป็นสมาชิก 120 วัน ต้องครบ 180 วัน (ขาดอีก 60 วัน)');
    expect(result.refusals[0]!.field).toBe('claim.eventDate');
    expect(result.refusals[0]!.en).toBe('Member for 120 days; 180 days are required (60 days short)');
  });

  it('"ค่านอนโรงพยาบาล 200 บาท × 5 คืน = 1,000 บาท เกินเพดานต่อครั้ง 600 บาท จ่าย 600 บาท"', () => {
    const result = judge({ claim: { benefitCode: 'hospital', eventDate: '2025-11-03', units: 5 } });
    expect(text(result)).toContain('ค่านอนโรงพยาบาล 200 บาท × 5 คืน = 1,000 บาท เกินเพดานต่อครั้ง 600 บาท จ่าย 600 บาท');
    expect(textEn(result)).toContain('Hospital stay 200 baht × 5 nights = 1,000 baht, above the cap per claim of 600 baht: pays 600 baht');
    expect(result).toMatchObject({ decision: 'pay', amountSatang: baht(600), version: '2000-01-01', refusals: [] });
  });

  it('"ได้รับแล้วในปีนี้ 800 บาท เหลือสิทธิ์ 200 บาท": a third stay in the year is cut to what is left of the 1,000 baht cap', () => {
    const history: PaidClaim[] = [
      { benefitCode: 'hospital', eventDate: '2025-10-20', amountSatang: baht(600), units: 3 },
      { benefitCode: 'hospital', eventDate: '2026-01-12', amountSatang: baht(200), units: 1 },
    ];
    const result = judge({ history, claim: { benefitCode: 'hospital', eventDate: '2026-03-02', units: 3 } });
    expect(text(result)).toContain('ได้รับแล้วในปีนี้ 800 บาท เหลือสิทธิ์ 200 บาท');
    expect(text(result)).toContain('ค่านอนโรงพยาบาล 200 บาท × 3 คืน = 600 บาท');
    expect(text(result)).toContain('ขอรับ 600 บาท เกินสิทธิ์ที่เหลือ จ่าย 200 บาท');
    expect(text(result)).toContain('ปีบัญชีของเหตุการณ์: ปีงบประมาณ 2569 (1 ตุลาคม 2568 – 30 กันยายน 2569)');
    expect(result).toMatchObject({ decision: 'pay', amountSatang: baht(200) });
    expect(text(result).split('\n').at(-1)).toBe('สรุป: จ่าย 200 บาท');
  });
});

describe('the waiting period, in days of membership on the event date', () => {
  // joined 1 Jan 2025: 30 Jun 2025 is 180 days later; the day of joining is day 0, as with an age
  it('day 179 is refused, day 180 is paid', () => {
    const early = judge({ member: { membershipStart: '2025-01-01' }, claim: { benefitCode: 'hospital', eventDate: '2025-06-29', units: 1 } });
    expect(early.decision).toBe('refuse');
    expect(early.refusals.map((r) => r.th)).toEqual(['เป็นสมาชิก 179 วัน ต้องครบ 180 วัน (ขาดอีก 1 วัน)']);
    const onTime = judge({ member: { membershipStart: '2025-01-01' }, claim: { benefitCode: 'hospital', eventDate: '2025-06-30', units: 1 } });
    expect(onTime).toMatchObject({ decision: 'pay', amountSatang: baht(200) });
    expect(text(onTime)).toContain('เป็นสมาชิก 180 วัน ครบระยะรอสิทธิ์ 180 วันแล้ว');
  });

  it('a 365-day wait across a leap year: 365 days, not one calendar year', () => {
    // 2024 is a leap year: 1 Mar 2023 + 365 days = 29 Feb 2024
    const refused = judge({ member: { membershipStart: '2023-03-01' }, claim: { benefitCode: 'birth', eventDate: '2024-02-28' } });
    expect(refused.refusals[0]!.th).toBe('เป็นสมาชิก 364 วัน ต้องครบ 365 วัน (ขาดอีก 1 วัน)');
    expect(judge({ member: { membershipStart: '2023-03-01' }, claim: { benefitCode: 'birth', eventDate: '2024-02-29' } }).amountSatang).toBe(baht(1_000));
  });

  it('a rejoined member starts a new wait from the new membership', () => {
    const result = judge({ member: { membershipStart: '2025-09-01' }, history: [{ benefitCode: 'hospital', eventDate: '2023-05-01', amountSatang: baht(400) }], claim: { benefitCode: 'hospital', eventDate: '2025-10-15', units: 2 } });
    expect(result.refusals[0]!.th).toBe('เป็นสมาชิก 44 วัน ต้องครบ 180 วัน (ขาดอีก 136 วัน)');
  });
});

describe('death benefit: tiers by whole years of membership', () => {
  // joined 15 Mar 2010; tiers 0 → 3,000, 1 → 5,000, 3 → 10,000, 5 → 15,000, 10 → 20,000, 15 → 30,000 (examples)
  const cases: [string, number, string][] = [
    ['2010-09-11', 3_000, 'เป็นสมาชิกยังไม่ครบ 1 ปี ตรงกับขั้น 0 ปีขึ้นไป จ่าย 3,000 บาท'],
    ['2011-03-14', 3_000, 'เป็นสมาชิกยังไม่ครบ 1 ปี'],
    ['2011-03-15', 5_000, 'เป็นสมาชิกครบ 1 ปี ตรงกับขั้น 1 ปีขึ้นไป จ่าย 5,000 บาท'],
    ['2013-03-14', 5_000, 'เป็นสมาชิกครบ 2 ปี ตรงกับขั้น 1 ปีขึ้นไป'],
    ['2013-03-15', 10_000, 'เป็นสมาชิกครบ 3 ปี ตรงกับขั้น 3 ปีขึ้นไป'],
    ['2015-03-14', 10_000, 'เป็นสมาชิกครบ 4 ปี ตรงกับขั้น 3 ปีขึ้นไป'],
    ['2015-03-15', 15_000, 'เป็นสมาชิกครบ 5 ปี ตรงกับขั้น 5 ปีขึ้นไป'],
    ['2020-03-14', 15_000, 'เป็นสมาชิกครบ 9 ปี'],
    ['2020-03-15', 20_000, 'เป็นสมาชิกครบ 10 ปี ตรงกับขั้น 10 ปีขึ้นไป'],
    ['2025-03-14', 20_000, 'เป็นสมาชิกครบ 14 ปี'],
    ['2025-03-15', 30_000, 'เป็นสมาชิกครบ 15 ปี ตรงกับขั้น 15 ปีขึ้นไป จ่าย 30,000 บาท'],
    ['2041-06-01', 30_000, 'เป็นสมาชิกครบ 31 ปี'],
  ];
  for (const [eventDate, amount, line] of cases) {
    it(`died ${eventDate} → ${amount.toLocaleString('en')} baht`, () => {
      const result = judge({ member: { membershipStart: '2010-03-15', statusOnEventDate: 'died', membershipEnd: eventDate }, claim: { benefitCode: 'death', eventDate } });
      expect(result.refusals).toEqual([]);
      expect(result.amountSatang).toBe(baht(amount));
      expect(text(result)).toContain(line);
    });
  }

  it('a member who joined on 29 Feb completes the year on 28 Feb of a year without one', () => {
    const died = (eventDate: string) => judge({ member: { membershipStart: '2024-02-29', statusOnEventDate: 'died', membershipEnd: eventDate }, claim: { benefitCode: 'death', eventDate } });
    expect(died('2025-02-27').amountSatang).toBe(baht(3_000));
    expect(died('2025-02-28').amountSatang).toBe(baht(5_000));
    expect(text(died('2025-02-28'))).toContain('เป็นสมาชิก 365 วัน ครบระยะรอสิทธิ์ 180 วันแล้ว');
  });

  it('is paid once: a second death claim for the same member is refused, naming the first', () => {
    const history: PaidClaim[] = [{ benefitCode: 'death', eventDate: '2024-08-09', amountSatang: baht(15_000) }];
    const result = judge({ member: { statusOnEventDate: 'died', membershipEnd: '2024-08-09' }, history, claim: { benefitCode: 'death', eventDate: '2024-08-09' } });
    expect(result.decision).toBe('refuse');
    expect(result.refusals).toEqual([
      {
        field: 'claim.benefitCode',
        th: 'สวัสดิการเสียชีวิตได้ครั้งเดียว จ่ายไปแล้วสำหรับเหตุการณ์วันที่ 9 สิงหาคม 2567 (15,000 บาท)',
        en: 'Death is paid once only; it was paid for the event on 9 August 2024 (15,000 baht)',
      },
    ]);
  });

  it('a member who died is still paid the death benefit, but a hospital stay after the death is refused', () => {
    const died = { statusOnEventDate: 'died' as const, membershipEnd: '2024-08-09' };
    expect(judge({ member: died, claim: { benefitCode: 'death', eventDate: '2024-08-09' } }).decision).toBe('pay');
    const stay = judge({ member: died, claim: { benefitCode: 'hospital', eventDate: '2024-08-12', units: 1 } });
    expect(stay.refusals.map((r) => r.th)).toEqual([
      'สถานะในวันที่เกิดเหตุ (12 สิงหาคม 2567): เสียชีวิตแล้ว จึงไม่มีสิทธิ์รับสวัสดิการ',
      'สมาชิกภาพสิ้นสุดวันที่ 9 สิงหาคม 2567 เหตุการณ์วันที่ 12 สิงหาคม 2567 เกิดหลังจากนั้น',
    ]);
  });
});

describe('the regulation version in force on the event date', () => {
  const first = presetRegulationVersion('2024-01-01');
  const second = presetRegulationVersion('2026-01-01');
  const hospital = second.benefitTypes.find((b) => b.code === 'hospital')!;
  hospital.payment = { kind: 'perDay', rateSatang: baht(300), unit: 'night', maxPerClaimSatang: baht(900) };
  second.benefitTypes.push({
    code: 'dental',
    name: { th: 'ทำฟัน', en: 'Dental care' },
    category: 'illness',
    waitingDays: 90,
    eligibility: {},
    payment: { kind: 'fixed', amountSatang: baht(300) },
    frequency: 'perYear',
    evidence: [],
  });

  it('a stay on 28 Dec 2025 entered after the new version took effect is judged by the old one (200 a night)', () => {
    const result = judge({ versions: [second, first], claim: { benefitCode: 'hospital', eventDate: '2025-12-28', units: 2 } });
    expect(result.version).toBe('2024-01-01');
    expect(result.amountSatang).toBe(baht(400));
    expect(text(result)).toContain('พิจารณาตามระเบียบฉบับที่มีผลตั้งแต่ 1 มกราคม 2567 ซึ่งใช้บังคับในวันที่เกิดเหตุ 28 ธันวาคม 2568');
  });

  it('a stay on the new version\'s first day is judged by the new one (300 a night, 900 a claim)', () => {
    const result = judge({ versions: [first, second], claim: { benefitCode: 'hospital', eventDate: '2026-01-01', units: 4 } });
    expect(result.version).toBe('2026-01-01');
    expect(text(result)).toContain('ค่านอนโรงพยาบาล 300 บาท × 4 คืน = 1,200 บาท เกินเพดานต่อครั้ง 900 บาท จ่าย 900 บาท');
  });

  it('a benefit added in the new version is refused for an event before it, by its name', () => {
    const result = judge({ versions: [first, second], claim: { benefitCode: 'dental', eventDate: '2025-12-31', evidenceProvided: [] } });
    expect(result.refusals).toEqual([
      { field: 'claim.benefitCode', th: 'ระเบียบฉบับที่มีผลตั้งแต่ 1 มกราคม 2567 ไม่มีสวัสดิการ "ทำฟัน"', en: 'The regulation in force from 1 January 2024 has no benefit "Dental care"' },
    ]);
  });

  it('an event before the first version is refused with both dates', () => {
    const choice = versionInForce([second, first], '2023-12-31');
    expect(choice).toEqual({
      ok: false,
      field: 'claim.eventDate',
      th: 'ระเบียบฉบับแรกมีผลตั้งแต่ 1 มกราคม 2567 เหตุการณ์วันที่ 31 ธันวาคม 2566 เกิดก่อน จึงไม่มีระเบียบที่ใช้พิจารณาได้',
      en: 'The first regulation takes effect on 1 January 2024; the event on 31 December 2023 happened before it, so no regulation applies',
    });
    const result = judge({ versions: [second, first], claim: { benefitCode: 'hospital', eventDate: '2023-12-31', units: 1 } });
    expect(result).toMatchObject({ decision: 'refuse', version: null, amountSatang: 0 });
    expect(versionInForce([], '2025-01-01')).toMatchObject({ ok: false, field: 'versions', th: 'กองทุนยังไม่มีระเบียบ กรุณาบันทึกระเบียบกองทุนก่อนพิจารณาคำขอ' });
  });

  it('shows the two versions side by side: what changed, what was added', () => {
    const diff = diffVersions(first, second);
    expect(diff).toHaveLength(17);
    expect(diff.find((d) => d.code === 'birth')).toMatchObject({ change: 'unchanged', fields: [] });
    expect(diff.find((d) => d.code === 'hospital')).toEqual({
      code: 'hospital',
      name: { th: 'นอนโรงพยาบาล', en: 'Hospital stay' },
      change: 'changed',
      fields: [
        { field: 'payment.rateSatang', label: { th: 'อัตราต่อวัน/คืน', en: 'Rate per day or night' }, from: { th: '200 บาท', en: '200 baht' }, to: { th: '300 บาท', en: '300 baht' } },
        { field: 'payment.maxPerClaimSatang', label: { th: 'เพดานต่อครั้ง', en: 'Cap per claim' }, from: { th: '600 บาท', en: '600 baht' }, to: { th: '900 บาท', en: '900 baht' } },
      ],
    });
    const added = diff.at(-1)!;
    expect(added).toMatchObject({ code: 'dental', change: 'added' });
    expect(added.fields.find((f) => f.field === 'waitingDays')).toEqual({ field: 'waitingDays', label: { th: 'ระยะเวลารอสิทธิ์', en: 'Waiting period' }, from: { th: 'ไม่กำหนด', en: 'none' }, to: { th: '90 วัน', en: '90 days' } });
    expect(diffVersions(second, first).find((d) => d.code === 'dental')!.change).toBe('removed');
  });
});

describe('caps per accounting year', () => {
  // the 1,000 baht hospital cap was used up in fiscal year 2568 (ending 30 Sep 2025)
  const history: PaidClaim[] = [
    { benefitCode: 'hospital', eventDate: '2025-09-10', amountSatang: baht(400), units: 2 },
    { benefitCode: 'hospital', eventDate: '2025-09-30', amountSatang: baht(600), units: 3 },
  ];

  it('fiscal year: 30 Sep 2025 is in the spent year, 1 Oct 2025 starts a new one', () => {
    const lastDay = judge({ history, claim: { benefitCode: 'hospital', eventDate: '2025-09-29', units: 1 } });
    expect(lastDay.decision).toBe('refuse');
    expect(lastDay.refusals.map((r) => r.th)).toEqual(['ได้รับแล้วในปีนี้ 1,000 บาท ครบเพดานต่อปี 1,000 บาท แล้ว']);
    expect(text(lastDay)).toContain('ปีงบประมาณ 2568 (1 ตุลาคม 2567 – 30 กันยายน 2568)');
    const firstDay = judge({ history, claim: { benefitCode: 'hospital', eventDate: '2025-10-01', units: 2 } });
    expect(firstDay).toMatchObject({ decision: 'pay', amountSatang: baht(400) });
    expect(text(firstDay)).toContain('ได้รับแล้วในปีนี้ 0 บาท เหลือสิทธิ์ 1,000 บาท');
  });

  it('calendar year: 1 Oct 2025 is still in 2025 (refused); 1 Jan 2026 starts a new one', () => {
    const october = judge({ history, accountingYear: 'calendar', claim: { benefitCode: 'hospital', eventDate: '2025-10-01', units: 2 } });
    expect(october.refusals.map((r) => r.th)).toEqual(['ได้รับแล้วในปีนี้ 1,000 บาท ครบเพดานต่อปี 1,000 บาท แล้ว']);
    expect(text(october)).toContain('ปีบัญชีของเหตุการณ์: ปี พ.ศ. 2568');
    const january = judge({ history, accountingYear: 'calendar', claim: { benefitCode: 'hospital', eventDate: '2026-01-01', units: 2 } });
    expect(january).toMatchObject({ decision: 'pay', amountSatang: baht(400) });
  });

  it('the old-age benefit is paid once a fiscal year, from 60 years of age and 3 years of membership', () => {
    const paid: PaidClaim[] = [{ benefitCode: 'elderly', eventDate: '2025-10-01', amountSatang: baht(200) }];
    const old = { birthDate: '1955-02-03', membershipStart: '2019-06-01' };
    const again = judge({ member: old, history: paid, claim: { benefitCode: 'elderly', eventDate: '2026-09-30' } });
    expect(again.refusals.map((r) => r.th)).toEqual(['ได้รับแล้วในปีนี้ 1 ครั้ง ครบสิทธิ์ 1 ครั้งต่อปีแล้ว']);
    const nextYear = judge({ member: old, history: paid, claim: { benefitCode: 'elderly', eventDate: '2026-10-01' } });
    expect(nextYear).toMatchObject({ decision: 'pay', amountSatang: baht(200) });
    expect(text(nextYear)).toContain('อายุ 71 ปีในวันที่เกิดเหตุ ตามเกณฑ์อายุตั้งแต่ 60 ปีขึ้นไป');
    expect(text(nextYear)).toContain('เป็นสมาชิกครบ 7 ปี ตามเกณฑ์อย่างน้อย 3 ปี');
    expect(text(nextYear)).toContain('เป็นสมาชิก 2,679 วัน ครบระยะรอสิทธิ์ 365 วันแล้ว');
    expect(text(nextYear)).toContain('ปีนี้ยังไม่เคยได้รับ (สิทธิ์ 1 ครั้งต่อปี)');

    // ปุณณ์ญาดา: 59 on the event date, member for 2 years, no birth date → each rule named
    const young = judge({ member: { birthDate: '1966-05-20', membershipStart: '2023-06-01' }, claim: { benefitCode: 'elderly', eventDate: '2025-12-01' } });
    expect(young.refusals).toEqual([
      { field: 'claim.eventDate', th: 'เป็นสมาชิกครบ 2 ปี ต้องเป็นสมาชิกอย่างน้อย 3 ปี', en: 'Member for 2 full years; at least 3 years of membership are required' },
      { field: 'member.birthDate', th: 'อายุ 59 ปีในวันที่เกิดเหตุ สวัสดิการนี้สำหรับผู้อายุตั้งแต่ 60 ปีขึ้นไป', en: 'Aged 59 on the event date; this benefit is for members aged 60 or over' },
    ]);
    const noBirthDate = judge({ member: { birthDate: null }, claim: { benefitCode: 'elderly', eventDate: '2025-12-01' } });
    expect(noBirthDate.refusals).toEqual([
      { field: 'member.birthDate', th: 'สวัสดิการนี้สำหรับผู้อายุตั้งแต่ 60 ปีขึ้นไป แต่ไม่มีวันเกิดของสมาชิก จึงตรวจอายุไม่ได้ กรุณาบันทึกวันเกิดก่อน', en: 'This benefit is for members aged 60 or over, but the member has no birth date; enter it first' },
    ]);
  });
});

describe('refusals a treasurer meets', () => {
  it('a lapsed member is refused, whatever else is in order', () => {
    const result = judge({ member: { statusOnEventDate: 'lapsed', membershipEnd: '2025-08-31' }, claim: { benefitCode: 'hospital', eventDate: '2025-08-15', units: 2 } });
    expect(result.refusals).toEqual([
      {
        field: 'member.statusOnEventDate',
        th: 'สถานะในวันที่เกิดเหตุ (15 สิงหาคม 2568): ขาดจากสมาชิกภาพเพราะค้างส่งเงินสมทบ จึงไม่มีสิทธิ์รับสวัสดิการ',
        en: 'Status on the event date (15 August 2025): lapsed for unpaid contributions, so no benefit is due',
      },
    ]);
    expect(result).toMatchObject({ decision: 'refuse', amountSatang: 0 });
  });

  it('an event before the membership began is refused with both dates', () => {
    const result = judge({ member: { membershipStart: '2025-03-01' }, claim: { benefitCode: 'birth', eventDate: '2025-02-28' } });
    expect(result.refusals).toEqual([
      { field: 'claim.eventDate', th: 'เหตุการณ์วันที่ 28 กุมภาพันธ์ 2568 เกิดก่อนเป็นสมาชิก (เริ่มเป็นสมาชิกวันที่ 1 มีนาคม 2568)', en: 'The event on 28 February 2025 happened before the membership began (member since 1 March 2025)' },
    ]);
  });

  it('missing evidence is refused naming each missing item', () => {
    const result = judge({ claim: { benefitCode: 'death', eventDate: '2025-04-02', evidenceProvided: [] }, member: { statusOnEventDate: 'died' } });
    expect(result.refusals).toEqual([
      { field: 'claim.evidenceProvided', th: 'ขาดหลักฐาน: สำเนาใบมรณบัตร', en: 'Missing evidence: Copy of the death certificate' },
      { field: 'claim.evidenceProvided', th: 'ขาดหลักฐาน: สำเนาบัตรประจำตัวประชาชนของผู้รับผลประโยชน์', en: "Missing evidence: Copy of the beneficiary's ID card" },
    ]);
    const oneTicked = judge({ claim: { benefitCode: 'death', eventDate: '2025-04-02', evidenceProvided: ['death-certificate'] }, member: { statusOnEventDate: 'died' } });
    expect(oneTicked.refusals.map((r) => r.th)).toEqual(['ขาดหลักฐาน: สำเนาบัตรประจำตัวประชาชนของผู้รับผลประโยชน์']);
  });

  it('every failing rule is listed at once, and the result says how many', () => {
    const result = judge({ member: { statusOnEventDate: 'resigned', membershipStart: '2025-05-01' }, claim: { benefitCode: 'hospital', eventDate: '2025-06-01', evidenceProvided: [] } });
    expect(result.refusals.map((r) => r.field)).toEqual(['member.statusOnEventDate', 'claim.eventDate', 'claim.units', 'claim.evidenceProvided', 'claim.evidenceProvided']);
    expect(result.lines.at(-1)).toEqual({ th: 'สรุป: ไม่อนุมัติ (5 เหตุผล)', en: 'Result: refused (5 reasons)' });
  });

  it('a hospital stay entered twice for the same day is refused the second time', () => {
    const result = judge({ history: [{ benefitCode: 'hospital', eventDate: '2025-07-07', amountSatang: baht(400), units: 2 }], claim: { benefitCode: 'hospital', eventDate: '2025-07-07', units: 2 } });
    expect(result.refusals.map((r) => r.th)).toEqual(['จ่ายสวัสดิการนอนโรงพยาบาลสำหรับเหตุการณ์วันที่ 7 กรกฎาคม 2568 ไปแล้ว (400 บาท)']);
  });

  it('sex and member category rules name what the benefit needs and what the member is', () => {
    const version = presetRegulationVersion('2000-01-01');
    version.benefitTypes.push({
      code: 'pregnancy-check',
      name: { th: 'ตรวจครรภ์', en: 'Pregnancy check' },
      category: 'other',
      waitingDays: 0,
      eligibility: { sex: 'F', memberCategories: ['disadvantaged', 'orphan'], maxAge: 45 },
      payment: { kind: 'perDay', rateSatang: 15_050, unit: 'day', maxUnitsPerClaim: 3 },
      frequency: 'perEvent',
      evidence: [],
    });
    const man = judge({ versions: [version], member: { sex: 'M', birthDate: '1990-01-01' }, claim: { benefitCode: 'pregnancy-check', eventDate: '2025-05-05', units: 2 } });
    expect(man.refusals.map((r) => r.th)).toEqual([
      'สวัสดิการนี้สำหรับสมาชิกเพศหญิง สมาชิกเป็นเพศชาย',
      'สมาชิกประเภทบุคคลทั่วไป ไม่อยู่ในเกณฑ์ สวัสดิการนี้สำหรับสมาชิกประเภท ผู้ด้อยโอกาส, กำพร้า',
    ]);
    // amounts with satang are shown with them; days above the most per claim are cut first
    const woman = judge({ versions: [version], member: { sex: 'F', birthDate: '1990-01-01', category: 'orphan' }, claim: { benefitCode: 'pregnancy-check', eventDate: '2025-05-05', units: 5 } });
    expect(woman).toMatchObject({ decision: 'pay', amountSatang: 45_150 });
    expect(text(woman)).toContain('ขอ 5 วัน ระเบียบให้ไม่เกิน 3 วันต่อครั้ง คิด 3 วัน');
    expect(text(woman)).toContain('ค่าตรวจครรภ์ 150.50 บาท × 3 วัน = 451.50 บาท');
    expect(text(woman)).toContain('สวัสดิการนี้ไม่มีระยะรอสิทธิ์');
  });
});

describe('the regulation as data', () => {
  it('the presets cover the 16 categories of the status form and pass their own validation', () => {
    expect(new Set(presetBenefitTypes.map((b) => b.category))).toEqual(new Set(benefitCategories.map((c) => c.code)));
    const parsed = parseRegulationVersion(presetRegulationVersion('2025-10-01'));
    expect(parsed.ok).toBe(true);
  });

  function withBenefit(change: (benefit: Record<string, unknown>) => void): unknown {
    const version = JSON.parse(JSON.stringify(presetRegulationVersion('2025-10-01'))) as { benefitTypes: Record<string, unknown>[] };
    change(version.benefitTypes.find((b) => b.code === 'death') ?? version.benefitTypes[0]!);
    return version;
  }
  const problemsOf = (input: unknown) => {
    const parsed = parseRegulationVersion(input);
    if (parsed.ok) throw new Error('expected problems');
    return parsed.problems;
  };

  it('tiers must start at 0 years and go up', () => {
    const problems = problemsOf(
      withBenefit((b) => {
        b.payment = { kind: 'tiers', tiers: [{ fromYears: 1, amountSatang: 300_000 }, { fromYears: 5, amountSatang: 1_000_000 }, { fromYears: 5, amountSatang: 1_500_000 }] };
      }),
    );
    expect(problems).toEqual([
      { field: 'benefitTypes.3.payment.tiers.0.fromYears', th: 'สวัสดิการข้อ 4 "เสียชีวิต": ขั้นแรกของตารางต้องเริ่มที่ 0 ปี (ตอนนี้เริ่มที่ 1 ปี)', en: 'Benefit 4 "Death": The first tier must start at 0 years (it starts at 1)' },
      {
        field: 'benefitTypes.3.payment.tiers.2.fromYears',
        th: 'สวัสดิการข้อ 4 "เสียชีวิต": ขั้นที่ 3 (5 ปี) ต้องมากกว่าขั้นก่อนหน้า (5 ปี) เรียงจากน้อยไปมาก',
        en: 'Benefit 4 "Death": Tier 3 (5 years) must come after tier 2 (5 years), in ascending order',
      },
    ]);
  });

  it('money must be whole satang above zero; waiting days not negative', () => {
    const problems = problemsOf(
      withBenefit((b) => {
        b.waitingDays = -1;
        b.maxPerYearSatang = 100.5;
        b.payment = { kind: 'fixed', amountSatang: 0 };
      }),
    );
    expect(problems.map((p) => [p.field, p.th])).toEqual([
      ['benefitTypes.3.waitingDays', 'สวัสดิการข้อ 4 "เสียชีวิต": ระยะเวลารอสิทธิ์ต้องไม่น้อยกว่า 0 วัน'],
      ['benefitTypes.3.payment.amountSatang', 'สวัสดิการข้อ 4 "เสียชีวิต": จำนวนเงินที่จ่ายต้องมากกว่า 0 บาท'],
      ['benefitTypes.3.maxPerYearSatang', 'สวัสดิการข้อ 4 "เสียชีวิต": เพดานต่อปีต้องเป็นจำนวนเต็มสตางค์ (ไม่มีเศษของสตางค์)'],
    ]);
  });

  it('duplicate codes, a missing name, an unknown category or member category are refused by name', () => {
    const version = JSON.parse(JSON.stringify(presetRegulationVersion('2025-10-01'))) as { benefitTypes: Record<string, unknown>[] };
    version.benefitTypes[1]!.code = 'birth';
    expect(problemsOf(version)).toEqual([
      { field: 'benefitTypes.1.code', th: 'สวัสดิการข้อ 2 "นอนโรงพยาบาล": รหัสสวัสดิการ "birth" ซ้ำกับสวัสดิการข้อ 1 "คลอดบุตร"', en: 'Benefit 2 "Hospital stay": Benefit code "birth" repeats benefit 1 "Childbirth"' },
    ]);
    const unnamed = withBenefit((b) => {
      b.name = { th: '  ', en: '' };
      b.category = 'lottery';
    });
    expect(problemsOf(unnamed).map((p) => p.th)).toEqual([
      'สวัสดิการข้อ 4: กรุณากรอกชื่อสวัสดิการ',
      'สวัสดิการข้อ 4: หมวดสวัสดิการต้องเป็นหนึ่งใน 16 หมวดของแบบแสดงสถานะกองทุน หรือ "อื่น ๆ"',
    ]);
    const strangers = withBenefit((b) => {
      b.eligibility = { memberCategories: ['general', 'monks'] };
    });
    expect(problemsOf(strangers)).toEqual([
      { field: 'benefitTypes.3.eligibility.memberCategories.1', th: 'สวัสดิการข้อ 4 "เสียชีวิต": ประเภทสมาชิก "monks" ไม่มีในรายการประเภทสมาชิกของกองทุน', en: 'Benefit 4 "Death": member category "monks" is not one of the fund\'s member categories' },
    ]);
    // the fund's own category makes it valid
    expect(parseRegulationVersion(strangers, [...presetMemberCategories, { code: 'monks', th: 'พระภิกษุ', en: 'Monks' }]).ok).toBe(true);
  });

  it('"once a year" with three claims a year is refused as a contradiction', () => {
    const problems = problemsOf(
      withBenefit((b) => {
        b.frequency = 'perYear';
        b.maxClaimsPerYear = 3;
      }),
    );
    expect(problems).toEqual([
      {
        field: 'benefitTypes.3.maxClaimsPerYear',
        th: 'สวัสดิการข้อ 4 "เสียชีวิต": ความถี่ "ปีละครั้ง" ขัดกับจำนวนครั้งสูงสุด 3 ครั้งต่อปี กรุณาเลือกความถี่ "ทุกครั้งที่เกิดเหตุ" หรือลดเป็น 1 ครั้ง',
        en: 'Benefit 4 "Death": The frequency "once a year" contradicts at most 3 claims a year; choose "per event" or 1 claim',
      },
    ]);
  });

  it('a B.E. effective date and an empty regulation are refused', () => {
    expect(problemsOf({ effectiveFrom: '2568-10-01', benefitTypes: [] }).map((p) => [p.field, p.th])).toEqual([
      ['effectiveFrom', 'วันที่มีผลบังคับใช้: ปีเป็น พ.ศ. แต่ระบบต้องการ ค.ศ.'],
      ['benefitTypes', 'ระเบียบต้องมีสวัสดิการอย่างน้อย 1 ประเภท'],
    ]);
  });
});

describe('speed', () => {
  it('judges a claim against a history of 200 paid claims well under 5 ms', () => {
    const versions = [presetRegulationVersion('2015-01-01'), presetRegulationVersion('2020-01-01'), presetRegulationVersion('2025-10-01')];
    const codes = ['hospital', 'birth', 'education', 'disaster', 'elderly'];
    const history: PaidClaim[] = Array.from({ length: 200 }, (_, index) => ({
      benefitCode: codes[index % codes.length]!,
      eventDate: `${2005 + Math.floor(index / 10)}-${String((index % 12) + 1).padStart(2, '0')}-15`,
      amountSatang: baht(200),
    }));
    const input: ClaimInput = {
      versions,
      member: member({ membershipStart: '2004-06-01', birthDate: '1950-01-01' }),
      history,
      claim: { benefitCode: 'hospital', eventDate: '2026-03-02', units: 4, evidenceProvided: allEvidence('hospital') },
      accountingYear: 'fiscal',
    };
    for (let i = 0; i < 200; i++) judgeClaim(input); // warm up
    const rounds = 2_000;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) judgeClaim(input);
    const perClaim = (performance.now() - started) / rounds;
    console.log(`judgeClaim with 200 paid claims in the history: ${(perClaim * 1000).toFixed(1)} µs per claim`);
    expect(judgeClaim(input).decision).toBe('pay');
  });
});
