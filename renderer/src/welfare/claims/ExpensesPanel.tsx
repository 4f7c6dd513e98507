import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, type OutputOf } from '../../api';
import { useSession } from '../../app/store';
import { useFailure, errorOutsideForm } from '../../ui/apiErrors';
import { ThaiDatePicker } from '../../ui/ThaiDatePicker';
import { todayIso } from '../../ui/thaiDates';
import { formatSatang } from '../../ui/money';
import { BahtInput, bahtRule } from '../BahtInput';
import { useBooks, useCanPostMoney } from '../books/booksStore';
import { FromAccountSelect } from './ClaimActions';
import { printVoucher } from './claimsFormat';
import { VouchersPanel } from './VouchersPanel';

interface ExpenseValues {
  accountCode?: string;
  description: string;
  amountSatang: number | null;
  recipientName: string;
  recipientAddress: string;
  expenseDate: string | null;
  fromAccountId: number | null;
}

type Saved = OutputOf<'welfare.expenses.create'>;

/**
 * ค่าใช้จ่ายบริหาร: what the fund pays to run itself (wages, travel, stationery, meetings …), each with a voucher.
 * The core warns when the year's administration costs pass the cap on its income; the warning stays on screen.
 */
export function ExpensesPanel() {
  const { t } = useTranslation();
  const language = useSession((state) => state.language);
  const { message } = AntApp.useApp();
  const canPost = useCanPostMoney();
  const accounts = useBooks((state) => state.accounts);
  const reloadBooks = useBooks((state) => state.reload);
  const [form] = Form.useForm<ExpenseValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useFailure();
  const [saved, setSaved] = useState<Saved | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => void reloadBooks(), [reloadBooks]);
  // the 52xx accounts and the fund's own expense accounts; benefits (5101) are paid through claims
  const kinds = accounts.filter((account) => account.kind === 'expense' && account.active && account.code !== '5101');

  async function submit(values: ExpenseValues) {
    setBusy(true);
    setFailure(null);
    try {
      const result = await call('welfare.expenses.create', {
        expenseDate: values.expenseDate ?? '',
        accountCode: values.accountCode ?? '',
        description: values.description,
        amountSatang: values.amountSatang ?? 0,
        recipientName: values.recipientName,
        recipientAddress: values.recipientAddress ?? '',
        fromAccountId: values.fromAccountId ?? null,
      });
      setSaved(result);
      message.success(t('welfareClaims.expenses.saved', { number: result.payout.voucherNumber, amount: formatSatang(result.payout.totalSatang) }));
      form.resetFields();
      setGeneration((value) => value + 1);
      void reloadBooks();
    } catch (error) {
      setFailure(errorOutsideForm(form, error, ['expenseDate', 'accountCode', 'description', 'amountSatang', 'recipientName', 'recipientAddress', 'fromAccountId']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="expenses-panel">
      {canPost && (
        <Card title={t('welfareClaims.expenses.new')} size="small" style={{ marginBottom: 16 }}>
          <Form<ExpenseValues>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={{ expenseDate: todayIso(), description: '', amountSatang: null, recipientName: '', recipientAddress: '', fromAccountId: null }}
            onFinish={(values) => void submit(values)}
            data-testid="expense-form"
          >
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item label={t('welfareClaims.expenses.kind')} name="accountCode" rules={[{ required: true, message: t('welfareClaims.expenses.kindRequired') }]}>
                  <Select options={kinds.map((account) => ({ value: account.code, label: `${account.code} ${language === 'en' && account.nameEn ? account.nameEn : account.nameTh}` }))} data-testid="expense-kind" />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item label={t('welfareClaims.expenses.description')} name="description" rules={[{ required: true, whitespace: true, message: t('welfareClaims.expenses.descriptionRequired') }]}>
                  <Input maxLength={300} showCount data-testid="expense-description" />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item
                  label={t('welfareClaims.expenses.amount')}
                  name="amountSatang"
                  rules={[bahtRule({ notAmount: t('welfareClaims.expenses.notAmount'), required: t('welfareClaims.expenses.amountRequired'), positive: t('welfareClaims.expenses.amountPositive') })]}
                >
                  <BahtInput data-testid="expense-amount" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label={t('welfareClaims.expenses.recipient')} name="recipientName" rules={[{ required: true, whitespace: true, message: t('welfareClaims.expenses.recipientRequired') }]}>
                  <Input maxLength={200} data-testid="expense-recipient" />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item label={`${t('welfareClaims.pay.address')} ${t('common.optional')}`} name="recipientAddress">
                  <Input maxLength={300} data-testid="expense-address" />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item label={t('welfareClaims.expenses.date')} name="expenseDate" rules={[{ required: true, message: t('welfareClaims.pay.dateRequired') }]}>
                  <ThaiDatePicker maxDate={todayIso()} style={{ width: '100%' }} data-testid="expense-date" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label={t('welfareClaims.pay.from')} name="fromAccountId">
                  <FromAccountSelect data-testid="expense-from" />
                </Form.Item>
              </Col>
            </Row>
            {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} role="alert" />}
            <Button type="primary" htmlType="submit" loading={busy} data-testid="expense-save">
              {t('welfareClaims.expenses.save')}
            </Button>
          </Form>
        </Card>
      )}
      {saved?.warning && (
        <Alert
          type="warning"
          showIcon
          title={t('welfareClaims.expenses.overCap')}
          description={language === 'en' ? saved.warning.en : saved.warning.th}
          style={{ marginBottom: 16 }}
          closable={{ onClose: () => setSaved(null) }}
          action={
            <Button size="small" onClick={() => void printVoucher(saved.payout.id)}>
              {t('welfareClaims.vouchers.print')}
            </Button>
          }
          data-testid="expense-cap-warning"
        />
      )}
      {saved && !saved.warning && (
        <Alert
          type="success"
          showIcon
          title={t('welfareClaims.expenses.savedTitle', { number: saved.payout.voucherNumber })}
          description={t('welfareClaims.expenses.capState', { admin: formatSatang(saved.adminCosts.adminSatang), cap: formatSatang(saved.adminCosts.capSatang), year: saved.adminCosts.year })}
          action={
            <Button size="small" onClick={() => void printVoucher(saved.payout.id)}>
              {t('welfareClaims.vouchers.print')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <VouchersPanel kind="expenses" generation={generation} />
    </div>
  );
}
