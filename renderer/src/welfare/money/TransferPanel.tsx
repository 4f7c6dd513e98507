import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { call, type OutputOf } from '../../api';
import { useFailure, errorOutsideForm } from '../../ui/apiErrors';
import { enterMovesToNextField } from '../../ui/keyboard';
import { formatSatang } from '../../ui/money';
import { ThaiDatePicker } from '../../ui/ThaiDatePicker';
import { showDate, todayIso } from '../../ui/thaiDates';
import { BahtInput, bahtRule } from '../BahtInput';
import { useCanPostMoney } from '../books/booksStore';
import { MonthPicker, thisMonth } from './MonthPicker';
import { moneyAccountName, useMoneyAccounts, useMonthList } from './moneyStore';

type Transfer = OutputOf<'welfare.transfers.list'>[number];

interface TransferValues {
  fromAccountId: number | null;
  toAccountId: number | null;
  transferDate: string | null;
  amountSatang: number | null;
  description: string;
}
const transferFields = ['fromAccountId', 'toAccountId', 'transferDate', 'amountSatang', 'description'];

/** ฝาก/ถอน/โอน: cash into the bank, out of it, or from one bank account to another; a wrong one is reversed. */
export function TransferPanel() {
  const { t, i18n } = useTranslation();
  const { modal, message } = AntApp.useApp();
  const canPost = useCanPostMoney();
  const accounts = useMoneyAccounts((state) => state.accounts);
  const reload = useMoneyAccounts((state) => state.reload);
  const version = useMoneyAccounts((state) => state.version);
  const [form] = Form.useForm<TransferValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useFailure();
  const [month, setMonth] = useState(thisMonth());
  const [reversing, setReversing] = useState<Transfer | null>(null);

  const { list, failure: listFailure } = useMonthList('welfare.transfers.list', month, version);

  const active = (accounts ?? []).filter((account) => account.active);
  const options = active.map((account) => ({ value: account.id, label: t('welfareBank.transfer.accountOption', { name: moneyAccountName(account, i18n.language), balance: formatSatang(account.balanceSatang) }) }));
  const nameOf = (id: number | null) => {
    const account = (accounts ?? []).find((row) => row.id === id);
    return account ? moneyAccountName(account, i18n.language) : '';
  };

  async function save(values: TransferValues) {
    if (busy) return;
    setFailure(null);
    const confirmed = await modal.confirm({
      title: t('welfareBank.transfer.confirmTitle', { amount: formatSatang(values.amountSatang!) }),
      content: t('welfareBank.transfer.confirmBody', { from: nameOf(values.fromAccountId), to: nameOf(values.toAccountId), date: showDate(values.transferDate) }),
      okText: t('welfareBank.transfer.save'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'transfer-confirm' },
    });
    if (!confirmed) return;
    setBusy(true);
    try {
      const saved = await call('welfare.transfers.create', {
        fromAccountId: values.fromAccountId!,
        toAccountId: values.toAccountId!,
        transferDate: values.transferDate!,
        amountSatang: values.amountSatang!,
        description: values.description ?? '',
      });
      message.success(t('welfareBank.transfer.saved', { amount: formatSatang(saved.amountSatang) }));
      form.resetFields(['amountSatang', 'description']);
      setMonth(saved.transferDate.slice(0, 7));
      await reload();
    } catch (error) {
      setFailure(errorOutsideForm(form, error, transferFields));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {canPost && (
        <Card title={t('welfareBank.transfer.title')} data-testid="transfer-form">
          <Form<TransferValues>
            form={form}
            layout="vertical"
            initialValues={{ transferDate: todayIso(), fromAccountId: null, toAccountId: null, description: '' }}
            onFinish={(values) => void save(values)}
            onKeyDown={enterMovesToNextField(() => form.submit())}
          >
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="fromAccountId" label={t('welfareBank.transfer.from')} rules={[{ required: true, message: t('welfareBank.transfer.fromRequired') }]}>
                  <Select showSearch={{ optionFilterProp: 'label' }} options={options} data-testid="transfer-from" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="toAccountId"
                  label={t('welfareBank.transfer.to')}
                  dependencies={['fromAccountId']}
                  rules={[
                    { required: true, message: t('welfareBank.transfer.toRequired') },
                    ({ getFieldValue }) => ({
                      validator: (_, value: number | null) => (value !== null && value === getFieldValue('fromAccountId') ? Promise.reject(new Error(t('welfareBank.transfer.same'))) : Promise.resolve()),
                    }),
                  ]}
                >
                  <Select showSearch={{ optionFilterProp: 'label' }} options={options} data-testid="transfer-to" />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="transferDate" label={t('welfareBank.transfer.date')} rules={[{ required: true, message: t('welfareBank.transfer.dateRequired') }]}>
                  <ThaiDatePicker maxDate={todayIso()} style={{ width: '100%' }} data-testid="transfer-date" />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item
                  name="amountSatang"
                  label={t('welfareBank.transfer.amount')}
                  required
                  rules={[bahtRule({ notAmount: t('welfareBank.amountNotNumber'), required: t('welfareBank.amountRequired'), positive: t('welfareBank.amountPositive') })]}
                >
                  <BahtInput data-testid="transfer-amount" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="description" label={t('welfareBank.transfer.description')}>
                  <Input maxLength={300} data-testid="transfer-description" />
                </Form.Item>
              </Col>
            </Row>
            {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="transfer-failure" />}
            <Button type="primary" htmlType="submit" icon={<SwapOutlined />} loading={busy} data-testid="transfer-save">
              {t('welfareBank.transfer.save')}
            </Button>
          </Form>
        </Card>
      )}

      <Card title={t('welfareBank.transfer.listTitle')} extra={<MonthPicker value={month} onChange={setMonth} testId="transfer-list" />} data-testid="transfer-list">
        {listFailure && <Alert type="error" showIcon title={listFailure} style={{ marginBottom: 12 }} />}
        <Table<Transfer>
          size="small"
          rowKey="entryId"
          dataSource={list ?? []}
          loading={list === null && !listFailure}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('welfareBank.transfer.empty') }}
          columns={[
            { key: 'date', title: t('welfareBank.transfer.columns.date'), width: 110, render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{showDate(row.transferDate, 'short')}</span> },
            { key: 'description', title: t('welfareBank.transfer.columns.description'), dataIndex: 'description' },
            {
              key: 'amount',
              title: t('welfareBank.transfer.columns.amount'),
              width: 150,
              align: 'right',
              render: (_, row) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', textDecoration: row.reversedOn ? 'line-through' : undefined }}>{formatSatang(row.amountSatang)}</span>,
            },
            {
              key: 'status',
              title: t('welfareBank.transfer.columns.status'),
              width: 200,
              render: (_, row) =>
                row.reversedOn ? (
                  <span>
                    <Tag color="warning">{t('welfareBank.reversed')}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {showDate(row.reversedOn, 'short')}
                    </Typography.Text>
                  </span>
                ) : canPost ? (
                  <Button size="small" danger icon={<RollbackOutlined />} onClick={() => setReversing(row)} data-testid={`transfer-reverse-${row.entryId}`}>
                    {t('welfareBank.transfer.reverse')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {reversing && (
        <ReasonDialog
          title={t('welfareBank.transfer.reverseTitle', { amount: formatSatang(reversing.amountSatang) })}
          okText={t('welfareBank.transfer.reverse')}
          reasonLabel={t('welfareBank.transfer.reverseReason')}
          reasonRequired={t('welfareBank.transfer.reverseReasonRequired')}
          field="voidReason"
          testId="transfer-reverse"
          submit={(voidReason) => call('welfare.transfers.reverse', { entryId: reversing.entryId, voidReason })}
          onClose={() => setReversing(null)}
          onDone={async () => {
            message.success(t('welfareBank.transfer.reversedMessage'));
            setReversing(null);
            await reload();
          }}
        >
          <Typography.Paragraph>{t('welfareBank.transfer.reverseBody', { description: reversing.description })}</Typography.Paragraph>
        </ReasonDialog>
      )}
    </Space>
  );
}
