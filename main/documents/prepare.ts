// The one pass that every string takes on its way to a page (DESIGN.md rule 9). It walks the whole document
// definition — content, sections, tables, columns, lists, headers, footers, watermark — and
//   1. turns digits into Thai digits when the office prints them so, and
//   2. marks where Thai may wrap: a U+200B (zero width space) between two Thai words (segment.ts).
// pdfmake's line breaker (UAX #14) breaks at U+200B. Sarabun has no glyph for it, so fonts.ts gives the
// bundled font an empty zero-width one (font-patch.ts): nothing shows, and no extra inlines cost layout time.
import type { Content, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces';
import { toThaiDigits } from './format';
import { thaiBreakPieces } from './segment';

export interface PrepareOptions {
  /** print every digit as a Thai digit (the office's setting) */
  thaiDigits: boolean;
}

type Node = Record<string, unknown>;

export const BREAK_MARK = '\u200B';

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

  /** The string as printed: digits converted, break marks between Thai words. */
  private text(text: string): string {
    return thaiBreakPieces(this.convert(text)).join(BREAK_MARK);
  }

  /** The value of a `text` property: a string, a number or an array of inlines (possibly nested). */
  private textValue(value: unknown): unknown {
    if (typeof value === 'number') value = String(value);
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((inline: unknown) => this.inline(inline));
    return value;
  }

  private inline(inline: unknown): unknown {
    if (typeof inline === 'number' || typeof inline === 'string') return this.text(String(inline));
    if (!isNode(inline)) return inline;
    return { ...inline, text: this.textValue(inline.text) };
  }

  content(node: unknown): unknown {
    if (typeof node === 'string' || typeof node === 'number') return this.text(String(node));
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
