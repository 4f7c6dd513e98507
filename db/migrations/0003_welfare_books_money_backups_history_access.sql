CREATE TABLE `backup_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`made_at` text NOT NULL,
	`kind` text NOT NULL,
	`file` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`encrypted` integer NOT NULL,
	`verified` integer NOT NULL,
	`counts` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `welfare_bank_reconciliations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`month` text NOT NULL,
	`bank_balance_satang` integer NOT NULL,
	`ledger_balance_satang` integer NOT NULL,
	`uncleared_satang` integer NOT NULL,
	`difference_satang` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`saved_at` text NOT NULL,
	`saved_by` integer,
	FOREIGN KEY (`account_id`) REFERENCES `welfare_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`saved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `welfare_bank_reconciliations_month` ON `welfare_bank_reconciliations` (`account_id`,`month`);--> statement-breakpoint
CREATE TABLE `welfare_cleared_lines` (
	`journal_line_id` integer PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`cleared_month` text NOT NULL,
	FOREIGN KEY (`journal_line_id`) REFERENCES `welfare_journal_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `welfare_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `welfare_cleared_lines_account` ON `welfare_cleared_lines` (`account_id`,`cleared_month`);--> statement-breakpoint
CREATE TABLE `welfare_income_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`income_date` text NOT NULL,
	`source_account_id` integer NOT NULL,
	`money_account_id` integer NOT NULL,
	`amount_satang` integer NOT NULL,
	`payer_name` text NOT NULL,
	`description` text NOT NULL,
	`codi_round` integer,
	`codi_round_approval_date` text,
	`receipt_id` integer,
	`voided_on` text,
	`void_reason` text DEFAULT '' NOT NULL,
	`void_entry_id` integer,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`entry_id`) REFERENCES `welfare_journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_account_id`) REFERENCES `welfare_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`money_account_id`) REFERENCES `welfare_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receipt_id`) REFERENCES `welfare_receipts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`void_entry_id`) REFERENCES `welfare_journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "welfare_income_records_amount" CHECK("welfare_income_records"."amount_satang" > 0),
	CONSTRAINT "welfare_income_records_round" CHECK(("welfare_income_records"."codi_round" IS NULL) = ("welfare_income_records"."codi_round_approval_date" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `welfare_income_records_entry` ON `welfare_income_records` (`entry_id`);--> statement-breakpoint
CREATE INDEX `welfare_income_records_date` ON `welfare_income_records` (`income_date`);--> statement-breakpoint
CREATE INDEX `welfare_income_records_source` ON `welfare_income_records` (`source_account_id`,`income_date`);--> statement-breakpoint
CREATE TABLE `welfare_paid` (
	`membership_id` integer PRIMARY KEY NOT NULL,
	`rules_key` text NOT NULL,
	`summary` text NOT NULL,
	`last_paid_on` text,
	`lapse_on` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`membership_id`) REFERENCES `welfare_memberships`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `welfare_paid_lapse` ON `welfare_paid` (`lapse_on`);--> statement-breakpoint
CREATE TABLE `password_resets` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`reset_by` integer NOT NULL,
	`reset_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reset_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `welfare_journal_lines_account`;--> statement-breakpoint
CREATE INDEX `welfare_journal_lines_account_amount` ON `welfare_journal_lines` (`account_id`,`entry_id`,`amount_satang`);--> statement-breakpoint
CREATE INDEX `audit_log_user` ON `audit_log` (`user_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_method` ON `audit_log` (`method`);