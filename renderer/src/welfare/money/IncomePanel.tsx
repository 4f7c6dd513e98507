import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined, SaveOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { call, type OutputOf } from '../../api';
import { readOnlyRoles, useSession } from '../../app/store';
import { pdfBlobUrl } from '../../documents/documentsApi';
import { useFailure, errorOutsideForm } from '../../ui/apiErrors';
import { saveBase64 } from '../../ui/files';
import { enterMovesToNextField } from '../../ui/keyboard';
import { formatSatang } from '../../ui/money';
import { ThaiDatePicker } from '../../ui/ThaiDatePicker';
import { showDate, todayIso } from '../../ui/thaiDates';
import { BahtInput, bahtRule } from '../BahtInput';
import { useBooks, useCanPostMoney } from '../books/booksStore';
import { MonthPicker, thisMonth } from './MonthPicker';
import { moneyAccountName, useMoneyAccounts, useMonthList } from './moneyStore';

type Income = OutputOf<'welfare.income.list'>[number];

interface IncomeValues {
  sourceAccountId: number | null;
  moneyAccountId: number | null;
  incomeDate: string | null;
  amountSatang: number | null;
  payerName: string;
  codiRound: number | null;
  codiRoundApprovalDate: string | null;
  receiptBookId: number | null;
  description: string;
}
const incomeFields = ['sourceAccountId', 'moneyAccountId', 'incomeDate', 'amountSatang', 'payerName', 'codiRound', 'codiRoundApprovalDate', 'receiptBookId', 'description'];

/** What the description adds to the source's name ("รอบที่ 1 (พอช. อนุมัติ …)"), or the description typed. */
function detailOf(row: Income): string {
  return row.description.startsWith(row.source.nameTh) ? row.description.slice(row.source.nameTh.length).trim() : row.description;
}

/** Income that comes through the collection day, never as other money in (main/welfare/money-methods.ts). */
const collectedIncome = new Set(['4101', '4201']);

/** รับเงินอื่น: the form, then the month's other income with its receipts; a wrong one is voided. */
export function IncomePanel() {
  const { t, i18n } = useTranslation();
  const { modal, message } = AntApp.useApp();
  const canPost = useCanPostMoney();
  // a print counts (the next one says สำเนา): the viewer and the auditor, who change nothing, are refused it
  const mayPrintReceipts = useSession((state) => state.user !== null && !readOnlyRoles.includes(state.user.role));
  const accounts = useBooks((state) => state.accounts);
  const receiptBooks = useBooks((state) => state.receiptBooks);
  const reloadBooks = useBooks((state) => state.reload);
  const moneyAccounts = useMoneyAccounts((state) => state.accounts);
  const reloadMoney = useMoneyAccounts((state) => state.reload);
  const version = useMoneyAccounts((state) => state.version);
  const [form] = Form.useForm<IncomeValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useFailure();
  const [lastReceipt, setLastReceipt] = useState<{ id: number; bookNumber: string; number: number } | null>(null);
  const [month, setMonth] = useState(thisMonth());
  const [voiding, setVoiding] = useState<Income | null>(null);

  const { list, failure: listFailure } = useMonthList('welfare.income.list', month, version);

  const name = (account: { nameTh: string; nameEn: string }) => (i18n.language === 'en' ? account.nameEn || account.nameTh : account.nameTh);
  const sources = accounts.filter((account) => account.kind === 'income' && account.active && !collectedIncome.has(account.code));
  const into = (moneyAccounts ?? []).filter((account) => account.active);
  const usableBooks = (receiptBooks ?? []).filter((book) => book.nextNumber !== null);
  const sourceId = Form.useWatch('sourceAccountId', form);
  const moneyId = Form.useWatch('moneyAccountId', form);
  const source = accounts.find((account) => account.id === sourceId);
  const isMatching = source?.reportLine === 'codiMatching';
  const needsReceipt = source?.reportLine === 'donations' || into.find((account) => account.id === moneyId)?.reportLine === 'cash';

  async function save(values: IncomeValues) {
    if (busy) return;
    setFailure(null);
    const book = usableBooks.find((row) => row.id === values.receiptBookId) ?? null;
    const intoAccount = into.find((account) => account.id === values.moneyAccountId)!;
    const confirmed = await modal.confirm({
      title: t('welfareBank.income.confirmTitle', { amount: formatSatang(values.amountSatang!) }),
      content: (
        <>
          <p>{t('welfareBank.income.confirmBody', { source: source ? name(source) : '', payer: values.payerName.trim(), into: moneyAccountName(intoAccount, i18n.language), date: showDate(values.incomeDate) })}</p>
          {book && <p>{t('welfareBank.income.confirmReceipt', { book: book.bookNumber, number: book.nextNumber })}</p>}
        </>
      ),
      okText: t('welfareBank.income.save'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'income-confirm' },
    });
    if (!confirmed) return;
    setBusy(true);
    try {
      const saved = await call('welfare.income.create', {
        sourceAccountId: values.sourceAccountId!,
        moneyAccountId: values.moneyAccountId!,
        incomeDate: values.incomeDate!,
        amountSatang: values.amountSatang!,
        payerName: values.payerName,
        description: values.description ?? '',
        codiRound: isMatching ? (values.codiRound ?? null) : null,
        codiRoundApprovalDate: isMatching ? (values.codiRoundApprovalDate ?? null) : null,
        receiptBookId: values.receiptBookId ?? null,
      });
      const amount = formatSatang(saved.amountSatang);
      message.success(saved.receipt ? t('welfareBank.income.savedReceipt', { amount, book: saved.receipt.bookNumber, number: saved.receipt.number }) : t('welfareBank.income.saved', { amount }));
      setLastReceipt(saved.receipt);
      form.resetFields(['amountSatang', 'payerName', 'description', 'codiRound', 'codiRoundApprovalDate']);
      setMonth(saved.incomeDate.slice(0, 7));
      await Promise.all([reloadMoney(), reloadBooks()]);
    } catch (error) {
      setFailure(errorOutsideForm(form, error, incomeFields));
    } finally {
      setBusy(false);
    }
  }

  async function printReceipt(receiptId: number) {
    try {
      const printed = await call('welfare.receipts.print', { receiptIds: [receiptId] });
      if (!window.open(pdfBlobUrl(printed.pdfBase64), '_blank')) saveBase64(printed.fileName, printed.pdfBase64, 'application/pdf');
    } catch (error) {
      setFailure(error);
    }
  }

  const live = (list ?? []).filter((row) => row.voidedOn === null);
  const total = live.reduce((sum, row) => sum + row.amountSatang, 0);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {canPost && (
        <Card title={t('welfareBank.income.title')} data-testid="income-form">
          <Typography.Paragraph type="secondary">{t('welfareBank.income.hint')}</Typography.Paragraph>
          <Form<IncomeValues>
            form={form}
            layout="vertical"
            initialValues={{ incomeDate: todayIso(), sourceAccountId: null, moneyAccountId: null, receiptBookId: null, description: '' }}
            onFinish={(values) => void save(values)}
            onKeyDown={enterMovesToNextField(() => form.submit())}
          >
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="sourceAccountId" label={t('welfareBank.income.source')} rules={[{ required: true, message: t('welfareBank.income.sourceRequired') }]}>
                  <Select showSearch={{ optionFilterProp: 'label' }} options={sources.map((account) => ({ value: account.id, label: `${account.code} ${name(account)}` }))} data-testid="income-source" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="moneyAccountId" label={t('welfareBank.income.into')} rules={[{ required: true, message: t('welfareBank.income.intoRequired') }]}>
                  <Select showSearch={{ optionFilterProp: 'label' }} options={into.map((account) => ({ value: account.id, label: moneyAccountName(account, i18n.language) }))} data-testid="income-into" />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="incomeDate" label={t('welfareBank.income.date')} rules={[{ required: true, message: t('welfareBank.income.dateRequired') }]}>
                  <ThaiDatePicker maxDate={todayIso()} style={{ width: '100%' }} data-testid="income-date" />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item
                  name="amountSatang"
                  label={t('welfareBank.income.amount')}
                  required
                  rules={[bahtRule({ notAmount: t('welfareBank.amountNotNumber'), required: t('welfareBank.amountRequired'), positive: t('welfareBank.amountPositive') })]}
                >
                  <BahtInput data-testid="income-amount" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="payerName" label={t('welfareBank.income.payer')} rules={[{ required: true, whitespace: true, message: t('welfareBank.income.payerRequired') }]}>
                  <Input maxLength={100} placeholder={t('welfareBank.income.payerPlaceholder')} data-testid="income-payer" />
                </Form.Item>
              </Col>
              {isMatching && (
                <>
                  <Col xs={24} md={6}>
                    <Form.Item name="codiRound" label={t('welfareBank.income.round')} rules={[{ required: true, message: t('welfareBank.income.roundRequired') }]}>
                      <InputNumber min={1} max={999} precision={0} style={{ width: '100%' }} data-testid="income-round" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name="codiRoundApprovalDate" label={t('welfareBank.income.roundApproval')} rules={[{ required: true, message: t('welfareBank.income.roundApprovalRequired') }]}>
                      <ThaiDatePicker maxDate={todayIso()} style={{ width: '100%' }} data-testid="income-round-date" />
                    </Form.Item>
                  </Col>
                </>
              )}
              <Col xs={24} md={12}>
                <Form.Item name="receiptBookId" label={t('welfareBank.income.book')} rules={needsReceipt ? [{ required: true, message: t('welfareBank.income.bookRequired') }] : []}>
                  <Select
                    allowClear={!needsReceipt}
                    placeholder={t('welfareBank.income.bookNone')}
                    options={usableBooks.map((book) => ({ value: book.id, label: t('welfareBank.income.bookOption', { book: book.bookNumber, next: book.nextNumber }) }))}
                    data-testid="income-book"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="description" label={t('welfareBank.income.description')}>
                  <Input maxLength={300} placeholder={t('welfareBank.income.descriptionPlaceholder')} data-testid="income-description" />
                </Form.Item>
              </Col>
            </Row>
            {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="income-failure" />}
            <Space>
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy} data-testid="income-save">
                {t('welfareBank.income.save')}
              </Button>
              {lastReceipt && (
                <Button icon={<PrinterOutlined />} onClick={() => void printReceipt(lastReceipt.id)} data-testid="income-print">
                  {t('welfareBank.income.print')} {`${lastReceipt.bookNumber}/${lastReceipt.number}`}
                </Button>
              )}
            </Space>
          </Form>
        </Card>
      )}

      <Card
        title={t('welfareBank.income.listTitle')}
        extra={
          <Space>
            <Typography.Text data-testid="income-total">{t('welfareBank.income.total', { total: formatSatang(total) })}</Typography.Text>
            <MonthPicker value={month} onChange={setMonth} testId="income-list" />
          </Space>
        }
        data-testid="income-list"
      >
        {listFailure && <Alert type="error" showIcon title={listFailure} style={{ marginBottom: 12 }} />}
        <Table<Income>
          size="small"
          rowKey="id"
          dataSource={list ?? []}
          loading={list === null && !listFailure}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 980 }}
          locale={{ emptyText: t('welfareBank.income.empty') }}
          columns={[
            { key: 'date', title: t('welfareBank.income.columns.date'), width: 100, render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{showDate(row.incomeDate, 'short')}</span> },
            {
              key: 'source',
              title: t('welfareBank.income.columns.source'),
              width: 230,
              render: (_, row) => (
                <>
                  <div>{`${row.source.code} ${name(row.source)}`}</div>
                  {detailOf(row) && (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {detailOf(row)}
                    </Typography.Text>
                  )}
                  {row.codiRound !== null && !row.description.includes(`รอบที่ ${row.codiRound}`) && (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {t('welfareBank.income.roundShown', { round: row.codiRound, date: showDate(row.codiRoundApprovalDate) })}
                      </Typography.Text>
                    </div>
                  )}
                </>
              ),
            },
            // a name breaks between words only ("ศรีสุ/วรรณ์" would read as two names)
            { key: 'payer', title: t('welfareBank.income.columns.payer'), width: 190, render: (_, row) => <span style={{ wordBreak: 'keep-all' }}>{row.payerName}</span> },
            { key: 'into', title: t('welfareBank.income.columns.into'), width: 120, render: (_, row) => name(row.moneyAccount) },
            { key: 'receipt', title: t('welfareBank.income.receipt'), width: 70, render: (_, row) => (row.receipt ? `${row.receipt.bookNumber}/${row.receipt.number}` : t('welfareBank.income.noReceipt')) },
            {
              key: 'amount',
              title: t('welfareBank.income.columns.amount'),
              width: 130,
              align: 'right',
              render: (_, row) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', textDecoration: row.voidedOn ? 'line-through' : undefined }}>{formatSatang(row.amountSatang)}</span>,
            },
            {
              key: 'status',
              title: t('welfareBank.income.columns.status'),
              width: 140,
              render: (_, row) =>
                row.voidedOn ? (
                  <span data-testid={`income-voided-${row.id}`}>
                    <Tag color="error">{t('welfareBank.voided')}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {showDate(row.voidedOn, 'short')} {row.voidReason}
                    </Typography.Text>
                  </span>
                ) : (
                  <Space size="small">
                    {row.receipt && mayPrintReceipts && <Button size="small" icon={<PrinterOutlined />} aria-label={t('welfareBank.income.print')} onClick={() => void printReceipt(row.receipt!.id)} />}
                    {canPost && (
                      <Button size="small" danger icon={<StopOutlined />} onClick={() => setVoiding(row)} data-testid={`income-void-${row.id}`}>
                        {t('welfareBank.income.void')}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {voiding && (
        // a receipted income is voided through its receipt (kept, marked ยกเลิก); other income by a reversal
        <ReasonDialog
          title={voiding.receipt ? t('welfareBank.income.voidReceiptTitle', { book: voiding.receipt.bookNumber, number: voiding.receipt.number }) : t('welfareBank.income.voidTitle', { amount: formatSatang(voiding.amountSatang), payer: voiding.payerName })}
          okText={t('welfareBank.income.voidConfirm')}
          reasonLabel={t('welfareBank.income.voidReason')}
          reasonRequired={t('welfareBank.income.voidReasonRequired')}
          field={voiding.receipt ? 'reason' : 'voidReason'}
          testId="income-void"
          submit={(reason) => (voiding.receipt ? call('welfare.receipts.void', { receiptId: voiding.receipt.id, reason }) : call('welfare.income.void', { incomeId: voiding.id, voidReason: reason }))}
          onClose={() => setVoiding(null)}
          onDone={async () => {
            message.success(t('welfareBank.income.voidedMessage'));
            setVoiding(null);
            await Promise.all([reloadMoney(), reloadBooks()]);
          }}
        >
          <Typography.Paragraph>{t('welfareBank.income.voidBody')}</Typography.Paragraph>
        </ReasonDialog>
      )}
    </Space>
  );
}
