import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { people } from './people';
import { users } from './office';

/**
 * The regulation of the welfare fund (ระเบียบกองทุน), one row per version: what the fund decides is data with an
 * effective date (DESIGN.md rule 5). The body is the whole regulation as main/welfare/regulation-store.ts reads and
 * checks it: contributions, member categories and benefit types. A claim is judged by the version in force on the
 * day of its event.
 */
export const welfareRegulationVersions = sqliteTable('welfare_regulation_versions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** ISO date the version takes effect; one version per day */
  effectiveFrom: text('effective_from').notNull().unique(),
  /** JSON: { contributions, memberCategories, benefitTypes } */
  body: text('body').notNull(),
  /** where the committee adopted it: "มติที่ประชุมกรรมการ ครั้งที่ 3/2569" */
  adoptedBy: text('adopted_by').notNull().default(''),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by').references(() => users.id),
});

export const membershipEndReasons = ['resigned', 'died', 'lapsed', 'expelled'] as const;
export type MembershipEndReasonCode = (typeof membershipEndReasons)[number];

/**
 * A person's membership of the fund, from start to end. A person who leaves and joins again has a second row (a new
 * waiting period, a new entrance fee); at most one row per person is open (no end date).
 */
export const welfareMemberships = sqliteTable(
  'welfare_memberships',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    /**
     * เลขทะเบียนสมาชิก, as the fund writes it ("0042"). Open memberships never share one; a member who rejoins may
     * keep their old number, but no other person may take it (main/welfare/members.ts).
     */
    memberNumber: text('member_number').notNull(),
    /** a member category code of the regulation (ทั่วไป, เด็ก/เยาวชน, ผู้สูงอายุ, …) */
    category: text('category').notNull(),
    applicationDate: text('application_date').notNull(),
    /** the day membership counts from (waiting periods, years of membership, the first contribution period) */
    startDate: text('start_date').notNull(),
    /** the committee's approval: which meeting, and its date */
    approvedBy: text('approved_by').notNull().default(''),
    approvalDate: text('approval_date'),
    /** founding members and others the committee exempts */
    entranceFeeWaived: integer('entrance_fee_waived', { mode: 'boolean' }).notNull().default(false),
    /** explicit consent to keep health-related data for claims (PDPA s.26, DOMAIN.md §4.7) */
    healthConsent: integer('health_consent', { mode: 'boolean' }).notNull().default(false),
    healthConsentDate: text('health_consent_date'),
    endDate: text('end_date'),
    endReason: text('end_reason', { enum: membershipEndReasons }),
    endNote: text('end_note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('welfare_memberships_open_number')
      .on(t.memberNumber)
      .where(sql`${t.endDate} IS NULL`),
    index('welfare_memberships_number').on(t.memberNumber),
    // One open membership per person (DOMAIN.md §2.2: one active membership per citizen ID per fund).
    uniqueIndex('welfare_memberships_open_person')
      .on(t.personId)
      .where(sql`${t.endDate} IS NULL`),
    index('welfare_memberships_person').on(t.personId),
    check('welfare_memberships_end', sql`(${t.endDate} IS NULL) = (${t.endReason} IS NULL)`),
    check('welfare_memberships_order', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
  ],
);

/** ผู้รับผลประโยชน์: who receives a death benefit, a person of the register or a name as written, with a share. */
export const welfareBeneficiaries = sqliteTable(
  'welfare_beneficiaries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    membershipId: integer('membership_id')
      .notNull()
      .references(() => welfareMemberships.id),
    personId: integer('person_id').references(() => people.id),
    /** as written on the application when the beneficiary is not in the register */
    name: text('name').notNull(),
    relationship: text('relationship').notNull(),
    /** share in hundredths of a percent (10000 = all); the shares of one membership add up to 10000 */
    shareBasisPoints: integer('share_basis_points').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('welfare_beneficiaries_membership').on(t.membershipId), check('welfare_beneficiaries_share', sql`${t.shareBasisPoints} > 0 AND ${t.shareBasisPoints} <= 10000`)],
);

/**
 * The fund's book-keeping settings, one row (id 1): the accounting year, the administration cost cap, the lock date
 * (nothing may be posted on or before it) and the two-person rule for payouts.
 */
export const welfareBooks = sqliteTable('welfare_books', {
  id: integer('id').primaryKey(),
  accountingYear: text('accounting_year', { enum: ['fiscal', 'calendar'] }).notNull().default('fiscal'),
  /** administration costs as a share of the year's income, in hundredths of a percent (2000 = 20 %, DOMAIN.md §2.1 [U]) */
  adminCostCapBasisPoints: integer('admin_cost_cap_basis_points').notNull().default(2000),
  /** a payout above this needs a second user's approval; null = no two-person rule */
  twoPersonThresholdSatang: integer('two_person_threshold_satang'),
  /** the last day of the closed period: no posting on or before it */
  lockDate: text('lock_date'),
  updatedAt: text('updated_at').notNull(),
});

export const accountKinds = ['asset', 'income', 'expense', 'equity'] as const;

/**
 * The chart of accounts. The preset (main/welfare/accounts.ts) follows the four groups of CODI's status form
 * (DOMAIN.md §2.10); `reportLine` says which line of the form an account adds to. A fund may add accounts (a second
 * bank account, its own income).
 */
export const welfareAccounts = sqliteTable(
  'welfare_accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en').notNull().default(''),
    kind: text('kind', { enum: accountKinds }).notNull(),
    /** the status form's line this account reports under ('cash', 'bank', 'memberContributions', 'benefits', …) */
    reportLine: text('report_line').notNull(),
    /** bank and branch and account number, for a bank account */
    bankAccount: text('bank_account').notNull().default(''),
    /** preset accounts the books post to by themselves; they cannot be renamed away or closed */
    system: integer('system', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('welfare_accounts_code').on(t.code)],
);

export const journalEntryKinds = ['receipt', 'payout', 'expense', 'income', 'transfer', 'opening', 'reversal'] as const;

/**
 * One balanced posting (double entry underneath, a cash book on top: DOMAIN.md §2.10). Posted entries are never
 * changed or deleted (DESIGN.md rule 3): a mistake is corrected by a reversal that points to what it reverses.
 */
export const welfareJournalEntries = sqliteTable(
  'welfare_journal_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entryDate: text('entry_date').notNull(),
    kind: text('kind', { enum: journalEntryKinds }).notNull(),
    description: text('description').notNull(),
    /** the entry this one reverses; an entry is reversed at most once */
    reversesEntryId: integer('reverses_entry_id'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [index('welfare_journal_entries_date').on(t.entryDate), uniqueIndex('welfare_journal_entries_reverses').on(t.reversesEntryId)],
);

/**
 * The lines of an entry: satang, debit positive and credit negative; the lines of one entry add up to 0. The account
 * index carries the amount, so a balance (cash on hand before a transfer, a cash book's brought-forward) is summed
 * from the index alone.
 */
export const welfareJournalLines = sqliteTable(
  'welfare_journal_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entryId: integer('entry_id')
      .notNull()
      .references(() => welfareJournalEntries.id),
    accountId: integer('account_id')
      .notNull()
      .references(() => welfareAccounts.id),
    amountSatang: integer('amount_satang').notNull(),
    /** the member the money is from or for */
    membershipId: integer('membership_id').references(() => welfareMemberships.id),
    /** the benefit type of a payout line, for the status form's counts */
    benefitCode: text('benefit_code'),
  },
  (t) => [
    // entry, account, amount: an entry's lines are read from the index alone (the dashboard's months, later entries)
    index('welfare_journal_lines_entry_account_amount').on(t.entryId, t.accountId, t.amountSatang),
    index('welfare_journal_lines_account_amount').on(t.accountId, t.entryId, t.amountSatang),
    check('welfare_journal_lines_nonzero', sql`${t.amountSatang} <> 0`),
  ],
);

/** เล่มใบเสร็จ: a book of numbered receipts; numbers are used in order, none skipped. */
export const welfareReceiptBooks = sqliteTable(
  'welfare_receipt_books',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** เล่มที่ */
    bookNumber: text('book_number').notNull(),
    firstNumber: integer('first_number').notNull(),
    lastNumber: integer('last_number').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('welfare_receipt_books_number').on(t.bookNumber), check('welfare_receipt_books_range', sql`${t.firstNumber} >= 1 AND ${t.lastNumber} >= ${t.firstNumber}`)],
);

/**
 * One import of the fund's years on paper (main/welfare/history-import.ts): which file, when, by whom, and what it
 * posted. A file is imported once (its sha256); the receipts it posted sit in a receipt book of their own, full by
 * construction, so that no number of the fund's real receipt books is spent on history.
 */
export const welfareHistoryImports = sqliteTable('welfare_history_imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull().unique(),
  /** the day the paper books hand over to the program: every row is on or before it, the opening balances are on it */
  cutOverDate: text('cut_over_date').notNull(),
  /** the import's own book of history receipts (numbered 1…N in the order posted); null when it posted none */
  receiptBookId: integer('receipt_book_id').references(() => welfareReceiptBooks.id),
  /** JSON: the totals the treasurer was shown and confirmed (members, contributions and payouts per year, openings) */
  summary: text('summary').notNull(),
  importedAt: text('imported_at').notNull(),
  importedBy: integer('imported_by').references(() => users.id),
});

/** ใบเสร็จรับเงิน: never deleted; a wrong one is voided (ยกเลิก) with a reason and its posting reversed. */
export const welfareReceipts = sqliteTable(
  'welfare_receipts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bookId: integer('book_id')
      .notNull()
      .references(() => welfareReceiptBooks.id),
    /** เลขที่ within the book */
    number: integer('number').notNull(),
    receiptDate: text('receipt_date').notNull(),
    membershipId: integer('membership_id').references(() => welfareMemberships.id),
    /** ได้รับเงินจาก, as printed */
    payerName: text('payer_name').notNull(),
    totalSatang: integer('total_satang').notNull(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => welfareJournalEntries.id),
    voidedOn: text('voided_on'),
    voidReason: text('void_reason').notNull().default(''),
    voidEntryId: integer('void_entry_id').references(() => welfareJournalEntries.id),
    /** printed this many times: a reprint says สำเนา */
    printCount: integer('print_count').notNull().default(0),
    createdAt: text('created_at').notNull(),
    /**
     * IMPORTED HISTORY: the import that posted this receipt from the paper books, with the book and number it had on
     * paper (เล่มที่ '' and เลขที่ null when the paper kept only a table of months). All three null on the app's own.
     */
    historyImportId: integer('history_import_id').references(() => welfareHistoryImports.id),
    paperBook: text('paper_book'),
    paperNumber: text('paper_number'),
  },
  (t) => [
    uniqueIndex('welfare_receipts_book_number').on(t.bookId, t.number),
    // a paper book and number is imported once
    uniqueIndex('welfare_receipts_paper')
      .on(t.paperBook, t.paperNumber)
      .where(sql`${t.paperNumber} IS NOT NULL`),
    index('welfare_receipts_membership').on(t.membershipId),
    index('welfare_receipts_date').on(t.receiptDate),
    check('welfare_receipts_total', sql`${t.totalSatang} > 0`),
  ],
);

export const receiptLineKinds = ['contribution', 'entrance-fee', 'income'] as const;

/** What a receipt is for: a contribution period, the entrance fee, or other income (a donation, interest). */
export const welfareReceiptLines = sqliteTable(
  'welfare_receipt_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    receiptId: integer('receipt_id')
      .notNull()
      .references(() => welfareReceipts.id),
    kind: text('kind', { enum: receiptLineKinds }).notNull(),
    /** the contribution period's first month 'YYYY-MM' */
    period: text('period'),
    description: text('description').notNull(),
    amountSatang: integer('amount_satang').notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => welfareAccounts.id),
    position: integer('position').notNull(),
  },
  (t) => [index('welfare_receipt_lines_receipt').on(t.receiptId), check('welfare_receipt_lines_amount', sql`${t.amountSatang} > 0`), check('welfare_receipt_lines_period', sql`(${t.kind} = 'contribution') = (${t.period} IS NOT NULL)`)],
);

export const claimStatuses = ['pending', 'approved', 'refused', 'paid'] as const;

/**
 * คำขอรับสวัสดิการ: judged when entered, against the regulation in force on the event date; a refused claim is kept
 * with its reasons. A claim the regulation allows waits for the committee's approval (and a second user's, above the
 * fund's two-person threshold) before it is paid with a voucher.
 */
export const welfareClaims = sqliteTable(
  'welfare_claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    membershipId: integer('membership_id')
      .notNull()
      .references(() => welfareMemberships.id),
    benefitCode: text('benefit_code').notNull(),
    eventDate: text('event_date').notNull(),
    /** days or nights, for benefits paid per day */
    units: integer('units'),
    /** JSON: the evidence codes ticked */
    evidence: text('evidence').notNull(),
    status: text('status', { enum: claimStatuses }).notNull(),
    amountSatang: integer('amount_satang').notNull(),
    /** JSON: the judgement's lines and refusals, as shown when it was entered */
    judgement: text('judgement').notNull(),
    regulationVersionId: integer('regulation_version_id').references(() => welfareRegulationVersions.id),
    /** the committee's approval: which meeting, and its date */
    approvedBy: text('approved_by').notNull().default(''),
    approvalDate: text('approval_date'),
    approverUserId: integer('approver_user_id').references(() => users.id),
    secondApproverUserId: integer('second_approver_user_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [
    index('welfare_claims_membership').on(t.membershipId, t.benefitCode, t.eventDate),
    // the claims waiting for approval (the dashboard and the claims list), not the years of claims paid
    index('welfare_claims_pending').on(t.status).where(sql`${t.status} = 'pending'`),
    check('welfare_claims_amount', sql`${t.amountSatang} >= 0`),
  ],
);

/** ใบสำคัญจ่าย: a benefit paid on a claim, or an administrative expense; voided by reversal, never deleted. */
export const welfarePayouts = sqliteTable(
  'welfare_payouts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** the voucher's number, in order */
    voucherNumber: integer('voucher_number').notNull(),
    payoutDate: text('payout_date').notNull(),
    claimId: integer('claim_id').references(() => welfareClaims.id),
    /** ข้าพเจ้า …: the member, or the beneficiary of a death benefit, or whoever an expense is paid to */
    recipientName: text('recipient_name').notNull(),
    recipientAddress: text('recipient_address').notNull().default(''),
    totalSatang: integer('total_satang').notNull(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => welfareJournalEntries.id),
    voidedOn: text('voided_on'),
    voidReason: text('void_reason').notNull().default(''),
    voidEntryId: integer('void_entry_id').references(() => welfareJournalEntries.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('welfare_payouts_voucher').on(t.voucherNumber),
    // A claim is paid once; a voided voucher frees it to be paid again.
    uniqueIndex('welfare_payouts_claim')
      .on(t.claimId)
      .where(sql`${t.voidedOn} IS NULL`),
    check('welfare_payouts_total', sql`${t.totalSatang} > 0`),
  ],
);

export const welfarePayoutLines = sqliteTable(
  'welfare_payout_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    payoutId: integer('payout_id')
      .notNull()
      .references(() => welfarePayouts.id),
    description: text('description').notNull(),
    amountSatang: integer('amount_satang').notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => welfareAccounts.id),
    position: integer('position').notNull(),
  },
  (t) => [index('welfare_payout_lines_payout').on(t.payoutId), check('welfare_payout_lines_amount', sql`${t.amountSatang} > 0`)],
);
