// What the fund's screens share: the shapes the core sends, who may change the fund, and how codes read.
import dayjs from 'dayjs';
import i18next from 'i18next';
import type { InputOf, OutputOf } from '../api';
import { useSession } from '../app/store';

export type RegulationVersion = OutputOf<'welfare.regulation.list'>[number];
export type RegulationInput = Omit<InputOf<'welfare.regulation.create'>, 'benefitTypes'> & { benefitTypes: BenefitType[] };
export type BenefitType = RegulationVersion['benefitTypes'][number];
export type Payment = BenefitType['payment'];
export type ContributionSettings = RegulationVersion['contributions'];
export type MemberCategory = RegulationVersion['memberCategories'][number];
export type MemberRow = OutputOf<'welfare.members.list'>['rows'][number];
export type MemberPageData = OutputOf<'welfare.members.get'>;
export type EndReason = InputOf<'welfare.members.end'>['reason'];

export const endReasons: readonly EndReason[] = ['resigned', 'died', 'expelled'];
export const paymentKinds: readonly Payment['kind'][] = ['fixed', 'perDay', 'tiers'];
export const frequencies: readonly BenefitType['frequency'][] = ['once', 'perEvent', 'perYear'];
export const schemeKinds: readonly ContributionSettings['scheme']['kind'][] = ['monthly', 'yearly', 'every'];

/**
 * The 16 lines of CODI's status form and "other", in the form's order (main/welfare/regulation.ts
 * benefitCategories); their names are in the translations under welfare.benefitCategory.
 */
export const benefitCategoryCodes = [
  'birth',
  'illness',
  'elderly',
  'death',
  'funeral',
  'disadvantaged',
  'livelihood',
  'education',
  'culture',
  'housing',
  'disaster',
  'publicBenefit',
  'environment',
  'publicRelations',
  'organizationReward',
  'covid19',
  'other',
] as const satisfies readonly BenefitType['category'][];

/** The treasurer keeps the fund, the secretary helps with members, the administrator may do all (main/welfare/methods.ts). */
export function useCanKeepFund(): boolean {
  return useSession((state) => state.user !== null && ['admin', 'treasurer', 'secretary'].includes(state.user.role));
}

/** A member category by its code, in the UI language, from the fund's own list (its English name may be empty). */
export function categoryName(code: string, categories: readonly MemberCategory[]): string {
  const category = categories.find((item) => item.code === code);
  if (!category) return code;
  return i18next.language === 'en' && category.en ? category.en : category.th;
}

/** A statement's row (an account, source, category or village) by the name the core gives for the UI language. */
export function localName(row: { name: string; nameEn: string }): string {
  return i18next.language === 'en' && row.nameEn ? row.nameEn : row.name;
}

/** A section of the financial position by its title in the UI language. */
export function localTitle(section: { title: string; titleEn: string }): string {
  return localName({ name: section.title, nameEn: section.titleEn });
}

/** A benefit's name in the UI language. */
export function benefitName(benefit: { name: { th: string; en: string } }): string {
  return i18next.language === 'en' && benefit.name.en ? benefit.name.en : benefit.name.th;
}

/** Every member category any version ever had, the latest name winning: old members keep a readable category. */
export function allCategories(versions: readonly RegulationVersion[]): MemberCategory[] {
  const byCode = new Map<string, MemberCategory>();
  for (const version of versions) for (const category of version.memberCategories) byCode.set(category.code, category);
  return [...byCode.values()];
}

/** A code not yet used in `taken`: "own-1", "own-2", … for the fund's own categories and benefits. */
export function freeCode(prefix: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/**
 * A contribution period for the screen: in Thai the core's own label ('ส.ค. 69', 'ม.ค.–มี.ค. 69'), in English
 * 'Aug B.E. 2569' or 'Jan–Mar B.E. 2569' from its first month ('YYYY-MM') and the months per period.
 */
export function periodLabel(line: { label: string; period: string | null }, periodMonths: number): string {
  if (i18next.language !== 'en' || line.period === null) return line.label;
  const first = dayjs(`${line.period}-01`);
  if (!first.isValid()) return line.label;
  const last = first.add(Math.max(1, periodMonths) - 1, 'month');
  const month = (date: typeof first) => date.locale('en').format('MMM');
  const year = (date: typeof first) => i18next.t('welfarePaid.periodYear', { year: date.year() + 543 });
  if (periodMonths <= 1) return `${month(first)} ${year(first)}`;
  if (first.year() === last.year()) return `${month(first)}–${month(last)} ${year(last)}`;
  return `${month(first)} ${year(first)}–${month(last)} ${year(last)}`;
}
