CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text DEFAULT '' NOT NULL,
	`citizen_id` text,
	`no_citizen_id_reason` text,
	`sex` text,
	`birth_date` text,
	`house_number` text DEFAULT '' NOT NULL,
	`village_id` integer,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`consent_given` integer DEFAULT false NOT NULL,
	`consent_date` text,
	`consent_scope` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`life_status` text DEFAULT 'alive' NOT NULL,
	`life_status_date` text,
	`sort_key` text NOT NULL,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "people_id_or_reason" CHECK(("people"."citizen_id" IS NULL) = ("people"."no_citizen_id_reason" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_citizen_id` ON `people` (`citizen_id`);--> statement-breakpoint
CREATE INDEX `people_sort` ON `people` (`sort_key`);--> statement-breakpoint
CREATE INDEX `people_village_sort` ON `people` (`village_id`,`sort_key`);--> statement-breakpoint
CREATE INDEX `people_village_birth` ON `people` (`village_id`,`birth_date`);--> statement-breakpoint
CREATE TABLE `spreadsheet_mappings` (
	`kind` text PRIMARY KEY NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `villages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` integer NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	CONSTRAINT "villages_number_positive" CHECK("villages"."number" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `villages_number` ON `villages` (`number`);