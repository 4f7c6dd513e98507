import { useState } from 'react';
import { Segmented, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OutputOf } from '../../api';
import { formatSatang } from '../../ui/money';
import { periodLabel } from '../welfareFormat';

type Month = OutputOf<'welfare.dashboard.get'>['monthly'][number];

/** Okabe–Ito colours: told apart with each common colour-vision deficiency, and in grey print. */
const seriesColours = { contributions: '#0072B2', benefits: '#E69F00', expenses: '#CC79A7' } as const;
const series = ['contributions', 'benefits', 'expenses'] as const;

/** Whole baht with thousands separators for the axis: 1234500 satang → "12,345". */
function axisBaht(satang: number): string {
  return Math.round(satang / 100).toLocaleString('en-US');
}

/**
 * Money in and out per month for the last 24 months: a bar chart (contributions received beside benefits and other
 * expenses paid), or the same figures as a table — to the satang, and what a screen reader reads.
 */
export function MonthlyMoneyChart({ months }: { months: Month[] }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const label = (month: Month) => periodLabel({ label: month.label, period: month.month }, 1);
  const rows = months.map((month) => ({ ...month, name: label(month) }));
  const sum = (key: (typeof series)[number]) => months.reduce((total, month) => total + month[key], 0);
  return (
    <div data-testid="dashboard-monthly">
      <Segmented
        value={view}
        onChange={(value) => setView(value as 'chart' | 'table')}
        options={[
          { value: 'chart', label: <span data-testid="dashboard-monthly-chart-view">{t('welfareDashboard.monthly.chart')}</span> },
          { value: 'table', label: <span data-testid="dashboard-monthly-table-view">{t('welfareDashboard.monthly.table')}</span> },
        ]}
        aria-label={t('welfareDashboard.monthly.view')}
        style={{ marginBottom: 12 }}
      />
      {view === 'chart' ? (
        <div
          role="img"
          aria-label={t('welfareDashboard.monthly.chartLabel', {
            from: rows[0]?.name ?? '',
            to: rows.at(-1)?.name ?? '',
            contributions: formatSatang(sum('contributions')),
            benefits: formatSatang(sum('benefits')),
            expenses: formatSatang(sum('expenses')),
          })}
          style={{ width: '100%', height: 320 }}
          data-testid="dashboard-chart"
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} barGap={1} barCategoryGap="18%">
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" interval={0} angle={-45} textAnchor="end" height={56} tick={{ fontSize: 12 }} />
              <YAxis tickFormatter={axisBaht} width={84} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(value) => t('welfareDashboard.baht', { amount: formatSatang(Number(value)) })} />
              {/* in the order of the bars: money in first, then money out */}
              <Legend verticalAlign="top" height={32} itemSorter={null} />
              {series.map((key) => (
                <Bar key={key} dataKey={key} name={t(`welfareDashboard.monthly.${key}`)} fill={seriesColours[key]} isAnimationActive={false} minPointSize={0} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <Table
          data-testid="dashboard-monthly-table"
          size="small"
          pagination={false}
          rowKey="month"
          dataSource={rows}
          scroll={{ y: 320 }}
          columns={[
            { key: 'month', title: t('welfareDashboard.monthly.month'), dataIndex: 'name' },
            ...series.map((key) => ({
              key,
              title: `${t(`welfareDashboard.monthly.${key}`)} (${t('welfareDashboard.monthly.amountAxis')})`,
              align: 'right' as const,
              render: (_: unknown, month: Month) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatSatang(month[key])}</span>,
            })),
          ]}
          summary={() => (
            <Table.Summary fixed>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{t('welfareDashboard.monthly.total')}</strong>
                </Table.Summary.Cell>
                {series.map((key, index) => (
                  <Table.Summary.Cell key={key} index={index + 1} align="right">
                    <strong style={{ fontVariantNumeric: 'tabular-nums' }}>{formatSatang(sum(key))}</strong>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          )}
        />
      )}
    </div>
  );
}
