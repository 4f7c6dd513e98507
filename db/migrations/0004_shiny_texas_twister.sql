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
