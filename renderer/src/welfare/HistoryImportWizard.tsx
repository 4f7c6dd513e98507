import { useRef, useState } from 'react';
import { Alert, Button, Flex, Modal, Select, Space, Statistic, Steps, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, type InputOf, type OutputOf } from '../api';
import { useSession } from '../app/store';
import { ImportProgress } from '../imports/ImportProgress';
import { useImportFlow } from '../imports/useImportFlow';
import { formatSatang } from '../ui/money';
import { ThaiDatePicker } from '../ui/ThaiDatePicker';
import { showDate, todayIso } from '../ui/thaiDates';

type Preview = OutputOf<'welfare.history.preview'>;
type Sheet = Preview['sheets'][number];
type Problem = Preview['problems'][number];
type Lapsing = Preview['lapsing'][number];
type Summary = OutputOf<'welfare.history.commit'>;
type SheetChoices = NonNullable<InputOf<'welfare.history.preview'>['sheets']>;

const kinds = ['members', 'payments', 'monthly', 'payouts', 'openings', 'skip'] as const;

/**
 * นำเข้าประวัติกองทุนจาก Excel: the people register's import wizard, for a fund's years on paper. 1 choose the workbook
 * and the fund's dates → 2 check what each sheet is, its columns, the totals per year (to hold against the paper
 * books) and every refused row → 3 post everything in one go with progress (or nothing) → 4 done.
 */
export function HistoryImportWizard({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation();
  const language = useSession((state) => state.language);
  const [fundStart, setFundStart] = useState<string | null>('2005-01-01');
  const [cutOverDate, setCutOverDate] = useState<string | null>(todayIso());
  const flow = useImportFlow<Preview, Summary, SheetChoices>({
    texts: 'welfareHistoryImport',
    cannotRead: () => (!fundStart || !cutOverDate ? t('welfareHistoryImport.datesNeeded') : null),
    // both dates are there: cannotRead said so first
    read: (file, sheets, signal, onProgress) => call('welfare.history.preview', { fileName: file.name, contentBase64: file.base64, fundStart: fundStart!, cutOverDate: cutOverDate!, sheets }, { signal, onProgress }),
    readSteps: 2,
    sayReadStopped: true,
    commit: (checked, signal, onProgress) => call('welfare.history.commit', { importId: checked.importId }, { signal, onProgress }),
    commitTotal: () => 1,
    errorRows: (checked) => call('welfare.history.errorRows', { importId: checked.importId }),
    onClosed: (summary) => {
      // The members list is read again once the wizard is closed: reading it while open would move the wizard
      // (the list's header replaces the empty page it sits in) and lose the summary.
      if (summary) onImported();
      onClose();
    },
  });
  const fileInput = useRef<HTMLInputElement>(null);
  const { step, preview, reading, posting, failure, summary } = flow;
  const text = (message: { th: string; en: string }) => (language === 'en' ? message.en : message.th);

  /** A change of one sheet's kind or column reads the file again with every sheet's choice kept. */
  function chooseSheet(name: string, change: Partial<SheetChoices[string]>) {
    if (!preview) return;
    const sheets: SheetChoices = Object.fromEntries(preview.sheets.map((sheet) => [sheet.name, { kind: sheet.kind, headerRow: sheet.headerRow, mapping: sheet.mapping }]));
    const kindChanged = change.kind !== undefined && change.kind !== sheets[name]!.kind;
    sheets[name] = kindChanged ? { kind: change.kind! } : { ...sheets[name]!, ...change };
    flow.readAgain(sheets);
  }

  const totals = preview?.totals;
  const baht = (satang: number) => `${formatSatang(satang)} ${t('welfareHistoryImport.baht')}`;

  return (
    <Modal open={open} onCancel={flow.close} title={t('welfareHistoryImport.title')} width={1180} footer={null} maskClosable={false} destroyOnHidden data-testid="history-import-wizard">
      <Steps
        current={step}
        status={summary ? 'finish' : undefined}
        size="small"
        style={{ marginBottom: 24 }}
        items={[{ title: t('welfareHistoryImport.stepFile') }, { title: t('welfareHistoryImport.stepCheck') }, { title: t('welfareHistoryImport.stepPost') }, { title: t('welfareHistoryImport.stepDone') }]}
      />
      <Space orientation="vertical" size="middle" style={{ display: 'flex' }}>
        {step === 0 && (
          <>
            <Typography.Paragraph>{t('welfareHistoryImport.intro')}</Typography.Paragraph>
            <Flex gap={24} wrap>
              <label style={{ display: 'flex', flexDirection: 'column' }}>
                {t('welfareHistoryImport.fundStart')}
                <ThaiDatePicker value={fundStart} onChange={setFundStart} maxDate={todayIso()} data-testid="history-fund-start" />
              </label>
              <label style={{ display: 'flex', flexDirection: 'column' }}>
                {t('welfareHistoryImport.cutOverDate')}
                <ThaiDatePicker value={cutOverDate} onChange={setCutOverDate} maxDate={todayIso()} data-testid="history-cut-over" />
              </label>
            </Flex>
            <Typography.Text type="secondary">{t('welfareHistoryImport.cutOverHint')}</Typography.Text>
            <input ref={fileInput} type="file" accept=".xlsx,.csv" hidden data-testid="history-file" onChange={flow.takeChosenFile} />
            <Button type="primary" size="large" loading={reading !== null} onClick={() => fileInput.current?.click()}>
              {t('welfareHistoryImport.chooseFile')}
            </Button>
          </>
        )}
        {failure && <Alert type="error" showIcon title={failure} role="alert" data-testid="history-failure" />}
        {reading && (
          <ImportProgress report={reading} label={t('welfareHistoryImport.reading', { step: Math.min(reading.done + 1, reading.total), total: reading.total })} onCancel={flow.cancel} progressTestId="history-read-progress" />
        )}

        {preview && totals && step === 1 && (
          <>
            <Typography.Text>{t('welfareHistoryImport.fileLine', { name: preview.fileName, from: showDate(preview.options.fundStart), cutOver: showDate(preview.options.cutOverDate) })}</Typography.Text>
            <Table<Sheet>
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={preview.sheets}
              data-testid="history-sheets"
              expandable={{
                rowExpandable: (sheet) => sheet.fields.length > 0,
                expandedRowRender: (sheet) => (
                  <Flex gap={12} wrap data-testid={`history-mapping-${sheet.name}`}>
                    {sheet.fields.map((field) => (
                      <label key={field.key} style={{ display: 'flex', flexDirection: 'column', minWidth: 200 }}>
                        {text(field.label)}
                        <Select
                          value={sheet.mapping[field.key] ?? -1}
                          options={[{ value: -1, label: t('welfareHistoryImport.noColumn') }, ...sheet.headings.map((heading, index) => ({ value: index, label: `${index + 1}: ${heading || '—'}` }))]}
                          onChange={(column: number) => chooseSheet(sheet.name, { mapping: { ...sheet.mapping, [field.key]: column < 0 ? null : column } })}
                        />
                      </label>
                    ))}
                  </Flex>
                ),
              }}
              columns={[
                { title: t('welfareHistoryImport.sheet'), dataIndex: 'name' },
                {
                  title: t('welfareHistoryImport.kind'),
                  key: 'kind',
                  width: 300,
                  render: (_, sheet) => (
                    <Select value={sheet.kind} style={{ width: 280 }} onChange={(kind) => chooseSheet(sheet.name, { kind })} options={kinds.map((kind) => ({ value: kind, label: t(`welfareHistoryImport.kinds.${kind}`) }))} data-testid={`history-kind-${sheet.name}`} />
                  ),
                },
                { title: t('welfareHistoryImport.headerRow'), dataIndex: 'headerRow', width: 110 },
                { title: t('welfareHistoryImport.rows'), dataIndex: 'rows', width: 110, render: (rows: number) => rows.toLocaleString('en-US') },
                { title: t('welfareHistoryImport.months'), key: 'months', render: (_, sheet) => (sheet.months.length > 0 ? `${sheet.months.length} (${sheet.months[0]} … ${sheet.months.at(-1)})` : '') },
              ]}
            />

            <Typography.Title level={4} style={{ margin: 0 }}>{t('welfareHistoryImport.totalsTitle')}</Typography.Title>
            <Typography.Text type="secondary">{t('welfareHistoryImport.totalsHint')}</Typography.Text>
            <Flex gap={32} wrap data-testid="history-totals">
              <Statistic title={t('welfareHistoryImport.newMemberships')} value={totals.members.newMemberships} />
              <Statistic title={t('welfareHistoryImport.newPeople')} value={totals.members.newPeople} />
              <Statistic title={t('welfareHistoryImport.matchedPeople')} value={totals.members.matchedPeople} />
              <Statistic title={t('welfareHistoryImport.contributions')} value={baht(totals.contributions.satang)} data-testid="history-total-contributions" />
              <Statistic title={t('welfareHistoryImport.payouts')} value={baht(totals.payouts.satang)} data-testid="history-total-payouts" />
            </Flex>
            <Table
              size="small"
              rowKey="year"
              pagination={false}
              data-testid="history-years"
              dataSource={yearRows(totals)}
              columns={[
                { title: t('welfareHistoryImport.year'), dataIndex: 'label' },
                { title: t('welfareHistoryImport.membersJoined'), dataIndex: 'members', align: 'right' },
                { title: t('welfareHistoryImport.contributionCount'), dataIndex: 'contributionCount', align: 'right' },
                { title: t('welfareHistoryImport.contributions'), dataIndex: 'contributions', align: 'right', render: (satang: number) => formatSatang(satang) },
                { title: t('welfareHistoryImport.payoutCount'), dataIndex: 'payoutCount', align: 'right' },
                { title: t('welfareHistoryImport.payouts'), dataIndex: 'payouts', align: 'right', render: (satang: number) => formatSatang(satang) },
              ]}
            />
            {totals.openings.length > 0 && (
              <Table
                size="small"
                rowKey="accountId"
                pagination={false}
                data-testid="history-openings"
                dataSource={totals.openings}
                columns={[
                  { title: t('welfareHistoryImport.account'), key: 'account', render: (_, row) => `${row.code} ${row.name}` },
                  { title: t('welfareHistoryImport.paperBalance'), dataIndex: 'paperSatang', align: 'right', render: (satang: number) => formatSatang(satang) },
                  { title: t('welfareHistoryImport.historyMovement'), dataIndex: 'historySatang', align: 'right', render: (satang: number) => formatSatang(satang) },
                  { title: t('welfareHistoryImport.openingPosted'), dataIndex: 'openingSatang', align: 'right', render: (satang: number) => formatSatang(satang) },
                ]}
              />
            )}

            {preview.problemCount > 0 ? (
              <>
                <Alert type="error" showIcon title={t('welfareHistoryImport.problemsTitle', { count: preview.problemCount })} description={t('welfareHistoryImport.problemsRule')} data-testid="history-problems-alert" />
                <Flex justify="flex-end">
                  <Button onClick={() => void flow.downloadErrors()} data-testid="history-download-errors">
                    {t('welfareHistoryImport.downloadErrors')}
                  </Button>
                </Flex>
                <RowProblemsTable severity="error" rows={preview.problems} pageSize={20} testId="history-problems" />
              </>
            ) : (
              <Alert type="success" showIcon title={t('welfareHistoryImport.noProblems')} />
            )}
            {preview.lapsingCount > 0 && (
              <>
                <Alert type="warning" showIcon title={t('welfareHistoryImport.lapsingTitle', { count: preview.lapsingCount })} description={t('welfareHistoryImport.lapsingBody')} data-testid="history-lapsing-alert" />
                <Table<Lapsing>
                  size="small"
                  rowKey="memberNumber"
                  dataSource={preview.lapsing}
                  pagination={{ pageSize: 10, showSizeChanger: false }}
                  data-testid="history-lapsing"
                  columns={[
                    { title: t('welfareHistoryImport.memberNumber'), dataIndex: 'memberNumber', width: 110 },
                    { title: t('welfareHistoryImport.memberName'), dataIndex: 'name' },
                    { title: t('welfareHistoryImport.lastPaidOn'), dataIndex: 'lastPaidOn', width: 150, render: (date: string | null) => (date ? showDate(date, 'short') : t('welfareHistoryImport.neverPaid')) },
                    { title: t('welfareHistoryImport.lapsedOn'), dataIndex: 'lapsedOn', width: 150, render: (date: string) => showDate(date, 'short') },
                    { title: t('welfareHistoryImport.lapseReason'), key: 'reason', render: (_, row) => text(row.reason) },
                  ]}
                />
              </>
            )}
            {preview.warningCount > 0 && (
              <>
                <Alert type="warning" showIcon title={t('welfareHistoryImport.warningsTitle', { count: preview.warningCount })} description={t('welfareHistoryImport.warningsBody')} data-testid="history-warnings-alert" />
                <RowProblemsTable severity="warning" rows={preview.warnings} pageSize={10} testId="history-warnings" />
              </>
            )}
            <Flex gap={12} justify="flex-end">
              <Button onClick={flow.reset}>{t('welfareHistoryImport.otherFile')}</Button>
              <Button type="primary" size="large" disabled={preview.problemCount > 0 || reading !== null} onClick={() => void flow.commit()} data-testid="history-commit">
                {t('welfareHistoryImport.post')}
              </Button>
            </Flex>
          </>
        )}

        {posting && (
          <ImportProgress report={posting} label={t('welfareHistoryImport.posting', { done: posting.done.toLocaleString('en-US'), total: posting.total.toLocaleString('en-US') })} onCancel={flow.cancel} progressTestId="history-post-progress" cancelTestId="history-cancel" />
        )}

        {summary && (
          <>
            <Alert
              type="success"
              showIcon
              title={t('welfareHistoryImport.doneTitle')}
              description={t('welfareHistoryImport.doneBody', { members: summary.totals.members.newMemberships, contributions: formatSatang(summary.totals.contributions.satang), payouts: formatSatang(summary.totals.payouts.satang) })}
              data-testid="history-summary"
            />
            <Flex justify="flex-end">
              <Button type="primary" onClick={flow.close}>
                {t('common.close')}
              </Button>
            </Flex>
          </>
        )}
      </Space>
    </Modal>
  );
}

/** The rows refused (in red, with the reason) or to be checked (with the warning): sheet, row, column and why. */
function RowProblemsTable({ severity, rows, pageSize, testId }: { severity: 'error' | 'warning'; rows: Problem[]; pageSize: number; testId: string }) {
  const { t } = useTranslation();
  const language = useSession((state) => state.language);
  const text = (message: { th: string; en: string }) => (language === 'en' ? message.en : message.th);
  return (
    <Table<Problem>
      size="small"
      rowKey={(row) => `${row.sheet}-${row.rowNumber}-${row.column ?? ''}-${row.th}`}
      dataSource={rows}
      pagination={{ pageSize, showSizeChanger: false }}
      data-testid={testId}
      columns={[
        { title: t('welfareHistoryImport.sheet'), dataIndex: 'sheet', width: 200 },
        { title: t('welfareHistoryImport.rowNumber'), dataIndex: 'rowNumber', width: 80 },
        { title: t('welfareHistoryImport.column'), dataIndex: 'column', width: 180 },
        severity === 'error'
          ? { title: t('welfareHistoryImport.reason'), key: 'reason', render: (_, row) => <span style={{ color: '#a8071a' }}>{text(row)}</span> }
          : { title: t('welfareHistoryImport.warning'), key: 'warning', render: (_, row) => text(row) },
      ]}
    />
  );
}

/** One row per accounting year: members joined, contributions and payouts, as the paper books add them up. */
function yearRows(totals: Preview['totals']) {
  const rows = new Map<number, { year: number; label: string; members: number; contributionCount: number; contributions: number; payoutCount: number; payouts: number }>();
  const row = (year: { year: number; label: string }) => {
    const found = rows.get(year.year) ?? { year: year.year, label: year.label, members: 0, contributionCount: 0, contributions: 0, payoutCount: 0, payouts: 0 };
    rows.set(year.year, found);
    return found;
  };
  for (const year of totals.members.byStartYear) row(year).members = year.count;
  for (const year of totals.contributions.byYear) Object.assign(row(year), { contributionCount: year.count, contributions: year.satang });
  for (const year of totals.payouts.byYear) Object.assign(row(year), { payoutCount: year.count, payouts: year.satang });
  return [...rows.values()].sort((a, b) => a.year - b.year);
}
