ALTER TABLE `welfare_paid` ADD `periods_owed_from` text;--> statement-breakpoint
ALTER TABLE `welfare_paid` ADD `entrance_fee_owed` integer;