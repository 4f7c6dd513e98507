// How the people screens name and show a person. The core keeps the rules (check digit, masking); these only
// shape what is on screen.
import type { OutputOf } from '../api';

export type PersonListItem = OutputOf<'people.persons.list'>['rows'][number];
export type PersonDetail = OutputOf<'people.persons.get'>['person'];
export type PersonHistoryEntry = OutputOf<'people.persons.get'>['history'][number];
export type Village = OutputOf<'people.villages.list'>[number];
export type LifeStatus = PersonListItem['lifeStatus'];
export type NoCitizenIdReason = NonNullable<PersonListItem['noCitizenIdReason']>;

export const lifeStatuses: readonly LifeStatus[] = ['alive', 'died', 'moved'];
export const noCitizenIdReasons: readonly NoCitizenIdReason[] = ['no_card', 'foreigner', 'other'];
/** The usual titles; the field also takes free text (ranks, monks). Data, not UI text: Thai in every language. */
export const commonTitles = ['นาย', 'นาง', 'นางสาว', 'เด็กชาย', 'เด็กหญิง'];

/** "นางสาวกัญญ์ณัฏฐ์ ปุณณ์ญาดา": title and first name run together, as on Thai forms. */
export function personName(person: { title: string; firstName: string; lastName: string }): string {
  return `${person.title}${person.firstName}${person.lastName ? ` ${person.lastName}` : ''}`;
}

/** Thai digits to Arabic, everything else but digits dropped: what a citizen ID is made of. */
export function citizenIdDigits(typed: string): string {
  return typed.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).replace(/\D/g, '');
}

/** Shapes an ID as it is typed, group by group, into #-####-#####-##-# (at most 13 digits). */
export function formatCitizenIdTyped(typed: string): string {
  const digits = citizenIdDigits(typed).slice(0, 13);
  const groups = [digits.slice(0, 1), digits.slice(1, 5), digits.slice(5, 10), digits.slice(10, 12), digits.slice(12)];
  return groups.filter(Boolean).join('-');
}

/** The fields of a person the clerk edits: the form shows the core's errors under them, the history names them. */
export const personFieldNames = [
  'title',
  'firstName',
  'lastName',
  'citizenId',
  'noCitizenIdReason',
  'sex',
  'birthDate',
  'houseNumber',
  'villageId',
  'address',
  'phone',
  'lifeStatus',
  'lifeStatusDate',
  'consentGiven',
  'consentDate',
  'consentScope',
  'notes',
] as const;
export type PersonFieldName = (typeof personFieldNames)[number];
