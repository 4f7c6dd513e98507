// A read spreadsheet as a few flat arrays, for the trip from the reading worker to the main thread. Copying a
// ReadResult as it is costs a structured clone of every cell (1.4 M cells for a fund's history: ~2.3 s and as many
// objects again); packed, the numbers and kinds move without a copy (transferred) and each distinct text and date
// crosses once, so the unpacked rows also share them.
import type { CellValue, ReadResult, SheetTable } from './read';

const enum Kind {
  Empty = 0,
  Number = 1,
  Text = 2,
  Date = 3,
  True = 4,
  False = 5,
}

interface PackedTable {
  name: string;
  rowNumbers: Int32Array;
  /** cells of row i are cellsStart[i] … cellsStart[i + 1] - 1 */
  cellsStart: Int32Array;
  kinds: Uint8Array;
  /** the number, the date's milliseconds, or the text's index in `texts` */
  values: Float64Array;
}

export interface PackedResult {
  result: Omit<ReadResult, 'table' | 'tables'>;
  texts: string[];
  tables: PackedTable[];
  /** how many of `tables` are ReadResult.tables (null: it is absent); a table past them is ReadResult.table alone */
  listed: number | null;
  /** which of `tables` is ReadResult.table */
  tableIndex: number;
}

function packTable(table: SheetTable, textIndex: Map<string, number>, texts: string[]): PackedTable {
  let cells = 0;
  for (const row of table.rows) cells += row.length;
  const cellsStart = new Int32Array(table.rows.length + 1);
  const kinds = new Uint8Array(cells);
  const values = new Float64Array(cells);
  let at = 0;
  table.rows.forEach((row, index) => {
    cellsStart[index] = at;
    for (const cell of row) {
      if (cell === null || cell === undefined) kinds[at] = Kind.Empty;
      else if (typeof cell === 'number') {
        kinds[at] = Kind.Number;
        values[at] = cell;
      } else if (typeof cell === 'string') {
        let index = textIndex.get(cell);
        if (index === undefined) {
          index = texts.push(cell) - 1;
          textIndex.set(cell, index);
        }
        kinds[at] = Kind.Text;
        values[at] = index;
      } else if (typeof cell === 'boolean') kinds[at] = cell ? Kind.True : Kind.False;
      else {
        kinds[at] = Kind.Date;
        values[at] = cell.getTime();
      }
      at++;
    }
  });
  cellsStart[table.rows.length] = at;
  return { name: table.name, rowNumbers: Int32Array.from(table.rowNumbers), cellsStart, kinds, values };
}

/** The result packed, and the buffers to transfer with it. */
export function packResult(read: ReadResult): { packed: PackedResult; transfer: ArrayBuffer[] } {
  const { table, tables, ...result } = read;
  const all = [...(tables ?? [])];
  let tableIndex = all.findIndex((candidate) => candidate.rows === table.rows);
  if (tableIndex === -1) tableIndex = all.push(table) - 1;
  const textIndex = new Map<string, number>();
  const texts: string[] = [];
  const packedTables = all.map((each) => packTable(each, textIndex, texts));
  const transfer = packedTables.flatMap((each) => [each.rowNumbers.buffer, each.cellsStart.buffer, each.kinds.buffer, each.values.buffer] as ArrayBuffer[]);
  return { packed: { result, texts, tables: packedTables, listed: tables ? tables.length : null, tableIndex }, transfer };
}

function unpackTable(packed: PackedTable, texts: string[], dates: Map<number, Date>): SheetTable {
  const { cellsStart, kinds, values } = packed;
  const rows: CellValue[][] = new Array<CellValue[]>(cellsStart.length - 1);
  for (let index = 0; index < rows.length; index++) {
    const start = cellsStart[index]!;
    const row = new Array<CellValue>(cellsStart[index + 1]! - start);
    for (let column = 0; column < row.length; column++) {
      const at = start + column;
      switch (kinds[at]) {
        case Kind.Number:
          row[column] = values[at]!;
          break;
        case Kind.Text:
          row[column] = texts[values[at]!]!;
          break;
        case Kind.Date: {
          // A history repeats a few hundred dates over 240,000 rows: one Date each (cells are never changed).
          const time = values[at]!;
          let date = dates.get(time);
          if (date === undefined) dates.set(time, (date = new Date(time)));
          row[column] = date;
          break;
        }
        case Kind.True:
          row[column] = true;
          break;
        case Kind.False:
          row[column] = false;
          break;
        default:
          row[column] = null;
      }
    }
    rows[index] = row;
  }
  return { name: packed.name, rows, rowNumbers: Array.from(packed.rowNumbers) };
}

export function unpackResult(packed: PackedResult): ReadResult {
  const dates = new Map<number, Date>();
  const tables = packed.tables.map((each) => unpackTable(each, packed.texts, dates));
  const table = tables[packed.tableIndex]!;
  return packed.listed === null ? { ...packed.result, table } : { ...packed.result, table, tables: tables.slice(0, packed.listed) };
}
