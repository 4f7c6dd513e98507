import { describe, expect, it } from 'vitest';
import ExcelJS from '../../main/spreadsheets/exceljs';
import type { ClientSession } from '../../main/api/router';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { thaiCollator } from '../../main/people/thai-order';
import { routerCalls } from '../helpers/router-calls';
import { newPerson, tempApp } from '../helpers/temp';

async function sampleApp(size: 'small' | 'large' = 'small') {
  const app = tempApp();
  const data = generateSampleTambon({ size });
  const { adminSession } = await loadSampleTambon(app, data);
  const { call, refusal } = routerCalls(app, adminSession);
  return { app, data, call, refusal, adminSession };
}

interface ListItem {
  id: number;
  firstName: string;
  lastName: string;
  citizenIdMasked: string | null;
  villageNumber: number | null;
  age: number | null;
  lifeStatus: string;
}

describe('the people register', () => {
  it('loads the sample villages and people, and lists them in Thai dictionary order with masked IDs', async () => {
    const { call, data } = await sampleApp();
    const villages = await call<{ number: number; peopleCount: number }[]>('people.villages.list', {});
    expect(villages.map((v) => v.number)).toEqual(data.villages.map((v) => v.number));
    expect(villages.reduce((sum, v) => sum + v.peopleCount, 0)).toBe(data.people.length);

    const page = await call<{ total: number; rows: ListItem[] }>('people.persons.list', { limit: 1000 });
    expect(page.total).toBe(data.people.length);
    const names = page.rows.map((row) => [row.firstName, row.lastName] as const);
    const expected = [...names].sort((a, b) => thaiCollator.compare(a[0], b[0]) || thaiCollator.compare(a[1], b[1]));
    expect(names).toEqual(expected);
    expect(page.rows.every((row) => row.citizenIdMasked === null || /^x-xxxx-xxxx\d-\d\d-\d$/.test(row.citizenIdMasked))).toBe(true);
  });

  it('finds people by part of a name, an ID with or without dashes, a phone number and "หมู่ 3" / "ม.3"', async () => {
    const { call, data } = await sampleApp();
    const search = (text: string) => call<ListItem[]>('people.persons.search', { text, limit: 50 });
    // Thai has no spaces: "สุว" is inside the family name ศรีสุวรรณ์.
    const bySyllable = await search('สุวรร');
    expect(bySyllable.some((row) => row.lastName === 'ศรีสุวรรณ์')).toBe(true);
    const target = data.people[4]!; // กัญญ์ณัฏฐ์ ศรีสุวรรณ์, pinned in every sample
    const dashed = `${target.citizenId.slice(0, 1)}-${target.citizenId.slice(1, 5)}-${target.citizenId.slice(5, 10)}-${target.citizenId.slice(10, 12)}-${target.citizenId.slice(12)}`;
    for (const text of [target.citizenId, dashed, target.citizenId.slice(0, 6)]) {
      expect((await search(text)).map((row) => row.id), text).toContain(target.id);
    }
    const withPhone = data.people.find((p) => p.phone)!;
    expect((await search(withPhone.phone)).map((row) => row.id)).toContain(withPhone.id);
    for (const text of ['หมู่ 3', 'ม.3', 'หมู่ที่ ๓']) {
      const rows = await search(text);
      expect(rows.length, text).toBeGreaterThan(0);
      expect(rows.every((row) => row.villageNumber === 3), text).toBe(true);
    }
    const inVillage = await call<{ total: number; rows: ListItem[] }>('people.persons.list', { text: `${target.firstName} ม.1` });
    expect(inVillage.rows.map((row) => row.id)).toEqual([target.id]);
  });

  it('adds a person; the same citizen ID again points at the existing record; a same-name twin needs a confirmation', async () => {
    const { call, refusal } = await sampleApp();
    const created = await call<{ id: number; citizenId: string }>('people.persons.create', newPerson);
    expect(created.citizenId).toBe('1101700203450');

    const again = await refusal('people.persons.create', { ...newPerson, firstName: 'อื่น' });
    expect(again.code).toBe('CONFLICT');
    expect(again.field).toBe('citizenId');
    expect(again.related).toMatchObject({ entity: 'person', id: created.id });
    expect(again.messageTh).toContain('นางสาวปุณณ์ญาดา ศรีสุขสวัสดิ์');

    const twin = { ...newPerson, citizenId: null, noCitizenIdReason: 'no_card' };
    const warning = await refusal('people.persons.create', twin);
    expect(warning.code).toBe('NEEDS_CONFIRMATION');
    expect(warning.related?.id).toBe(created.id);
    const second = await call<{ id: number }>('people.persons.create', { ...twin, acknowledgeSimilar: true });
    expect(second.id).not.toBe(created.id);
    // Once saved as another person, a later edit that keeps the name, birth date and village does not ask again.
    await call('people.persons.update', { ...twin, id: second.id, phone: '089-000-1111' });
  });

  it('refuses bad input in Thai, naming the field, and writes nothing', async () => {
    const { call, refusal } = await sampleApp();
    const before = (await call<{ total: number }>('people.persons.list', {})).total;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ citizenId: '1101700203451' }, 'citizenId', 'เลขตรวจสอบ'],
      [{ citizenId: '12345' }, 'citizenId', '13 หลัก'],
      [{ citizenId: null }, 'citizenId', 'เหตุผล'],
      [{ birthDate: '2533-03-15' }, 'birthDate', 'พ.ศ.'],
      [{ birthDate: '1990-02-30' }, 'birthDate', 'ไม่ใช่วันที่ที่มีจริง'],
      [{ birthDate: '2099-01-01' }, 'birthDate', 'อนาคต'],
      [{ firstName: '   ' }, 'firstName', 'ชื่อ'],
      [{ lifeStatus: 'died' }, 'lifeStatusDate', 'วันที่เสียชีวิต'],
      [{ villageId: 999 }, 'villageId', 'หมู่บ้าน'],
      [{ phone: 'โทร 081' }, 'phone', 'เบอร์โทรศัพท์'],
    ];
    for (const [change, field, words] of cases) {
      const error = await refusal('people.persons.create', { ...newPerson, ...change });
      expect(error.field, JSON.stringify(change)).toBe(field);
      expect(error.messageTh, JSON.stringify(change)).toContain(words);
    }
    expect((await call<{ total: number }>('people.persons.list', {})).total).toBe(before);
  });

  it('keeps every correction in the person history; a village with residents cannot be deleted', async () => {
    const { call, refusal } = await sampleApp();
    const created = await call<{ id: number }>('people.persons.create', { ...newPerson, notes: 'ก'.repeat(2000) });
    await call('people.persons.update', { ...newPerson, id: created.id, lastName: 'ศรีสุข', lifeStatus: 'moved', lifeStatusDate: '2026-05-01' });
    const detail = await call<{ person: { lastName: string; lifeStatus: string; notes: string }; history: { changes: { field: string; from: unknown; to: unknown }[] }[] }>('people.persons.get', { id: created.id });
    expect(detail.person).toMatchObject({ lastName: 'ศรีสุข', lifeStatus: 'moved' });
    expect(detail.history).toHaveLength(2);
    expect(detail.history[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'lastName', from: 'ศรีสุขสวัสดิ์', to: 'ศรีสุข' },
        { field: 'lifeStatus', from: 'alive', to: 'moved' },
      ]),
    );

    const deleted = await refusal('people.villages.delete', { id: 3 });
    expect(deleted.code).toBe('CONFLICT');
    expect(deleted.messageTh).toMatch(/ลบหมู่ที่ 3 .* ไม่ได้ เพราะมีผู้อาศัย/);
    const empty = await call<{ id: number }>('people.villages.create', { number: 9, name: 'บ้านใหม่พัฒนา' });
    expect((await refusal('people.villages.create', { number: 9, name: 'ซ้ำ' })).code).toBe('CONFLICT');
    await call('people.villages.delete', { id: empty.id });
  });

  it('exports the filtered list to xlsx with IDs masked unless asked for, and records every export', async () => {
    const { app, call, data } = await sampleApp();
    const auditRows = () => app.database.sqlite.prepare("SELECT user_id AS userId, after FROM audit_log WHERE entity = 'export' ORDER BY id").all() as { userId: number; after: string }[];
    const masked = await call<{ fileName: string; contentBase64: string; rows: number }>('people.persons.export', { villageId: 1 });
    const inVillage = data.people.filter((p) => p.village === 1).length;
    expect(masked.rows).toBe(inVillage);
    expect(masked.fileName).toMatch(/^ทะเบียนบุคคล-\d{8}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(masked.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ids = workbook.worksheets[0]!.getColumn(5).values.slice(2).map(String);
    expect(ids).toHaveLength(inVillage);
    expect(ids.every((id) => /^x-xxxx-xxxx\d-\d\d-\d$/.test(id))).toBe(true);

    const full = await call<{ contentBase64: string }>('people.persons.export', { fullCitizenId: true, text: 'กัญญ์ณัฏฐ์' });
    await workbook.xlsx.load(Buffer.from(full.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(2).getCell(5).value).toMatch(/^\d-\d{4}-\d{5}-\d\d-\d$/);

    const recorded = auditRows();
    expect(recorded).toHaveLength(2);
    expect(JSON.parse(recorded[0]!.after)).toMatchObject({ list: 'people', rows: inVillage, fullCitizenId: false, filter: { villageId: 1 } });
    const named = (await call<{ total: number }>('people.persons.list', { text: 'กัญญ์ณัฏฐ์' })).total;
    expect(JSON.parse(recorded[1]!.after)).toMatchObject({ rows: named, fullCitizenId: true, filter: { text: 'กัญญ์ณัฏฐ์' } });
    expect(recorded[1]!.userId).toBeGreaterThan(0);
  });

  it('the viewer reads the register but cannot change it', async () => {
    const { app, call } = await sampleApp();
    const viewer: ClientSession = { user: null };
    await app.router.call(viewer, 'office.auth.login', { username: 'viewer', password: 'tambon1234' });
    expect((await call<{ total: number }>('people.persons.list', {}, viewer)).total).toBeGreaterThan(0);
    const refused = await app.router.call(viewer, 'people.persons.create', newPerson);
    expect(refused.ok || refused.error.code).toBe('ROLE_NOT_ALLOWED');
  });
});
