import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Checkbox, Descriptions, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, SaveOutlined, WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call, type OutputOf } from '../../api';
import { useFailure } from '../../ui/apiErrors';
import { usePageKeys } from '../../ui/keyboard';
import { formatSatang } from '../../ui/money';
import { showDate, showDateTime } from '../../ui/thaiDates';
import { BahtInput } from '../BahtInput';
import { useCanPostMoney } from '../books/booksStore';
import { MonthPicker, lastMonth, showMonth } from './MonthPicker';
import { moneyAccountName, useMoneyAccounts } from './moneyStore';

type Reconciliation = OutputOf<'welfare.bank.reconciliation.get'>;
type Line = Reconciliation['lines'][number];

const money = (satang: number) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatSatang(satang)}</span>;

/**
 * กระทบยอดเงินฝากธนาคาร: for one bank account and month, the treasurer types the bank book's balance and ticks the
 * fund's lines the bank book shows; the screen works out, as they tick, whether ledger − uncleared = the bank book.
 */
export function ReconciliationPanel() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const canPost = useCanPostMoney();
  const accounts = useMoneyAccounts((state) => state.accounts);
  const version = useMoneyAccounts((state) => state.version);
  const banks = (accounts ?? []).filter((account) => account.reportLine === 'bank');
  const [chosenAccountId, setAccountId] = useState<number | null>(null);
  const accountId = chosenAccountId ?? banks.find((account) => account.active)?.id ?? banks[0]?.id ?? null;
  const [month, setMonth] = useState(lastMonth());
  const [data, setData] = useState<Reconciliation | null>(null);
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  const [bankBalance, setBankBalance] = useState<number | null>(null);
  const [failure, setFailure] = useFailure();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (accountId === null) return;
    let current = true;
    call('welfare.bank.reconciliation.get', { accountId, month }).then(
      (result) => {
        if (!current) return;
        setData(result);
        setTicked(new Set(result.lines.filter((line) => line.cleared).map((line) => line.lineId)));
        setBankBalance(result.saved?.bankBalanceSatang ?? null);
        setFailure(null);
      },
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [accountId, month, setFailure, version]);

  const shown = data && data.account.id === accountId && data.month === month ? data : null;
  const uncleared = (shown?.lines ?? []).filter((line) => !ticked.has(line.lineId));
  const depositsInTransit = uncleared.filter((line) => line.amountSatang > 0).reduce((sum, line) => sum + line.amountSatang, 0);
  const paymentsNotPresented = -uncleared.filter((line) => line.amountSatang < 0).reduce((sum, line) => sum + line.amountSatang, 0);
  const expected = (shown?.ledgerBalanceSatang ?? 0) - depositsInTransit + paymentsNotPresented;
  const typed = bankBalance !== null && Number.isFinite(bankBalance) ? bankBalance : null;
  const difference = typed === null ? null : typed - expected;

  function toggle(line: Line, on: boolean) {
    setTicked((before) => {
      const next = new Set(before);
      if (on) next.add(line.lineId);
      else next.delete(line.lineId);
      return next;
    });
  }

  async function save() {
    if (saving) return;
    if (!shown || accountId === null) return;
    if (typed === null) {
      setFailure(() => t('welfareBank.reconcile.bankBalanceRequired'));
      return;
    }
    setSaving(true);
    try {
      const result = await call('welfare.bank.reconciliation.save', { accountId, month, bankBalanceSatang: typed, clearedLineIds: [...ticked] });
      setData(result);
      setFailure(null);
      message.success(t('welfareBank.reconcile.saved', { month: showMonth(month) }));
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  // Ctrl+S saves, as on the collection sheet; there is nothing to cancel
  usePageKeys(() => void save(), () => undefined);

  if (accounts !== null && banks.length === 0) return <Empty description={t('welfareBank.reconcile.noBank')} />;

  return (
    <Card title={t('welfareBank.reconcile.title')} data-testid="reconciliation">
      <Space wrap align="end" style={{ marginBottom: 16 }}>
        <label>
          <div>{t('welfareBank.reconcile.account')}</div>
          <Select
            value={accountId ?? undefined}
            onChange={setAccountId}
            style={{ width: 420 }}
            options={banks.map((account) => ({ value: account.id, label: moneyAccountName(account, i18n.language) }))}
            data-testid="reconcile-account"
          />
        </label>
        <label>
          <div>{t('welfareBank.month')}</div>
          <MonthPicker value={month} onChange={setMonth} testId="reconcile" />
        </label>
      </Space>
      <Typography.Paragraph type="secondary">{t('welfareBank.reconcile.hint')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="reconcile-failure" />}
      {shown && (
        <>
          <Space align="end" wrap style={{ marginBottom: 16 }}>
            <label>
              <div>{t('welfareBank.reconcile.bankBalance', { date: showDate(shown.monthEnd) })}</div>
              <div style={{ width: 220 }}>
                <BahtInput key={`${shown.account.id}-${shown.month}`} value={bankBalance} onChange={setBankBalance} aria-label={t('welfareBank.reconcile.typedBalance')} data-testid="reconcile-bank-balance" />
              </div>
            </label>
            <Typography.Text type="secondary" data-testid="reconcile-saved">
              {shown.saved
                ? t('welfareBank.reconcile.savedAt', { at: showDateTime(shown.saved.savedAt), bank: formatSatang(shown.saved.bankBalanceSatang), difference: formatSatang(shown.saved.differenceSatang) })
                : t('welfareBank.reconcile.notSaved')}
            </Typography.Text>
          </Space>
          {shown.saved && shown.saved.ledgerBalanceSatang !== shown.ledgerBalanceSatang && (
            <Alert type="warning" showIcon title={t('welfareBank.reconcile.changedSince', { then: formatSatang(shown.saved.ledgerBalanceSatang) })} style={{ marginBottom: 12 }} />
          )}
          <Typography.Title level={5}>{t('welfareBank.reconcile.lines')}</Typography.Title>
          <Table<Line>
            size="small"
            rowKey="lineId"
            dataSource={shown.lines}
            pagination={false}
            scroll={{ y: 420 }}
            locale={{ emptyText: t('welfareBank.reconcile.noLines') }}
            columns={[
              {
                key: 'cleared',
                title: t('welfareBank.reconcile.cleared'),
                width: 160,
                align: 'center',
                render: (_, line) => (
                  <Checkbox
                    checked={ticked.has(line.lineId)}
                    disabled={!canPost}
                    onChange={(event) => toggle(line, event.target.checked)}
                    aria-label={t('welfareBank.reconcile.clearedFor', { date: showDate(line.entryDate, 'short'), description: line.description })}
                    data-testid={`reconcile-line-${line.lineId}`}
                  />
                ),
              },
              { key: 'date', title: t('welfareBank.reconcile.date'), width: 110, render: (_, line) => <span style={{ whiteSpace: 'nowrap' }}>{showDate(line.entryDate, 'short')}</span> },
              {
                key: 'description',
                title: t('welfareBank.reconcile.description'),
                render: (_, line) => (
                  <>
                    {line.description}
                    {line.clearedMonth !== null && line.clearedMonth > month && !ticked.has(line.lineId) && (
                      <Tag style={{ marginLeft: 8 }}>{t('welfareBank.reconcile.clearedLater', { month: showMonth(line.clearedMonth) })}</Tag>
                    )}
                  </>
                ),
              },
              { key: 'in', title: t('welfareBank.reconcile.deposit'), width: 150, align: 'right', render: (_, line) => (line.amountSatang > 0 ? money(line.amountSatang) : '') },
              { key: 'out', title: t('welfareBank.reconcile.withdrawal'), width: 150, align: 'right', render: (_, line) => (line.amountSatang < 0 ? money(-line.amountSatang) : '') },
            ]}
          />
          <Descriptions bordered size="small" column={1} style={{ marginTop: 16, maxWidth: 640 }} data-testid="reconcile-figures" styles={{ content: { textAlign: 'right' } }}>
            <Descriptions.Item label={t('welfareBank.reconcile.ledgerBalance')}>{money(shown.ledgerBalanceSatang)}</Descriptions.Item>
            <Descriptions.Item label={t('welfareBank.reconcile.depositsInTransit')}>
              <span data-testid="reconcile-in-transit">{money(depositsInTransit)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('welfareBank.reconcile.paymentsNotPresented')}>
              <span data-testid="reconcile-not-presented">{money(paymentsNotPresented)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={<strong>{t('welfareBank.reconcile.expected')}</strong>}>
              <strong data-testid="reconcile-expected">{money(expected)}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('welfareBank.reconcile.typedBalance')}>{typed === null ? '' : money(typed)}</Descriptions.Item>
          </Descriptions>
          <div style={{ marginTop: 12 }} data-testid="reconcile-result">
            {difference === null ? null : difference === 0 ? (
              <Typography.Text type="success" strong>
                <CheckCircleFilled /> {t('welfareBank.reconcile.matches')}
              </Typography.Text>
            ) : (
              <>
                <Typography.Text type="danger" strong>
                  <WarningFilled /> {t('welfareBank.reconcile.difference', { difference: formatSatang(difference) })}
                </Typography.Text>
                <Typography.Paragraph type="secondary">{t('welfareBank.reconcile.differenceHint')}</Typography.Paragraph>
              </>
            )}
          </div>
          {canPost && (
            <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} style={{ marginTop: 12 }} data-testid="reconcile-save">
              {t('welfareBank.reconcile.save')}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
