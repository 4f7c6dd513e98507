// The welfare fund's regulation (ระเบียบกองทุน) as data with effective dates (DESIGN.md rule 5): which benefits the
// fund pays, to whom, how much and how often. Pure: no database, no I/O. A claim is judged by the version in force
// on the day of the event (claims.ts); versions are compared side by side with diffVersions.
import { z } from 'zod';
import { MAX_AMOUNT_SATANG } from '../money';
import { bilingual, isoDateField } from '../api/validation';
import { bahtEn, bahtTh, type Bilingual, dateEn, dateTh } from './wording';

// ---------------------------------------------------------------------------------------------------------------
// Categories

/**
 * The 16 benefit categories printed on CODI's fund status form (DOMAIN.md §2.3), in the form's order: the form
 * counts people and baht paid by these lines, so every benefit type names one (or 'other', the form's free rows).
 */
export const benefitCategories = [
  { code: 'birth', formLine: 1, th: 'เกี่ยวกับเด็กแรกเกิด/คลอดบุตร', en: 'Newborns / childbirth' },
  { code: 'illness', formLine: 2, th: 'การเจ็บป่วย/รักษาพยาบาล', en: 'Illness / medical care' },
  { code: 'elderly', formLine: 3, th: 'ผู้สูงอายุ', en: 'Older people' },
  { code: 'death', formLine: 4, th: 'กรณีเสียชีวิต', en: 'Death' },
  { code: 'funeral', formLine: 5, th: 'ค่าใช้จ่ายเกี่ยวกับงานศพ', en: 'Funeral costs' },
  { code: 'disadvantaged', formLine: 6, th: 'คนด้อยโอกาส/พิการ', en: 'Disadvantaged / disabled people' },
  { code: 'livelihood', formLine: 7, th: 'เพื่อพัฒนาอาชีพ', en: 'Livelihood development' },
  { code: 'education', formLine: 8, th: 'เพื่อการศึกษา', en: 'Education' },
  { code: 'culture', formLine: 9, th: 'ประเพณีวัฒนธรรม', en: 'Traditions and culture' },
  { code: 'housing', formLine: 10, th: 'ที่อยู่อาศัย (ซ่อม/สร้าง)', en: 'Housing (repair / building)' },
  { code: 'disaster', formLine: 11, th: 'ผู้ประสบภัยพิบัติ', en: 'Disaster victims' },
  { code: 'publicBenefit', formLine: 12, th: 'กิจกรรมสาธารณประโยชน์', en: 'Public-benefit activities' },
  { code: 'environment', formLine: 13, th: 'ทรัพยากรธรรมชาติและสิ่งแวดล้อม', en: 'Natural resources and environment' },
  { code: 'publicRelations', formLine: 14, th: 'อื่น ๆ ประชาสัมพันธ์', en: 'Other: public relations' },
  { code: 'organizationReward', formLine: 15, th: 'อื่น ๆ ตอบแทนองค์กร', en: 'Other: rewards to organizations' },
  { code: 'covid19', formLine: 16, th: 'อื่น ๆ Covid-19', en: 'Other: Covid-19' },
] as const;

export const benefitCategoryCodes = [...benefitCategories.map((category) => category.code), 'other'] as const;
export type BenefitCategoryCode = (typeof benefitCategoryCodes)[number];

export function benefitCategoryName(code: BenefitCategoryCode): Bilingual {
  return benefitCategories.find((category) => category.code === code) ?? { th: 'อื่น ๆ', en: 'Other' };
}

const codeField = (th: string, en: string) =>
  z
    .string({ error: bilingual(`กรุณากรอก${th}`, `Enter the ${en.toLowerCase()}`) })
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, bilingual(`${th}ใช้อักษรอังกฤษ ตัวเลข และ . _ - ได้ไม่เกิน 40 ตัว`, `${en}: latin letters, digits and . _ - only, at most 40`));

const nameText = (th: string, en: string, required: boolean) => {
  const text = z
    .string({ error: bilingual(`กรุณากรอก${th}`, `Enter the ${en.toLowerCase()}`) })
    .trim()
    .max(200, bilingual(`${th}ยาวเกินไป (ไม่เกิน 200 ตัวอักษร)`, `${en} is too long (at most 200 characters)`));
  return required ? text.min(1, bilingual(`กรุณากรอก${th}`, `Enter the ${en.toLowerCase()}`)) : text.default('');
};

/** Member categories as on the status form (DOMAIN.md §2.3); a fund adds its own with a new code. */
export const memberCategorySchema = z.object({
  code: codeField('รหัสประเภทสมาชิก', 'Member category code'),
  th: nameText('ชื่อประเภทสมาชิก', 'Member category name', true),
  en: nameText('ชื่อประเภทสมาชิก (อังกฤษ)', 'Member category name (English)', false),
});
export type MemberCategory = z.output<typeof memberCategorySchema>;

export const presetMemberCategories: MemberCategory[] = [
  { code: 'general', th: 'บุคคลทั่วไป', en: 'General' },
  { code: 'youth', th: 'เด็ก/เยาวชน', en: 'Children / youth' },
  { code: 'elderly', th: 'ผู้สูงอายุ', en: 'Older people' },
  { code: 'disadvantaged', th: 'ผู้ด้อยโอกาส', en: 'Disadvantaged' },
  { code: 'disabled', th: 'ผู้พิการ', en: 'People with disabilities' },
  { code: 'orphan', th: 'กำพร้า', en: 'Orphans' },
];

// ---------------------------------------------------------------------------------------------------------------
// Schemas

/** Money in a regulation: integer satang above zero (the screen turns typed baht into satang with parseAmount). */
const satangField = (th: string, en: string) =>
  z
    .number({ error: bilingual(`${th}ต้องเป็นจำนวนเงิน`, `${en} must be an amount`) })
    .int(bilingual(`${th}ต้องเป็นจำนวนเต็มสตางค์ (ไม่มีเศษของสตางค์)`, `${en} must be whole satang (no fraction of a satang)`))
    .positive(bilingual(`${th}ต้องมากกว่า 0 บาท`, `${en} must be more than 0 baht`))
    .max(MAX_AMOUNT_SATANG, bilingual(`${th}มากเกินไป`, `${en} is too large`));

const wholeNumber = (th: string, en: string, min: number, max: number, unitTh: string, unitEn: string) =>
  z
    .number({ error: bilingual(`${th}ต้องเป็นตัวเลข`, `${en} must be a number`) })
    .int(bilingual(`${th}ต้องเป็นจำนวนเต็ม`, `${en} must be a whole number`))
    .min(min, bilingual(`${th}ต้องไม่น้อยกว่า ${min} ${unitTh}`, `${en} must be at least ${min} ${unitEn}`))
    .max(max, bilingual(`${th}ต้องไม่เกิน ${max} ${unitTh}`, `${en} must be at most ${max} ${unitEn}`));

const fixedPayment = z.object({
  kind: z.literal('fixed'),
  amountSatang: satangField('จำนวนเงินที่จ่าย', 'The amount paid'),
});

const perDayPayment = z.object({
  kind: z.literal('perDay'),
  rateSatang: satangField('อัตราต่อวัน/คืน', 'The rate per day or night'),
  unit: z.enum(['day', 'night'], { error: bilingual('หน่วยต้องเป็น "วัน" หรือ "คืน"', 'The unit must be "day" or "night"') }),
  maxPerClaimSatang: satangField('เพดานต่อครั้ง', 'The cap per claim').optional(),
  maxUnitsPerClaim: wholeNumber('จำนวนวัน/คืนสูงสุดต่อครั้ง', 'The most days or nights per claim', 1, 3660, 'วัน', 'days').optional(),
});

const tier = z.object({
  fromYears: wholeNumber('ปีที่เป็นสมาชิก', 'Years of membership', 0, 100, 'ปี', 'years'),
  amountSatang: satangField('จำนวนเงินของขั้น', 'The amount of the tier'),
});

const tiersPayment = z.object({
  kind: z.literal('tiers'),
  tiers: z
    .array(tier)
    .min(1, bilingual('ตารางขั้นตามปีที่เป็นสมาชิกต้องมีอย่างน้อย 1 ขั้น', 'The tier table needs at least one tier'))
    .superRefine((tiers, ctx) => {
      if (tiers[0] && tiers[0].fromYears !== 0) {
        ctx.addIssue({
          code: 'custom',
          path: [0, 'fromYears'],
          message: bilingual(`ขั้นแรกของตารางต้องเริ่มที่ 0 ปี (ตอนนี้เริ่มที่ ${tiers[0].fromYears} ปี)`, `The first tier must start at 0 years (it starts at ${tiers[0].fromYears})`),
        });
      }
      for (let index = 1; index < tiers.length; index++) {
        const [before, here] = [tiers[index - 1]!, tiers[index]!];
        if (here.fromYears <= before.fromYears) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'fromYears'],
            message: bilingual(
              `ขั้นที่ ${index + 1} (${here.fromYears} ปี) ต้องมากกว่าขั้นก่อนหน้า (${before.fromYears} ปี) เรียงจากน้อยไปมาก`,
              `Tier ${index + 1} (${here.fromYears} years) must come after tier ${index} (${before.fromYears} years), in ascending order`,
            ),
          });
        }
      }
    }),
});

export const paymentSchema = z.discriminatedUnion('kind', [fixedPayment, perDayPayment, tiersPayment], {
  error: bilingual('วิธีคำนวณเงินต้องเป็น จำนวนคงที่ ต่อวัน/คืน หรือตามปีที่เป็นสมาชิก', 'The payment kind must be fixed, per day/night or tiers by years'),
});
export type Payment = z.output<typeof paymentSchema>;

const evidenceItem = z.object({
  code: codeField('รหัสหลักฐาน', 'Evidence code'),
  th: nameText('ชื่อหลักฐาน', 'Evidence name', true),
  en: nameText('ชื่อหลักฐาน (อังกฤษ)', 'Evidence name (English)', false),
});
export type EvidenceItem = z.output<typeof evidenceItem>;

export const frequencies = ['once', 'perEvent', 'perYear'] as const;
export type Frequency = (typeof frequencies)[number];

const eligibilitySchema = z
  .object({
    minAge: wholeNumber('อายุขั้นต่ำ', 'The minimum age', 0, 150, 'ปี', 'years').optional(),
    maxAge: wholeNumber('อายุสูงสุด', 'The maximum age', 0, 150, 'ปี', 'years').optional(),
    sex: z.enum(['M', 'F'], { error: bilingual('เพศต้องเป็น ชาย (M) หรือ หญิง (F)', 'Sex must be M or F') }).optional(),
    memberCategories: z
      .array(z.string())
      .min(1, bilingual('ถ้ากำหนดประเภทสมาชิก ต้องเลือกอย่างน้อย 1 ประเภท', 'Choose at least one member category, or none at all'))
      .optional(),
    minMembershipYears: wholeNumber('จำนวนปีที่เป็นสมาชิกขั้นต่ำ', 'The minimum years of membership', 0, 100, 'ปี', 'years').optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.minAge !== undefined && rule.maxAge !== undefined && rule.minAge > rule.maxAge) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxAge'],
        message: bilingual(`อายุสูงสุด (${rule.maxAge} ปี) ต้องไม่น้อยกว่าอายุขั้นต่ำ (${rule.minAge} ปี)`, `The maximum age (${rule.maxAge}) must not be below the minimum age (${rule.minAge})`),
      });
    }
  });
export type Eligibility = z.output<typeof eligibilitySchema>;

export const benefitTypeSchema = z
  .object({
    code: codeField('รหัสสวัสดิการ', 'Benefit code'),
    name: z.object({
      th: nameText('ชื่อสวัสดิการ', 'Benefit name', true),
      en: nameText('ชื่อสวัสดิการ (อังกฤษ)', 'Benefit name (English)', false),
    }),
    category: z.enum(benefitCategoryCodes, {
      error: bilingual('หมวดสวัสดิการต้องเป็นหนึ่งใน 16 หมวดของแบบแสดงสถานะกองทุน หรือ "อื่น ๆ"', 'The category must be one of the 16 status-form categories or "other"'),
    }),
    /** days of membership on the event date before the benefit can be paid (see membershipDays in claims.ts) */
    waitingDays: wholeNumber('ระยะเวลารอสิทธิ์', 'The waiting period', 0, 3660, 'วัน', 'days'),
    eligibility: eligibilitySchema.default({}),
    payment: paymentSchema,
    maxPerYearSatang: satangField('เพดานต่อปี', 'The cap per year').optional(),
    maxClaimsPerYear: wholeNumber('จำนวนครั้งสูงสุดต่อปี', 'The most claims per year', 1, 366, 'ครั้ง', 'claims').optional(),
    frequency: z.enum(frequencies, { error: bilingual('ความถี่ต้องเป็น ครั้งเดียว ต่อเหตุการณ์ หรือ ปีละครั้ง', 'The frequency must be once, per event or per year') }).default('perEvent'),
    evidence: z.array(evidenceItem).default([]),
  })
  .superRefine((benefit, ctx) => {
    // "once ever" or "once a year" with more than one claim a year cannot both hold: the fund must say which
    if (benefit.frequency !== 'perEvent' && benefit.maxClaimsPerYear !== undefined && benefit.maxClaimsPerYear > 1) {
      const frequency = benefit.frequency === 'once' ? { th: 'ได้ครั้งเดียว', en: 'once only' } : { th: 'ปีละครั้ง', en: 'once a year' };
      ctx.addIssue({
        code: 'custom',
        path: ['maxClaimsPerYear'],
        message: bilingual(
          `ความถี่ "${frequency.th}" ขัดกับจำนวนครั้งสูงสุด ${benefit.maxClaimsPerYear} ครั้งต่อปี กรุณาเลือกความถี่ "ทุกครั้งที่เกิดเหตุ" หรือลดเป็น 1 ครั้ง`,
          `The frequency "${frequency.en}" contradicts at most ${benefit.maxClaimsPerYear} claims a year; choose "per event" or 1 claim`,
        ),
      });
    }
    const seen = new Map<string, number>();
    benefit.evidence.forEach((item, index) => {
      const first = seen.get(item.code);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['evidence', index, 'code'],
          message: bilingual(`รหัสหลักฐาน "${item.code}" ซ้ำกับหลักฐานรายการที่ ${first + 1}`, `Evidence code "${item.code}" repeats item ${first + 1}`),
        });
      } else seen.set(item.code, index);
    });
  });
export type BenefitType = z.output<typeof benefitTypeSchema>;
export type BenefitTypeInput = z.input<typeof benefitTypeSchema>;

export const regulationVersionSchema = z
  .object({
    effectiveFrom: isoDateField('วันที่มีผลบังคับใช้', 'Effective date'),
    benefitTypes: z.array(benefitTypeSchema).min(1, bilingual('ระเบียบต้องมีสวัสดิการอย่างน้อย 1 ประเภท', 'A regulation needs at least one benefit type')),
  })
  .superRefine((version, ctx) => {
    const seen = new Map<string, number>();
    version.benefitTypes.forEach((benefit, index) => {
      const first = seen.get(benefit.code);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['benefitTypes', index, 'code'],
          message: bilingual(
            `รหัสสวัสดิการ "${benefit.code}" ซ้ำกับสวัสดิการข้อ ${first + 1} "${version.benefitTypes[first]!.name.th}"`,
            `Benefit code "${benefit.code}" repeats benefit ${first + 1} "${version.benefitTypes[first]!.name.en || version.benefitTypes[first]!.name.th}"`,
          ),
        });
      } else seen.set(benefit.code, index);
    });
  });
export type RegulationVersion = z.output<typeof regulationVersionSchema>;
export type RegulationVersionInput = z.input<typeof regulationVersionSchema>;

export interface RegulationProblem extends Bilingual {
  /** dotted path into the version ("benefitTypes.2.payment.tiers.1.fromYears") */
  field: string;
}

export type ParsedRegulation = { ok: true; version: RegulationVersion } | { ok: false; problems: RegulationProblem[] };

/**
 * Checks a regulation version as typed or read back, and lists every problem (not just the first), each in Thai and
 * English and named by the benefit it is in ("สวัสดิการข้อ 2 "นอนโรงพยาบาล": เพดานต่อครั้งต้องมากกว่า 0 บาท").
 * Member categories named by an eligibility rule must be the fund's (presets plus its own).
 */
export function parseRegulationVersion(input: unknown, memberCategories: readonly MemberCategory[] = presetMemberCategories): ParsedRegulation {
  const parsed = regulationVersionSchema.safeParse(input);
  const problems: RegulationProblem[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(describeIssue(input, issue));
    return { ok: false, problems };
  }
  const known = new Set(memberCategories.map((category) => category.code));
  parsed.data.benefitTypes.forEach((benefit, index) => {
    (benefit.eligibility.memberCategories ?? []).forEach((code, position) => {
      if (known.has(code)) return;
      problems.push({
        field: `benefitTypes.${index}.eligibility.memberCategories.${position}`,
        th: `${benefitPrefixTh(index, benefit.name.th)}ประเภทสมาชิก "${code}" ไม่มีในรายการประเภทสมาชิกของกองทุน`,
        en: `${benefitPrefixEn(index, benefit.name.en || benefit.name.th)}member category "${code}" is not one of the fund's member categories`,
      });
    });
  });
  return problems.length ? { ok: false, problems } : { ok: true, version: parsed.data };
}

function benefitPrefixTh(index: number, name: string | undefined): string {
  return `สวัสดิการข้อ ${index + 1}${name ? ` "${name}"` : ''}: `;
}

function benefitPrefixEn(index: number, name: string | undefined): string {
  return `Benefit ${index + 1}${name ? ` "${name}"` : ''}: `;
}

function describeIssue(input: unknown, issue: z.core.$ZodIssue): RegulationProblem {
  const path = issue.path.map(String);
  const [th, en] = issue.message.includes('\u241F') ? (issue.message.split('\u241F') as [string, string]) : genericReason(issue, path);
  if (path[0] === 'benefitTypes' && path.length > 1) {
    const index = Number(path[1]);
    const raw = (input as { benefitTypes?: { name?: { th?: unknown; en?: unknown } }[] }).benefitTypes?.[index]?.name;
    const nameTh = typeof raw?.th === 'string' ? raw.th.trim() : undefined;
    const nameEn = typeof raw?.en === 'string' && raw.en.trim() ? raw.en.trim() : nameTh;
    return { field: path.join('.'), th: `${benefitPrefixTh(index, nameTh)}${th}`, en: `${benefitPrefixEn(index, nameEn)}${en}` };
  }
  return { field: path.join('.'), th, en };
}

/** Zod's own checks that carry no message of ours (a missing object, a wrong type). */
function genericReason(issue: z.core.$ZodIssue, path: string[]): [string, string] {
  const field = path.join('.') || 'ระเบียบ';
  if (issue.code === 'invalid_type') return [`ข้อมูล "${field}" หายไปหรือชนิดไม่ถูกต้อง`, `"${field}" is missing or has the wrong type`];
  return [`ข้อมูล "${field}" ไม่ถูกต้อง`, `"${field}" is invalid`];
}

// ---------------------------------------------------------------------------------------------------------------
// The starting regulation

const baht = (amount: number) => amount * 100;

const idCardCopy: EvidenceItem = { code: 'member-id-card', th: 'สำเนาบัตรประจำตัวประชาชนของสมาชิก', en: "Copy of the member's ID card" };

/**
 * The 16 categories preloaded as a starting regulation. EVERY amount, waiting period and rule here is an example
 * for the fund to adjust before it pays anything. [C] marks an example DOMAIN.md §2.2 found in a real fund's
 * regulation (ต.ชะมวง); [U] marks a placeholder of ours that no source confirms. Waiting periods: ต.อุโมงค์ uses
 * 365 days for its items 1–13 and 180 days for items 14–26, but which benefits those items are is unreadable [U],
 * so 365 days is used where a benefit is large or could be foreseen at joining (birth, old age, education, housing,
 * livelihood) and 180 days elsewhere.
 */
export const presetBenefitTypes: BenefitType[] = [
  {
    code: 'birth',
    name: { th: 'คลอดบุตร', en: 'Childbirth' },
    category: 'birth',
    waitingDays: 365, // [U]
    eligibility: {},
    payment: { kind: 'fixed', amountSatang: baht(1_000) }, // [C] ต.ชะมวง
    frequency: 'perEvent',
    evidence: [idCardCopy, { code: 'birth-certificate', th: 'สำเนาสูติบัตรของบุตร', en: "Copy of the child's birth certificate" }],
  },
  {
    code: 'hospital',
    name: { th: 'นอนโรงพยาบาล', en: 'Hospital stay' },
    category: 'illness',
    waitingDays: 180, // [U]
    eligibility: {},
    // [C] ต.ชะมวง: 200 baht a night, at most 600 a claim and 1,000 a year
    payment: { kind: 'perDay', rateSatang: baht(200), unit: 'night', maxPerClaimSatang: baht(600) },
    maxPerYearSatang: baht(1_000),
    frequency: 'perEvent',
    evidence: [idCardCopy, { code: 'hospital-certificate', th: 'ใบรับรองแพทย์หรือหนังสือรับรองการนอนโรงพยาบาล', en: 'Medical certificate or hospital stay certificate' }],
  },
  {
    code: 'elderly',
    name: { th: 'สวัสดิการผู้สูงอายุ', en: 'Old-age benefit' },
    category: 'elderly',
    waitingDays: 365, // [U]
    // [C] member at least 3 years; [U] age 60, the age of the Older Persons Act (the fund's text gives none)
    eligibility: { minAge: 60, minMembershipYears: 3 },
    payment: { kind: 'fixed', amountSatang: baht(200) }, // [C] 200 a year
    frequency: 'perYear',
    evidence: [idCardCopy],
  },
  {
    code: 'death',
    name: { th: 'เสียชีวิต', en: 'Death' },
    category: 'death',
    waitingDays: 180, // [U]
    eligibility: {},
    // [C] 3,000 to 30,000 by length of membership; [U] the steps in between
    payment: {
      kind: 'tiers',
      tiers: [
        { fromYears: 0, amountSatang: baht(3_000) },
        { fromYears: 1, amountSatang: baht(5_000) },
        { fromYears: 3, amountSatang: baht(10_000) },
        { fromYears: 5, amountSatang: baht(15_000) },
        { fromYears: 10, amountSatang: baht(20_000) },
        { fromYears: 15, amountSatang: baht(30_000) },
      ],
    },
    frequency: 'once',
    evidence: [
      { code: 'death-certificate', th: 'สำเนาใบมรณบัตร', en: 'Copy of the death certificate' },
      { code: 'beneficiary-id-card', th: 'สำเนาบัตรประจำตัวประชาชนของผู้รับผลประโยชน์', en: "Copy of the beneficiary's ID card" },
    ],
  },
  {
    code: 'funeral',
    name: { th: 'ช่วยเหลือค่าจัดงานศพ', en: 'Funeral costs' },
    category: 'funeral',
    waitingDays: 180, // [U]
    eligibility: {},
    payment: { kind: 'fixed', amountSatang: baht(1_000) }, // [U]
    frequency: 'once',
    evidence: [{ code: 'death-certificate', th: 'สำเนาใบมรณบัตร', en: 'Copy of the death certificate' }],
  },
  {
    code: 'disadvantaged',
    name: { th: 'ช่วยเหลือผู้ด้อยโอกาส/ผู้พิการ', en: 'Support for disadvantaged or disabled members' },
    category: 'disadvantaged',
    waitingDays: 180, // [U]
    eligibility: { memberCategories: ['disadvantaged', 'disabled', 'orphan'] }, // [U]
    payment: { kind: 'fixed', amountSatang: baht(500) }, // [U]
    frequency: 'perYear',
    evidence: [idCardCopy],
  },
  {
    code: 'livelihood',
    name: { th: 'ส่งเสริมอาชีพ', en: 'Livelihood support' },
    category: 'livelihood',
    waitingDays: 365, // [U]
    eligibility: {},
    payment: { kind: 'fixed', amountSatang: baht(1_000) }, // [U]
    frequency: 'perYear',
    evidence: [idCardCopy],
  },
  {
    code: 'education',
    name: { th: 'ทุนการศึกษา', en: 'Scholarship' },
    category: 'education',
    waitingDays: 365, // [U]
    eligibility: {},
    payment: { kind: 'fixed', amountSatang: baht(500) }, // [C] ต.ชะมวง
    frequency: 'perYear',
    // [C] ต.ชะมวง: a grade average of at least 3.5
    evidence: [{ code: 'transcript', th: 'สำเนาผลการเรียน (เกรดเฉลี่ย 3.50 ขึ้นไป)', en: 'Copy of the school report (grade average 3.50 or more)' }],
  },
  {
    code: 'culture',
    name: { th: 'ประเพณีวัฒนธรรม', en: 'Traditions and culture' },
    category: 'culture',
    waitingDays: 180, // [U]
    eligibility: {},
    payment: { kind: 'fixed', amountSatang: baht(500) }, // [U]
    frequency: 'perYear',
    evidence: [],
  },
  {
    code: 'housing',
    name: { th: 'ซ่อม/สร้างที่อยู่อาศัย', en: 'Housing repair or building' },
    category: 'housing',
    waitingDays: 365, // [U]
    eligibility: {},
    payment: { kind: 'fixed', amountSatang: baht(3_000) }, // [U]
    frequency: 'perYear',
    evidence: [idCardCopy],
  },
  {
    code: 'disaster',
    name: { th: 'ผู้ประสบภัยพิบัติ', en: 'Disaster relief' },
    category: 'disaster',
    waitingDays: 180, // [U]
    eligibility: {},
    payment: { kind: 'fixed', amountSatang: baht(1_000) }, // [U]
    frequency: 'perEvent',
    evidence: [idCardCopy],
  },
  // Lines 12–16 of the status form are mostly the fund's own spending rather than a member's claim; they are kept so
  // that the form has every line, with placeholder amounts [U] the fund changes or removes.
  {
    code: 'public-benefit',
    name: { th: 'กิจกรรมสาธารณประโยชน์', en: 'Public-benefit activities' },
    category: 'publicBenefit',
    waitingDays: 180, // [U]
    eligibility: {},
    payment: { kind: 'fixed', amountSatang: baht(500) }, // [U]
    frequency: 'perEvent',
    evidence: [],
  },
  {
    code: 'environment',
    name: { th: 'ทรัพยากรธรรมชาติและสิ่งแวดล้อม', en: 'Natural resources and environment' },
    category: 'environment',
    waitingDays: 180, // [U]
    eligibility: {},
    payment: { kind: 'fixed', amountSatang: baht(500) }, // [U]
    frequency: 'perEvent',
    evidence: [],
  },
  {
    code: 'public-relations',
    name: { th: 'ประชาสัมพันธ์', en: 'Public relations' },
    category: 'publicRelations',
    waitingDays: 180, // [U]
    eligibility: {},
    payment: { kind: 'fixed', amountSatang: baht(500) }, // [U]
    frequency: 'perEvent',
    evidence: [],
  },
  {
    code: 'organization-reward',
    name: { th: 'ตอบแทนองค์กร', en: 'Rewards to organizations' },
    category: 'organizationReward',
    waitingDays: 180, // [U]
    eligibility: {},
    payment: { kind: 'fixed', amountSatang: baht(500) }, // [U]
    frequency: 'perEvent',
    evidence: [],
  },
  {
    code: 'covid19',
    name: { th: 'ช่วยเหลือกรณีโควิด-19', en: 'Covid-19 support' },
    category: 'covid19',
    waitingDays: 180, // [U]
    eligibility: {},
    payment: { kind: 'fixed', amountSatang: baht(500) }, // [U]
    frequency: 'once',
    evidence: [],
  },
];

/** A first regulation version made of the presets, for a fund setting up (the examples above, to adjust). */
export function presetRegulationVersion(effectiveFrom: string): RegulationVersion {
  return { effectiveFrom, benefitTypes: structuredClone(presetBenefitTypes) };
}

// ---------------------------------------------------------------------------------------------------------------
// Which version, and what changed

export type VersionChoice<V extends { effectiveFrom: string }> = { ok: true; version: V } | { ok: false; th: string; en: string; field: string };

/**
 * The version in force on the day of the event: the latest one whose effectiveFrom is on or before it (a version
 * takes effect at the start of its effective date). Not the day the claim is typed in.
 */
export function versionInForce<V extends { effectiveFrom: string }>(versions: readonly V[], eventDate: string): VersionChoice<V> {
  let chosen: V | undefined;
  let earliest: V | undefined;
  for (const version of versions) {
    if (!earliest || version.effectiveFrom < earliest.effectiveFrom) earliest = version;
    if (version.effectiveFrom <= eventDate && (!chosen || version.effectiveFrom > chosen.effectiveFrom)) chosen = version;
  }
  if (chosen) return { ok: true, version: chosen };
  if (!earliest) {
    return { ok: false, field: 'versions', th: 'กองทุนยังไม่มีระเบียบ กรุณาบันทึกระเบียบกองทุนก่อนพิจารณาคำขอ', en: 'The fund has no regulation yet; enter it before judging claims' };
  }
  return {
    ok: false,
    field: 'claim.eventDate',
    th: `ระเบียบฉบับแรกมีผลตั้งแต่ ${dateTh(earliest.effectiveFrom)} เหตุการณ์วันที่ ${dateTh(eventDate)} เกิดก่อน จึงไม่มีระเบียบที่ใช้พิจารณาได้`,
    en: `The first regulation takes effect on ${dateEn(earliest.effectiveFrom)}; the event on ${dateEn(eventDate)} happened before it, so no regulation applies`,
  };
}

export interface FieldChange {
  /** dotted path in the benefit type ("payment.maxPerClaimSatang") */
  field: string;
  label: Bilingual;
  from: Bilingual;
  to: Bilingual;
}

export interface BenefitTypeDiff {
  code: string;
  name: Bilingual;
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  /** for 'changed', each field that differs; for 'added'/'removed', every field that has a value */
  fields: FieldChange[];
}

const NONE: Bilingual = { th: 'ไม่กำหนด', en: 'none' };
const money = (value: unknown): Bilingual => (typeof value === 'number' ? { th: bahtTh(value), en: bahtEn(value) } : NONE);
const counted = (unitTh: string, unitEn: string) => (value: unknown): Bilingual =>
  typeof value === 'number' ? { th: `${value} ${unitTh}`, en: `${value} ${unitEn}` } : NONE;
const sexName = (value: unknown): Bilingual => (value === 'M' ? { th: 'ชาย', en: 'male' } : value === 'F' ? { th: 'หญิง', en: 'female' } : NONE);
const frequencyNames: Record<Frequency, Bilingual> = {
  once: { th: 'ครั้งเดียว', en: 'once' },
  perEvent: { th: 'ทุกครั้งที่เกิดเหตุ', en: 'per event' },
  perYear: { th: 'ปีละครั้ง', en: 'once a year' },
};
const paymentKindNames: Record<Payment['kind'], Bilingual> = {
  fixed: { th: 'จำนวนคงที่', en: 'fixed amount' },
  perDay: { th: 'ตามจำนวนวัน/คืน', en: 'per day or night' },
  tiers: { th: 'ตามปีที่เป็นสมาชิก', en: 'tiers by years of membership' },
};

interface FieldSpec {
  field: string;
  label: Bilingual;
  read: (benefit: BenefitType) => unknown;
  show: (value: unknown) => Bilingual;
}

/** The fields shown side by side, in the order a treasurer reads a benefit. */
const fieldSpecs: FieldSpec[] = [
  { field: 'name.th', label: { th: 'ชื่อสวัสดิการ', en: 'Name (Thai)' }, read: (b) => b.name.th, show: (v) => ({ th: String(v), en: String(v) }) },
  { field: 'name.en', label: { th: 'ชื่อภาษาอังกฤษ', en: 'Name (English)' }, read: (b) => b.name.en, show: (v) => (v ? { th: String(v), en: String(v) } : NONE) },
  { field: 'category', label: { th: 'หมวดตามแบบแสดงสถานะ', en: 'Status-form category' }, read: (b) => b.category, show: (v) => benefitCategoryName(v as BenefitCategoryCode) },
  { field: 'waitingDays', label: { th: 'ระยะเวลารอสิทธิ์', en: 'Waiting period' }, read: (b) => b.waitingDays, show: counted('วัน', 'days') },
  { field: 'eligibility.minAge', label: { th: 'อายุขั้นต่ำ', en: 'Minimum age' }, read: (b) => b.eligibility.minAge, show: counted('ปี', 'years') },
  { field: 'eligibility.maxAge', label: { th: 'อายุสูงสุด', en: 'Maximum age' }, read: (b) => b.eligibility.maxAge, show: counted('ปี', 'years') },
  { field: 'eligibility.sex', label: { th: 'เพศ', en: 'Sex' }, read: (b) => b.eligibility.sex, show: sexName },
  {
    field: 'eligibility.memberCategories',
    label: { th: 'ประเภทสมาชิก', en: 'Member categories' },
    read: (b) => b.eligibility.memberCategories,
    show: (v) => (Array.isArray(v) ? { th: v.map((code) => memberCategoryName(String(code)).th).join(', '), en: v.map((code) => memberCategoryName(String(code)).en).join(', ') } : NONE),
  },
  { field: 'eligibility.minMembershipYears', label: { th: 'เป็นสมาชิกอย่างน้อย', en: 'Minimum years of membership' }, read: (b) => b.eligibility.minMembershipYears, show: counted('ปี', 'years') },
  { field: 'payment.kind', label: { th: 'วิธีคำนวณเงิน', en: 'Payment kind' }, read: (b) => b.payment.kind, show: (v) => paymentKindNames[v as Payment['kind']] },
  { field: 'payment.amountSatang', label: { th: 'จำนวนเงิน', en: 'Amount' }, read: (b) => (b.payment.kind === 'fixed' ? b.payment.amountSatang : undefined), show: money },
  { field: 'payment.rateSatang', label: { th: 'อัตราต่อวัน/คืน', en: 'Rate per day or night' }, read: (b) => (b.payment.kind === 'perDay' ? b.payment.rateSatang : undefined), show: money },
  {
    field: 'payment.unit',
    label: { th: 'หน่วย', en: 'Unit' },
    read: (b) => (b.payment.kind === 'perDay' ? b.payment.unit : undefined),
    show: (v) => (v === 'night' ? { th: 'คืน', en: 'night' } : v === 'day' ? { th: 'วัน', en: 'day' } : NONE),
  },
  { field: 'payment.maxPerClaimSatang', label: { th: 'เพดานต่อครั้ง', en: 'Cap per claim' }, read: (b) => (b.payment.kind === 'perDay' ? b.payment.maxPerClaimSatang : undefined), show: money },
  { field: 'payment.maxUnitsPerClaim', label: { th: 'จำนวนวัน/คืนสูงสุดต่อครั้ง', en: 'Most days or nights per claim' }, read: (b) => (b.payment.kind === 'perDay' ? b.payment.maxUnitsPerClaim : undefined), show: counted('วัน/คืน', 'days or nights') },
  {
    field: 'payment.tiers',
    label: { th: 'ขั้นตามปีที่เป็นสมาชิก', en: 'Tiers by years of membership' },
    read: (b) => (b.payment.kind === 'tiers' ? b.payment.tiers : undefined),
    show: (v) =>
      Array.isArray(v)
        ? {
            th: (v as Tier[]).map((t) => `${t.fromYears} ปีขึ้นไป ${bahtTh(t.amountSatang)}`).join('; '),
            en: (v as Tier[]).map((t) => `from ${t.fromYears} years ${bahtEn(t.amountSatang)}`).join('; '),
          }
        : NONE,
  },
  { field: 'maxPerYearSatang', label: { th: 'เพดานต่อปี', en: 'Cap per year' }, read: (b) => b.maxPerYearSatang, show: money },
  { field: 'maxClaimsPerYear', label: { th: 'จำนวนครั้งสูงสุดต่อปี', en: 'Most claims per year' }, read: (b) => b.maxClaimsPerYear, show: counted('ครั้ง', 'claims') },
  { field: 'frequency', label: { th: 'ความถี่', en: 'Frequency' }, read: (b) => b.frequency, show: (v) => frequencyNames[v as Frequency] },
  {
    field: 'evidence',
    label: { th: 'หลักฐานที่ต้องแนบ', en: 'Evidence required' },
    read: (b) => (b.evidence.length ? b.evidence : undefined),
    show: (v) => (Array.isArray(v) ? { th: (v as EvidenceItem[]).map((e) => e.th).join(', '), en: (v as EvidenceItem[]).map((e) => e.en || e.th).join(', ') } : NONE),
  },
];

type Tier = { fromYears: number; amountSatang: number };

function memberCategoryName(code: string): Bilingual {
  return presetMemberCategories.find((category) => category.code === code) ?? { th: code, en: code };
}

/**
 * Two versions side by side: for each benefit type (by code; a's order, then those only in b), whether it was
 * added, removed, changed or left as it was, and each field that differs, from → to, as the screen shows it.
 */
export function diffVersions(a: RegulationVersion, b: RegulationVersion): BenefitTypeDiff[] {
  const inB = new Map(b.benefitTypes.map((benefit) => [benefit.code, benefit]));
  const inA = new Set(a.benefitTypes.map((benefit) => benefit.code));
  const diffs: BenefitTypeDiff[] = [];
  for (const before of a.benefitTypes) {
    const after = inB.get(before.code);
    if (!after) {
      diffs.push({ code: before.code, name: nameOf(before), change: 'removed', fields: changedFields(before, undefined) });
      continue;
    }
    const fields = changedFields(before, after);
    diffs.push({ code: before.code, name: nameOf(after), change: fields.length ? 'changed' : 'unchanged', fields });
  }
  for (const after of b.benefitTypes) {
    if (!inA.has(after.code)) diffs.push({ code: after.code, name: nameOf(after), change: 'added', fields: changedFields(undefined, after) });
  }
  return diffs;
}

function nameOf(benefit: BenefitType): Bilingual {
  return { th: benefit.name.th, en: benefit.name.en || benefit.name.th };
}

function changedFields(before: BenefitType | undefined, after: BenefitType | undefined): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const spec of fieldSpecs) {
    const from = before ? spec.read(before) : undefined;
    const to = after ? spec.read(after) : undefined;
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes.push({ field: spec.field, label: spec.label, from: from === undefined ? NONE : spec.show(from), to: to === undefined ? NONE : spec.show(to) });
  }
  return changes;
}
