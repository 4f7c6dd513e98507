import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { office } from '../../db/schema';
import { ApiError } from '../api/errors';
import { defineRead, type AppContext } from '../api/router';
import { invalidInput, labelFields } from '../api/validation';
import type { OfficeProfile } from './blocks';
import { FormInputError, RenderCancelledError, renderForm, UnknownFormError } from './engine';
import { findForm, formSummaries } from './forms/index';

// Thai names of the form fields a message may point at (the router's validation names the field).
labelFields({
  formId: ['แบบฟอร์ม', 'Form'],
  reference: ['ที่ (เลขที่หนังสือ)', 'Reference number'],
  subject: ['เรื่อง', 'Subject'],
  to: ['เรียน', 'Addressee'],
  paragraphs: ['เนื้อความ', 'Body paragraphs'],
  people: ['รายชื่อ', 'People'],
  columns: ['คอลัมน์', 'Columns'],
  firstName: ['ชื่อ', 'First name'],
});

function officeForPrint(app: AppContext): OfficeProfile {
  const row = app.db.select().from(office).where(eq(office.id, 1)).get();
  if (!row) throw new ApiError('NOT_SET_UP', 'ยังไม่ได้ตั้งค่าสำนักงาน จึงพิมพ์หัวเอกสารไม่ได้', 'The office is not set up yet');
  const { tambon, amphoe, province, councilName, fundName, address, phone, logo, thaiDigits } = row;
  return { tambon, amphoe, province, councilName, fundName, address, phone, logo, thaiDigits };
}

export const documentMethods = [
  defineRead({
    name: 'documents.forms.list',
    input: z.object({}),
    access: 'user',
    handler: () => formSummaries(),
  }),

  defineRead({
    name: 'documents.forms.render',
    input: z.object({
      formId: z.string().trim().min(1),
      data: z.record(z.string(), z.unknown()).optional(),
      useSample: z.boolean().default(false),
    }),
    access: 'user',
    handler: async ({ app, input, progress, signal }) => {
      const form = findForm(input.formId);
      if (!form) throw new ApiError('NOT_FOUND', `ไม่พบแบบฟอร์ม "${input.formId}"`, `Unknown form "${input.formId}"`, 'formId');
      if (!input.useSample && input.data === undefined) {
        throw new ApiError('INVALID_INPUT', 'ช่อง "ข้อมูลเอกสาร": ต้องกรอก', 'Field "data": is required', 'data');
      }
      const data = input.useSample ? form.sample() : input.data;
      try {
        const result = await renderForm(form.id, data, { office: officeForPrint(app), today: app.now().toISOString().slice(0, 10) }, {
          signal,
          onProgress: ({ done, total }) => progress({ done, total, labelTh: 'กำลังสร้างเอกสาร' }),
        });
        return { pdfBase64: result.pdf.toString('base64'), pages: result.pages, fileName: result.fileName };
      } catch (error) {
        if (error instanceof FormInputError) {
          const refusal = invalidInput(error.zodError);
          throw new ApiError('INVALID_INPUT', refusal.messageTh, refusal.messageEn, refusal.field ? `data.${refusal.field}` : 'data');
        }
        if (error instanceof UnknownFormError) throw new ApiError('NOT_FOUND', `ไม่พบแบบฟอร์ม "${input.formId}"`, `Unknown form "${input.formId}"`, 'formId');
        if (error instanceof RenderCancelledError) throw new ApiError('CANCELLED', 'ยกเลิกการพิมพ์เอกสารแล้ว', 'Printing was cancelled');
        throw error;
      }
    },
  }),
] as const;
