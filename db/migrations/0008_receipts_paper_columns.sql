ALTER TABLE `welfare_receipts` ADD `history_import_id` integer REFERENCES welfare_history_imports(id);--> statement-breakpoint
ALTER TABLE `welfare_receipts` ADD `paper_book` text;--> statement-breakpoint
ALTER TABLE `welfare_receipts` ADD `paper_number` text;--> statement-breakpoint
-- the history receipts' marks move onto the receipts themselves, row for row, before their table goes
UPDATE `welfare_receipts` SET `history_import_id` = h.`import_id`, `paper_book` = h.`paper_book`, `paper_number` = h.`paper_number` FROM `welfare_history_receipts` h WHERE h.`receipt_id` = `welfare_receipts`.`id`;--> statement-breakpoint
DROP TABLE `welfare_history_receipts`;--> statement-breakpoint
CREATE UNIQUE INDEX `welfare_receipts_paper` ON `welfare_receipts` (`paper_book`,`paper_number`) WHERE "welfare_receipts"."paper_number" IS NOT NULL;
