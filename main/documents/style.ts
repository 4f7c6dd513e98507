// The look of Thai official documents, as settings every form starts from (DOMAIN.md §4.4, UX.md printing).
import type { PageOrientation, StyleDictionary } from 'pdfmake/interfaces';
import { BODY_FONT } from './fonts';

export interface PageStyle {
  pageSize: 'A4';
  orientation: PageOrientation;
  /** page margins in centimetres */
  marginsCm: { left: number; right: number; top: number; bottom: number };
  /** body text, points (official letters: 16 pt) */
  bodySize: number;
  /** form titles, points (bold) */
  titleSize: number;
  subtitleSize: number;
  /** table text, points: wide registers need a little less than the body */
  tableSize: number;
  /** footer (page numbers), points */
  footerSize: number;
  /** Sarabun's stacked marks rise above the ascender: below 1.2 they touch the line above. */
  lineHeight: number;
  /**
   * The emblem on top of a letter's first page, in centimetres (DOMAIN.md §4.8): about 3 cm high on a letter to
   * outside bodies (1.5 cm on an internal memo), its top about 1.5 cm from the paper's edge. Offices' templates
   * differ a little, hence settings.
   */
  emblemHeightCm: number;
  emblemTopCm: number;
}

export const defaultPageStyle: PageStyle = {
  pageSize: 'A4',
  orientation: 'portrait',
  marginsCm: { left: 3, right: 2, top: 2.5, bottom: 2 },
  bodySize: 16,
  titleSize: 20,
  subtitleSize: 18,
  tableSize: 14,
  footerSize: 14,
  lineHeight: 1.2,
  emblemHeightCm: 3,
  emblemTopCm: 1.5,
};

export type PageStyleOverrides = Partial<Omit<PageStyle, 'marginsCm'>> & { marginsCm?: Partial<PageStyle['marginsCm']> };

/** Defaults with a form's or caller's changes; line height never drops below the 1.2 floor. */
export function pageStyle(...overrides: PageStyleOverrides[]): PageStyle {
  let style: PageStyle = { ...defaultPageStyle, marginsCm: { ...defaultPageStyle.marginsCm } };
  for (const change of overrides) {
    style = { ...style, ...change, marginsCm: { ...style.marginsCm, ...change.marginsCm } };
  }
  return { ...style, lineHeight: Math.max(1.2, style.lineHeight) };
}

export const POINTS_PER_CM = 72 / 2.54;

export function cm(centimetres: number): number {
  return centimetres * POINTS_PER_CM;
}

/** [left, top, right, bottom] in points, as pdfmake wants page margins. */
export function pageMargins(style: PageStyle): [number, number, number, number] {
  const { left, top, right, bottom } = style.marginsCm;
  return [cm(left), cm(top), cm(right), cm(bottom)];
}

/** A4 is 21 × 29.7 cm; the width the content may use, in points. */
export function contentWidth(style: PageStyle): number {
  const pageWidthCm = style.orientation === 'landscape' ? 29.7 : 21;
  return cm(pageWidthCm - style.marginsCm.left - style.marginsCm.right);
}

/** Named styles that forms refer to ({ style: 'title' }), so every form looks the same. */
export function namedStyles(style: PageStyle): StyleDictionary {
  return {
    title: { fontSize: style.titleSize, bold: true, alignment: 'center' },
    subtitle: { fontSize: style.subtitleSize, bold: true, alignment: 'center' },
    office: { fontSize: style.bodySize, alignment: 'center' },
    tableHeader: { bold: true, alignment: 'center', fontSize: style.tableSize },
    table: { fontSize: style.tableSize },
    footer: { fontSize: style.footerSize },
    testBanner: { fontSize: 12, color: '#555555' },
  };
}

export function defaultTextStyle(style: PageStyle) {
  return { font: BODY_FONT, fontSize: style.bodySize, lineHeight: style.lineHeight };
}
