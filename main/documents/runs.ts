// How a batch is cut into pdfmake runs, and a long document into parts (worker.ts draws them into one PDF).
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { composeBatch, type RenderOptions } from './document';
import type { DocumentNotice, FormDefinition } from './forms/index';
import type { PartedDocument } from './render';

/**
 * How much one pdfmake run may hold, in table rows or their like (FormDefinition.weight). pdfmake keeps the whole
 * layout of a run in memory (~0.3 MB a page); a batch is laid out run by run, each drawn into the same PDF
 * (render.ts) and then let go, and a document longer than this is laid out a part of this many rows at a time, so
 * memory is bounded by one run's layout plus the finished bytes, not by the length of the batch or of any one
 * document (tests/bench/documents.ts measures it).
 */
export const RUN_WEIGHT = 1000;

/** Consecutive items grouped so that each run's total weight stays within RUN_WEIGHT (an item is never split). */
export function groupIntoRuns(form: FormDefinition, items: readonly unknown[]): unknown[][] {
  const runs: unknown[][] = [];
  let current: unknown[] = [];
  let weight = 0;
  for (const item of items) {
    const itemWeight = form.weight?.(item) ?? 1;
    if (current.length > 0 && weight + itemWeight > RUN_WEIGHT) {
      runs.push(current);
      current = [];
      weight = 0;
    }
    current.push(item);
    weight += itemWeight;
  }
  if (current.length) runs.push(current);
  return runs;
}

/** Whether a run is one document longer than a run, which its form can build a part at a time (rowCount). */
export function needsParts(form: FormDefinition, run: readonly unknown[]): boolean {
  return run.length === 1 && form.rowCount !== undefined && form.rowCount(run[0]) > RUN_WEIGHT;
}

/** Whatever prints on every page, outside the content: page numbers and the headers that learn them. */
function withoutPageFrame(definition: TDocumentDefinitions): TDocumentDefinitions {
  for (const section of definition.content as unknown as Array<Record<string, unknown>>) {
    delete section.header;
    delete section.footer;
  }
  delete definition.header;
  delete definition.footer;
  return definition;
}

/** Blank pages for a frame: each after the first starts a new page, none draws anything. */
function blankPages(count: number): Content[] {
  return Array.from({ length: count }, (_, index): Content => (index === 0 ? { stack: [] } : { stack: [], pageBreak: 'before' }));
}

/**
 * One long document as render.ts draws it in parts: each part is the document with only some of its rows
 * (FormContext.rows) and no page header or footer; the frame is its header and footer (composeBatch's "หน้า x/y")
 * over as many blank pages as the parts made.
 */
export function partedDocument(form: FormDefinition, data: unknown, options: RenderOptions, onNotice?: (notice: DocumentNotice) => void): PartedDocument {
  return {
    rowCount: form.rowCount!(data),
    rowsPerPart: RUN_WEIGHT,
    part(rows) {
      const composed = composeBatch(form, [data], options, { rows, onNotice });
      return { definition: withoutPageFrame(composed.definition), thaiDigits: composed.thaiDigits };
    },
    frame(pages) {
      const composed = composeBatch(form, [data], options, { rows: { start: 0, end: 0 } });
      for (const section of composed.definition.content as Array<{ section: unknown }>) section.section = blankPages(pages);
      return { definition: composed.definition, thaiDigits: composed.thaiDigits };
    },
  };
}
