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
CREATE INDEX `welfare_history_receipts_import` ON `welfare_history_receipts` (`import_id`);