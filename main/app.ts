import { openDatabase, type OpenDatabase } from '../db/open';
import type { DatabaseOpenError } from '../db/file-check';
import { methods } from './api/methods';
import { ApiError } from './api/errors';
import { Router, type AppContext } from './api/router';
import { alreadyChecked, checkPagesInWorker } from './integrity';

export interface App {
  database: OpenDatabase;
  router: Router;
  /** the page check of the data file: null when sound. Writes wait for it; a start-up may too (cli, window). */
  integrity: Promise<DatabaseOpenError | null>;
  close(): void;
}

/** Opens the data file and builds the one router both transports serve. */
export function createApp(file: string, options: { now?: () => Date; migrationsFolder?: string } = {}): App {
  const database = openDatabase(file, { migrationsFolder: options.migrationsFolder });
  const context: AppContext = { db: database.db, sqlite: database.sqlite, now: options.now ?? (() => new Date()) };
  const router = new Router(context, methods);
  const check = database.pagesChecked ? alreadyChecked : checkPagesInWorker(file, database.uncleanShutdown);
  const integrity = check.result.catch((error: unknown) => {
    // the check itself could not run (no worker): the writes go on as before, and the console says why
    console.error('[integrity] the page check did not run', error);
    return null;
  });
  router.holdWritesUntil(integrity.then((refusal) => (refusal ? new ApiError('STORAGE', refusal.messageTh, refusal.message) : null)));
  return {
    database,
    router,
    integrity,
    close: () => {
      check.stop();
      database.close();
    },
  };
}
