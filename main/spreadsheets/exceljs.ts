// exceljs, loaded once with a fix to its streaming XML reader. exceljs 4.4.0 turns each inflated 16 KB chunk into
// text on its own (lib/utils/parse-sax.js), so a character whose UTF-8 bytes straddle two chunks becomes "��":
// with Thai, three bytes a letter, the 20,000-person sample lost a letter in 19 cells (exceljs issues #2063, #2084,
// #2316; fixes proposed upstream, not released). The fix below is that same reader with a StringDecoder, which
// carries an unfinished character over to the next chunk. It must be in require's cache before exceljs loads
// (its readers keep the function they required), so every module takes exceljs from here, never directly.
import { createRequire, Module } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import { PassThrough, type Readable } from 'node:stream';
import type ExcelJSModule from 'exceljs';
import type { SaxesParser as SaxesParserClass } from 'saxes';

const requireHere = createRequire(import.meta.url);
const excelEntry = requireHere.resolve('exceljs');
const requireFromExceljs = createRequire(excelEntry);
const parseSaxFile = requireFromExceljs.resolve('./lib/utils/parse-sax.js');

interface SaxEvent {
  eventType: 'opentag' | 'text' | 'closetag';
  value: unknown;
}

async function* parseSaxWholeCharacters(source: AsyncIterable<Buffer | string> | Readable): AsyncGenerator<SaxEvent[]> {
  const iterable: AsyncIterable<Buffer | string> =
    'pipe' in source && !(Symbol.asyncIterator in source) ? (source as Readable).pipe(new PassThrough()) : (source as AsyncIterable<Buffer | string>);
  const { SaxesParser } = requireFromExceljs('saxes') as { SaxesParser: typeof SaxesParserClass };
  const parser = new SaxesParser();
  const decoder = new StringDecoder('utf8');
  let error: Error | null = null;
  let events: SaxEvent[] = [];
  parser.on('error', (failure) => (error = failure));
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

if (!requireHere.cache[excelEntry]) {
  const patched = new Module(parseSaxFile);
  patched.filename = parseSaxFile;
  patched.loaded = true;
  patched.exports = parseSaxWholeCharacters;
  requireHere.cache[parseSaxFile] = patched;
}

const ExcelJS = requireHere('exceljs') as typeof ExcelJSModule;
export default ExcelJS;
export type { ExcelJSModule };
