// The preset chart of accounts: the four groups of CODI's status form and the two fund apps found (DOMAIN.md §2.10),
// so that the form's lines are sums of accounts. Written into the books the first time the fund posts anything.
import { welfareAccounts, welfareBooks } from '../../db/schema';
import type { AppContext } from '../api/router';

export interface PresetAccount {
  code: string;
  nameTh: string;
  nameEn: string;
  kind: 'asset' | 'income' | 'expense' | 'equity';
  reportLine: string;
}

export const presetAccounts: PresetAccount[] = [
  { code: '1101', nameTh: 'เงินสดในมือ', nameEn: 'Cash on hand', kind: 'asset', reportLine: 'cash' },
  { code: '1102', nameTh: 'เงินฝากธนาคาร', nameEn: 'Bank deposits', kind: 'asset', reportLine: 'bank' },
  { code: '1201', nameTh: 'เงินลงทุนอื่น ๆ', nameEn: 'Other investments', kind: 'asset', reportLine: 'investments' },
  { code: '3101', nameTh: 'ทุนกองทุน (ยอดยกมา)', nameEn: 'Fund capital (brought forward)', kind: 'equity', reportLine: 'equity' },
  { code: '4101', nameTh: 'เงินสมทบจากสมาชิก', nameEn: 'Member contributions', kind: 'income', reportLine: 'memberContributions' },
  { code: '4102', nameTh: 'สถาบันพัฒนาองค์กรชุมชน (พอช.) 55,000/100,000 บาท', nameEn: 'CODI seed grant', kind: 'income', reportLine: 'codiSeed' },
  { code: '4103', nameTh: 'งบสมทบจากรัฐบาลผ่าน พอช.', nameEn: 'Government matching via CODI', kind: 'income', reportLine: 'codiMatching' },
  { code: '4104', nameTh: 'องค์กรปกครองส่วนท้องถิ่น (อบต./เทศบาล/อบจ.)', nameEn: 'Local government', kind: 'income', reportLine: 'localGovernment' },
  { code: '4105', nameTh: 'หน่วยงานภาครัฐอื่น ๆ', nameEn: 'Other government agencies', kind: 'income', reportLine: 'otherAgencies' },
  { code: '4106', nameTh: 'สมทบจากผลกำไรกลุ่มองค์กรในชุมชน', nameEn: 'Profits of community groups', kind: 'income', reportLine: 'groupProfits' },
  { code: '4201', nameTh: 'ค่าธรรมเนียมแรกเข้า', nameEn: 'Entrance fees', kind: 'income', reportLine: 'entranceFees' },
  { code: '4202', nameTh: 'เงินบริจาค', nameEn: 'Donations', kind: 'income', reportLine: 'donations' },
  { code: '4203', nameTh: 'ดอกเบี้ยเงินฝากธนาคาร', nameEn: 'Bank interest', kind: 'income', reportLine: 'interest' },
  { code: '4204', nameTh: 'รายได้อื่น ๆ', nameEn: 'Other income', kind: 'income', reportLine: 'otherIncome' },
  { code: '5101', nameTh: 'จ่ายสวัสดิการให้สมาชิก', nameEn: 'Benefits paid to members', kind: 'expense', reportLine: 'benefits' },
  { code: '5201', nameTh: 'ค่าตอบแทนคนทำงาน', nameEn: 'Wages of workers', kind: 'expense', reportLine: 'adminWages' },
  { code: '5202', nameTh: 'ค่าพาหนะ', nameEn: 'Travel', kind: 'expense', reportLine: 'adminTravel' },
  { code: '5203', nameTh: 'ค่าเอกสาร/เครื่องเขียน', nameEn: 'Documents and stationery', kind: 'expense', reportLine: 'adminStationery' },
  { code: '5204', nameTh: 'ค่ากิจกรรม/ประชุม', nameEn: 'Activities and meetings', kind: 'expense', reportLine: 'adminMeetings' },
  { code: '5205', nameTh: 'สนับสนุนกิจกรรม', nameEn: 'Activity support', kind: 'expense', reportLine: 'activitySupport' },
  { code: '5206', nameTh: 'รายจ่ายอื่น ๆ', nameEn: 'Other expenses', kind: 'expense', reportLine: 'otherExpenses' },
];

/** The accounts the books post to by themselves. */
export const systemAccounts = { cash: '1101', memberContributions: '4101', entranceFees: '4201' } as const;

/**
 * Writes the preset chart and the book settings the first time the fund needs them (inside the caller's write, so a
 * failed first posting leaves no half chart). Returns the account ids by code.
 */
export function ensureBooks(app: AppContext): Map<string, number> {
  const existing = app.db.select({ id: welfareAccounts.id, code: welfareAccounts.code }).from(welfareAccounts).all();
  if (existing.length === 0) {
    presetAccounts.forEach((account, position) => app.db.insert(welfareAccounts).values({ ...account, system: true, position }).run());
    app.db.insert(welfareBooks).values({ id: 1, updatedAt: app.now().toISOString() }).onConflictDoNothing().run();
    return ensureBooks(app);
  }
  return new Map(existing.map((account) => [account.code, account.id]));
}
