// The office's backups from the screen: the status for the "วันนี้" page, a backup now to a chosen folder (a USB
// stick), optionally encrypted, and a restore after its summary has been read and confirmed.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ApiError } from '../api/errors';
import { defineRead, defineTask } from '../api/router';
import { bilingual } from '../api/validation';
import { localIsoDate } from '../dates';
import { automaticBackupDir, inspectBackup, lastGoodBackup, makeBackup, restoreBackup } from './backups';

/** A backup older than this is warned about on the "วันนี้" page. */
const WARN_AFTER_DAYS = 7;

const folderField = z.string().trim().min(1, bilingual('กรุณาเลือกโฟลเดอร์ที่จะเก็บไฟล์สำรอง', 'Choose the folder for the backup')).max(1000);
const fileField = z.string().trim().min(1, bilingual('กรุณาเลือกไฟล์สำรอง', 'Choose the backup file')).max(1000);
const passwordField = z.string().max(200).nullable().default(null);

export const backupMethods = [
  defineRead({
    name: 'backup.status',
    input: z.object({}),
    access: 'user',
    handler: ({ app }) => {
      const last = lastGoodBackup(app);
      const ageDays = last ? Math.floor((app.now().getTime() - Date.parse(last.madeAt)) / 86_400_000) : null;
      return { last, ageDays, warn: ageDays === null || ageDays > WARN_AFTER_DAYS, automaticFolder: automaticBackupDir(app) };
    },
  }),

  defineTask({
    name: 'backup.now',
    input: z.object({
      folder: folderField,
      password: passwordField.refine((value) => value === null || value.length >= 8, bilingual('รหัสผ่านของไฟล์สำรองต้องยาวอย่างน้อย 8 ตัวอักษร', 'The backup password needs at least 8 characters')),
    }),
    access: ['admin', 'treasurer', 'secretary'],
    handler: async ({ app, input, recordAudit }) => {
      const folder = path.resolve(input.folder);
      if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
        throw new ApiError('INVALID_INPUT', `ไม่พบโฟลเดอร์ ${folder} (ถ้าเป็นแฟลชไดรฟ์ ให้เสียบก่อน)`, `Folder ${folder} not found (plug the USB stick in first)`, 'folder');
      }
      const name = `TambonDesk-${localIsoDate(app.now())}-${app.now().toISOString().slice(11, 19).replace(/:/g, '')}${input.password ? '.tdbackup' : '.sqlite'}`;
      const made = await makeBackup(app, path.join(folder, name), { kind: 'manual', password: input.password });
      recordAudit({ entity: 'backup', entityId: null, before: null, after: { file: made.file, encrypted: Boolean(input.password), sizeBytes: made.sizeBytes } });
      return made;
    },
  }),

  defineTask({
    name: 'backup.inspect',
    input: z.object({ file: fileField, password: passwordField }),
    access: ['admin'],
    handler: async ({ input }) => inspectBackup(path.resolve(input.file), input.password),
  }),

  defineTask({
    name: 'backup.restore',
    input: z.object({
      file: fileField,
      password: passwordField,
      /** the summary was shown and the administrator confirmed replacing the current data */
      confirmed: z.literal(true, { error: bilingual('กรุณายืนยันการกู้คืนก่อน', 'Confirm the restore first') }),
    }),
    access: ['admin'],
    handler: async ({ app, input, recordAudit }) => {
      const restored = await restoreBackup(app, path.resolve(input.file), input.password);
      recordAudit({ entity: 'backup', entityId: null, before: { safetyCopy: restored.safetyCopy }, after: { restoredFrom: path.resolve(input.file), counts: restored.summary.counts } });
      return restored;
    },
  }),
] as const;
