// CODI's two forms from the books (issue 10): the data of the status form (แบบแสดงสถานะกองทุนสวัสดิการชุมชน) and of
// the matching-budget application (แบบเสนอเพื่อรับการสนับสนุนกองทุนสวัสดิการชุมชน) for a fiscal year, the committee's
// texts, the settings the books do not hold, the two PDFs and the xlsx for re-typing into CODI's web system. The
// screen, the PDF and the xlsx show the same figures: all come from statusForm()/application() here.
import { z } from 'zod';
import { welfareCodiSettings, welfareCodiYearTexts } from '../../db/schema';
import { ApiError } from '../api/errors';
import { defineRead, defineTask, defineWrite, type AppContext } from '../api/router';
import type { Role } from '../api/roles';
import { bilingual, isoDateField, labelFields } from '../api/validation';
import { localIsoDate } from '../dates';
import { formatSatang, formatThaiDateLong } from '../documents/format';
import type { WelfareBudgetApplicationData } from '../documents/forms/welfare-budget-application';
import type { WelfareStatusFormData } from '../documents/forms/welfare-status-form';
import { printFromRecords } from '../documents/methods';
import { personalDataPrinted } from '../history/pdpa';
import { writeSpreadsheet } from '../spreadsheets/write';
import {
  accountsCurrentCriterion,
  benefitTypesCriterion,
  categoriesCriterion,
  codiRounds,
  codiSections,
  codiSettings,
  codiYear,
  fiscalYearField,
  formDate,
  incomeOfLine,
  lockDateOf,
  oneYearMembers,
  operatingCriterion,
  requestRound,
  sectionOf,
  storedText,
  suggestedRequest,
  villagesCriterion,
  yearTexts,
  type CodiSectionKey,
} from './codi-forms';
import { regulationOn } from './methods';
import { benefitsPaidByType, financialPosition, fundBySource, fundFoundingDate, membersByCategoryAndVillage } from './statements';
import { bahtTh } from './wording';

labelFields({
  fiscalYear: ['ปีงบประมาณ (พ.ศ.)', 'Fiscal year (B.E.)'],
  sections: ['หัวข้อในแบบฟอร์ม', 'Form section'],
  localGovernmentKind: ['ประเภทองค์กรปกครองส่วนท้องถิ่น', 'Kind of local government'],
  villageThresholdBasisPoints: ['เกณฑ์หมู่บ้านที่เข้าร่วม (ร้อยละ)', 'Villages taking part threshold (%)'],
  foundedOn: ['วันก่อตั้งกองทุน', 'Founding date'],
});

/** Who writes the committee's words and the settings: those who keep the fund's papers. */
const writers: readonly Role[] = ['secretary', 'treasurer'];

/** What each figure is read from, shown beside it on the screen ("from the books", not typed). */
export const sources = {
  members: { th: 'ทะเบียนสมาชิก (วันเริ่ม/วันสิ้นสุดสมาชิกภาพ)', en: 'Member register (start/end dates)' },
  oneYear: { th: 'ประวัติสมาชิกภาพ นับถึง 30 กันยายน', en: 'Membership history, counted to 30 September' },
  money: { th: 'สมุดบัญชี (รายการบัญชีทุกรายการตั้งแต่ก่อตั้ง)', en: 'The books (every entry since founding)' },
  rounds: { th: 'รับเงินอื่น: งบสมทบจากรัฐบาลผ่าน พอช. (บัญชี 4103) พร้อมรอบที่และวันอนุมัติ', en: 'Other income: government matching via CODI (4103) with round and approval date' },
  benefits: { th: 'ใบสำคัญจ่ายสวัสดิการ (ตามประเภทสวัสดิการ)', en: 'Benefit vouchers (by benefit type)' },
  villages: { th: 'ทะเบียนหมู่บ้าน และหมู่บ้านของสมาชิกปัจจุบัน', en: 'Villages, and the villages of current members' },
  books: { th: 'การปิดงวดบัญชี', en: 'Closed periods of the books' },
} as const;

function foundingOf(app: AppContext) {
  const settings = codiSettings(app);
  const fromBooks = fundFoundingDate(app);
  return { settings, foundingDate: settings.foundedOn ?? fromBooks, foundingDateSource: settings.foundedOn !== null ? ('saved' as const) : fromBooks !== null ? ('books' as const) : ('none' as const) };
}

/** "รายเดือน เดือนละ 30 บาท": how members pay, as the regulation in force says; empty before any regulation. */
function contributionMode(app: AppContext, asOf: string): string {
  try {
    const scheme = regulationOn(app, asOf, 'fiscalYear').contributions.scheme;
    if (scheme.kind === 'monthly') return `รายเดือน เดือนละ ${bahtTh(scheme.amountSatang)}`;
    if (scheme.kind === 'yearly') return `รายปี ปีละ ${bahtTh(scheme.amountSatang)}`;
    return `ทุก ${scheme.months} เดือน งวดละ ${bahtTh(scheme.amountSatang)}`;
  } catch {
    return '';
  }
}

function villageCount(app: AppContext): number {
  return (app.sqlite.prepare('SELECT count(*) AS n FROM villages').get() as { n: number }).n;
}

/** The figures both forms share: members, villages, money, rounds, benefits, criteria. */
function figures(app: AppContext, fiscalYear: number) {
  const year = codiYear(fiscalYear);
  const asOf = formDate(year, localIsoDate(app.now()));
  const { settings, foundingDate, foundingDateSource } = foundingOf(app);
  const members = membersByCategoryAndVillage(app, asOf);
  const oneYear = oneYearMembers(app, year.end);
  const villagesTotal = villageCount(app);
  const villagesTakingPart = members.byVillage.filter((village) => village.villageId !== null && village.current > 0);
  const money = fundBySource(app, asOf);
  const rounds = codiRounds(app, asOf);
  const benefits = benefitsPaidByType(app, year.start, asOf, asOf);
  const lockDate = lockDateOf(app);
  const criteria = [
    operatingCriterion(foundingDate, year.end),
    villagesCriterion(villagesTakingPart.length, villagesTotal, settings.thresholdBasisPoints, settings.localGovernmentKind),
    categoriesCriterion(members.byCategory),
    accountsCurrentCriterion(lockDate, asOf),
    benefitTypesCriterion(benefits.map((row) => ({ name: row.name, persons: row.personsSinceFounding, amountSatang: row.amountSinceFounding }))),
  ];
  return {
    fiscalYear,
    year,
    asOf,
    settings: { ...settings, foundingDate, foundingDateSource },
    foundingDate,
    members,
    oneYear,
    villages: { total: villagesTotal, takingPart: villagesTakingPart.length, names: villagesTakingPart.map((village) => village.name) },
    money,
    rounds,
    benefits,
    lockDate,
    criteria,
    contributionMode: contributionMode(app, asOf),
  };
}

/** แบบแสดงสถานะกองทุน: every section the books can answer, and the committee's words for the rest. */
export function statusForm(app: AppContext, fiscalYear: number) {
  const shared = figures(app, fiscalYear);
  return { ...shared, position: financialPosition(app, shared.asOf), texts: yearTexts(app, fiscalYear), sources };
}

/** แบบเสนอเพื่อรับการสนับสนุน: the criteria met or not with their numbers, the rounds, the amount suggested. */
export function application(app: AppContext, fiscalYear: number) {
  const shared = figures(app, fiscalYear);
  const round = requestRound(shared.rounds);
  const texts = yearTexts(app, fiscalYear);
  const suggestion = suggestedRequest(shared.oneYear.completedOneYear);
  const previousYear = codiYear(fiscalYear - 1);
  return {
    ...shared,
    round,
    memberContributionsThisYear: incomeOfLine(app, 'memberContributions', shared.year.start, shared.asOf),
    localGovernmentLastYear: incomeOfLine(app, 'localGovernment', previousYear.start, previousYear.end),
    suggestion,
    /** the committee's amount when written, otherwise the suggestion */
    requestedSatang: texts.requestedAmount ?? suggestion.amountSatang,
    texts,
    sources,
  };
}

export type StatusForm = ReturnType<typeof statusForm>;
export type Application = ReturnType<typeof application>;

const yearInput = z.object({ fiscalYear: fiscalYearField });

const settingsInput = z.object({
  localGovernmentKind: z.enum(['subdistrict', 'municipality'], { error: bilingual('ประเภทต้องเป็น อบต. หรือ เทศบาล', 'The kind must be a subdistrict (อบต.) or a municipality') }),
  villageThresholdBasisPoints: z
    .number({ error: bilingual('เกณฑ์หมู่บ้านที่เข้าร่วมต้องเป็นตัวเลข', 'The threshold must be a number') })
    .int()
    .min(1, bilingual('เกณฑ์หมู่บ้านที่เข้าร่วมต้องมากกว่าร้อยละ 0', 'The threshold must be more than 0 %'))
    .max(10000, bilingual('เกณฑ์หมู่บ้านที่เข้าร่วมต้องไม่เกินร้อยละ 100', 'The threshold must be at most 100 %'))
    .nullable()
    .default(null),
  foundedOn: isoDateField('วันก่อตั้งกองทุน', 'Founding date').nullable().default(null),
});

const textsInput = z.object({ fiscalYear: fiscalYearField, sections: z.record(z.string(), z.unknown()) });

/** Each section's value read by its own rule; an unknown key or a bad value refuses the whole save, naming it. */
function readSections(sections: Record<string, unknown>): [CodiSectionKey, unknown][] {
  const entries = Object.entries(sections);
  if (entries.length === 0) throw new ApiError('INVALID_INPUT', 'ไม่มีหัวข้อที่จะบันทึก', 'Nothing to save', 'sections');
  return entries.map(([key, value]) => {
    const section = sectionOf(key);
    const parsed = codiSections[section].value.safeParse(value);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? '';
      const [th, en] = message.includes(' / ') ? message.split(' / ') : [message, message];
      throw new ApiError('INVALID_INPUT', `ข้อ ${codiSections[section].item} ${codiSections[section].th}: ${th}`, `Item ${codiSections[section].item} ${codiSections[section].en}: ${en}`, `sections.${key}`);
    }
    return [section, parsed.data];
  });
}

function formOffice(app: AppContext) {
  return app.sqlite.prepare('SELECT fund_name AS fundName, address, phone FROM office WHERE id = 1').get() as { fundName: string; address: string; phone: string } | undefined;
}

/** The status form as its PDF takes it. */
export function statusFormPrintData(form: StatusForm): WelfareStatusFormData {
  return {
    fiscalYear: form.fiscalYear,
    asOf: form.asOf,
    foundingDate: form.foundingDate,
    members: {
      cumulative: form.members.cumulative,
      current: form.members.current,
      completedOneYear: form.oneYear.completedOneYear,
      cutoff: form.year.end,
      population: form.texts.population,
      byCategory: form.members.byCategory.map((row) => ({ name: row.name, cumulative: row.cumulative, current: row.current })),
      villagesTakingPart: form.villages.takingPart,
      villagesTotal: form.villages.total,
      villageNames: form.villages.names,
    },
    money: {
      rows: form.money.rows.map((row) => ({ name: row.name, amountSatang: row.amount })),
      totalSatang: form.money.total,
      heldSatang: form.money.heldSatang,
      membersOwnShareBasisPoints: form.money.membersOwnShareBasisPoints,
      rounds: form.rounds.map((round) => ({ round: round.round, approvalDate: round.approvalDate, amountSatang: round.amountSatang })),
    },
    benefits: form.benefits.map((row) => ({ name: row.name, personsSinceFounding: row.personsSinceFounding, amountSinceFounding: row.amountSinceFounding, personsInYear: row.personsInPeriod, amountInYear: row.amountInPeriod })),
    position: {
      receiptSide: form.position.receiptSide.map((section) => ({ title: section.title, lines: section.lines.map((line) => ({ name: line.name, amountSatang: line.amount })) })),
      paymentSide: form.position.paymentSide.map((section) => ({ title: section.title, lines: section.lines.map((line) => ({ name: line.name, amountSatang: line.amount })) })),
      totalReceiptSide: form.position.totalReceiptSide,
      totalPaymentSide: form.position.totalPaymentSide,
    },
    texts: {
      objectives: form.texts.objectives,
      activities: form.texts.activities,
      management: form.texts.management,
      links: form.texts.links,
      support: form.texts.support,
      plans: form.texts.plans,
      problems: form.texts.problems,
      suggestions: form.texts.suggestions,
      committee: form.texts.committee,
    },
  };
}

/** The application as its PDF takes it. */
export function applicationPrintData(form: Application): WelfareBudgetApplicationData {
  return {
    fiscalYear: form.fiscalYear,
    asOf: form.asOf,
    foundingDate: form.foundingDate,
    currentMembers: form.members.current,
    contributionMode: form.contributionMode,
    completedOneYear: form.oneYear.completedOneYear,
    cutoff: form.year.end,
    round: form.round,
    rounds: form.rounds.map((round) => ({ round: round.round, approvalDate: round.approvalDate, amountSatang: round.amountSatang, memberContributionsSatang: round.memberContributionsSatang })),
    memberContributionsThisYear: form.memberContributionsThisYear,
    localGovernmentLastYear: form.localGovernmentLastYear,
    villagesTakingPart: form.villages.takingPart,
    villagesTotal: form.villages.total,
    localGovernmentKind: form.settings.localGovernmentKind,
    criteria: form.criteria.map((criterion) => ({ item: criterion.item, label: criterion.label.th, detail: criterion.detail.th, met: criterion.met })),
    benefits: form.benefits.filter((row) => row.personsSinceFounding > 0).map((row) => ({ name: row.name, persons: row.personsSinceFounding, amountSatang: row.amountSinceFounding })),
    requestedSatang: form.requestedSatang,
    suggestion: form.suggestion.th,
    highlights: form.texts.highlights,
    sustainability: form.texts.sustainability,
    committee: form.texts.committee,
  };
}

/** The committee members a printed form names (the chair, the coordinator, the signers). */
function committeeNamed(form: { texts: { committee: unknown[] } }): number {
  return form.texts.committee.length;
}

type SheetRow = { item: string; label: string; value: string | number | null; unit: string; source: string };

/** Both forms' figures, one per row, in the order of CODI's web system (ข้อ | รายการ | ค่า | หน่วย | ที่มา). */
export function exportRows(status: StatusForm, request: Application): SheetRow[] {
  const rows: SheetRow[] = [];
  const add = (item: string, label: string, value: string | number | null, unit: string, source = '') => rows.push({ item, label, value, unit, source });
  const baht = (satang: number) => Number(formatSatang(satang).replace(/,/g, ''));
  add('สถานะ 2', 'วันก่อตั้งกองทุน', status.foundingDate === null ? '' : formatThaiDateLong(status.foundingDate), '', status.settings.foundingDateSource === 'saved' ? 'ตั้งค่าแบบฟอร์ม พอช.' : sources.members.th);
  add('สถานะ 3', 'สมาชิกสะสม', status.members.cumulative, 'คน', sources.members.th);
  add('สถานะ 3', 'สมาชิกปัจจุบัน', status.members.current, 'คน', sources.members.th);
  add('สถานะ 3', `สมาชิกที่ครบ 1 ปี ณ ${formatThaiDateLong(status.year.end)}`, status.oneYear.completedOneYear, 'คน', sources.oneYear.th);
  for (const category of status.members.byCategory) add('สถานะ 3', `สมาชิกประเภท${category.name} (สะสม/ปัจจุบัน)`, `${category.cumulative}/${category.current}`, 'คน', sources.members.th);
  add('สถานะ 3', 'หมู่บ้านที่เข้าร่วม', status.villages.takingPart, 'หมู่บ้าน', sources.villages.th);
  add('สถานะ 3', 'หมู่บ้านทั้งหมด', status.villages.total, 'หมู่บ้าน', sources.villages.th);
  for (const row of status.money.rows) add('สถานะ 4', row.name, baht(row.amount), 'บาท', sources.money.th);
  add('สถานะ 4', 'รวมเงินกองทุนตั้งแต่ก่อตั้ง', baht(status.money.total), 'บาท', sources.money.th);
  add('สถานะ 4', `เงินคงเหลือ ณ ${formatThaiDateLong(status.asOf)}`, baht(status.money.heldSatang), 'บาท', sources.money.th);
  for (const round of status.rounds) add('สถานะ 4', `งบสมทบจากรัฐบาลผ่าน พอช. ${round.round === null ? 'ไม่ระบุรอบ' : `รอบที่ ${round.round}`}${round.approvalDate ? ` อนุมัติ ${formatThaiDateLong(round.approvalDate)}` : ''}`, baht(round.amountSatang), 'บาท', sources.rounds.th);
  for (const row of status.benefits) {
    add('สถานะ 5', `${row.name} ตั้งแต่ก่อตั้ง`, row.personsSinceFounding, 'คน', sources.benefits.th);
    add('สถานะ 5', `${row.name} ตั้งแต่ก่อตั้ง`, baht(row.amountSinceFounding), 'บาท', sources.benefits.th);
    add('สถานะ 6', `${row.name} ปีงบประมาณ ${status.fiscalYear}`, row.personsInPeriod, 'คน', sources.benefits.th);
    add('สถานะ 6', `${row.name} ปีงบประมาณ ${status.fiscalYear}`, baht(row.amountInPeriod), 'บาท', sources.benefits.th);
  }
  for (const [side, sections] of [
    ['รายการรับ', status.position.receiptSide],
    ['รายการจ่าย', status.position.paymentSide],
  ] as const) {
    for (const section of sections) for (const line of section.lines) add('สถานะ 10', `${side} ${section.title} ${line.name}`, baht(line.amount), 'บาท', sources.money.th);
  }
  add('สถานะ 10', 'รวมยอดบัญชีรายรับ', baht(status.position.totalReceiptSide), 'บาท', sources.money.th);
  add('สถานะ 10', 'รวมยอดบัญชีรายจ่าย', baht(status.position.totalPaymentSide), 'บาท', sources.money.th);
  add('แบบเสนอ 4.2', 'ขอรับการสนับสนุนรอบที่', request.round, '', sources.rounds.th);
  add('แบบเสนอ 4.3', `เงินสมทบของสมาชิก ปีงบประมาณ ${request.fiscalYear}`, baht(request.memberContributionsThisYear), 'บาท', sources.money.th);
  add('แบบเสนอ 4.3', `อปท. สนับสนุน ปีงบประมาณ ${request.fiscalYear - 1}`, baht(request.localGovernmentLastYear), 'บาท', sources.money.th);
  for (const criterion of request.criteria) add(`แบบเสนอ ${criterion.item}`, criterion.label.th, criterion.met ? 'ผ่าน' : 'ไม่ผ่าน', '', criterion.detail.th);
  add('แบบเสนอ 5', 'จำนวนเงินที่ขอรับการสนับสนุน', baht(request.requestedSatang), 'บาท', request.texts.requestedAmount === null ? `คำนวณ: ${request.suggestion.th}` : 'คณะกรรมการกำหนด');
  return rows;
}

export const welfareCodiMethods = [
  defineRead({ name: 'welfare.codi.settings', input: z.object({}), access: 'user', handler: ({ app }) => foundingOf(app).settings }),

  defineWrite({
    name: 'welfare.codi.settingsSave',
    input: settingsInput,
    access: writers,
    handler: ({ app, input }) => {
      const before = app.db.select().from(welfareCodiSettings).get() ?? null;
      const values = { localGovernmentKind: input.localGovernmentKind, villageThresholdBasisPoints: input.villageThresholdBasisPoints, foundedOn: input.foundedOn, updatedAt: app.now().toISOString() };
      app.db
        .insert(welfareCodiSettings)
        .values({ id: 1, ...values })
        .onConflictDoUpdate({ target: welfareCodiSettings.id, set: values })
        .run();
      return { result: codiSettings(app), audit: { entity: 'codiSettings', entityId: 1, before, after: values } };
    },
  }),

  defineRead({ name: 'welfare.codi.texts', input: yearInput, access: 'user', handler: ({ app, input }) => yearTexts(app, input.fiscalYear) }),

  defineWrite({
    name: 'welfare.codi.textsSave',
    input: textsInput,
    access: writers,
    handler: ({ app, input, user }) => {
      const sections = readSections(input.sections);
      const before = yearTexts(app, input.fiscalYear) as unknown as Record<string, unknown>;
      const now = app.now().toISOString();
      for (const [key, value] of sections) {
        const stored = storedText(key, value);
        app.db
          .insert(welfareCodiYearTexts)
          .values({ fiscalYear: input.fiscalYear, sectionKey: key, text: stored, updatedAt: now, updatedBy: user?.id ?? null })
          .onConflictDoUpdate({ target: [welfareCodiYearTexts.fiscalYear, welfareCodiYearTexts.sectionKey], set: { text: stored, updatedAt: now, updatedBy: user?.id ?? null } })
          .run();
      }
      const after = yearTexts(app, input.fiscalYear);
      return {
        result: after,
        audit: {
          entity: 'codiTexts',
          entityId: input.fiscalYear,
          before: Object.fromEntries(sections.map(([key]) => [key, before[key]])),
          after: Object.fromEntries(sections.map(([key]) => [key, (after as unknown as Record<string, unknown>)[key]])),
        },
      };
    },
  }),

  defineRead({ name: 'welfare.codi.statusForm', input: yearInput, access: 'user', handler: ({ app, input }) => statusForm(app, input.fiscalYear) }),

  defineRead({ name: 'welfare.codi.application', input: yearInput, access: 'user', handler: ({ app, input }) => application(app, input.fiscalYear) }),

  defineTask({
    name: 'welfare.codi.statusFormPrint',
    input: yearInput,
    access: 'user',
    handler: async ({ app, input, signal, recordAudit }) => {
      const form = statusForm(app, input.fiscalYear);
      const printed = await printFromRecords(app, 'welfare-status-form', statusFormPrintData(form), signal);
      recordAudit(personalDataPrinted('welfare-status-form', committeeNamed(form), { fiscalYear: input.fiscalYear }));
      return printed;
    },
  }),

  defineTask({
    name: 'welfare.codi.applicationPrint',
    input: yearInput,
    access: 'user',
    handler: async ({ app, input, signal, recordAudit }) => {
      const form = application(app, input.fiscalYear);
      const printed = await printFromRecords(app, 'welfare-budget-application', applicationPrintData(form), signal);
      recordAudit(personalDataPrinted('welfare-budget-application', committeeNamed(form), { fiscalYear: input.fiscalYear }));
      return printed;
    },
  }),

  defineTask({
    name: 'welfare.codi.export',
    input: yearInput,
    access: 'user',
    handler: async ({ app, input, recordAudit }) => {
      const status = statusForm(app, input.fiscalYear);
      const request = application(app, input.fiscalYear);
      const rows = exportRows(status, request);
      const content = await writeSpreadsheet({
        sheetName: `พอช. ${input.fiscalYear}`,
        title: `${formOffice(app)?.fundName ?? 'กองทุนสวัสดิการชุมชน'}: ข้อมูลแบบแสดงสถานะกองทุนและแบบเสนอ ปีงบประมาณ ${input.fiscalYear} ณ ${formatThaiDateLong(status.asOf)}`,
        columns: [
          { key: 'item', heading: 'ข้อ', kind: 'text' },
          { key: 'label', heading: 'รายการ', kind: 'text' },
          { key: 'value', heading: 'ค่า', kind: 'number' },
          { key: 'unit', heading: 'หน่วย', kind: 'text' },
          { key: 'source', heading: 'ที่มา', kind: 'text' },
        ],
        rows,
      });
      recordAudit({ entity: 'export', entityId: null, before: null, after: { list: 'codi-forms', fiscalYear: input.fiscalYear, rows: rows.length } });
      return { fileName: `แบบฟอร์ม-พอช-${input.fiscalYear}.xlsx`, contentBase64: content.toString('base64'), rows: rows.length };
    },
  }),
] as const;
