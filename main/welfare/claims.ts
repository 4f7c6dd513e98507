// Judging a benefit claim (คำขอรับสวัสดิการ) against the regulation in force on the day of the event and the member's
// earlier paid claims. Pure: no database, no I/O; the caller reads the member, the history and the versions.
// Every step is explained in Thai and English with its numbers, as the treasurer reads it out to the member.
import { isRealIsoDate } from '../api/validation';
import { ageOn } from '../dates';
import { fiscalYearOf, membershipDays, membershipYears, type AccountingYearKind } from './membership-dates';
import type { Satang } from '../money';
import { benefitCategories, type BenefitType, type MemberCategory, presetMemberCategories, type RegulationVersion, versionInForce } from './regulation';
import { bahtEn, bahtTh, type Bilingual, countEn, dateEn, dateTh, grouped } from './wording';

export const membershipStatuses = ['active', 'lapsed', 'resigned', 'died', 'expelled'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];


export interface ClaimMember {
  /** null when the register has none; then an age rule cannot be checked and refuses */
  birthDate: string | null;
  sex: 'M' | 'F' | null;
  /** member category code (presetMemberCategories or the fund's own) */
  category: string;
  /** first day of the current membership; a rejoin starts a new membership, and so a new waiting period */
  membershipStart: string;
  /** the membership's status on the day of the event */
  statusOnEventDate: MembershipStatus;
  /** last day of membership (resigned, lapsed, died, expelled), if it has ended; the day itself is still covered */
  membershipEnd?: string | null;
}

/** An earlier claim of the same member that was paid (refused or reversed ones are left out by the caller). */
export interface PaidClaim {
  benefitCode: string;
  eventDate: string;
  amountSatang: Satang;
  units?: number;
}

export interface ClaimRequest {
  benefitCode: string;
  eventDate: string;
  /** days or nights, for a benefit paid per day or night */
  units?: number;
  /** codes of the evidence items ticked as attached */
  evidenceProvided: string[];
}

export interface ClaimInput {
  versions: readonly RegulationVersion[];
  member: ClaimMember;
  history: readonly PaidClaim[];
  claim: ClaimRequest;
  accountingYear: AccountingYearKind;
  /** the fund's member categories, to name them in messages (presets when left out) */
  memberCategories?: readonly MemberCategory[];
}

export interface Refusal extends Bilingual {
  /** dotted path into ClaimInput ("claim.eventDate", "member.statusOnEventDate", "claim.evidenceProvided") */
  field: string;
}

export interface Judgement {
  decision: 'pay' | 'refuse';
  /** what to pay; 0 when refused */
  amountSatang: Satang;
  /** effectiveFrom of the regulation version that judged the claim, null when none applies */
  version: string | null;
  /** every step, in order, with its numbers */
  lines: Bilingual[];
  /** the reasons for refusing, each naming the input it is about; empty when paid */
  refusals: Refusal[];
}

// ---------------------------------------------------------------------------------------------------------------
// Membership length: defined here, once, for claims.

interface NamedAccountingYear {
  from: string;
  to: string;
  name: Bilingual;
}

/** The fund's accounting year holding the event, named for the judgement's lines. */
function accountingYearOf(isoDate: string, kind: AccountingYearKind): NamedAccountingYear {
  const year = fiscalYearOf(isoDate, kind);
  const ceYear = year.buddhistYear - 543;
  return {
    from: year.start,
    to: year.end,
    name:
      kind === 'fiscal'
        ? { th: `ปีงบประมาณ ${year.buddhistYear} (${dateTh(year.start)} – ${dateTh(year.end)})`, en: `fiscal year ${year.buddhistYear} B.E. (${dateEn(year.start)} – ${dateEn(year.end)})` }
        : { th: `ปี พ.ศ. ${year.buddhistYear}`, en: `calendar year ${ceYear}` },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Words

const statusNames: Record<MembershipStatus, Bilingual> = {
  active: { th: 'เป็นสมาชิก', en: 'an active member' },
  lapsed: { th: 'ขาดจากสมาชิกภาพเพราะค้างส่งเงินสมทบ', en: 'lapsed for unpaid contributions' },
  resigned: { th: 'ลาออกแล้ว', en: 'resigned' },
  died: { th: 'เสียชีวิตแล้ว', en: 'deceased' },
  expelled: { th: 'ถูกให้ออกจากสมาชิก', en: 'expelled' },
};

const unitNames = { day: { th: 'วัน', en: 'day' }, night: { th: 'คืน', en: 'night' } } as const;

const sexNames = { M: { th: 'ชาย', en: 'male' }, F: { th: 'หญิง', en: 'female' } } as const;

/** "ค่านอนโรงพยาบาล" from the benefit "นอนโรงพยาบาล"; a name that already says ค่า… is left as it is. */
function costName(benefit: BenefitType): Bilingual {
  return { th: benefit.name.th.startsWith('ค่า') ? benefit.name.th : `ค่า${benefit.name.th}`, en: benefit.name.en || benefit.name.th };
}

function benefitName(benefit: BenefitType): Bilingual {
  return { th: benefit.name.th, en: benefit.name.en || benefit.name.th };
}

// ---------------------------------------------------------------------------------------------------------------
// The judgement

/**
 * Judges one claim: the regulation version in force on the EVENT date (not the day it is entered); the member
 * active on that day and the event within the membership; the waiting period in days of membership; who qualifies
 * (age on the event date, sex, member category, whole years of membership); how often (once ever, once per event,
 * claims per accounting year); the amount (fixed, per day/night with its caps, or the tier for the years of
 * membership); the cap per accounting year; the evidence. Every failing rule is listed, not just the first.
 */
export function judgeClaim(input: ClaimInput): Judgement {
  const { member, claim } = input;
  const lines: Bilingual[] = [];
  const refusals: Refusal[] = [];
  const say = (th: string, en: string) => lines.push({ th, en });
  const refuse = (field: string, th: string, en: string) => {
    refusals.push({ field, th, en });
    lines.push({ th, en });
  };
  const refused = (version: string | null): Judgement => {
    say(`สรุป: ไม่อนุมัติ (${refusals.length} เหตุผล)`, `Result: refused (${countEn(refusals.length, 'reason')})`);
    return { decision: 'refuse', amountSatang: 0, version, lines, refusals };
  };

  if (!isRealIsoDate(claim.eventDate)) {
    refuse('claim.eventDate', `วันที่เกิดเหตุ "${claim.eventDate}" ไม่ใช่วันที่ที่มีจริง`, `The event date "${claim.eventDate}" is not a real date`);
    return refused(null);
  }
  const eventTh = dateTh(claim.eventDate);
  const eventEn = dateEn(claim.eventDate);

  // The regulation: the version in force on the day of the event.
  const choice = versionInForce(input.versions, claim.eventDate);
  if (!choice.ok) {
    refuse(choice.field, choice.th, choice.en);
    return refused(null);
  }
  const version = choice.version;
  say(
    `พิจารณาตามระเบียบฉบับที่มีผลตั้งแต่ ${dateTh(version.effectiveFrom)} ซึ่งใช้บังคับในวันที่เกิดเหตุ ${eventTh}`,
    `Judged by the regulation in force from ${dateEn(version.effectiveFrom)}, the one in force on the event date ${eventEn}`,
  );
  const benefit = version.benefitTypes.find((candidate) => candidate.code === claim.benefitCode);
  if (!benefit) {
    const later = input.versions.flatMap((other) => other.benefitTypes).find((candidate) => candidate.code === claim.benefitCode);
    const named = later ? { th: `"${later.name.th}"`, en: `"${later.name.en || later.name.th}"` } : { th: `รหัส "${claim.benefitCode}"`, en: `code "${claim.benefitCode}"` };
    refuse(
      'claim.benefitCode',
      `ระเบียบฉบับที่มีผลตั้งแต่ ${dateTh(version.effectiveFrom)} ไม่มีสวัสดิการ ${named.th}`,
      `The regulation in force from ${dateEn(version.effectiveFrom)} has no benefit ${named.en}`,
    );
    return refused(version.effectiveFrom);
  }
  const name = benefitName(benefit);
  const category = benefitCategories.find((candidate) => candidate.code === benefit.category);
  say(
    `สวัสดิการ: ${name.th}${category ? ` (หมวด ${category.formLine} ${category.th})` : ''}`,
    `Benefit: ${name.en}${category ? ` (category ${category.formLine}, ${category.en})` : ''}`,
  );

  // The membership on the day of the event.
  const status = statusNames[member.statusOnEventDate];
  const diedForDeathBenefit = member.statusOnEventDate === 'died' && (benefit.category === 'death' || benefit.category === 'funeral');
  if (member.statusOnEventDate === 'active' || diedForDeathBenefit) {
    say(`สถานะในวันที่เกิดเหตุ: ${status.th}`, `Status on the event date: ${status.en}`);
  } else {
    refuse(
      'member.statusOnEventDate',
      `สถานะในวันที่เกิดเหตุ (${eventTh}): ${status.th} จึงไม่มีสิทธิ์รับสวัสดิการ`,
      `Status on the event date (${eventEn}): ${status.en}, so no benefit is due`,
    );
  }
  if (member.membershipEnd && claim.eventDate > member.membershipEnd) {
    refuse(
      'claim.eventDate',
      `สมาชิกภาพสิ้นสุดวันที่ ${dateTh(member.membershipEnd)} เหตุการณ์วันที่ ${eventTh} เกิดหลังจากนั้น`,
      `The membership ended on ${dateEn(member.membershipEnd)}; the event on ${eventEn} happened after it`,
    );
  }

  const beforeMembership = claim.eventDate < member.membershipStart;
  const years = beforeMembership ? 0 : membershipYears(member.membershipStart, claim.eventDate);
  if (beforeMembership) {
    refuse(
      'claim.eventDate',
      `เหตุการณ์วันที่ ${eventTh} เกิดก่อนเป็นสมาชิก (เริ่มเป็นสมาชิกวันที่ ${dateTh(member.membershipStart)})`,
      `The event on ${eventEn} happened before the membership began (member since ${dateEn(member.membershipStart)})`,
    );
  } else {
    const days = membershipDays(member.membershipStart, claim.eventDate);
    say(`เป็นสมาชิกตั้งแต่ ${dateTh(member.membershipStart)}`, `Member since ${dateEn(member.membershipStart)}`);
    if (benefit.waitingDays === 0) {
      say('สวัสดิการนี้ไม่มีระยะรอสิทธิ์', 'This benefit has no waiting period');
    } else if (days < benefit.waitingDays) {
      refuse(
        'claim.eventDate',
        `เป็นสมาชิก ${grouped(days)} วัน ต้องครบ ${grouped(benefit.waitingDays)} วัน (ขาดอีก ${grouped(benefit.waitingDays - days)} วัน)`,
        `Member for ${countEn(days, 'day')}; ${countEn(benefit.waitingDays, 'day')} are required (${countEn(benefit.waitingDays - days, 'day')} short)`,
      );
    } else {
      say(`เป็นสมาชิก ${grouped(days)} วัน ครบระยะรอสิทธิ์ ${grouped(benefit.waitingDays)} วันแล้ว`, `Member for ${countEn(days, 'day')}: the waiting period of ${countEn(benefit.waitingDays, 'day')} is over`);
    }
    const minYears = benefit.eligibility.minMembershipYears;
    if (minYears !== undefined) {
      if (years < minYears) {
        refuse(
          'claim.eventDate',
          `เป็นสมาชิกครบ ${years} ปี ต้องเป็นสมาชิกอย่างน้อย ${minYears} ปี`,
          `Member for ${countEn(years, 'full year')}; at least ${countEn(minYears, 'year')} of membership are required`,
        );
      } else {
        say(`เป็นสมาชิกครบ ${years} ปี ตามเกณฑ์อย่างน้อย ${minYears} ปี`, `Member for ${countEn(years, 'full year')}, at least ${countEn(minYears, 'year')} as required`);
      }
    }
  }

  // Who qualifies.
  const { minAge, maxAge, sex, memberCategories } = benefit.eligibility;
  if (minAge !== undefined || maxAge !== undefined) {
    const ruleTh = minAge !== undefined && maxAge !== undefined ? `อายุ ${minAge}–${maxAge} ปี` : minAge !== undefined ? `อายุตั้งแต่ ${minAge} ปีขึ้นไป` : `อายุไม่เกิน ${maxAge!} ปี`;
    const ruleEn = minAge !== undefined && maxAge !== undefined ? `aged ${minAge}–${maxAge}` : minAge !== undefined ? `aged ${minAge} or over` : `aged ${maxAge!} or under`;
    if (!member.birthDate) {
      refuse('member.birthDate', `สวัสดิการนี้สำหรับผู้${ruleTh} แต่ไม่มีวันเกิดของสมาชิก จึงตรวจอายุไม่ได้ กรุณาบันทึกวันเกิดก่อน`, `This benefit is for members ${ruleEn}, but the member has no birth date; enter it first`);
    } else {
      const age = ageOn(member.birthDate, claim.eventDate);
      if ((minAge !== undefined && age < minAge) || (maxAge !== undefined && age > maxAge)) {
        refuse('member.birthDate', `อายุ ${age} ปีในวันที่เกิดเหตุ สวัสดิการนี้สำหรับผู้${ruleTh}`, `Aged ${age} on the event date; this benefit is for members ${ruleEn}`);
      } else {
        say(`อายุ ${age} ปีในวันที่เกิดเหตุ ตามเกณฑ์${ruleTh}`, `Aged ${age} on the event date, within the rule (${ruleEn})`);
      }
    }
  }
  if (sex !== undefined) {
    const wanted = sexNames[sex];
    if (member.sex === null) {
      refuse('member.sex', `สวัสดิการนี้สำหรับสมาชิกเพศ${wanted.th} แต่ไม่ได้บันทึกเพศของสมาชิก`, `This benefit is for ${wanted.en} members, but the member's sex is not recorded`);
    } else if (member.sex !== sex) {
      refuse('member.sex', `สวัสดิการนี้สำหรับสมาชิกเพศ${wanted.th} สมาชิกเป็นเพศ${sexNames[member.sex].th}`, `This benefit is for ${wanted.en} members; the member is ${sexNames[member.sex].en}`);
    } else {
      say(`เพศ${wanted.th} ตามเกณฑ์`, `Sex ${wanted.en}, as required`);
    }
  }
  if (memberCategories !== undefined) {
    const known = input.memberCategories ?? presetMemberCategories;
    const categoryName = (code: string) => {
      const found = known.find((candidate) => candidate.code === code);
      return { th: found?.th ?? code, en: found?.en || found?.th || code };
    };
    const own = categoryName(member.category);
    const allowed = { th: memberCategories.map((code) => categoryName(code).th).join(', '), en: memberCategories.map((code) => categoryName(code).en).join(', ') };
    if (!memberCategories.includes(member.category)) {
      refuse('member.category', `สมาชิกประเภท${own.th} ไม่อยู่ในเกณฑ์ สวัสดิการนี้สำหรับสมาชิกประเภท ${allowed.th}`, `Member category "${own.en}" does not qualify; this benefit is for: ${allowed.en}`);
    } else {
      say(`สมาชิกประเภท${own.th} อยู่ในเกณฑ์`, `Member category "${own.en}" qualifies`);
    }
  }

  // How often.
  const sameBenefit = input.history.filter((paid) => paid.benefitCode === benefit.code);
  if (benefit.frequency === 'once') {
    const first = sameBenefit[0];
    if (first) {
      refuse(
        'claim.benefitCode',
        `สวัสดิการ${name.th}ได้ครั้งเดียว จ่ายไปแล้วสำหรับเหตุการณ์วันที่ ${dateTh(first.eventDate)} (${bahtTh(first.amountSatang)})`,
        `${name.en} is paid once only; it was paid for the event on ${dateEn(first.eventDate)} (${bahtEn(first.amountSatang)})`,
      );
    } else {
      say(`สวัสดิการนี้ได้ครั้งเดียว ยังไม่เคยได้รับ`, 'This benefit is paid once only; not received before');
    }
  } else if (benefit.frequency === 'perEvent') {
    // the same benefit for the same event day twice is almost always the same event entered again
    const duplicate = sameBenefit.find((paid) => paid.eventDate === claim.eventDate);
    if (duplicate) {
      refuse(
        'claim.eventDate',
        `จ่ายสวัสดิการ${name.th}สำหรับเหตุการณ์วันที่ ${eventTh} ไปแล้ว (${bahtTh(duplicate.amountSatang)})`,
        `${name.en} was already paid for the event on ${eventEn} (${bahtEn(duplicate.amountSatang)})`,
      );
    }
  }
  const maxClaims = benefit.frequency === 'perYear' ? Math.min(1, benefit.maxClaimsPerYear ?? 1) : benefit.maxClaimsPerYear;
  const year = maxClaims !== undefined || benefit.maxPerYearSatang !== undefined ? accountingYearOf(claim.eventDate, input.accountingYear) : null;
  const paidThisYear = year ? sameBenefit.filter((paid) => paid.eventDate >= year.from && paid.eventDate <= year.to) : [];
  if (year) say(`ปีบัญชีของเหตุการณ์: ${year.name.th}`, `Accounting year of the event: ${year.name.en}`);
  if (maxClaims !== undefined) {
    const count = paidThisYear.length;
    if (count >= maxClaims) {
      refuse(
        'claim.eventDate',
        `ได้รับแล้วในปีนี้ ${count} ครั้ง ครบสิทธิ์ ${maxClaims} ครั้งต่อปีแล้ว`,
        `Already received ${countEn(count, 'time')} this year; the limit is ${countEn(maxClaims, 'claim')} a year`,
      );
    } else {
      say(
        count === 0 ? `ปีนี้ยังไม่เคยได้รับ (สิทธิ์ ${maxClaims} ครั้งต่อปี)` : `ได้รับแล้วในปีนี้ ${count} ครั้ง (สิทธิ์ ${maxClaims} ครั้งต่อปี)`,
        `${count === 0 ? 'Not received yet this year' : `Received ${countEn(count, 'time')} this year`} (${countEn(maxClaims, 'claim')} a year allowed)`,
      );
    }
  }

  // How much.
  let amount = 0;
  const payment = benefit.payment;
  if (payment.kind === 'fixed') {
    amount = payment.amountSatang;
    say(`${name.th} จ่ายตามระเบียบ ${bahtTh(amount)}`, `${name.en}: the regulation pays ${bahtEn(amount)}`);
  } else if (payment.kind === 'perDay') {
    const unit = unitNames[payment.unit];
    const units = claim.units;
    if (units === undefined || !Number.isSafeInteger(units) || units < 1) {
      refuse('claim.units', `กรุณากรอกจำนวน${unit.th} (จำนวนเต็มตั้งแต่ 1) สวัสดิการนี้จ่ายต่อ${unit.th}`, `Enter the number of ${unit.en}s (a whole number from 1); this benefit pays per ${unit.en}`);
    } else {
      let counted = units;
      if (payment.maxUnitsPerClaim !== undefined && units > payment.maxUnitsPerClaim) {
        counted = payment.maxUnitsPerClaim;
        say(
          `ขอ ${units} ${unit.th} ระเบียบให้ไม่เกิน ${counted} ${unit.th}ต่อครั้ง คิด ${counted} ${unit.th}`,
          `${countEn(units, unit.en)} claimed; the regulation allows at most ${countEn(counted, unit.en)} a claim, so ${countEn(counted, unit.en)} are counted`,
        );
      }
      const cost = costName(benefit);
      const gross = payment.rateSatang * counted;
      const sumTh = `${cost.th} ${bahtTh(payment.rateSatang)} × ${counted} ${unit.th} = ${bahtTh(gross)}`;
      const sumEn = `${cost.en} ${bahtEn(payment.rateSatang)} × ${countEn(counted, unit.en)} = ${bahtEn(gross)}`;
      if (payment.maxPerClaimSatang !== undefined && gross > payment.maxPerClaimSatang) {
        amount = payment.maxPerClaimSatang;
        say(`${sumTh} เกินเพดานต่อครั้ง ${bahtTh(amount)} จ่าย ${bahtTh(amount)}`, `${sumEn}, above the cap per claim of ${bahtEn(amount)}: pays ${bahtEn(amount)}`);
      } else {
        amount = gross;
        say(sumTh, sumEn);
      }
    }
  } else if (!beforeMembership) {
    // the last tier whose start the membership has reached; the schema keeps tiers ascending from 0 years
    const tier = [...payment.tiers].reverse().find((candidate) => candidate.fromYears <= years) ?? payment.tiers[0]!;
    amount = tier.amountSatang;
    const spanTh = years === 0 ? 'เป็นสมาชิกยังไม่ครบ 1 ปี' : `เป็นสมาชิกครบ ${years} ปี`;
    const spanEn = years === 0 ? 'Member for less than a year' : `Member for ${countEn(years, 'full year')}`;
    say(
      `${spanTh} ตรงกับขั้น ${tier.fromYears} ปีขึ้นไป จ่าย ${bahtTh(amount)}`,
      `${spanEn}: the tier from ${countEn(tier.fromYears, 'year')} applies, paying ${bahtEn(amount)}`,
    );
  }

  if (benefit.maxPerYearSatang !== undefined && year) {
    const cap = benefit.maxPerYearSatang;
    const received = paidThisYear.reduce((sum, paid) => sum + paid.amountSatang, 0);
    const left = Math.max(0, cap - received);
    if (left === 0) {
      refuse(
        'claim.eventDate',
        `ได้รับแล้วในปีนี้ ${bahtTh(received)} ครบเพดานต่อปี ${bahtTh(cap)} แล้ว`,
        `Already received ${bahtEn(received)} this year, the whole cap per year of ${bahtEn(cap)}`,
      );
    } else {
      say(
        `เพดานต่อปี ${bahtTh(cap)}: ได้รับแล้วในปีนี้ ${bahtTh(received)} เหลือสิทธิ์ ${bahtTh(left)}`,
        `Cap per year ${bahtEn(cap)}: already received this year ${bahtEn(received)}, ${bahtEn(left)} left`,
      );
      if (amount > left) {
        say(`ขอรับ ${bahtTh(amount)} เกินสิทธิ์ที่เหลือ จ่าย ${bahtTh(left)}`, `${bahtEn(amount)} claimed is more than what is left: pays ${bahtEn(left)}`);
        amount = left;
      }
    }
  }

  // Evidence.
  if (benefit.evidence.length === 0) {
    say('สวัสดิการนี้ไม่ต้องแนบหลักฐาน', 'No evidence is required for this benefit');
  } else {
    const provided = new Set(claim.evidenceProvided);
    const missing = benefit.evidence.filter((item) => !provided.has(item.code));
    for (const item of missing) {
      refuse('claim.evidenceProvided', `ขาดหลักฐาน: ${item.th}`, `Missing evidence: ${item.en || item.th}`);
    }
    if (missing.length === 0) {
      say(
        `หลักฐานครบ ${benefit.evidence.length} รายการ: ${benefit.evidence.map((item) => item.th).join(', ')}`,
        `Evidence complete (${countEn(benefit.evidence.length, 'item')}): ${benefit.evidence.map((item) => item.en || item.th).join(', ')}`,
      );
    }
  }

  if (refusals.length) return refused(version.effectiveFrom);
  say(`สรุป: จ่าย ${bahtTh(amount)}`, `Result: pay ${bahtEn(amount)}`);
  return { decision: 'pay', amountSatang: amount, version: version.effectiveFrom, lines, refusals };
}
