import { useEffect, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Checkbox, Col, Collapse, Flex, Form, Input, InputNumber, Row, Select, Space, Spin, Table, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../api';
import { goTo } from '../app/routes';
import { useSession } from '../app/store';
import { errorMessage, useFailure } from '../ui/apiErrors';
import { enterMovesToNextField, usePageKeys } from '../ui/keyboard';
import { ThaiDatePicker } from '../ui/ThaiDatePicker';
import { showDate } from '../ui/thaiDates';
import { BahtInput, bahtRule } from './BahtInput';
import { formatSatang } from '../ui/money';
import { useRegulation } from './regulationStore';
import {
  benefitCategoryCodes,
  freeCode,
  frequencies,
  paymentKinds,
  schemeKinds,
  type BenefitType,
  type ContributionSettings,
  type MemberCategory,
  type Payment,
  type RegulationInput,
  type RegulationVersion,
} from './welfareFormat';

/** The form holds the API's shape (money in satang); only the effective date may be empty while typing. */
interface EditorValues extends Omit<RegulationInput, 'effectiveFrom'> {
  effectiveFrom: string | null;
}

/** What the fund cannot leave out of a payment of each kind, when the kind is switched in a row. */
const paymentStarts: Record<Payment['kind'], Payment> = {
  fixed: { kind: 'fixed', amountSatang: 100_000 },
  perDay: { kind: 'perDay', rateSatang: 20_000, unit: 'night' },
  tiers: { kind: 'tiers', tiers: [{ fromYears: 0, amountSatang: 100_000 }] },
};

const given = <T,>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/** The payment as the core takes it: the fields of its kind only, empty caps left out. */
function cleanPayment(payment: Payment): Payment {
  switch (payment.kind) {
    case 'fixed':
      return { kind: 'fixed', amountSatang: payment.amountSatang };
    case 'perDay':
      return {
        kind: 'perDay',
        rateSatang: payment.rateSatang,
        unit: payment.unit,
        ...(given(payment.maxPerClaimSatang) ? { maxPerClaimSatang: payment.maxPerClaimSatang } : {}),
        ...(given(payment.maxUnitsPerClaim) ? { maxUnitsPerClaim: payment.maxUnitsPerClaim } : {}),
      };
    case 'tiers':
      return { kind: 'tiers', tiers: payment.tiers.map((tier) => ({ fromYears: tier.fromYears, amountSatang: tier.amountSatang })) };
  }
}

function cleanBenefit(benefit: BenefitType): BenefitType {
  const { minAge, maxAge, sex, memberCategories, minMembershipYears } = benefit.eligibility ?? {};
  return {
    ...benefit,
    eligibility: {
      ...(given(minAge) ? { minAge } : {}),
      ...(given(maxAge) ? { maxAge } : {}),
      ...(given(sex) ? { sex } : {}),
      ...(memberCategories?.length ? { memberCategories } : {}),
      ...(given(minMembershipYears) ? { minMembershipYears } : {}),
    },
    payment: cleanPayment(benefit.payment),
    maxPerYearSatang: given(benefit.maxPerYearSatang) ? benefit.maxPerYearSatang : undefined,
    maxClaimsPerYear: given(benefit.maxClaimsPerYear) ? benefit.maxClaimsPerYear : undefined,
  };
}

/** The field paths of the contributions shown before "ขั้นสูง" opens. */
const basicContributionFields = ['contributions.scheme', 'contributions.entranceFeeSatang', 'contributions.maxAdvanceMonths', 'contributions.arrears.limit'];

/**
 * A new version of the regulation: from the preset (the first one) or from an earlier version. Versions are never
 * edited; saving makes a new one with its own effective date. Ctrl+S saves, Esc cancels, Enter moves on.
 */
export function RegulationEditor({ fromId }: { fromId: number | null }) {
  const { t } = useTranslation();
  useSession((state) => state.language);
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<EditorValues>();
  const versions = useRegulation((state) => state.versions);
  const ensureVersions = useRegulation((state) => state.ensureLoaded);
  const reloadVersions = useRegulation((state) => state.reload);
  const [presetLoaded, setPresetLoaded] = useState(false);
  const [presetFailure, setPresetFailure] = useFailure();
  const [saving, setSaving] = useState(false);
  const [saveFailure, setSaveFailure] = useFailure();
  /** the benefit row a refusal is about */
  const [problemRow, setProblemRow] = useState<number | null>(null);
  const [expanded, setExpanded] = useState<number[]>([]);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [asking, setAsking] = useState(false);
  const filledFrom = useRef<RegulationVersion | null>(null);

  useEffect(() => void ensureVersions(), [ensureVersions]);

  const source = fromId === null ? null : versions?.find((version) => version.id === fromId);
  const loaded = fromId === null ? presetLoaded : Boolean(source);
  const loadFailure = fromId === null ? presetFailure : versions && !source ? t('welfare.editor.sourceMissing') : null;
  /** categories of the version started from: they may be renamed, not removed (members may hold them) */
  const keptCategories = source ? source.memberCategories.map((category) => category.code) : [];

  useEffect(() => {
    if (fromId !== null) return;
    let current = true;
    call('welfare.regulation.preset', { effectiveFrom: '' })
      .then((preset) => {
        if (!current) return;
        form.setFieldsValue({ ...preset, effectiveFrom: null, adoptedBy: '' });
        setPresetLoaded(true);
      })
      .catch((error: unknown) => current && setPresetFailure(error));
    return () => {
      current = false;
    };
  }, [fromId, form, setPresetFailure]);

  useEffect(() => {
    if (!source || filledFrom.current === source) return;
    filledFrom.current = source;
    form.setFieldsValue({ effectiveFrom: null, adoptedBy: '', contributions: source.contributions, memberCategories: source.memberCategories, benefitTypes: source.benefitTypes });
  }, [source, form]);

  function leave() {
    goTo('welfare', 'regulation');
  }

  function cancel() {
    if (asking || saving) return;
    if (!form.isFieldsTouched()) return leave();
    setAsking(true);
    modal.confirm({
      title: t('welfare.editor.discardTitle'),
      content: t('welfare.editor.discardBody'),
      okText: t('welfare.editor.discard'),
      cancelText: t('welfare.editor.keepEditing'),
      okButtonProps: { danger: true, 'data-testid': 'regulation-discard' },
      onOk: leave,
      afterClose: () => setAsking(false),
    });
  }

  /** A refusal from the core: the message on top, the benefit row marked and opened, the field marked when shown. */
  function showRefusal(error: unknown) {
    const text = errorMessage(error);
    setSaveFailure(error);
    const field = error instanceof ApiCallError ? error.data.field : undefined;
    if (!field) return;
    const path = field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    if (path[0] === 'benefitTypes' && typeof path[1] === 'number') {
      const row = path[1];
      setProblemRow(row);
      setExpanded((open) => (open.includes(row) ? open : [...open, row]));
    }
    if (path[0] === 'contributions' && !basicContributionFields.some((basic) => field.startsWith(basic))) setAdvancedOpen(true);
    // after the row or the section has opened
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        form.setFields([{ name: path as never, errors: [text] }]);
        document.querySelector('[data-testid="regulation-failure"]')?.scrollIntoView({ block: 'center' });
      }),
    );
  }

  async function save() {
    if (saving || asking || !loaded) return;
    setSaveFailure(null);
    setProblemRow(null);
    try {
      await form.validateFields();
    } catch {
      return; // each message shows under its field
    }
    const values = form.getFieldsValue(true) as EditorValues;
    setSaving(true);
    try {
      const saved = await call('welfare.regulation.create', {
        effectiveFrom: values.effectiveFrom ?? '',
        adoptedBy: values.adoptedBy ?? '',
        contributions: values.contributions,
        memberCategories: values.memberCategories.map((category) => ({ code: category.code, th: category.th, en: category.en ?? '' })),
        benefitTypes: values.benefitTypes.map(cleanBenefit),
      });
      message.success(t('welfare.editor.saved', { date: showDate(saved.effectiveFrom) }));
      await reloadVersions();
      form.resetFields();
      leave();
    } catch (error) {
      showRefusal(error);
    } finally {
      setSaving(false);
    }
  }

  usePageKeys(() => void save(), cancel);

  if (loadFailure) return <Alert type="error" showIcon title={t('welfare.regulation.loadFailed')} description={loadFailure} role="alert" />;

  return (
    <>
      <Button type="link" onClick={cancel} style={{ paddingInline: 0 }}>
        {t('welfare.editor.back')}
      </Button>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('welfare.editor.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 820 }}>
        {source ? t('welfare.editor.fromVersion', { date: showDate(source.effectiveFrom) }) : t('welfare.editor.fromPreset')}
      </Typography.Paragraph>
      {!loaded && <Spin size="large" />}
      <Form<EditorValues>
        form={form}
        name="regulation"
        layout="vertical"
        requiredMark={false}
        onKeyDown={enterMovesToNextField(() => void save())}
        style={{ display: loaded ? undefined : 'none' }}
        data-testid="regulation-form"
      >
        {saveFailure && <Alert type="error" showIcon title={saveFailure} role="alert" style={{ marginBottom: 16 }} data-testid="regulation-failure" />}
        <Space orientation="vertical" size="large" style={{ display: 'flex' }}>
          <Card title={t('welfare.editor.versionCard')}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item label={t('welfare.fields.effectiveFrom')} name="effectiveFrom" rules={[{ required: true, message: t('welfare.editor.required.effectiveFrom') }]}>
                  <ThaiDatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item label={`${t('welfare.fields.adoptedBy')} ${t('common.optional')}`} name="adoptedBy">
                  <Input autoComplete="off" maxLength={200} placeholder={t('welfare.editor.adoptedByPlaceholder')} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <ContributionsCard advancedOpen={advancedOpen} onAdvancedOpen={setAdvancedOpen} />
          <CategoriesCard kept={keptCategories} />
          <BenefitsCard form={form} problemRow={problemRow} expanded={expanded} onExpanded={setExpanded} />
        </Space>
        <Space size="middle" align="center" wrap style={{ marginTop: 24 }}>
          <Button type="primary" size="large" onClick={() => void save()} loading={saving} data-testid="regulation-save">
            {t('welfare.editor.save')}
          </Button>
          <Button size="large" onClick={cancel} data-testid="regulation-cancel">
            {t('common.cancel')}
          </Button>
          <Typography.Text type="secondary">{t('welfare.editor.saveHint')}</Typography.Text>
        </Space>
      </Form>
    </>
  );
}

function ContributionsCard({ advancedOpen, onAdvancedOpen }: { advancedOpen: boolean; onAdvancedOpen: (open: boolean) => void }) {
  const { t } = useTranslation();
  const kind = Form.useWatch(['contributions', 'scheme', 'kind']) as ContributionSettings['scheme']['kind'] | undefined;
  const amountRule = bahtRule({ notAmount: t('welfare.editor.notAmount'), required: t('welfare.editor.required.amount'), positive: t('welfare.editor.positive') });
  const dayOptions = [{ value: 'last', label: t('welfare.contributions.lastDay') }, ...Array.from({ length: 31 }, (_, index) => ({ value: index + 1, label: String(index + 1) }))];
  return (
    <Card title={t('welfare.contributions.title')}>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item label={t('welfare.contributions.amount')} name={['contributions', 'scheme', 'amountSatang']} rules={[amountRule]}>
            <BahtInput data-testid="contribution-amount" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={t('welfare.contributions.period')} name={['contributions', 'scheme', 'kind']}>
            <Select options={schemeKinds.map((value) => ({ value, label: t(`welfare.contributions.kind.${value}`) }))} data-testid="contribution-kind" />
          </Form.Item>
        </Col>
        {kind === 'every' && (
          <Col xs={24} md={4}>
            <Form.Item label={t('welfare.contributions.months')} name={['contributions', 'scheme', 'months']} rules={[{ required: true, message: t('welfare.contributions.monthsRequired') }]}>
              <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={kind === 'every' ? 8 : 6}>
          <Form.Item label={t('welfare.contributions.entranceFee')} name={['contributions', 'entranceFeeSatang']} rules={[bahtRule({ notAmount: t('welfare.editor.notAmount'), required: t('welfare.editor.required.amount') }, true)]}>
            <BahtInput />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label={t('welfare.contributions.arrearsLimit')} name={['contributions', 'arrears', 'limit']} extra={t('welfare.contributions.arrearsLimitHint')}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('welfare.contributions.maxAdvanceMonths')} name={['contributions', 'maxAdvanceMonths']} rules={[{ required: true, message: t('welfare.editor.required.number') }]}>
            <InputNumber min={0} max={120} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Collapse
        activeKey={advancedOpen ? ['advanced'] : []}
        onChange={(keys) => onAdvancedOpen(keys.includes('advanced'))}
        items={[
          {
            key: 'advanced',
            label: t('welfare.contributions.advanced'),
            forceRender: true,
            children: (
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item label={t('welfare.contributions.firstPeriod')} name={['contributions', 'firstPeriod']}>
                    <Select options={(['joining-month', 'next-month'] as const).map((value) => ({ value, label: t(`welfare.contributions.firstPeriodKind.${value}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item label={t('welfare.contributions.dueMonth')} name={['contributions', 'dueDay', 'month']}>
                    <Select options={(['first', 'last'] as const).map((value) => ({ value, label: t(`welfare.contributions.dueMonthKind.${value}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item label={t('welfare.contributions.dueDay')} name={['contributions', 'dueDay', 'day']}>
                    <Select options={dayOptions} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item label={t('welfare.contributions.counting')} name={['contributions', 'arrears', 'counting']}>
                    <Select popupMatchSelectWidth={false} options={(['consecutive', 'outstanding', 'ever-missed'] as const).map((value) => ({ value, label: t(`welfare.contributions.countingKind.${value}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item label={t('welfare.contributions.graceDays')} name={['contributions', 'arrears', 'graceDays']} rules={[{ required: true, message: t('welfare.editor.required.number') }]}>
                    <InputNumber min={0} max={366} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item label={t('welfare.contributions.periodOfEnd')} name={['contributions', 'periodOfEnd']}>
                    <Select options={(['owed', 'waived'] as const).map((value) => ({ value, label: t(`welfare.contributions.periodOfEndKind.${value}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item name={['contributions', 'allowPartialPeriod']} valuePropName="checked" style={{ marginBottom: 0 }}>
                    <Checkbox>{t('welfare.contributions.allowPartialPeriod')}</Checkbox>
                  </Form.Item>
                </Col>
              </Row>
            ),
          },
        ]}
      />
    </Card>
  );
}

function CategoriesCard({ kept }: { kept: string[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('welfare.categories.title')} data-testid="member-categories">
      <Typography.Paragraph type="secondary">{t('welfare.categories.hint')}</Typography.Paragraph>
      <Form.List name="memberCategories">
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Row gutter={12} key={field.key} align="top">
                <Col xs={2} style={{ paddingTop: 6, textAlign: 'right' }}>
                  {index + 1}.
                </Col>
                <Col xs={22} md={9}>
                  <Form.Item name={[field.name, 'th']} rules={[{ required: true, whitespace: true, message: t('welfare.categories.nameRequired') }]}>
                    <Input autoComplete="off" maxLength={200} aria-label={t('welfare.categories.nameTh', { n: index + 1 })} />
                  </Form.Item>
                </Col>
                <Col xs={22} md={9} offset={0}>
                  <Form.Item name={[field.name, 'en']}>
                    <Input autoComplete="off" maxLength={200} placeholder={t('welfare.categories.nameEnPlaceholder')} aria-label={t('welfare.categories.nameEn', { n: index + 1 })} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={4}>
                  <CategoryRemove index={field.name} kept={kept} onRemove={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
            <CategoryAdd onAdd={add} />
          </>
        )}
      </Form.List>
    </Card>
  );
}

/** Only a category added in this version can be taken out again: members may hold the others. */
function CategoryRemove({ index, kept, onRemove }: { index: number; kept: string[]; onRemove: () => void }) {
  const { t } = useTranslation();
  const code = Form.useWatch(['memberCategories', index, 'code'], { preserve: true }) as string | undefined;
  if (code === undefined || kept.includes(code)) return null;
  return <Button onClick={onRemove}>{t('welfare.editor.remove')}</Button>;
}

function CategoryAdd({ onAdd }: { onAdd: (value: MemberCategory) => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<EditorValues>();
  return (
    <Button
      onClick={() => {
        const taken = ((form.getFieldValue('memberCategories') as MemberCategory[] | undefined) ?? []).map((category) => category.code);
        onAdd({ code: freeCode('own', taken), th: '', en: '' });
      }}
      data-testid="category-add"
    >
      {t('welfare.categories.add')}
    </Button>
  );
}

/** One line that says what a benefit pays: "200.00 ต่อคืน เพดาน 600.00", "3,000.00 ถึง 30,000.00 ตามปี". */
function usePaymentSummary() {
  const { t } = useTranslation();
  return (payment: Payment | undefined): string => {
    if (!payment) return '';
    const money = (satang: unknown) => (typeof satang === 'number' && Number.isFinite(satang) ? formatSatang(satang) : '?');
    switch (payment.kind) {
      case 'fixed':
        return money(payment.amountSatang);
      case 'perDay': {
        const rate = t(`welfare.benefits.summary.per.${payment.unit ?? 'day'}`, { amount: money(payment.rateSatang) });
        return given(payment.maxPerClaimSatang) ? `${rate} ${t('welfare.benefits.summary.cap', { amount: money(payment.maxPerClaimSatang) })}` : rate;
      }
      case 'tiers': {
        const amounts = (payment.tiers ?? []).map((tier) => tier?.amountSatang);
        if (amounts.length === 0) return '';
        return amounts.length === 1 ? money(amounts[0]) : t('welfare.benefits.summary.tiers', { from: money(amounts[0]), to: money(amounts[amounts.length - 1]) });
      }
    }
  };
}

function BenefitsCard({ form, problemRow, expanded, onExpanded }: { form: FormInstance<EditorValues>; problemRow: number | null; expanded: number[]; onExpanded: (rows: number[]) => void }) {
  const { t } = useTranslation();
  const benefits = (Form.useWatch('benefitTypes', { form, preserve: true }) as BenefitType[] | undefined) ?? [];
  const summary = usePaymentSummary();
  return (
    <Card title={t('welfare.benefits.title')} data-testid="benefit-types">
      <Typography.Paragraph type="secondary">{t('welfare.benefits.hint')}</Typography.Paragraph>
      <Form.List name="benefitTypes">
        {(fields, { add, remove }) => (
          <>
            <Table
              rowKey="name"
              size="small"
              pagination={false}
              dataSource={fields}
              tableLayout="fixed"
              scroll={{ x: 1000 }}
              expandable={{
                expandedRowKeys: expanded,
                onExpandedRowsChange: (keys) => onExpanded(keys.map(Number)),
                expandedRowRender: (field) => (
                  <BenefitDetails
                    index={field.name}
                    onRemove={() => {
                      remove(field.name);
                      onExpanded([]);
                    }}
                  />
                ),
                columnWidth: 40,
              }}
              onRow={(field) => ({
                style: field.name === problemRow ? { background: '#fff1f0', outline: '2px solid #cf1322', outlineOffset: -2 } : undefined,
                'data-testid': `benefit-row-${field.name}`,
                'aria-invalid': field.name === problemRow || undefined,
              })}
              columns={[
                { title: '#', key: 'n', width: 40, align: 'right', render: (_, field) => field.name + 1 },
                {
                  title: t('welfare.benefits.name'),
                  key: 'name',
                  width: 200,
                  render: (_, field) => (
                    <Form.Item name={[field.name, 'name', 'th']} rules={[{ required: true, whitespace: true, message: t('welfare.benefits.nameRequired') }]} style={{ margin: 0 }}>
                      <Input autoComplete="off" maxLength={200} aria-label={t('welfare.benefits.nameOf', { n: field.name + 1 })} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('welfare.benefits.category'),
                  key: 'category',
                  width: 190,
                  render: (_, field) => (
                    <Form.Item name={[field.name, 'category']} style={{ margin: 0 }}>
                      <Select popupMatchSelectWidth={false} options={benefitCategoryCodes.map((code) => ({ value: code, label: t(`welfare.benefitCategory.${code}`) }))} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('welfare.benefits.waitingDays'),
                  key: 'waitingDays',
                  width: 90,
                  render: (_, field) => (
                    <Form.Item name={[field.name, 'waitingDays']} rules={[{ required: true, message: t('welfare.editor.required.number') }]} style={{ margin: 0 }}>
                      <InputNumber min={0} max={3660} precision={0} style={{ width: '100%' }} aria-label={t('welfare.benefits.waitingDaysOf', { n: field.name + 1 })} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('welfare.benefits.paymentKind'),
                  key: 'kind',
                  width: 150,
                  render: (_, field) => (
                    <Form.Item name={[field.name, 'payment', 'kind']} style={{ margin: 0 }}>
                      <Select
                        popupMatchSelectWidth={false}
                        options={paymentKinds.map((kind) => ({ value: kind, label: t(`welfare.benefits.kind.${kind}`) }))}
                        onChange={(kind: Payment['kind']) => {
                          form.setFieldValue(['benefitTypes', field.name, 'payment'], structuredClone(paymentStarts[kind]));
                          if (!expanded.includes(field.name)) onExpanded([...expanded, field.name]);
                        }}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t('welfare.benefits.amount'),
                  key: 'amount',
                  width: 160,
                  align: 'right',
                  render: (_, field) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{summary(benefits[field.name]?.payment)}</span>,
                },
                {
                  title: t('welfare.benefits.frequency'),
                  key: 'frequency',
                  width: 130,
                  render: (_, field) => (
                    <Form.Item name={[field.name, 'frequency']} style={{ margin: 0 }}>
                      <Select popupMatchSelectWidth={false} options={frequencies.map((value) => ({ value, label: t(`welfare.benefits.frequencyKind.${value}`) }))} />
                    </Form.Item>
                  ),
                },
              ]}
            />
            <Button
              style={{ marginTop: 12 }}
              onClick={() => {
                const taken = benefits.map((benefit) => benefit.code);
                add({ code: freeCode('own', taken), name: { th: '', en: '' }, category: 'other', waitingDays: 180, eligibility: {}, payment: structuredClone(paymentStarts.fixed), frequency: 'perEvent', evidence: [] } satisfies BenefitType);
                onExpanded([...expanded, fields.length]);
              }}
              data-testid="benefit-add"
            >
              {t('welfare.benefits.add')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}

/** The rest of one benefit: the amounts of its payment kind, caps, who qualifies, and its evidence. */
function BenefitDetails({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const kind = Form.useWatch(['benefitTypes', index, 'payment', 'kind']) as Payment['kind'] | undefined;
  const categories = (Form.useWatch('memberCategories', { preserve: true }) as MemberCategory[] | undefined) ?? [];
  const required = bahtRule({ notAmount: t('welfare.editor.notAmount'), required: t('welfare.editor.required.amount'), positive: t('welfare.editor.positive') });
  const optional = bahtRule({ notAmount: t('welfare.editor.notAmount'), positive: t('welfare.editor.positive') });
  const at = (...path: (string | number)[]) => [index, ...path];
  return (
    <div style={{ paddingInline: 8 }} data-testid={`benefit-details-${index}`}>
      <Row gutter={16}>
        {kind === 'fixed' && (
          <Col xs={24} md={6}>
            <Form.Item label={t('welfare.benefits.fixedAmount')} name={at('payment', 'amountSatang')} rules={[required]}>
              <BahtInput />
            </Form.Item>
          </Col>
        )}
        {kind === 'perDay' && (
          <>
            <Col xs={24} md={5}>
              <Form.Item label={t('welfare.benefits.rate')} name={at('payment', 'rateSatang')} rules={[required]}>
                <BahtInput />
              </Form.Item>
            </Col>
            <Col xs={24} md={4}>
              <Form.Item label={t('welfare.benefits.unit')} name={at('payment', 'unit')}>
                <Select options={(['day', 'night'] as const).map((value) => ({ value, label: t(`welfare.benefits.unitKind.${value}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={5}>
              <Form.Item label={t('welfare.benefits.maxPerClaim')} name={at('payment', 'maxPerClaimSatang')} rules={[optional]}>
                <BahtInput placeholder={t('welfare.benefits.noCap')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={5}>
              <Form.Item label={t('welfare.benefits.maxUnits')} name={at('payment', 'maxUnitsPerClaim')}>
                <InputNumber min={1} max={3660} precision={0} style={{ width: '100%' }} placeholder={t('welfare.benefits.noCap')} />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24} md={5}>
          <Form.Item label={t('welfare.benefits.maxPerYear')} name={at('maxPerYearSatang')} rules={[optional]}>
            <BahtInput placeholder={t('welfare.benefits.noCap')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={5}>
          <Form.Item label={t('welfare.benefits.maxClaimsPerYear')} name={at('maxClaimsPerYear')}>
            <InputNumber min={1} max={366} precision={0} style={{ width: '100%' }} placeholder={t('welfare.benefits.noCap')} />
          </Form.Item>
        </Col>
      </Row>
      {kind === 'tiers' && <TierTable index={index} />}
      <Typography.Text strong>{t('welfare.benefits.eligibility')}</Typography.Text>
      <Row gutter={16} style={{ marginTop: 8 }}>
        <Col xs={12} md={4}>
          <Form.Item label={t('welfare.benefits.minAge')} name={at('eligibility', 'minAge')}>
            <InputNumber min={0} max={150} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label={t('welfare.benefits.maxAge')} name={at('eligibility', 'maxAge')}>
            <InputNumber min={0} max={150} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label={t('welfare.benefits.sex')} name={at('eligibility', 'sex')}>
            <Select allowClear placeholder={t('welfare.benefits.anySex')} options={(['M', 'F'] as const).map((value) => ({ value, label: t(`people.sex.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label={t('welfare.benefits.minYears')} name={at('eligibility', 'minMembershipYears')}>
            <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('welfare.benefits.memberCategories')} name={at('eligibility', 'memberCategories')}>
            <Select mode="multiple" allowClear placeholder={t('welfare.benefits.anyCategory')} options={categories.map((category) => ({ value: category.code, label: category.th || category.code }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item label={`${t('welfare.benefits.nameEn')} ${t('common.optional')}`} name={at('name', 'en')}>
            <Input autoComplete="off" maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <EvidenceList index={index} />
      <Button danger onClick={onRemove} style={{ marginBottom: 8 }} data-testid={`benefit-remove-${index}`}>
        {t('welfare.benefits.remove')}
      </Button>
    </div>
  );
}

/**
 * The evidence a claim of this benefit must bring (ticked on the claim). A new item gets a free code of its own, so
 * the treasurer only types its Thai name; claims already judged keep the codes they were judged with.
 */
function EvidenceList({ index }: { index: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <Form.List name={[index, 'evidence']}>
      {(items, { add, remove }) => (
        <div style={{ marginBottom: 16 }} data-testid={`benefit-evidence-${index}`}>
          <Typography.Text strong>{t('welfare.benefits.evidence')}</Typography.Text>
          {items.length === 0 && <div style={{ marginTop: 6 }}>{t('welfare.benefits.noEvidence')}</div>}
          {items.map((item, position) => (
            <Flex key={item.key} gap={12} align="start" wrap style={{ marginTop: 8 }}>
              <Form.Item
                name={[item.name, 'th']}
                rules={[{ required: true, whitespace: true, message: t('welfare.benefits.evidenceRequired') }]}
                style={{ marginBottom: 0, flex: '2 1 320px' }}
              >
                <Input autoComplete="off" maxLength={200} aria-label={t('welfare.benefits.evidenceTh', { n: position + 1 })} placeholder={t('welfare.benefits.evidenceTh', { n: position + 1 })} />
              </Form.Item>
              <Form.Item name={[item.name, 'en']} style={{ marginBottom: 0, flex: '1 1 220px' }}>
                <Input autoComplete="off" maxLength={200} aria-label={t('welfare.benefits.evidenceEn', { n: position + 1 })} placeholder={`${t('welfare.benefits.evidenceEn', { n: position + 1 })} ${t('common.optional')}`} />
              </Form.Item>
              <Button onClick={() => remove(item.name)} aria-label={t('welfare.benefits.evidenceRemove', { n: position + 1 })}>
                {t('welfare.editor.remove')}
              </Button>
            </Flex>
          ))}
          <Button
            style={{ marginTop: 8 }}
            data-testid={`benefit-evidence-add-${index}`}
            onClick={() => {
              const taken = ((form.getFieldValue(['benefitTypes', index, 'evidence']) as BenefitType['evidence'] | undefined) ?? []).map((entry) => entry.code);
              add({ code: freeCode('evidence', taken), th: '', en: '' });
            }}
          >
            {t('welfare.benefits.addEvidence')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** A tier table by years of membership: from N years, this amount; the first tier starts at 0. */
function TierTable({ index }: { index: number }) {
  const { t } = useTranslation();
  const required = bahtRule({ notAmount: t('welfare.editor.notAmount'), required: t('welfare.editor.required.amount'), positive: t('welfare.editor.positive') });
  return (
    <Form.List name={[index, 'payment', 'tiers']}>
      {(tiers, { add, remove }) => (
        <div style={{ marginBottom: 16 }} data-testid={`benefit-tiers-${index}`}>
          <Typography.Text strong>{t('welfare.benefits.tiers')}</Typography.Text>
          {tiers.map((tier, position) => (
            <Flex key={tier.key} gap={12} align="start" wrap style={{ marginTop: 8 }}>
              <Form.Item label={position === 0 ? t('welfare.benefits.fromYears') : undefined} name={[tier.name, 'fromYears']} rules={[{ required: true, message: t('welfare.editor.required.number') }]} style={{ marginBottom: 0, width: 160 }}>
                <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} aria-label={t('welfare.benefits.tierFrom', { n: position + 1 })} />
              </Form.Item>
              <Form.Item label={position === 0 ? t('welfare.benefits.tierAmount') : undefined} name={[tier.name, 'amountSatang']} rules={[required]} style={{ marginBottom: 0, width: 200 }}>
                <BahtInput aria-label={t('welfare.benefits.tierAmountOf', { n: position + 1 })} />
              </Form.Item>
              {tiers.length > 1 && (
                <Button onClick={() => remove(tier.name)} style={{ marginTop: position === 0 ? 34 : 0 }}>
                  {t('welfare.editor.remove')}
                </Button>
              )}
            </Flex>
          ))}
          <Button style={{ marginTop: 8 }} onClick={() => add({ fromYears: null, amountSatang: null })}>
            {t('welfare.benefits.addTier')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
