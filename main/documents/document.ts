// A form + its data + the office → one pdfmake document definition with the house page style.
import type { Content, ContextPageSize, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { z } from 'zod';
import { pageNumberFooter, type OfficeProfile } from './blocks';
import { findForm, type FormDefinition } from './forms/index';
import type { DocumentNotice, PageNumbering, RowRange } from './forms/types';
import { letterPageNumber } from './letterhead';
import { defaultTextStyle, namedStyles, pageMargins, pageStyle, type PageStyleOverrides } from './style';

export interface RenderOptions {
  office: OfficeProfile;
  /** overrides the office's own setting (office.thaiDigits) */
  thaiDigits?: boolean;
  /** changes to the house page style (margins, sizes) */
  style?: PageStyleOverrides;
  /** ISO date used as "today" by forms that print it (tests fix it) */
  today?: string;
  /** print the form's page numbers (default true; the form says how: FormDefinition.pageNumbering) */
  pageNumbers?: boolean;
}

/** Data that does not fit the form's schema; carries zod's issues so the API can name the field in Thai. */
export class FormInputError extends Error {
  constructor(
    readonly zodError: z.ZodError,
    /** which document of a batch (0 for a single one) */
    readonly itemIndex = 0,
  ) {
    super(`form input is invalid: ${zodError.issues[0]?.path.join('.') ?? ''}`);
  }
}

export class UnknownFormError extends Error {
  constructor(readonly formId: string) {
    super(`unknown form "${formId}"`);
  }
}

export function requireForm(formId: string): FormDefinition {
  const form = findForm(formId);
  if (!form) throw new UnknownFormError(formId);
  return form;
}

/** Parses the caller's data with the form's schema (throws FormInputError). */
export function parseFormData(form: FormDefinition, data: unknown, itemIndex = 0): unknown {
  const parsed = form.input.safeParse(data ?? {});
  if (!parsed.success) throw new FormInputError(parsed.error, itemIndex);
  return parsed.data;
}

export interface ComposedDocument {
  definition: TDocumentDefinitions;
  thaiDigits: boolean;
  fileName: string;
  /** pages laid out, known once pdfmake has run */
  pageCount(): number;
}

/** Builds the document for one item of already-parsed data. */
export function composeDocument(form: FormDefinition, data: unknown, options: RenderOptions): ComposedDocument {
  return composeBatch(form, [data], options);
}

/**
 * Several documents of one form in one pdfmake run (receipts, passbooks, village lists): each is a pdfmake
 * section that starts on a new page, with its own orientation and its own page numbers ("หน้า x/y", or a
 * letter's "- ๒ -": FormDefinition.pageNumbering).
 * pdfmake only numbers pages across the whole run, so each section learns its pages itself: pdfmake calls
 * every page's header before any page's footer (LayoutBuilder.addHeadersAndFooters), in page order, so a header
 * that records the pages it is called for knows its own page's place in the section (all a letter's number
 * needs), and tells the section's footer where the section starts and how long it is.
 * tests/documents checks this on a batch whose documents have different lengths.
 * `rows`: only those rows of a one-document batch (a part of a long document, FormContext.rows; runs.ts).
 * `onNotice`: hears what the forms tell the office about their layout (FormContext.notice).
 */
export function composeBatch(
  form: FormDefinition,
  items: readonly unknown[],
  options: RenderOptions,
  { rows, onNotice }: { rows?: RowRange; onNotice?: (notice: DocumentNotice) => void } = {},
): ComposedDocument {
  if (items.length === 0) throw new Error('a batch needs at least one document');
  const base = pageStyle({ pageSize: form.pageSize }, options.style ?? {});
  const thaiDigits = options.thaiDigits ?? options.office.thaiDigits;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const numbering: PageNumbering = options.pageNumbers === false ? 'none' : (form.pageNumbering ?? 'footer-x-of-y');

  // pdfmake may lay a document out more than once; each pass starts again at page 1.
  const layout = { pass: 0, pages: 0 };
  const sections = items.map((data): Content => {
    const orientation = form.orientationFor?.(data) ?? form.orientation;
    const style = pageStyle({ orientation, pageSize: form.pageSize }, options.style ?? {});
    const pages = { pass: -1, first: 0, last: 0 };
    const footer = numbering === 'footer-x-of-y' ? pageNumberFooter(style) : null;
    const header = numbering === 'letter-from-page-2' ? letterPageNumber(style) : null;
    return {
      section: form.build(data, { office: options.office, style, today, thaiDigits, rows, notice: onNotice }),
      pageSize: style.pageSize,
      pageOrientation: style.orientation,
      pageMargins: pageMargins(style),
      header: (currentPage: number) => {
        if (currentPage === 1) layout.pass++;
        layout.pages = Math.max(layout.pages, currentPage);
        if (pages.pass !== layout.pass) Object.assign(pages, { pass: layout.pass, first: currentPage });
        pages.last = currentPage;
        return header ? header(currentPage - pages.first + 1) : null;
      },
      footer: footer
        ? (currentPage: number, _pageCount: number, pageSize: ContextPageSize) => footer(currentPage - pages.first + 1, pages.last - pages.first + 1, pageSize)
        : null,
    } as Content;
  });

  const definition: TDocumentDefinitions = {
    pageSize: base.pageSize,
    pageMargins: pageMargins(base),
    defaultStyle: defaultTextStyle(base),
    styles: namedStyles(base),
    content: sections,
    info: { title: form.titleTh, creator: 'Tambon Desk', producer: 'Tambon Desk' },
  };
  return { definition, thaiDigits, fileName: documentFileName(form, items), pageCount: () => layout.pages };
}

/** The suggested file name: the form's own, and how many documents a batch holds. */
export function documentFileName(form: FormDefinition, items: readonly unknown[]): string {
  return `${form.fileName?.(items[0]) ?? form.id}${items.length > 1 ? `-${items.length}-ฉบับ` : ''}.pdf`;
}
