// The history viewer's methods (ประวัติการแก้ไข): the audit log filtered and paged, one record's full history, the
// filtered list as .xlsx. Only those who oversee the office read it: the log holds every change to personal data.
import { z } from 'zod';
import { asc } from 'drizzle-orm';
import { users } from '../../db/schema';
import { ApiError } from '../api/errors';
import { defineRead, defineTask, type Access } from '../api/router';
import { bilingual, isoDateField, isRealIsoDate, labelFields } from '../api/validation';
import { localIsoDate } from '../dates';
import { writeSpreadsheet } from '../spreadsheets/write';
import { formatThaiDate } from '../spreadsheets/thai-values';
import { COUNT_CAP, historyAreas, historyPage, historyRows, momentText, recordHistory, type HistoryFilter } from './audit-query';
import { entityName, entityNames } from './labels';
import { printFromRecords } from '../documents/methods';
import { personalDataRecord } from './access-request';
import { personalDataPrinted } from './pdpa';

/** Who may read the history: administrators and auditors (an auditor may also export it: main/api/roles.ts). */
export const historyReaders: Access = ['admin', 'auditor'];

/** An export holds at most this many rows: what a sheet opens comfortably and the app's own reader accepts. */
export const EXPORT_MAX_ROWS = 100_000;
/** Excel refuses a cell longer than this. */
const CELL_MAX_CHARS = 32_767;

labelFields({
  fromDate: ['ตั้งแต่วันที่', 'From'],
  toDate: ['ถึงวันที่', 'To'],
  entityId: ['รหัสรายการ', 'Record ID'],
  beforeId: ['หน้าถัดไป', 'Next page'],
});

const optionalDate = (th: string, en: string) => isoDateField(th, en).nullable().default(null);

const filterInput = z
  .object({
    userId: z.number().int().positive().nullable().default(null),
    fromDate: optionalDate('ตั้งแต่วันที่', 'From'),
    toDate: optionalDate('ถึงวันที่', 'To'),
    area: z.enum(historyAreas).nullable().default(null),
    entity: z.string().trim().max(60).nullable().default(null),
    entityId: z.string().trim().max(60).nullable().default(null),
    text: z.string().max(100).default(''),
  })
  .superRefine((input, context) => {
    if (!input.fromDate || !input.toDate || !isRealIsoDate(input.fromDate) || !isRealIsoDate(input.toDate)) return;
    if (input.toDate < input.fromDate) {
      context.addIssue({
        code: 'custom',
        path: ['toDate'],
        message: bilingual(`ถึงวันที่ ${formatThaiDate(input.toDate)} อยู่ก่อนตั้งแต่วันที่ ${formatThaiDate(input.fromDate)}`, `The end date ${input.toDate} is before the start date ${input.fromDate}`),
      });
    }
  });

function filterOf(input: z.output<typeof filterInput>): HistoryFilter {
  return { ...input, entity: input.entity || null, entityId: input.entityId || null };
}

const areaNames: Record<string, string> = {
  office: 'สำนักงาน',
  people: 'ทะเบียนบุคคล',
  welfare: 'กองทุนสวัสดิการ',
  documents: 'เอกสาร',
  backup: 'สำรองข้อมูล',
  history: 'ประวัติการแก้ไข',
};

export const historyMethods = [
  defineRead({
    name: 'history.options',
    input: z.object({}),
    access: historyReaders,
    handler: ({ app }) => ({
      users: app.db.select({ id: users.id, displayName: users.displayName, username: users.username }).from(users).orderBy(asc(users.displayName)).all(),
      areas: [...historyAreas],
      entities: Object.entries(entityNames).map(([entity, [th, en]]) => ({ entity, th, en })),
    }),
  }),

  defineRead({
    name: 'history.list',
    input: z.object({
      filter: filterInput.default(() => filterInput.parse({})),
      /** the page after this row (older rows); null for the newest page */
      beforeId: z.number().int().positive().nullable().default(null),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    access: historyReaders,
    handler: ({ app, input }) => ({ ...historyPage(app.sqlite, filterOf(input.filter), input.beforeId, input.limit), countCap: COUNT_CAP }),
  }),

  defineRead({
    name: 'history.record',
    input: z.object({
      entity: z.string().trim().min(1).max(60),
      entityId: z.string().trim().min(1, bilingual('กรุณาระบุรหัสรายการ', 'Enter the record ID')).max(60),
    }),
    access: historyReaders,
    handler: ({ app, input }) => {
      const rows = recordHistory(app.sqlite, input.entity, input.entityId);
      const [th, en] = entityName(input.entity);
      if (rows.length === 0) throw new ApiError('NOT_FOUND', `ไม่พบประวัติของ${th} รหัส ${input.entityId}`, `No history for ${en} ${input.entityId}`, 'entityId');
      return { entity: input.entity, entityId: input.entityId, rows };
    },
  }),

  // คำขอเข้าถึงข้อมูลส่วนบุคคล: the printed record of all the office holds about one person (itself a print of
  // personal data, logged as one)
  defineTask({
    name: 'history.accessRequestPrint',
    input: z.object({ personId: z.number().int().positive() }),
    access: historyReaders,
    handler: async ({ app, input, user, signal, recordAudit }) => {
      const data = personalDataRecord(app, input.personId, user?.displayName ?? '');
      const printed = await printFromRecords(app, 'personal-data-record', data, signal);
      recordAudit(personalDataPrinted('personal-data-record', 1, { personId: input.personId }));
      return printed;
    },
  }),

  defineTask({
    name: 'history.export',
    input: z.object({ filter: filterInput.default(() => filterInput.parse({})) }),
    access: historyReaders,
    handler: async ({ app, input, recordAudit }) => {
      const filter = filterOf(input.filter);
      const { rows, truncated } = historyRows(app.sqlite, filter, EXPORT_MAX_ROWS);
      if (rows.length === 0) throw new ApiError('NOT_FOUND', 'ไม่มีรายการตามเงื่อนไขที่เลือก จึงไม่มีอะไรให้ส่งออก', 'No entries match the filter: nothing to export', 'filter');
      const content = await writeSpreadsheet({
        sheetName: 'ประวัติการแก้ไข',
        title: `ประวัติการแก้ไข ส่งออกเมื่อ ${momentText(app.now().toISOString())}${truncated ? ` (${EXPORT_MAX_ROWS.toLocaleString('th-TH')} รายการล่าสุด)` : ''}`,
        columns: [
          { key: 'order', heading: 'ลำดับ', kind: 'number' },
          { key: 'at', heading: 'วันเวลา', kind: 'text' },
          { key: 'user', heading: 'ผู้ทำรายการ', kind: 'text' },
          { key: 'area', heading: 'ส่วนงาน', kind: 'text' },
          { key: 'method', heading: 'การทำงาน', kind: 'text' },
          { key: 'entity', heading: 'ประเภทรายการ', kind: 'text' },
          { key: 'entityId', heading: 'รหัสรายการ', kind: 'text' },
          { key: 'changes', heading: 'การเปลี่ยนแปลง', kind: 'text' },
        ],
        rows: rows.map((row, index) => ({
          order: index + 1,
          at: momentText(row.at),
          user: row.userName,
          area: areaNames[row.area] ?? row.area,
          method: row.method,
          entity: entityName(row.entity)[0],
          entityId: row.entityId,
          changes: row.changes
            // words, not an arrow: Sarabun has no arrow glyph
            .map((change) => `${change.labelTh}: จาก ${change.before || '(ว่าง)'} เป็น ${change.after || '(ว่าง)'}`)
            .join('\n')
            .slice(0, CELL_MAX_CHARS),
        })),
      });
      // the log names people and holds their data as it was: taking it out is an export of personal data (PDPA)
      recordAudit({ entity: 'export', entityId: null, before: null, after: { list: 'history', rows: rows.length, filter } });
      const day = localIsoDate(app.now()).replace(/-/g, '');
      return { fileName: `ประวัติการแก้ไข-${day}.xlsx`, contentBase64: content.toString('base64'), rows: rows.length, truncated };
    },
  }),
] as const;
