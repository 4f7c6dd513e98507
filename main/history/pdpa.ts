// PDPA (DOMAIN.md §4.7): every print and export of personal data leaves one audit row saying what was taken and how
// many people it names; the history viewer lists them under the kinds "print" and "export".
import type { AuditEntry } from '../../db/audit';

/** The audit row of one print of personal data: the form, how many people it names, and what identifies it. */
export function personalDataPrinted(form: string, people: number, details: Record<string, unknown> = {}): AuditEntry {
  return { entity: 'print', entityId: null, before: null, after: { form, people, ...details } };
}

/** Keys by which a document's data names one person (an applicant, a passbook's member, a voucher's recipient). */
const ONE_PERSON_KEYS = ['applicant', 'member', 'recipient', 'payer', 'person'];

/** How many people one document's data names: a list's rows, a batch of receipts, or the one person it is about. */
export function peopleNamedIn(data: unknown): number {
  if (typeof data !== 'object' || data === null) return 0;
  const record = data as Record<string, unknown>;
  for (const listKey of ['people', 'receipts', 'members']) {
    const list = record[listKey];
    if (Array.isArray(list)) return list.length;
  }
  return ONE_PERSON_KEYS.some((key) => typeof record[key] === 'object' && record[key] !== null) ? 1 : 0;
}
