// The router's side of the history import (main/welfare/history-import.ts): preview (read in a worker, check, show
// the totals), commit (one bulk plan in a worker, all or nothing), the refused rows as xlsx, and the imports done.
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { users, welfareHistoryImports } from '../../db/schema';
import { ApiError } from '../api/errors';
import { defineRead, defineTask, type AppContext } from '../api/router';
import type { Role } from '../api/roles';
import { bilingual, isoDateField } from '../api/validation';
import { BulkWriteCancelledError, BulkWriteFailedError, commitInWorker } from '../bulk-write';
import { localIsoDate } from '../dates';
import { auditMark } from '../people/import';
import { SpreadsheetError } from '../spreadsheets/read';
import { readInWorker } from '../spreadsheets/read-in-worker';
import { cellForFixing } from '../spreadsheets/thai-values';
import { writeSpreadsheet } from '../spreadsheets/write';
import { bookSettings } from './books';
import { dateEn, dateTh } from './wording';
import { checkHistory, historyWrite, historySheetKinds, HISTORY_IMPORT_METHOD, recallHistory, rememberHistory, sha256Of, type PreparedHistory } from './history-import';

const treasurers: readonly Role[] = ['treasurer'];
/** A fund's years of payments: 20,000 members × 12 months is 240,000 rows in one sheet. */
const HISTORY_MAX_ROWS = 300_000;
/** Problems sent to the screen; all of them go into the downloadable xlsx. */
const PREVIEW_MAX_PROBLEMS = 2000;

const choiceSchema = z.object({
  kind: z.enum(historySheetKinds),
  headerRow: z.number().int().min(1).optional(),
  mapping: z.record(z.string(), z.number().int().min(0).nullable()).optional(),
});

const previewInput = z.object({
  fileName: z.string().trim().min(1).max(260),
  contentBase64: z.string().min(1, bilingual('ไฟล์ว่างเปล่า', 'The file is empty')),
  fundStart: isoDateField('วันเริ่มกองทุน', 'Fund start date'),
  cutOverDate: isoDateField('วันยกยอด', 'Cut-over date'),
  /** sheet name → the user's choice of kind, header row and columns */
  sheets: z.record(z.string(), choiceSchema).optional(),
});

function refusal(error: unknown): never {
  if (error instanceof SpreadsheetError) throw new ApiError(error.kind === 'cancelled' ? 'CANCELLED' : 'INVALID_INPUT', error.th, error.en, 'file');
  throw error;
}

const notFound = () => new ApiError('NOT_FOUND', 'ไม่พบการนำเข้านี้ (อาจหมดเวลาแล้ว) กรุณาเลือกไฟล์อีกครั้ง', 'This import was not found (it may have expired); choose the file again', 'importId');

function alreadyImported(app: AppContext, sha256: string): ApiError | null {
  const earlier = app.db.select().from(welfareHistoryImports).where(eq(welfareHistoryImports.sha256, sha256)).get();
  if (!earlier) return null;
  const day = earlier.importedAt.slice(0, 10);
  return new ApiError('CONFLICT', `นำเข้าไฟล์นี้ไปแล้วเมื่อ ${dateTh(day)} (${earlier.fileName}) ไม่นำเข้าซ้ำ`, `This file was already imported on ${dateEn(day)} (${earlier.fileName}); it is not imported twice`, 'file');
}

function previewOf(entry: PreparedHistory) {
  const { checked } = entry;
  return {
    importId: entry.id,
    fileName: entry.fileName,
    sheets: checked.sheets.map((sheet) => ({ ...sheet, fields: sheet.fields.map((field) => ({ key: field.key, label: field.label })) })),
    problems: checked.problems.slice(0, PREVIEW_MAX_PROBLEMS),
    problemCount: checked.problems.length,
    warnings: checked.warnings.slice(0, PREVIEW_MAX_PROBLEMS),
    warningCount: checked.warnings.length,
    lapsing: checked.lapsing.slice(0, PREVIEW_MAX_PROBLEMS),
    lapsingCount: checked.lapsing.length,
    totals: checked.totals,
    options: entry.options,
  };
}

export const welfareHistoryMethods = [
  defineTask({
    name: 'welfare.history.preview',
    input: previewInput,
    access: treasurers,
    handler: async ({ app, input, user, signal, progress }) => {
      if (input.fundStart > input.cutOverDate) throw new ApiError('INVALID_INPUT', 'วันเริ่มกองทุนอยู่หลังวันยกยอด', 'The fund start is after the cut-over date', 'fundStart');
      if (input.cutOverDate > localIsoDate(app.now())) throw new ApiError('INVALID_INPUT', 'วันยกยอดอยู่ในอนาคต', 'The cut-over date is in the future', 'cutOverDate');
      const lock = bookSettings(app)?.lockDate ?? null;
      if (lock !== null && input.cutOverDate <= lock) {
        throw new ApiError('INVALID_INPUT', `ปิดบัญชีถึงวันที่ ${dateTh(lock)} แล้ว วันยกยอดต้องอยู่หลังวันนั้น`, `The books are closed up to ${dateEn(lock)}; the cut-over date must be after it`, 'cutOverDate');
      }
      const bytes = Buffer.from(input.contentBase64, 'base64');
      const sha256 = sha256Of(bytes);
      const twice = alreadyImported(app, sha256);
      if (twice) throw twice;
      if ((app.sqlite.prepare('SELECT count(*) AS n FROM welfare_regulation_versions').get() as { n: number }).n === 0) {
        throw new ApiError('INVALID_INPUT', 'ยังไม่ได้ตั้งระเบียบกองทุน กรุณาบันทึกระเบียบ (ประเภทสมาชิก เงินสมทบ และสวัสดิการ) ก่อนนำเข้าประวัติ', "The fund's regulation is not set up yet; record it before importing history", 'file');
      }
      progress({ done: 0, total: 2, unit: 'items' });
      const read = await readInWorker(bytes, { fileName: input.fileName, allSheets: true, maxRows: HISTORY_MAX_ROWS, signal }).catch(refusal);
      progress({ done: 1, total: 2, unit: 'items' });
      signal?.throwIfAborted();
      const options = { fundStart: input.fundStart, cutOverDate: input.cutOverDate };
      const choices = input.sheets ?? {};
      const mark = auditMark(app);
      const checked = checkHistory(app, read.tables ?? [read.table], choices, options);
      progress({ done: 2, total: 2, unit: 'items' });
      const entry = rememberHistory({ userId: user!.id, fileName: input.fileName, sha256, read, choices, options, checked, auditMark: mark });
      return previewOf(entry);
    },
  }),

  defineTask({
    name: HISTORY_IMPORT_METHOD,
    input: z.object({ importId: z.string().uuid() }),
    access: treasurers,
    handler: async ({ app, input, user, progress, signal }) => {
      const entry = recallHistory(input.importId, user!.id);
      if (!entry) throw notFound();
      if (entry.committed) throw new ApiError('CONFLICT', 'นำเข้าไฟล์นี้ไปแล้ว', 'This file has already been imported', 'importId');
      const twice = alreadyImported(app, entry.sha256);
      if (twice) throw twice;
      // The books may have changed since the preview: then every row is checked again against them.
      const mark = auditMark(app);
      if (mark !== entry.auditMark) {
        entry.checked = checkHistory(app, entry.read.tables ?? [entry.read.table], entry.choices, entry.options);
        entry.auditMark = mark;
      }
      // The rule: nothing is posted while any row is refused — the paper books' totals must match the whole file.
      if (entry.checked.problems.length > 0) {
        throw new ApiError(
          'INVALID_INPUT',
          `มี ${entry.checked.problems.length.toLocaleString('en-US')} แถวที่นำเข้าไม่ได้ ไม่มีการบันทึกข้อมูลใด ๆ กรุณาแก้ไขไฟล์ตามเหตุผลที่แสดง (ดาวน์โหลดแถวที่ต้องแก้ไขได้) แล้วนำเข้าอีกครั้ง`,
          `${entry.checked.problems.length} rows cannot be imported; nothing was saved. Fix the file as shown (the rows can be downloaded) and import it again`,
          'importId',
        );
      }
      const { totals } = entry.checked;
      if (totals.members.newMemberships + totals.contributions.count + totals.payouts.count + totals.openings.length === 0) {
        throw new ApiError('INVALID_INPUT', 'ไฟล์นี้ไม่มีรายการที่จะนำเข้า', 'This file has nothing to import', 'importId');
      }
      const actor = { userId: user!.id, at: app.now().toISOString(), method: HISTORY_IMPORT_METHOD };
      try {
        // the plan is built while the worker loads
        const result = await commitInWorker(app.sqlite.name, () => historyWrite(app, { checked: entry.checked, fileName: entry.fileName, sha256: entry.sha256, options: entry.options, actor }), { progress, signal });
        entry.committed = true;
        return { auditId: result.auditId, totals, writeMs: Math.round(result.writeMs), rowsWritten: Object.values(result.changes).reduce((sum, rows) => sum + rows, 0) };
      } catch (error) {
        if (error instanceof BulkWriteCancelledError) throw new ApiError('CANCELLED', 'ยกเลิกการนำเข้าแล้ว ไม่มีการบันทึกข้อมูลใด ๆ', 'The import was cancelled; nothing was saved');
        if (error instanceof BulkWriteFailedError && (error.sqliteCode?.startsWith('SQLITE_CONSTRAINT') || error.sqliteCode === 'SQLITE_BUSY')) {
          throw new ApiError('CONFLICT', 'ข้อมูลกองทุนมีการเปลี่ยนแปลงระหว่างนำเข้า ไม่มีการบันทึกข้อมูลใด ๆ กรุณาตรวจสอบไฟล์อีกครั้ง', 'The fund changed during the import; nothing was saved. Check the file again');
        }
        throw error;
      }
    },
  }),

  // The refused rows carry names and citizen IDs: taking them out of the program is an export like any other (PDPA).
  defineTask({
    name: 'welfare.history.errorRows',
    input: z.object({ importId: z.string().uuid() }),
    access: treasurers,
    handler: async ({ input, user, recordAudit }) => {
      const entry = recallHistory(input.importId, user!.id);
      if (!entry) throw notFound();
      const { problems, refusedCells } = entry.checked;
      const width = Math.max(0, ...[...refusedCells.values()].map((cells) => cells.length));
      const columns = [
        { key: 'sheet', heading: 'แผ่นงาน', kind: 'text' as const },
        { key: 'rowNumber', heading: 'แถวที่ในไฟล์เดิม', kind: 'number' as const },
        { key: 'column', heading: 'คอลัมน์', kind: 'text' as const },
        { key: 'reason', heading: 'เหตุผลที่นำเข้าไม่ได้', kind: 'text' as const },
        ...Array.from({ length: width }, (_, index) => ({ key: `c${index}`, heading: `คอลัมน์ ${index + 1}`, kind: 'text' as const })),
      ];
      const rows = problems.map((problem) => {
        const cells = refusedCells.get(`${problem.sheet}\u0001${problem.rowNumber}`) ?? [];
        return { sheet: problem.sheet, rowNumber: problem.rowNumber, column: problem.column ?? '', reason: problem.th, ...Object.fromEntries(cells.map((cell, index) => [`c${index}`, cellForFixing(cell)])) };
      });
      const content = await writeSpreadsheet({ sheetName: 'แถวที่นำเข้าไม่ได้', columns, rows });
      const base = entry.fileName.replace(/\.(xlsx|csv|txt)$/i, '');
      recordAudit({ entity: 'export', entityId: null, before: null, after: { list: 'history-import-refused-rows', fileName: entry.fileName, rows: rows.length } });
      return { fileName: `${base}-แถวที่ต้องแก้ไข.xlsx`, contentBase64: content.toString('base64'), rows: rows.length };
    },
  }),

  defineRead({
    name: 'welfare.history.list',
    input: z.object({}).default({}),
    access: 'user',
    handler: ({ app }) =>
      app.db
        .select({ id: welfareHistoryImports.id, fileName: welfareHistoryImports.fileName, cutOverDate: welfareHistoryImports.cutOverDate, importedAt: welfareHistoryImports.importedAt, user: users.displayName, summary: welfareHistoryImports.summary })
        .from(welfareHistoryImports)
        .leftJoin(users, eq(users.id, welfareHistoryImports.importedBy))
        .orderBy(desc(welfareHistoryImports.id))
        .all()
        .map((row) => ({ ...row, summary: JSON.parse(row.summary) as ReturnType<typeof previewOf>['totals'] })),
  }),
] as const;

