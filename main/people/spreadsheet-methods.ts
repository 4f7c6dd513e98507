import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, spreadsheetMappings, users } from '../../db/schema';
import { BulkWriteCancelledError, BulkWriteFailedError, commitInWorker } from '../bulk-write';
import { ApiError } from '../api/errors';
import { defineRead, defineTask, type AppContext } from '../api/router';
import type { Role } from '../api/roles';
import { bilingual } from '../api/validation';
import { findHeaderRow, guessMapping, normaliseHeading, SpreadsheetError } from '../spreadsheets/read';
import { readInWorker } from '../spreadsheets/read-in-worker';
import { cellForFixing, cellText, normaliseText } from '../spreadsheets/thai-values';
import { writeSpreadsheet } from '../spreadsheets/write';
import { localIsoDate } from '../dates';
import { formatCitizenId, maskCitizenId } from './citizen-id';
import { listForExport } from './register';
import { personListFilter } from './schemas';
import { auditMark, checkRows, countRows, importPlan, keepOnlyRefusedRows, PEOPLE_IMPORT_KIND, personImportFields, recallImport, rememberImport, sha256, type CheckedRow, type ColumnMapping } from './import';

/** What an import's audit row records (main/people/import.ts importPlan). */
interface ImportRecord {
  fileName: string;
  sha256: string;
  sheet: string;
  rows: number;
  inserted: number;
  updated: number;
  skipped: number;
  errors: number;
}

const importers: readonly Role[] = ['secretary', 'treasurer', 'planner'];
/** Rows the preview sends to the screen in full: every refused or warned row, and the first of the rest. */
const PREVIEW_READY_ROWS = 200;
const PREVIEW_MAX_ROWS = 5000;

/** The headings the user mapped last time, by field: a heading matched again maps the same way. */
function rememberedMapping(app: AppContext): Record<string, string> {
  const row = app.db.select().from(spreadsheetMappings).where(eq(spreadsheetMappings.kind, PEOPLE_IMPORT_KIND)).get();
  return row ? (JSON.parse(row.mapping) as Record<string, string>) : {};
}

function applyRemembered(guess: ColumnMapping, headings: string[], remembered: Record<string, string>): ColumnMapping {
  const mapping = { ...guess };
  const normalised = headings.map(normaliseHeading);
  for (const [field, heading] of Object.entries(remembered)) {
    const column = normalised.indexOf(normaliseHeading(heading));
    if (column < 0 || !(field in mapping)) continue;
    for (const [other, taken] of Object.entries(mapping)) if (taken === column) mapping[other] = null;
    mapping[field] = column;
  }
  return mapping;
}

function refusal(error: unknown): never {
  if (error instanceof SpreadsheetError) throw new ApiError('INVALID_INPUT', error.th, error.en, 'file');
  throw error;
}

function previewRow(row: CheckedRow) {
  const person = row.person;
  return {
    rowNumber: row.rowNumber,
    status: row.status,
    messages: row.messages,
    existing: row.existing,
    person: person && {
      title: person.title,
      firstName: person.firstName,
      lastName: person.lastName,
      citizenId: person.citizenId && formatCitizenId(person.citizenId),
      sex: person.sex,
      birthDate: person.birthDate,
      houseNumber: person.houseNumber,
      villageId: person.villageId,
      phone: person.phone,
    },
  };
}

const fileInput = z.object({
  fileName: z.string().trim().min(1).max(260),
  /** the file's bytes, base64 (the HTTP transport carries JSON; 15 MB of file is ~20 MB of text) */
  contentBase64: z.string().min(1, bilingual('ไฟล์ว่างเปล่า', 'The file is empty')),
  sheet: z.string().optional(),
  /** the header's row number in the file (1-based), when the user corrects the guess */
  headerRow: z.number().int().min(1).optional(),
  encoding: z.enum(['utf-8', 'utf-16le', 'windows-874']).optional(),
  /** field → column index, when the user corrects the guess */
  mapping: z.record(z.string(), z.number().int().min(0).nullable()).optional(),
});

export const peopleImportMethods = [
  defineTask({
    name: 'people.import.preview',
    input: fileInput,
    access: importers,
    handler: async ({ app, input, user, signal }) => {
      const bytes = Buffer.from(input.contentBase64, 'base64');
      const read = await readInWorker(bytes, { fileName: input.fileName, sheet: input.sheet, encoding: input.encoding, signal }).catch(refusal);
      const table = read.table;
      const headerIndex = findHeader(table.rowNumbers, input.headerRow) ?? findHeaderRow(table, personImportFields);
      if (table.rows.length <= headerIndex + 1) {
        throw new ApiError('INVALID_INPUT', `แผ่นงาน "${table.name}" ไม่มีรายชื่อใต้แถวหัวตาราง`, `The sheet "${table.name}" has no rows below its header`, 'file');
      }
      const headings = (table.rows[headerIndex] ?? []).map((cell) => normaliseText(cellText(cell)));
      const guessed = guessMapping(headings, personImportFields);
      const mapping = input.mapping ? { ...guessed, ...input.mapping } : applyRemembered(guessed, headings, rememberedMapping(app));
      const mark = auditMark(app);
      const rows = checkRows(app, read, headerIndex, mapping);
      const entry = rememberImport({ userId: user!.id, fileName: input.fileName, sha256: sha256(bytes), read, headerIndex, mapping, rows, auditMark: mark });
      const shown = rows.filter((row, index) => row.status !== 'ready' || row.messages.length > 0 || index < PREVIEW_READY_ROWS).slice(0, PREVIEW_MAX_ROWS);
      return {
        importId: entry.id,
        format: read.format,
        encoding: read.encoding,
        sheets: read.sheets,
        sheet: table.name,
        headerRow: table.rowNumbers[headerIndex] ?? 1,
        headings,
        fields: personImportFields.map((field) => ({ key: field.key, label: field.label, required: field.required ?? false })),
        mapping,
        counts: countRows(rows),
        rows: shown.map(previewRow),
      };
    },
  }),

  defineTask({
    name: 'people.import.commit',
    input: z.object({ importId: z.string().uuid(), existing: z.enum(['skip', 'update']).default('skip') }),
    access: importers,
    handler: async ({ app, input, user, progress, signal }) => {
      const entry = recallImport(input.importId, user!.id);
      if (!entry) throw new ApiError('NOT_FOUND', 'ไม่พบการนำเข้านี้ (อาจหมดเวลาแล้ว) กรุณาเลือกไฟล์อีกครั้ง', 'This import was not found (it may have expired); choose the file again', 'importId');
      if (entry.committed) throw new ApiError('CONFLICT', 'นำเข้าไฟล์นี้ไปแล้ว', 'This file has already been imported', 'importId');
      // The register may have changed since the preview: then the rows are checked again against it.
      const mark = auditMark(app);
      if (mark !== entry.auditMark) {
        entry.rows = checkRows(app, entry.read, entry.headerIndex, entry.mapping);
        entry.auditMark = mark;
      }
      if (!entry.rows.some((row) => row.status === 'ready' || (row.status === 'existing' && input.existing === 'update'))) {
        throw new ApiError('INVALID_INPUT', 'ไม่มีแถวที่นำเข้าได้ ไม่มีการบันทึกข้อมูลใด ๆ กรุณาแก้ไขไฟล์ตามเหตุผลที่แสดง แล้วนำเข้าอีกครั้ง', 'No row can be imported; nothing was saved. Fix the file as shown and import it again', 'importId');
      }
      const plan = importPlan(entry, input.existing, { userId: user!.id, at: app.now().toISOString(), method: 'people.import.commit' }, entry.read.table.name);
      try {
        const result = await commitInWorker(app.sqlite.name, () => ({ plan }), { progress, signal });
        // Kept (not forgotten) so that the rows in error can still be downloaded after the good ones went in.
        keepOnlyRefusedRows(entry);
        const after = plan.audit.after as { inserted: number; updated: number; skipped: number; errors: number };
        return { inserted: result.changes.insertPerson ?? 0, updated: result.changes.updatePerson ?? 0, skipped: after.skipped, errors: after.errors, auditId: result.auditId, writeMs: Math.round(result.writeMs) };
      } catch (error) {
        if (error instanceof BulkWriteCancelledError) throw new ApiError('CANCELLED', 'ยกเลิกการนำเข้าแล้ว ไม่มีการบันทึกข้อมูลใด ๆ', 'The import was cancelled; nothing was saved');
        if (error instanceof BulkWriteFailedError && error.sqliteCode?.startsWith('SQLITE_CONSTRAINT')) {
          throw new ApiError('CONFLICT', 'ทะเบียนมีการเปลี่ยนแปลงระหว่างนำเข้า ไม่มีการบันทึกข้อมูลใด ๆ กรุณาตรวจสอบไฟล์อีกครั้ง', 'The register changed during the import; nothing was saved. Check the file again');
        }
        if (error instanceof BulkWriteFailedError && error.sqliteCode === 'SQLITE_BUSY') {
          throw new ApiError('CONFLICT', 'ฐานข้อมูลกำลังถูกใช้งานโดยรายการอื่น ไม่มีการบันทึกข้อมูลใด ๆ กรุณาลองใหม่', 'The database is busy with other work; nothing was saved. Try again');
        }
        throw error;
      }
    },
  }),

  defineRead({
    name: 'people.import.history',
    input: z.object({ limit: z.number().int().min(1).max(100).default(10) }),
    access: 'user',
    handler: ({ app, input }) =>
      app.db
        .select({ id: auditLog.id, at: auditLog.at, user: users.displayName, after: auditLog.after })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.userId))
        .where(and(eq(auditLog.entity, 'import'), eq(auditLog.method, 'people.import.commit')))
        .orderBy(desc(auditLog.id))
        .limit(input.limit)
        .all()
        .map((row) => ({ id: row.id, at: row.at, user: row.user, ...(JSON.parse(row.after ?? '{}') as ImportRecord) })),
  }),

  // The refused rows carry names and citizen IDs: taking them out of the program is an export like any other (PDPA).
  defineTask({
    name: 'people.import.errorRows',
    input: z.object({ importId: z.string().uuid() }),
    access: importers,
    handler: async ({ input, user, recordAudit }) => {
      const entry = recallImport(input.importId, user!.id);
      if (!entry) throw new ApiError('NOT_FOUND', 'ไม่พบการนำเข้านี้ (อาจหมดเวลาแล้ว) กรุณาเลือกไฟล์อีกครั้ง', 'This import was not found (it may have expired); choose the file again', 'importId');
      const headings = (entry.read.table.rows[entry.headerIndex] ?? []).map((cell, index) => normaliseText(cellText(cell)) || `คอลัมน์ ${index + 1}`);
      const refused = entry.rows.filter((row) => row.status === 'error' || row.status === 'duplicateInFile');
      const columns = [
        { key: 'rowNumber', heading: 'แถวที่ในไฟล์เดิม', kind: 'number' as const },
        { key: 'reason', heading: 'เหตุผลที่นำเข้าไม่ได้', kind: 'text' as const },
        ...headings.map((heading, index) => ({ key: `c${index}`, heading, kind: 'text' as const })),
      ];
      const rows = refused.map((row) => ({
        rowNumber: row.rowNumber,
        reason: row.messages.filter((m) => m.severity === 'error').map((m) => (m.column ? `${m.column}: ${m.th}` : m.th)).join(' / '),
        ...Object.fromEntries(headings.map((_, index) => [`c${index}`, cellForFixing(row.cells[index] ?? null)])),
      }));
      const content = await writeSpreadsheet({ sheetName: 'แถวที่นำเข้าไม่ได้', columns, rows });
      const base = entry.fileName.replace(/\.(xlsx|csv|txt)$/i, '');
      recordAudit({ entity: 'export', entityId: null, before: null, after: { list: 'people-import-refused-rows', fileName: entry.fileName, rows: rows.length } });
      return { fileName: `${base}-แถวที่ต้องแก้ไข.xlsx`, contentBase64: content.toString('base64'), rows: rows.length };
    },
  }),
] as const;


function findHeader(rowNumbers: number[], headerRow: number | undefined): number | null {
  if (headerRow === undefined) return null;
  const index = rowNumbers.indexOf(headerRow);
  if (index < 0) throw new ApiError('INVALID_INPUT', `แถวที่ ${headerRow} ว่างหรือไม่มีในแผ่นงานนี้ กรุณาเลือกแถวหัวตารางใหม่`, `Row ${headerRow} is empty or not in this sheet; choose the header row again`, 'headerRow');
  return index;
}

const lifeStatusText = { alive: 'มีชีวิต', died: 'เสียชีวิต', moved: 'ย้ายออก' } as const;
const sexText = { M: 'ชาย', F: 'หญิง' } as const;

export const peopleExportMethods = [
  defineTask({
    name: 'people.persons.export',
    input: personListFilter.extend({
      /** full citizen IDs instead of the masked ones; recorded like every export of personal data */
      fullCitizenId: z.boolean().default(false),
    }),
    access: importers,
    handler: async ({ app, input, recordAudit }) => {
      const { fullCitizenId, ...filter } = input;
      const rows = listForExport(app.db, app.now(), filter);
      const content = await writeSpreadsheet({
        sheetName: 'ทะเบียนบุคคล',
        columns: [
          { key: 'order', heading: 'ลำดับ', kind: 'number' },
          { key: 'title', heading: 'คำนำหน้าชื่อ', kind: 'text' },
          { key: 'firstName', heading: 'ชื่อ', kind: 'text' },
          { key: 'lastName', heading: 'นามสกุล', kind: 'text' },
          { key: 'citizenId', heading: 'เลขประจำตัวประชาชน', kind: 'citizenId' },
          { key: 'sex', heading: 'เพศ', kind: 'text' },
          { key: 'birthDate', heading: 'วันเกิด', kind: 'date' },
          { key: 'age', heading: 'อายุ (ปี)', kind: 'number' },
          { key: 'houseNumber', heading: 'บ้านเลขที่', kind: 'text' },
          { key: 'villageNumber', heading: 'หมู่ที่', kind: 'number' },
          { key: 'villageName', heading: 'ชื่อหมู่บ้าน', kind: 'text' },
          { key: 'address', heading: 'ที่อยู่', kind: 'text' },
          { key: 'phone', heading: 'โทรศัพท์', kind: 'text' },
          { key: 'lifeStatus', heading: 'สถานะ', kind: 'text' },
          { key: 'lifeStatusDate', heading: 'วันที่เสียชีวิต/ย้ายออก', kind: 'date' },
          { key: 'consent', heading: 'ความยินยอม (PDPA)', kind: 'text' },
          { key: 'consentDate', heading: 'วันที่ให้ความยินยอม', kind: 'date' },
          { key: 'notes', heading: 'หมายเหตุ', kind: 'text' },
        ],
        rows: rows.map((row, index) => ({
          order: index + 1,
          title: row.title,
          firstName: row.firstName,
          lastName: row.lastName,
          citizenId: row.citizenId === null ? null : fullCitizenId ? row.citizenId : maskCitizenId(row.citizenId),
          sex: row.sex === null ? null : sexText[row.sex],
          birthDate: row.birthDate,
          age: row.age,
          houseNumber: row.houseNumber,
          villageNumber: row.villageNumber,
          villageName: row.villageName,
          address: row.address,
          phone: row.phone,
          lifeStatus: lifeStatusText[row.lifeStatus],
          lifeStatusDate: row.lifeStatusDate,
          consent: row.consentGiven ? 'ให้ความยินยอม' : 'ยังไม่ได้ให้',
          consentDate: row.consentDate,
          notes: row.notes,
        })),
      });
      // PDPA (DOMAIN.md §4.7): who took which personal data, when, and how much.
      recordAudit({ entity: 'export', entityId: null, before: null, after: { list: 'people', rows: rows.length, people: rows.length, fullCitizenId, filter } });
      const day = localIsoDate(app.now()).replace(/-/g, '');
      return { fileName: `ทะเบียนบุคคล-${day}.xlsx`, contentBase64: content.toString('base64'), rows: rows.length };
    },
  }),
] as const;
