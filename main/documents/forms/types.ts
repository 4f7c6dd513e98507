import type { Content, PageOrientation } from 'pdfmake/interfaces';
import type { z } from 'zod';
import type { OfficeProfile } from '../blocks';
import type { PageStyle } from '../style';

/** Rows [start, end) of a document's long table. */
export interface RowRange {
  start: number;
  end: number;
}

/** Something the office should know about how a document was laid out, in Thai and English (the screen's language). */
export interface DocumentNotice {
  th: string;
  en: string;
}

/** What a form's build() gets besides its data. */
export interface FormContext {
  office: OfficeProfile;
  /** the page style for this form (defaults + the form's own orientation + the caller's overrides) */
  style: PageStyle;
  /** today as ISO 'YYYY-MM-DD', for forms that print the date they were made */
  today: string;
  /** digits are converted on the whole page later; forms that format numbers themselves may look at it */
  thaiDigits: boolean;
  /**
   * Tells the office something about how the document was laid out (a table printed smaller or turned
   * landscape to fit its columns). Optional: the caller that wants to show such notices passes it.
   */
  notice?(notice: DocumentNotice): void;
  /**
   * Only these rows of the long table (forms with rowCount; absent: all of them). The worker lays a very long
   * document out a part at a time (runs.ts): print these rows, numbered from start + 1, what comes above the table
   * only when start is 0, and what follows it only when end is rowCount.
   */
  rows?: RowRange;
}

/**
 * How a form's pages are numbered, each document of a batch on its own: "หน้า x/y" at the foot (lists and
 * reports; the default), "- ๒ -" centred on top from the second page on (letters: the first page has none), or not.
 */
export type PageNumbering = 'footer-x-of-y' | 'letter-from-page-2' | 'none';

/** One printable form: one file under main/documents/forms/, listed in forms/index.ts. */
export interface FormDefinition<S extends z.ZodType = z.ZodType> {
  id: string;
  titleTh: string;
  titleEn: string;
  pageSize: 'A4';
  orientation: PageOrientation;
  /** default 'footer-x-of-y' */
  pageNumbering?: PageNumbering;
  /** when the data decides the orientation (e.g. a wide list turned landscape) */
  orientationFor?(data: z.output<S>): PageOrientation;
  /** a page for checking the engine (Thai stress text), not a form the office uses */
  test?: boolean;
  /** what the caller sends; parsed before build() */
  input: S;
  /** sample data for previews and tests */
  sample(): z.input<S>;
  /** a sample batch of many documents (hundreds of pages), to preview batch printing with its progress bar */
  sampleBatch?(): z.input<S>[];
  build(data: z.output<S>, context: FormContext): Content;
  /**
   * How much laying this document out holds in memory, in table rows or their like (default 1): a batch is
   * rendered in runs of bounded weight (worker.ts RUN_WEIGHT).
   */
  weight?(data: z.output<S>): number;
  /**
   * How many rows the document's long table has, for a form whose build() honours context.rows: such a document
   * may be longer than one run and is then laid out a part at a time, its pages continuing (runs.ts).
   */
  rowCount?(data: z.output<S>): number;
  /** the suggested file name, without extension */
  fileName?(data: z.output<S>): string;
}

/** Keeps each form's own data type while listing them together. */
export function defineForm<S extends z.ZodType>(form: FormDefinition<S>): FormDefinition<S> {
  return form;
}
