// The one pass that every string takes on its way to a page (DESIGN.md rule 9). It walks the whole document
// definition — content, sections, tables, columns, lists, headers, footers, watermark — and
//   1. turns digits into Thai digits when the office prints them so, and
//   2. marks where Thai may wrap: the text is split at Thai word boundaries (segment.ts) and an inline
//      U+200B set in BREAK_MARK_FONT is put between the pieces.
// Why an inline mark: pdfmake's line breaker only breaks at break characters; words given as separate
// inlines without one are glued together again and cut mid-word. U+200B is such a character, but Sarabun has no
// glyph for it (a box would print), so the mark is set in Noto Sans Thai, whose U+200B is empty and zero-width.
// Its font size is 1 pt so that the taller Noto line box never makes a line with a break taller than one without.
import type { Content, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces';
import { BREAK_MARK_FONT } from './fonts';
import { toThaiDigits } from './format';
import { thaiBreakPieces } from './segment';

export interface PrepareOptions {
  /** print every digit as a Thai digit (the office's setting) */
  thaiDigits: boolean;
}

type Node = Record<string, unknown>;
type Inline = string | Node;

const BREAK_MARK: Readonly<Node> = Object.freeze({ text: '\u200B', font: BREAK_MARK_FONT, fontSize: 1 });

/** Keys whose value is a list of child content. */
const CHILD_LIST_KEYS = ['stack', 'columns', 'ul', 'ol'] as const;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Preparer {
  constructor(private readonly options: PrepareOptions) {}

  private convert(text: string): string {
    return this.options.thaiDigits ? toThaiDigits(text) : text;
  }

  /** A string's inlines: the pieces with a break mark between each two. */
  private inlinesOf(text: string, style: Node | null): Inline[] {
    const pieces = thaiBreakPieces(this.convert(text));
    const inlines: Inline[] = [];
    pieces.forEach((piece, index) => {
      if (index > 0) inlines.push(style ? { ...style, ...BREAK_MARK } : { ...BREAK_MARK });
      inlines.push(style ? { ...style, text: piece } : piece);
    });
    return inlines;
  }

  /** The value of a `text` property: a string, a number or an array of inlines (possibly nested). */
  private textValue(value: unknown): unknown {
    if (typeof value === 'number') value = String(value);
    if (typeof value === 'string') {
      const inlines = this.inlinesOf(value, null);
      return inlines.length === 1 ? inlines[0] : inlines;
    }
    if (Array.isArray(value)) return value.flatMap((inline: unknown) => this.inline(inline));
    return value;
  }

  private inline(inline: unknown): unknown[] {
    if (typeof inline === 'number') inline = String(inline);
    if (typeof inline === 'string') return this.inlinesOf(inline, null);
    if (!isNode(inline)) return [inline];
    const { text, ...style } = inline;
    if (typeof text === 'string' || typeof text === 'number') {
      // The inline's own style (bold, colour, link…) goes onto each piece.
      return this.inlinesOf(String(text), style);
    }
    return [{ ...inline, text: this.textValue(text) }];
  }

  content(node: unknown): unknown {
    if (typeof node === 'string' || typeof node === 'number') {
      const value = this.textValue(node);
      return typeof value === 'string' ? value : { text: value };
    }
    if (Array.isArray(node)) return node.map((child: unknown) => this.content(child));
    if (!isNode(node)) return node;

    const result: Node = { ...node };
    if ('text' in node) result.text = this.textValue(node.text);
    for (const key of CHILD_LIST_KEYS) {
      const children = node[key];
      if (Array.isArray(children)) result[key] = children.map((child: unknown) => this.content(child));
    }
    if ('section' in node) result.section = this.content(node.section);
    if (isNode(node.table) && Array.isArray(node.table.body)) {
      result.table = {
        ...node.table,
        body: node.table.body.map((row: unknown) => (Array.isArray(row) ? row.map((cell: unknown) => this.content(cell)) : row)),
      };
    }
    if (isNode(node.toc) && node.toc.title !== undefined) result.toc = { ...node.toc, title: this.content(node.toc.title) };
    for (const key of ['header', 'footer', 'background'] as const) {
      if (key in node) result[key] = this.repeated(node[key]);
    }
    return result;
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

/** Returns a copy of the document ready for pdfmake; the input is not changed. */
export function prepareDocument(definition: TDocumentDefinitions, options: PrepareOptions): TDocumentDefinitions {
  const preparer = new Preparer(options);
  const prepared: TDocumentDefinitions = { ...definition, content: preparer.content(definition.content) as Content };
  if (definition.header !== undefined) prepared.header = preparer.repeated(definition.header) as DynamicContent;
  if (definition.footer !== undefined) prepared.footer = preparer.repeated(definition.footer) as DynamicContent;
  if (definition.background !== undefined) prepared.background = preparer.repeated(definition.background) as TDocumentDefinitions['background'];
  if (definition.watermark !== undefined) prepared.watermark = preparer.watermark(definition.watermark) as TDocumentDefinitions['watermark'];
  return prepared;
}
