import { z } from 'zod';
import { ApiError } from '../api/errors';
import { requireOfficeRow } from '../office/profile';
import { defineRead, defineTask, type AppContext } from '../api/router';
import { localIsoDate } from '../dates';
import { peopleNamedIn, personalDataPrinted } from '../history/pdpa';
import { invalidInput, labelFields } from '../api/validation';
import type { OfficeProfile } from './blocks';
import { DocumentTooTallError, FormInputError, RenderCancelledError, renderBatch, UnknownFormError } from './engine';
import { findForm, formSummaries, type FormDefinition } from './forms/index';

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

/** The office as its letterhead prints it. */
export function officeForPrint(app: AppContext): OfficeProfile {
  const { tambon, amphoe, province, councilName, fundName, address, phone, logo, thaiDigits } = requireOfficeRow(app);
  return { tambon, amphoe, province, councilName, fundName, address, phone, logo, thaiDigits };
}

/**
 * One document of a registered form, composed by a domain from its records (a receipt, a cash book), printed with the
 * office's letterhead and today's date in Thailand; the PDF comes back as base64 for the window to open or save.
 */
export async function printFromRecords(app: AppContext, formId: string, data: object, signal: AbortSignal) {
  const result = await renderBatch(formId, [data], { office: officeForPrint(app), today: localIsoDate(app.now()) }, { signal });
  return { pdfBase64: result.pdf.toString('base64'), pages: result.pages, fileName: result.fileName, notices: result.notices };
}

/** The documents a render call asks for: its data, its items, or the form's samples. */
function documentsToRender(form: FormDefinition, input: { data?: object; items?: object[]; useSample: boolean; sampleBatch: boolean }): unknown[] {
  if (input.useSample) {
    if (!input.sampleBatch) return [form.sample()];
    if (!form.sampleBatch) throw new ApiError('INVALID_INPUT', `แบบฟอร์ม "${form.titleTh}" ไม่มีตัวอย่างแบบหลายฉบับ`, `The form "${form.titleEn}" has no sample batch`, 'sampleBatch');
    return form.sampleBatch();
  }
  if (input.items) return input.items;
  if (input.data) return [input.data];
  throw new ApiError('INVALID_INPUT', 'ช่อง "ข้อมูลเอกสาร": ต้องกรอก', 'Field "data": is required', 'data');
}

export const documentMethods = [
  defineRead({
    name: 'documents.forms.list',
    input: z.object({}),
    access: 'user',
    handler: () => formSummaries(),
  }),

  // a task, not a read: a print of personal data leaves its audit row (PDPA)
  defineTask({
    name: 'documents.forms.render',
    input: z.object({
      formId: z.string().trim().min(1),
      /** one document */
      data: z.record(z.string(), z.unknown()).optional(),
      /** several documents of the form in one PDF, each numbered on its own */
      items: z.array(z.record(z.string(), z.unknown())).min(1).max(20_000).optional(),
      useSample: z.boolean().default(false),
      /** with useSample: the form's sample batch (hundreds of pages) instead of one document */
      sampleBatch: z.boolean().default(false),
    }),
    access: 'user',
    handler: async ({ app, input, progress, signal, recordAudit }) => {
      const form = findForm(input.formId);
      if (!form) throw new ApiError('NOT_FOUND', `ไม่พบแบบฟอร์ม "${input.formId}"`, `Unknown form "${input.formId}"`, 'formId');
      const items = documentsToRender(form, input);
      try {
        const result = await renderBatch(form.id, items, { office: officeForPrint(app), today: app.now().toISOString().slice(0, 10) }, { signal, onProgress: progress });
        if (!input.useSample) recordAudit(personalDataPrinted(form.id, items.reduce<number>((sum, item) => sum + peopleNamedIn(item), 0), { documents: items.length }));
        return { pdfBase64: result.pdf.toString('base64'), pages: result.pages, fileName: result.fileName, notices: result.notices };
      } catch (error) {
        if (error instanceof FormInputError) {
          const refusal = invalidInput(error.zodError);
          const where = input.items ? `items.${error.itemIndex}` : 'data';
          const th = input.items ? `ฉบับที่ ${error.itemIndex + 1}: ${refusal.messageTh}` : refusal.messageTh;
          const en = input.items ? `Document ${error.itemIndex + 1}: ${refusal.messageEn}` : refusal.messageEn;
          throw new ApiError('INVALID_INPUT', th, en, refusal.field ? `${where}.${refusal.field}` : where);
        }
        if (error instanceof UnknownFormError) throw new ApiError('NOT_FOUND', `ไม่พบแบบฟอร์ม "${input.formId}"`, `Unknown form "${input.formId}"`, 'formId');
        if (error instanceof RenderCancelledError) throw new ApiError('CANCELLED', 'ยกเลิกการพิมพ์เอกสารแล้ว', 'Printing was cancelled');
        if (error instanceof DocumentTooTallError) {
          // the engine names the row or text; nothing was printed
          throw new ApiError('INVALID_INPUT', `พิมพ์เอกสารไม่ได้: ${error.message} กรุณาแบ่งข้อความให้สั้นลง`, `The document cannot be printed: ${error.messageEn}. Please shorten that text.`);
        }
        throw error;
      }
    },
  }),
] as const;
