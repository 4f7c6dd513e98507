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
CREATE INDEX `welfare_paid_lapse` ON `welfare_paid` (`lapse_on`);