// Building blocks that forms put together. Each returns plain pdfmake content; the Thai pass (prepare.ts)
// happens once over the whole document, so nothing here segments or converts digits itself.
import type { Column, Content, DynamicContent, TableCell, TableLayout } from 'pdfmake/interfaces';
import type { OfficeProfileData } from '../office/schemas';
import { allowRowToSplit } from './page-breaks';
import { contentWidth, cm, type PageStyle } from './style';

/** The office profile as printed: the fields an administrator edits (main/office/schemas.ts). */
export type OfficeProfile = OfficeProfileData;

/** "ตำบลบ้านใหม่ อำเภอเมือง จังหวัดเชียงใหม่" */
export function officePlace(office: OfficeProfile): string {
  return `ตำบล${office.tambon} อำเภอ${office.amphoe} จังหวัด${office.province}`;
}

/** A dotted line to be filled in by hand, about `widthCm` wide at 16 pt. */
export function dots(count = 40): string {
  return '.'.repeat(count);
}

/**
 * The office block on top of a page: optional logo (about 2 cm), then the given lines centred.
 * Default lines: council name, and the tambon/amphoe/province.
 */
export function officeHeader(office: OfficeProfile, lines?: string[]): Content {
  const text = lines ?? [office.councilName, officePlace(office)];
  const stack: Content[] = [];
  if (office.logo) stack.push({ image: office.logo, width: cm(2), alignment: 'center', margin: [0, 0, 0, 4] });
  text.forEach((line, index) => stack.push({ text: line, style: 'office', bold: index === 0 }));
  return { stack, margin: [0, 0, 0, 8] };
}

/** "หน้า x/y" at the bottom right of every page, inside the side margins. */
export function pageNumberFooter(style: PageStyle): DynamicContent {
  const [left, right] = [cm(style.marginsCm.left), cm(style.marginsCm.right)];
  return (currentPage, pageCount) => ({
    text: `หน้า ${currentPage}/${pageCount}`,
    style: 'footer',
    alignment: 'right',
    margin: [left, cm(style.marginsCm.bottom) / 3, right, 0],
  });
}

export function title(text: string, subtitle?: string | string[]): Content {
  const lines = subtitle === undefined ? [] : Array.isArray(subtitle) ? subtitle : [subtitle];
  return {
    stack: [{ text, style: 'title' }, ...lines.map((line): Content => ({ text: line, style: 'subtitle', fontSize: undefined, bold: false }))],
    margin: [0, 0, 0, 10],
  };
}

/** Thin black grid with room around the text; header rows get a light shade. */
export function gridLayout(headerRows: number, topRule = true): TableLayout {
  return {
    hLineWidth: (index: number) => (index === 0 && !topRule ? 0 : 0.5),
    vLineWidth: () => 0.5,
    hLineColor: () => '#000000',
    vLineColor: () => '#000000',
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 1,
    paddingBottom: () => 1,
    fillColor: (rowIndex: number) => (rowIndex < headerRows ? '#eeeeee' : null),
  };
}

export interface TableSpec {
  /** column widths in points, '*' or 'auto' (a planned table: TablePlan.widths) */
  widths: (number | '*' | 'auto')[];
  /** header rows, repeated on every page; cells may span (colSpan/rowSpan, with {} placeholders) */
  header: TableCell[][];
  body: TableCell[][];
  /** keep a row on one page (default true); rows listed in `tallRows` may still break */
  keepRowsWhole?: boolean;
  /** body rows (indices) too tall for one page: they break at the page end instead (TablePlan.tallRows) */
  tallRows?: ReadonlySet<number>;
  /** text size of the whole table, header included (default: the page style's table size) */
  fontSize?: number;
  /**
   * What follows the table and must not stand alone on a page (the signatures under a list): it is laid out
   * with the table's last row, so the two always share a page. Leave out when the last row is a tall one.
   */
  keepWithLastRow?: Content;
}

/**
 * A table whose header rows repeat on each page, followed by `keepWithLastRow` if given. Nothing in it is ever
 * dropped (page-breaks.ts): a row taller than a page either breaks (listed in `tallRows`) or stops the render
 * with a message naming it.
 */
export function dataTable(spec: TableSpec): Content {
  const body = [...spec.body];
  spec.tallRows?.forEach((index) => body[index] && allowRowToSplit(body[index]));
  const columns = spec.header[0]?.length ?? body[0]?.length ?? 0;
  const lastIndex = body.length - 1;
  // A tall last row breaks over pages: its end shares a page with what follows anyway.
  const groupWithLast = spec.keepWithLastRow !== undefined && lastIndex >= 0 && !spec.tallRows?.has(lastIndex) && spec.widths.every((width) => typeof width === 'number');
  if (groupWithLast) body.push(lastRowWith(body.pop()!, spec.keepWithLastRow!, spec.widths, columns));
  const table: Content = {
    style: 'table',
    table: {
      headerRows: spec.header.length,
      widths: spec.widths,
      dontBreakRows: spec.keepRowsWhole ?? true,
      body: [...spec.header.map((row) => row.map((cell) => headerCell(cell, spec.fontSize))), ...body],
    },
    layout: gridLayout(spec.header.length),
    ...(spec.fontSize === undefined ? {} : { fontSize: spec.fontSize }),
  };
  return spec.keepWithLastRow === undefined || groupWithLast ? table : { stack: [table, spec.keepWithLastRow] };
}

const NO_BORDER: [boolean, boolean, boolean, boolean] = [false, false, false, false];

/**
 * The last row and what must stay with it, as one unbreakable row of the table: a cell across every column
 * holding a one-row table drawn exactly over the columns (same widths, rules, padding; its top rule is the
 * one above) and, under it, the content. As a row it moves to the next page whole, with the header repeated.
 */
function lastRowWith(row: TableCell[], content: Content, widths: TableSpec['widths'], columns: number): TableCell[] {
  const sameRow: Content = {
    table: { widths, body: [row], dontBreakRows: true },
    layout: gridLayout(0, false),
    // over the outer cell's padding and rule: the inner rules fall on the outer ones
    margin: [-(CELL_PADDING / 2 + 0.5), -1, -(CELL_PADDING / 2 + 0.5), 0],
  };
  return [
    { stack: [sameRow, content], colSpan: columns, border: NO_BORDER } as TableCell,
    ...Array.from({ length: columns - 1 }, (): TableCell => ({ text: '', border: NO_BORDER }) as TableCell),
  ];
}

function headerCell(cell: TableCell, fontSize: number | undefined): TableCell {
  const size = fontSize === undefined ? {} : { fontSize };
  if (typeof cell === 'string') return { text: cell, style: 'tableHeader', ...size };
  if (typeof cell === 'object' && cell !== null && Object.keys(cell).length === 0) return cell;
  return { style: 'tableHeader', ...size, ...(cell as object) } as TableCell;
}

/** Room a column takes besides its text: 4 pt padding each side and a 0.5 pt rule (gridLayout). */
export const CELL_PADDING = 8;
export const RULE = 0.5;

/** Fractions of the content width → point widths that add up exactly (tables never overrun the margin). */
export function columnWidths(style: PageStyle, fractions: number[], paddingPerColumn = CELL_PADDING + RULE): number[] {
  const total = fractions.reduce((sum, value) => sum + value, 0);
  const usable = contentWidth(style) - fractions.length * paddingPerColumn - 1;
  return fractions.map((fraction) => Math.floor((usable * fraction) / total));
}

export interface Signer {
  /** printed inside the brackets; dotted when left blank */
  name?: string;
  /** printed after "ตำแหน่ง"; dotted when left blank; false: no such line (a member signing for themself) */
  position?: string | false;
  /** after the signature line, e.g. "ผู้รับเงิน" */
  role?: string;
}

/**
 * "ลงชื่อ ............ (role)" / "( name )" / "ตำแหน่ง ............" centred in its column. In a narrow column
 * (three to a row) the role goes on its own line under the name, so that no line has to wrap.
 */
export function signatureBlock(signer: Signer, dotCount = 30, narrow = false): Content {
  const signLine = narrow || !signer.role ? `ลงชื่อ ${dots(dotCount)}` : `ลงชื่อ ${dots(dotCount)} ${signer.role}`;
  return {
    stack: [
      { text: signLine },
      { text: `(${signer.name ?? dots(dotCount)})` },
      ...(narrow && signer.role ? [{ text: signer.role }] : []),
      ...(signer.position === false ? [] : [{ text: `ตำแหน่ง ${signer.position ?? dots(Math.round(dotCount * 0.8))}` }]),
    ],
    alignment: 'center',
    unbreakable: true,
  };
}

/**
 * One to three signature blocks side by side. A single signer sits in the right half, as Thai letters and
 * receipts place the signature.
 */
export function signatureRow(signers: Signer[], marginTop = 24): Content {
  if (signers.length < 1 || signers.length > 3) throw new RangeError('ช่องลงชื่อมีได้ 1 ถึง 3 ช่องต่อแถว');
  // three blocks share ~15 cm: the role gets its own line and the text the table size, so nothing wraps
  const narrow = signers.length === 3;
  const blocks = signers.map((signer): Column => ({ stack: [signatureBlock(signer, narrow ? 24 : 30, narrow)], width: '*', ...(narrow ? { style: 'table' } : {}) }));
  const columns: Column[] = signers.length === 1 ? [{ text: '', width: '*' }, ...blocks] : blocks;
  return { columns, columnGap: 12, margin: [0, marginTop, 0, 12], unbreakable: true };
}

/**
 * A check box drawn as vectors (no bundled font has ☐/☑: Sarabun lacks them), with its label.
 * `size` is the box side in points, sized for the surrounding text.
 */
export function checkBox(label: string, checked: boolean, size = 10): Content {
  const box: Column = {
    width: size + 2,
    margin: [0, 6, 0, 0],
    canvas: [
      { type: 'rect', x: 0, y: 0, w: size, h: size, lineWidth: 0.8, lineColor: '#000000' },
      ...(checked
        ? [
            {
              type: 'polyline' as const,
              lineWidth: 1.4,
              lineColor: '#000000',
              points: [
                { x: size * 0.2, y: size * 0.55 },
                { x: size * 0.42, y: size * 0.8 },
                { x: size * 0.85, y: size * 0.2 },
              ],
            },
          ]
        : []),
    ],
  };
  return { columns: [box, { text: label, width: '*' }], columnGap: 6 };
}

/** Content on landscape pages inside a portrait document (a wide register or table). */
export function landscapeSection(content: Content[]): Content {
  return { section: content, pageOrientation: 'landscape' };
}
