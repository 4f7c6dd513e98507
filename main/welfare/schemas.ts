import { z } from 'zod';
import { bilingual, isoDateField, labelFields } from '../api/validation';
import { memberCategorySchema } from './regulation';

const satang = (th: string, en: string, minimum: number) =>
  z
    .number({ error: bilingual(`${th}ต้องเป็นจำนวนเงิน`, `${en} must be an amount`) })
    .int(bilingual(`${th}ต้องเป็นจำนวนเต็มสตางค์`, `${en} must be whole satang`))
    .min(minimum, bilingual(minimum > 0 ? `${th}ต้องมากกว่า 0 บาท` : `${th}ติดลบไม่ได้`, minimum > 0 ? `${en} must be more than 0` : `${en} cannot be negative`));

/** The contribution rules of a regulation version (main/welfare/contributions.ts ContributionSettings). */
export const contributionSettingsSchema = z.object({
  scheme: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('monthly'), amountSatang: satang('เงินสมทบต่องวด', 'Contribution per period', 1) }),
    z.object({ kind: z.literal('yearly'), amountSatang: satang('เงินสมทบต่องวด', 'Contribution per period', 1) }),
    z.object({ kind: z.literal('every'), months: z.number().int().min(1).max(120), amountSatang: satang('เงินสมทบต่องวด', 'Contribution per period', 1) }),
  ]),
  firstPeriod: z.enum(['joining-month', 'next-month']),
  dueDay: z.object({ month: z.enum(['first', 'last']), day: z.union([z.literal('last'), z.number().int().min(1).max(31)]) }),
  entranceFeeSatang: satang('ค่าสมัครแรกเข้า', 'Entrance fee', 0),
  maxAdvanceMonths: z.number().int().min(0).max(120),
  allowPartialPeriod: z.boolean(),
  periodOfEnd: z.enum(['owed', 'waived']),
  arrears: z.object({
    limit: z.number().int().min(1).max(1000).nullable(),
    counting: z.enum(['consecutive', 'outstanding', 'ever-missed']),
    graceDays: z.number().int().min(0).max(366),
  }),
});

export const regulationCreateInput = z.object({
  effectiveFrom: isoDateField('วันที่มีผลบังคับใช้', 'Effective date'),
  /** which meeting adopted it ("มติที่ประชุมใหญ่สมาชิก ครั้งที่ 1/2569") */
  adoptedBy: z.string().trim().max(200).default(''),
  contributions: contributionSettingsSchema,
  memberCategories: z.array(memberCategorySchema).min(1, bilingual('ต้องมีประเภทสมาชิกอย่างน้อย 1 ประเภท', 'At least one member category is needed')),
  /** checked by parseRegulationVersion, which names every problem by its benefit */
  benefitTypes: z.array(z.unknown()),
});

const beneficiaryInput = z.object({
  personId: z.number().int().positive().nullable().default(null),
  name: z.string().trim().min(1, bilingual('กรุณากรอกชื่อผู้รับผลประโยชน์', "Enter the beneficiary's name")).max(200),
  relationship: z.string().trim().min(1, bilingual('กรุณากรอกความเกี่ยวพันกับสมาชิก', 'Enter the relationship to the member')).max(100),
  /** percent, up to two decimals (33.33) */
  sharePercent: z
    .number()
    .positive(bilingual('ส่วนแบ่งต้องมากกว่า 0%', 'The share must be more than 0%'))
    .max(100, bilingual('ส่วนแบ่งต้องไม่เกิน 100%', 'The share must be at most 100%'))
    .refine((value) => Number.isInteger(Math.round(value * 100)) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-9, bilingual('ส่วนแบ่งมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง', 'The share may have at most two decimals')),
});

export const memberJoinInput = z.object({
  personId: z.number().int().positive(),
  memberNumber: z
    .string()
    .trim()
    .min(1, bilingual('กรุณากรอกเลขทะเบียนสมาชิก', 'Enter the member number'))
    .max(20, bilingual('เลขทะเบียนสมาชิกยาวเกินไป (ไม่เกิน 20 ตัวอักษร)', 'The member number is too long (at most 20 characters)')),
  category: z.string().trim().min(1, bilingual('กรุณาเลือกประเภทสมาชิก', 'Choose the member category')),
  applicationDate: isoDateField('วันที่สมัคร', 'Application date'),
  startDate: isoDateField('วันที่เริ่มเป็นสมาชิก', 'Membership start date'),
  approvedBy: z.string().trim().max(200).default(''),
  approvalDate: isoDateField('วันที่อนุมัติ', 'Approval date').nullable().default(null),
  entranceFeeWaived: z.boolean().default(false),
  healthConsent: z.boolean().default(false),
  healthConsentDate: isoDateField('วันที่ยินยอมให้เก็บข้อมูลสุขภาพ', 'Health data consent date').nullable().default(null),
  beneficiaries: z.array(beneficiaryInput).max(10).default([]),
});
export type MemberJoinInput = z.output<typeof memberJoinInput>;

/** Ends a membership by a person's act or the committee's; a lapse for arrears is computed from the books instead. */
export const memberEndInput = z.object({
  membershipId: z.number().int().positive(),
  endDate: isoDateField('วันที่สิ้นสุดสมาชิกภาพ', 'End date'),
  reason: z.enum(['resigned', 'died', 'expelled']),
  note: z.string().trim().max(500).default(''),
});

export const memberListInput = z.object({
  status: z.enum(['active', 'ended']).nullable().default('active'),
  villageId: z.number().int().positive().nullable().default(null),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});

labelFields({
  effectiveFrom: ['วันที่มีผลบังคับใช้', 'Effective date'],
  adoptedBy: ['มติที่รับรองระเบียบ', 'Adopted by'],
  personId: ['บุคคล', 'Person'],
  memberNumber: ['เลขทะเบียนสมาชิก', 'Member number'],
  category: ['ประเภทสมาชิก', 'Member category'],
  applicationDate: ['วันที่สมัคร', 'Application date'],
  startDate: ['วันที่เริ่มเป็นสมาชิก', 'Membership start date'],
  approvedBy: ['มติที่อนุมัติ', 'Approved by'],
  approvalDate: ['วันที่อนุมัติ', 'Approval date'],
  healthConsentDate: ['วันที่ยินยอมให้เก็บข้อมูลสุขภาพ', 'Health data consent date'],
  relationship: ['ความเกี่ยวพัน', 'Relationship'],
  sharePercent: ['ส่วนแบ่ง (%)', 'Share (%)'],
  endDate: ['วันที่สิ้นสุดสมาชิกภาพ', 'End date'],
  reason: ['เหตุที่สิ้นสุด', 'Reason'],
  amountSatang: ['จำนวนเงิน', 'Amount'],
  entranceFeeSatang: ['ค่าสมัครแรกเข้า', 'Entrance fee'],
  maxAdvanceMonths: ['จำนวนเดือนที่รับล่วงหน้า', 'Months paid in advance'],
  graceDays: ['จำนวนวันผ่อนผัน', 'Grace days'],
});
