CREATE TABLE `anonymised_people` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`anonymised_at` text NOT NULL,
	`anonymised_by` integer,
	`audit_rows_redacted` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`anonymised_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `login_failures` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`failures` integer NOT NULL,
	`last_try` integer NOT NULL,
	`wait_until` integer NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE TABLE `privacy_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`anonymise_after_years` integer DEFAULT 10 NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "privacy_settings_one_row" CHECK("privacy_settings"."id" = 1),
	CONSTRAINT "privacy_settings_years" CHECK("privacy_settings"."anonymise_after_years" BETWEEN 1 AND 50)
);
--> statement-breakpoint
CREATE TABLE `welfare_history_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`cut_over_date` text NOT NULL,
	`receipt_book_id` integer,
	`summary` text NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` integer,
	FOREIGN KEY (`receipt_book_id`) REFERENCES `welfare_receipt_books`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `welfare_history_imports_sha256_unique` ON `welfare_history_imports` (`sha256`);--> statement-breakpoint
CREATE TABLE `welfare_history_receipts` (
	`receipt_id` integer PRIMARY KEY NOT NULL,
	`import_id` integer NOT NULL,
	`paper_book` text DEFAULT '' NOT NULL,
	`paper_number` text,
	FOREIGN KEY (`receipt_id`) REFERENCES `welfare_receipts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `welfare_history_imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `welfare_history_receipts_paper` ON `welfare_history_receipts` (`paper_book`,`paper_number`) WHERE "welfare_history_receipts"."paper_number" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `welfare_history_receipts_import` ON `welfare_history_receipts` (`import_id`);--> statement-breakpoint
CREATE TABLE `welfare_codi_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`local_government_kind` text DEFAULT 'subdistrict' NOT NULL,
	`village_threshold_basis_points` integer,
	`founded_on` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `welfare_codi_year_texts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fiscal_year` integer NOT NULL,
	`section_key` text NOT NULL,
	`text` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `welfare_codi_year_texts_section` ON `welfare_codi_year_texts` (`fiscal_year`,`section_key`);