import { z } from 'zod';
import { ApiError } from './errors';
import { MAX_AMOUNT_SATANG } from '../money';

/**
 * Field messages carry both languages: schemas say `bilingual('กรุณากรอกชื่อตำบล', 'Enter the tambon')`
 * and the router splits them again. Zod's own messages (English) are replaced by Thai ones by issue code.
 */
const SEPARATOR = '\u241F';

export function bilingual(th: string, en: string): string {
  return `${th}${SEPARATOR}${en}`;
}

/** Thai label of each input field that may be named in a message: dotted path → [Thai, English]. */
const fieldLabels = new Map<string, [string, string]>();

export function labelFields(labels: Record<string, [string, string]>): void {
  for (const [field, label] of Object.entries(labels)) fieldLabels.set(field, label);
}

/** The Thai and English label a field was given with labelFields (the history viewer names changed fields so). */
export function fieldLabelOf(field: string): [string, string] | undefined {
  return fieldLabels.get(field);
}

function genericReason(issue: z.core.$ZodIssue): [string, string] {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? ['ต้องกรอก', 'is required'] : ['ชนิดข้อมูลไม่ถูกต้อง', 'has the wrong type'];
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1
        ? ['ต้องไม่เว้นว่าง', 'must not be empty']
        : [`น้อยหรือสั้นเกินไป (อย่างน้อย ${String(issue.minimum)})`, `is too small (at least ${String(issue.minimum)})`];
    case 'too_big':
      return [`มากหรือยาวเกินไป (ไม่เกิน ${String(issue.maximum)})`, `is too large (at most ${String(issue.maximum)})`];
    case 'invalid_format':
      return ['รูปแบบไม่ถูกต้อง', 'has the wrong format'];
    case 'invalid_value':
      return ['ไม่ใช่ค่าที่เลือกได้', 'is not one of the allowed values'];
    case 'unrecognized_keys':
      return [`มีช่องที่ไม่รู้จัก: ${issue.keys.join(', ')}`, `has unknown fields: ${issue.keys.join(', ')}`];
    default:
      return ['ไม่ถูกต้อง', 'is invalid'];
  }
}

export function invalidInput(error: z.ZodError): ApiError {
  const issue = error.issues[0]!;
  const field = issue.path.map(String).join('.');
  const last = issue.path.length ? String(issue.path[issue.path.length - 1]) : '';
  const [labelTh, labelEn] = fieldLabels.get(field) ?? fieldLabels.get(last) ?? [field, field];
  const custom = issue.message.includes(SEPARATOR) ? (issue.message.split(SEPARATOR) as [string, string]) : null;
  const [reasonTh, reasonEn] = custom ?? genericReason(issue);
  const where = field ? { th: `ช่อง "${labelTh}": `, en: `Field "${labelEn}": ` } : { th: '', en: '' };
  return new ApiError('INVALID_INPUT', `${where.th}${reasonTh}`, `${where.en}${reasonEn}`, field || undefined);
}

/** True for a real calendar day written as ISO YYYY-MM-DD (C.E.). */
export function isRealIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A date field: the renderer sends ISO C.E. (it shows and takes B.E.). A year past 2400 is a B.E. year sent by
 * mistake; it is refused with the reason rather than stored 543 years out.
 */
export function isoDateField(labelTh: string, labelEn: string) {
  return z
    .string()
    .trim()
    .refine((value) => !/^(2[4-9]\d\d)-/.test(value), bilingual(`${labelTh}: ปีเป็น พ.ศ. แต่ระบบต้องการ ค.ศ.`, `${labelEn}: the year is B.E.; C.E. expected`))
    .refine(isRealIsoDate, bilingual(`${labelTh}ไม่ใช่วันที่ที่มีจริง`, `${labelEn} is not a real date`));
}

/**
 * An amount of money received or paid: whole satang (DESIGN.md rule 1), more than 0, at most the largest amount the
 * app prints. Refusals name the field through the caller's label, like every other field.
 */
export const satangAmountField = z
  .number({ error: bilingual('จำนวนเงินต้องเป็นตัวเลข', 'The amount must be a number') })
  .int(bilingual('จำนวนเงินต้องเป็นจำนวนเต็มสตางค์ (ไม่มีเศษของสตางค์)', 'The amount must be whole satang (no fraction of a satang)'))
  .positive(bilingual('จำนวนเงินต้องมากกว่า 0 บาท', 'The amount must be more than 0'))
  .max(MAX_AMOUNT_SATANG, bilingual('จำนวนเงินมากเกินไป', 'The amount is too large'));
