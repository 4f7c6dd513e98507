import { useEffect, useState } from 'react';
import { Alert, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, type OutputOf } from '../../api';
import { useFailure } from '../../ui/apiErrors';
import { showDate, todayIso } from '../../ui/thaiDates';
import { formatSatang } from '../../ui/money';
import { useRegulation } from '../regulationStore';
import { benefitName } from '../welfareFormat';
import { benefitOf, statusColors, type Claim } from './claimsFormat';

type Received = OutputOf<'welfare.claims.received'>;

/**
 * สวัสดิการที่ได้รับ on the member page: what this membership has received, per benefit this accounting year and
 * ever, against the cap per year; then each claim with its status and amount.
 */
export function MemberBenefits({ membershipId }: { membershipId: number }) {
  const { t } = useTranslation();
  const versions = useRegulation((state) => state.versions);
  const [data, setData] = useState<{ claims: Claim[]; received: Received } | null>(null);
  const [failure, setFailure] = useFailure();

  useEffect(() => {
    let current = true;
    Promise.all([call('welfare.claims.list', { membershipId }), call('welfare.claims.received', { membershipId, asOf: todayIso() })]).then(
      ([claims, received]) => current && setData({ claims: [...claims].reverse(), received }),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [membershipId, setFailure]);

  if (failure) return <Alert type="error" showIcon title={failure} />;
  if (!data) return null;
  if (data.claims.length === 0) return <Typography.Text type="secondary">{t('welfareClaims.member.none')}</Typography.Text>;
  return (
    <div data-testid="member-benefits">
      {data.received.rows.length > 0 && (
        <Table
          size="small"
          rowKey="benefitCode"
          pagination={false}
          style={{ marginBottom: 16 }}
          dataSource={data.received.rows}
          columns={[
            { key: 'benefit', title: t('welfareClaims.list.benefit'), dataIndex: 'name' },
            {
              key: 'year',
              title: data.received.year.kind === 'fiscal' ? t('welfareClaims.member.thisFiscalYear', { year: data.received.year.buddhistYear }) : t('welfareClaims.member.thisCalendarYear', { year: data.received.year.buddhistYear }),
              align: 'right',
              render: (_, row) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{`${formatSatang(row.thisYearSatang)} (${t('welfareClaims.member.times', { count: row.thisYearCount })})`}</span>,
            },
            {
              key: 'cap',
              title: t('welfareClaims.member.cap'),
              align: 'right',
              render: (_, row) =>
                row.maxPerYearSatang !== null ? (
                  <span style={{ fontVariantNumeric: 'tabular-nums' }}>{t('welfareClaims.member.capLeft', { cap: formatSatang(row.maxPerYearSatang), left: formatSatang(Math.max(0, row.maxPerYearSatang - row.thisYearSatang)) })}</span>
                ) : row.once ? (
                  t('welfareClaims.member.once')
                ) : (
                  t('welfareClaims.member.noCap')
                ),
            },
            {
              key: 'ever',
              title: t('welfareClaims.member.ever'),
              align: 'right',
              render: (_, row) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{`${formatSatang(row.everSatang)} (${t('welfareClaims.member.times', { count: row.everCount })})`}</span>,
            },
          ]}
        />
      )}
      <Table<Claim>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data.claims}
        columns={[
          { key: 'event', title: t('welfareClaims.list.eventDate'), width: 120, render: (_, claim) => showDate(claim.eventDate, 'short') },
          {
            key: 'benefit',
            title: t('welfareClaims.list.benefit'),
            render: (_, claim) => {
              const benefit = versions ? benefitOf(versions, claim.benefitCode, claim.eventDate) : null;
              return benefit ? benefitName(benefit) : claim.benefitCode;
            },
          },
          {
            key: 'status',
            title: t('welfareClaims.list.status'),
            render: (_, claim) => (
              <>
                <Tag color={statusColors[claim.status]}>{t(`welfareClaims.status.${claim.status}`)}</Tag>
                {claim.status === 'refused' && <Typography.Text type="danger">{claim.judgement.refusals.map((refusal) => refusal.th).join(' · ')}</Typography.Text>}
                {claim.payout && <Typography.Text type="secondary">{t('welfareClaims.list.paidOn', { number: claim.payout.voucherNumber, date: showDate(claim.payout.payoutDate, 'short') })}</Typography.Text>}
              </>
            ),
          },
          { key: 'amount', title: <span style={{ whiteSpace: 'nowrap' }}>{t('welfareClaims.list.amount')}</span>, width: 150, align: 'right', render: (_, claim) => (claim.status === 'refused' ? '–' : formatSatang(claim.amountSatang)) },
        ]}
      />
    </div>
  );
}
