import { eq } from 'drizzle-orm';
import { office } from '../../db/schema';
import { preparedQuery } from '../../db/prepared';
import { ApiError } from '../api/errors';
import type { AppContext } from '../api/router';

/** The office table's one row. */
export type OfficeRow = typeof office.$inferSelect;

const profileQuery = preparedQuery((db) => db.select().from(office).where(eq(office.id, 1)).prepare());

export function readOfficeRow(app: AppContext): OfficeRow | null {
  return profileQuery(app.db).get() ?? null;
}

/** The row, or the refusal every caller gives before the first-run wizard has been completed. */
export function requireOfficeRow(app: AppContext): OfficeRow {
  const row = readOfficeRow(app);
  if (!row) throw new ApiError('NOT_SET_UP', 'ยังไม่ได้ตั้งค่าสำนักงาน กรุณาทำขั้นตอนตั้งค่าครั้งแรกให้เสร็จก่อน', 'The office is not set up yet; finish the first-run setup');
  return row;
}
