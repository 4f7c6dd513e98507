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