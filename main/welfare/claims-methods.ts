import { and, asc, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import { people, users, welfareAccounts, welfareClaims, welfareJournalEntries, welfareJournalLines, welfareMemberships, welfarePayoutLines, welfarePayouts } from '../../db/schema';
import { ApiError } from '../api/errors';
import { defineRead, defineWrite, type AppContext } from '../api/router';
import type { Role } from '../api/roles';
import { bilingual, isoDateField, satangAmountField } from '../api/validation';
import { formatSatang } from '../documents/format';
import { localIsoDate } from '../dates';
import { fullName } from '../people/register';
import { ensureBooks, systemAccounts } from './accounts';
import { allocationsOf, bookSettings, membershipForRules, postEntry, reverseEntry } from './books';
import { lapseDate } from './contributions';
import { judgeClaim, type ClaimMember, type Judgement, type PaidClaim } from './claims';
import { fiscalYearOf } from './membership-dates';
import { regulationVersions } from './methods';
import { moneyAccountOrRefuse } from './money-methods';
import { dateEn, dateTh } from './wording';

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

/** Money is paid out of cash on hand unless the treasurer names a bank account (or another cash account). */
const fromAccountField = z.number().int().positive().nullable().default(null);

/** The account a payment leaves from: an active cash or bank account; cash on hand when none is named. */
function paidFromAccount(app: AppContext, accounts: Map<string, number>, fromAccountId: number | null): number {
  return fromAccountId === null ? accounts.get(systemAccounts.cash)! : moneyAccountOrRefuse(app, fromAccountId, 'fromAccountId').id;
}

/** The benefit type a claim was judged under, from the regulation version it names. */
function benefitOfClaim(app: AppContext, claim: typeof welfareClaims.$inferSelect) {
  const versions = regulationVersions(app);
  const version = versions.find((candidate) => candidate.id === claim.regulationVersionId) ?? [...versions].reverse().find((candidate) => candidate.effectiveFrom <= claim.eventDate);
  return version?.benefitTypes.find((benefit) => benefit.code === claim.benefitCode) ?? null;
}

/** "สวัสดิการนอนโรงพยาบาล 5 คืน สมาชิกเลขที่ 0002 เหตุวันที่ 20 พ.ย. 2569": one voucher line for a claim. */
function claimLineDescription(app: AppContext, claim: typeof welfareClaims.$inferSelect, memberNumber: string): string {
  const benefit = benefitOfClaim(app, claim);
  const name = benefit ? (benefit.name.th.startsWith('ค่า') || benefit.name.th.startsWith('สวัสดิการ') ? benefit.name.th : `สวัสดิการ${benefit.name.th}`) : `สวัสดิการ ${claim.benefitCode}`;
  const units = claim.units !== null && benefit?.payment.kind === 'perDay' ? ` ${claim.units} ${benefit.payment.unit === 'night' ? 'คืน' : 'วัน'}` : '';
  return `${name}${units} สมาชิกเลขที่ ${memberNumber} เหตุวันที่ ${dateTh(claim.eventDate)}`;
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
      fromAccountId: fromAccountField,
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
      const paidFrom = paidFromAccount(app, accounts, input.fromAccountId);
      const recipient = input.recipientName || fullName(person);
      const line = claimLineDescription(app, claim, membership.memberNumber);
      const description = `${line} ${fullName(person)}`;
      const entryId = postEntry(app, {
        date: input.payoutDate,
        kind: 'payout',
        description,
        userId: user!.id,
        field: 'payoutDate',
        lines: [
          { accountId: accounts.get('5101')!, amountSatang: claim.amountSatang, membershipId: membership.id, benefitCode: claim.benefitCode },
          { accountId: paidFrom, amountSatang: -claim.amountSatang, membershipId: membership.id },
        ],
      });
      const payout = app.db
        .insert(welfarePayouts)
        .values({ voucherNumber: nextVoucherNumber(app), payoutDate: input.payoutDate, claimId: claim.id, recipientName: recipient, recipientAddress: input.recipientAddress, totalSatang: claim.amountSatang, entryId, createdAt: app.now().toISOString() })
        .returning()
        .get();
      app.db.insert(welfarePayoutLines).values({ payoutId: payout.id, description: line, amountSatang: claim.amountSatang, accountId: accounts.get('5101')!, position: 0 }).run();
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
      amountSatang: satangAmountField,
      recipientName: z.string().trim().min(1, bilingual('กรุณากรอกชื่อผู้รับเงิน', 'Enter who was paid')).max(200),
      recipientAddress: z.string().trim().max(300).default(''),
      fromAccountId: fromAccountField,
    }),
    access: treasurers,
    handler: ({ app, input, user }) => {
      const accounts = ensureBooks(app);
      const account = app.db.select().from(welfareAccounts).where(eq(welfareAccounts.code, input.accountCode)).get();
      if (!account || account.kind !== 'expense' || account.code === '5101') {
        throw new ApiError('INVALID_INPUT', 'กรุณาเลือกหมวดค่าใช้จ่าย (สวัสดิการสมาชิกจ่ายผ่านคำขอรับสวัสดิการ)', 'Choose an expense account (benefits are paid through claims)', 'accountCode');
      }
      const paidFrom = paidFromAccount(app, accounts, input.fromAccountId);
      const entryId = postEntry(app, {
        date: input.expenseDate,
        kind: 'expense',
        description: input.description,
        userId: user!.id,
        field: 'expenseDate',
        lines: [
          { accountId: account.id, amountSatang: input.amountSatang },
          { accountId: paidFrom, amountSatang: -input.amountSatang },
        ],
      });
      const payout = app.db
        .insert(welfarePayouts)
        .values({ voucherNumber: nextVoucherNumber(app), payoutDate: input.expenseDate, recipientName: input.recipientName, recipientAddress: input.recipientAddress, totalSatang: input.amountSatang, entryId, createdAt: app.now().toISOString() })
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
    handler: ({ app, input }) => {
      const rows = app.db
        .select({ claim: welfareClaims, memberNumber: welfareMemberships.memberNumber, person: { title: people.title, firstName: people.firstName, lastName: people.lastName } })
        .from(welfareClaims)
        .innerJoin(welfareMemberships, eq(welfareMemberships.id, welfareClaims.membershipId))
        .innerJoin(people, eq(people.id, welfareMemberships.personId))
        .where(input.membershipId === null ? undefined : eq(welfareClaims.membershipId, input.membershipId))
        .orderBy(asc(welfareClaims.id))
        .all();
      const claimIds = rows.map((row) => row.claim.id);
      // the voucher that paid each claim (a voided one frees the claim, so only the live one counts)
      const payouts = new Map(
        claimIds.length === 0
          ? []
          : app.db
              .select({ id: welfarePayouts.id, claimId: welfarePayouts.claimId, voucherNumber: welfarePayouts.voucherNumber, payoutDate: welfarePayouts.payoutDate })
              .from(welfarePayouts)
              .where(and(inArray(welfarePayouts.claimId, claimIds), isNull(welfarePayouts.voidedOn)))
              .all()
              .map((payout) => [payout.claimId!, payout]),
      );
      const names = new Map(app.db.select({ id: users.id, name: users.displayName }).from(users).all().map((user) => [user.id, user.name]));
      return rows.map(({ claim, memberNumber, person }) => ({
        ...claim,
        evidence: JSON.parse(claim.evidence) as string[],
        judgement: JSON.parse(claim.judgement) as Judgement,
        memberNumber,
        memberName: fullName(person),
        approverName: claim.approverUserId === null ? null : (names.get(claim.approverUserId) ?? null),
        secondApproverName: claim.secondApproverUserId === null ? null : (names.get(claim.secondApproverUserId) ?? null),
        payout: payouts.get(claim.id) ?? null,
      }));
    },
  }),

  defineRead({
    name: 'welfare.claims.memberSearch',
    input: z.object({ text: z.string().trim().max(100), limit: z.number().int().min(1).max(50).default(20) }),
    access: 'user',
    handler: ({ app, input }) => {
      if (!input.text) return [];
      const like = `%${input.text.replace(/[%_\\]/g, (char) => `\\${char}`)}%`;
      const name = sql`(${people.title} || ${people.firstName} || ' ' || ${people.lastName})`;
      return app.db
        .select({
          membershipId: welfareMemberships.id,
          memberNumber: welfareMemberships.memberNumber,
          startDate: welfareMemberships.startDate,
          endDate: welfareMemberships.endDate,
          endReason: welfareMemberships.endReason,
          title: people.title,
          firstName: people.firstName,
          lastName: people.lastName,
        })
        .from(welfareMemberships)
        .innerJoin(people, eq(people.id, welfareMemberships.personId))
        .where(sql`${welfareMemberships.memberNumber} LIKE ${like} ESCAPE '\\' OR ${name} LIKE ${like} ESCAPE '\\' OR (${people.firstName} || ' ' || ${people.lastName}) LIKE ${like} ESCAPE '\\'`)
        // open memberships first: a new claim is almost always for a current member
        .orderBy(sql`${welfareMemberships.endDate} IS NOT NULL`, asc(people.sortKey), desc(welfareMemberships.startDate))
        .limit(input.limit)
        .all();
    },
  }),

  defineRead({
    name: 'welfare.claims.received',
    input: z.object({ membershipId: z.number().int().positive(), asOf: isoDateField('ข้อมูล ณ วันที่', 'As of') }),
    access: 'user',
    handler: ({ app, input }) => {
      membershipOrRefuse(app, input.membershipId);
      const year = fiscalYearOf(input.asOf, bookSettings(app)?.accountingYear ?? 'fiscal');
      const paid = app.db.select().from(welfareClaims).where(and(eq(welfareClaims.membershipId, input.membershipId), eq(welfareClaims.status, 'paid'))).all();
      const inForce = [...regulationVersions(app)].reverse().find((version) => version.effectiveFrom <= input.asOf) ?? null;
      // the year counts by event date, as the judgement counts it against the cap
      const byBenefit = new Map<string, { benefitCode: string; name: string; thisYearSatang: number; thisYearCount: number; everSatang: number; everCount: number; maxPerYearSatang: number | null; once: boolean }>();
      const rowOf = (code: string) => {
        let row = byBenefit.get(code);
        if (!row) {
          const benefit = inForce?.benefitTypes.find((candidate) => candidate.code === code);
          row = { benefitCode: code, name: benefit?.name.th ?? code, thisYearSatang: 0, thisYearCount: 0, everSatang: 0, everCount: 0, maxPerYearSatang: benefit?.maxPerYearSatang ?? null, once: benefit?.frequency === 'once' };
          byBenefit.set(code, row);
        }
        return row;
      };
      for (const claim of paid) {
        const row = rowOf(claim.benefitCode);
        row.everSatang += claim.amountSatang;
        row.everCount += 1;
        if (claim.eventDate >= year.start && claim.eventDate <= year.end) {
          row.thisYearSatang += claim.amountSatang;
          row.thisYearCount += 1;
        }
      }
      return { year: { kind: year.kind, buddhistYear: year.buddhistYear, start: year.start, end: year.end }, rows: [...byBenefit.values()] };
    },
  }),

  defineRead({
    name: 'welfare.payouts.list',
    input: z.object({ kind: z.enum(['all', 'claims', 'expenses']).default('all') }),
    access: 'user',
    handler: ({ app, input }) => {
      const payouts = app.db
        .select()
        .from(welfarePayouts)
        .where(input.kind === 'claims' ? sql`${welfarePayouts.claimId} IS NOT NULL` : input.kind === 'expenses' ? isNull(welfarePayouts.claimId) : undefined)
        .orderBy(desc(welfarePayouts.voucherNumber))
        .all();
      const ids = payouts.map((payout) => payout.id);
      const lines = ids.length === 0 ? [] : app.db.select({ line: welfarePayoutLines, code: welfareAccounts.code, accountName: welfareAccounts.nameTh }).from(welfarePayoutLines).innerJoin(welfareAccounts, eq(welfareAccounts.id, welfarePayoutLines.accountId)).where(inArray(welfarePayoutLines.payoutId, ids)).orderBy(asc(welfarePayoutLines.position)).all();
      // the account the money left from: the entry's credit line
      const entryIds = payouts.map((payout) => payout.entryId);
      const paidFrom = new Map(
        entryIds.length === 0
          ? []
          : app.db
              .select({ entryId: welfareJournalLines.entryId, code: welfareAccounts.code, name: welfareAccounts.nameTh })
              .from(welfareJournalLines)
              .innerJoin(welfareAccounts, eq(welfareAccounts.id, welfareJournalLines.accountId))
              .where(and(inArray(welfareJournalLines.entryId, entryIds), sql`${welfareJournalLines.amountSatang} < 0`))
              .all()
              .map((row) => [row.entryId, { code: row.code, name: row.name }]),
      );
      return payouts.map((payout) => ({
        ...payout,
        lines: lines.filter((row) => row.line.payoutId === payout.id).map((row) => ({ ...row.line, accountCode: row.code, accountName: row.accountName })),
        paidFrom: paidFrom.get(payout.entryId) ?? null,
      }));
    },
  }),

  defineWrite({
    name: 'welfare.payouts.void',
    input: z.object({ payoutId: z.number().int().positive(), reason: z.string().trim().min(1, bilingual('กรุณากรอกเหตุผลที่ยกเลิก', 'Enter why the voucher is voided')).max(300) }),
    access: treasurers,
    handler: ({ app, input, user }) => {
      const before = app.db.select().from(welfarePayouts).where(eq(welfarePayouts.id, input.payoutId)).get();
      if (!before) throw new ApiError('NOT_FOUND', 'ไม่พบใบสำคัญจ่ายนี้', 'This voucher was not found', 'payoutId');
      if (before.voidedOn !== null) {
        throw new ApiError('CONFLICT', `ใบสำคัญจ่ายเลขที่ ${before.voucherNumber} ถูกยกเลิกไปแล้วเมื่อ ${dateTh(before.voidedOn)}`, `Voucher ${before.voucherNumber} was already voided on ${dateEn(before.voidedOn)}`, 'payoutId');
      }
      const today = localIsoDate(app.now());
      // The reversal is dated today: a closed month keeps its figures, the correction shows in the open one.
      const voidEntryId = reverseEntry(app, before.entryId, today, `ยกเลิกใบสำคัญจ่ายเลขที่ ${before.voucherNumber}: ${input.reason}`, user!.id);
      const after = app.db.update(welfarePayouts).set({ voidedOn: today, voidReason: input.reason, voidEntryId }).where(eq(welfarePayouts.id, input.payoutId)).returning().get()!;
      // the claim is approved still: the committee's decision stands, only the payment is undone
      if (before.claimId !== null) app.db.update(welfareClaims).set({ status: 'approved' }).where(eq(welfareClaims.id, before.claimId)).run();
      return { result: after, audit: { entity: 'payout', entityId: input.payoutId, before, after: before.claimId === null ? after : { ...after, claimStatus: 'approved' } } };
    },
  }),
] as const;
