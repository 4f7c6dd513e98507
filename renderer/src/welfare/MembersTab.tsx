import { useEffect, useState } from 'react';
import { Alert, Button, Empty, Flex, Select, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, type InputOf, type OutputOf } from '../api';
import { goTo } from '../app/routes';
import { useSession } from '../app/store';
import { personName } from '../people/peopleFormat';
import { useVillages } from '../people/villagesStore';
import { useFailure } from '../ui/apiErrors';
import { showDate } from '../ui/thaiDates';
import { HistoryImportWizard } from './HistoryImportWizard';
import { useRegulation } from './regulationStore';
import { allCategories, categoryName, useCanKeepFund, type MemberRow } from './welfareFormat';

const PAGE_SIZE = 50;
type Status = InputOf<'welfare.members.list'>['status'];

// The filter outlives the tab, so that coming back from a member finds the list as it was left.
let remembered: { status: Status; villageId: number | null; page: number } = { status: 'active', villageId: null, page: 1 };

/** The fund's members in Thai order, page by page, filtered by status and village. */
export function MembersTab() {
  const { t } = useTranslation();
  useSession((state) => state.language);
  const canKeep = useCanKeepFund();
  const versions = useRegulation((state) => state.versions);
  const ensureVersions = useRegulation((state) => state.ensureLoaded);
  const villages = useVillages((state) => state.villages);
  const ensureVillages = useVillages((state) => state.ensureLoaded);
  const [filter, setFilterState] = useState(remembered);
  const [list, setList] = useState<OutputOf<'welfare.members.list'> | null>(null);
  const [failure, setFailure] = useFailure();
  const [historyOpen, setHistoryOpen] = useState(false);

  useEffect(() => void ensureVersions(), [ensureVersions]);
  useEffect(() => void ensureVillages(), [ensureVillages]);
  // Lapses for arrears are recorded (a write, audited) when the fund's keeper opens the list, before it is read.
  const [lapsesApplied, setLapsesApplied] = useState(false);
  const lapsesChecked = !canKeep || lapsesApplied;
  useEffect(() => {
    if (!canKeep) return;
    let current = true;
    call('welfare.members.applyLapses', {})
      .catch(() => undefined) // the list still shows; a save looks for lapses again before it takes money
      .finally(() => current && setLapsesApplied(true));
    return () => {
      current = false;
    };
  }, [canKeep]);
  useEffect(() => {
    if (!lapsesChecked) return;
    let current = true;
    call('welfare.members.list', { status: filter.status, villageId: filter.villageId, offset: (filter.page - 1) * PAGE_SIZE, limit: PAGE_SIZE })
      .then((result) => current && (setList(result), setFailure(null)))
      .catch((error: unknown) => current && setFailure(error));
    return () => {
      current = false;
    };
  }, [filter, lapsesChecked, setFailure]);

  const setFilter = (change: Partial<typeof filter>) => setFilterState((old) => (remembered = { ...old, page: 1, ...change }));

  if (failure) return <Alert type="error" showIcon title={t('welfare.members.loadFailed')} description={failure} role="alert" />;
  if (!versions || !list) return <Spin size="large" />;

  if (versions.length === 0) {
    return (
      <Empty
        description={
          <>
            <Typography.Title level={4}>{t('welfare.regulation.emptyTitle')}</Typography.Title>
            <Typography.Paragraph style={{ maxWidth: 620, marginInline: 'auto' }}>{t('welfare.members.noRegulationBody')}</Typography.Paragraph>
          </>
        }
        style={{ paddingBlock: 48, background: '#fff', borderRadius: 8 }}
        data-testid="members-no-regulation"
      >
        <Button type="primary" size="large" onClick={() => goTo('welfare', 'regulation')}>
          {t('welfare.members.toRegulation')}
        </Button>
      </Empty>
    );
  }

  const categories = allCategories(versions);
  const filtered = filter.status !== 'active' || filter.villageId !== null;
  const villageName = (number: number | null) => {
    if (number === null) return '';
    const village = villages?.find((candidate) => candidate.number === number);
    return village ? t('people.villageLabel', village) : t('people.villageNumber', { number });
  };
  const join = canKeep && (
    <Flex gap={12} wrap justify="center">
      <Button type="primary" size="large" onClick={() => goTo('welfare', 'members', 'new')} data-testid="member-join">
        {t('welfare.members.join')}
      </Button>
      <Button size="large" onClick={() => setHistoryOpen(true)} data-testid="history-import-open">
        {t('welfareHistoryImport.open')}
      </Button>
      {/* a fresh list after the import: the same filter as a new object reads it again */}
      <HistoryImportWizard open={historyOpen} onClose={() => setHistoryOpen(false)} onImported={() => setFilterState((old) => ({ ...old }))} />
    </Flex>
  );

  if (list.total === 0 && !filtered) {
    return (
      <Empty
        description={
          <>
            <Typography.Title level={4}>{t('welfare.members.emptyTitle')}</Typography.Title>
            <Typography.Paragraph style={{ maxWidth: 620, marginInline: 'auto' }}>{t('welfare.members.emptyBody')}</Typography.Paragraph>
          </>
        }
        style={{ paddingBlock: 48, background: '#fff', borderRadius: 8 }}
        data-testid="members-empty"
      >
        {join}
      </Empty>
    );
  }

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} role="search" aria-label={t('welfare.members.filters')}>
          <Select
            value={filter.status}
            onChange={(status: Status) => setFilter({ status })}
            aria-label={t('welfare.members.statusFilter')}
            style={{ width: 190 }}
            options={[
              { value: 'active', label: t('welfare.members.onlyActive') },
              { value: 'ended', label: t('welfare.members.onlyEnded') },
              { value: null, label: t('welfare.members.allStatuses') },
            ]}
            data-testid="members-filter-status"
          />
          <Select
            value={filter.villageId}
            onChange={(villageId: number | null) => setFilter({ villageId })}
            aria-label={t('people.fields.villageId')}
            style={{ width: 210 }}
            popupMatchSelectWidth={false}
            options={[{ value: null, label: t('people.list.allVillages') }, ...(villages ?? []).map((village) => ({ value: village.id, label: t('people.villageLabel', village) }))]}
            data-testid="members-filter-village"
          />
        </Flex>
        {join}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="members-count">
        {t('welfare.members.count', { n: list.total.toLocaleString() })}
      </Typography.Paragraph>
      <Table<MemberRow>
        rowKey="membershipId"
        size="middle"
        dataSource={list.rows}
        scroll={{ x: 1030 }}
        locale={{ emptyText: t('welfare.members.noMatch') }}
        pagination={{
          current: filter.page,
          pageSize: PAGE_SIZE,
          total: list.total,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: (page) => setFilterState((old) => (remembered = { ...old, page })),
        }}
        onRow={(row) => ({
          onClick: () => goTo('welfare', 'members', row.membershipId),
          onKeyDown: (event) => {
            if (event.key === 'Enter') goTo('welfare', 'members', row.membershipId);
          },
          tabIndex: 0,
          style: { cursor: 'pointer' },
          'data-testid': `member-row-${row.membershipId}`,
        })}
        data-testid="members-table"
        columns={[
          { title: t('welfare.fields.memberNumber'), dataIndex: 'memberNumber', width: 100, render: (number: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{number}</span> },
          { title: t('people.list.columns.name'), key: 'name', width: 240, render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{personName(row)}</span> },
          { title: t('people.list.columns.citizenId'), key: 'citizenId', width: 150, render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{row.citizenIdMasked ?? t('common.notGiven')}</span> },
          { title: t('people.list.columns.village'), key: 'village', width: 180, ellipsis: true, render: (_, row) => villageName(row.villageNumber) },
          { title: t('welfare.fields.category'), key: 'category', width: 140, render: (_, row) => categoryName(row.category, categories) },
          { title: t('welfare.fields.startDate'), key: 'startDate', width: 110, render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{showDate(row.startDate, 'short')}</span> },
          {
            title: t('welfare.members.status'),
            key: 'status',
            width: 110,
            render: (_, row) =>
              row.endDate === null ? (
                <Tag color="green">{t('welfare.status.active')}</Tag>
              ) : (
                <Tag>{t(`welfare.status.${row.endReason ?? 'resigned'}` as 'welfare.status.resigned')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
