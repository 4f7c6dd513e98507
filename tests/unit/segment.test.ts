// Where a printed Thai line may wrap. Every check runs the real prepare pass and then finds the break
// opportunities exactly as pdfmake does (TextBreaker: the `linebreak` package, UAX #14, over the prepared
// string), so "no break inside X" here means pdfmake will not wrap inside X.
import LineBreaker from 'linebreak';
import { describe, expect, it } from 'vitest';
import type { Content } from 'pdfmake/interfaces';
import { bahtTextFromSatang, bahtTextInBrackets } from '../../main/documents/format';
import { personName } from '../../main/documents/person-name';
import { prepareDocument } from '../../main/documents/prepare';
import { breakUnits, markBreaks, syllables } from '../../main/documents/segment';
import { KEEP_TOGETHER } from '../../main/documents/thai-words';
import * as names from '../../main/sample/thai-names';

/** The prepared form of one piece of content, as pdfmake gets it. */
function prepared(content: Content, thaiDigits = false): Content {
  return (prepareDocument({ content: [content] }, { thaiDigits }).content as Content[])[0]!;
}

/** pdfmake's words (TextBreaker.splitWords): the text between break opportunities. */
function pdfmakeWords(text: string): string[] {
  const breaker = new LineBreaker(text);
  const words: string[] = [];
  let last = 0;
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    words.push(text.slice(last, next.position));
    last = next.position;
  }
  return words;
}

/** What a reader sees of each piece that pdfmake never wraps: marks removed, no-break spaces shown as spaces. */
function units(text: string, thaiDigits = false): string[] {
  return pdfmakeWords(prepared(text, thaiDigits) as string)
    .map((word) => word.replace(/\u200B/g, '').replace(/\u00A0/g, ' ').replace(/\u0E4D\u0E32/g, '\u0E33').trim())
    .filter(Boolean);
}

function expectWhole(text: string, part: string, thaiDigits = false): void {
  const found = units(text, thaiDigits);
  expect(found.some((unit) => unit.includes(part)), `"${part}" is cut in ${JSON.stringify(found)}`).toBe(true);
}

function expectBreakBetween(text: string, before: string, after: string): void {
  const found = units(text);
  const at = found.findIndex((unit, index) => unit.endsWith(before) && found[index + 1]?.startsWith(after));
  expect(at, `no break between "${before}" and "${after}" in ${JSON.stringify(found)}`).toBeGreaterThanOrEqual(0);
}

/**
 * A line never starts with ๆ, ฯ, a closing bracket, a following vowel or an above/below mark, nor with letters
 * silenced by ์ that belong to the syllable before (ญ์ of กัญญ์ณัฏฐ์, ชร์ of เพ็ชร์).
 */
const BAD_LINE_START = /^[\u0E2F\u0E46\u0E30-\u0E3A\u0E45\u0E47-\u0E4E)\]]|^[\u0E01-\u0E2E]{1,2}[\u0E34\u0E38]?\u0E4C/;

describe('numbers are never broken', () => {
  it.each([
    ['เลขประจำตัวประชาชน 1-1017-00203-45-1 ของผู้ขอรับเงิน', '1-1017-00203-45-1'],
    ['โทรศัพท์มือถือ081-234-5678ติดต่อได้ทุกวัน', '081-234-5678'],
    ['ยอดเงินคงเหลือทั้งสิ้น 20,046.79 บาท', '20,046.79 บาท'],
    ['ประชุมเมื่อวันที่ 15/03/2566 เวลา 09.30 น. ณ ศาลา', '15/03/2566'],
    ['ประชุมเมื่อวันที่ 15/03/2566 เวลา 09.30 น. ณ ศาลา', '09.30 น.'],
    ['รหัสหนังสือ๑๒๓๔๕๖๗๘๙๐ลงวันที่', '๑๒๓๔๕๖๗๘๙๐'],
    ['รหัสไปรษณีย์ ๔๑๐๐๐ จังหวัดอุดรธานี', 'รหัสไปรษณีย์ ๔๑๐๐๐'],
  ])('%s keeps "%s" whole', (text, part) => expectWhole(text, part));

  it('keeps them whole in Thai digits too', () => {
    expectWhole('เลขประจำตัวประชาชน 1-1017-00203-45-1 ของผู้ขอ', '๑-๑๐๑๗-๐๐๒๐๓-๔๕-๑', true);
    expectWhole('โทร. 081-234-5678 ในเวลาราชการ', 'โทร. ๐๘๑-๒๓๔-๕๖๗๘', true);
    expectWhole('ยอดเงิน 20,046.79 บาท', '๒๐,๐๔๖.๗๙ บาท', true);
  });

  it.each([
    ['มีผู้เข้าร่วม ๑,๒๓๔ คน จากทุกหมู่บ้าน', '๑,๒๓๔ คน'],
    ['เป็นสมาชิกมาแล้ว 3 ปี จึงมีสิทธิ์', '3 ปี'],
    ['ค่าสมัคร 500 บาทต่อคน', '500 บาท'],
    ['ผู้ป่วยติดเตียง 20 ราย ได้รับการเยี่ยมบ้าน', '20 ราย'],
    ['ครัวเรือนเป้าหมาย 15 ครัวเรือน ในหมู่ที่ 3', '15 ครัวเรือน'],
    ['คิดเป็น 80 % ของสมาชิก', '80 %'],
  ])('a number keeps its unit word: %s', (text, part) => expectWhole(text, part));

  it.each([
    ['บ้านหนองบัว หมู่ที่ 3 ตำบลหนองบัว', 'หมู่ที่ 3'],
    ['ครัวเรือนร้อยละ 80 ได้รับประโยชน์', 'ร้อยละ 80'],
    ['ตั้งแต่ พ.ศ. 2569 เป็นต้นไป', 'พ.ศ. 2569'],
    ['การประชุมครั้งที่ 1/2569 ของสภา', 'ครั้งที่ 1/2569'],
    ['หนังสือเลขที่ 015/2569 เรื่องขอเชิญประชุม', 'เลขที่ 015/2569'],
    ['ติดต่อ โทร. 081-234-5678 ในเวลาราชการ', 'โทร. 081-234-5678'],
    ['หรือทางโทรสาร 042-123456 ก็ได้', 'โทรสาร 042-123456'],
    ['แผนงานชุดที่ 2 ฉบับที่ 3 เล่มที่ 4', 'ชุดที่ 2'],
    ['แผนงานชุดที่ 2 ฉบับที่ 3 เล่มที่ 4', 'ฉบับที่ 3'],
    ['แผนงานชุดที่ 2 ฉบับที่ 3 เล่มที่ 4', 'เล่มที่ 4'],
    ['ตามระเบียบข้อ 12 และมาตรา 40 แห่งพระราชบัญญัติ', 'ข้อ 12'],
    ['ตามระเบียบข้อ 12 และมาตรา 40 แห่งพระราชบัญญัติ', 'มาตรา 40'],
    ['บ้านเลขที่ 12/3 ม. 4 ต. หนองบัว อ. เมือง จ. อุดรธานี', 'บ้านเลขที่ 12/3'],
    ['บ้านเลขที่ 12/3 ม. 4 ต. หนองบัว อ. เมือง จ. อุดรธานี', 'ม. 4'],
    ['บ้านเลขที่ 12/3 ม. 4 ต. หนองบัว อ. เมือง จ. อุดรธานี', 'ต. หนองบัว'],
    ['บ้านเลขที่ 12/3 ม. 4 ต. หนองบัว อ. เมือง จ. อุดรธานี', 'จ. อุดร'],
    ['แผนพัฒนาปีงบประมาณ 2570 ของตำบล', 'ปีงบประมาณ 2570'],
  ])('a label keeps its number: %s → "%s"', (text, part) => expectWhole(text, part));

  it('still lets a line wrap between the units', () => {
    expectBreakBetween('ครัวเรือนร้อยละ 80 ได้รับประโยชน์', 'ร้อยละ 80', 'ได้');
    expectBreakBetween('ค่าสมัคร 500 บาทต่อคน', '500 บาท', 'ต่อ');
    expectBreakBetween('บ้านเลขที่ 12/3 ม. 4 ต. หนองบัว', 'ม. 4', 'ต. หนองบัว');
    // a unit word is a whole word: ปี is not cut out of ปีงบประมาณ, and no other number is drawn in
    expect(units('อายุ 3 ปีงบประมาณ 2570')).toEqual(['อายุ 3 ปีงบประมาณ 2570']);
    expectBreakBetween('วันที่ 15 มกราคม 2569 เวลา', '15 มกราคม', '2569');
  });
});

describe('brackets, ๆ, ฯ and ณ stay with their words', () => {
  it('keeps a bracket with the first and last word inside it', () => {
    expect(units('คิดเป็น (ร้อยละ 69) ของทั้งหมด')).toEqual(['คิด', 'เป็น', '(ร้อยละ 69)', 'ของ', 'ทั้งหมด']);
    expect(units('(นางบุญมี ศรีสุข)')).toEqual(['(นางบุญมี', 'ศรีสุข)']);
  });

  it.each([
    ['ปัญหาต่าง ๆ ที่พบ', 'ต่าง ๆ'],
    ['ขอให้ช่วยกันทีละน้อย ๆ นะ', 'น้อย ๆ'],
    ['อุปกรณ์ เครื่องเขียน ฯลฯ', 'เขียน ฯลฯ'],
    ['ส่งไปที่กรุงเทพฯ แล้ว', 'กรุงเทพฯ'],
    ['ดีๆมากๆ', 'ดีๆ'],
    ['ประชุม ณ ศาลาอเนกประสงค์', 'ณ ศาลา'],
  ])('%s keeps "%s" whole', (text, part) => expectWhole(text, part));

  it('never starts a line with ๆ, ฯ, a closing bracket or a lone vowel or mark', () => {
    const texts = [
      'ปัญหาต่าง ๆ ที่พบ', 'ขอให้ช่วยกันทีละน้อย ๆ นะ', 'อุปกรณ์ เครื่องเขียน ฯลฯ', 'ดีๆมากๆกรุงเทพฯและอื่นๆ',
      'จำนวนเงิน(หนึ่งพันบาทถ้วน)ครับ', 'ลลิตา เพ็ชร์รัตน์ รัตนาภรณ์ ภาคิน ธนกฤต กัญญ์ณัฏฐ์', bahtTextInBrackets(1_234_575),
      ...names.femaleNamesModern, ...names.maleNamesModern, ...names.surnames, ...names.villageNames,
    ];
    for (const text of texts) for (const unit of units(text)) expect(unit, text).not.toMatch(BAD_LINE_START);
  });

  it('never leaves one consonant of an unknown name alone on a line (ICU: ภาคิ|น, ธน|ก|ฤต, บุญ|ญ|ฤทธิ์)', () => {
    for (const text of [...names.maleNamesModern, ...names.femaleNamesModern, ...names.surnames, ...names.villageNames]) {
      for (const unit of units(text)) expect(unit, text).not.toMatch(/^[\u0E01-\u0E2E]$/);
    }
  });
});

describe('names are whole', () => {
  it('a name built with personName() breaks only between title + first name and last name', () => {
    const node = prepared(personName({ title: 'นางสาว', firstName: 'กัญญ์ณัฏฐ์', lastName: 'ศรีสุวรรณ์' })) as { text: string };
    expect(pdfmakeWords(node.text).map((word) => word.trim())).toEqual(['นางสาวกัญญ์ณัฏฐ์', 'ศรีสุวรรณ์']);
  });

  it('keeps a title with spaces on the first name, and a last name with spaces whole', () => {
    const cases = [
      [{ title: 'ว่าที่ ร.ต.', firstName: 'ฐิติวัฒน์', lastName: 'บุญญฤทธิ์' }, ['ว่าที่ ร.ต.ฐิติวัฒน์', 'บุญญฤทธิ์']],
      [{ title: 'ว่าที่ร้อยตรี', firstName: 'ปุณณ์ญาดา', lastName: 'ใจดี' }, ['ว่าที่ร้อยตรีปุณณ์ญาดา', 'ใจดี']],
      [{ title: 'พระครูสมุห์', firstName: 'บุญมี', lastName: '' }, ['พระครูสมุห์บุญมี']],
      [{ title: 'นาย', firstName: 'พิชญ์', lastName: 'อิศรางกูร ณ อยุธยา' }, ['นายพิชญ์', 'อิศรางกูร ณ อยุธยา']],
      [{ firstName: 'ญาณิศา', lastName: 'พิชญ์สินี' }, ['ญาณิศา', 'พิชญ์สินี']],
    ] as const;
    for (const [parts, expected] of cases) {
      const node = prepared(personName(parts)) as { text: string };
      expect(pdfmakeWords(node.text).map((word) => word.replace(/\u00A0/g, ' ').trim())).toEqual(expected);
    }
  });

  it('keeps the style given beside the name, and the brackets of a signature on it', () => {
    expect(personName({ firstName: 'บุญมี', lastName: 'ศรีสุข' }, { bold: true })).toMatchObject({ bold: true, text: 'บุญมี ศรีสุข' });
    const signature = prepared({ text: ['(', personName({ title: 'นาง', firstName: 'บุญมี', lastName: 'ศรีสุข' }), ')'] }) as { text: [string, { text: string }, string] };
    expect(pdfmakeWords(signature.text.map((part) => (typeof part === 'string' ? part : part.text)).join(''))).toEqual(['(นางบุญมี ', 'ศรีสุข)']);
  });

  it('in running text, keeps a title with the first name and the last name whole, and a place name', () => {
    expect(units('ข้าพเจ้า นายฐิติวัฒน์ ศรีสุวรรณ์ เป็นประธาน')).toEqual(['ข้าพเจ้า', 'นายฐิติวัฒน์', 'ศรีสุวรรณ์', 'เป็น', 'ประธาน']);
    expectWhole('ผู้รับเงิน นางญาณิศา บุญญฤทธิ์', 'นางญาณิศา');
    expectWhole('ผู้รับเงิน นางญาณิศา บุญญฤทธิ์', 'บุญญฤทธิ์');
    expectWhole('มอบให้นายกฤษณ์ ใจดี', 'นายกฤษณ์');
    expectWhole('เด็กหญิงพิชญ์สินี พิมพ์ทอง', 'เด็กหญิงพิชญ์สินี');
    // place names after ตำบล/อำเภอ/จังหวัด, which the dictionary does not know (ภู|ผา|แก้ว)
    expectWhole('ตำบลหนองบัวทอง อำเภอภูผาแก้ว จังหวัดขอนแก่น', 'ภูผาแก้ว');
    expectWhole('ตำบลหนองบัวทอง อำเภอภูผาแก้ว จังหวัดขอนแก่น', 'หนองบัวทอง');
    // a mayor is not "Mr. Kathetmontri": the office title still wraps at its words
    expect(units('นายกเทศมนตรีตำบลหนองบัว').length).toBeGreaterThan(1);
  });
});

describe('office words are one unit', () => {
  const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
  const icuPieces = (word: string) => [...segmenter.segment(word)].length;

  it.each(['เด็กแรกเกิด', 'ผู้ประสบภัย', 'ล้านบาท', 'ผู้ด้อยโอกาส', 'ค่าธรรมเนียม', 'คณะกรรมการ', 'ชาวบ้าน', 'ลงวันที่'])('%s', (word) => {
    expect(icuPieces(word), 'the dictionary splits it, so the rule is needed').toBeGreaterThan(1);
    expect(units(`ช่วยเหลือ${word}ทุกคน`)).toEqual(['ช่วย', 'เหลือ', word, 'ทุก', 'คน']);
  });

  it('lists only words the dictionary splits, none too long for a narrow column', () => {
    for (const word of KEEP_TOGETHER) {
      expect(icuPieces(word), word).toBeGreaterThan(1);
      expect(word.length, word).toBeLessThanOrEqual(15);
    }
  });

  it('never ends a line with ผู้ (the one who)', () => {
    for (const unit of units('ผู้รับเงิน ผู้จ่ายเงิน ผู้อำนวยการ ผู้เข้าร่วม')) expect(unit).not.toMatch(/ผู้$/);
  });
});

describe('amounts in words break only between whole number words', () => {
  it('12,345.75 baht', () => {
    expect(bahtTextFromSatang(1_234_575)).toBe('หนึ่งหมื่นสองพันสามร้อยสี่สิบห้าบาทเจ็ดสิบห้าสตางค์');
    expect(units(bahtTextFromSatang(1_234_575))).toEqual(['หนึ่งหมื่น', 'สองพัน', 'สามร้อย', 'สี่สิบห้าบาท', 'เจ็ดสิบห้าสตางค์']);
  });

  it('345 baht, in brackets as receipts print it', () => {
    expect(units(bahtTextInBrackets(34_500))).toEqual(['(สามร้อย', 'สี่สิบห้าบาทถ้วน)']);
    expect(units(bahtTextInBrackets(360_000))).toEqual(['(สามพัน', 'หกร้อยบาทถ้วน)']);
  });

  it('millions, and inside a sentence', () => {
    expect(units(bahtTextFromSatang(5_100_000_100))).toEqual(['ห้าสิบเอ็ดล้าน', 'หนึ่งบาทถ้วน']);
    expect(units(`จ่ายเงินจำนวน${bahtTextFromSatang(2_004_679)}ให้แก่ผู้รับ`)).toEqual([
      'จ่าย', 'เงิน', 'จำนวน', 'สองหมื่น', 'สี่สิบหกบาท', 'เจ็ดสิบเก้าสตางค์', 'ให้', 'แก่', 'ผู้รับ',
    ]);
  });

  it('leaves ordinary words that start like number words alone', () => {
    expect(units('ห้ามนั่งเก้าอี้')).toEqual(['ห้าม', 'นั่ง', 'เก้าอี้']);
  });
});

describe('syllables: the fallback for a word wider than its column', () => {
  it.each([
    ['ปีงบประมาณ', 'ปี|งบ|ประ|มาณ'],
    ['ลำดับ', 'ลำ|ดับ'],
    ['หมายเหตุ', 'หมาย|เห|ตุ'],
    ['นางสาวกัญญ์ณัฏฐ์', 'นาง|สาว|กัญญ์|ณัฏฐ์'],
    ['ประชาชน', 'ประ|ชา|ชน'],
    ['จังหวัด', 'จัง|หวัด'],
    ['อุดรธานี', 'อุ|ดร|ธา|นี'],
    ['ปุณณ์ญาดา', 'ปุณณ์|ญา|ดา'],
    ['ฐิติวัฒน์', 'ฐิ|ติ|วัฒน์'],
    ['พิชญ์สินี', 'พิชญ์|สิ|นี'],
    ['ญาณิศา', 'ญา|ณิ|ศา'],
    ['บุญญฤทธิ์', 'บุญ|ญฤทธิ์'],
    ['ศรีสุวรรณ์', 'ศรี|สุ|วรรณ์'],
    ['เปลี่ยนแปลง', 'เปลี่ยน|แป|ลง'],
    ['องค์การบริหารส่วนตำบล', 'องค์|การ|บริ|หาร|ส่วน|ตำ|บล'],
  ])('%s → %s', (word, expected) => {
    expect(syllables(word).join('|')).toBe(expected);
  });

  /** No piece starts with a mark, vowel sign, ๆ/ฯ or a consonant silenced by ์; none ends with เ แ โ ใ ไ. */
  function expectSafePieces(word: string): string[] {
    const pieces = syllables(word);
    expect(pieces.join('')).toBe(word);
    pieces.forEach((piece, index) => {
      if (index > 0) expect(piece, word).toMatch(/^[\u0E01-\u0E2E\u0E40-\u0E44]/);
      expect(piece, word).not.toMatch(/^[\u0E01-\u0E2E][\u0E34\u0E38]?\u0E4C/);
      if (index < pieces.length - 1) expect(piece, word).not.toMatch(/[\u0E40-\u0E44]$/);
    });
    return pieces;
  }

  it('never cuts inside a character cluster, for every name in the fixtures', () => {
    const all = [...names.maleNamesTraditional, ...names.maleNamesModern, ...names.femaleNamesTraditional, ...names.femaleNamesModern, ...names.surnames, ...names.villageNames];
    for (const word of all) expectSafePieces(word);
  });

  it('splits a 2,000-character run with no spaces into short pieces', () => {
    const vocabulary = ['สภาองค์กรชุมชน', 'กัญญ์ณัฏฐ์', 'ผู้สูงอายุ', 'น้ำท่วม', 'เปลี่ยนแปลง', 'ฤๅษี', 'กตัญญู', 'ญี่ปุ่น', 'ต่างๆ', 'เกียรติศักดิ์'];
    let run = '';
    for (let index = 0; run.length < 2000; index++) run += vocabulary[(index * 7) % vocabulary.length];
    run = run.slice(0, 2000);
    const pieces = expectSafePieces(run.replace(/[\u0E40-\u0E44]$/, ''));
    expect(pieces.length).toBeGreaterThan(400);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThanOrEqual(12);
  });

  it('keeps what is not Thai with the piece before it', () => {
    expect(syllables('(ร้อยละ\u00A069)')).toEqual(['(ร้อย', 'ละ\u00A069)']);
    expect(syllables('ต่างๆ')).toEqual(['ต่างๆ']);
  });
});

describe('preparing twice', () => {
  it('changes nothing the second time (tables prepare their cells to measure them, then the page is prepared)', () => {
    const texts = [
      'ตำบลหนองบัวทอง อำเภอภูผาแก้ว ลำดับที่ 3 ประจำปี 2569 โทร. 081-234-5678 ต่าง ๆ (ร้อยละ 69)',
      bahtTextInBrackets(1_234_575), 'ข้าพเจ้า นายฐิติวัฒน์ ศรีสุวรรณ์ ค่าธรรมเนียม 500 บาท', 'Smart Farmer 4.0 ปี 2569 COVID-19',
    ];
    for (const thaiDigits of [false, true]) {
      for (const text of texts) {
        const once = prepared(text, thaiDigits) as string;
        expect(prepared(once, thaiDigits)).toBe(once);
      }
    }
  });
});

describe('breakUnits: what a column must be wide enough for', () => {
  it('gives the units pdfmake will not break, without the spaces it trims', () => {
    const text = markBreaks('ชื่อ-สกุล ผู้รับเงิน ต่าง ๆ (ร้อยละ 69)');
    expect(breakUnits(text)).toEqual(['ชื่อ-', 'สกุล', 'ผู้รับ', 'เงิน', 'ต่าง\u00A0ๆ', '(ร้อยละ\u00A069)']);
  });

  it('is not the same as splitting at spaces and U+200B: UAX #14 also breaks after a hyphen', () => {
    const text = markBreaks('ชื่อ-สกุล');
    expect(text.split(/[ \u200B]/)).toEqual(['ชื่อ-สกุล']);
    expect(breakUnits(text)).toEqual(['ชื่อ-', 'สกุล']);
  });
});
