import { openDatabase, type OpenDatabase } from '../db/open';
import { methods } from './api/methods';
import { Router, type AppContext } from './api/router';

export interface App {
  database: OpenDatabase;
  router: Router;
  close(): void;
}

/** Opens the data file and builds the one router both transports serve. */
export function createApp(file: string, options: { now?: () => Date; migrationsFolder?: string } = {}): App {
  const database = openDatabase(file, { migrationsFolder: options.migrationsFolder });
  const context: AppContext = { db: database.db, sqlite: database.sqlite, now: options.now ?? (() => new Date()) };
  const router = new Router(context, methods);
  return { database, router, close: () => database.close() };
}
