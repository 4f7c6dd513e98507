import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call, type OutputOf } from '../../api';
import { useVillages } from '../../people/villagesStore';
import { reportError, useFailure } from '../../ui/apiErrors';
import { formatSatang } from '../../ui/money';
import { ThaiDatePicker } from '../../ui/ThaiDatePicker';
import { showDate, todayIso } from '../../ui/thaiDates';
import { openPdf } from './openPdf';

type Arrears = OutputOf<'welfare.reports.arrears'>;
type Row = Arrears['villages'][number]['rows'][number];

const ALL = 0;

/**
 * รายชื่อสมาชิกค้างส่งเงินสมทบ on a day, for one village or all: what the collection sheet says each member owes,
 * those who missed as many periods as the fund's arrears limit marked, the same as the printed list.
 */
export function ArrearsReport() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const villages = useVillages((state) => state.villages);
  const ensureVillages = useVillages((state) => state.ensureLoaded);
  const [asOf, setAsOf] = useState(todayIso());
  const [villageId, setVillageId] = useState<number>(ALL);
  // the list with what it was asked for: while another loads, nothing stale is shown
  const [loaded, setLoaded] = useState<{ key: string; list: Arrears } | null>(null);
  const key = `${villageId}|${asOf}`;
  const list = loaded?.key === key ? loaded.list : null;
  const [failure, setFailure] = useFailure();
  const [printing, setPrinting] = useState(false);
  const input = { villageId: villageId === ALL ? null : villageId, asOf };

  useEffect(() => void ensureVillages(), [ensureVillages]);
  useEffect(() => {
    let current = true;
    call('welfare.reports.arrears', { villageId: villageId === ALL ? null : villageId, asOf }).then(
      (result) => {
        if (!current) return;
        setLoaded({ key: `${villageId}|${asOf}`, list: result });
        setFailure(null);
      },
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [villageId, asOf, setFailure]);

  async function print() {
    setPrinting(true);
    try {
      openPdf(await call('welfare.reports.arrearsPrint', input));
    } catch (error) {
      message.error(reportError(error));
    } finally {
      setPrinting(false);
    }
  }

  return (
    <div data-testid="arrears-report">
      <Space wrap align="end" style={{ marginBottom: 16 }}>
        <label>
          <div>{t('welfareReports.arrears.asOf')}</div>
          <ThaiDatePicker value={asOf} onChange={(value) => value && setAsOf(value)} data-testid="arrears-date" />
        </label>
        <label>
          <div>{t('welfareReports.arrears.village')}</div>
          <Select
            value={villageId}
            onChange={setVillageId}
            style={{ width: 240 }}
            options={[{ value: ALL, label: t('welfareReports.arrears.allVillages') }, ...(villages ?? []).map((village) => ({ value: village.id, label: t('people.villageLabel', { number: village.number, name: village.name }) }))]}
            data-testid="arrears-village"
          />
        </label>
        <Button type="primary" icon={<PrinterOutlined />} loading={printing} disabled={!list} onClick={() => void print()} data-testid="arrears-print">
          {t('welfareReports.print')}
        </Button>
      </Space>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      {list && (
        <>
          <Typography.Paragraph data-testid="arrears-summary">
            {t('welfareReports.arrears.summary', { date: showDate(list.asOf), count: list.memberCount, total: formatSatang(list.totalOwedSatang) })}
            {' · '}
            {list.arrearsLimit === null ? t('welfareReports.arrears.noLimit') : t('welfareReports.arrears.limit', { limit: list.arrearsLimit, count: list.atLimitCount })}
            {list.arrearsLimit !== null && list.arrearsLimit > 1 && (
              <>
                {', '}
                <span data-testid="arrears-near-summary">{t('welfareReports.arrears.nearLimitCount', { count: list.nearLimitCount })}</span>
              </>
            )}
          </Typography.Paragraph>
          {list.villages.length === 0 && <Alert type="success" showIcon title={t('welfareReports.arrears.none')} />}
          {list.villages.map((village) => (
            <section key={village.villageId} style={{ marginBottom: 24 }} data-testid={`arrears-village-${village.number}`}>
              <Typography.Title level={5}>{t('people.villageLabel', { number: village.number, name: village.name })}</Typography.Title>
              <Table<Row>
                size="small"
                rowKey="membershipId"
                dataSource={village.rows}
                pagination={false}
                locale={{ emptyText: t('welfareReports.arrears.none') }}
                scroll={{ x: 860 }}
                columns={[
                  { key: 'number', title: t('welfareReports.arrears.memberNumber'), width: 110, dataIndex: 'memberNumber' },
                  { key: 'name', title: t('welfareReports.arrears.name'), dataIndex: 'name' },
                  { key: 'periods', title: t('welfareReports.arrears.periods'), dataIndex: 'periods' },
                  {
                    key: 'missed',
                    title: t('welfareReports.arrears.missed'),
                    width: 240,
                    render: (_, row) => (
                      <span data-testid={`arrears-missed-${row.memberNumber}`}>
                        {t('welfareReports.arrears.missedCount', { count: row.missedCount })}
                        {row.atLimit && (
                          <Tag color="error" style={{ marginLeft: 8 }}>
                            {t('welfareReports.arrears.atLimit')}
                          </Tag>
                        )}
                        {row.nearLimit && (
                          <Tag color="orange" style={{ marginLeft: 8 }}>
                            {t('welfareReports.arrears.nearLimit')}
                          </Tag>
                        )}
                      </span>
                    ),
                  },
                  {
                    key: 'owed',
                    title: t('welfareReports.arrears.owed'),
                    width: 140,
                    align: 'right',
                    render: (_, row) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatSatang(row.owedSatang)}</span>,
                  },
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={4} align="right">
                      <strong>{t('welfareReports.arrears.villageTotal', { count: village.rows.length })}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">
                      <strong style={{ whiteSpace: 'nowrap' }} data-testid={`arrears-total-${village.number}`}>
                        {formatSatang(village.totalOwedSatang)}
                      </strong>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
              />
            </section>
          ))}
        </>
      )}
    </div>
  );
}
