DROP INDEX `welfare_journal_lines_entry`;--> statement-breakpoint
CREATE INDEX `welfare_journal_lines_entry_account_amount` ON `welfare_journal_lines` (`entry_id`,`account_id`,`amount_satang`);