import { describe, expect, it } from 'vitest';
import type { ClientSession } from '../../main/api/router';
import { generateSampleTambon, loadSampleTambon } from '../../main/sample/sample-tambon';
import { comparable } from '../documents/pdf-tools';
import { printedText } from '../helpers/printed-text';
import { routerCalls } from '../helpers/router-calls';
import { tempApp } from '../helpers/temp';

/** The sample tambon on 1 December 2026, its treasurer logged in. */
async function fund() {
  const app = tempApp(undefined);
  const data = generateSampleTambon({ size: 'small' });
  await loadSampleTambon(app, data);
  const treasurer: ClientSession = { user: null };
  await app.router.call(treasurer, 'office.auth.login', { username: 'treasurer', password: 'tambon1234' });
  const { call, refusal } = routerCalls(app, treasurer);
  const count = (table: string) => (app.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { app, data, call, refusal, count };
}

type Preset = { effectiveFrom: string; contributions: Record<string, unknown>; memberCategories: { code: string }[]; benefitTypes: Record<string, unknown>[] };

async function withRegulation(effectiveFrom = '2020-01-01') {
  const f = await fund();
  const preset = await f.call<Preset>('welfare.regulation.preset', { effectiveFrom });
  await f.call('welfare.regulation.create', { ...preset, adoptedBy: 'มติที่ประชุมใหญ่สมาชิก ครั้งที่ 1/2563' });
  return f;
}

const joining = (personId: number, memberNumber: string, extra: Record<string, unknown> = {}) => ({
  personId,
  memberNumber,
  category: 'general',
  applicationDate: '2021-03-01',
  startDate: '2021-03-15',
  approvedBy: 'มติคณะกรรมการ ครั้งที่ 3/2564',
  approvalDate: '2021-03-15',
  ...extra,
});

describe('the fund regulation, as data with effective dates', () => {
  it('no member can join before the regulation is recorded; the preset regulation is recorded once per date', async () => {
    const { call, refusal, count } = await fund();
    const early = await refusal('welfare.members.join', joining(1, '0001'));
    expect(early.messageTh).toContain('ยังไม่ได้ตั้งระเบียบกองทุน');
    const preset = await call<Preset>('welfare.regulation.preset', { effectiveFrom: '2020-01-01' });
    expect(preset.benefitTypes.length).toBeGreaterThanOrEqual(16);
    const stored = await call<{ id: number; contributions: { scheme: { amountSatang: number } } }>('welfare.regulation.create', preset);
    expect(stored.contributions.scheme.amountSatang).toBe(3000);
    const again = await refusal('welfare.regulation.create', preset);
    expect(again).toMatchObject({ code: 'CONFLICT', field: 'effectiveFrom' });
    expect(count('welfare_regulation_versions')).toBe(1);
  });

  it('refuses a broken regulation naming the benefit and the field, and writes nothing', async () => {
    const { call, refusal, count } = await fund();
    const preset = await call<Preset>('welfare.regulation.preset', { effectiveFrom: '2020-01-01' });
    const death = preset.benefitTypes.findIndex((benefit) => (benefit.payment as { kind: string }).kind === 'tiers');
    const broken = structuredClone(preset);
    (broken.benefitTypes[death]!.payment as { tiers: { fromYears: number }[] }).tiers[0]!.fromYears = 1;
    const tiers = await refusal('welfare.regulation.create', broken);
    expect(tiers.field).toBe(`benefitTypes.${death}.payment.tiers.0.fromYears`);
    expect(tiers.messageTh).toMatch(/^สวัสดิการข้อ \d+ "[^"]+": /);
    const fraction = structuredClone(preset);
    (fraction.contributions.scheme as { amountSatang: number }).amountSatang = 30.5;
    expect((await refusal('welfare.regulation.create', fraction)).messageTh).toContain('จำนวนเต็มสตางค์');
    expect(count('welfare_regulation_versions')).toBe(0);
  });

  it('a new version is compared with the old one side by side', async () => {
    const { call } = await withRegulation();
    const [first] = await call<{ id: number; benefitTypes: { code: string; payment: { kind: string; maxPerClaimSatang?: number } }[] }[]>('welfare.regulation.list', {});
    const preset = await call<Preset>('welfare.regulation.preset', {});
    const hospital = preset.benefitTypes.findIndex((benefit) => (benefit.payment as { kind: string }).kind === 'perDay');
    (preset.benefitTypes[hospital]!.payment as { maxPerClaimSatang: number }).maxPerClaimSatang = 90000;
    const second = await call<{ id: number }>('welfare.regulation.create', { ...preset, effectiveFrom: '2026-10-01' });
    const diff = await call<{ code: string; change: string; fields: { to: { th: string } }[] }[]>('welfare.regulation.diff', { fromId: first!.id, toId: second.id });
    const changed = diff.filter((entry) => entry.change === 'changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.fields.map((field) => field.to.th).join(' ')).toContain('900 บาท');
  });
});

describe('members', () => {
  it('a person from the register joins with the next free number and beneficiaries; one open membership per person', async () => {
    const { call, refusal, data, count } = await withRegulation();
    const suggestion = await call<{ memberNumber: string }>('welfare.members.nextNumber', {});
    expect(suggestion.memberNumber).toBe('0001');
    const member = await call<{ id: number; status: string; yearsOfMembership: number; beneficiaries: { sharePercent: number }[] }>(
      'welfare.members.join',
      joining(1, suggestion.memberNumber, {
        healthConsent: true,
        healthConsentDate: '2021-03-01',
        beneficiaries: [
          { personId: 2, name: `${data.people[1]!.title}${data.people[1]!.firstName} ${data.people[1]!.lastName}`, relationship: 'ภรรยา', sharePercent: 66.67 },
          { name: 'เด็กหญิงกัญญ์ณัฏฐ์ ศรีสุวรรณ์', relationship: 'บุตร', sharePercent: 33.33 },
        ],
      }),
    );
    expect(member.status).toBe('active');
    expect(member.yearsOfMembership).toBeGreaterThanOrEqual(5);
    expect(member.beneficiaries.map((b) => b.sharePercent)).toEqual([66.67, 33.33]);
    expect((await call<{ memberNumber: string }>('welfare.members.nextNumber', {})).memberNumber).toBe('0002');

    const twice = await refusal('welfare.members.join', joining(1, '0002'));
    expect(twice).toMatchObject({ code: 'CONFLICT', field: 'personId', related: { entity: 'membership', id: member.id } });
    expect(twice.messageTh).toContain('เป็นสมาชิกอยู่แล้ว (เลขทะเบียน 0001)');
    const taken = await refusal('welfare.members.join', joining(3, '0001'));
    expect(taken).toMatchObject({ code: 'CONFLICT', field: 'memberNumber' });
    expect(taken.messageTh).toContain('เลขถัดไปที่ว่างคือ 0002');
    expect(count('welfare_memberships')).toBe(1);
  });

  it('prints the application from the membership: the register, the beneficiaries to two decimals, the approval', async () => {
    const { call, data } = await withRegulation();
    const applicant = data.people.find((person) => person.citizenId && person.birthDate)!;
    const member = await call<{ id: number }>(
      'welfare.members.join',
      joining(applicant.id, '0042', {
        healthConsent: true,
        healthConsentDate: '2021-03-01',
        beneficiaries: [
          { name: 'นางสาวปุณณ์ญาดา ฤทธิ์ณรงค์', relationship: 'บุตร', sharePercent: 66.67 },
          { name: 'เด็กหญิงกัญญ์ณัฏฐ์ ศรีสุวรรณ์', relationship: 'หลาน', sharePercent: 33.33 },
        ],
      }),
    );
    const printed = await call<{ pdfBase64: string; pages: number }>('welfare.members.applicationPrint', { membershipId: member.id });
    const text = await printedText(printed.pdfBase64);
    const id = applicant.citizenId!;
    const formattedId = `${id[0]}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id[12]}`;
    for (const words of ['เลขทะเบียนสมาชิก 0042', `${applicant.firstName} ${applicant.lastName}`, formattedId, 'ประเภทบุคคลทั่วไป', 'เดือนละ 30.00 บาท', 'นางสาวปุณณ์ญาดา ฤทธิ์ณรงค์', '66.67', '33.33', 'ครั้งที่ 3/2564', 'วันที่ 1 เดือน มีนาคม พ.ศ. 2564']) {
      expect(text, words).toContain(comparable(words));
    }
    expect((await call<{ pages: number }>('welfare.members.applicationPrint', { membershipId: member.id })).pages).toBeLessThanOrEqual(2);
  });

  it('refuses bad joining data in Thai, naming the field, and writes nothing', async () => {
    const { refusal, count } = await withRegulation();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ category: 'vip' }, 'category', 'ประเภทสมาชิก "vip"'],
      [{ startDate: '2021-02-01' }, 'startDate', 'อยู่ก่อนวันที่สมัคร'],
      [{ applicationDate: '2099-01-01', startDate: '2099-01-02' }, 'applicationDate', 'อนาคต'],
      [{ startDate: '2564-03-15' }, 'startDate', 'พ.ศ.'],
      [{ applicationDate: '2019-01-01', startDate: '2019-06-01' }, 'startDate', 'ระเบียบกองทุนฉบับแรกมีผลตั้งแต่'],
      [{ healthConsent: true }, 'healthConsentDate', 'ข้อมูลสุขภาพ'],
      [{ beneficiaries: [{ name: 'นางบุญมี', relationship: 'มารดา', sharePercent: 60 }] }, 'beneficiaries', 'ต้องรวมได้ 100%'],
      [{ beneficiaries: [{ name: 'นางบุญมี', relationship: 'มารดา', sharePercent: 100.001 }] }, 'beneficiaries.0.sharePercent', 'ส่วนแบ่ง'],
      [{ memberNumber: '   ' }, 'memberNumber', 'เลขทะเบียนสมาชิก'],
      [{ personId: 99_999 }, 'personId', 'ไม่พบบุคคล'],
    ];
    for (const [change, field, words] of cases) {
      const error = await refusal('welfare.members.join', joining(5, '0005', change));
      expect(error.field, JSON.stringify(change)).toBe(field);
      expect(error.messageTh, JSON.stringify(change)).toContain(words);
    }
    expect(count('welfare_memberships') + count('welfare_beneficiaries')).toBe(0);
  });

  it('a member resigns and rejoins later with a new membership; a death ends it and is recorded on the person', async () => {
    const { call, refusal, app } = await withRegulation();
    const first = await call<{ id: number }>('welfare.members.join', joining(7, '0007'));
    await call('welfare.members.end', { membershipId: first.id, endDate: '2023-06-30', reason: 'resigned', note: 'ลาออกตามหนังสือลงวันที่ 30 มิ.ย. 2566' });
    expect((await refusal('welfare.members.end', { membershipId: first.id, endDate: '2023-07-01', reason: 'resigned' })).code).toBe('CONFLICT');
    const tooSoon = await refusal('welfare.members.join', joining(7, '0007', { applicationDate: '2023-06-01', startDate: '2023-06-30' }));
    expect(tooSoon.messageTh).toContain('สมัครใหม่ได้ตั้งแต่วันถัดไป');
    // Rejoining keeps the old number when the fund wants it: no one else holds it.
    const second = await call<{ id: number; memberNumber: string }>('welfare.members.join', joining(7, '0007', { applicationDate: '2024-01-05', startDate: '2024-01-10' }));
    expect(second.memberNumber).toBe('0007');
    const page = await call<{ membership: { startDate: string }; otherMemberships: { endReason: string }[] }>('welfare.members.get', { membershipId: second.id });
    expect(page.membership.startDate).toBe('2024-01-10');
    expect(page.otherMemberships).toEqual([expect.objectContaining({ endReason: 'resigned' })]);

    await call('welfare.members.end', { membershipId: second.id, endDate: '2026-05-02', reason: 'died' });
    const person = await call<{ person: { lifeStatus: string; lifeStatusDate: string }; memberships: { memberNumber: string; endReason: string }[] }>('people.persons.get', { id: 7 });
    expect(person.person).toMatchObject({ lifeStatus: 'died', lifeStatusDate: '2026-05-02' });
    // The person page shows both memberships of the fund.
    expect(person.memberships.map((m) => m.endReason)).toEqual(['resigned', 'died']);
    expect((await refusal('welfare.members.join', joining(7, '0107', { applicationDate: '2026-06-01', startDate: '2026-06-01' }))).messageTh).toContain('เสียชีวิตแล้ว');
    const audit = app.database.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'membership'").get() as { n: number };
    expect(audit.n).toBe(4);
  });

  it('lists members in Thai order with masked IDs; the viewer reads but cannot take in members', async () => {
    const { app, call, data } = await withRegulation();
    const adults = data.people.filter((person) => person.birthDate < '2000-01-01').slice(3, 6);
    for (const person of adults) await call('welfare.members.join', joining(person.id, String(person.id).padStart(4, '0')));
    const list = await call<{ total: number; rows: { firstName: string; citizenIdMasked: string }[] }>('welfare.members.list', {});
    expect(list.total).toBe(3);
    const names = list.rows.map((row) => row.firstName);
    expect(names).toEqual([...names].sort(new Intl.Collator('th').compare));
    expect(list.rows.every((row) => /^x-xxxx-xxxx\d-\d\d-\d$/.test(row.citizenIdMasked))).toBe(true);
    const viewer: ClientSession = { user: null };
    await app.router.call(viewer, 'office.auth.login', { username: 'viewer', password: 'tambon1234' });
    expect((await call<{ total: number }>('welfare.members.list', {}, viewer)).total).toBe(3);
    const refused = await app.router.call(viewer, 'welfare.members.join', joining(adults[0]!.id + 100, '0999'));
    expect(refused.ok || refused.error.code).toBe('ROLE_NOT_ALLOWED');
  });
});
