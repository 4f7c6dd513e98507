CREATE TABLE `welfare_accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_th` text NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`report_line` text NOT NULL,
	`bank_account` text DEFAULT '' NOT NULL,
	`system` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `welfare_accounts_code` ON `welfare_accounts` (`code`);--> statement-breakpoint
CREATE TABLE `welfare_beneficiaries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`membership_id` integer NOT NULL,
	`person_id` integer,
	`name` text NOT NULL,
	`relationship` text NOT NULL,
	`share_basis_points` integer NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`membership_id`) REFERENCES `welfare_memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "welfare_beneficiaries_share" CHECK("welfare_beneficiaries"."share_basis_points" > 0 AND "welfare_beneficiaries"."share_basis_points" <= 10000)
);
--> statement-breakpoint
CREATE INDEX `welfare_beneficiaries_membership` ON `welfare_beneficiaries` (`membership_id`);--> statement-breakpoint
CREATE TABLE `welfare_books` (
	`id` integer PRIMARY KEY NOT NULL,
	`accounting_year` text DEFAULT 'fiscal' NOT NULL,
	`admin_cost_cap_basis_points` integer DEFAULT 2000 NOT NULL,
	`two_person_threshold_satang` integer,
	`lock_date` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `welfare_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`membership_id` integer NOT NULL,
	`benefit_code` text NOT NULL,
	`event_date` text NOT NULL,
	`units` integer,
	`evidence` text NOT NULL,
	`status` text NOT NULL,
	`amount_satang` integer NOT NULL,
	`judgement` text NOT NULL,
	`regulation_version_id` integer,
	`approved_by` text DEFAULT '' NOT NULL,
	`approval_date` text,
	`approver_user_id` integer,
	`second_approver_user_id` integer,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`membership_id`) REFERENCES `welfare_memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`regulation_version_id`) REFERENCES `welfare_regulation_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approver_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`second_approver_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "welfare_claims_amount" CHECK("welfare_claims"."amount_satang" >= 0)
);
--> statement-breakpoint
CREATE INDEX `welfare_claims_membership` ON `welfare_claims` (`membership_id`,`benefit_code`,`event_date`);--> statement-breakpoint
CREATE TABLE `welfare_journal_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_date` text NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`reverses_entry_id` integer,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `welfare_journal_entries_date` ON `welfare_journal_entries` (`entry_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `welfare_journal_entries_reverses` ON `welfare_journal_entries` (`reverses_entry_id`);--> statement-breakpoint
CREATE TABLE `welfare_journal_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`amount_satang` integer NOT NULL,
	`membership_id` integer,
	`benefit_code` text,
	FOREIGN KEY (`entry_id`) REFERENCES `welfare_journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `welfare_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`membership_id`) REFERENCES `welfare_memberships`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "welfare_journal_lines_nonzero" CHECK("welfare_journal_lines"."amount_satang" <> 0)
);
--> statement-breakpoint
CREATE INDEX `welfare_journal_lines_entry` ON `welfare_journal_lines` (`entry_id`);--> statement-breakpoint
CREATE INDEX `welfare_journal_lines_account` ON `welfare_journal_lines` (`account_id`,`entry_id`);--> statement-breakpoint
CREATE TABLE `welfare_memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`member_number` text NOT NULL,
	`category` text NOT NULL,
	`application_date` text NOT NULL,
	`start_date` text NOT NULL,
	`approved_by` text DEFAULT '' NOT NULL,
	`approval_date` text,
	`entrance_fee_waived` integer DEFAULT false NOT NULL,
	`health_consent` integer DEFAULT false NOT NULL,
	`health_consent_date` text,
	`end_date` text,
	`end_reason` text,
	`end_note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "welfare_memberships_end" CHECK(("welfare_memberships"."end_date" IS NULL) = ("welfare_memberships"."end_reason" IS NULL)),
	CONSTRAINT "welfare_memberships_order" CHECK("welfare_memberships"."end_date" IS NULL OR "welfare_memberships"."end_date" >= "welfare_memberships"."start_date")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `welfare_memberships_open_number` ON `welfare_memberships` (`member_number`) WHERE "welfare_memberships"."end_date" IS NULL;--> statement-breakpoint
CREATE INDEX `welfare_memberships_number` ON `welfare_memberships` (`member_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `welfare_memberships_open_person` ON `welfare_memberships` (`person_id`) WHERE "welfare_memberships"."end_date" IS NULL;--> statement-breakpoint
CREATE INDEX `welfare_memberships_person` ON `welfare_memberships` (`person_id`);--> statement-breakpoint
CREATE TABLE `welfare_payout_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`payout_id` integer NOT NULL,
	`description` text NOT NULL,
	`amount_satang` integer NOT NULL,
	`account_id` integer NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`payout_id`) REFERENCES `welfare_payouts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `welfare_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "welfare_payout_lines_amount" CHECK("welfare_payout_lines"."amount_satang" > 0)
);
--> statement-breakpoint
CREATE INDEX `welfare_payout_lines_payout` ON `welfare_payout_lines` (`payout_id`);--> statement-breakpoint
CREATE TABLE `welfare_payouts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`voucher_number` integer NOT NULL,
	`payout_date` text NOT NULL,
	`claim_id` integer,
	`recipient_name` text NOT NULL,
	`recipient_address` text DEFAULT '' NOT NULL,
	`total_satang` integer NOT NULL,
	`entry_id` integer NOT NULL,
	`voided_on` text,
	`void_reason` text DEFAULT '' NOT NULL,
	`void_entry_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `welfare_claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `welfare_journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`void_entry_id`) REFERENCES `welfare_journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "welfare_payouts_total" CHECK("welfare_payouts"."total_satang" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `welfare_payouts_voucher` ON `welfare_payouts` (`voucher_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `welfare_payouts_claim` ON `welfare_payouts` (`claim_id`) WHERE "welfare_payouts"."voided_on" IS NULL;--> statement-breakpoint
CREATE TABLE `welfare_receipt_books` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`book_number` text NOT NULL,
	`first_number` integer NOT NULL,
	`last_number` integer NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "welfare_receipt_books_range" CHECK("welfare_receipt_books"."first_number" >= 1 AND "welfare_receipt_books"."last_number" >= "welfare_receipt_books"."first_number")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `welfare_receipt_books_number` ON `welfare_receipt_books` (`book_number`);--> statement-breakpoint
CREATE TABLE `welfare_receipt_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`receipt_id` integer NOT NULL,
	`kind` text NOT NULL,
	`period` text,
	`description` text NOT NULL,
	`amount_satang` integer NOT NULL,
	`account_id` integer NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`receipt_id`) REFERENCES `welfare_receipts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `welfare_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "welfare_receipt_lines_amount" CHECK("welfare_receipt_lines"."amount_satang" > 0),
	CONSTRAINT "welfare_receipt_lines_period" CHECK(("welfare_receipt_lines"."kind" = 'contribution') = ("welfare_receipt_lines"."period" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `welfare_receipt_lines_receipt` ON `welfare_receipt_lines` (`receipt_id`);--> statement-breakpoint
CREATE TABLE `welfare_receipts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`book_id` integer NOT NULL,
	`number` integer NOT NULL,
	`receipt_date` text NOT NULL,
	`membership_id` integer,
	`payer_name` text NOT NULL,
	`total_satang` integer NOT NULL,
	`entry_id` integer NOT NULL,
	`voided_on` text,
	`void_reason` text DEFAULT '' NOT NULL,
	`void_entry_id` integer,
	`print_count` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`book_id`) REFERENCES `welfare_receipt_books`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`membership_id`) REFERENCES `welfare_memberships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `welfare_journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`void_entry_id`) REFERENCES `welfare_journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "welfare_receipts_total" CHECK("welfare_receipts"."total_satang" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `welfare_receipts_book_number` ON `welfare_receipts` (`book_id`,`number`);--> statement-breakpoint
CREATE INDEX `welfare_receipts_membership` ON `welfare_receipts` (`membership_id`);--> statement-breakpoint
CREATE INDEX `welfare_receipts_date` ON `welfare_receipts` (`receipt_date`);--> statement-breakpoint
CREATE TABLE `welfare_regulation_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`effective_from` text NOT NULL,
	`body` text NOT NULL,
	`adopted_by` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `welfare_regulation_versions_effective_from_unique` ON `welfare_regulation_versions` (`effective_from`);