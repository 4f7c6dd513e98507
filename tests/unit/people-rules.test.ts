import { describe, expect, it } from 'vitest';
import { ageOn } from '../../main/dates';
import { maskCitizenId } from '../../main/people/citizen-id';
import { parseSearchQuery, personSearchText } from '../../main/people/search';
import { thaiCollator, thaiSortKey } from '../../main/people/thai-order';
import { generateSampleTambon } from '../../main/sample/sample-tambon';

describe('Thai order of names', () => {
  it('the stored key sorts the whole large sample exactly as Intl.Collator("th") does, first name then family name', () => {
    const names = generateSampleTambon({ size: 'large' }).people.map((p) => [p.firstName, p.lastName] as const);
    // Hard cases beside the sample: leading vowels, tone marks only, thanthakhat, a name that is a prefix of another.
    names.push(['เกษม', 'ใจดี'], ['กษม', 'ใจดี'], ['ก่อ', 'ดี'], ['กอ', 'ดี'], ['กอ', 'ดี่'], ['ปุณณ์ญาดา', 'ศรีสุข'], ['ไก่', 'ไข่'], ['ฤทัย', 'มี'], ['ศักดิ์', 'ดี'], ['ศักดิ', 'ดี'], ['แก้ว', 'ดี'], ['แกว', 'ดี'], ['สม', 'ใจ'], ['สมชาย', 'ใจ']);
    const byIntl = [...names].sort((a, b) => thaiCollator.compare(a[0], b[0]) || thaiCollator.compare(a[1], b[1]));
    const byKey = [...names].sort((a, b) => {
      const [ka, kb] = [thaiSortKey(a[0], a[1]), thaiSortKey(b[0], b[1])];
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    expect(byKey.map((n) => n.join(' '))).toEqual(byIntl.map((n) => n.join(' ')));
  });

  it('puts เกษม under ก and a shorter name before a longer one that starts with it', () => {
    const order = ['สมชาย', 'เกษม', 'สม', 'กมล'].sort((a, b) => (thaiSortKey(a, '') < thaiSortKey(b, '') ? -1 : 1));
    expect(order).toEqual(['กมล', 'เกษม', 'สม', 'สมชาย']);
  });
});

describe('ages', () => {
  it('counts a birthday on its day, and a 29 February birthday from 1 March in other years', () => {
    expect(ageOn('1990-03-15', '2026-03-14')).toBe(35);
    expect(ageOn('1990-03-15', '2026-03-15')).toBe(36);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
    expect(ageOn('2000-02-29', '2028-02-29')).toBe(28);
    expect(ageOn('2026-11-30', '2026-11-30')).toBe(0);
  });
});

describe('search as you type', () => {
  it('reads "หมู่ 3", "ม.3" and "หมู่ที่ ๓" as a village, and an ID or phone typed with dashes as one number', () => {
    expect(parseSearchQuery('หมู่ 3')).toEqual({ terms: [], villageNumber: 3 });
    expect(parseSearchQuery('สมชาย ม.3')).toEqual({ terms: ['สมชาย'], villageNumber: 3 });
    expect(parseSearchQuery('หมู่ที่ ๓ ศรีสุข')).toEqual({ terms: ['ศรีสุข'], villageNumber: 3 });
    expect(parseSearchQuery('1-4099-00203-45-1')).toEqual({ terms: ['1409900203451'], villageNumber: null });
    expect(parseSearchQuery('081 234 5678')).toEqual({ terms: ['0812345678'], villageNumber: null });
    expect(parseSearchQuery('๐๘๑')).toEqual({ terms: ['081'], villageNumber: null });
  });

  it('matches names, ID digits and phone digits; zero-width characters pasted from elsewhere are ignored', () => {
    const text = personSearchText({ firstName: 'กัญญ์ณัฏฐ์', lastName: 'ศรีสุวรรณ์', citizenId: '1409900203451', phone: '081-234-5678' });
    for (const query of ['ณัฏ', 'สุวรรณ์', '140990', '2345678']) expect(text).toContain(parseSearchQuery(query).terms[0]);
    expect(parseSearchQuery('สุ\u200Bข').terms).toEqual(['สุข']);
  });

  it('a list shows only the last four digits of a citizen ID', () => {
    expect(maskCitizenId('1409900203451')).toBe('x-xxxx-xxxx3-45-1');
  });
});
