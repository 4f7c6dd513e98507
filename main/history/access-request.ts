// คำขอเข้าถึงข้อมูลส่วนบุคคล (PDPA, DOMAIN.md §4.7): for one person, everything the app holds about them, read from
// every table that names them, as the sections of the form personal-data-record.
import { asc, eq, inArray } from 'drizzle-orm';
import { people, villages, welfareBeneficiaries, welfareClaims, welfareMemberships, welfarePayouts, welfareReceiptBooks, welfareReceipts } from '../../db/schema';
import { ApiError } from '../api/errors';
import type { AppContext } from '../api/router';
import { localIsoDate } from '../dates';
import { formatSatang } from '../documents/format';
import type { PersonalDataRecordData } from '../documents/forms/personal-data-record';
import { formatThaiDate } from '../spreadsheets/thai-values';
import { momentText, recordHistory, valueText, type HistoryRow } from './audit-query';
import { fieldLabel } from './labels';

type Section = PersonalDataRecordData['sections'][number];

const registerFields = ['title', 'firstName', 'lastName', 'citizenId', 'noCitizenIdReason', 'sex', 'birthDate', 'houseNumber', 'villageId', 'address', 'phone', 'lifeStatus', 'lifeStatusDate', 'notes'] as const;
const consentFields = ['consentGiven', 'consentDate', 'consentScope'] as const;

const endReasons: Record<string, string> = { resigned: 'ลาออก', died: 'เสียชีวิต', lapsed: 'พ้นสภาพ (ขาดส่งเงินสมทบ)', expelled: 'ให้ออก' };
const claimStatuses: Record<string, string> = { pending: 'รอพิจารณา', approved: 'อนุมัติ', refused: 'ไม่อนุมัติ', paid: 'จ่ายแล้ว' };
const dateText = (iso: string | null) => (iso ? formatThaiDate(iso) : '');

/** One audit row as a line of the record: what was done and, for a change, which fields and their new values. */
function auditLine(row: HistoryRow): string[] {
  const changes = row.changes.map((change) => `${change.labelTh}: ${change.after || '(ว่าง)'}`).join(', ');
  return [momentText(row.at), row.userName || '(ระบบ)', `${row.method}${changes ? ` — ${changes}` : ''}`];
}

/** Everything the office holds about one person, as the form's sections; refused when there is no such person. */
export function personalDataRecord(app: AppContext, personId: number, preparedBy: string): PersonalDataRecordData {
  const person = app.db.select().from(people).where(eq(people.id, personId)).get();
  if (!person) throw new ApiError('NOT_FOUND', 'ไม่พบบุคคลนี้ในทะเบียน', 'This person is not in the register', 'personId');
  const village = person.villageId === null ? null : app.db.select().from(villages).where(eq(villages.id, person.villageId)).get();
  const stored = person as unknown as Record<string, unknown>;
  const field = (key: string) => ({ label: fieldLabel('person', key).labelTh, value: key === 'villageId' ? (village ? `หมู่ที่ ${village.number} ${village.name}`.trim() : '') : valueText(key, stored[key]) });

  const memberships = app.db.select().from(welfareMemberships).where(eq(welfareMemberships.personId, personId)).orderBy(asc(welfareMemberships.startDate)).all();
  const membershipIds = memberships.map((membership) => membership.id);
  const receipts = membershipIds.length
    ? app.db
        .select({ receipt: welfareReceipts, book: welfareReceiptBooks.bookNumber })
        .from(welfareReceipts)
        .innerJoin(welfareReceiptBooks, eq(welfareReceiptBooks.id, welfareReceipts.bookId))
        .where(inArray(welfareReceipts.membershipId, membershipIds))
        .orderBy(asc(welfareReceipts.receiptDate), asc(welfareReceipts.id))
        .all()
    : [];
  const claims = membershipIds.length ? app.db.select().from(welfareClaims).where(inArray(welfareClaims.membershipId, membershipIds)).orderBy(asc(welfareClaims.eventDate), asc(welfareClaims.id)).all() : [];
  const claimIds = claims.map((claim) => claim.id);
  const payouts = claimIds.length ? app.db.select().from(welfarePayouts).where(inArray(welfarePayouts.claimId, claimIds)).orderBy(asc(welfarePayouts.payoutDate), asc(welfarePayouts.id)).all() : [];
  const namedAsBeneficiary = app.db
    .select({ beneficiary: welfareBeneficiaries, memberNumber: welfareMemberships.memberNumber })
    .from(welfareBeneficiaries)
    .innerJoin(welfareMemberships, eq(welfareMemberships.id, welfareBeneficiaries.membershipId))
    .where(eq(welfareBeneficiaries.personId, personId))
    .all();
  const audit = [...recordHistory(app.sqlite, 'person', String(personId)), ...membershipIds.flatMap((id) => recordHistory(app.sqlite, 'membership', String(id)))].sort((a, b) => a.id - b.id);

  const sections: Section[] = [
    { title: 'ข้อมูลในทะเบียนบุคคล', fields: registerFields.map(field), table: null, empty: '' },
    { title: 'ความยินยอม (PDPA)', fields: consentFields.map(field), table: null, empty: '' },
    {
      title: 'สมาชิกกองทุนสวัสดิการชุมชน',
      fields: [],
      table: { headings: ['เลขที่สมาชิก', 'ประเภท', 'วันที่เริ่ม', 'สถานะ'], rows: memberships.map((membership) => [membership.memberNumber, membership.category, dateText(membership.startDate), membership.endDate ? `สิ้นสุด ${dateText(membership.endDate)} (${endReasons[membership.endReason ?? ''] ?? membership.endReason})` : 'เป็นสมาชิกอยู่']) },
      empty: 'ไม่ได้เป็นสมาชิกกองทุน',
    },
    {
      title: 'ผู้รับผลประโยชน์ที่ระบุชื่อบุคคลนี้',
      fields: [],
      table: { headings: ['ของสมาชิกเลขที่', 'ความสัมพันธ์', 'ส่วนแบ่ง (%)'], rows: namedAsBeneficiary.map(({ beneficiary, memberNumber }) => [memberNumber, beneficiary.relationship, String(beneficiary.shareBasisPoints / 100)]) },
      empty: 'ไม่มีสมาชิกคนใดระบุชื่อบุคคลนี้เป็นผู้รับผลประโยชน์',
    },
    {
      title: 'ใบเสร็จรับเงิน',
      fields: [],
      table: { headings: ['เล่ม/เลขที่', 'วันที่', 'จำนวนเงิน (บาท)', 'หมายเหตุ'], rows: receipts.map(({ receipt, book }) => [`${book}/${receipt.number}`, dateText(receipt.receiptDate), formatSatang(receipt.totalSatang), receipt.voidedOn ? `ยกเลิก ${dateText(receipt.voidedOn)}: ${receipt.voidReason}` : '']) },
      empty: 'ไม่มีใบเสร็จรับเงิน',
    },
    {
      title: 'การขอรับสวัสดิการ',
      fields: [],
      table: { headings: ['วันที่เกิดเหตุ', 'สวัสดิการ', 'สถานะ', 'จำนวนเงิน (บาท)'], rows: claims.map((claim) => [dateText(claim.eventDate), claim.benefitCode, claimStatuses[claim.status] ?? claim.status, formatSatang(claim.amountSatang)]) },
      empty: 'ไม่มีการขอรับสวัสดิการ',
    },
    {
      title: 'การจ่ายเงินสวัสดิการ',
      fields: [],
      table: { headings: ['ใบสำคัญจ่ายเลขที่', 'วันที่จ่าย', 'ผู้รับเงิน', 'จำนวนเงิน (บาท)'], rows: payouts.map((payout) => [String(payout.voucherNumber), dateText(payout.payoutDate), payout.recipientName, `${formatSatang(payout.totalSatang)}${payout.voidedOn ? ' (ยกเลิก)' : ''}`]) },
      empty: 'ไม่มีการจ่ายเงินสวัสดิการ',
    },
    { title: 'ประวัติการบันทึกและแก้ไขข้อมูลของบุคคลนี้', fields: [], table: { headings: ['วันเวลา', 'ผู้ทำรายการ', 'รายการ'], rows: audit.map(auditLine) }, empty: 'ไม่มีประวัติ' },
  ];
  return {
    person: { title: person.title, firstName: person.firstName, lastName: person.lastName },
    asOf: localIsoDate(app.now()),
    sections,
    preparedBy: { name: preparedBy, position: undefined },
  };
}
