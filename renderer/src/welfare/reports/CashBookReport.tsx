import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { call, type OutputOf } from '../../api';
import { reportError, useFailure } from '../../ui/apiErrors';
import { formatSatang } from '../../ui/money';
import { ThaiDatePicker } from '../../ui/ThaiDatePicker';
import { showDate } from '../../ui/thaiDates';
import { openPdf } from './openPdf';

type CashBook = OutputOf<'welfare.reports.cashBook'>;
type Line = { key: string; date: string; document: string; description: string; amounts: number[]; balances: (number | null)[]; summary: boolean };

const monthOf = (offset: number) => {
  const start = dayjs().startOf('month').add(offset, 'month');
  return { fromDate: start.format('YYYY-MM-DD'), toDate: start.endOf('month').format('YYYY-MM-DD') };
};

const amount = (satang: number | null | undefined) => (satang === null || satang === undefined ? '' : formatSatang(satang));
const figure = (text: string, testId?: string) => (
  <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
    {text}
  </span>
);

/**
 * สมุดเงินสด of a period (this month at first): per money account รับ / จ่าย / คงเหลือ, from the balance brought
 * forward to the balance carried forward, as the printed cash book has it.
 */
export function CashBookReport() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [period, setPeriod] = useState(monthOf(0));
  // the book with the period it is of: while another period loads, nothing stale is shown
  const [loaded, setLoaded] = useState<{ period: typeof period; book: CashBook } | null>(null);
  const book = loaded?.period === period ? loaded.book : null;
  const [failure, setFailure] = useFailure();
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    let current = true;
    call('welfare.reports.cashBook', period).then(
      (result) => {
        if (!current) return;
        setLoaded({ period, book: result });
        setFailure(null);
      },
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [period, setFailure]);

  async function print() {
    setPrinting(true);
    try {
      openPdf(await call('welfare.reports.cashBookPrint', period));
    } catch (error) {
      message.error(reportError(error));
    } finally {
      setPrinting(false);
    }
  }

  const accounts = book?.accounts ?? [];
  const lines: Line[] = book
    ? [
        { key: 'opening', date: book.fromDate, document: '', description: t('welfareReports.cashBook.broughtForward'), amounts: [], balances: book.broughtForward, summary: true },
        ...book.rows.map((row) => ({ key: String(row.entryId), date: row.date, document: row.document, description: row.description, amounts: row.amounts, balances: row.amounts.map((value, index) => (value === 0 ? null : row.balances[index]!)), summary: false })),
      ]
    : [];
  const columns: ColumnsType<Line> = [
    { key: 'date', title: t('welfareReports.cashBook.date'), width: 105, render: (_, line) => figure(showDate(line.date, 'short')) },
    { key: 'document', title: t('welfareReports.cashBook.document'), width: 140, dataIndex: 'document' },
    { key: 'description', title: t('welfareReports.cashBook.description'), width: 320, render: (_, line) => (line.summary ? <strong>{line.description}</strong> : line.description) },
    ...accounts.map((account, index) => ({
      key: `account-${account.id}`,
      title: account.bankAccount ? `${account.name} ${account.bankAccount}` : account.name,
      children: [
        { key: `in-${account.id}`, title: t('welfareReports.cashBook.received'), width: 115, align: 'right' as const, render: (_: unknown, line: Line) => figure((line.amounts[index] ?? 0) > 0 ? amount(line.amounts[index]) : '') },
        { key: `out-${account.id}`, title: t('welfareReports.cashBook.paid'), width: 115, align: 'right' as const, render: (_: unknown, line: Line) => figure((line.amounts[index] ?? 0) < 0 ? amount(-line.amounts[index]!) : '') },
        { key: `balance-${account.id}`, title: t('welfareReports.cashBook.balance'), width: 125, align: 'right' as const, render: (_: unknown, line: Line) => figure(amount(line.balances[index])) },
      ],
    })),
  ];

  return (
    <div data-testid="cash-book">
      <Space wrap align="end" style={{ marginBottom: 16 }}>
        <label>
          <div>{t('welfareReports.cashBook.from')}</div>
          <ThaiDatePicker value={period.fromDate} onChange={(value) => value && setPeriod((before) => ({ ...before, fromDate: value }))} data-testid="cash-book-from" />
        </label>
        <label>
          <div>{t('welfareReports.cashBook.to')}</div>
          <ThaiDatePicker value={period.toDate} onChange={(value) => value && setPeriod((before) => ({ ...before, toDate: value }))} data-testid="cash-book-to" />
        </label>
        <Button onClick={() => setPeriod(monthOf(0))}>{t('welfareReports.cashBook.thisMonth')}</Button>
        <Button onClick={() => setPeriod(monthOf(-1))}>{t('welfareReports.cashBook.lastMonth')}</Button>
        <Button type="primary" icon={<PrinterOutlined />} loading={printing} disabled={!book || accounts.length === 0} onClick={() => void print()} data-testid="cash-book-print">
          {t('welfareReports.print')}
        </Button>
      </Space>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="cash-book-failure" />}
      {book && accounts.length === 0 && <Alert type="info" showIcon title={t('welfareReports.cashBook.noAccounts')} />}
      {book && accounts.length > 0 && (
        <>
          <Typography.Paragraph type="secondary" data-testid="cash-book-summary">
            {t('welfareReports.cashBook.summary', { from: showDate(book.fromDate), to: showDate(book.toDate), count: book.rows.length })}
          </Typography.Paragraph>
          <Table<Line>
            size="small"
            bordered
            rowKey="key"
            dataSource={lines}
            columns={columns}
            pagination={{ pageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
            // wider than the screen with a bank account or two: the table scrolls sideways, the description keeps its width
            scroll={{ x: 565 + accounts.length * 355 }}
            summary={() => (
              <>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={3}>
                    <strong>{t('welfareReports.cashBook.totals')}</strong>
                  </Table.Summary.Cell>
                  {accounts.flatMap((account, index) => [
                    <Table.Summary.Cell key={`in-${account.id}`} index={3 + index * 3} align="right">
                      {figure(amount(book.receivedSatang[index]), `cash-book-received-${index}`)}
                    </Table.Summary.Cell>,
                    <Table.Summary.Cell key={`out-${account.id}`} index={4 + index * 3} align="right">
                      {figure(amount(book.paidSatang[index]), `cash-book-paid-${index}`)}
                    </Table.Summary.Cell>,
                    <Table.Summary.Cell key={`balance-${account.id}`} index={5 + index * 3} />,
                  ])}
                </Table.Summary.Row>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{figure(showDate(book.toDate, 'short'))}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} />
                  <Table.Summary.Cell index={2}>
                    <strong>{t('welfareReports.cashBook.carriedForward')}</strong>
                  </Table.Summary.Cell>
                  {accounts.flatMap((account, index) => [
                    <Table.Summary.Cell key={`in-${account.id}`} index={3 + index * 3} />,
                    <Table.Summary.Cell key={`out-${account.id}`} index={4 + index * 3} />,
                    <Table.Summary.Cell key={`balance-${account.id}`} index={5 + index * 3} align="right">
                      <strong>{figure(amount(book.carriedForward[index]), `cash-book-closing-${index}`)}</strong>
                    </Table.Summary.Cell>,
                  ])}
                </Table.Summary.Row>
              </>
            )}
          />
        </>
      )}
    </div>
  );
}
