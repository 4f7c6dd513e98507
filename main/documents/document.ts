// A form + its data + the office → one pdfmake document definition with the house page style.
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { z } from 'zod';
import { pageNumberFooter, type OfficeProfile } from './blocks';
import { findForm, type FormDefinition } from './forms/index';
import { defaultTextStyle, namedStyles, pageMargins, pageStyle, type PageStyleOverrides } from './style';

export interface RenderOptions {
  office: OfficeProfile;
  /** overrides the office's own setting (office.thaiDigits) */
  thaiDigits?: boolean;
  /** changes to the house page style (margins, sizes) */
  style?: PageStyleOverrides;
  /** ISO date used as "today" by forms that print it (tests fix it) */
  today?: string;
  /** number every page "หน้า x/y" (default true) */
  pageNumbers?: boolean;
}

/** Data that does not fit the form's schema; carries zod's issues so the API can name the field in Thai. */
export class FormInputError extends Error {
  constructor(readonly zodError: z.ZodError) {
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
export function parseFormData(form: FormDefinition, data: unknown): unknown {
  const parsed = form.input.safeParse(data ?? {});
  if (!parsed.success) throw new FormInputError(parsed.error);
  return parsed.data;
}

export interface ComposedDocument {
  definition: TDocumentDefinitions;
  thaiDigits: boolean;
  fileName: string;
}

/** Builds the document for already-parsed data. */
export function composeDocument(form: FormDefinition, data: unknown, options: RenderOptions): ComposedDocument {
  const orientation = form.orientationFor?.(data) ?? form.orientation;
  const style = pageStyle({ orientation, pageSize: form.pageSize }, options.style ?? {});
  const thaiDigits = options.thaiDigits ?? options.office.thaiDigits;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const content = form.build(data, { office: options.office, style, today, thaiDigits });
  const definition: TDocumentDefinitions = {
    pageSize: style.pageSize,
    pageOrientation: style.orientation,
    pageMargins: pageMargins(style),
    defaultStyle: defaultTextStyle(style),
    styles: namedStyles(style),
    content,
    info: { title: form.titleTh, creator: 'Tambon Desk', producer: 'Tambon Desk' },
  };
  if (options.pageNumbers ?? true) definition.footer = pageNumberFooter(style);
  const fileName = `${form.fileName?.(data) ?? form.id}.pdf`;
  return { definition, thaiDigits, fileName };
}
