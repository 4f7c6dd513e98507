import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App as AntApp, Button, Col, Modal, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import { FileExcelOutlined, LockOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { call, type OutputOf } from '../../api';
import { reportError, useFailure } from '../../ui/apiErrors';
import { saveBase64 } from '../../ui/files';
import { formatSatang, percentFromBasisPoints } from '../../ui/money';
import { showDate } from '../../ui/thaiDates';
import { useBooks } from '../books/booksStore';
import { MonthPicker, thisMonth } from '../money/MonthPicker';
import { openPdf } from './openPdf';
import { localName, localTitle } from '../welfareFormat';

type Monthly = OutputOf<'welfare.statements.monthly'>;
type Annual = OutputOf<'welfare.statements.annual'>;
type Statement = Monthly['statement'];
type Entries = OutputOf<'welfare.statements.entries'>;

/** What a clicked figure stands for: the accounts summed, over which days, and which way the sign reads. */
interface Drill {
  name: string;
  accountIds: number[];
  from: string | null;
  to: string;
  movedMoney: boolean;
  sign: 1 | -1;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The accounting year (B.E.) today falls in: a fiscal year is named by the year it ends in (1 Oct starts the next). */
function currentYear(kind: 'fiscal' | 'calendar'): number {
  const today = dayjs();
  return today.year() + 543 + (kind === 'fiscal' && today.month() >= 9 ? 1 : 0);
}

/** A figure as a link to its entries (a button: reached with Tab, opened with Enter), or plain when nothing to show. */
function Figure({ satang, drill, onDrill, testId, strong }: { satang: number; drill?: Drill | null; onDrill: (drill: Drill) => void; testId?: string; strong?: boolean }) {
  const text = formatSatang(satang);
  const shown = strong ? <strong>{text}</strong> : text;
  const style = { whiteSpace: 'nowrap' as const, fontVariantNumeric: 'tabular-nums' as const };
  // a zero has no entries worth opening (or only ones that cancel out): it reads as plain text
  if (!drill || drill.accountIds.length === 0 || satang === 0) return <span style={style} data-testid={testId}>{shown}</span>;
  return (
    <Button type="link" size="small" style={{ ...style, padding: 0, height: 'auto' }} onClick={() => onDrill(drill)} data-testid={testId}>
      {shown}
    </Button>
  );
}

interface StatementRow {
  key: string;
  label: ReactNode;
  satang: number | null;
  drill?: Drill | null;
  strong?: boolean;
  indent?: boolean;
}

function StatementTable({ rows, onDrill, testId }: { rows: StatementRow[]; onDrill: (drill: Drill) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<StatementRow>
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      dataSource={rows}
      data-testid={testId}
      columns={[
        { key: 'label', title: t('welfareStatements.item'), render: (_, row) => <span style={{ paddingLeft: row.indent ? 16 : 0, fontWeight: row.strong ? 600 : undefined }}>{row.label}</span> },
        {
          key: 'amount',
          title: t('welfareStatements.amount'),
          width: 180,
          align: 'right',
          render: (_, row) => (row.satang === null ? '' : <Figure satang={row.satang} drill={row.drill} onDrill={onDrill} strong={row.strong} testId={`${testId}-${row.key}`} />),
        },
      ]}
    />
  );
}

/** The receipts-and-payments rows, as the printed statement has them; every amount opens its entries. */
const LABELS = ['cashBroughtForward', 'bankBroughtForward', 'totalBroughtForward', 'receipts', 'noReceipts', 'totalReceipts', 'payments', 'noPayments', 'totalPayments', 'surplus', 'deficit', 'cashCarriedForward', 'bankCarriedForward', 'totalCarriedForward'] as const;
type Labels = Record<(typeof LABELS)[number], string>;

function receiptsAndPaymentsRows(statement: Statement, moneyIds: { cash: number[]; bank: number[] }, label: Labels): StatementRow[] {
  const before = dayjs(statement.from).subtract(1, 'day').format('YYYY-MM-DD');
  const balance = (name: string, ids: number[], to: string): Drill => ({ name, accountIds: ids, from: null, to, movedMoney: false, sign: 1 });
  const moved = (name: string, ids: number[], sign: 1 | -1): Drill => ({ name, accountIds: ids, from: statement.from, to: statement.to, movedMoney: true, sign });
  const difference = statement.totalReceipts - statement.totalPayments;
  const allMoney = [...moneyIds.cash, ...moneyIds.bank];
  return [
    { key: 'opening-cash', label: label.cashBroughtForward, satang: statement.opening.cash, indent: true, drill: balance(label.cashBroughtForward, moneyIds.cash, before) },
    { key: 'opening-bank', label: label.bankBroughtForward, satang: statement.opening.bank, indent: true, drill: balance(label.bankBroughtForward, moneyIds.bank, before) },
    { key: 'opening', label: label.totalBroughtForward, satang: statement.opening.total, strong: true, drill: balance(label.totalBroughtForward, allMoney, before) },
    { key: 'receipts-heading', label: label.receipts, satang: null, strong: true },
    ...(statement.receipts.length === 0
      ? [{ key: 'no-receipts', label: label.noReceipts, satang: null, indent: true }]
      : statement.receipts.map((line) => ({ key: `receipt-${line.code}`, label: localName(line), satang: line.amount, indent: true, drill: moved(localName(line), [line.accountId], -1) }))),
    { key: 'total-receipts', label: label.totalReceipts, satang: statement.totalReceipts, strong: true, drill: moved(label.totalReceipts, statement.receipts.map((line) => line.accountId), -1) },
    { key: 'payments-heading', label: label.payments, satang: null, strong: true },
    ...(statement.payments.length === 0
      ? [{ key: 'no-payments', label: label.noPayments, satang: null, indent: true }]
      : statement.payments.map((line) => ({ key: `payment-${line.code}`, label: localName(line), satang: line.amount, indent: true, drill: moved(localName(line), [line.accountId], 1) }))),
    { key: 'total-payments', label: label.totalPayments, satang: statement.totalPayments, strong: true, drill: moved(label.totalPayments, statement.payments.map((line) => line.accountId), 1) },
    { key: 'difference', label: difference >= 0 ? label.surplus : label.deficit, satang: Math.abs(difference), strong: true },
    { key: 'closing-cash', label: label.cashCarriedForward, satang: statement.closing.cash, indent: true, drill: balance(label.cashCarriedForward, moneyIds.cash, statement.to) },
    { key: 'closing-bank', label: label.bankCarriedForward, satang: statement.closing.bank, indent: true, drill: balance(label.bankCarriedForward, moneyIds.bank, statement.to) },
    { key: 'closing', label: label.totalCarriedForward, satang: statement.closing.total, strong: true, drill: balance(label.totalCarriedForward, allMoney, statement.to) },
  ];
}

/** The entries behind a figure, in a dialog: date, document, description, amount, and their total. */
function EntriesDialog({ drill, onClose }: { drill: Drill | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<{ drill: Drill; entries: Entries } | null>(null);
  const [failure, setFailure] = useFailure();
  useEffect(() => {
    if (!drill) return;
    let current = true;
    call('welfare.statements.entries', { accountIds: drill.accountIds, from: drill.from, to: drill.to, movedMoney: drill.movedMoney, sign: drill.sign, limit: 500 }).then(
      (entries) => current && (setLoaded({ drill, entries }), setFailure(null)),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [drill, setFailure]);
  const entries = loaded?.drill === drill ? loaded.entries : null;
  return (
    <Modal open={drill !== null} onCancel={onClose} footer={<Button onClick={onClose}>{t('welfareStatements.close')}</Button>} width={960} title={drill ? t('welfareStatements.entriesTitle', { name: drill.name }) : ''} destroyOnHidden>
      {failure && <Alert type="error" showIcon title={failure} />}
      {entries && (
        <div data-testid="statement-entries">
          <Typography.Paragraph data-testid="statement-entries-summary">
            {t('welfareStatements.entriesSummary', { count: entries.count, total: formatSatang(entries.total) })}
            {entries.count > entries.entries.length ? ` · ${t('welfareStatements.entriesLimited', { shown: entries.entries.length, count: entries.count })}` : ''}
          </Typography.Paragraph>
          <Table
            size="small"
            bordered
            rowKey="entryId"
            dataSource={entries.entries}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { key: 'date', title: t('welfareStatements.date'), width: 110, render: (_, row) => showDate(row.date, 'short') },
              { key: 'document', title: t('welfareStatements.document'), width: 170, dataIndex: 'document' },
              { key: 'description', title: t('welfareStatements.description'), dataIndex: 'description' },
              { key: 'amount', title: t('welfareStatements.amount'), width: 150, align: 'right', render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{formatSatang(row.amount)}</span> },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}

/** Section 10 of the status form: รายการรับ ‖ รายการจ่าย side by side, each line opening its entries since founding. */
function PositionTables({ annual, onDrill }: { annual: Annual; onDrill: (drill: Drill) => void }) {
  const { t } = useTranslation();
  const side = (sections: Annual['position']['receiptSide'], sign: 1 | -1, testId: string, totalLabel: string, total: number) => (
    <StatementTable
      testId={testId}
      onDrill={onDrill}
      rows={[
        ...sections.flatMap((section, index): StatementRow[] => [
          { key: `section-${index}`, label: localTitle(section), satang: null, strong: true },
          ...section.lines.map((line) => ({ key: line.code, label: localName(line), satang: line.amount, indent: true, drill: { name: localName(line), accountIds: [line.accountId], from: null, to: annual.position.asOf, movedMoney: false, sign } })),
        ]),
        { key: 'total', label: totalLabel, satang: total, strong: true },
      ]}
    />
  );
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Typography.Title level={5}>{t('welfareStatements.receiptSide')}</Typography.Title>
        {side(annual.position.receiptSide, -1, 'position-receipts', t('welfareStatements.totalReceiptSide'), annual.position.totalReceiptSide)}
      </Col>
      <Col xs={24} xl={12}>
        <Typography.Title level={5}>{t('welfareStatements.paymentSide')}</Typography.Title>
        {side(annual.position.paymentSide, 1, 'position-payments', t('welfareStatements.totalPaymentSide'), annual.position.totalPaymentSide)}
      </Col>
    </Row>
  );
}

function AnnualDetails({ annual }: { annual: Annual }) {
  const { t } = useTranslation();
  const count = (value: number) => value.toLocaleString('en-US');
  const benefitTotal = (key: 'personsInPeriod' | 'amountInPeriod' | 'personsSinceFounding' | 'amountSinceFounding') => annual.benefits.reduce((sum, row) => sum + row[key], 0);
  const memberColumns = (heading: string) => [
    { key: 'name', title: heading, render: (_: unknown, row: { name: string; nameEn: string }) => localName(row) },
    { key: 'cumulative', title: t('welfareStatements.cumulative'), width: 150, align: 'right' as const, render: (_: unknown, row: { cumulative: number }) => count(row.cumulative) },
    { key: 'current', title: t('welfareStatements.current'), width: 150, align: 'right' as const, render: (_: unknown, row: { current: number }) => count(row.current) },
  ];
  const memberTotal = () => (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0}>
        <strong>{t('welfareStatements.total')}</strong>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={1} align="right">
        <strong>{count(annual.members.cumulative)}</strong>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={2} align="right">
        <strong>{count(annual.members.current)}</strong>
      </Table.Summary.Cell>
    </Table.Summary.Row>
  );
  return (
    <>
      <Typography.Title level={5}>{t('welfareStatements.benefits')}</Typography.Title>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey="benefitCode"
        dataSource={annual.benefits}
        data-testid="statement-benefits"
        locale={{ emptyText: t('welfareStatements.noBenefits') }}
        columns={[
          { key: 'name', title: t('welfareStatements.benefit'), render: (_: unknown, row: Annual['benefits'][number]) => localName(row) },
          {
            key: 'year',
            title: t('welfareStatements.thisYear'),
            children: [
              { key: 'p1', title: t('welfareStatements.persons'), width: 90, align: 'right', render: (_: unknown, row: Annual['benefits'][number]) => count(row.personsInPeriod) },
              { key: 'a1', title: t('welfareStatements.baht'), width: 150, align: 'right', render: (_: unknown, row: Annual['benefits'][number]) => formatSatang(row.amountInPeriod) },
            ],
          },
          {
            key: 'ever',
            title: t('welfareStatements.sinceFounding'),
            children: [
              { key: 'p2', title: t('welfareStatements.persons'), width: 90, align: 'right', render: (_: unknown, row: Annual['benefits'][number]) => count(row.personsSinceFounding) },
              { key: 'a2', title: t('welfareStatements.baht'), width: 150, align: 'right', render: (_: unknown, row: Annual['benefits'][number]) => formatSatang(row.amountSinceFounding) },
            ],
          },
        ]}
        summary={() =>
          annual.benefits.length === 0 ? null : (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t('welfareStatements.total')}</strong>
              </Table.Summary.Cell>
              {(['personsInPeriod', 'amountInPeriod', 'personsSinceFounding', 'amountSinceFounding'] as const).map((key, index) => (
                <Table.Summary.Cell key={key} index={index + 1} align="right">
                  <strong data-testid={`statement-benefits-${key}`}>{key.startsWith('persons') ? count(benefitTotal(key)) : formatSatang(benefitTotal(key))}</strong>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )
        }
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('welfareStatements.sources')}
      </Typography.Title>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey="reportLine"
        dataSource={annual.sources.rows}
        data-testid="statement-sources"
        columns={[
          { key: 'name', title: t('welfareStatements.source'), render: (_, row) => localName(row) },
          { key: 'amount', title: t('welfareStatements.amount'), width: 180, align: 'right', render: (_, row) => formatSatang(row.amount) },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('welfareStatements.total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong data-testid="statement-sources-total">{formatSatang(annual.sources.total)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Typography.Paragraph style={{ marginTop: 8 }} data-testid="statement-members-own">
        {t('welfareStatements.membersOwn', { percent: percentFromBasisPoints(annual.sources.membersOwnShareBasisPoints) })}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('welfareStatements.members', { date: showDate(annual.position.asOf) })}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Table size="small" bordered pagination={false} rowKey="category" dataSource={annual.members.byCategory} columns={memberColumns(t('welfareStatements.category'))} summary={memberTotal} data-testid="statement-members-category" />
        </Col>
        <Col xs={24} xl={12}>
          <Table size="small" bordered pagination={false} rowKey={(row) => String(row.villageId)} dataSource={annual.members.byVillage} columns={memberColumns(t('welfareStatements.village'))} summary={memberTotal} data-testid="statement-members-village" />
        </Col>
      </Row>
    </>
  );
}

/**
 * งบการเงิน: the monthly receipts-and-payments report or the annual statement (for the accounting year the fund's
 * books set, fiscal or calendar), every figure opening its journal entries; printed and exported with the same
 * figures; and, from the annual statement, the year's close.
 */
export function StatementsReport() {
  const { t, i18n } = useTranslation();
  /** A period's name in the screen's language. */
  const named = (label: { th: string; en: string }) => (i18n.language === 'en' ? label.en : label.th);
  const { message } = AntApp.useApp();
  const settings = useBooks((state) => state.settings);
  const accounts = useBooks((state) => state.accounts);
  const reloadBooks = useBooks((state) => state.reload);
  const kind = settings?.accountingYear ?? 'fiscal';
  const [view, setView] = useState<'month' | 'year'>('month');
  const [month, setMonth] = useState(thisMonth());
  const [year, setYear] = useState<number | null>(null);
  const shownYear = year ?? currentYear(kind);
  const key = view === 'month' ? month : String(shownYear);
  const [loaded, setLoaded] = useState<{ key: string; monthly?: Monthly; annual?: Annual } | null>(null);
  const [failure, setFailure] = useFailure();
  const [busy, setBusy] = useState<'print' | 'export' | 'close' | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void reloadBooks();
  }, [reloadBooks]);

  useEffect(() => {
    let current = true;
    const request = view === 'month' ? call('welfare.statements.monthly', { month: key }).then((monthly) => ({ key, monthly })) : call('welfare.statements.annual', { year: key }).then((annual) => ({ key, annual }));
    request.then(
      (result) => current && (setLoaded(result), setFailure(null)),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [view, key, version, setFailure]);

  const shown = loaded?.key === key ? loaded : null;
  const statement = view === 'month' ? shown?.monthly?.statement : shown?.annual?.statement;
  const period = view === 'month' ? shown?.monthly?.period : shown?.annual?.period;
  const annual = view === 'year' ? (shown?.annual ?? null) : null;
  const moneyIds = {
    cash: accounts.filter((account) => account.kind === 'asset' && account.reportLine === 'cash').map((account) => account.id),
    bank: accounts.filter((account) => account.kind === 'asset' && account.reportLine === 'bank').map((account) => account.id),
  };

  async function print() {
    setBusy('print');
    try {
      openPdf(view === 'month' ? await call('welfare.statements.monthlyPrint', { month: key }) : await call('welfare.statements.annualPrint', { year: key }));
    } catch (error) {
      message.error(reportError(error));
    } finally {
      setBusy(null);
    }
  }

  async function exportExcel() {
    setBusy('export');
    try {
      const file = view === 'month' ? await call('welfare.statements.monthlyExport', { month: key }) : await call('welfare.statements.annualExport', { year: key });
      saveBase64(file.fileName, file.contentBase64, XLSX);
      message.success(t('welfareStatements.exported', { file: file.fileName }));
    } catch (error) {
      message.error(reportError(error));
    } finally {
      setBusy(null);
    }
  }

  async function closeYear() {
    setBusy('close');
    try {
      const closed = await call('welfare.statements.closeYear', { year: key });
      setConfirming(false);
      message.success(t('welfareStatements.closedYear', { year: named(closed.period.label), date: showDate(closed.lockDate) }));
      await reloadBooks();
      setVersion((value) => value + 1);
    } catch (error) {
      setConfirming(false);
      message.error(reportError(error));
      setFailure(error);
    } finally {
      setBusy(null);
    }
  }

  const thisYear = currentYear(kind);
  const years = Array.from({ length: 12 }, (_, index) => thisYear - index);

  return (
    <div data-testid="statements">
      <Space wrap align="end" style={{ marginBottom: 16 }}>
        <Segmented
          value={view}
          onChange={(value) => setView(value as 'month' | 'year')}
          options={[
            { value: 'month', label: t('welfareStatements.monthly') },
            { value: 'year', label: t('welfareStatements.annual') },
          ]}
          data-testid="statements-view"
        />
        {view === 'month' ? (
          <label>
            <div>{t('welfareStatements.month')}</div>
            <MonthPicker value={month} onChange={setMonth} testId="statements-month" />
          </label>
        ) : (
          <label>
            <div>{t('welfareStatements.year')}</div>
            <Select aria-label={t('welfareStatements.year')} value={shownYear} onChange={(value: number) => setYear(value)} style={{ width: 120 }} showSearch={{ optionFilterProp: 'label' }} options={years.map((value) => ({ value, label: String(value) }))} data-testid="statements-year" />
          </label>
        )}
        <Button icon={<PrinterOutlined />} type="primary" loading={busy === 'print'} disabled={!statement} onClick={() => void print()} data-testid="statements-print">
          {t('welfareStatements.print')}
        </Button>
        <Button icon={<FileExcelOutlined />} loading={busy === 'export'} disabled={!statement} onClick={() => void exportExcel()} data-testid="statements-export">
          {t('welfareStatements.exportExcel')}
        </Button>
        {view === 'year' && (
          <Button icon={<LockOutlined />} danger disabled={!annual || annual.closed} loading={busy === 'close'} onClick={() => (annual?.ended ? setConfirming(true) : void closeYear())} data-testid="statements-close-year">
            {t('welfareStatements.closeYear')}
          </Button>
        )}
      </Space>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="statements-failure" />}
      {period && statement && (
        <>
          <Typography.Title level={4} data-testid="statements-heading">
            {view === 'month' ? `${t('welfareStatements.monthly')} ${named(period.label)}` : `${t('welfareStatements.annual')} ${named(period.label)}`}
          </Typography.Title>
          {annual?.closed && <Alert type="success" showIcon title={t('welfareStatements.closedNote', { date: showDate(annual.lockDate) })} style={{ marginBottom: 12 }} data-testid="statements-closed" />}
          {annual && !annual.ended && <Alert type="info" showIcon title={t('welfareStatements.notEndedNote', { date: showDate(annual.period.to) })} style={{ marginBottom: 12 }} />}
          <Typography.Paragraph type="secondary">{t('welfareStatements.drillHint')}</Typography.Paragraph>
          <div style={{ maxWidth: 760 }}>
            <StatementTable testId="statement" rows={receiptsAndPaymentsRows(statement, moneyIds, Object.fromEntries(LABELS.map((name) => [name, t(`welfareStatements.${name}`)])) as Labels)} onDrill={setDrill} />
          </div>
          {annual && (
            <>
              <Typography.Title level={4} style={{ marginTop: 24 }}>
                {t('welfareStatements.position', { date: showDate(annual.position.asOf) })}
              </Typography.Title>
              <PositionTables annual={annual} onDrill={setDrill} />
              <div style={{ marginTop: 24 }}>
                <AnnualDetails annual={annual} />
              </div>
            </>
          )}
        </>
      )}
      <EntriesDialog drill={drill} onClose={() => setDrill(null)} />
      <Modal
        open={confirming && annual !== null}
        title={annual ? t('welfareStatements.closeYearTitle', { year: named(annual.period.label) }) : ''}
        onCancel={() => setConfirming(false)}
        onOk={() => void closeYear()}
        okText={t('welfareStatements.closeYearConfirm')}
        okButtonProps={{ danger: true, loading: busy === 'close', ...({ 'data-testid': 'statements-close-confirm' } as object) }}
      >
        {annual && (
          <div data-testid="statements-close-totals">
            <Typography.Paragraph>{t('welfareStatements.closeYearIntro', { date: showDate(annual.period.to) })}</Typography.Paragraph>
            <Table
              size="small"
              bordered
              pagination={false}
              showHeader={false}
              rowKey="label"
              dataSource={[
                { label: t('welfareStatements.totalBroughtForward'), satang: annual.statement.opening.total },
                { label: t('welfareStatements.totalReceipts'), satang: annual.statement.totalReceipts },
                { label: t('welfareStatements.totalPayments'), satang: annual.statement.totalPayments },
                { label: t('welfareStatements.totalCarriedForward'), satang: annual.statement.closing.total },
              ]}
              columns={[
                { key: 'label', dataIndex: 'label' },
                { key: 'amount', align: 'right', render: (_, row) => <strong style={{ whiteSpace: 'nowrap' }}>{formatSatang(row.satang)}</strong> },
              ]}
            />
          </div>
        )}
      </Modal>
    </div>
  );
}
