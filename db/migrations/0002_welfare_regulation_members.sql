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