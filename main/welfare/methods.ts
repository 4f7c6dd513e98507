import { and, asc, count, desc, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { people, villages, welfareBeneficiaries, welfareMemberships, welfareRegulationVersions } from '../../db/schema';
import { ApiError } from '../api/errors';
import { defineRead, defineWrite, type AppContext } from '../api/router';
import type { Role } from '../api/roles';
import { localIsoDate } from '../dates';
import { maskCitizenId } from '../people/citizen-id';
import { fullName } from '../people/register';
import { defaultContributionSettings, checkContributionSettings, type ContributionSettings } from './contributions';
import { membershipDays, membershipYears } from './membership-dates';
import { diffVersions, parseRegulationVersion, presetMemberCategories, presetRegulationVersion, type BenefitType, type MemberCategory, type RegulationVersion } from './regulation';
import { ensureBooks } from './accounts';
import { WelfareRuleError } from './rule-error';
import { memberEndInput, memberJoinInput, memberListInput, regulationCreateInput, type MemberJoinInput } from './schemas';
import { dateTh, dateEn } from './wording';

/** The treasurer keeps the fund; the secretary helps with members; the administrator may do all. */
const fundKeepers: readonly Role[] = ['treasurer', 'secretary'];

/** A regulation version as stored: the whole regulation under one effective date. */
export interface StoredRegulation {
  id: number;
  effectiveFrom: string;
  adoptedBy: string;
  contributions: ContributionSettings;
  memberCategories: MemberCategory[];
  benefitTypes: BenefitType[];
  createdAt: string;
}

function readRegulation(row: typeof welfareRegulationVersions.$inferSelect): StoredRegulation {
  const body = JSON.parse(row.body) as Pick<StoredRegulation, 'contributions' | 'memberCategories' | 'benefitTypes'>;
  return { id: row.id, effectiveFrom: row.effectiveFrom, adoptedBy: row.adoptedBy, createdAt: row.createdAt, ...body };
}

export function regulationVersions(app: AppContext): StoredRegulation[] {
  return app.db.select().from(welfareRegulationVersions).orderBy(asc(welfareRegulationVersions.effectiveFrom)).all().map(readRegulation);
}

/** The version in force on a day, or a refusal that says what to do. */
export function regulationOn(app: AppContext, day: string, field: string): StoredRegulation {
  const row = app.db
    .select()
    .from(welfareRegulationVersions)
    .where(sql`${welfareRegulationVersions.effectiveFrom} <= ${day}`)
    .orderBy(desc(welfareRegulationVersions.effectiveFrom))
    .limit(1)
    .get();
  if (row) return readRegulation(row);
  const first = app.db.select({ effectiveFrom: welfareRegulationVersions.effectiveFrom }).from(welfareRegulationVersions).orderBy(asc(welfareRegulationVersions.effectiveFrom)).limit(1).get();
  throw first
    ? new ApiError('INVALID_INPUT', `ระเบียบกองทุนฉบับแรกมีผลตั้งแต่ ${dateTh(first.effectiveFrom)} แต่วันที่ ${dateTh(day)} อยู่ก่อนนั้น`, `The fund's first regulation takes effect on ${dateEn(first.effectiveFrom)}; ${dateEn(day)} is before it`, field)
    : new ApiError('INVALID_INPUT', 'ยังไม่ได้ตั้งระเบียบกองทุน กรุณาบันทึกระเบียบ (ประเภทสมาชิก เงินสมทบ และสวัสดิการ) ก่อนรับสมาชิก', "The fund's regulation is not set up yet; record it (member categories, contributions, benefits) before taking in members", field);
}

function fromRuleError(error: unknown): never {
  if (error instanceof WelfareRuleError) throw new ApiError('INVALID_INPUT', error.th, error.en, error.field);
  throw error;
}

function membershipRow(app: AppContext, id: number) {
  const row = app.db.select().from(welfareMemberships).where(eq(welfareMemberships.id, id)).get();
  if (!row) throw new ApiError('NOT_FOUND', 'ไม่พบสมาชิกภาพนี้', 'This membership was not found', 'membershipId');
  return row;
}

/** The next free member number: one more than the highest number in use, written as wide as the widest. */
function nextMemberNumber(app: AppContext): string {
  const numbers = app.db.select({ number: welfareMemberships.memberNumber }).from(welfareMemberships).all().map((row) => row.number);
  const numeric = numbers.filter((number) => /^\d+$/.test(number));
  const highest = numeric.reduce((max, number) => Math.max(max, Number(number)), 0);
  const width = Math.max(4, ...numeric.map((number) => number.length));
  return String(highest + 1).padStart(width, '0');
}

/** Everything that must hold before a person joins; each refusal names its field and the numbers. */
function checkJoin(app: AppContext, input: MemberJoinInput): void {
  const person = app.db.select().from(people).where(eq(people.id, input.personId)).get();
  if (!person) throw new ApiError('NOT_FOUND', 'ไม่พบบุคคลนี้ในทะเบียน', 'This person is not in the register', 'personId');
  if (person.lifeStatus === 'died') {
    throw new ApiError('INVALID_INPUT', `${fullName(person)} เสียชีวิตแล้วตามทะเบียน สมัครเป็นสมาชิกไม่ได้`, `${fullName(person)} has died according to the register and cannot join`, 'personId');
  }
  const today = localIsoDate(app.now());
  if (input.applicationDate > today) throw new ApiError('INVALID_INPUT', 'วันที่สมัครอยู่ในอนาคต', 'The application date is in the future', 'applicationDate');
  if (input.startDate < input.applicationDate) {
    throw new ApiError('INVALID_INPUT', `วันที่เริ่มเป็นสมาชิก (${dateTh(input.startDate)}) อยู่ก่อนวันที่สมัคร (${dateTh(input.applicationDate)})`, `The start date (${dateEn(input.startDate)}) is before the application date (${dateEn(input.applicationDate)})`, 'startDate');
  }
  if (person.birthDate !== null && input.startDate < person.birthDate) throw new ApiError('INVALID_INPUT', 'วันที่เริ่มเป็นสมาชิกอยู่ก่อนวันเกิด', 'The start date is before the birth date', 'startDate');
  if (input.healthConsent && input.healthConsentDate === null) throw new ApiError('INVALID_INPUT', 'กรุณากรอกวันที่ยินยอมให้เก็บข้อมูลสุขภาพ', 'Enter the date of the health data consent', 'healthConsentDate');
  const regulation = regulationOn(app, input.startDate, 'startDate');
  if (!regulation.memberCategories.some((category) => category.code === input.category)) {
    throw new ApiError('INVALID_INPUT', `ประเภทสมาชิก "${input.category}" ไม่มีในระเบียบที่ใช้อยู่`, `Member category "${input.category}" is not in the regulation in force`, 'category');
  }
  const open = app.db.select().from(welfareMemberships).where(and(eq(welfareMemberships.personId, input.personId), isNull(welfareMemberships.endDate))).get();
  if (open) {
    throw new ApiError('CONFLICT', `${fullName(person)} เป็นสมาชิกอยู่แล้ว (เลขทะเบียน ${open.memberNumber}) เป็นสมาชิกได้ครั้งละหนึ่งทะเบียน`, `${fullName(person)} is already a member (number ${open.memberNumber}); one membership at a time`, 'personId', { entity: 'membership', id: open.id, label: open.memberNumber });
  }
  const ended = app.db.select().from(welfareMemberships).where(and(eq(welfareMemberships.personId, input.personId), isNotNull(welfareMemberships.endDate))).orderBy(desc(welfareMemberships.endDate)).get();
  if (ended?.endDate && input.startDate <= ended.endDate) {
    throw new ApiError('INVALID_INPUT', `สมาชิกภาพเดิมสิ้นสุดวันที่ ${dateTh(ended.endDate)} สมัครใหม่ได้ตั้งแต่วันถัดไป`, `The earlier membership ended on ${dateEn(ended.endDate)}; a new one can start the day after`, 'startDate');
  }
  const holder = app.db
    .select({ personId: welfareMemberships.personId })
    .from(welfareMemberships)
    .where(and(eq(welfareMemberships.memberNumber, input.memberNumber), ne(welfareMemberships.personId, input.personId)))
    .get();
  if (holder) {
    const other = app.db.select().from(people).where(eq(people.id, holder.personId)).get()!;
    throw new ApiError('CONFLICT', `เลขทะเบียน ${input.memberNumber} เป็นของ ${fullName(other)} แล้ว (เลขถัดไปที่ว่างคือ ${nextMemberNumber(app)})`, `Member number ${input.memberNumber} belongs to ${fullName(other)} (the next free one is ${nextMemberNumber(app)})`, 'memberNumber');
  }
  if (input.beneficiaries.length > 0) {
    const total = input.beneficiaries.reduce((sum, beneficiary) => sum + Math.round(beneficiary.sharePercent * 100), 0);
    if (total !== 10000) {
      // Shares are whole hundredths of a percent: shown from the integer, never through a float.
      const shown = `${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}`;
      throw new ApiError('INVALID_INPUT', `ส่วนแบ่งของผู้รับผลประโยชน์รวมกันได้ ${shown}% ต้องรวมได้ 100%`, `The beneficiaries' shares add up to ${shown}%; they must add up to 100%`, 'beneficiaries');
    }
    input.beneficiaries.forEach((beneficiary, index) => {
      if (beneficiary.personId === input.personId) throw new ApiError('INVALID_INPUT', 'สมาชิกเป็นผู้รับผลประโยชน์ของตนเองไม่ได้', 'A member cannot be their own beneficiary', `beneficiaries.${index}.personId`);
      if (beneficiary.personId !== null && !app.db.select({ id: people.id }).from(people).where(eq(people.id, beneficiary.personId)).get()) {
        throw new ApiError('NOT_FOUND', 'ไม่พบผู้รับผลประโยชน์ในทะเบียน', 'The beneficiary is not in the register', `beneficiaries.${index}.personId`);
      }
    });
  }
}

/** A membership as lists and the member page show it. */
function membershipView(app: AppContext, row: typeof welfareMemberships.$inferSelect) {
  const today = localIsoDate(app.now());
  const until = row.endDate !== null && row.endDate < today ? row.endDate : today;
  const counted = until >= row.startDate;
  const beneficiaries = app.db.select().from(welfareBeneficiaries).where(eq(welfareBeneficiaries.membershipId, row.id)).orderBy(asc(welfareBeneficiaries.position)).all();
  return {
    ...row,
    status: row.endDate === null || row.endDate >= today ? ('active' as const) : ('ended' as const),
    daysOfMembership: counted ? membershipDays(row.startDate, until) : 0,
    yearsOfMembership: counted ? membershipYears(row.startDate, until) : 0,
    beneficiaries: beneficiaries.map((beneficiary) => ({ ...beneficiary, sharePercent: beneficiary.shareBasisPoints / 100 })),
  };
}

export const welfareMethods = [
  defineRead({
    name: 'welfare.regulation.list',
    input: z.object({}),
    access: 'user',
    handler: ({ app }) => regulationVersions(app),
  }),

  defineRead({
    name: 'welfare.regulation.preset',
    input: z.object({ effectiveFrom: z.string().default('') }),
    access: 'user',
    handler: ({ app, input }) => {
      const preset = presetRegulationVersion(input.effectiveFrom || localIsoDate(app.now()));
      // a copy: the caller may change it (in-process callers too) without changing the preset
      return structuredClone({ effectiveFrom: preset.effectiveFrom, contributions: defaultContributionSettings, memberCategories: presetMemberCategories, benefitTypes: preset.benefitTypes });
    },
  }),

  defineRead({
    name: 'welfare.regulation.diff',
    input: z.object({ fromId: z.number().int().positive(), toId: z.number().int().positive() }),
    access: 'user',
    handler: ({ app, input }) => {
      const versions = regulationVersions(app);
      const pick = (id: number, field: string) => {
        const found = versions.find((version) => version.id === id);
        if (!found) throw new ApiError('NOT_FOUND', 'ไม่พบระเบียบฉบับนี้', 'This regulation version was not found', field);
        return { effectiveFrom: found.effectiveFrom, benefitTypes: found.benefitTypes } satisfies RegulationVersion;
      };
      return diffVersions(pick(input.fromId, 'fromId'), pick(input.toId, 'toId'));
    },
  }),

  defineWrite({
    name: 'welfare.regulation.create',
    input: regulationCreateInput,
    access: fundKeepers,
    handler: ({ app, input, user }) => {
      try {
        checkContributionSettings(input.contributions);
      } catch (error) {
        fromRuleError(error);
      }
      const parsed = parseRegulationVersion({ effectiveFrom: input.effectiveFrom, benefitTypes: input.benefitTypes }, input.memberCategories);
      if (!parsed.ok) {
        const [first, ...rest] = parsed.problems;
        const more = rest.length ? { th: ` (และอีก ${rest.length} ข้อ)`, en: ` (and ${rest.length} more)` } : { th: '', en: '' };
        throw new ApiError('INVALID_INPUT', `${first!.th}${more.th}`, `${first!.en}${more.en}`, first!.field);
      }
      const categoryCodes = input.memberCategories.map((category) => category.code);
      const repeated = categoryCodes.find((code, index) => categoryCodes.indexOf(code) !== index);
      if (repeated) throw new ApiError('INVALID_INPUT', `รหัสประเภทสมาชิก "${repeated}" ซ้ำกัน`, `Member category code "${repeated}" repeats`, 'memberCategories');
      if (app.db.select({ id: welfareRegulationVersions.id }).from(welfareRegulationVersions).where(eq(welfareRegulationVersions.effectiveFrom, input.effectiveFrom)).get()) {
        throw new ApiError('CONFLICT', `มีระเบียบที่มีผลวันที่ ${dateTh(input.effectiveFrom)} อยู่แล้ว ระเบียบใหม่ต้องมีผลวันอื่น`, `A version taking effect on ${dateEn(input.effectiveFrom)} exists; a new version needs another date`, 'effectiveFrom');
      }
      const body = { contributions: input.contributions, memberCategories: input.memberCategories, benefitTypes: parsed.version.benefitTypes };
      // the fund's books open with its regulation, so every money screen has its accounts from the first day
      ensureBooks(app);
      const row = app.db
        .insert(welfareRegulationVersions)
        .values({ effectiveFrom: input.effectiveFrom, adoptedBy: input.adoptedBy, body: JSON.stringify(body), createdAt: app.now().toISOString(), createdBy: user!.id })
        .returning()
        .get();
      const stored = readRegulation(row);
      return { result: stored, audit: { entity: 'regulation', entityId: row.id, before: null, after: stored } };
    },
  }),

  defineRead({
    name: 'welfare.members.nextNumber',
    input: z.object({}),
    access: 'user',
    handler: ({ app }) => ({ memberNumber: nextMemberNumber(app) }),
  }),

  defineWrite({
    name: 'welfare.members.join',
    input: memberJoinInput,
    access: fundKeepers,
    handler: ({ app, input }) => {
      checkJoin(app, input);
      const at = app.now().toISOString();
      const { beneficiaries, ...fields } = input;
      const row = app.db.insert(welfareMemberships).values({ ...fields, createdAt: at, updatedAt: at }).returning().get();
      beneficiaries.forEach((beneficiary, position) =>
        app.db
          .insert(welfareBeneficiaries)
          .values({ membershipId: row.id, personId: beneficiary.personId, name: beneficiary.name, relationship: beneficiary.relationship, shareBasisPoints: Math.round(beneficiary.sharePercent * 100), position })
          .run(),
      );
      const view = membershipView(app, row);
      return { result: view, audit: { entity: 'membership', entityId: row.id, before: null, after: input } };
    },
  }),

  defineWrite({
    name: 'welfare.members.end',
    input: memberEndInput,
    access: fundKeepers,
    handler: ({ app, input }) => {
      const before = membershipRow(app, input.membershipId);
      if (before.endDate !== null) {
        throw new ApiError('CONFLICT', `สมาชิกภาพนี้สิ้นสุดไปแล้วเมื่อ ${dateTh(before.endDate)}`, `This membership already ended on ${dateEn(before.endDate)}`, 'membershipId');
      }
      if (input.endDate < before.startDate) {
        throw new ApiError('INVALID_INPUT', `วันที่สิ้นสุด (${dateTh(input.endDate)}) อยู่ก่อนวันที่เริ่มเป็นสมาชิก (${dateTh(before.startDate)})`, `The end date (${dateEn(input.endDate)}) is before the start (${dateEn(before.startDate)})`, 'endDate');
      }
      if (input.endDate > localIsoDate(app.now())) throw new ApiError('INVALID_INPUT', 'วันที่สิ้นสุดสมาชิกภาพอยู่ในอนาคต', 'The end date is in the future', 'endDate');
      const at = app.now().toISOString();
      const after = app.db
        .update(welfareMemberships)
        .set({ endDate: input.endDate, endReason: input.reason, endNote: input.note, updatedAt: at })
        .where(eq(welfareMemberships.id, input.membershipId))
        .returning()
        .get()!;
      // A death is a fact about the person: the shared register records it once, for every area.
      let personBefore: { lifeStatus: string; lifeStatusDate: string | null } | null = null;
      if (input.reason === 'died') {
        const person = app.db.select().from(people).where(eq(people.id, before.personId)).get()!;
        if (person.lifeStatus !== 'died') {
          personBefore = { lifeStatus: person.lifeStatus, lifeStatusDate: person.lifeStatusDate };
          app.db.update(people).set({ lifeStatus: 'died', lifeStatusDate: input.endDate, updatedAt: at }).where(eq(people.id, person.id)).run();
        }
      }
      return {
        result: membershipView(app, after),
        audit: { entity: 'membership', entityId: input.membershipId, before: { ...before, person: personBefore }, after: { ...after, person: personBefore && { lifeStatus: 'died', lifeStatusDate: input.endDate } } },
      };
    },
  }),

  defineRead({
    name: 'welfare.members.list',
    input: memberListInput,
    access: 'user',
    handler: ({ app, input }) => {
      const where = and(
        input.status === 'active' ? isNull(welfareMemberships.endDate) : input.status === 'ended' ? isNotNull(welfareMemberships.endDate) : undefined,
        input.villageId === null ? undefined : eq(people.villageId, input.villageId),
      );
      const total = app.db.select({ n: count() }).from(welfareMemberships).innerJoin(people, eq(people.id, welfareMemberships.personId)).where(where).get()!.n;
      const rows = app.db
        .select({
          membershipId: welfareMemberships.id,
          memberNumber: welfareMemberships.memberNumber,
          category: welfareMemberships.category,
          startDate: welfareMemberships.startDate,
          endDate: welfareMemberships.endDate,
          endReason: welfareMemberships.endReason,
          personId: people.id,
          title: people.title,
          firstName: people.firstName,
          lastName: people.lastName,
          citizenId: people.citizenId,
          villageNumber: villages.number,
        })
        .from(welfareMemberships)
        .innerJoin(people, eq(people.id, welfareMemberships.personId))
        .leftJoin(villages, eq(villages.id, people.villageId))
        .where(where)
        .orderBy(asc(people.sortKey), asc(welfareMemberships.id))
        .limit(input.limit)
        .offset(input.offset)
        .all()
        .map(({ citizenId, ...row }) => ({ ...row, citizenIdMasked: citizenId === null ? null : maskCitizenId(citizenId) }));
      return { total, rows };
    },
  }),

  defineRead({
    name: 'welfare.members.get',
    input: z.object({ membershipId: z.number().int().positive() }),
    access: 'user',
    handler: ({ app, input }) => {
      const row = membershipRow(app, input.membershipId);
      const person = app.db.select().from(people).where(eq(people.id, row.personId)).get()!;
      const history = app.db.select().from(welfareMemberships).where(eq(welfareMemberships.personId, row.personId)).orderBy(asc(welfareMemberships.startDate)).all();
      return {
        membership: membershipView(app, row),
        person: { id: person.id, name: fullName(person), citizenIdMasked: person.citizenId && maskCitizenId(person.citizenId), lifeStatus: person.lifeStatus },
        otherMemberships: history.filter((other) => other.id !== row.id).map((other) => ({ id: other.id, memberNumber: other.memberNumber, startDate: other.startDate, endDate: other.endDate, endReason: other.endReason })),
      };
    },
  }),
] as const;
