import { describe, expect, it } from 'vitest';
import {
  citizenIdCheckDigit,
  formatCitizenId,
  generateSampleTambon,
  isValidCitizenId,
  SAMPLE_REFERENCE_DATE,
  sampleSizes,
} from '../../main/sample/sample-tambon';

const thaiLetters = /^[\u0E00-\u0E7F]+$/;

describe('citizen ID rules (DOMAIN.md §4.5)', () => {
  it('computes the check digit of known examples', () => {
    // 1-1037-00000-00-? : Σ = 1×13 + 1×12 + 0×11 + 3×10 + 7×9 = 118; 118 mod 11 = 8; 11 − 8 = 3
    expect(citizenIdCheckDigit('110370000000')).toBe(3);
    // Σ mod 11 = 0 gives 11 mod 10 = 1; Σ mod 11 = 1 gives 10 mod 10 = 0
    expect(citizenIdCheckDigit('000000000000')).toBe(1);
    expect(citizenIdCheckDigit('000000000006')).toBe(0); // last weight is 2: 6×2 = 12, 12 mod 11 = 1 → 0
  });

  it('accepts valid IDs with or without dashes and refuses a changed digit or a wrong length', () => {
    expect(isValidCitizenId('1103700000003')).toBe(true);
    expect(isValidCitizenId('1-1037-00000-00-3')).toBe(true);
    expect(isValidCitizenId('1103700000004')).toBe(false);
    expect(isValidCitizenId('1203700000003')).toBe(false);
    expect(isValidCitizenId('110370000000')).toBe(false);
    expect(isValidCitizenId('11037000000a3')).toBe(false);
    expect(formatCitizenId('1103700000003')).toBe('1-1037-00000-00-3');
  });
});

describe('generateSampleTambon', () => {
  const small = generateSampleTambon({ size: 'small' });
  const large = generateSampleTambon({ size: 'large' });

  it('gives the same data for the same seed and different data for another seed', () => {
    expect(generateSampleTambon({ size: 'small' })).toEqual(small);
    expect(generateSampleTambon({ size: 'small', seed: 7 })).toEqual(generateSampleTambon({ size: 'small', seed: 7 }));
    const other = generateSampleTambon({ size: 'small', seed: 8 });
    expect(other.people.map((p) => p.citizenId)).not.toEqual(generateSampleTambon({ size: 'small', seed: 7 }).people.map((p) => p.citizenId));
    expect(other.people.map((p) => p.firstName + p.lastName)).not.toEqual(small.people.map((p) => p.firstName + p.lastName));
  });

  it('has the documented sizes', () => {
    expect(small.villages).toHaveLength(8);
    expect(small.people).toHaveLength(300);
    expect(large.villages).toHaveLength(20);
    expect(large.people).toHaveLength(20_000);
    expect(sampleSizes.large).toEqual({ villages: 20, people: 20_000 });
  });

  it('numbers villages หมู่ที่ 1..n with Thai บ้าน… names and puts every person in one of them', () => {
    for (const data of [small, large]) {
      expect(data.villages.map((v) => v.number)).toEqual(data.villages.map((_, i) => i + 1));
      expect(new Set(data.villages.map((v) => v.name)).size).toBe(data.villages.length);
      for (const v of data.villages) expect(v.name).toMatch(/^บ้าน[\u0E00-\u0E7F]+$/);
      const numbers = new Set(data.villages.map((v) => v.number));
      for (const p of data.people) expect(numbers.has(p.village)).toBe(true);
      // every village has people living in it
      expect(new Set(data.people.map((p) => p.village)).size).toBe(data.villages.length);
    }
  });

  it('gives every person a valid, unique citizen ID', () => {
    for (const data of [small, large]) {
      const ids = data.people.map((p) => p.citizenId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(isValidCitizenId(id), id).toBe(true);
    }
  });

  it('writes names in Thai, including names with stacked and tone marks', () => {
    for (const p of large.people) {
      expect(p.firstName).toMatch(thaiLetters);
      expect(p.lastName).toMatch(thaiLetters);
    }
    const fullNames = new Set(small.people.map((p) => `${p.firstName} ${p.lastName}`));
    for (const name of ['สมศักดิ์ ศรีสุวรรณ์', 'บุญมี ศรีสุวรรณ์', 'กัญญ์ณัฏฐ์ ศรีสุวรรณ์', 'กิ่งแก้ว ศรีสุวรรณ์', 'น้ำฝน ศรีสุวรรณ์']) {
      expect(fullNames.has(name), name).toBe(true);
    }
    expect(new Set(large.people.map((p) => p.lastName)).has('ปั้นทอง')).toBe(true);
    // names vary: a register of one repeated name would hide search and sorting bugs
    expect(new Set(large.people.map((p) => p.firstName)).size).toBeGreaterThan(80);
    expect(new Set(large.people.map((p) => p.lastName)).size).toBeGreaterThan(40);
  });

  it('gives titles that fit sex and age, ISO birth dates and phone numbers in 08x-xxx-xxxx form', () => {
    const referenceYear = Number(SAMPLE_REFERENCE_DATE.slice(0, 4));
    for (const p of large.people) {
      expect(p.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${p.birthDate}T00:00:00Z`).toISOString().slice(0, 10)).toBe(p.birthDate);
      const roughAge = referenceYear - Number(p.birthDate.slice(0, 4));
      if (roughAge <= 14) expect(p.title).toBe(p.sex === 'M' ? 'เด็กชาย' : 'เด็กหญิง');
      if (roughAge >= 17) expect(p.sex === 'M' ? ['นาย'] : ['นาง', 'นางสาว']).toContain(p.title);
      if (p.phone) expect(p.phone).toMatch(/^08\d-\d{3}-\d{4}$/);
      expect(p.houseNumber).toMatch(/^\d+(\/\d+)?$/);
    }
    expect(large.people.some((p) => p.houseNumber.includes('/'))).toBe(true);
    expect(large.people.filter((p) => p.consent).length).toBeGreaterThan(large.people.length * 0.8);
    expect(large.people.filter((p) => !p.consent).length).toBeGreaterThan(0);
  });

  it('has an admin and one user of each other role, all with the demo password', () => {
    expect(small.users.map((u) => u.role)).toEqual(['admin', 'secretary', 'treasurer', 'planner', 'viewer']);
    expect(small.users[0]).toMatchObject({ username: 'admin', password: 'tambon1234' });
    expect(small.office.councilName).toBe(`สภาองค์กรชุมชนตำบล${small.office.tambon}`);
    expect(small.office.fundName).toBe(`กองทุนสวัสดิการชุมชนตำบล${small.office.tambon}`);
  });
});
