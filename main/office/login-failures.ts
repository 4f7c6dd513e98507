// The login throttle's counts on disk (issue 11): a restart keeps a guesser's wait. One small row per username or
// client with wrong tries in the last hour; a right password or an hour of quiet deletes it.
import { and, eq } from 'drizzle-orm';
import { loginFailures } from '../../db/schema';
import type { AppContext } from '../api/router';
import type { ThrottleStore } from './login-throttle';

export function loginFailureStore(app: AppContext): ThrottleStore {
  return {
    load: () => app.db.select().from(loginFailures).all().map(({ scope, key, ...tries }) => ({ scope, key, tries })),
    save: (scope, key, tries) =>
      void app.db
        .insert(loginFailures)
        .values({ scope, key, ...tries })
        .onConflictDoUpdate({ target: [loginFailures.scope, loginFailures.key], set: { ...tries } })
        .run(),
    remove: (scope, key) => void app.db.delete(loginFailures).where(and(eq(loginFailures.scope, scope), eq(loginFailures.key, key))).run(),
  };
}
