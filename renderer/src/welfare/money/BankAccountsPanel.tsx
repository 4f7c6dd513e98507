import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useFailure, errorOutsideForm } from '../../ui/apiErrors';
import { enterMovesToNextField } from '../../ui/keyboard';
import { formatSatang } from '../../ui/money';
import { useBooks, useCanPostMoney } from '../books/booksStore';
import { useMoneyAccounts, type MoneyAccount } from './moneyStore';

interface AccountValues {
  nameTh: string;
  bankAccount: string;
}
const accountFields = ['nameTh', 'bankAccount'];

/** บัญชีเงินฝาก: cash on hand and the bank accounts with today's balance; add, rename, close an empty one. */
export function BankAccountsPanel() {
  const { t, i18n } = useTranslation();
  const { modal, message } = AntApp.useApp();
  const canPost = useCanPostMoney();
  const accounts = useMoneyAccounts((state) => state.accounts);
  const failure = useMoneyAccounts((state) => state.failure);
  const reload = useMoneyAccounts((state) => state.reload);
  const reloadBooks = useBooks((state) => state.reload);
  const [form] = Form.useForm<AccountValues>();
  const [busy, setBusy] = useState(false);
  const [formFailure, setFormFailure] = useFailure();
  const [renaming, setRenaming] = useState<MoneyAccount | null>(null);
  const [closeFailure, setCloseFailure] = useFailure();

  async function add(values: AccountValues) {
    setBusy(true);
    setFormFailure(null);
    try {
      const account = await call('welfare.bankAccounts.create', values);
      message.success(t('welfareBank.accounts.added', { name: account.nameTh }));
      form.resetFields();
      await Promise.all([reload(), reloadBooks()]);
    } catch (error) {
      setFormFailure(errorOutsideForm(form, error, accountFields));
    } finally {
      setBusy(false);
    }
  }

  async function close(account: MoneyAccount) {
    setCloseFailure(null);
    const confirmed = await modal.confirm({
      title: t('welfareBank.accounts.closeTitle', { name: account.nameTh }),
      content: t('welfareBank.accounts.closeBody'),
      okText: t('welfareBank.accounts.close'),
      okButtonProps: { danger: true, 'data-testid': 'account-close-confirm' },
      cancelText: t('common.cancel'),
    });
    if (!confirmed) return;
    try {
      await call('welfare.bankAccounts.deactivate', { accountId: account.id });
      message.success(t('welfareBank.accounts.closedMessage', { name: account.nameTh }));
      await Promise.all([reload(), reloadBooks()]);
    } catch (error) {
      setCloseFailure(error);
    }
  }

  return (
    <Card title={t('welfareBank.accounts.title')} data-testid="bank-accounts">
      {(failure || closeFailure) && <Alert type="error" showIcon title={closeFailure ?? failure} style={{ marginBottom: 12 }} data-testid="bank-accounts-failure" />}
      <Table<MoneyAccount>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={accounts ?? []}
        loading={accounts === null && !failure}
        rowClassName={(account) => (account.active ? '' : 'receipt-voided')}
        columns={[
          { key: 'code', title: t('welfareBank.accounts.code'), dataIndex: 'code', width: 100 },
          { key: 'name', title: t('welfareBank.accounts.name'), width: 240, render: (_, account) => (i18n.language === 'en' ? account.nameEn || account.nameTh : account.nameTh) },
          { key: 'bank', title: t('welfareBank.accounts.bankAccount'), render: (_, account) => <span style={{ whiteSpace: 'nowrap' }}>{account.bankAccount}</span> },
          {
            key: 'balance',
            title: t('welfareBank.accounts.balance'),
            width: 200,
            align: 'right',
            render: (_, account) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-testid={`account-balance-${account.code}`}>{formatSatang(account.balanceSatang)}</span>,
          },
          { key: 'status', title: t('welfareBank.accounts.status'), width: 100, render: (_, account) => (account.active ? <Tag color="success">{t('welfareBank.accounts.active')}</Tag> : <Tag>{t('welfareBank.accounts.closed')}</Tag>) },
          {
            key: 'actions',
            title: '',
            width: 220,
            render: (_, account) =>
              canPost && account.reportLine === 'bank' && account.active ? (
                <Space size="small">
                  <Button size="small" icon={<EditOutlined />} onClick={() => setRenaming(account)} data-testid={`account-rename-${account.code}`}>
                    {t('welfareBank.accounts.rename')}
                  </Button>
                  <Button size="small" danger icon={<StopOutlined />} onClick={() => void close(account)} data-testid={`account-close-${account.code}`}>
                    {t('welfareBank.accounts.close')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {canPost && (
        <Form form={form} layout="inline" style={{ marginTop: 16, rowGap: 8 }} onFinish={(values) => void add(values)} onKeyDown={enterMovesToNextField(() => form.submit())}>
          <Form.Item name="nameTh" label={t('welfareBank.accounts.name')} rules={[{ required: true, whitespace: true, message: t('welfareBank.accounts.nameRequired') }]}>
            <Input style={{ width: 220 }} maxLength={100} placeholder={t('welfareBank.accounts.namePlaceholder')} data-testid="account-name" />
          </Form.Item>
          <Form.Item name="bankAccount" label={t('welfareBank.accounts.bankAccount')} rules={[{ required: true, whitespace: true, message: t('welfareBank.accounts.bankAccountRequired') }]}>
            <Input style={{ width: 320 }} maxLength={200} placeholder={t('welfareBank.accounts.bankAccountPlaceholder')} data-testid="account-bank" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy} data-testid="account-add">
              {t('welfareBank.accounts.add')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {formFailure && <Alert type="error" showIcon title={formFailure} style={{ marginTop: 12 }} />}
      {renaming && (
        <RenameDialog
          account={renaming}
          onClose={() => setRenaming(null)}
          onSaved={async () => {
            message.success(t('welfareBank.accounts.renamed'));
            setRenaming(null);
            await Promise.all([reload(), reloadBooks()]);
          }}
        />
      )}
    </Card>
  );
}

function RenameDialog({ account, onClose, onSaved }: { account: MoneyAccount; onClose: () => void; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AccountValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useFailure();

  async function submit(values: AccountValues) {
    if (busy) return; // Enter pressed again while the first save is on its way
    setBusy(true);
    try {
      await call('welfare.bankAccounts.update', { accountId: account.id, ...values });
      await onSaved();
    } catch (error) {
      setFailure(errorOutsideForm(form, error, accountFields));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('welfareBank.accounts.renameTitle', { code: account.code })}
      onCancel={onClose}
      okText={t('welfareBank.accounts.save')}
      okButtonProps={{ loading: busy, 'data-testid': 'account-rename-save' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ nameTh: account.nameTh, bankAccount: account.bankAccount }} onFinish={(values) => void submit(values)} onKeyDown={enterMovesToNextField(() => form.submit())}>
        <Form.Item name="nameTh" label={t('welfareBank.accounts.name')} rules={[{ required: true, whitespace: true, message: t('welfareBank.accounts.nameRequired') }]}>
          <Input autoFocus maxLength={100} data-testid="account-rename-name" />
        </Form.Item>
        <Form.Item name="bankAccount" label={t('welfareBank.accounts.bankAccount')} rules={[{ required: true, whitespace: true, message: t('welfareBank.accounts.bankAccountRequired') }]}>
          <Input maxLength={200} placeholder={t('welfareBank.accounts.bankAccountPlaceholder')} data-testid="account-rename-bank" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
