import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Space, Table, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call, type OutputOf } from '../../api';
import { goTo } from '../../app/routes';
import { useFailure } from '../../ui/apiErrors';
import { formatSatang, percentFromBasisPoints } from '../../ui/money';
import { showDate } from '../../ui/thaiDates';
import { localName, periodLabel } from '../welfareFormat';
import { MonthlyMoneyChart } from './MonthlyMoneyChart';

export type Dashboard = OutputOf<'welfare.dashboard.get'>;

/** Where each tile's detail is: a route under "#/welfare". */
type Detail = [] | [string] | [string, string];

const bigFigure = { fontSize: 28, fontWeight: 600, lineHeight: 1.3, fontVariantNumeric: 'tabular-nums' } as const;
const amountCell = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

function openDetail(detail: Detail) {
  goTo('welfare', ...(detail.length === 0 ? ['members'] : detail));
}

/** A tile: the whole card opens the screen with its detail (by mouse, or Enter/Space when focused). */
function Tile({ title, detail, testId, children }: { title: string; detail: Detail; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openDetail(detail);
    }
  };
  return (
    <Card
      hoverable
      title={title}
      // the whole card is the link (its name says so to a screen reader): the arrow only shows it
      extra={<RightOutlined aria-hidden style={{ color: '#1677ff' }} />}
      onClick={() => openDetail(detail)}
      onKeyDown={onKey}
      role="link"
      tabIndex={0}
      aria-label={`${title} — ${t('welfareDashboard.details')}`}
      style={{ height: '100%', cursor: 'pointer' }}
      styles={{ body: { paddingTop: 12 } }}
      data-testid={testId}
    >
      {children}
    </Card>
  );
}

/** A name and an amount on one line, the amount right-aligned (long bank names wrap, amounts do not). */
function AmountLine({ name, amount, strong = false, testId }: { name: ReactNode; amount: string; strong?: boolean; testId?: string }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, padding: '2px 0', fontWeight: strong ? 600 : undefined, borderTop: strong ? '1px solid #f0f0f0' : undefined }}>
      <span>{name}</span>
      <span style={amountCell} data-testid={testId}>
        {amount}
      </span>
    </div>
  );
}

function BalancesTile({ balances }: { balances: Dashboard['balances'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Tile title={t('welfareDashboard.balances.title')} detail={['books']} testId="dashboard-balances">
      <div style={bigFigure} data-testid="dashboard-balance-total">
        {t('welfareDashboard.baht', { amount: formatSatang(balances.total) })}
      </div>
      <Typography.Text type="secondary">{t('welfareDashboard.balances.total')}</Typography.Text>
      <div style={{ marginTop: 8 }}>
        {balances.accounts.length === 0 && <Typography.Text type="secondary">{t('welfareDashboard.balances.none')}</Typography.Text>}
        {balances.accounts.map((account) => (
          <AmountLine
            key={account.accountId}
            name={
              <>
                {i18n.language === 'en' && account.nameEn ? account.nameEn : account.nameTh}
                {account.bankAccount && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                    {account.bankAccount}
                  </Typography.Text>
                )}
              </>
            }
            amount={formatSatang(account.amount)}
            testId={`dashboard-balance-${account.code}`}
          />
        ))}
      </div>
    </Tile>
  );
}

function SourcesTile({ sources }: { sources: Dashboard['sources'] }) {
  const { t } = useTranslation();
  return (
    <Tile title={t('welfareDashboard.sources.title')} detail={['reports']} testId="dashboard-sources">
      <div style={bigFigure} data-testid="dashboard-sources-total">
        {t('welfareDashboard.baht', { amount: formatSatang(sources.total) })}
      </div>
      <Typography.Text type="secondary" data-testid="dashboard-own-share">
        {t('welfareDashboard.sources.ownShare', { percent: percentFromBasisPoints(sources.membersOwnShareBasisPoints) })}
      </Typography.Text>
      <div style={{ marginTop: 8 }}>
        {sources.rows.length === 0 && <Typography.Text type="secondary">{t('welfareDashboard.sources.none')}</Typography.Text>}
        {sources.rows
          .filter((row) => row.amount !== 0)
          .map((row) => (
          <AmountLine key={row.reportLine} name={localName(row)} amount={formatSatang(row.amount)} testId={`dashboard-source-${row.reportLine}`} />
        ))}
      </div>
    </Tile>
  );
}

function MembersTile({ members }: { members: Dashboard['members'] }) {
  const { t } = useTranslation();
  const reasons = ['resigned', 'died', 'lapsed', 'expelled'] as const;
  return (
    <Tile title={t('welfareDashboard.members.title')} detail={[]} testId="dashboard-members">
      <div style={bigFigure} data-testid="dashboard-members-current">
        {t('welfareDashboard.people', { people: members.current.toLocaleString('en-US') })}
      </div>
      <Typography.Text type="secondary">{t('welfareDashboard.members.current')}</Typography.Text>
      <div style={{ marginTop: 8 }}>
        <AmountLine name={<strong>{t('welfareDashboard.members.ended')}</strong>} amount={members.endedTotal.toLocaleString('en-US')} testId="dashboard-members-ended" />
        {reasons.map((reason) => (
          <AmountLine key={reason} name={<span style={{ paddingInlineStart: 16 }}>{t(`welfareDashboard.members.reasons.${reason}`)}</span>} amount={members.ended[reason].toLocaleString('en-US')} testId={`dashboard-members-${reason}`} />
        ))}
      </div>
    </Tile>
  );
}

function VillagesTile({ members }: { members: Dashboard['members'] }) {
  const { t } = useTranslation();
  const shown = members.byVillage.filter((village) => village.current > 0 || village.villageId !== null);
  return (
    <Tile title={t('welfareDashboard.villages.title')} detail={[]} testId="dashboard-villages">
      {members.cumulative === 0 && <Typography.Text type="secondary">{t('welfareDashboard.villages.none')}</Typography.Text>}
      <div style={{ maxHeight: 260, overflowY: 'auto' }}>
        {members.cumulative > 0 &&
          shown.map((village) => (
            <AmountLine key={village.villageId ?? 'none'} name={village.villageId === null ? t('welfareDashboard.villages.noVillage') : localName(village)} amount={village.current.toLocaleString('en-US')} testId={`dashboard-village-${village.villageId ?? 'none'}`} />
          ))}
      </div>
    </Tile>
  );
}

function ClaimsTile({ claims }: { claims: Dashboard['claimsWaiting'] }) {
  const { t } = useTranslation();
  return (
    <Tile title={t('welfareDashboard.claims.title')} detail={['claims']} testId="dashboard-claims">
      {claims.count === 0 ? (
        <Typography.Text type="secondary">{t('welfareDashboard.claims.none')}</Typography.Text>
      ) : (
        <>
          <div style={bigFigure} data-testid="dashboard-claims-count">
            {t('welfareDashboard.claims.count', { count: claims.count })}
          </div>
          <Typography.Text type="secondary">{t('welfareDashboard.claims.amount', { amount: formatSatang(claims.amountSatang) })}</Typography.Text>
        </>
      )}
    </Tile>
  );
}

function MonthsTile({ open }: { open: Dashboard['openMonths'] }) {
  const { t } = useTranslation();
  const label = (month: Dashboard['openMonths']['months'][number]) => periodLabel({ label: month.label, period: month.month }, 1);
  const first = open.months[0];
  const last = open.months.at(-1);
  return (
    <Tile title={t('welfareDashboard.months.title')} detail={['books']} testId="dashboard-months">
      {first && last ? (
        <>
          <div style={bigFigure} data-testid="dashboard-months-count">
            {t('welfareDashboard.months.count', { count: open.months.length })}
          </div>
          <Typography.Text type="secondary">{t('welfareDashboard.months.range', { from: label(first), to: label(last) })}</Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">{t('welfareDashboard.months.none')}</Typography.Text>
      )}
      <div style={{ marginTop: 8 }}>{open.lockDate ? t('welfareDashboard.months.lockedTo', { date: showDate(open.lockDate) }) : t('welfareDashboard.months.neverLocked')}</div>
    </Tile>
  );
}

function ArrearsTile({ arrears }: { arrears: Dashboard['arrears'] }) {
  const { t } = useTranslation();
  type Village = NonNullable<Dashboard['arrears']>['villages'][number];
  // one period short of the limit means something only with a limit above 1 (with 1, everyone behind is at it)
  const showNear = arrears !== null && arrears.arrearsLimit !== null && arrears.arrearsLimit > 1;
  const count = (value: number) => <span style={amountCell}>{value.toLocaleString('en-US')}</span>;
  return (
    <Tile title={t('welfareDashboard.arrears.title')} detail={['reports', 'arrears']} testId="dashboard-arrears">
      {arrears === null ? (
        <Typography.Text type="secondary">{t('welfareDashboard.arrears.noRegulation')}</Typography.Text>
      ) : arrears.villages.length === 0 ? (
        <Typography.Text type="secondary">{t('welfareDashboard.arrears.none')}</Typography.Text>
      ) : (
        <Table<Village>
          size="small"
          pagination={false}
          rowKey="villageId"
          dataSource={arrears.villages}
          columns={[
            { key: 'village', title: t('welfareDashboard.arrears.village'), render: (_, village) => t('welfareDashboard.villages.village', { number: village.number, name: village.name }) },
            { key: 'members', title: t('welfareDashboard.arrears.members'), align: 'right', render: (_, village) => count(village.memberCount) },
            { key: 'atLimit', title: t('welfareDashboard.arrears.atLimit'), align: 'right', render: (_, village) => count(village.atLimitCount) },
            ...(showNear ? [{ key: 'nearLimit', title: t('welfareDashboard.arrears.nearLimit'), align: 'right' as const, render: (_: unknown, village: Village) => <span data-testid={`dashboard-arrears-near-${village.villageId}`}>{count(village.nearLimitCount)}</span> }] : []),
            { key: 'owed', title: t('welfareDashboard.arrears.owed'), align: 'right', render: (_, village) => <span style={amountCell} data-testid={`dashboard-arrears-${village.villageId}`}>{formatSatang(village.owedSatang)}</span> },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t('welfareDashboard.arrears.total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <strong style={amountCell}>{arrears.memberCount.toLocaleString('en-US')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <strong style={amountCell}>{arrears.atLimitCount.toLocaleString('en-US')}</strong>
              </Table.Summary.Cell>
              {showNear && (
                <Table.Summary.Cell index={3} align="right">
                  <strong style={amountCell} data-testid="dashboard-arrears-near-total">
                    {arrears.nearLimitCount.toLocaleString('en-US')}
                  </strong>
                </Table.Summary.Cell>
              )}
              <Table.Summary.Cell index={showNear ? 4 : 3} align="right">
                <strong style={amountCell} data-testid="dashboard-arrears-total">
                  {formatSatang(arrears.totalOwedSatang)}
                </strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
    </Tile>
  );
}

/** ภาพรวม: the fund at a glance — every tile opens the screen with its detail. */
export function WelfareDashboard() {
  const { t } = useTranslation();
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [failure, setFailure] = useFailure();
  useEffect(() => {
    let current = true;
    call('welfare.dashboard.get', {}).then(
      (result) => current && setDashboard(result),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [setFailure]);
  if (failure) return <Alert type="error" showIcon title={t('welfareDashboard.loadFailed')} description={failure} role="alert" />;
  if (!dashboard) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (dashboard.empty) {
    return (
      <Empty description={<Typography.Title level={4}>{t('welfareDashboard.empty.title')}</Typography.Title>} data-testid="dashboard-empty">
        <Typography.Paragraph style={{ maxWidth: 560, margin: '0 auto 16px' }}>{t('welfareDashboard.empty.body')}</Typography.Paragraph>
        <Space>
          <Button type="primary" onClick={() => goTo('welfare', 'regulation')}>
            {t('welfareDashboard.empty.regulation')}
          </Button>
          <Button onClick={() => goTo('welfare', 'members')}>{t('welfareDashboard.empty.members')}</Button>
        </Space>
      </Empty>
    );
  }
  return (
    <div data-testid="welfare-dashboard">
      <Typography.Paragraph type="secondary">{t('welfareDashboard.asOf', { date: showDate(dashboard.asOf) })}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12} xl={8}>
          <BalancesTile balances={dashboard.balances} />
        </Col>
        <Col xs={24} lg={12} xl={8}>
          <SourcesTile sources={dashboard.sources} />
        </Col>
        <Col xs={24} lg={12} xl={8}>
          <MembersTile members={dashboard.members} />
        </Col>
        <Col xs={24} lg={12} xl={8}>
          <ClaimsTile claims={dashboard.claimsWaiting} />
        </Col>
        <Col xs={24} lg={12} xl={8}>
          <MonthsTile open={dashboard.openMonths} />
        </Col>
        <Col xs={24} lg={12} xl={8}>
          <VillagesTile members={dashboard.members} />
        </Col>
        <Col span={24}>
          <Card
            title={t('welfareDashboard.monthly.title')}
            extra={
              <Button type="link" onClick={() => goTo('welfare', 'reports')} data-testid="dashboard-monthly-details">
                {t('welfareDashboard.monthly.cashBook')} <RightOutlined />
              </Button>
            }
          >
            <MonthlyMoneyChart months={dashboard.monthly} />
          </Card>
        </Col>
        <Col span={24}>
          <ArrearsTile arrears={dashboard.arrears} />
        </Col>
      </Row>
    </div>
  );
}
