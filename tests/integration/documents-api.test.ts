import { describe, expect, it } from 'vitest';
import { auditCount, setUpOffice, tempApp } from '../helpers/temp';

describe('documents through the router', () => {
  it('lists the forms with Thai titles, test pages marked', async () => {
    const app = tempApp();
    const session = await setUpOffice(app);
    const list = await app.router.call(session, 'documents.forms.list', {});
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    const forms = list.value as Array<{ id: string; titleTh: string; test: boolean }>;
    expect(forms.map((form) => form.id)).toEqual(expect.arrayContaining(['name-list', 'letter', 'thai-stress']));
    expect(forms.find((form) => form.id === 'name-list')?.titleTh).toBe('รายชื่อ');
    expect(forms.find((form) => form.id === 'thai-stress')?.test).toBe(true);
  });

  it("prints the office's own letterhead, and the print of a name list leaves one audit row (PDPA)", async () => {
    const app = tempApp();
    const session = await setUpOffice(app);
    const before = auditCount(app);
    const result = await app.router.call(session, 'documents.forms.render', {
      formId: 'name-list',
      data: { title: 'รายชื่อผู้มาประชุม', people: [{ title: 'นาง', firstName: 'บุญมี', lastName: 'ศรีสุข', village: 3 }] },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { pdfBase64: string; pages: number; fileName: string };
    expect(Buffer.from(value.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(value.pages).toBe(1);
    expect(value.fileName).toBe('รายชื่อผู้มาประชุม.pdf');
    expect(auditCount(app)).toBe(before + 1);
  });

  it('tells the office, in Thai and English, when a list had to be turned landscape to fit its columns', async () => {
    const app = tempApp();
    const session = await setUpOffice(app);
    const person = { title: 'นางสาว', firstName: 'กัญญ์ณัฏฐ์', lastName: 'ศรีสุวรรณ์', village: 3, citizenId: '1101700203451', phone: '081-234-5678' };
    const wide = await app.router.call(session, 'documents.forms.render', {
      formId: 'name-list',
      data: { title: 'รายชื่อ', columns: ['order', 'name', 'village', 'houseNumber', 'citizenId', 'phone', 'signature', 'note'], fullCitizenId: true, people: [person] },
    });
    expect(wide.ok).toBe(true);
    if (!wide.ok) return;
    expect((wide.value as { notices: unknown[] }).notices).toEqual([{ th: expect.stringContaining('แนวนอน'), en: expect.stringContaining('landscape') }]);
    const narrow = await app.router.call(session, 'documents.forms.render', { formId: 'name-list', data: { title: 'รายชื่อ', columns: ['order', 'name'], people: [person] } });
    expect(narrow.ok && (narrow.value as { notices: unknown[] }).notices).toEqual([]);
  });

  it('names the document and the field of a bad batch item, in Thai', async () => {
    const app = tempApp();
    const session = await setUpOffice(app);
    const good = { title: 'หมู่ที่ 1', people: [{ firstName: 'สมชาย' }] };
    const result = await app.router.call(session, 'documents.forms.render', {
      formId: 'name-list',
      items: [good, good, { title: 'หมู่ที่ 3', people: [{ firstName: '' }] }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'items.2.people.0.firstName' } });
    if (!result.ok) expect(result.error.messageTh).toMatch(/^ฉบับที่ 3: ช่อง "ชื่อ"/);
  });

  it('refuses an unknown form and a render without data, naming the field', async () => {
    const app = tempApp();
    const session = await setUpOffice(app);
    expect(await app.router.call(session, 'documents.forms.render', { formId: 'receipt-x', useSample: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'formId' } });
    expect(await app.router.call(session, 'documents.forms.render', { formId: 'letter' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'data' } });
  });

  it('is for logged-in users only', async () => {
    const app = tempApp();
    await setUpOffice(app);
    expect(await app.router.call({ user: null }, 'documents.forms.render', { formId: 'letter', useSample: true })).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  });

  it('stops a render when the caller cancels, with a Thai message', async () => {
    const app = tempApp();
    const session = await setUpOffice(app);
    const controller = new AbortController();
    const reports: number[] = [];
    const pending = app.router.call(session, 'documents.forms.render', { formId: 'name-list', useSample: true, sampleBatch: true }, {
      signal: controller.signal,
      progress: (report) => {
        reports.push(report.done);
        expect(report).toMatchObject({ total: 20, unit: 'items' });
        controller.abort();
      },
    });
    const result = await pending;
    expect(reports.length).toBeGreaterThan(0);
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED', messageTh: 'ยกเลิกการพิมพ์เอกสารแล้ว' } });
    // the printer is ready again at once
    expect((await app.router.call(session, 'documents.forms.render', { formId: 'letter', useSample: true })).ok).toBe(true);
  });
});
