import { useCallback, useEffect, useState } from 'react';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Empty, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, type InputOf, type OutputOf } from '../api';
import { goTo, useRouteParts } from '../app/routes';
import { useSession } from '../app/store';
import { keptFailure, reportError, useFailure, useFailureMessage, type Failure } from '../ui/apiErrors';
import { saveBase64, XLSX_TYPE } from '../ui/files';
import { ThaiDatePicker } from '../ui/ThaiDatePicker';
import { showDateTime, todayIso } from '../ui/thaiDates';
import { canReadHistory } from './access';

type Filter = NonNullable<InputOf<'history.list'>['filter']>;
type Options = OutputOf<'history.options'>;
type HistoryRow = OutputOf<'history.list'>['rows'][number];
type Change = HistoryRow['changes'][number];

const PAGE_SIZE = 50;
const emptyFilter: Filter = { userId: null, fromDate: null, toDate: null, area: null, entity: null, entityId: null, text: '' };

/** ประวัติการแก้ไข: the audit log filtered by who, when, area, record and text; one record's history field by field. */
export function HistoryPage() {
  const { t } = useTranslation();
  const role = useSession((state) => state.user?.role);
  if (!role || !canReadHistory(role)) {
    return <Alert type="info" showIcon title={t('history.adminOnly')} data-testid="history-refused" />;
  }
  return <HistoryViewer />;
}

function HistoryViewer() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const routeParts = useRouteParts();
  const [options, setOptions] = useState<Options | null>(null);
  const [draft, setDraft] = useState<Filter>(emptyFilter);
  const [filter, setFilter] = useState<Filter>(emptyFilter);
  /** beforeId of each page shown so far: [null] is the newest page */
  const [pageStarts, setPageStarts] = useState<(number | null)[]>([null]);
  /** the last page that came back, with the request it answers: another request is loading until its page comes */
  const [answer, setAnswer] = useState<{ request: string; page: OutputOf<'history.list'> | null; failure: Failure } | null>(null);
  const [optionsFailure, setOptionsFailure] = useFailure();
  const failureText = useFailureMessage();
  const [exporting, setExporting] = useState(false);
  const english = i18n.language === 'en';

  useEffect(() => {
    call('history.options', {})
      .then(setOptions)
      .catch((error: unknown) => setOptionsFailure(error));
  }, [setOptionsFailure]);

  const beforeId = pageStarts[pageStarts.length - 1] ?? null;
  const request = JSON.stringify({ filter, beforeId });
  useEffect(() => {
    let current = true;
    call('history.list', { filter, beforeId, limit: PAGE_SIZE })
      .then((result) => current && setAnswer({ request, page: result, failure: null }))
      .catch((error: unknown) => current && setAnswer({ request, page: null, failure: keptFailure(error) }));
    return () => {
      current = false;
    };
  }, [filter, beforeId, request]);
  const loading = answer?.request !== request;
  const page = answer?.page ?? null;
  const failure = optionsFailure ?? failureText(answer?.failure ?? null);

  function search(next: Filter = draft) {
    setFilter({ ...next });
    setPageStarts([null]);
  }

  async function exportList() {
    setExporting(true);
    try {
      const file = await call('history.export', { filter });
      saveBase64(file.fileName, file.contentBase64, XLSX_TYPE);
      message.success(t(file.truncated ? 'history.exportedTruncated' : 'history.exported', { count: file.rows }));
    } catch (error) {
      message.error(reportError(error));
    } finally {
      setExporting(false);
    }
  }

  const entityLabel = useCallback(
    (entity: string) => {
      const known = options?.entities.find((item) => item.entity === entity);
      return known ? (english ? known.en : known.th) : entity;
    },
    [options, english],
  );

  const record = routeParts.length >= 2 ? { entity: routeParts[0]!, entityId: routeParts[1]! } : null;
  const shownFrom = (pageStarts.length - 1) * PAGE_SIZE + 1;
  const shownTo = shownFrom + (page?.rows.length ?? 0) - 1;

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('history.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('history.intro')}</Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap size="middle" align="end">
          <Field label={t('history.who')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 220 }}
              placeholder={t('history.anyone')}
              value={draft.userId ?? undefined}
              onChange={(userId?: number) => setDraft({ ...draft, userId: userId ?? null })}
              options={options?.users.map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` }))}
              data-testid="history-user"
            />
          </Field>
          <Field label={t('history.fromDate')}>
            <ThaiDatePicker value={draft.fromDate} maxDate={todayIso()} onChange={(fromDate) => setDraft({ ...draft, fromDate })} data-testid="history-from" />
          </Field>
          <Field label={t('history.toDate')}>
            <ThaiDatePicker value={draft.toDate} maxDate={todayIso()} onChange={(toDate) => setDraft({ ...draft, toDate })} data-testid="history-to" />
          </Field>
          <Field label={t('history.area')}>
            <Select
              allowClear
              style={{ width: 200 }}
              placeholder={t('history.anyArea')}
              value={draft.area ?? undefined}
              onChange={(area?: Filter['area']) => setDraft({ ...draft, area: area ?? null })}
              options={options?.areas.map((area) => ({ value: area, label: t(`history.areas.${area}`) }))}
              data-testid="history-area"
            />
          </Field>
          <Field label={t('history.recordKind')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 200 }}
              placeholder={t('history.anyRecord')}
              value={draft.entity ?? undefined}
              onChange={(entity?: string) => setDraft({ ...draft, entity: entity ?? null })}
              options={options?.entities.map((item) => ({ value: item.entity, label: english ? item.en : item.th }))}
              data-testid="history-entity"
            />
          </Field>
          <Field label={t('history.recordId')}>
            <Input style={{ width: 110 }} value={draft.entityId ?? ''} onChange={(event) => setDraft({ ...draft, entityId: event.target.value || null })} data-testid="history-entity-id" />
          </Field>
          <Field label={t('history.text')}>
            <Input.Search
              allowClear
              style={{ width: 240 }}
              placeholder={t('history.textPlaceholder')}
              value={draft.text}
              onChange={(event) => setDraft({ ...draft, text: event.target.value })}
              onSearch={(text) => search({ ...draft, text })}
              data-testid="history-text"
            />
          </Field>
          <Button type="primary" onClick={() => search()} data-testid="history-search">
            {t('history.search')}
          </Button>
          <Button
            onClick={() => {
              setDraft(emptyFilter);
              search(emptyFilter);
            }}
          >
            {t('history.clear')}
          </Button>
          <Button onClick={() => void exportList()} loading={exporting} disabled={!page || page.rows.length === 0} data-testid="history-export">
            {t('history.export')}
          </Button>
        </Space>
      </Card>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="history-error" />}
      <Space style={{ marginBottom: 8, display: 'flex', justifyContent: 'space-between' }} wrap>
        <Typography.Text data-testid="history-count">
          {page && page.rows.length > 0
            ? t(page.totalCapped ? 'history.shownOfMany' : 'history.shownOf', { from: shownFrom.toLocaleString(), to: shownTo.toLocaleString(), total: page.total.toLocaleString() })
            : ''}
        </Typography.Text>
        <Space>
          <Button disabled={pageStarts.length <= 1 || loading} onClick={() => setPageStarts(pageStarts.slice(0, -1))} data-testid="history-newer">
            {t('history.newer')}
          </Button>
          <Button disabled={!page?.nextBeforeId || loading} onClick={() => page?.nextBeforeId && setPageStarts([...pageStarts, page.nextBeforeId])} data-testid="history-older">
            {t('history.older')}
          </Button>
        </Space>
      </Space>
      <Table<HistoryRow>
        rowKey="id"
        size="middle"
        loading={loading}
        pagination={false}
        dataSource={page?.rows ?? []}
        locale={{ emptyText: <Empty description={t('history.none')} /> }}
        data-testid="history-table"
        columns={[
          { title: t('history.at'), dataIndex: 'at', width: 170, render: (at: string) => showDateTime(at) },
          { title: t('history.who'), dataIndex: 'userName', width: 180, render: (name: string) => name || t('history.noUser') },
          { title: t('history.area'), dataIndex: 'area', width: 150, render: (area: string) => t(`history.areas.${area}`, { defaultValue: area }) },
          {
            title: t('history.record'),
            key: 'record',
            width: 200,
            render: (_: unknown, row) =>
              row.entityId === null ? (
                entityLabel(row.entity)
              ) : (
                <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} onClick={() => goTo('history', row.entity, row.entityId!)} data-testid="history-record-link">
                  {entityLabel(row.entity)} #{row.entityId}
                </Button>
              ),
          },
          {
            title: t('history.changes'),
            key: 'changes',
            render: (_: unknown, row) => (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.method}
                </Typography.Text>
                <ChangeLines changes={row.changes} english={english} max={4} />
              </div>
            ),
          },
        ]}
      />
      <Modal
        open={record !== null}
        width={860}
        footer={null}
        title={record ? t('history.recordTitle', { record: `${entityLabel(record.entity)} #${record.entityId}` }) : ''}
        onCancel={() => goTo('history')}
        destroyOnHidden
      >
        {record && <RecordHistory entity={record.entity} entityId={record.entityId} english={english} />}
      </Modal>
    </>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <Typography.Text>{label}</Typography.Text>
      {children}
    </label>
  );
}

function shown(value: string, empty: string) {
  if (value === '') return <Typography.Text type="secondary">{empty}</Typography.Text>;
  // an ID, a phone, an amount or a date is one word: never split over two lines (a long note still wraps)
  return value.length <= 40 && !/\s/.test(value) ? <span style={{ whiteSpace: 'nowrap' }}>{value}</span> : value;
}

/** "ชื่อ: ปุณณ์ญาดา → กัญญ์ณัฏฐ์", one line per field, the first `max` of them and how many more. */
function ChangeLines({ changes, english, max }: { changes: Change[]; english: boolean; max: number }) {
  const { t } = useTranslation();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {changes.slice(0, max).map((change) => (
        <li key={change.field} style={{ overflowWrap: 'anywhere' }}>
          <strong>{english ? change.labelEn : change.labelTh}</strong>: {shown(change.before, '—')} <ArrowRightOutlined aria-label={t('history.becomes')} style={{ fontSize: 12 }} /> {shown(change.after, '—')}
        </li>
      ))}
      {changes.length > max && <li>{t('history.moreFields', { count: changes.length - max })}</li>}
    </ul>
  );
}

/** Every change to one record, oldest first, each with its fields before and after. */
function RecordHistory({ entity, entityId, english }: { entity: string; entityId: string; english: boolean }) {
  const { t } = useTranslation();
  const [history, setHistory] = useState<OutputOf<'history.record'> | null>(null);
  const [failure, setFailure] = useFailure();
  useEffect(() => {
    call('history.record', { entity, entityId })
      .then(setHistory)
      .catch((error: unknown) => setFailure(error));
  }, [entity, entityId, setFailure]);
  if (failure) return <Alert type="warning" showIcon title={failure} />;
  if (!history) return null;
  return (
    <Space orientation="vertical" size="middle" style={{ display: 'flex' }} data-testid="history-record">
      {history.rows.map((row) => (
        <Card key={row.id} size="small" title={`${showDateTime(row.at)} · ${row.userName || t('history.noUser')}`} extra={<Typography.Text type="secondary">{row.method}</Typography.Text>}>
          <Table<Change>
            rowKey="field"
            size="small"
            pagination={false}
            dataSource={row.changes}
            columns={[
              { title: t('history.field'), key: 'label', width: 180, render: (_: unknown, change) => (english ? change.labelEn : change.labelTh) },
              { title: t('history.before'), dataIndex: 'before', render: (value: string) => shown(value, '—') },
              { title: t('history.after'), dataIndex: 'after', render: (value: string) => shown(value, '—') },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}
