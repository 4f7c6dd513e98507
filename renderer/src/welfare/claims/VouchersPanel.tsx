import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { call } from '../../api';
import { reportError, useFailure } from '../../ui/apiErrors';
import { showDate } from '../../ui/thaiDates';
import { formatSatang } from '../../ui/money';
import { useBooks, useCanPostMoney } from '../books/booksStore';
import { printVoucher, type Payout } from './claimsFormat';

type Kind = 'all' | 'claims' | 'expenses';

/**
 * ใบสำคัญจ่าย: every voucher, newest first, benefits and expenses. A wrong one is voided by reversal, never
 * deleted: it stays here marked ยกเลิก with its reason, its number is never used again, and a claim it paid can
 * be paid again. `generation` reloads the list after something is paid elsewhere on the page.
 */
export function VouchersPanel({ kind: fixedKind, generation = 0 }: { kind?: Kind; generation?: number }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const canPost = useCanPostMoney();
  const reloadBooks = useBooks((state) => state.reload);
  const [chosenKind, setKind] = useState<Kind>('all');
  const kind = fixedKind ?? chosenKind;
  const [payouts, setPayouts] = useState<Payout[] | null>(null);
  const [failure, setFailure] = useFailure();
  const [voiding, setVoiding] = useState<Payout | null>(null);
  const [printing, setPrinting] = useState<number | null>(null);
  const [own, setOwn] = useState(0);

  useEffect(() => {
    let current = true;
    call('welfare.payouts.list', { kind }).then(
      (list) => current && (setPayouts(list), setFailure(null)),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [kind, generation, own, setFailure]);

  async function print(payout: Payout) {
    setPrinting(payout.id);
    try {
      await printVoucher(payout.id);
    } catch (error) {
      message.error(reportError(error));
    } finally {
      setPrinting(null);
    }
  }

  const live = (payouts ?? []).filter((payout) => payout.voidedOn === null);
  return (
    <div data-testid="vouchers-panel">
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        {!fixedKind && (
          <Segmented
            value={kind}
            onChange={(value) => setKind(value as Kind)}
            options={(['all', 'claims', 'expenses'] as const).map((value) => ({ value, label: t(`welfareClaims.vouchers.kind.${value}`) }))}
          />
        )}
        <Typography.Text data-testid="vouchers-summary">
          {t('welfareClaims.vouchers.summary', { count: live.length, total: formatSatang(live.reduce((sum, payout) => sum + payout.totalSatang, 0)), voided: (payouts?.length ?? 0) - live.length })}
        </Typography.Text>
      </Space>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} role="alert" />}
      <Table<Payout>
        size="small"
        rowKey="id"
        dataSource={payouts ?? []}
        loading={payouts === null && !failure}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('welfareClaims.vouchers.empty') }}
        columns={[
          { key: 'number', title: t('welfareClaims.vouchers.number'), width: 80, render: (_, payout) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{payout.voucherNumber}</span> },
          { key: 'date', title: t('welfareClaims.vouchers.date'), width: 110, render: (_, payout) => <span style={{ whiteSpace: 'nowrap' }}>{showDate(payout.payoutDate, 'short')}</span> },
          { key: 'recipient', title: t('welfareClaims.vouchers.recipient'), width: 220, dataIndex: 'recipientName' },
          {
            key: 'items',
            title: t('welfareClaims.vouchers.items'),
            render: (_, payout) => (
              <>
                {payout.lines.map((line) => (
                  <div key={line.id} style={{ overflowWrap: 'anywhere' }}>
                    {line.description}
                  </div>
                ))}
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {[payout.lines[0] && `${payout.lines[0].accountCode} ${payout.lines[0].accountName}`, payout.paidFrom && t('welfareClaims.vouchers.paidFrom', { account: `${payout.paidFrom.code} ${payout.paidFrom.name}` })].filter(Boolean).join(' · ')}
                </Typography.Text>
              </>
            ),
          },
          {
            key: 'amount',
            title: <span style={{ whiteSpace: 'nowrap' }}>{t('welfareClaims.vouchers.amount')}</span>,
            width: 140,
            align: 'right',
            render: (_, payout) => (
              <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', textDecoration: payout.voidedOn ? 'line-through' : undefined }} data-testid={`voucher-amount-${payout.voucherNumber}`}>
                {formatSatang(payout.totalSatang)}
              </span>
            ),
          },
          {
            key: 'actions',
            title: '',
            width: 220,
            render: (_, payout) => (
              <Space orientation="vertical" size={6}>
                <Button size="small" icon={<PrinterOutlined />} loading={printing === payout.id} onClick={() => void print(payout)} data-testid={`voucher-print-${payout.voucherNumber}`}>
                  {t('welfareClaims.vouchers.print')}
                </Button>
                {payout.voidedOn ? (
                  <div data-testid={`voucher-voided-${payout.voucherNumber}`}>
                    <Tag color="error">{t('welfareClaims.vouchers.voided')}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {t('welfareClaims.vouchers.voidedOn', { date: showDate(payout.voidedOn), reason: payout.voidReason })}
                    </Typography.Text>
                  </div>
                ) : canPost ? (
                  <Button size="small" danger icon={<StopOutlined />} onClick={() => setVoiding(payout)} data-testid={`voucher-void-${payout.voucherNumber}`}>
                    {t('welfareClaims.vouchers.void')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {voiding && (
        <ReasonDialog
          title={t('welfareClaims.vouchers.voidTitle', { number: voiding.voucherNumber })}
          okText={t('welfareClaims.vouchers.voidConfirm')}
          reasonLabel={t('welfareClaims.vouchers.voidReason')}
          reasonRequired={t('welfareClaims.vouchers.voidReasonRequired')}
          placeholder={t('welfareClaims.vouchers.voidReasonPlaceholder')}
          field="reason"
          testId="voucher-void"
          submit={(reason) => call('welfare.payouts.void', { payoutId: voiding.id, reason })}
          onClose={() => setVoiding(null)}
          onDone={async () => {
            message.success(t('welfareClaims.vouchers.voidedMessage', { number: voiding.voucherNumber }));
            setVoiding(null);
            setOwn((value) => value + 1);
            await reloadBooks();
          }}
        >
          <Typography.Paragraph>{t('welfareClaims.vouchers.voidWhat', { recipient: voiding.recipientName, amount: formatSatang(voiding.totalSatang), date: showDate(voiding.payoutDate) })}</Typography.Paragraph>
          <Alert type="info" showIcon title={voiding.claimId !== null ? t('welfareClaims.vouchers.voidKeptClaim') : t('welfareClaims.vouchers.voidKept')} style={{ marginBottom: 16 }} />
        </ReasonDialog>
      )}
    </div>
  );
}
