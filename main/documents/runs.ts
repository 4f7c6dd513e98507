// How a batch is cut into pdfmake runs (worker.ts renders each run and joins their PDFs).
import type { FormDefinition } from './forms/index';

/**
 * How much one pdfmake run may hold, in table rows or their like (FormDefinition.weight). pdfmake keeps the whole
 * layout of a run in memory (~0.5 MB a page); a batch is laid out run by run, each drawn into the same PDF
 * (render.ts) and then let go, so memory is bounded by one run's layout plus the finished bytes, not by the
 * batch's length (tests/bench/documents.ts measures it).
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
