// Paper from the books (issue 9: "every printed form is computed from the records, never typed twice"): receipts
// and a member's passbook are composed here from what was posted, then drawn by the Thai PDF engine.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { people, users, villages, welfareBeneficiaries, welfareClaims, welfareJournalEntries, welfareMemberships, welfarePayoutLines, welfarePayouts, welfareReceiptBooks, welfareReceiptLines, welfareReceipts } from '../../db/schema';
import { ApiError } from '../api/errors';
import { defineTask, type AppContext } from '../api/router';
import { recordKeepers } from '../api/roles';
import { personalDataPrinted } from '../history/pdpa';
import { bilingual, isoDateField } from '../api/validation';
import { formatSatang } from '../documents/format';
import type { WelfareApplicationData } from '../documents/forms/welfare-application';
import type { WelfarePassbookData } from '../documents/forms/welfare-passbook';
import type { WelfareReceiptData } from '../documents/forms/welfare-receipt';
import type { WelfareVoucherData } from '../documents/forms/welfare-voucher';
import { fullName } from '../people/register';
import { officeForPrint, printFromRecords } from '../documents/methods';
import { allocationsOf, membershipForRules } from './books';
import { formatPeriod, passbookLines, periodMonthsOf, type ContributionSettings } from './contributions';
import { regulationOn } from './methods';

type ReceiptLine = typeof welfareReceiptLines.$inferSelect;

/** Consecutive contribution periods print as one line ("เงินสมทบ ส.ค.–ธ.ค. 69"): a receipt has room for 8 lines. */
function printedItems(lines: ReceiptLine[], periodMonths: number): { description: string; amountSatang: number }[] {
  const items: { description: string; amountSatang: number; first?: string; last?: string; count?: number }[] = [];
  const monthIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
  for (const line of lines) {
    const previous = items.at(-1);
    if (line.kind === 'contribution' && previous?.last !== undefined && monthIndex(line.period!) - monthIndex(previous.last) === periodMonths) {
      previous.last = line.period!;
      previous.count! += 1;
      previous.amountSatang += line.amountSatang;
      previous.description = `เงินสมทบ ${formatPeriod(previous.first!, previous.count! * periodMonths)}`;
    } else if (line.kind === 'contribution') {
      items.push({ description: line.description, amountSatang: line.amountSatang, first: line.period!, last: line.period!, count: 1 });
    } else items.push({ description: line.description, amountSatang: line.amountSatang });
  }
  return items.map(({ description, amountSatang }) => ({ description, amountSatang }));
}

function receiptsForPrint(app: AppContext, receiptIds: number[]): WelfareReceiptData['receipts'] {
  const rows = app.db
    .select({ receipt: welfareReceipts, book: welfareReceiptBooks.bookNumber, person: people, memberNumber: welfareMemberships.memberNumber, village: villages.number, receivedBy: users.displayName })
    .from(welfareReceipts)
    .innerJoin(welfareReceiptBooks, eq(welfareReceiptBooks.id, welfareReceipts.bookId))
    .innerJoin(welfareJournalEntries, eq(welfareJournalEntries.id, welfareReceipts.entryId))
    .leftJoin(users, eq(users.id, welfareJournalEntries.createdBy))
    .leftJoin(welfareMemberships, eq(welfareMemberships.id, welfareReceipts.membershipId))
    .leftJoin(people, eq(people.id, welfareMemberships.personId))
    .leftJoin(villages, eq(villages.id, people.villageId))
    .where(inArray(welfareReceipts.id, receiptIds))
    .orderBy(asc(welfareReceiptBooks.id), asc(welfareReceipts.number))
    .all();
  if (rows.length !== new Set(receiptIds).size) throw new ApiError('NOT_FOUND', 'ไม่พบใบเสร็จบางใบที่ขอพิมพ์', 'Some of the receipts asked for were not found', 'receiptIds');
  return rows.map((row) => {
    const lines = app.db.select().from(welfareReceiptLines).where(eq(welfareReceiptLines.receiptId, row.receipt.id)).orderBy(asc(welfareReceiptLines.position)).all();
    // only contributions need the regulation (their period length); a donation may come before there is one
    const periodMonths = lines.some((line) => line.kind === 'contribution') ? periodMonthsOf(regulationOn(app, row.receipt.receiptDate, 'receiptIds').contributions.scheme) : 1;
    return {
      book: row.book,
      number: String(row.receipt.number),
      date: row.receipt.receiptDate,
      payer: row.person ? { title: row.person.title, firstName: row.person.firstName, lastName: row.person.lastName } : { title: '', firstName: row.receipt.payerName, lastName: '' },
      memberNumber: row.memberNumber ?? '',
      village: row.village ?? null,
      items: printedItems(lines, periodMonths),
      receivedBy: { name: row.receivedBy ?? '', position: 'เหรัญญิก' },
      copy: row.receipt.printCount > 0,
      voided: row.receipt.voidedOn === null ? null : { reason: row.receipt.voidReason, date: row.receipt.voidedOn },
    };
  });
}

/** What a member commits to pay, as the application and the passbook write it: "เดือนละ 30.00 บาท". */
function schemeText(scheme: ContributionSettings['scheme']): string {
  const perPeriod = formatSatang(scheme.amountSatang);
  return scheme.kind === 'monthly' ? `เดือนละ ${perPeriod} บาท` : scheme.kind === 'yearly' ? `ปีละ ${perPeriod} บาท` : `ทุก ${scheme.months} เดือน งวดละ ${perPeriod} บาท`;
}

function membershipOrRefuse(app: AppContext, id: number) {
  const membership = app.db.select().from(welfareMemberships).where(eq(welfareMemberships.id, id)).get();
  if (!membership) throw new ApiError('NOT_FOUND', 'ไม่พบสมาชิกภาพนี้', 'This membership was not found', 'membershipId');
  const person = app.db.select().from(people).where(eq(people.id, membership.personId)).get()!;
  const village = person.villageId === null ? null : (app.db.select().from(villages).where(eq(villages.id, person.villageId)).get() ?? null);
  return { membership, person, village };
}

/**
 * The application as the member signed it, from the membership: the register's particulars (dotted lines where the
 * register does not know them), the beneficiaries with their shares, the health-data consent and the committee's
 * approval. The committee's "ครั้งที่ 3/2569" is taken from the approval as it was recorded.
 */
function applicationForPrint(app: AppContext, membershipId: number): WelfareApplicationData {
  const { membership, person, village } = membershipOrRefuse(app, membershipId);
  const office = officeForPrint(app);
  const regulation = regulationOn(app, membership.applicationDate < membership.startDate ? membership.startDate : membership.applicationDate, 'membershipId');
  const beneficiaries = app.db
    .select({ beneficiary: welfareBeneficiaries, person: people })
    .from(welfareBeneficiaries)
    .leftJoin(people, eq(people.id, welfareBeneficiaries.personId))
    .where(eq(welfareBeneficiaries.membershipId, membership.id))
    .orderBy(asc(welfareBeneficiaries.position))
    .all();
  const approved = membership.approvalDate !== null || membership.approvedBy !== '';
  return {
    memberNumber: membership.memberNumber,
    writtenAt: office.fundName,
    date: membership.applicationDate,
    to: '',
    applicant: {
      title: person.title,
      firstName: person.firstName,
      lastName: person.lastName,
      citizenId: person.citizenId ?? '',
      birthDate: person.birthDate,
      houseNumber: person.houseNumber,
      village: village?.number ?? null,
      villageName: village?.name ?? '',
      soi: '',
      road: '',
      phone: person.phone,
    },
    category: regulation.memberCategories.find((category) => category.code === membership.category)?.th ?? membership.category,
    contribution: schemeText(regulation.contributions.scheme),
    beneficiaries: beneficiaries.map(({ beneficiary, person: known }) => ({
      ...(known ? { title: known.title, firstName: known.firstName, lastName: known.lastName } : { title: '', firstName: beneficiary.name, lastName: '' }),
      relationship: beneficiary.relationship,
      sharePercent: beneficiary.shareBasisPoints / 100,
    })),
    healthDataConsent: membership.healthConsent,
    communityCommittee: {},
    resolution: {
      meeting: /ครั้งที่\s*(\S{1,40})/.exec(membership.approvedBy)?.[1] ?? '',
      date: membership.approvalDate,
      accepted: approved ? true : null,
      note: '',
      chair: {},
    },
  };
}

/**
 * A voucher from its payout: the lines as posted, the recipient (the member with their address from the register,
 * or the beneficiary named when paying), the treasurer who posted it; a voided one is marked ยกเลิก.
 */
function voucherForPrint(app: AppContext, payoutId: number): WelfareVoucherData {
  const payout = app.db.select().from(welfarePayouts).where(eq(welfarePayouts.id, payoutId)).get();
  if (!payout) throw new ApiError('NOT_FOUND', 'ไม่พบใบสำคัญจ่ายนี้', 'This voucher was not found', 'payoutId');
  const lines = app.db.select().from(welfarePayoutLines).where(eq(welfarePayoutLines.payoutId, payout.id)).orderBy(asc(welfarePayoutLines.position)).all();
  const paidBy = app.db.select({ name: users.displayName }).from(welfareJournalEntries).leftJoin(users, eq(users.id, welfareJournalEntries.createdBy)).where(eq(welfareJournalEntries.id, payout.entryId)).get();
  const office = officeForPrint(app);
  // a name typed when paying ("นางสาวกัญญ์ณัฏฐ์ ปุณณ์ญาดา") may wrap at its first space only, as a name does
  const space = payout.recipientName.indexOf(' ');
  let recipient: WelfareVoucherData['recipient'] = space < 0 ? { title: '', firstName: payout.recipientName, lastName: '' } : { title: '', firstName: payout.recipientName.slice(0, space), lastName: payout.recipientName.slice(space + 1) };
  let address = payout.recipientAddress;
  let capacity = '';
  if (payout.claimId !== null) {
    const claim = app.db.select().from(welfareClaims).where(eq(welfareClaims.id, payout.claimId)).get()!;
    const membership = app.db.select().from(welfareMemberships).where(eq(welfareMemberships.id, claim.membershipId)).get()!;
    const member = app.db.select().from(people).where(eq(people.id, membership.personId)).get()!;
    if (payout.recipientName === fullName(member)) {
      recipient = { title: member.title, firstName: member.firstName, lastName: member.lastName };
      capacity = `สมาชิกเลขที่ ${membership.memberNumber}`;
      if (!address) {
        const village = member.villageId === null ? null : app.db.select().from(villages).where(eq(villages.id, member.villageId)).get();
        address = [member.houseNumber && `บ้านเลขที่ ${member.houseNumber}`, village && `หมู่ที่ ${village.number}`, member.address, `ตำบล${office.tambon} อำเภอ${office.amphoe} จังหวัด${office.province}`].filter(Boolean).join(' ');
      }
    } else capacity = `ในฐานะผู้รับผลประโยชน์ของ${fullName(member)} สมาชิกเลขที่ ${membership.memberNumber}`;
  }
  return {
    number: String(payout.voucherNumber),
    date: payout.payoutDate,
    recipient,
    address,
    capacity,
    items: lines.map((line) => ({ description: line.description, amountSatang: line.amountSatang })),
    paidBy: { name: paidBy?.name ?? '', position: 'เหรัญญิก' },
    witness: { name: '', position: 'ประธานกองทุน' },
    voided: payout.voidedOn === null ? null : { reason: payout.voidReason, date: payout.voidedOn },
  };
}

export const welfarePrintMethods = [
  defineTask({
    name: 'welfare.members.applicationPrint',
    input: z.object({ membershipId: z.number().int().positive() }),
    access: 'user',
    handler: async ({ app, input, signal, recordAudit }) => {
      const data = applicationForPrint(app, input.membershipId);
      const printed = await printFromRecords(app, 'welfare-application', data, signal);
      recordAudit(personalDataPrinted('welfare-application', 1 + data.beneficiaries.length, { membershipId: input.membershipId }));
      return printed;
    },
  }),

  defineTask({
    name: 'welfare.receipts.print',
    input: z.object({
      receiptIds: z.array(z.number().int().positive()).min(1, bilingual('เลือกใบเสร็จที่จะพิมพ์', 'Choose the receipts to print')).max(5000),
      twoPerPage: z.boolean().default(false),
    }),
    // Not the viewer or the auditor: a print counts, and the office's next print of the receipt would say สำเนา
    // although the payer never got the original. Reading a receipt needs no print (welfare.receipts.list).
    access: recordKeepers,
    handler: async ({ app, input, signal, recordAudit }) => {
      const receipts = receiptsForPrint(app, input.receiptIds);
      const printed = await printFromRecords(app, 'welfare-receipt', { twoPerPage: input.twoPerPage, receipts }, signal);
      // A receipt printed once prints "สำเนา" from then on: the count and the record of who printed go in together.
      app.sqlite.transaction(() => {
        for (const id of input.receiptIds) app.db.update(welfareReceipts).set({ printCount: sql`${welfareReceipts.printCount} + 1` }).where(eq(welfareReceipts.id, id)).run();
        const payers = new Set(receipts.map((receipt) => `${receipt.payer.title}${receipt.payer.firstName} ${receipt.payer.lastName}`));
        recordAudit(personalDataPrinted('welfare-receipt', payers.size, { printed: input.receiptIds, copies: receipts.filter((receipt) => receipt.copy).length }));
      })();
      return printed;
    },
  }),

  defineTask({
    name: 'welfare.members.passbookPrint',
    input: z.object({ membershipId: z.number().int().positive(), asOf: isoDateField('ข้อมูล ณ วันที่', 'As of'), fullCitizenId: z.boolean().default(false) }),
    access: 'user',
    handler: async ({ app, input, signal, recordAudit }) => {
      const { membership, person, village } = membershipOrRefuse(app, input.membershipId);
      const regulation = regulationOn(app, input.asOf, 'asOf');
      const paid = allocationsOf(app, [membership.id]).get(membership.id)!;
      const to = input.asOf < membership.startDate ? membership.startDate : input.asOf;
      const data: WelfarePassbookData = {
        member: {
          title: person.title,
          firstName: person.firstName,
          lastName: person.lastName,
          number: membership.memberNumber,
          citizenId: person.citizenId ?? '',
          village: village?.number ?? null,
          villageName: village?.name ?? '',
          since: membership.startDate,
          category: regulation.memberCategories.find((category) => category.code === membership.category)?.th ?? membership.category,
        },
        fullCitizenId: input.fullCitizenId,
        scheme: schemeText(regulation.contributions.scheme),
        asOf: input.asOf,
        lines: passbookLines(regulation.contributions, membershipForRules(membership), paid, membership.startDate, to).map((line) => ({ ...line, remark: '', treasurer: '' })),
      };
      const printed = await printFromRecords(app, 'welfare-passbook', data, signal);
      recordAudit(personalDataPrinted('welfare-passbook', 1, { membershipId: membership.id, fullCitizenId: input.fullCitizenId }));
      return printed;
    },
  }),

  defineTask({
    name: 'welfare.payouts.print',
    input: z.object({ payoutId: z.number().int().positive() }),
    access: 'user',
    handler: async ({ app, input, signal, recordAudit }) => {
      const data = voucherForPrint(app, input.payoutId);
      const printed = await printFromRecords(app, 'welfare-voucher', data, signal);
      recordAudit(personalDataPrinted('welfare-voucher', 1, { payoutId: input.payoutId }));
      return { ...printed, totalSatang: data.items.reduce((sum, item) => sum + item.amountSatang, 0) };
    },
  }),
] as const;

