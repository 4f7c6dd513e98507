import { useEffect, useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, type OutputOf } from '../api';
import { goTo } from '../app/routes';
import { useSession } from '../app/store';
import { reportError } from '../ui/apiErrors';
import { showDate, todayIso } from '../ui/thaiDates';
import { formatSatang } from '../ui/money';
import { useRegulation } from './regulationStore';
import { useCanKeepFund, type ContributionSettings, type RegulationVersion } from './welfareFormat';

type Diff = OutputOf<'welfare.regulation.diff'>;

/** "30.00 บาท ต่อเดือน" / "90.00 บาท ทุก 3 เดือน": the contribution as the regulation writes it. */
export function useContributionLine() {
  const { t } = useTranslation();
  return (settings: ContributionSettings) => {
    const { scheme } = settings;
    const amount = formatSatang(scheme.amountSatang);
    return scheme.kind === 'every' ? t('welfare.regulation.perEvery', { amount, months: scheme.months }) : t(`welfare.regulation.per.${scheme.kind}`, { amount });
  };
}

/** The regulation's versions, newest first; a new version starts from the preset or from the latest one. */
export function RegulationTab() {
  const { t } = useTranslation();
  useSession((state) => state.language);
  const canKeep = useCanKeepFund();
  const versions = useRegulation((state) => state.versions);
  const failure = useRegulation((state) => state.failure);
  const reload = useRegulation((state) => state.reload);
  const contributionLine = useContributionLine();

  useEffect(() => void reload(), [reload]);

  if (failure) return <Alert type="error" showIcon title={t('welfare.regulation.loadFailed')} description={failure} role="alert" />;
  if (!versions) return <Spin size="large" />;
  if (versions.length === 0) {
    return (
      <Empty
        description={
          <>
            <Typography.Title level={4}>{t('welfare.regulation.emptyTitle')}</Typography.Title>
            <Typography.Paragraph style={{ maxWidth: 620, marginInline: 'auto' }}>{t('welfare.regulation.emptyBody')}</Typography.Paragraph>
          </>
        }
        style={{ paddingBlock: 48, background: '#fff', borderRadius: 8 }}
        data-testid="regulation-empty"
      >
        {canKeep && (
          <Button type="primary" size="large" onClick={() => goTo('welfare', 'regulation', 'new')} data-testid="regulation-start-preset">
            {t('welfare.regulation.startFromPreset')}
          </Button>
        )}
      </Empty>
    );
  }

  const newestFirst = [...versions].reverse();
  const latest = newestFirst[0]!;
  return (
    <Space orientation="vertical" size="large" style={{ display: 'flex' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 700 }}>
          {t('welfare.regulation.versionsHint')}
        </Typography.Paragraph>
        {canKeep && (
          <Button type="primary" size="large" onClick={() => goTo('welfare', 'regulation', 'new', latest.id)} data-testid="regulation-new-version">
            {t('welfare.regulation.newVersion')}
          </Button>
        )}
      </Flex>
      <Table<RegulationVersion>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={newestFirst}
        data-testid="regulation-versions"
        columns={[
          {
            title: t('welfare.regulation.columns.effectiveFrom'),
            key: 'effectiveFrom',
            width: 190,
            render: (_, version) => (
              <Space wrap size={4}>
                <span style={{ whiteSpace: 'nowrap' }}>{showDate(version.effectiveFrom)}</span>
                {version.id === inForceId(versions) && <Tag color="green">{t('welfare.regulation.inForce')}</Tag>}
              </Space>
            ),
          },
          { title: t('welfare.regulation.columns.adoptedBy'), key: 'adoptedBy', render: (_, version) => version.adoptedBy || t('common.notGiven') },
          { title: t('welfare.regulation.columns.contribution'), key: 'contribution', width: 230, render: (_, version) => contributionLine(version.contributions) },
          {
            title: t('welfare.regulation.columns.entranceFee'),
            key: 'entranceFee',
            width: 130,
            align: 'right',
            render: (_, version) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatSatang(version.contributions.entranceFeeSatang)}</span>,
          },
          { title: t('welfare.regulation.columns.benefits'), key: 'benefits', width: 130, align: 'right', render: (_, version) => t('welfare.regulation.benefitCount', { n: version.benefitTypes.length }) },
        ]}
      />
      {versions.length > 1 && <CompareVersions versions={newestFirst} />}
    </Space>
  );
}

/** The version in force today: the latest whose effective date has come. */
function inForceId(versions: readonly RegulationVersion[]): number | null {
  const today = todayIso();
  return [...versions].reverse().find((version) => version.effectiveFrom <= today)?.id ?? null;
}

/** Two versions side by side, benefit by benefit: only what changed, the earlier value beside the later one. */
function CompareVersions({ versions }: { versions: RegulationVersion[] }) {
  const { t } = useTranslation();
  const contributionLine = useContributionLine();
  const [fromId, setFromId] = useState(versions[1]!.id);
  const [toId, setToId] = useState(versions[0]!.id);
  const pair = `${fromId}-${toId}`;
  const [answer, setAnswer] = useState<{ pair: string; diff: Diff | null; failure: string | null } | null>(null);
  const language = useSession((state) => state.language);

  useEffect(() => {
    let current = true;
    call('welfare.regulation.diff', { fromId, toId })
      .then((diff) => current && setAnswer({ pair: `${fromId}-${toId}`, diff, failure: null }))
      .catch((error: unknown) => current && setAnswer({ pair: `${fromId}-${toId}`, diff: null, failure: reportError(error) }));
    return () => {
      current = false;
    };
  }, [fromId, toId]);
  const diff = answer?.pair === pair ? answer.diff : null;
  const failure = answer?.pair === pair ? answer.failure : null;

  const from = versions.find((version) => version.id === fromId)!;
  const to = versions.find((version) => version.id === toId)!;
  const options = versions.map((version) => ({ value: version.id, label: t('welfare.regulation.versionOf', { date: showDate(version.effectiveFrom) }) }));
  const say = (text: { th: string; en: string }) => (language === 'en' ? text.en : text.th);
  const changed = (diff ?? []).filter((entry) => entry.change !== 'unchanged');
  const unchanged = (diff ?? []).length - changed.length;
  const rows = [
    ...(from.contributions.scheme.amountSatang !== to.contributions.scheme.amountSatang || JSON.stringify(from.contributions.scheme) !== JSON.stringify(to.contributions.scheme)
      ? [{ key: 'contribution', benefit: t('welfare.regulation.columns.contribution'), field: '', from: contributionLine(from.contributions), to: contributionLine(to.contributions), change: 'changed' }]
      : []),
    ...(from.contributions.entranceFeeSatang !== to.contributions.entranceFeeSatang
      ? [{ key: 'fee', benefit: t('welfare.regulation.columns.entranceFee'), field: '', from: formatSatang(from.contributions.entranceFeeSatang), to: formatSatang(to.contributions.entranceFeeSatang), change: 'changed' }]
      : []),
    ...changed.flatMap((entry) =>
      entry.fields.map((field, index) => ({
        key: `${entry.code}-${field.field}`,
        benefit: index === 0 ? say(entry.name) : '',
        change: index === 0 ? entry.change : '',
        field: say(field.label),
        from: say(field.from),
        to: say(field.to),
      })),
    ),
  ];

  return (
    <Card title={t('welfare.regulation.compareTitle')} data-testid="regulation-compare">
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Select value={fromId} onChange={setFromId} options={options} style={{ width: 280 }} aria-label={t('welfare.regulation.compareFrom')} data-testid="compare-from" />
        <Typography.Text>{t('welfare.regulation.compareWith')}</Typography.Text>
        <Select value={toId} onChange={setToId} options={options} style={{ width: 280 }} aria-label={t('welfare.regulation.compareTo')} data-testid="compare-to" />
      </Flex>
      {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      {diff && (
        <>
          <Table
            rowKey="key"
            size="middle"
            pagination={false}
            dataSource={rows}
            locale={{ emptyText: t('welfare.regulation.noDifference') }}
            columns={[
              {
                title: t('welfare.regulation.columns.benefit'),
                key: 'benefit',
                width: 240,
                render: (_, row) => (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text strong>{row.benefit}</Typography.Text>
                    {row.change && row.change !== 'changed' && <Tag color={row.change === 'added' ? 'green' : 'red'}>{t(`welfare.regulation.change.${row.change as 'added' | 'removed'}`)}</Tag>}
                  </Space>
                ),
              },
              { title: t('welfare.regulation.columns.field'), dataIndex: 'field', width: 200 },
              { title: t('welfare.regulation.versionOf', { date: showDate(from.effectiveFrom) }), dataIndex: 'from' },
              { title: t('welfare.regulation.versionOf', { date: showDate(to.effectiveFrom) }), dataIndex: 'to', render: (value: string) => <Typography.Text strong>{value}</Typography.Text> },
            ]}
          />
          {unchanged > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('welfare.regulation.unchangedCount', { n: unchanged })}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}
