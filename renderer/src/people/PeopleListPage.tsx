import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Empty, Flex, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, type InputOf } from '../api';
import { goTo } from '../app/routes';
import { reportError } from '../ui/apiErrors';
import { lifeStatuses, personName, type PersonListItem } from './peopleFormat';
import { useCanEditRegister } from './permissions';
import { useVillages } from './villagesStore';
import { ExportButton } from './ExportButton';
import { ImportWizard } from './ImportWizard';

/** Rows come from the core in blocks of this many, each fetched once when the user scrolls near it. */
const BLOCK_SIZE = 200;
/** A row this close to the end of its block fetches the next block, so scrolling on rarely meets a blank row. */
const PREFETCH_MARGIN = 60;

type ListFilter = Omit<InputOf<'people.persons.list'>, 'offset' | 'limit'> & { text: string };
const noFilter: ListFilter = { villageId: null, lifeStatus: null, ageBand: null, consent: null, text: '' };
const ageBands = ['child', 'adult', 'elderly'] as const;

// The filter outlives the page, so that coming back from a person finds the list as it was left.
let rememberedFilter: ListFilter = noFilter;

interface ListRow {
  index: number;
  /** null until its block has arrived */
  person: PersonListItem | null;
}

interface LoadedBlocks {
  /** the filter these blocks answer (JSON) */
  key: string;
  total: number | null;
  blocks: ReadonlyMap<number, PersonListItem[]>;
  failure: string | null;
}
const nothingLoaded = (key: string): LoadedBlocks => ({ key, total: null, blocks: new Map(), failure: null });

/**
 * The register in Thai order, fetched block by block as the user scrolls, with the blocks held in memory.
 * A new `generation` (after an import) drops the held blocks and reads the list again.
 */
function usePeopleBlocks(filter: ListFilter, generation: number) {
  const key = JSON.stringify({ filter, generation });
  const [loaded, setLoaded] = useState<LoadedBlocks>(() => nothingLoaded(key));
  /** blocks asked for under the current filter (answered or on the way) */
  const asked = useRef(new Set<number>());
  const wantedKey = useRef(key);
  const current = loaded.key === key ? loaded : nothingLoaded(key);

  const loadBlock = useCallback(
    (block: number) => {
      if (block < 0 || key !== wantedKey.current || asked.current.has(block)) return;
      asked.current.add(block);
      call('people.persons.list', { ...filter, offset: block * BLOCK_SIZE, limit: BLOCK_SIZE })
        .then((page) => {
          if (key !== wantedKey.current) return; // the filter changed meanwhile
          setLoaded((previous) => {
            const base = previous.key === key ? previous : nothingLoaded(key);
            return { ...base, total: page.total, blocks: new Map(base.blocks).set(block, page.rows) };
          });
        })
        .catch((error: unknown) => {
          asked.current.delete(block);
          if (key === wantedKey.current) setLoaded((previous) => ({ ...(previous.key === key ? previous : nothingLoaded(key)), failure: reportError(error) }));
        });
    },
    [key, filter],
  );

  useEffect(() => {
    wantedKey.current = key;
    asked.current = new Set();
    loadBlock(0);
  }, [key, loadBlock]);

  const { total, blocks, failure } = current;
  const rows = useMemo<ListRow[]>(
    () =>
      Array.from({ length: total ?? 0 }, (_, index) => ({
        index,
        person: blocks.get(Math.floor(index / BLOCK_SIZE))?.[index % BLOCK_SIZE] ?? null,
      })),
    [total, blocks],
  );

  return { rows, total, failure, loadBlock };
}

/** The row number; being on screen is what asks for the row's block (only visible rows are rendered). */
function OrderCell({ index, loaded, loadBlock }: { index: number; loaded: boolean; loadBlock: (block: number) => void }) {
  useEffect(() => {
    const block = Math.floor(index / BLOCK_SIZE);
    if (!loaded) loadBlock(block);
    else if (index % BLOCK_SIZE >= BLOCK_SIZE - PREFETCH_MARGIN) loadBlock(block + 1);
    else if (index % BLOCK_SIZE < PREFETCH_MARGIN) loadBlock(block - 1);
  }, [index, loaded, loadBlock]);
  return <>{(index + 1).toLocaleString()}</>;
}

/** The list fills the window below the filters (the virtual table needs its height in pixels). */
function useListHeight(): [number, (element: HTMLDivElement | null) => void] {
  const [top, setTop] = useState(300);
  const [windowHeight, setWindowHeight] = useState(() => window.innerHeight);
  const marker = useRef<HTMLDivElement | null>(null);
  const measure = useCallback((element: HTMLDivElement | null) => {
    marker.current = element;
    if (element) setTop(element.getBoundingClientRect().top + window.scrollY);
  }, []);
  useEffect(() => {
    const onResize = () => {
      setWindowHeight(window.innerHeight);
      if (marker.current) setTop(marker.current.getBoundingClientRect().top + window.scrollY);
    };
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  // below the table's own top: its header row (about 56 px) and the page's bottom padding
  return [Math.max(300, windowHeight - top - 56 - 52), measure];
}

export function PeopleListPage() {
  const { t } = useTranslation();
  const canEdit = useCanEditRegister();
  const villages = useVillages((state) => state.villages);
  const ensureVillages = useVillages((state) => state.ensureLoaded);
  const [filter, setFilterState] = useState<ListFilter>(rememberedFilter);
  const [typedText, setTypedText] = useState(rememberedFilter.text);
  const [generation, setGeneration] = useState(0);
  const [importing, setImporting] = useState(false);
  const { rows, total, failure, loadBlock } = usePeopleBlocks(filter, generation);
  const [height, measureTop] = useListHeight();

  useEffect(() => void ensureVillages(), [ensureVillages]);

  const setFilter = useCallback((change: Partial<ListFilter>) => {
    setFilterState((current) => (rememberedFilter = { ...current, ...change }));
  }, []);

  // typing filters after a short pause, not on every key
  useEffect(() => {
    if (typedText === filter.text) return;
    const timer = setTimeout(() => setFilter({ text: typedText }), 250);
    return () => clearTimeout(timer);
  }, [typedText, filter.text, setFilter]);

  const filtered = JSON.stringify(filter) !== JSON.stringify(noFilter);
  const open = (row: ListRow) => row.person && goTo('people', row.person.id);

  const columns: TableColumnsType<ListRow> = [
    {
      title: t('people.list.columns.order'),
      key: 'order',
      width: 76,
      align: 'right',
      render: (_, row) => <OrderCell index={row.index} loaded={row.person !== null} loadBlock={loadBlock} />,
    },
    {
      title: t('people.list.columns.name'),
      key: 'name',
      width: 250,
      ellipsis: true,
      render: (_, { person }) =>
        person ? personName(person) : <Typography.Text type="secondary">{t('people.list.loadingRow')}</Typography.Text>,
    },
    {
      title: t('people.list.columns.citizenId'),
      key: 'citizenId',
      width: 170,
      render: (_, { person }) =>
        person &&
        (person.citizenIdMasked ?? (
          <Typography.Text type="secondary">{t(`people.noCitizenIdReason.${person.noCitizenIdReason ?? 'other'}`)}</Typography.Text>
        )),
    },
    {
      title: t('people.list.columns.village'),
      key: 'village',
      width: 180,
      ellipsis: true,
      render: (_, { person }) => person?.villageNumber != null && t('people.villageLabel', { number: person.villageNumber, name: person.villageName }),
    },
    { title: t('people.list.columns.houseNumber'), key: 'houseNumber', width: 95, render: (_, { person }) => person?.houseNumber },
    { title: t('people.list.columns.age'), key: 'age', width: 60, align: 'right', render: (_, { person }) => person?.age ?? '' },
    { title: t('people.list.columns.phone'), key: 'phone', width: 130, ellipsis: true, render: (_, { person }) => person?.phone },
    {
      title: t('people.list.columns.status'),
      key: 'status',
      width: 95,
      render: (_, { person }) =>
        person && <Tag color={person.lifeStatus === 'alive' ? 'green' : person.lifeStatus === 'died' ? 'default' : 'orange'}>{t(`people.lifeStatus.${person.lifeStatus}`)}</Tag>,
    },
  ];
  const tableWidth = columns.reduce((sum, column) => sum + Number(column.width ?? 0), 0);

  const emptyRegister = total === 0 && !filtered;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('people.title')}
        </Typography.Title>
        <Space wrap>
          {canEdit && (
            <Button size="large" onClick={() => setImporting(true)} data-testid="people-import">
              {t('peopleImport.open')}
            </Button>
          )}
          {canEdit && !emptyRegister && <ExportButton filter={filter} />}
          {canEdit && (
            <Button type="primary" size="large" onClick={() => goTo('people', 'new')} data-testid="person-add">
              {t('people.list.add')}
            </Button>
          )}
        </Space>
      </Flex>

      <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search" aria-label={t('people.list.filters')}>
        <Input.Search
          value={typedText}
          onChange={(event) => setTypedText(event.target.value)}
          onSearch={(text) => setFilter({ text })}
          placeholder={t('people.list.textPlaceholder')}
          aria-label={t('people.list.textPlaceholder')}
          allowClear
          style={{ flex: '1 1 240px', maxWidth: 380 }}
          data-testid="people-filter-text"
        />
        <Select
          value={filter.villageId}
          onChange={(villageId) => setFilter({ villageId })}
          aria-label={t('people.fields.villageId')}
          style={{ width: 190 }}
          popupMatchSelectWidth={false}
          options={[
            { value: null, label: t('people.list.allVillages') },
            ...(villages ?? []).map((village) => ({ value: village.id, label: t('people.villageLabel', village) })),
          ]}
          data-testid="people-filter-village"
        />
        <Select
          value={filter.lifeStatus}
          onChange={(lifeStatus) => setFilter({ lifeStatus })}
          aria-label={t('people.fields.lifeStatus')}
          style={{ width: 130 }}
          options={[{ value: null, label: t('people.list.allStatuses') }, ...lifeStatuses.map((status) => ({ value: status, label: t(`people.lifeStatus.${status}`) }))]}
          data-testid="people-filter-status"
        />
        <Select
          value={filter.ageBand}
          onChange={(ageBand) => setFilter({ ageBand })}
          aria-label={t('people.list.allAges')}
          style={{ width: 170 }}
          popupMatchSelectWidth={false}
          options={[{ value: null, label: t('people.list.allAges') }, ...ageBands.map((band) => ({ value: band, label: t(`people.list.ageBand.${band}`) }))]}
          data-testid="people-filter-age"
        />
        <Select
          value={filter.consent}
          onChange={(consent) => setFilter({ consent })}
          aria-label={t('people.fields.consentGiven')}
          style={{ width: 190 }}
          popupMatchSelectWidth={false}
          options={[
            { value: null, label: t('people.list.allConsent') },
            { value: 'given', label: t('people.consent.given') },
            { value: 'missing', label: t('people.consent.missing') },
          ]}
          data-testid="people-filter-consent"
        />
        {filtered && (
          <Button
            onClick={() => {
              setTypedText('');
              setFilter(noFilter);
            }}
          >
            {t('people.list.clearFilters')}
          </Button>
        )}
      </Flex>

      {failure && <Alert type="error" showIcon title={t('people.list.loadFailed')} description={failure} role="alert" style={{ marginBottom: 16 }} />}

      {emptyRegister ? (
        <Empty description={<EmptyRegister />} style={{ paddingBlock: 48, background: '#fff', borderRadius: 8 }} data-testid="people-empty">
          {canEdit && (
            <Space wrap>
              <Button type="primary" size="large" onClick={() => goTo('people', 'new')}>
                {t('people.list.add')}
              </Button>
              <Button size="large" onClick={() => setImporting(true)}>
                {t('peopleImport.open')}
              </Button>
            </Space>
          )}
        </Empty>
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="people-count">
            {total !== null && (filtered ? t('people.list.countFiltered', { n: total.toLocaleString() }) : t('people.list.count', { n: total.toLocaleString() }))}
            {total ? ` · ${t('people.list.openHint')}` : ''}
          </Typography.Paragraph>
          <div ref={measureTop} />
          <Table<ListRow>
            virtual
            rowKey="index"
            size="middle"
            columns={columns}
            dataSource={rows}
            pagination={false}
            loading={total === null && !failure}
            scroll={{ x: tableWidth, y: height }}
            locale={{ emptyText: total === null ? ' ' : t('people.list.noMatch') }}
            onRow={(row) => ({
              onClick: () => open(row),
              onKeyDown: (event: KeyboardEvent) => {
                if (event.key === 'Enter') open(row);
              },
              tabIndex: 0,
              style: { cursor: row.person ? 'pointer' : 'default' },
              'data-testid': row.person ? `person-row-${row.person.id}` : undefined,
            })}
            data-testid="people-table"
          />
        </>
      )}
      <ImportWizard open={importing} onClose={() => setImporting(false)} onImported={() => setGeneration((n) => n + 1)} />
    </>
  );
}

function EmptyRegister() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={4}>{t('people.list.emptyTitle')}</Typography.Title>
      <Typography.Paragraph style={{ maxWidth: 560, marginInline: 'auto' }}>{t('people.list.emptyBody')}</Typography.Paragraph>
    </>
  );
}
