// A person's name on paper breaks in one place only: between "title + first name" and the last name
// (DESIGN.md, Thai on paper). Forms build a name cell with personName(); the prepare pass (prepare.ts) sees the
// marker and puts no break mark inside it. Spaces inside the title (ว่าที่ ร.ต.), the first name or the last name
// (ณ อยุธยา) become no-break spaces here; the one space left is the only place a line may wrap.
import type { ContentText } from 'pdfmake/interfaces';
import { NO_BREAK_SPACE } from './segment';

export interface PersonNameParts {
  /** นาย, นางสาว, ว่าที่ร้อยตรี, พระครูสมุห์ …; may be empty */
  title?: string;
  firstName: string;
  lastName?: string;
}

/** The marker prepare.ts recognises on a text node. */
export const PERSON_NAME_KIND = 'personName';

/** A pdfmake text node holding one person's name; style properties may be added beside `text`. */
export interface PersonNameNode extends ContentText {
  text: string;
  textKind: typeof PERSON_NAME_KIND;
}

function joined(part: string | undefined): string {
  return (part ?? '').trim().split(/\s+/).filter(Boolean).join(NO_BREAK_SPACE);
}

/**
 * "นางสาวกัญญ์ณัฏฐ์ ศรีสุวรรณ์" as printed: the title is written against the first name, as Thai forms write it
 * (a title ending in a Latin letter, "Mr", gets a no-break space), then one breakable space, then the last name.
 */
export function personNameText(parts: PersonNameParts): string {
  const title = joined(parts.title);
  const firstName = joined(parts.firstName);
  const lastName = joined(parts.lastName);
  const separator = title && firstName && /[A-Za-z]$/.test(title) ? NO_BREAK_SPACE : '';
  const first = `${title}${separator}${firstName}`;
  return first && lastName ? `${first} ${lastName}` : first || lastName;
}

/**
 * The node for a name cell or inline: `personName({ title: 'ว่าที่ร้อยตรี', firstName: 'สมชาย', lastName: 'ใจดี' })`,
 * with optional pdfmake style: `personName(parts, { bold: true, alignment: 'center' })`. In a signature block:
 * `{ text: ['(', personName(parts), ')'] }` keeps the brackets on the name.
 */
export function personName(parts: PersonNameParts, style: Omit<ContentText, 'text'> = {}): PersonNameNode {
  return { ...style, text: personNameText(parts), textKind: PERSON_NAME_KIND };
}

export function isPersonName(node: Record<string, unknown>): boolean {
  return node.textKind === PERSON_NAME_KIND && typeof node.text === 'string';
}
