// Gives a TrueType font a glyph for U+200B (zero width space), the character that tells pdfmake's line breaker
// "a line may wrap here". Sarabun maps U+200B to nothing, so it would print the .notdef box. Sarabun does have
// an empty, zero-width glyph (the one U+0000 maps to); this maps U+200B to it as well, in memory, by writing a
// new cmap table (format 12) holding every existing mapping plus that one. Hand-written because no library on
// the npm registry edits a font's cmap in place; the font file on disk is not touched.

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
  recordAt: number;
}

function tableRecords(font: Buffer): Map<string, TableRecord> {
  const count = font.readUInt16BE(4);
  const records = new Map<string, TableRecord>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = font.toString('latin1', at, at + 4);
    records.set(tag, { tag, offset: font.readUInt32BE(at + 8), length: font.readUInt32BE(at + 12), recordAt: at });
  }
  return records;
}

/** Reads the (3,1) format 4 subtable: every BMP code point → glyph id. */
function readFormat4(font: Buffer, cmapOffset: number): Map<number, number> {
  const subtables = font.readUInt16BE(cmapOffset + 2);
  for (let i = 0; i < subtables; i++) {
    const at = cmapOffset + 4 + i * 8;
    const platform = font.readUInt16BE(at);
    const encoding = font.readUInt16BE(at + 2);
    const table = cmapOffset + font.readUInt32BE(at + 4);
    if (platform !== 3 || encoding !== 1 || font.readUInt16BE(table) !== 4) continue;
    const segments = font.readUInt16BE(table + 6) / 2;
    const ends = table + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    const mapping = new Map<number, number>();
    for (let s = 0; s < segments; s++) {
      const end = font.readUInt16BE(ends + s * 2);
      const start = font.readUInt16BE(starts + s * 2);
      const delta = font.readInt16BE(deltas + s * 2);
      const rangeOffsetAt = rangeOffsets + s * 2;
      const rangeOffset = font.readUInt16BE(rangeOffsetAt);
      for (let code = start; code <= end && code !== 0xffff; code++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
        else {
          const raw = font.readUInt16BE(rangeOffsetAt + rangeOffset + (code - start) * 2);
          glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
        }
        if (glyph !== 0) mapping.set(code, glyph);
      }
    }
    return mapping;
  }
  throw new Error('font has no Windows Unicode (3,1) format 4 cmap');
}

/** A cmap table with one (3,10) format 12 subtable, which fontkit (pdfkit's font engine) prefers over all others. */
function writeFormat12(mapping: Map<number, number>): Buffer {
  const codes = [...mapping.keys()].sort((a, b) => a - b);
  const groups: Array<[number, number, number]> = [];
  for (const code of codes) {
    const glyph = mapping.get(code)!;
    const last = groups.at(-1);
    if (last && code === last[1] + 1 && glyph === last[2] + (code - last[0])) last[1] = code;
    else groups.push([code, code, glyph]);
  }
  const subtableLength = 16 + groups.length * 12;
  const table = Buffer.alloc(12 + subtableLength);
  table.writeUInt16BE(0, 0); // version
  table.writeUInt16BE(1, 2); // one subtable
  table.writeUInt16BE(3, 4); // Windows
  table.writeUInt16BE(10, 6); // Unicode full repertoire
  table.writeUInt32BE(12, 8);
  table.writeUInt16BE(12, 12); // format
  table.writeUInt32BE(subtableLength, 16);
  table.writeUInt32BE(groups.length, 24);
  groups.forEach(([start, end, glyph], i) => {
    const at = 28 + i * 12;
    table.writeUInt32BE(start, at);
    table.writeUInt32BE(end, at + 4);
    table.writeUInt32BE(glyph, at + 8);
  });
  return table;
}

function checksum(data: Buffer): number {
  const padded = data.length % 4 === 0 ? data : Buffer.concat([data, Buffer.alloc(4 - (data.length % 4))]);
  let sum = 0;
  for (let at = 0; at < padded.length; at += 4) sum = (sum + padded.readUInt32BE(at)) >>> 0;
  return sum;
}

/** The glyph U+0000 maps to, if it is empty and has no advance (true of Sarabun's "NULL"). */
function emptyZeroWidthGlyph(font: Buffer, records: Map<string, TableRecord>, mapping: Map<number, number>): number {
  const glyph = mapping.get(0);
  const hhea = records.get('hhea');
  const hmtx = records.get('hmtx');
  if (glyph === undefined || !hhea || !hmtx) throw new Error('font has no glyph for U+0000 to borrow');
  const metrics = font.readUInt16BE(hhea.offset + 34);
  const advance = font.readUInt16BE(hmtx.offset + Math.min(glyph, metrics - 1) * 4);
  if (advance !== 0) throw new Error(`the U+0000 glyph is ${advance} units wide, not zero`);
  return glyph;
}

export const ZERO_WIDTH_SPACE = 0x200b;

/** A copy of the font in which U+200B is an empty, zero-width glyph. */
export function withZeroWidthSpace(original: Buffer): Buffer {
  const records = tableRecords(original);
  const cmap = records.get('cmap');
  const head = records.get('head');
  if (!cmap || !head) throw new Error('not a TrueType font (no cmap/head table)');
  const mapping = readFormat4(original, cmap.offset);
  mapping.set(ZERO_WIDTH_SPACE, emptyZeroWidthGlyph(original, records, mapping));

  const newCmap = writeFormat12(mapping);
  const start = Math.ceil(original.length / 4) * 4;
  const font = Buffer.concat([original, Buffer.alloc(start - original.length), newCmap, Buffer.alloc((4 - (newCmap.length % 4)) % 4)]);
  font.writeUInt32BE(checksum(newCmap), cmap.recordAt + 4);
  font.writeUInt32BE(start, cmap.recordAt + 8);
  font.writeUInt32BE(newCmap.length, cmap.recordAt + 12);
  // The whole-file checksum lives in head.checkSumAdjustment (computed with that field zeroed).
  font.writeUInt32BE(0, head.offset + 8);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, head.offset + 8);
  return font;
}
