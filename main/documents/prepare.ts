// The one pass that every string takes on its way to a page (DESIGN.md rule 9). It walks the whole document
// definition — content, sections, tables, columns, lists, headers, footers, watermark — and
//   1. turns digits into Thai digits when the office prints them so (only in Thai text: format.ts), and
//   2. marks where Thai may wrap and where it must not (segment.ts): a U+200B (zero width space) between two Thai
//      words, a U+00A0 (no-break space) for a space inside a unit (ต่าง ๆ, หมู่ที่ ๓, ๕๐๐ บาท).
// pdfmake's line breaker (UAX #14) breaks at U+200B. Sarabun has no glyph for it, so fonts.ts gives the
// bundled font an empty zero-width one (font-patch.ts): nothing shows, and no extra inlines cost layout time.
// A person's name built with personName() (person-name.ts) gets no break marks: it wraps only at its one space.
import type { Content, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces';
import { toThaiDigits } from './format';
import { isPersonName } from './person-name';
import { BREAK, markBreaks } from './segment';

export interface PrepareOptions {
  /** print every digit as a Thai digit (the office's setting) */
  thaiDigits: boolean;
}

type Node = Record<string, unknown>;

export const BREAK_MARK = BREAK;

/**
 * ำ (sara am) is written as its two parts, ํ + า, which Sarabun draws with exactly the same glyphs. Why: pdfkit
 * gives each glyph one text mapping, at its first use; ำ's second glyph is า's, so after the first ำ every า
 * of the document copied out (and searched, and read aloud) as nothing — "นาย" came out "น ย".
 */
const SARA_AM = /\u0E33/g;
const NIKHAHIT_SARA_AA = '\u0E4D\u0E32';
/**
 * Text prepared once already (a table measured before the page is laid out) comes back with ำ in two parts: it
 * is put back whole first, so the dictionary sees ตำบล, not ตําบล, and preparing twice changes nothing.
 */
const WRITTEN_SARA_AM = /\u0E4D\u0E32/g;

/** Keys whose value is a list of child content. */
const CHILD_LIST_KEYS = ['stack', 'columns', 'ul', 'ol'] as const;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Preparer {
  private readonly visited = new WeakSet<Node>();

  constructor(private readonly options: PrepareOptions) {}

  private convert(text: string): string {
    return this.options.thaiDigits ? toThaiDigits(text) : text;
  }

  /** The string as printed: digits converted, break marks between Thai words, no-break spaces inside units. */
  private text(text: string): string {
    return markBreaks(this.convert(text).replace(WRITTEN_SARA_AM, '\u0E33')).replace(SARA_AM, NIKHAHIT_SARA_AA);
  }

  /** A node's `text`: a person's name gets no break marks (its spaces are already decided), the rest does. */
  private nodeText(node: Node): unknown {
    if (isPersonName(node)) return this.convert(node.text as string).replace(SARA_AM, NIKHAHIT_SARA_AA);
    return this.textValue(node.text);
  }

  /** The value of a `text` property: a string, a number or an array of inlines (possibly nested). */
  private textValue(value: unknown): unknown {
    if (typeof value === 'number') value = String(value);
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) this.replaceEach(value, (inline) => this.inline(inline));
    return value;
  }

  private inline(inline: unknown): unknown {
    if (typeof inline === 'number' || typeof inline === 'string') return this.text(String(inline));
    if (isNode(inline) && this.firstVisit(inline)) inline.text = this.nodeText(inline);
    return inline;
  }

  /** A node met again (shared by two places) is already prepared. */
  private firstVisit(node: Node): boolean {
    if (this.visited.has(node)) return false;
    this.visited.add(node);
    return true;
  }

  private replaceEach(list: unknown[], prepare: (item: unknown) => unknown): void {
    for (let index = 0; index < list.length; index++) list[index] = prepare(list[index]);
  }

  content(node: unknown): unknown {
    if (typeof node === 'string' || typeof node === 'number') return this.text(String(node));
    if (Array.isArray(node)) {
      this.replaceEach(node, (child) => this.content(child));
      return node;
    }
    if (!isNode(node) || !this.firstVisit(node)) return node;

    if ('text' in node) node.text = this.nodeText(node);
    for (const key of CHILD_LIST_KEYS) {
      const children = node[key];
      if (Array.isArray(children)) this.replaceEach(children, (child) => this.content(child));
    }
    if ('section' in node) node.section = this.content(node.section);
    if (isNode(node.table) && Array.isArray(node.table.body)) {
      for (const row of node.table.body as unknown[]) if (Array.isArray(row)) this.replaceEach(row, (cell) => this.content(cell));
    }
    if (isNode(node.toc) && node.toc.title !== undefined) node.toc.title = this.content(node.toc.title);
    for (const key of ['header', 'footer', 'background'] as const) {
      if (key in node) node[key] = this.repeated(node[key]);
    }
    return node;
  }

  /** Headers, footers and backgrounds may be functions of the page: prepare what they return. */
  repeated(value: unknown): unknown {
    if (typeof value !== 'function') return value === undefined || value === null || value === 'inherit' ? value : this.content(value);
    const produce = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => this.content(produce(...args));
  }

  watermark(value: unknown): unknown {
    if (typeof value === 'string') return this.convert(value);
    if (isNode(value) && typeof value.text === 'string') return { ...value, text: this.convert(value.text) };
    return value;
  }
}

/**
 * Prepares the document for pdfmake in place, and returns it. In place on purpose: pdfmake lays out copied
 * nodes ({...node}) about a third slower than the ones the forms built (measured in tests/bench: V8 gives
 * spread copies no room for the many properties pdfmake adds), and each render composes its document afresh.
 */
export function prepareDocument(definition: TDocumentDefinitions, options: PrepareOptions): TDocumentDefinitions {
  const preparer = new Preparer(options);
  definition.content = preparer.content(definition.content) as Content;
  if (definition.header !== undefined) definition.header = preparer.repeated(definition.header) as DynamicContent;
  if (definition.footer !== undefined) definition.footer = preparer.repeated(definition.footer) as DynamicContent;
  if (definition.background !== undefined) definition.background = preparer.repeated(definition.background) as TDocumentDefinitions['background'];
  if (definition.watermark !== undefined) definition.watermark = preparer.watermark(definition.watermark) as TDocumentDefinitions['watermark'];
  return definition;
}
