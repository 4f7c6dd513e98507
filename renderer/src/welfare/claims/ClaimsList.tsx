import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Flex, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useSession } from '../../app/store';
import { reportError, useFailure } from '../../ui/apiErrors';
import { showDate } from '../../ui/thaiDates';
import { formatSatang } from '../../ui/money';
import { useCanPostMoney } from '../books/booksStore';
import { useRegulation } from '../regulationStore';
import { benefitName, useCanKeepFund } from '../welfareFormat';
import { ApproveClaim, PayClaim } from './ClaimActions';
import { benefitOf, claimStatuses, printVoucher, statusColors, type Claim, type ClaimStatus } from './claimsFormat';
import { JudgementView, NewClaim } from './NewClaim';

/**
 * คำขอรับสวัสดิการ: every claim with its status (รอพิจารณา, อนุมัติแล้ว, ไม่อนุมัติ, จ่ายแล้ว), found by the
 * member's name or number. A row opens to the judgement kept with it; the buttons take a claim on: approve, pay,
 * print the voucher.
 */
export function ClaimsList() {
  const { t } = useTranslation();
  useSession((state) => state.language);
  const { message } = AntApp.useApp();
  const canKeep = useCanKeepFund();
  const canPay = useCanPostMoney();
  const versions = useRegulation((state) => state.versions);
  const ensureVersions = useRegulation((state) => state.ensureLoaded);
  const [claims, setClaims] = useState<Claim[] | null>(null);
  const [failure, setFailure] = useFailure();
  const [status, setStatus] = useState<ClaimStatus | 'all'>('all');
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const [approving, setApproving] = useState<Claim | null>(null);
  const [paying, setPaying] = useState<Claim | null>(null);
  const [printing, setPrinting] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => void ensureVersions(), [ensureVersions]);
  useEffect(() => {
    let current = true;
    call('welfare.claims.list', {}).then(
      (list) => current && (setClaims(list), setFailure(null)),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [generation, setFailure]);
  const reload = () => setGeneration((value) => value + 1);

  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = (claims ?? [])
    .filter((claim) => status === 'all' || claim.status === status)
    .filter((claim) => words.every((word) => `${claim.memberNumber} ${claim.memberName}`.toLowerCase().includes(word)))
    .reverse(); // newest first
  const counts = new Map(claimStatuses.map((code) => [code, (claims ?? []).filter((claim) => claim.status === code).length]));

  async function print(payoutId: number) {
    setPrinting(payoutId);
    try {
      await printVoucher(payoutId);
    } catch (error) {
      message.error(reportError(error));
    } finally {
      setPrinting(null);
    }
  }

  return (
    <div data-testid="claims-list">
      <Flex justify="space-between" align="end" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space wrap align="end">
          <Segmented
            value={status}
            onChange={(value) => setStatus(value as ClaimStatus | 'all')}
            options={[
              { value: 'all', label: t('welfareClaims.list.all', { count: claims?.length ?? 0 }) },
              ...claimStatuses.map((code) => ({ value: code, label: <span data-testid={`claims-filter-${code}`}>{t(`welfareClaims.status.${code}`)} ({counts.get(code) ?? 0})</span> })),
            ]}
            data-testid="claims-status"
          />
          <Input.Search allowClear value={search} onChange={(event) => setSearch(event.target.value)} placeholder={t('welfareClaims.list.search')} style={{ width: 300 }} data-testid="claims-search" />
        </Space>
        {canKeep && (
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="claim-new">
            {t('welfareClaims.list.new')}
          </Button>
        )}
      </Flex>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} role="alert" />}
      <Table<Claim>
        size="middle"
        rowKey="id"
        dataSource={shown}
        loading={claims === null && !failure}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1100 }}
        locale={{ emptyText: claims?.length ? t('welfareClaims.list.noneMatch') : t('welfareClaims.list.empty') }}
        expandable={{
          expandedRowRender: (claim) => (
            <div style={{ maxWidth: 900 }}>
              <JudgementView judgement={claim.judgement} />
              {claim.approvedBy && (
                <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
                  {t('welfareClaims.list.approvedBy', { meeting: claim.approvedBy, date: showDate(claim.approvalDate), user: claim.approverName ?? '' })}
                  {claim.secondApproverName && ` ${t('welfareClaims.list.secondApprover', { user: claim.secondApproverName })}`}
                </Typography.Paragraph>
              )}
            </div>
          ),
        }}
        columns={[
          {
            key: 'member',
            title: t('welfareClaims.list.member'),
            width: 260,
            render: (_, claim) => (
              <span data-testid={`claim-row-${claim.id}`}>
                <span style={{ fontVariantNumeric: 'tabular-nums' }}>{claim.memberNumber}</span> {claim.memberName}
              </span>
            ),
          },
          {
            key: 'benefit',
            title: t('welfareClaims.list.benefit'),
            width: 200,
            render: (_, claim) => {
              const benefit = versions ? benefitOf(versions, claim.benefitCode, claim.eventDate) : null;
              return benefit ? benefitName(benefit) : claim.benefitCode;
            },
          },
          { key: 'event', title: t('welfareClaims.list.eventDate'), width: 120, render: (_, claim) => <span style={{ whiteSpace: 'nowrap' }}>{showDate(claim.eventDate, 'short')}</span> },
          {
            key: 'amount',
            title: <span style={{ whiteSpace: 'nowrap' }}>{t('welfareClaims.list.amount')}</span>,
            width: 130,
            align: 'right',
            render: (_, claim) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-testid={`claim-amount-${claim.id}`}>{claim.status === 'refused' ? '–' : formatSatang(claim.amountSatang)}</span>,
          },
          {
            key: 'status',
            title: t('welfareClaims.list.status'),
            width: 250,
            render: (_, claim) => (
              <div data-testid={`claim-status-${claim.id}`}>
                <Tag color={statusColors[claim.status]}>{t(`welfareClaims.status.${claim.status}`)}</Tag>
                {claim.status === 'refused' && (
                  <Typography.Text type="danger" style={{ fontSize: 13, display: 'block' }}>
                    {claim.judgement.refusals[0]?.th}
                    {claim.judgement.refusals.length > 1 && ` ${t('welfareClaims.list.moreReasons', { count: claim.judgement.refusals.length - 1 })}`}
                  </Typography.Text>
                )}
                {claim.status === 'pending' && claim.approverUserId !== null && (
                  <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
                    {t('welfareClaims.list.waitingSecond', { user: claim.approverName ?? '' })}
                  </Typography.Text>
                )}
                {claim.payout && (
                  <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
                    {t('welfareClaims.list.paidOn', { number: claim.payout.voucherNumber, date: showDate(claim.payout.payoutDate, 'short') })}
                  </Typography.Text>
                )}
              </div>
            ),
          },
          {
            key: 'actions',
            title: '',
            width: 170,
            render: (_, claim) =>
              claim.status === 'pending' && canKeep ? (
                <Button onClick={() => setApproving(claim)} data-testid={`claim-approve-${claim.id}`}>
                  {claim.approverUserId === null ? t('welfareClaims.list.approve') : t('welfareClaims.list.approveSecond')}
                </Button>
              ) : claim.status === 'approved' && canPay ? (
                <Button type="primary" onClick={() => setPaying(claim)} data-testid={`claim-pay-${claim.id}`}>
                  {t('welfareClaims.list.pay')}
                </Button>
              ) : claim.payout ? (
                <Button icon={<PrinterOutlined />} loading={printing === claim.payout.id} onClick={() => void print(claim.payout!.id)} data-testid={`claim-print-${claim.id}`}>
                  {t('welfareClaims.list.printVoucher')}
                </Button>
              ) : null,
          },
        ]}
      />
      {adding && (
        <NewClaim
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            reload();
          }}
        />
      )}
      {approving && (
        <ApproveClaim
          claim={approving}
          onClose={() => setApproving(null)}
          onDone={() => {
            setApproving(null);
            reload();
          }}
        />
      )}
      {paying && (
        <PayClaim
          claim={paying}
          onClose={() => setPaying(null)}
          onPaid={() => {
            setPaying(null);
            reload();
          }}
        />
      )}
    </div>
  );
}
