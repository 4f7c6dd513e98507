CREATE TABLE `password_resets` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`reset_by` integer NOT NULL,
	`reset_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reset_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
