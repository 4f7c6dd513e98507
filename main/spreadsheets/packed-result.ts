// A read spreadsheet as a few flat arrays, for the trip from the reading worker to the main thread. Copying a
// ReadResult as it is costs a structured clone of every cell (1.4 M cells for a fund's history: ~2.3 s and as many
// objects again); packed, the numbers and kinds move without a copy (transferred) and each distinct text and date
// crosses once, so the unpacked rows also share them. The reader writes rows straight into this form
// (PackedTableWriter), so the worker never holds the rows as arrays of cells.
import type { CellValue, ReadResult, SheetTable } from './read';

const enum Kind {
  Empty = 0,
  Number = 1,
  Text = 2,
  Date = 3,
  True = 4,
  False = 5,
}

export interface PackedTable {
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

/** The texts of one read: each distinct text once, shared by all its tables. */
export class TextPool {
  readonly texts: string[] = [];
  private readonly index = new Map<string, number>();

  indexOf(text: string): number {
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.texts.push(text) - 1;
      this.index.set(text, at);
    }
    return at;
  }
}

/** One table written straight into its packed form as rows are read (no array per row, no copy afterwards). */
export class PackedTableWriter {
  private kinds = new Uint8Array(4096);
  private values = new Float64Array(4096);
  private cellCount = 0;
  private rowNumbers = new Int32Array(1024);
  private cellsStart = new Int32Array(1025);
  rowCount = 0;

  constructor(
    readonly name: string,
    private readonly pool: TextPool,
  ) {}

  /** cells[0 … length - 1] as one row; holes and undefined are empty */
  addRow(rowNumber: number, cells: readonly (CellValue | undefined)[], length: number): void {
    if (this.rowCount + 1 >= this.rowNumbers.length) {
      this.rowNumbers = grow(this.rowNumbers, this.rowNumbers.length * 2);
      this.cellsStart = grow(this.cellsStart, this.rowNumbers.length + 1);
    }
    if (this.cellCount + length > this.kinds.length) {
      const size = Math.max(this.kinds.length * 2, this.cellCount + length);
      this.kinds = grow(this.kinds, size);
      this.values = grow(this.values, size);
    }
    const { kinds, values } = this;
    let at = this.cellCount;
    for (let column = 0; column < length; column++, at++) {
      const cell = cells[column];
      if (cell === null || cell === undefined) kinds[at] = Kind.Empty;
      else if (typeof cell === 'number') {
        kinds[at] = Kind.Number;
        values[at] = cell;
      } else if (typeof cell === 'string') {
        kinds[at] = Kind.Text;
        values[at] = this.pool.indexOf(cell);
      } else if (typeof cell === 'boolean') kinds[at] = cell ? Kind.True : Kind.False;
      else {
        kinds[at] = Kind.Date;
        values[at] = cell.getTime();
      }
    }
    this.cellsStart[this.rowCount] = this.cellCount;
    this.rowNumbers[this.rowCount] = rowNumber;
    this.rowCount++;
    this.cellCount = at;
  }

  /** the table so far, in arrays of its own size */
  table(): PackedTable {
    const cellsStart = this.cellsStart.slice(0, this.rowCount + 1);
    cellsStart[this.rowCount] = this.cellCount;
    return { name: this.name, rowNumbers: this.rowNumbers.slice(0, this.rowCount), cellsStart, kinds: this.kinds.slice(0, this.cellCount), values: this.values.slice(0, this.cellCount) };
  }
}

function grow<T extends Uint8Array | Int32Array | Float64Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (size: number) => T)(size);
  bigger.set(array);
  return bigger;
}

/** The buffers to transfer with a packed result (each table's arrays have buffers of their own). */
export function transferList(packed: PackedResult): ArrayBuffer[] {
  return packed.tables.flatMap((each) => [each.rowNumbers.buffer, each.cellsStart.buffer, each.kinds.buffer, each.values.buffer] as ArrayBuffer[]);
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
