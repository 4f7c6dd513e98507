// Run by tests/bench/welfare.ts in a process of its own: opens the large fund's database as the main process does,
// logs in, computes the welfare dashboard, and prints the process's memory as JSON (DESIGN.md: < 400 MB).
import { createApp } from '../../main/app';
import type { ClientSession } from '../../main/api/router';

async function main(): Promise<void> {
  const [databasePath, username, password] = process.argv.slice(2);
  const app = createApp(databasePath!, { now: () => new Date('2026-11-30T09:00:00+07:00') });
  try {
    const session: ClientSession = { user: null };
    const login = await app.router.call(session, 'office.auth.login', { username, password });
    if (!login.ok) throw new Error(login.error.messageEn);
    const dashboard = await app.router.call(session, 'welfare.dashboard.get', { asOf: '2026-11-30' });
    if (!dashboard.ok) throw new Error(dashboard.error.messageEn);
    const memory = process.memoryUsage();
    console.log(JSON.stringify({ rss: memory.rss, heapUsed: memory.heapUsed, external: memory.external }));
  } finally {
    app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
