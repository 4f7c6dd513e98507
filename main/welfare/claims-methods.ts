import { and, asc, eq, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import { people, welfareAccounts, welfareClaims, welfareJournalEntries, welfareJournalLines, welfareMemberships, welfarePayoutLines, welfarePayouts } from '../../db/schema';
import { ApiError } from '../api/errors';
import { defineRead, defineWrite, type AppContext } from '../api/router';
import type { Role } from '../api/roles';
import { bilingual, isoDateField } from '../api/validation';
import { formatSatang } from '../documents/format';
import { localIsoDate } from '../dates';
import { fullName } from '../people/register';
import { ensureBooks, systemAccounts } from './accounts';
import { allocationsOf, bookSettings, membershipForRules, postEntry } from './books';
import { lapseDate } from './contributions';
import { judgeClaim, type ClaimMember, type Judgement, type PaidClaim } from './claims';
import { fiscalYearOf } from './membership-dates';
import { regulationVersions } from './methods';
import { dateTh } from './wording';

const treasurers: readonly Role[] = ['treasurer'];
/** Approving a claim is the committee's decision, recorded by the treasurer or the secretary; the admin may too. */
const approvers: readonly Role[] = ['treasurer', 'secretary'];

const claimInput = z.object({
  membershipId: z.number().int().positive(),
  benefitCode: z.string().trim().min(1, bilingual('กรุณาเลือกประเภทสวัสดิการ', 'Choose the benefit')),
  eventDate: isoDateField('วันที่เกิดเหตุ', 'Event date'),
  units: z.number().int().min(1).max(366).nullable().default(null),
  evidence: z.array(z.string()).max(50).default([]),
});
type ClaimFields = z.output<typeof claimInput>;

function membershipOrRefuse(app: AppContext, id: number) {
  const row = app.db.select().from(welfareMemberships).where(eq(welfareMemberships.id, id)).get();
  if (!row) throw new ApiError('NOT_FOUND', 'ไม่พบสมาชิกภาพนี้', 'This membership was not found', 'membershipId');
  return row;
}

function claimOrRefuse(app: AppContext, id: number) {
  const row = app.db.select().from(welfareClaims).where(eq(welfareClaims.id, id)).get();
  if (!row) throw new ApiError('NOT_FOUND', 'ไม่พบคำขอนี้', 'This claim was not found', 'claimId');
  return row;
}

/** Judges a claim against the regulation in force on its event date and the member's paid claims. */
function judge(app: AppContext, input: ClaimFields): { judgement: Judgement; versionId: number | null } {
  const membership = membershipOrRefuse(app, input.membershipId);
  const person = app.db.select().from(people).where(eq(people.id, membership.personId)).get()!;
  if (input.eventDate > localIsoDate(app.now())) throw new ApiError('INVALID_INPUT', 'วันที่เกิดเหตุอยู่ในอนาคต', 'The event date is in the future', 'eventDate');
  const versions = regulationVersions(app);
  const ended = membership.endDate !== null && membership.endDate < input.eventDate;
  const inForce = [...versions].reverse().find((version) => version.effectiveFrom <= input.eventDate) ?? null;
  // Arrears end a membership by the fund's rule on the day the limit is passed (computed from the receipts).
  const lapse =
    inForce && !ended && input.eventDate >= membership.startDate
      ? lapseDate(inForce.contributions, membershipForRules(membership), allocationsOf(app, [membership.id]).get(membership.id)!)
      : null;
  const lapsed = lapse !== null && lapse.date <= input.eventDate;
  const member: ClaimMember = {
    birthDate: person.birthDate,
    sex: person.sex,
    category: membership.category,
    membershipStart: membership.startDate,
    statusOnEventDate: ended ? (membership.endReason ?? 'resigned') : lapsed ? 'lapsed' : membership.endReason === 'died' && membership.endDate === input.eventDate ? 'died' : 'active',
    membershipEnd: lapsed ? lapse.date : membership.endDate,
  };
  const history: PaidClaim[] = app.db
    .select({ benefitCode: welfareClaims.benefitCode, eventDate: welfareClaims.eventDate, amountSatang: welfareClaims.amountSatang, units: welfareClaims.units })
    .from(welfareClaims)
    .where(and(eq(welfareClaims.membershipId, membership.id), eq(welfareClaims.status, 'paid')))
    .all()
    .map((row) => ({ benefitCode: row.benefitCode, eventDate: row.eventDate, amountSatang: row.amountSatang, ...(row.units === null ? {} : { units: row.units }) }));
  const judgement = judgeClaim({
    versions: versions.map((version) => ({ effectiveFrom: version.effectiveFrom, benefitTypes: version.benefitTypes })),
    member,
    history,
    claim: { benefitCode: input.benefitCode, eventDate: input.eventDate, evidenceProvided: input.evidence, ...(input.units === null ? {} : { units: input.units }) },
    accountingYear: bookSettings(app)?.accountingYear ?? 'fiscal',
    ...(inForce ? { memberCategories: inForce.memberCategories } : {}),
  });
  return { judgement, versionId: inForce?.id ?? null };
}

/** The next voucher number: one more than the highest used (voided ones keep theirs). */
function nextVoucherNumber(app: AppContext): number {
  return (app.db.select({ number: max(welfarePayouts.voucherNumber) }).from(welfarePayouts).get()?.number ?? 0) + 1;
}

/** Administration costs of the accounting year so far against the cap on the year's income (DOMAIN.md §2.1 [U]). */
function adminCostCheck(app: AppContext, date: string) {
  const settings = bookSettings(app)!;
  const year = fiscalYearOf(date, settings.accountingYear);
  // Credits are negative: income is the negated sum of its lines, an expense the sum of its own.
  const sumOf = (kind: 'income' | 'expense', adminOnly: boolean) => {
    const total = app.db
      .select({ total: sql<number>`coalesce(sum(${welfareJournalLines.amountSatang}), 0)`.mapWith(Number) })
      .from(welfareJournalLines)
      .innerJoin(welfareJournalEntries, eq(welfareJournalEntries.id, welfareJournalLines.entryId))
      .innerJoin(welfareAccounts, eq(welfareAccounts.id, welfareJournalLines.accountId))
      .where(and(eq(welfareAccounts.kind, kind), adminOnly ? sql`${welfareAccounts.reportLine} LIKE 'admin%'` : undefined, sql`${welfareJournalEntries.entryDate} BETWEEN ${year.start} AND ${year.end}`))
      .get()!.total;
    return kind === 'income' ? -total : total;
  };
  const income = sumOf('income', false);
  const admin = sumOf('expense', true);
  const cap = Math.floor((income * settings.adminCostCapBasisPoints) / 10000);
  return { year: year.label, incomeSatang: income, adminSatang: admin, capSatang: cap, over: admin > cap };
}

export const welfareClaimsMethods = [
  defineRead({
    name: 'welfare.claims.judge',
    input: claimInput,
    access: 'user',
    handler: ({ app, input }) => judge(app, input).judgement,
  }),

  defineWrite({
    name: 'welfare.claims.create',
    input: claimInput,
    access: approvers,
    handler: ({ app, input, user }) => {
      const { judgement, versionId } = judge(app, input);
      const row = app.db
        .insert(welfareClaims)
        .values({
          ...input,
          evidence: JSON.stringify(input.evidence),
          status: judgement.decision === 'pay' ? 'pending' : 'refused',
          amountSatang: judgement.amountSatang,
          judgement: JSON.stringify(judgement),
          regulationVersionId: versionId,
          createdAt: app.now().toISOString(),
          createdBy: user!.id,
        })
        .returning()
        .get();
      return { result: { ...row, judgement }, audit: { entity: 'claim', entityId: row.id, before: null, after: { ...input, status: row.status, amountSatang: row.amountSatang } } };
    },
  }),

  defineWrite({
    name: 'welfare.claims.approve',
    input: z.object({
      claimId: z.number().int().positive(),
      approvedBy: z.string().trim().min(1, bilingual('กรุณาระบุมติที่อนุมัติ (ครั้งที่ประชุม)', 'Name the meeting that approved it')).max(200),
      approvalDate: isoDateField('วันที่อนุมัติ', 'Approval date'),
    }),
    access: approvers,
    handler: ({ app, input, user }) => {
      const before = claimOrRefuse(app, input.claimId);
      if (before.status !== 'pending') {
        throw new ApiError('CONFLICT', before.status === 'refused' ? 'คำขอนี้ไม่ผ่านตามระเบียบ อนุมัติจ่ายไม่ได้' : 'คำขอนี้อนุมัติแล้ว', before.status === 'refused' ? 'This claim was refused under the regulation and cannot be approved' : 'This claim is already approved', 'claimId');
      }
      if (input.approvalDate < before.eventDate) throw new ApiError('INVALID_INPUT', 'วันที่อนุมัติอยู่ก่อนวันที่เกิดเหตุ', 'The approval date is before the event', 'approvalDate');
      const threshold = bookSettings(app)?.twoPersonThresholdSatang ?? null;
      const needsTwo = threshold !== null && before.amountSatang > threshold;
      let changes: Partial<typeof welfareClaims.$inferInsert>;
      if (needsTwo && before.approverUserId === null) changes = { approvedBy: input.approvedBy, approvalDate: input.approvalDate, approverUserId: user!.id };
      else if (needsTwo) {
        if (before.approverUserId === user!.id) {
          throw new ApiError('CONFLICT', `ยอดจ่ายเกิน ${formatSatang(threshold)} บาท ต้องมีผู้ใช้อีกคนหนึ่งอนุมัติซ้ำ`, `Payouts above ${formatSatang(threshold)} baht need a second user's approval`, 'claimId');
        }
        changes = { status: 'approved', secondApproverUserId: user!.id };
      } else changes = { status: 'approved', approvedBy: input.approvedBy, approvalDate: input.approvalDate, approverUserId: user!.id };
      const after = app.db.update(welfareClaims).set(changes).where(eq(welfareClaims.id, input.claimId)).returning().get()!;
      return { result: after, audit: { entity: 'claim', entityId: input.claimId, before: { status: before.status }, after: changes } };
    },
  }),

  defineWrite({
    name: 'welfare.claims.pay',
    input: z.object({
      claimId: z.number().int().positive(),
      payoutDate: isoDateField('วันที่จ่ายเงิน', 'Payout date'),
      /** the beneficiary on a death claim; the member otherwise */
      recipientName: z.string().trim().max(200).default(''),
      recipientAddress: z.string().trim().max(300).default(''),
    }),
    access: treasurers,
    handler: ({ app, input, user }) => {
      const claim = claimOrRefuse(app, input.claimId);
      if (claim.status !== 'approved') {
        throw new ApiError('CONFLICT', claim.status === 'paid' ? 'จ่ายคำขอนี้ไปแล้ว' : 'คำขอนี้ยังไม่ได้รับอนุมัติ จ่ายเงินไม่ได้', claim.status === 'paid' ? 'This claim is already paid' : 'This claim is not approved yet', 'claimId');
      }
      if (input.payoutDate > localIsoDate(app.now())) throw new ApiError('INVALID_INPUT', 'วันที่จ่ายเงินอยู่ในอนาคต', 'The payout date is in the future', 'payoutDate');
      const accounts = ensureBooks(app);
      const membership = membershipOrRefuse(app, claim.membershipId);
      const person = app.db.select().from(people).where(eq(people.id, membership.personId)).get()!;
      const judgement = JSON.parse(claim.judgement) as Judgement;
      const recipient = input.recipientName || fullName(person);
      const description = `สวัสดิการ ${claim.benefitCode} ${fullName(person)} เหตุวันที่ ${dateTh(claim.eventDate)}`;
      const entryId = postEntry(app, {
        date: input.payoutDate,
        kind: 'payout',
        description,
        userId: user!.id,
        field: 'payoutDate',
        lines: [
          { accountId: accounts.get('5101')!, amountSatang: claim.amountSatang, membershipId: membership.id, benefitCode: claim.benefitCode },
          { accountId: accounts.get(systemAccounts.cash)!, amountSatang: -claim.amountSatang, membershipId: membership.id },
        ],
      });
      const payout = app.db
        .insert(welfarePayouts)
        .values({ voucherNumber: nextVoucherNumber(app), payoutDate: input.payoutDate, claimId: claim.id, recipientName: recipient, recipientAddress: input.recipientAddress, totalSatang: claim.amountSatang, entryId, createdAt: app.now().toISOString() })
        .returning()
        .get();
      app.db.insert(welfarePayoutLines).values({ payoutId: payout.id, description: judgement.lines.at(-1)?.th ?? description, amountSatang: claim.amountSatang, accountId: accounts.get('5101')!, position: 0 }).run();
      app.db.update(welfareClaims).set({ status: 'paid' }).where(eq(welfareClaims.id, claim.id)).run();
      return { result: payout, audit: { entity: 'payout', entityId: payout.id, before: null, after: { ...payout, claimId: claim.id } } };
    },
  }),

  defineWrite({
    name: 'welfare.expenses.create',
    input: z.object({
      expenseDate: isoDateField('วันที่จ่าย', 'Date paid'),
      accountCode: z.string(),
      description: z.string().trim().min(1, bilingual('กรุณากรอกรายการ', 'Enter what was paid for')).max(300),
      amountSatang: z
        .number({ error: bilingual('จำนวนเงินต้องเป็นตัวเลข', 'The amount must be a number') })
        .int(bilingual('จำนวนเงินต้องเป็นจำนวนเต็มสตางค์ (ไม่มีเศษของสตางค์)', 'The amount must be whole satang'))
        .positive(bilingual('จำนวนเงินต้องมากกว่า 0 บาท', 'The amount must be more than 0')),
      recipientName: z.string().trim().min(1, bilingual('กรุณากรอกชื่อผู้รับเงิน', 'Enter who was paid')).max(200),
    }),
    access: treasurers,
    handler: ({ app, input, user }) => {
      const accounts = ensureBooks(app);
      const account = app.db.select().from(welfareAccounts).where(eq(welfareAccounts.code, input.accountCode)).get();
      if (!account || account.kind !== 'expense' || account.code === '5101') {
        throw new ApiError('INVALID_INPUT', 'กรุณาเลือกหมวดค่าใช้จ่าย (สวัสดิการสมาชิกจ่ายผ่านคำขอรับสวัสดิการ)', 'Choose an expense account (benefits are paid through claims)', 'accountCode');
      }
      const entryId = postEntry(app, {
        date: input.expenseDate,
        kind: 'expense',
        description: input.description,
        userId: user!.id,
        field: 'expenseDate',
        lines: [
          { accountId: account.id, amountSatang: input.amountSatang },
          { accountId: accounts.get(systemAccounts.cash)!, amountSatang: -input.amountSatang },
        ],
      });
      const payout = app.db
        .insert(welfarePayouts)
        .values({ voucherNumber: nextVoucherNumber(app), payoutDate: input.expenseDate, recipientName: input.recipientName, totalSatang: input.amountSatang, entryId, createdAt: app.now().toISOString() })
        .returning()
        .get();
      app.db.insert(welfarePayoutLines).values({ payoutId: payout.id, description: input.description, amountSatang: input.amountSatang, accountId: account.id, position: 0 }).run();
      const cap = adminCostCheck(app, input.expenseDate);
      const warning = cap.over
        ? {
            th: `ค่าใช้จ่ายบริหาร${cap.year} รวม ${formatSatang(cap.adminSatang)} บาท เกินเพดาน ${formatSatang(cap.capSatang)} บาท (ร้อยละ ${(bookSettings(app)!.adminCostCapBasisPoints / 100).toFixed(0)} ของรายรับ ${formatSatang(cap.incomeSatang)} บาท)`,
            en: `Administration costs this year total ${formatSatang(cap.adminSatang)} baht, over the cap of ${formatSatang(cap.capSatang)} baht`,
          }
        : null;
      return { result: { payout, adminCosts: cap, warning }, audit: { entity: 'payout', entityId: payout.id, before: null, after: payout } };
    },
  }),

  defineRead({
    name: 'welfare.claims.list',
    input: z.object({ membershipId: z.number().int().positive().nullable().default(null) }),
    access: 'user',
    handler: ({ app, input }) =>
      app.db
        .select()
        .from(welfareClaims)
        .where(input.membershipId === null ? undefined : eq(welfareClaims.membershipId, input.membershipId))
        .orderBy(asc(welfareClaims.id))
        .all()
        .map((row) => ({ ...row, evidence: JSON.parse(row.evidence) as string[], judgement: JSON.parse(row.judgement) as Judgement })),
  }),
] as const;
