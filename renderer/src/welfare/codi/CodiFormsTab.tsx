import { useCallback, useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { call, type OutputOf } from '../../api';
import { useSession } from '../../app/store';
import { reportError, useFailure } from '../../ui/apiErrors';
import { saveBase64 } from '../../ui/files';
import { formatSatang } from '../../ui/money';
import { ThaiDatePicker } from '../../ui/ThaiDatePicker';
import { showDate } from '../../ui/thaiDates';
import { openPdf } from '../reports/openPdf';
import { localName, localTitle } from '../welfareFormat';
import { CodiTextsEditor, type CodiTexts } from './CodiTextsEditor';

type StatusForm = OutputOf<'welfare.codi.statusForm'>;
type Application = OutputOf<'welfare.codi.application'>;
type Settings = OutputOf<'welfare.codi.settings'>;

/** The fiscal year (B.E.) a day is in: 1 October starts the next one. */
function fiscalYearOf(day: dayjs.Dayjs): number {
  return day.year() + 543 + (day.month() >= 9 ? 1 : 0);
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const figure = (text: string, testId?: string) => (
  <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
    {text}
  </span>
);

const persons = (count: number, testId?: string) => figure(count.toLocaleString('en-US'), testId);

/**
 * แบบฟอร์ม พอช.: for a fiscal year, every figure of CODI's status form and matching-budget application with where it
 * comes from, the criteria met or not, the committee's words, and the two forms printed or the figures exported.
 */
export function CodiFormsTab() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const role = useSession((state) => state.user?.role);
  const canWrite = role === 'admin' || role === 'secretary' || role === 'treasurer';
  const thisYear = fiscalYearOf(dayjs());
  const [fiscalYear, setFiscalYear] = useState(thisYear);
  const [loaded, setLoaded] = useState<{ fiscalYear: number; status: StatusForm; request: Application } | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [failure, setFailure] = useFailure();
  const [busy, setBusy] = useState<string | null>(null);
  const data = loaded?.fiscalYear === fiscalYear ? loaded : null;
  const lang = i18n.language === 'en' ? 'en' : 'th';
  const baht = (satang: number, testId?: string) => figure(`${formatSatang(satang)} ${t('welfareCodi.baht')}`, testId);

  const load = useCallback(
    (year: number) => {
      Promise.all([call('welfare.codi.statusForm', { fiscalYear: year }), call('welfare.codi.application', { fiscalYear: year }), call('welfare.codi.settings', {})]).then(
        ([status, request, saved]) => {
          setLoaded({ fiscalYear: year, status, request });
          setSettings(saved);
          setFailure(null);
        },
        (error: unknown) => setFailure(error),
      );
    },
    [setFailure],
  );
  useEffect(() => load(fiscalYear), [fiscalYear, load]);

  async function run(what: string, action: () => Promise<void>) {
    setBusy(what);
    try {
      await action();
    } catch (error) {
      message.error(reportError(error));
    } finally {
      setBusy(null);
    }
  }

  const printStatus = () => run('status', async () => openPdf(await call('welfare.codi.statusFormPrint', { fiscalYear })));
  const printRequest = () => run('request', async () => openPdf(await call('welfare.codi.applicationPrint', { fiscalYear })));
  const exportXlsx = () =>
    run('xlsx', async () => {
      const file = await call('welfare.codi.export', { fiscalYear });
      saveBase64(file.fileName, file.contentBase64, XLSX_TYPE);
      message.success(t('welfareCodi.exported', { rows: file.rows }));
    });
  const saveSettings = (next: { localGovernmentKind: 'subdistrict' | 'municipality'; villageThresholdBasisPoints: number | null; foundedOn: string | null }) =>
    run('settings', async () => {
      setSettings(await call('welfare.codi.settingsSave', next));
      load(fiscalYear);
    });

  const years = Array.from({ length: 8 }, (_, index) => thisYear + 1 - index);
  const status = data?.status;
  const request = data?.request;
  const source = (key: keyof StatusForm['sources']) => status && <Typography.Text type="secondary"> ({status.sources[key][lang]})</Typography.Text>;

  return (
    <div data-testid="codi-forms">
      <Space wrap align="end" style={{ marginBottom: 16 }}>
        <label>
          <div>{t('welfareCodi.fiscalYear')}</div>
          <Select value={fiscalYear} onChange={setFiscalYear} options={years.map((year) => ({ value: year, label: `${t('welfareCodi.fiscalYearShort')} ${year}` }))} style={{ width: 180 }} data-testid="codi-year" />
        </label>
        <Button type="primary" icon={<PrinterOutlined />} loading={busy === 'status'} disabled={!data} onClick={() => void printStatus()} data-testid="codi-print-status">
          {t('welfareCodi.printStatus')}
        </Button>
        <Button icon={<PrinterOutlined />} loading={busy === 'request'} disabled={!data} onClick={() => void printRequest()} data-testid="codi-print-request">
          {t('welfareCodi.printRequest')}
        </Button>
        <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} disabled={!data} onClick={() => void exportXlsx()} data-testid="codi-export">
          {t('welfareCodi.export')}
        </Button>
      </Space>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="codi-failure" />}
      {status && request && (
        <>
          <Typography.Paragraph type="secondary" data-testid="codi-as-of">
            {t('welfareCodi.asOf', { year: fiscalYear, from: showDate(status.year.start), to: showDate(status.year.end), asOf: showDate(status.asOf) })}
          </Typography.Paragraph>

          <Card title={t('welfareCodi.criteria.title')} style={{ marginBottom: 16 }} data-testid="codi-criteria">
            {request.criteria.map((criterion) => (
              <div key={`${criterion.key}`} style={{ marginBottom: 6 }} data-testid={`codi-criterion-${criterion.key}`}>
                <Tag color={criterion.met ? 'green' : 'red'}>{criterion.met ? t('welfareCodi.criteria.met') : t('welfareCodi.criteria.notMet')}</Tag>
                <Typography.Text type="secondary">{criterion.item}</Typography.Text> <strong>{criterion.label[lang]}</strong> — {criterion.detail[lang]}
              </div>
            ))}
          </Card>

          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Card title={t('welfareCodi.members.title')} style={{ marginBottom: 16 }}>
                <Descriptions column={1} size="small" bordered>
                  <Descriptions.Item label={t('welfareCodi.members.cumulative')}>
                    {persons(status.members.cumulative, 'codi-members-cumulative')} {source('members')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('welfareCodi.members.current')}>
                    {persons(status.members.current, 'codi-members-current')} {source('members')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('welfareCodi.members.oneYear', { date: showDate(status.year.end) })}>
                    {persons(status.oneYear.completedOneYear, 'codi-members-one-year')} {source('oneYear')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('welfareCodi.members.villages')}>
                    {figure(`${status.villages.takingPart} / ${status.villages.total}`, 'codi-villages')} {source('villages')}
                  </Descriptions.Item>
                </Descriptions>
                <Table
                  size="small"
                  style={{ marginTop: 12 }}
                  pagination={false}
                  rowKey="category"
                  dataSource={status.members.byCategory}
                  columns={[
                    { key: 'name', title: t('welfareCodi.members.category'), render: (_, row) => localName(row) },
                    { key: 'cumulative', title: t('welfareCodi.members.cumulative'), align: 'right', render: (_, row) => persons(row.cumulative) },
                    { key: 'current', title: t('welfareCodi.members.current'), align: 'right', render: (_, row) => persons(row.current) },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('welfareCodi.request.title')} style={{ marginBottom: 16 }} data-testid="codi-request">
                <Descriptions column={1} size="small" bordered>
                  <Descriptions.Item label={t('welfareCodi.request.round')}>
                    {figure(String(request.round), 'codi-round')} {source('rounds')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('welfareCodi.request.suggested')}>
                    {baht(request.suggestion.amountSatang, 'codi-suggested')} <Typography.Text type="secondary">({request.suggestion[lang]})</Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('welfareCodi.request.requested')}>{baht(request.requestedSatang, 'codi-requested')}</Descriptions.Item>
                  <Descriptions.Item label={t('welfareCodi.request.contributions', { year: fiscalYear })}>{baht(request.memberContributionsThisYear, 'codi-contributions')}</Descriptions.Item>
                  <Descriptions.Item label={t('welfareCodi.request.localGovernment', { year: fiscalYear - 1 })}>{baht(request.localGovernmentLastYear, 'codi-local-government')}</Descriptions.Item>
                </Descriptions>
                <Table
                  size="small"
                  style={{ marginTop: 12 }}
                  pagination={false}
                  rowKey={(row) => String(row.round)}
                  locale={{ emptyText: t('welfareCodi.request.noRounds') }}
                  dataSource={request.rounds}
                  columns={[
                    { key: 'round', title: t('welfareCodi.request.roundColumn'), render: (_, row) => (row.round === null ? t('welfareCodi.request.noRound') : row.round) },
                    { key: 'approval', title: t('welfareCodi.request.approval'), render: (_, row) => (row.approvalDate ? showDate(row.approvalDate) : '') },
                    { key: 'amount', title: t('welfareCodi.request.amount'), align: 'right', render: (_, row) => baht(row.amountSatang) },
                    { key: 'contributions', title: t('welfareCodi.request.roundContributions'), align: 'right', render: (_, row) => baht(row.memberContributionsSatang) },
                  ]}
                />
              </Card>
            </Col>
          </Row>

          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Card title={t('welfareCodi.money.title')} style={{ marginBottom: 16 }}>
                <Typography.Paragraph type="secondary">{status.sources.money[lang]}</Typography.Paragraph>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="reportLine"
                  dataSource={status.money.rows}
                  columns={[
                    { key: 'name', title: t('welfareCodi.money.source'), render: (_, row) => localName(row) },
                    { key: 'amount', title: t('welfareCodi.request.amount'), align: 'right', render: (_, row) => baht(row.amount) },
                  ]}
                  summary={() => (
                    <>
                      <Table.Summary.Row>
                        <Table.Summary.Cell index={0}>
                          <strong>{t('welfareCodi.money.total')}</strong>
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={1} align="right">
                          <strong>{baht(status.money.total, 'codi-money-total')}</strong>
                        </Table.Summary.Cell>
                      </Table.Summary.Row>
                      <Table.Summary.Row>
                        <Table.Summary.Cell index={0}>{t('welfareCodi.money.held', { date: showDate(status.asOf) })}</Table.Summary.Cell>
                        <Table.Summary.Cell index={1} align="right">
                          {baht(status.money.heldSatang, 'codi-money-held')}
                        </Table.Summary.Cell>
                      </Table.Summary.Row>
                    </>
                  )}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('welfareCodi.benefits.title')} style={{ marginBottom: 16 }}>
                <Typography.Paragraph type="secondary">{status.sources.benefits[lang]}</Typography.Paragraph>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="benefitCode"
                  locale={{ emptyText: t('welfareCodi.benefits.none') }}
                  dataSource={status.benefits}
                  columns={[
                    { key: 'name', title: t('welfareCodi.benefits.type'), render: (_, row) => localName(row) },
                    { key: 'ever', title: t('welfareCodi.benefits.sinceFounding'), align: 'right', render: (_, row) => figure(`${row.personsSinceFounding.toLocaleString('en-US')} / ${formatSatang(row.amountSinceFounding)}`) },
                    { key: 'year', title: t('welfareCodi.benefits.inYear', { year: fiscalYear }), align: 'right', render: (_, row) => figure(`${row.personsInPeriod.toLocaleString('en-US')} / ${formatSatang(row.amountInPeriod)}`) },
                  ]}
                />
              </Card>
            </Col>
          </Row>

          <Card title={<>{t('welfareCodi.position.title', { date: showDate(status.asOf) })}{source('money')}</>} style={{ marginBottom: 16 }} data-testid="codi-position">
            <Row gutter={16}>
              {(
                [
                  ['receipt', status.position.receiptSide, status.position.totalReceiptSide],
                  ['payment', status.position.paymentSide, status.position.totalPaymentSide],
                ] as const
              ).map(([side, sections, total]) => (
                <Col xs={24} lg={12} key={side}>
                  <Table
                    size="small"
                    pagination={false}
                    rowKey="key"
                    dataSource={sections.flatMap((section) => [{ key: section.title, name: localTitle(section), amount: null as number | null, heading: true }, ...section.lines.map((line) => ({ key: `${section.title}-${line.accountId}`, name: localName(line), amount: line.amount as number | null, heading: false }))])}
                    columns={[
                      { key: 'name', title: t(`welfareCodi.position.${side}`), render: (_, row) => (row.heading ? <strong>{row.name}</strong> : <span style={{ paddingLeft: 16 }}>{row.name}</span>) },
                      { key: 'amount', title: t('welfareCodi.request.amount'), align: 'right', render: (_, row) => (row.amount === null ? '' : figure(formatSatang(row.amount))) },
                    ]}
                    summary={() => (
                      <Table.Summary.Row>
                        <Table.Summary.Cell index={0}>
                          <strong>{t(`welfareCodi.position.${side}Total`)}</strong>
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={1} align="right">
                          <strong>{figure(formatSatang(total), `codi-position-${side}-total`)}</strong>
                        </Table.Summary.Cell>
                      </Table.Summary.Row>
                    )}
                  />
                </Col>
              ))}
            </Row>
          </Card>

          {settings && <SettingsCard settings={settings} foundingDate={status.settings.foundingDate} canWrite={canWrite} saving={busy === 'settings'} onSave={(next) => void saveSettings(next)} />}

          <CodiTextsEditor key={fiscalYear} fiscalYear={fiscalYear} initial={status.texts as CodiTexts} canWrite={canWrite} onSaved={() => load(fiscalYear)} />
        </>
      )}
    </div>
  );
}

function SettingsCard({ settings, foundingDate, canWrite, saving, onSave }: { settings: Settings; foundingDate: string | null; canWrite: boolean; saving: boolean; onSave: (next: { localGovernmentKind: 'subdistrict' | 'municipality'; villageThresholdBasisPoints: number | null; foundedOn: string | null }) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState(settings.localGovernmentKind);
  const [percent, setPercent] = useState<number | null>(settings.villageThresholdBasisPoints === null ? null : settings.villageThresholdBasisPoints / 100);
  const [foundedOn, setFoundedOn] = useState<string | null>(settings.foundedOn);
  return (
    <Card title={t('welfareCodi.settings.title')} size="small" style={{ marginBottom: 16 }} data-testid="codi-settings">
      <Space wrap align="end">
        <label>
          <div>{t('welfareCodi.settings.kind')}</div>
          <Select value={kind} disabled={!canWrite} onChange={setKind} style={{ width: 200 }} options={[{ value: 'subdistrict', label: t('welfareCodi.settings.subdistrict') }, { value: 'municipality', label: t('welfareCodi.settings.municipality') }]} />
        </label>
        <label>
          <div>{t('welfareCodi.settings.threshold')}</div>
          <InputNumber value={percent} disabled={!canWrite} min={1} max={100} onChange={(value) => setPercent(value)} placeholder={t('welfareCodi.settings.thresholdDefault', { percent: settings.thresholdBasisPoints / 100 })} style={{ width: 200 }} />
        </label>
        <label>
          <div>{t('welfareCodi.settings.foundedOn')}</div>
          <ThaiDatePicker value={foundedOn} disabled={!canWrite} onChange={(value) => setFoundedOn(value ?? null)} />
        </label>
        <Button loading={saving} disabled={!canWrite} onClick={() => onSave({ localGovernmentKind: kind, villageThresholdBasisPoints: percent === null ? null : Math.round(percent * 100), foundedOn })} data-testid="codi-settings-save">
          {t('welfareCodi.settings.save')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('welfareCodi.settings.hint')} {foundingDate && `(${t('welfareCodi.settings.foundedOn')}: ${showDate(foundingDate)})`}
      </Typography.Paragraph>
    </Card>
  );
}
