// Thai (and English) names for what the audit log records: the kinds of record and their fields. Field labels come
// from the app's own forms (labelFields in each area's schemas) so the history says what the form said.
import { fieldLabelOf } from '../api/validation';
import { roleNames } from '../api/roles';
import { formSummaries } from '../documents/forms';

/** Names of the kinds of record the audit log holds (audit_log.entity). */
export const entityNames: Record<string, [string, string]> = {
  person: ['บุคคล', 'Person'],
  village: ['หมู่บ้าน', 'Village'],
  membership: ['สมาชิกกองทุน', 'Fund membership'],
  membershipLapses: ['การพ้นสภาพสมาชิก', 'Lapsed memberships'],
  receipt: ['ใบเสร็จรับเงิน', 'Receipt'],
  receiptBook: ['เล่มใบเสร็จ', 'Receipt book'],
  collection: ['การเก็บเงินสมทบ', 'Contribution collection'],
  claim: ['การขอรับสวัสดิการ', 'Welfare claim'],
  payout: ['ใบสำคัญจ่าย', 'Payment voucher'],
  income: ['รายรับ', 'Income'],
  transfer: ['การโอนเงิน', 'Transfer'],
  bankAccount: ['บัญชีเงินฝาก', 'Bank account'],
  bankReconciliation: ['การกระทบยอดบัญชี', 'Bank reconciliation'],
  books: ['บัญชีกองทุน', 'Fund books'],
  regulation: ['ระเบียบกองทุน', 'Fund regulation'],
  codiTexts: ['ข้อความในแบบฟอร์ม พอช.', 'Texts of the CODI forms'],
  codiSettings: ['ตั้งค่าแบบฟอร์ม พอช.', 'CODI form settings'],
  office: ['ข้อมูลสำนักงาน', 'Office'],
  user: ['ผู้ใช้', 'User'],
  session: ['การเข้าสู่ระบบ', 'Sign-in'],
  backup: ['การสำรองข้อมูล', 'Backup'],
  import: ['การนำเข้าข้อมูล', 'Import'],
  export: ['การส่งออกข้อมูล', 'Export'],
  print: ['การพิมพ์เอกสาร', 'Printing'],
  sample: ['ข้อมูลตัวอย่าง', 'Sample data'],
  privacySettings: ['การตั้งค่าข้อมูลส่วนบุคคล', 'Personal data settings'],
};

export function entityName(entity: string): [string, string] {
  return entityNames[entity] ?? [entity, entity];
}

/** Labels the forms share under one key but that mean something else outside the village form. */
const byEntity: Record<string, Record<string, [string, string]>> = {
  village: { number: ['หมู่ที่', 'Village number'], name: ['ชื่อหมู่บ้าน', 'Village name'] },
};

/** Labels for fields that appear in audit rows but in no form (ids, stamps, print and export records). */
const common: Record<string, [string, string]> = {
  id: ['รหัส', 'ID'],
  name: ['ชื่อ', 'Name'],
  number: ['เลขที่', 'Number'],
  createdAt: ['บันทึกเมื่อ', 'Recorded at'],
  updatedAt: ['แก้ไขเมื่อ', 'Changed at'],
  createdBy: ['บันทึกโดย', 'Recorded by'],
  people: ['จำนวนคน', 'Number of people'],
  rows: ['จำนวนแถว', 'Number of rows'],
  form: ['แบบฟอร์ม', 'Form'],
  list: ['รายการ', 'List'],
  fileName: ['ไฟล์', 'File'],
  fullCitizenId: ['เลขประจำตัวเต็ม', 'Full citizen ID'],
  filter: ['เงื่อนไขที่เลือก', 'Filter'],
  printed: ['ที่พิมพ์', 'Printed'],
  copies: ['จำนวนสำเนา', 'Copies'],
  documents: ['จำนวนฉบับ', 'Documents'],
  login: ['เข้าสู่ระบบ', 'Signed in'],
  role: ['บทบาท', 'Role'],
  username: ['ชื่อผู้ใช้', 'Username'],
  displayName: ['ชื่อที่แสดง', 'Display name'],
  active: ['ใช้งานอยู่', 'Active'],
  personId: ['บุคคล (รหัส)', 'Person (ID)'],
  membershipId: ['สมาชิก (รหัส)', 'Membership (ID)'],
  entranceFeeWaived: ['ยกเว้นค่าสมัครแรกเข้า', 'Entrance fee waived'],
  healthConsent: ['ยินยอมให้ใช้ข้อมูลสุขภาพ', 'Consent to health data'],
  beneficiaries: ['ผู้รับผลประโยชน์', 'Beneficiaries'],
  // anonymising a person (main/people/anonymise.ts)
  anonymised: ['ลบข้อมูลส่วนบุคคลแล้ว แสดงเป็น', 'Anonymised, shown as'],
  erased: ['ข้อมูลที่ลบ', 'Data erased'],
  leftOn: ['ออกไปเมื่อ', 'Left on'],
  afterYears: ['ลบได้หลังออกไป (ปี)', 'Erasable after (years)'],
  anonymiseAfterYears: ['ลบข้อมูลส่วนบุคคลได้หลังออกไป (ปี)', 'Anonymise after (years)'],
  auditRowsRedacted: ['ประวัติที่ลบค่าออก (แถว)', 'History rows redacted'],
  copiesReplaced: ['สำเนาชื่อที่แทนที่', 'Copies of the name replaced'],
};

/** The label of one field of one kind of record; '' is the whole value of a row that is not a record. */
export function fieldLabel(entity: string, field: string): { labelTh: string; labelEn: string } {
  if (field === '') return { labelTh: 'ข้อมูล', labelEn: 'Value' };
  const [labelTh, labelEn] = byEntity[entity]?.[field] ?? common[field] ?? fieldLabelOf(field) ?? [field, field];
  return { labelTh, labelEn };
}

/** What each export took out: the `list` of an audit row of kind "export". */
const exportedLists: Record<string, string> = {
  history: 'ประวัติการแก้ไข',
  people: 'ทะเบียนบุคคล',
  'people-import-refused-rows': 'แถวที่นำเข้าทะเบียนบุคคลไม่ได้',
  'history-import-refused-rows': 'แถวที่นำเข้าประวัติกองทุนไม่ได้',
  'codi-forms': 'ตัวเลขแบบฟอร์ม พอช. (สำหรับกรอกในระบบของ พอช.)',
};

/** Stored codes the office reads as words (as the register's own export writes them). */
const codeNames: Record<string, Record<string, string>> = {
  list: exportedLists,
  // a print's form by the title the documents page gives it
  form: Object.fromEntries(formSummaries().map((form) => [form.id, form.titleTh])),
  sex: { M: 'ชาย', F: 'หญิง' },
  lifeStatus: { alive: 'มีชีวิต', died: 'เสียชีวิต', moved: 'ย้ายออก' },
  noCitizenIdReason: { no_card: 'ไม่มีบัตร', foreigner: 'ต่างด้าว', other: 'อื่น ๆ' },
  role: Object.fromEntries(Object.entries(roleNames).map(([role, name]) => [role, name.th])),
};

/** The word for a stored code of a field, or undefined when the field has no codes or the value is not one. */
export function codeName(field: string, value: unknown): string | undefined {
  return typeof value === 'string' ? codeNames[field]?.[value] : undefined;
}
