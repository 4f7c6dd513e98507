import { z } from 'zod';
import { lifeStatuses, noCitizenIdReasons } from '../../db/schema';
import { bilingual, isoDateField, labelFields } from '../api/validation';
import { toArabicDigits } from '../spreadsheets/thai-values';
import { isValidCitizenId } from './citizen-id';

const text = (max: number, th: string, en: string) =>
  z
    .string()
    .trim()
    .max(max, bilingual(`${th}ยาวเกินไป (ไม่เกิน ${max} ตัวอักษร)`, `${en} is too long (at most ${max} characters)`));

const requiredText = (max: number, th: string, en: string) =>
  text(max, th, en).min(1, bilingual(`กรุณากรอก${th}`, `Enter the ${en.toLowerCase()}`));

/** 13 digits with the check digit; dashes, spaces and Thai digits are accepted and removed. */
export const citizenIdField = z
  .string()
  .transform((value) => toArabicDigits(value).replace(/[\s.-]/g, ''))
  .refine((value) => /^\d{13}$/.test(value), bilingual('เลขประจำตัวประชาชนต้องมี 13 หลัก', 'The citizen ID needs 13 digits'))
  .refine(isValidCitizenId, bilingual('เลขประจำตัวประชาชนไม่ถูกต้อง (เลขตรวจสอบหลักสุดท้ายไม่ตรง) กรุณาตรวจสอบอีกครั้ง', 'The citizen ID is not valid (its check digit does not match)'));

const phone = z
  .string()
  .trim()
  .max(40)
  .transform(toArabicDigits)
  .refine((value) => /^[0-9+\-\s,]*$/.test(value), bilingual('เบอร์โทรศัพท์ใช้ได้เฉพาะตัวเลข เครื่องหมาย - และ ,', 'Phone may hold digits, - and , only'));

export const personFields = z.object({
  title: requiredText(40, 'คำนำหน้าชื่อ', 'Title'),
  firstName: requiredText(100, 'ชื่อ', 'First name'),
  lastName: text(100, 'นามสกุล', 'Last name').default(''),
  citizenId: citizenIdField.nullable().default(null),
  noCitizenIdReason: z.enum(noCitizenIdReasons).nullable().default(null),
  sex: z.enum(['M', 'F']).nullable().default(null),
  birthDate: isoDateField('วันเกิด', 'Birth date').nullable().default(null),
  houseNumber: text(20, 'บ้านเลขที่', 'House number').transform(toArabicDigits).default(''),
  villageId: z.number().int().positive().nullable().default(null),
  address: text(300, 'ที่อยู่', 'Address').default(''),
  phone: phone.default(''),
  consentGiven: z.boolean().default(false),
  consentDate: isoDateField('วันที่ให้ความยินยอม', 'Consent date').nullable().default(null),
  consentScope: text(200, 'ขอบเขตความยินยอม', 'Consent scope').default(''),
  notes: text(4000, 'หมายเหตุ', 'Notes').default(''),
  lifeStatus: z.enum(lifeStatuses).default('alive'),
  lifeStatusDate: isoDateField('วันที่เสียชีวิต/ย้ายออก', 'Date of death or moving away').nullable().default(null),
});

/** Rules across fields, shared by the person form and the import (which reports them per row). */
export function crossFieldProblems(person: z.output<typeof personFields>, today: string): { field: string; th: string; en: string }[] {
  const problems: { field: string; th: string; en: string }[] = [];
  if (person.citizenId === null && person.noCitizenIdReason === null) {
    problems.push({ field: 'citizenId', th: 'กรุณากรอกเลขประจำตัวประชาชน หรือเลือกเหตุผลที่ไม่มี', en: 'Enter the citizen ID or choose why there is none' });
  }
  if (person.birthDate !== null && person.birthDate > today) {
    problems.push({ field: 'birthDate', th: 'วันเกิดอยู่ในอนาคต', en: 'The birth date is in the future' });
  }
  if (person.birthDate !== null && person.birthDate < '1880-01-01') {
    problems.push({ field: 'birthDate', th: 'วันเกิดเก่าเกินไป (ก่อน พ.ศ. 2423)', en: 'The birth date is too early (before 1880)' });
  }
  if (person.lifeStatus !== 'alive' && person.lifeStatusDate === null) {
    problems.push({
      field: 'lifeStatusDate',
      th: person.lifeStatus === 'died' ? 'กรุณากรอกวันที่เสียชีวิต' : 'กรุณากรอกวันที่ย้ายออก',
      en: person.lifeStatus === 'died' ? 'Enter the date of death' : 'Enter the date of moving away',
    });
  }
  if (person.lifeStatusDate !== null && person.birthDate !== null && person.lifeStatusDate < person.birthDate) {
    problems.push({ field: 'lifeStatusDate', th: 'วันที่เสียชีวิต/ย้ายออกอยู่ก่อนวันเกิด', en: 'The date of death or moving away is before the birth date' });
  }
  if (person.lifeStatusDate !== null && person.lifeStatusDate > today) {
    problems.push({ field: 'lifeStatusDate', th: 'วันที่เสียชีวิต/ย้ายออกอยู่ในอนาคต', en: 'The date of death or moving away is in the future' });
  }
  return problems;
}

export type PersonFields = z.output<typeof personFields>;
export type PersonFieldsInput = z.input<typeof personFields>;

export const personCreateInput = personFields.extend({
  /** the user saw the "same name and birth date in this village" warning and saves anyway */
  acknowledgeSimilar: z.boolean().default(false),
});

export const personUpdateInput = personCreateInput.extend({ id: z.number().int().positive() });

export const villageInput = z.object({
  number: z
    .number({ message: bilingual('หมู่ที่ต้องเป็นตัวเลข', 'The village number must be a number') })
    .int(bilingual('หมู่ที่ต้องเป็นจำนวนเต็ม', 'The village number must be a whole number'))
    .min(1, bilingual('หมู่ที่ต้องเป็น 1 ขึ้นไป', 'The village number must be 1 or more'))
    .max(999, bilingual('หมู่ที่ต้องไม่เกิน 999', 'The village number must be at most 999')),
  name: requiredText(100, 'ชื่อหมู่บ้าน', 'Village name'),
});

export const ageBands = ['child', 'adult', 'elderly'] as const;
export type AgeBand = (typeof ageBands)[number];

export const personListFilter = z.object({
  villageId: z.number().int().positive().nullable().default(null),
  lifeStatus: z.enum(lifeStatuses).nullable().default(null),
  /** child: under 18; adult: 18–59; elderly: 60 and over (ผู้สูงอายุ) */
  ageBand: z.enum(ageBands).nullable().default(null),
  consent: z.enum(['given', 'missing']).nullable().default(null),
  /** names, ID or phone digits, and "หมู่ 3" / "ม.3" */
  text: z.string().max(100).default(''),
});
export type PersonListFilter = z.output<typeof personListFilter>;

labelFields({
  title: ['คำนำหน้าชื่อ', 'Title'],
  firstName: ['ชื่อ', 'First name'],
  lastName: ['นามสกุล', 'Last name'],
  citizenId: ['เลขประจำตัวประชาชน', 'Citizen ID'],
  noCitizenIdReason: ['เหตุผลที่ไม่มีเลขประจำตัว', 'Why there is no citizen ID'],
  sex: ['เพศ', 'Sex'],
  birthDate: ['วันเกิด', 'Birth date'],
  houseNumber: ['บ้านเลขที่', 'House number'],
  villageId: ['หมู่ที่', 'Village'],
  consentGiven: ['ความยินยอม', 'Consent'],
  consentDate: ['วันที่ให้ความยินยอม', 'Consent date'],
  consentScope: ['ขอบเขตความยินยอม', 'Consent scope'],
  notes: ['หมายเหตุ', 'Notes'],
  lifeStatus: ['สถานะ', 'Status'],
  lifeStatusDate: ['วันที่เสียชีวิต/ย้ายออก', 'Date of death or moving away'],
  number: ['หมู่ที่', 'Village number'],
  name: ['ชื่อหมู่บ้าน', 'Village name'],
  ageBand: ['ช่วงอายุ', 'Age band'],
});
