import { useEffect, useState } from 'react';
import { Button, Card, Input, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call, type OutputOf } from '../../api';
import { useFailure } from '../../ui/apiErrors';
import { BahtInput } from '../BahtInput';

export type CodiTexts = OutputOf<'welfare.codi.texts'>;
type TextKey = 'objectives' | 'population' | 'activities' | 'management' | 'links' | 'support' | 'problems' | 'suggestions' | 'highlights' | 'sustainability';
type Plan = CodiTexts['plans'][number];
type Member = CodiTexts['committee'][number];

/** The text sections in the order of the two forms, with the form's item number. */
const TEXT_SECTIONS: { key: TextKey; item: string; rows: number; max: number }[] = [
  { key: 'objectives', item: 'สถานะ 2', rows: 3, max: 4000 },
  { key: 'population', item: 'สถานะ 3', rows: 1, max: 100 },
  { key: 'activities', item: 'สถานะ 7', rows: 4, max: 4000 },
  { key: 'management', item: 'สถานะ 9', rows: 4, max: 4000 },
  { key: 'links', item: 'สถานะ 11', rows: 2, max: 4000 },
  { key: 'support', item: 'สถานะ 12', rows: 2, max: 4000 },
  { key: 'problems', item: 'สถานะ 14', rows: 3, max: 4000 },
  { key: 'suggestions', item: 'สถานะ 15', rows: 3, max: 4000 },
  { key: 'highlights', item: 'แบบเสนอ 6', rows: 3, max: 4000 },
  { key: 'sustainability', item: 'แบบเสนอ 7', rows: 3, max: 4000 },
];

/** Time after the last keystroke before the texts save themselves. */
const AUTOSAVE_MS = 1500;

type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

/**
 * What is typed and not yet saved, and the timer that saves it: one per editor (the editor is keyed by the year), kept
 * outside React's render so that the timer, leaving the tab and closing the window all see the latest texts.
 */
class PendingTexts {
  changed = new Set<keyof CodiTexts>();
  timer: number | null = null;

  constructor(
    readonly fiscalYear: number,
    public latest: CodiTexts,
    readonly report: (state: SaveState, failure: unknown, saved?: CodiTexts) => void,
  ) {}

  change<K extends keyof CodiTexts>(key: K, value: CodiTexts[K]): CodiTexts {
    this.latest = { ...this.latest, [key]: value };
    this.changed.add(key);
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.flush(), AUTOSAVE_MS);
    this.report('pending', null);
    return this.latest;
  }

  async flush(): Promise<void> {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    if (this.changed.size === 0) return;
    const keys = [...this.changed];
    this.changed.clear();
    // a row being typed in is kept on screen but saved only once it has something (a member needs a name)
    const saving = { ...this.latest, committee: this.latest.committee.filter((member) => member.name.trim() !== ''), plans: this.latest.plans.filter((plan) => `${plan.plan}${plan.method}${plan.result}`.trim() !== '') };
    const sections = Object.fromEntries(keys.map((key) => [key, saving[key]]));
    this.report('saving', null);
    try {
      const saved = await call('welfare.codi.textsSave', { fiscalYear: this.fiscalYear, sections });
      this.report(this.changed.size > 0 ? 'pending' : 'saved', null, saved);
    } catch (error) {
      keys.forEach((key) => this.changed.add(key));
      this.report('failed', error);
    }
  }
}

/**
 * The committee's words for one fiscal year. They save themselves a moment after typing stops (and at once when the
 * year is changed or the tab is left); while something is not yet saved the window asks before it closes.
 */
export function CodiTextsEditor({ fiscalYear, initial, canWrite, onSaved }: { fiscalYear: number; initial: CodiTexts; canWrite: boolean; onSaved: (texts: CodiTexts) => void }) {
  const { t } = useTranslation();
  const [texts, setTexts] = useState<CodiTexts>(initial);
  const [state, setState] = useState<SaveState>('saved');
  const [failure, setFailure] = useFailure();
  const [pending] = useState(
    () =>
      new PendingTexts(fiscalYear, initial, (next, problem, saved) => {
        setState(next);
        setFailure(problem);
        if (saved) onSaved(saved);
      }),
  );

  useEffect(() => {
    // closing the window with something unsaved: the browser asks, and the save starts
    const guard = (event: BeforeUnloadEvent) => {
      if (pending.changed.size === 0) return;
      event.preventDefault();
      void pending.flush();
    };
    window.addEventListener('beforeunload', guard);
    return () => {
      window.removeEventListener('beforeunload', guard);
      // leaving the tab or the year: what was typed is saved, not dropped
      void pending.flush();
    };
  }, [pending]);

  function change<K extends keyof CodiTexts>(key: K, value: CodiTexts[K]) {
    setTexts(pending.change(key, value));
  }
  const flush = () => pending.flush();

  const status = { saved: t('welfareCodi.texts.saved'), pending: t('welfareCodi.texts.pending'), saving: t('welfareCodi.texts.saving'), failed: t('welfareCodi.texts.failed') }[state];

  return (
    <Card
      title={t('welfareCodi.texts.title', { year: fiscalYear })}
      extra={
        <Space>
          <Typography.Text type={state === 'failed' ? 'danger' : state === 'saved' ? 'success' : 'warning'} data-testid="codi-texts-state">
            {status}
          </Typography.Text>
          <Button onClick={() => void flush()} disabled={!canWrite || state === 'saved' || state === 'saving'} data-testid="codi-texts-save">
            {t('welfareCodi.texts.saveNow')}
          </Button>
        </Space>
      }
      data-testid="codi-texts"
    >
      {failure && (
        <Typography.Paragraph type="danger" data-testid="codi-texts-failure">
          {failure}
        </Typography.Paragraph>
      )}
      {!canWrite && <Typography.Paragraph type="secondary">{t('welfareCodi.texts.readOnly')}</Typography.Paragraph>}
      {TEXT_SECTIONS.map((section) => (
        <label key={section.key} style={{ display: 'block', marginBottom: 12 }}>
          <div>
            <Typography.Text type="secondary">{section.item}</Typography.Text> {t(`welfareCodi.sections.${section.key}`)}
          </div>
          <Input.TextArea
            value={texts[section.key]}
            onChange={(event) => change(section.key, event.target.value)}
            autoSize={{ minRows: section.rows, maxRows: 12 }}
            maxLength={section.max}
            showCount
            readOnly={!canWrite}
            data-testid={`codi-text-${section.key}`}
          />
        </label>
      ))}
      <label style={{ display: 'block', marginBottom: 12 }}>
        <div>
          <Typography.Text type="secondary">แบบเสนอ 5</Typography.Text> {t('welfareCodi.sections.requestedAmount')}
        </div>
        <Space>
          <BahtInput value={texts.requestedAmount} onChange={(satang) => change('requestedAmount', satang !== null && Number.isFinite(satang) ? satang : null)} data-testid="codi-requested-amount" />
          <Typography.Text type="secondary">{t('welfareCodi.texts.requestedHint')}</Typography.Text>
        </Space>
      </label>

      <Typography.Title level={5}>
        <Typography.Text type="secondary">สถานะ 13</Typography.Text> {t('welfareCodi.sections.plans')}
      </Typography.Title>
      <Table<Plan & { index: number }>
        size="small"
        pagination={false}
        rowKey="index"
        dataSource={texts.plans.map((plan, index) => ({ ...plan, index }))}
        columns={(['plan', 'method', 'result'] as const).map((field) => ({
          key: field as string,
          title: t(`welfareCodi.plans.${field}`),
          render: (_: unknown, row: Plan & { index: number }) => (
            <Input.TextArea
              autoSize
              value={row[field]}
              readOnly={!canWrite}
              maxLength={field === 'plan' ? 500 : 1000}
              onChange={(event) => change('plans', texts.plans.map((plan, index) => (index === row.index ? { ...plan, [field]: event.target.value } : plan)))}
              data-testid={`codi-plan-${row.index}-${field}`}
            />
          ),
        })).concat([{ key: 'remove', title: '', render: (_: unknown, row: Plan & { index: number }) => <Button icon={<DeleteOutlined />} disabled={!canWrite} aria-label={t('welfareCodi.remove')} onClick={() => change('plans', texts.plans.filter((_plan, index) => index !== row.index))} /> }])}
      />
      <Button icon={<PlusOutlined />} disabled={!canWrite || texts.plans.length >= 30} onClick={() => change('plans', [...texts.plans, { plan: '', method: '', result: '' }])} style={{ margin: '8px 0 16px' }} data-testid="codi-plan-add">
        {t('welfareCodi.plans.add')}
      </Button>

      <Typography.Title level={5}>
        <Typography.Text type="secondary">สถานะ 8 / แบบเสนอ 3, 8</Typography.Text> {t('welfareCodi.sections.committee')}
      </Typography.Title>
      <Table<Member & { index: number }>
        size="small"
        pagination={false}
        rowKey="index"
        dataSource={texts.committee.map((member, index) => ({ ...member, index }))}
        columns={(['name', 'position', 'communityRole', 'citizenId', 'phone'] as const).map((field) => ({
          key: field as string,
          title: t(`welfareCodi.committee.${field}`),
          render: (_: unknown, row: Member & { index: number }) => (
            <Input
              value={row[field]}
              readOnly={!canWrite}
              maxLength={field === 'citizenId' ? 20 : field === 'phone' ? 40 : 100}
              onChange={(event) => change('committee', texts.committee.map((member, index) => (index === row.index ? { ...member, [field]: event.target.value } : member)))}
              data-testid={`codi-committee-${row.index}-${field}`}
            />
          ),
        })).concat([{ key: 'remove', title: '', render: (_: unknown, row: Member & { index: number }) => <Button icon={<DeleteOutlined />} disabled={!canWrite} aria-label={t('welfareCodi.remove')} onClick={() => change('committee', texts.committee.filter((_member, index) => index !== row.index))} /> }])}
      />
      <Button icon={<PlusOutlined />} disabled={!canWrite || texts.committee.length >= 40} onClick={() => change('committee', [...texts.committee, { name: '', position: '', communityRole: '', citizenId: '', phone: '' }])} style={{ marginTop: 8 }} data-testid="codi-committee-add">
        {t('welfareCodi.committee.add')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('welfareCodi.committee.hint')}
      </Typography.Paragraph>
    </Card>
  );
}
