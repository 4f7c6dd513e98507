import { type z } from 'zod';
import { ApiError } from './errors';

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
