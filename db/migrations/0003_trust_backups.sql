CREATE TABLE `backup_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`made_at` text NOT NULL,
	`kind` text NOT NULL,
	`file` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`encrypted` integer NOT NULL,
	`verified` integer NOT NULL,
	`counts` text NOT NULL
);
