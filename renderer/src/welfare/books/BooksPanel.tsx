import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { call, type OutputOf } from '../../api';
import { useFailure, errorOutsideForm } from '../../ui/apiErrors';
import { enterMovesToNextField } from '../../ui/keyboard';
import { ThaiDatePicker } from '../../ui/ThaiDatePicker';
import { showDate, todayIso } from '../../ui/thaiDates';
import { useBooks, useCanPostMoney, useIsAdministrator, type ReceiptBook } from './booksStore';
import { formatSatang } from '../../ui/money';

/** บัญชี: the receipt books, closing and reopening the months, and the trial balance. */
export function BooksPanel() {
  const reload = useBooks((state) => state.reload);
  useEffect(() => void reload(), [reload]);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <ReceiptBooksCard />
      <MonthCloseCard />
      <TrialBalanceCard />
    </Space>
  );
}

interface BookFormValues {
  bookNumber: string;
  firstNumber: number | null;
  lastNumber: number | null;
}
const bookFields = ['bookNumber', 'firstNumber', 'lastNumber'];

function ReceiptBooksCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const canPost = useCanPostMoney();
  const books = useBooks((state) => state.receiptBooks);
  const failure = useBooks((state) => state.failure);
  const reload = useBooks((state) => state.reload);
  const [form] = Form.useForm<BookFormValues>();
  const [busy, setBusy] = useState(false);
  const [formFailure, setFormFailure] = useFailure();

  async function add(values: BookFormValues) {
    setBusy(true);
    setFormFailure(null);
    try {
      const book = await call('welfare.receiptBooks.create', { bookNumber: values.bookNumber, firstNumber: values.firstNumber ?? 1, lastNumber: values.lastNumber ?? 50 });
      message.success(t('welfareMoney.books.bookAdded', { book: book.bookNumber }));
      form.resetFields();
      await reload();
    } catch (error) {
      setFormFailure(errorOutsideForm(form, error, bookFields));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('welfareMoney.books.receiptBooks')} data-testid="receipt-books">
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Table<ReceiptBook>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={books ?? []}
        loading={books === null && !failure}
        locale={{ emptyText: t('welfareMoney.books.noBooks') }}
        columns={[
          { key: 'book', title: t('welfareMoney.books.bookNumber'), dataIndex: 'bookNumber' },
          { key: 'range', title: t('welfareMoney.books.numbers'), render: (_, book) => t('welfareMoney.books.range', { first: book.firstNumber, last: book.lastNumber }) },
          {
            key: 'next',
            title: t('welfareMoney.books.nextNumber'),
            render: (_, book) => (book.nextNumber === null ? <Tag>{t('welfareMoney.books.usedUp')}</Tag> : book.nextNumber),
          },
          {
            key: 'left',
            title: t('welfarePaid.remaining'),
            align: 'right',
            render: (_, book) => <span data-testid={`book-left-${book.bookNumber}`}>{t('welfarePaid.remainingCount', { count: book.remaining })}</span>,
          },
        ]}
      />
      {canPost && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 16, rowGap: 8 }}
          initialValues={{ firstNumber: 1, lastNumber: 50 }}
          onFinish={(values) => void add(values)}
          onKeyDown={enterMovesToNextField(() => form.submit())}
        >
          <Form.Item name="bookNumber" label={t('welfareMoney.books.bookNumber')} rules={[{ required: true, whitespace: true, message: t('welfareMoney.books.bookNumberRequired') }]}>
            <Input style={{ width: 100 }} maxLength={20} data-testid="book-number" />
          </Form.Item>
          <Form.Item name="firstNumber" label={t('welfareMoney.books.firstNumber')} rules={[{ required: true, message: t('welfareMoney.books.firstNumberRequired') }]}>
            <InputNumber min={1} max={999999} precision={0} style={{ width: 110 }} data-testid="book-first" />
          </Form.Item>
          <Form.Item name="lastNumber" label={t('welfareMoney.books.lastNumber')} rules={[{ required: true, message: t('welfareMoney.books.lastNumberRequired') }]}>
            <InputNumber min={1} max={999999} precision={0} style={{ width: 110 }} data-testid="book-last" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="book-add">
              {t('welfareMoney.books.addBook')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {formFailure && <Alert type="error" showIcon title={formFailure} style={{ marginTop: 12 }} />}
    </Card>
  );
}

/** The last day of the month before today: the lock date a treasurer closes most often. */
const endOfLastMonth = () => dayjs().startOf('month').subtract(1, 'day').format('YYYY-MM-DD');

function MonthCloseCard() {
  const { t } = useTranslation();
  const { modal, message } = AntApp.useApp();
  const canPost = useCanPostMoney();
  const isAdministrator = useIsAdministrator();
  const settings = useBooks((state) => state.settings);
  const reload = useBooks((state) => state.reload);
  const [lockDate, setLockDate] = useState<string | null>(endOfLastMonth());
  const [failure, setFailure] = useFailure();
  const [reopenForm] = Form.useForm<{ lockDate: string | null; reason: string }>();
  const [reopenFailure, setReopenFailure] = useFailure();
  const current = settings?.lockDate ?? null;

  async function lock() {
    if (!lockDate) return;
    setFailure(null);
    const confirmed = await modal.confirm({
      title: t('welfareMoney.books.lockConfirmTitle', { date: showDate(lockDate) }),
      content: t('welfareMoney.books.lockConfirmBody', { date: showDate(lockDate) }),
      okText: t('welfareMoney.books.lock'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'lock-confirm' },
    });
    if (!confirmed) return;
    try {
      await call('welfare.books.lock', { lockDate });
      message.success(t('welfareMoney.books.locked', { date: showDate(lockDate) }));
      await reload();
    } catch (error) {
      setFailure(error);
    }
  }

  async function reopen(values: { lockDate: string | null; reason: string }) {
    setReopenFailure(null);
    try {
      await call('welfare.books.reopen', { lockDate: values.lockDate ?? null, reason: values.reason });
      message.success(values.lockDate ? t('welfareMoney.books.reopenedTo', { date: showDate(values.lockDate) }) : t('welfareMoney.books.reopenedAll'));
      reopenForm.resetFields();
      await reload();
    } catch (error) {
      setReopenFailure(errorOutsideForm(reopenForm, error, ['lockDate', 'reason']));
    }
  }

  return (
    <Card title={t('welfareMoney.books.monthClose')} data-testid="month-close">
      <Typography.Paragraph data-testid="lock-state">
        {current ? (
          <>
            <LockOutlined /> {t('welfareMoney.books.lockedTo', { date: showDate(current) })}
          </>
        ) : (
          t('welfareMoney.books.notLocked')
        )}
      </Typography.Paragraph>
      {canPost && (
        <Space wrap align="end">
          <label>
            <div>{t('welfareMoney.books.lockDate')}</div>
            <ThaiDatePicker value={lockDate} onChange={setLockDate} data-testid="lock-date" />
          </label>
          <Button icon={<LockOutlined />} onClick={() => void lock()} disabled={!lockDate} data-testid="lock">
            {t('welfareMoney.books.lock')}
          </Button>
        </Space>
      )}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 12 }} data-testid="lock-failure" />}
      {isAdministrator && current && (
        <div style={{ marginTop: 24 }} data-testid="reopen">
          <Typography.Title level={5}>{t('welfareMoney.books.reopenTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('welfareMoney.books.reopenHint')}</Typography.Paragraph>
          <Form form={reopenForm} layout="vertical" onFinish={(values) => void reopen(values)} style={{ maxWidth: 560 }}>
            <Form.Item name="lockDate" label={t('welfareMoney.books.reopenLockDate')} extra={t('welfareMoney.books.reopenLockDateHint')}>
              <ThaiDatePicker data-testid="reopen-date" />
            </Form.Item>
            <Form.Item name="reason" label={t('welfareMoney.books.reopenReason')} rules={[{ required: true, whitespace: true, message: t('welfareMoney.books.reopenReasonRequired') }]}>
              <Input.TextArea rows={2} maxLength={500} data-testid="reopen-reason" />
            </Form.Item>
            {reopenFailure && <Alert type="error" showIcon title={reopenFailure} style={{ marginBottom: 12 }} />}
            <Button icon={<UnlockOutlined />} htmlType="submit" danger data-testid="reopen-submit">
              {t('welfareMoney.books.reopen')}
            </Button>
          </Form>
        </div>
      )}
    </Card>
  );
}

type TrialBalance = OutputOf<'welfare.books.trialBalance'>;
type TrialRow = TrialBalance['accounts'][number];

function TrialBalanceCard() {
  const { t, i18n } = useTranslation();
  const [asOf, setAsOf] = useState<string | null>(todayIso());
  const [trial, setTrial] = useState<TrialBalance | null>(null);
  const [failure, setFailure] = useFailure();

  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!asOf) return;
    let current = true;
    call('welfare.books.trialBalance', { asOf }).then(
      (result) => {
        if (!current) return;
        setTrial(result);
        setFailure(null);
      },
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [asOf, generation, setFailure]);

  const rows = trial?.accounts ?? [];
  const debit = rows.reduce((sum, row) => sum + Math.max(row.balanceSatang, 0), 0);
  const credit = rows.reduce((sum, row) => sum + Math.max(-row.balanceSatang, 0), 0);
  const money = (satang: number) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{satang === 0 ? '' : formatSatang(satang)}</span>;

  return (
    <Card
      title={t('welfareMoney.books.trialBalance')}
      data-testid="trial-balance"
      extra={
        <Space>
          <span>{t('welfareMoney.books.asOf')}</span>
          <ThaiDatePicker value={asOf} onChange={setAsOf} data-testid="trial-date" />
          <Button onClick={() => setGeneration((value) => value + 1)}>{t('welfareMoney.books.refresh')}</Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Table<TrialRow>
        size="small"
        rowKey="accountId"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('welfareMoney.books.noPostings') }}
        columns={[
          { key: 'code', title: t('welfareMoney.books.accountCode'), dataIndex: 'code', width: 100 },
          { key: 'name', title: t('welfareMoney.books.account'), render: (_, row) => (i18n.language === 'en' && row.nameEn ? row.nameEn : row.nameTh) },
          { key: 'debit', title: t('welfareMoney.books.debit'), width: 160, align: 'right', render: (_, row) => money(Math.max(row.balanceSatang, 0)) },
          { key: 'credit', title: t('welfareMoney.books.credit'), width: 160, align: 'right', render: (_, row) => money(Math.max(-row.balanceSatang, 0)) },
        ]}
        summary={() =>
          rows.length > 0 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <strong>{t('welfareMoney.books.totals')}</strong>{' '}
                {debit === credit ? (
                  <Typography.Text type="success" data-testid="trial-balanced">
                    <CheckCircleFilled /> {t('welfareMoney.books.balanced')}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="danger">{t('welfareMoney.books.unbalanced', { difference: formatSatang(Math.abs(debit - credit)) })}</Typography.Text>
                )}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <strong data-testid="trial-debit" style={{ whiteSpace: 'nowrap' }}>{formatSatang(debit)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <strong data-testid="trial-credit" style={{ whiteSpace: 'nowrap' }}>{formatSatang(credit)}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
    </Card>
  );
}
