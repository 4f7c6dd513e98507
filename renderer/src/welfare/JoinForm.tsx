import { useEffect, useState } from 'react';
import { Alert, App as AntApp, AutoComplete, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../api';
import { goTo } from '../app/routes';
import { useSession } from '../app/store';
import { personName, type PersonListItem } from '../people/peopleFormat';
import { useFailure, errorOutsideForm } from '../ui/apiErrors';
import { enterMovesToNextField, usePageKeys } from '../ui/keyboard';
import { ThaiDatePicker } from '../ui/ThaiDatePicker';
import { todayIso } from '../ui/thaiDates';
import { usePeopleSearch } from '../people/usePeopleSearch';
import { PersonNameInput, PersonOption } from './PersonPicker';
import { useRegulation } from './regulationStore';
import { categoryName } from './welfareFormat';

interface BeneficiaryValues {
  personId: number | null;
  name: string;
  relationship: string;
  sharePercent: number | null;
}

interface JoinValues {
  personId: number | null;
  memberNumber: string;
  category: string | null;
  applicationDate: string | null;
  startDate: string | null;
  approvedBy: string;
  approvalDate: string | null;
  entranceFeeWaived: boolean;
  healthConsent: boolean;
  healthConsentDate: string | null;
  beneficiaries: BeneficiaryValues[];
}

const joinFields = ['personId', 'memberNumber', 'category', 'applicationDate', 'startDate', 'approvedBy', 'approvalDate', 'healthConsentDate', 'beneficiaries'];
/** Words on the office's forms, offered as the relationship is typed (any other word may be typed). */
const commonRelationships = ['สามี', 'ภรรยา', 'บุตร', 'บิดา', 'มารดา', 'พี่', 'น้อง', 'หลาน', 'ญาติ'];

/** Shares as whole hundredths, so that 33.33 + 33.33 + 33.34 is exactly 100. */
const hundredths = (beneficiaries: readonly (BeneficiaryValues | undefined)[]) =>
  beneficiaries.reduce((sum, beneficiary) => sum + Math.round((beneficiary?.sharePercent ?? 0) * 100), 0);

/**
 * Taking a person from the register into the fund. Enter moves on, Ctrl+S saves, Esc cancels. Opened from the
 * collection day (`returnTo` 'collection'), saving or cancelling goes back to the sheet.
 */
export function JoinForm({ returnTo = null }: { returnTo?: 'collection' | null }) {
  const { t } = useTranslation();
  useSession((state) => state.language);
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<JoinValues>();
  const versions = useRegulation((state) => state.versions);
  const ensureVersions = useRegulation((state) => state.ensureLoaded);
  const [person, setPerson] = useState<PersonListItem | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveFailure, setSaveFailure] = useFailure();
  /** the membership the person already holds (a CONFLICT from the core) */
  const [existing, setExisting] = useState<{ id: number; label: string } | null>(null);
  const [asking, setAsking] = useState(false);
  const healthConsent = Form.useWatch('healthConsent', form);
  const beneficiaries = (Form.useWatch('beneficiaries', form) as BeneficiaryValues[] | undefined) ?? [];

  useEffect(() => void ensureVersions(), [ensureVersions]);
  useEffect(() => {
    let current = true;
    call('welfare.members.nextNumber', {})
      .then(({ memberNumber }) => current && !form.isFieldTouched('memberNumber') && form.setFieldValue('memberNumber', memberNumber))
      .catch((error: unknown) => current && setSaveFailure(error));
    return () => {
      current = false;
    };
  }, [form, setSaveFailure]);

  // the categories of the version in force today (the core checks against the one in force on the start date)
  const categories = versions?.length ? [...versions].reverse().find((version) => version.effectiveFrom <= todayIso())?.memberCategories ?? versions[0]!.memberCategories : [];

  const leave = () => (returnTo === 'collection' ? goTo('welfare', 'collection') : goTo('welfare'));

  function cancel() {
    if (asking || saving) return;
    if (!form.isFieldsTouched() && person === null) return leave();
    setAsking(true);
    modal.confirm({
      title: t('welfare.join.discardTitle'),
      content: t('welfare.join.discardBody'),
      okText: t('welfare.join.discard'),
      cancelText: t('welfare.join.keepEditing'),
      okButtonProps: { danger: true, 'data-testid': 'join-discard' },
      onOk: leave,
      afterClose: () => setAsking(false),
    });
  }

  async function save() {
    if (saving || asking) return;
    setSaveFailure(null);
    setExisting(null);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const values = form.getFieldsValue(true) as JoinValues;
    setSaving(true);
    try {
      const saved = await call('welfare.members.join', {
        personId: values.personId ?? 0,
        memberNumber: values.memberNumber,
        category: values.category ?? '',
        applicationDate: values.applicationDate ?? '',
        startDate: values.startDate ?? '',
        approvedBy: values.approvedBy ?? '',
        approvalDate: values.approvalDate,
        entranceFeeWaived: values.entranceFeeWaived,
        healthConsent: values.healthConsent,
        healthConsentDate: values.healthConsent ? values.healthConsentDate : null,
        beneficiaries: (values.beneficiaries ?? []).map((beneficiary) => ({
          personId: beneficiary.personId,
          name: beneficiary.name ?? '',
          relationship: beneficiary.relationship ?? '',
          sharePercent: beneficiary.sharePercent ?? 0,
        })),
      });
      message.success(t('welfare.join.saved', { name: person ? personName(person) : '', number: saved.memberNumber }));
      form.resetFields();
      if (returnTo === 'collection') goTo('welfare', 'collection');
      else goTo('welfare', 'members', saved.id);
    } catch (error) {
      const related = error instanceof ApiCallError ? error.data.related : undefined;
      if (error instanceof ApiCallError && error.data.code === 'CONFLICT' && related?.entity === 'membership') {
        setExisting({ id: Number(related.id), label: related.label });
      }
      const left = errorOutsideForm(form, error, joinFields);
      setSaveFailure(left ?? (error instanceof ApiCallError && error.data.field === 'personId' ? error : null));
    } finally {
      setSaving(false);
    }
  }

  usePageKeys(() => void save(), cancel);

  const total = hundredths(beneficiaries);
  const sharesOk = beneficiaries.length === 0 || total === 10_000;

  return (
    <>
      <Button type="link" onClick={cancel} style={{ paddingInline: 0 }}>
        {t('welfare.member.back')}
      </Button>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('welfare.join.title')}
      </Typography.Title>
      <Card style={{ maxWidth: 1000 }}>
        <Form<JoinValues>
          form={form}
          name="join"
          layout="vertical"
          requiredMark={false}
          initialValues={{ personId: null, memberNumber: '', category: 'general', applicationDate: todayIso(), startDate: todayIso(), approvedBy: '', approvalDate: null, entranceFeeWaived: false, healthConsent: false, healthConsentDate: null, beneficiaries: [] }}
          onKeyDown={enterMovesToNextField(() => void save())}
          data-testid="join-form"
        >
          <Form.Item label={t('welfare.join.person')} name="personId" rules={[{ required: true, message: t('welfare.join.personRequired') }]}>
            <MemberPersonPicker
              person={person}
              onPick={(picked) => {
                setPerson(picked);
                setExisting(null);
                setSaveFailure(null);
              }}
            />
          </Form.Item>
          {existing && (
            <Alert
              type="warning"
              showIcon
              role="alert"
              style={{ marginBottom: 20 }}
              title={saveFailure ?? t('welfare.join.alreadyMember', { number: existing.label })}
              action={
                <Button type="primary" onClick={() => goTo('welfare', 'members', existing.id)} data-testid="join-open-existing">
                  {t('welfare.join.openExisting')}
                </Button>
              }
              data-testid="join-existing"
            />
          )}
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item label={t('welfare.fields.memberNumber')} name="memberNumber" rules={[{ required: true, whitespace: true, message: t('welfare.join.numberRequired') }]} extra={t('welfare.join.numberHint')}>
                <Input autoComplete="off" maxLength={20} style={{ fontVariantNumeric: 'tabular-nums' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('welfare.fields.category')} name="category" rules={[{ required: true, message: t('welfare.join.categoryRequired') }]}>
                <Select options={categories.map((category) => ({ value: category.code, label: categoryName(category.code, categories) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={5}>
              <Form.Item label={t('welfare.fields.applicationDate')} name="applicationDate" rules={[{ required: true, message: t('welfare.join.dateRequired') }]}>
                <ThaiDatePicker maxDate={todayIso()} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={5}>
              <Form.Item label={t('welfare.fields.startDate')} name="startDate" rules={[{ required: true, message: t('welfare.join.dateRequired') }]}>
                <ThaiDatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Form.Item label={`${t('welfare.fields.approvedBy')} ${t('common.optional')}`} name="approvedBy">
                <Input autoComplete="off" maxLength={200} placeholder={t('welfare.join.approvedByPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={5}>
              <Form.Item label={`${t('welfare.fields.approvalDate')} ${t('common.optional')}`} name="approvalDate">
                <ThaiDatePicker maxDate={todayIso()} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="entranceFeeWaived" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>{t('welfare.join.entranceFeeWaived')}</Checkbox>
          </Form.Item>
          <Row gutter={16} align="middle">
            <Col xs={24} md={14}>
              <Form.Item name="healthConsent" valuePropName="checked">
                <Checkbox>{t('welfare.join.healthConsent')}</Checkbox>
              </Form.Item>
            </Col>
            {healthConsent && (
              <Col xs={24} md={10}>
                <Form.Item label={t('welfare.fields.healthConsentDate')} name="healthConsentDate" rules={[{ required: true, message: t('welfare.join.dateRequired') }]}>
                  <ThaiDatePicker maxDate={todayIso()} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            )}
          </Row>

          <Typography.Title level={4}>{t('welfare.join.beneficiaries')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('welfare.join.beneficiariesHint')}</Typography.Paragraph>
          <Form.List name="beneficiaries">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Row gutter={12} key={field.key} align="top" data-testid={`beneficiary-${index}`}>
                    <Col xs={24} md={10}>
                      <Form.Item label={index === 0 ? t('welfare.join.beneficiaryName') : undefined} name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('welfare.join.beneficiaryNameRequired') }]}>
                        <PersonNameInput
                          aria-label={t('welfare.join.beneficiaryNameOf', { n: index + 1 })}
                          placeholder={t('welfare.join.beneficiaryNamePlaceholder')}
                          onPick={(picked) => form.setFieldValue(['beneficiaries', field.name, 'personId'], picked?.id ?? null)}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item label={index === 0 ? t('welfare.join.relationship') : undefined} name={[field.name, 'relationship']} rules={[{ required: true, whitespace: true, message: t('welfare.join.relationshipRequired') }]}>
                        <AutoComplete
                          options={commonRelationships.map((value) => ({ value }))}
                          showSearch={{ filterOption: (typed, option) => String(option?.value ?? '').startsWith(typed) }}
                          aria-label={t('welfare.join.relationshipOf', { n: index + 1 })}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={8} md={4}>
                      <Form.Item label={index === 0 ? t('welfare.join.share') : undefined} name={[field.name, 'sharePercent']} rules={[{ required: true, message: t('welfare.join.shareRequired') }]}>
                        <InputNumber min={0.01} max={100} precision={2} suffix="%" style={{ width: '100%' }} aria-label={t('welfare.join.shareOf', { n: index + 1 })} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={4}>
                      <Button onClick={() => remove(field.name)} style={{ marginTop: index === 0 ? 34 : 0 }}>
                        {t('welfare.editor.remove')}
                      </Button>
                    </Col>
                  </Row>
                ))}
                <Flex gap={16} align="center" wrap style={{ marginBottom: 20 }}>
                  {fields.length < 10 && (
                    <Button
                      onClick={() => {
                        const left = 10_000 - hundredths(beneficiaries);
                        add({ personId: null, name: '', relationship: '', sharePercent: left > 0 ? left / 100 : null });
                      }}
                      data-testid="beneficiary-add"
                    >
                      {t('welfare.join.addBeneficiary')}
                    </Button>
                  )}
                  {fields.length > 0 && (
                    <Typography.Text strong type={sharesOk ? 'success' : 'danger'} data-testid="beneficiary-total">
                      {sharesOk ? t('welfare.join.sharesComplete') : t('welfare.join.sharesTotal', { total: (total / 100).toFixed(2), left: ((10_000 - total) / 100).toFixed(2) })}
                    </Typography.Text>
                  )}
                </Flex>
              </>
            )}
          </Form.List>

          {saveFailure && !existing && <Alert type="error" showIcon title={saveFailure} role="alert" style={{ marginBottom: 16 }} data-testid="join-failure" />}
          <Space size="middle" align="center" wrap>
            <Button type="primary" size="large" onClick={() => void save()} loading={saving} data-testid="join-save">
              {t('welfare.join.save')}
            </Button>
            <Button size="large" onClick={cancel} data-testid="join-cancel">
              {t('common.cancel')}
            </Button>
            <Typography.Text type="secondary">{t('welfare.editor.saveHint')}</Typography.Text>
          </Space>
        </Form>
      </Card>
    </>
  );
}

/** The person who joins: searched in the register, then shown as a card; "not found" offers to add them. */
function MemberPersonPicker({ value, onChange, person, onPick, id }: { value?: number | null; onChange?: (id: number | null) => void; person: PersonListItem | null; onPick: (person: PersonListItem | null) => void; id?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { people, answered, failure } = usePeopleSearch(text);
  if (value && person) {
    return (
      <Flex gap={16} align="center" wrap style={{ padding: '10px 14px', border: '1px solid #d9dde3', borderRadius: 8, background: '#f6f8fa' }} data-testid="join-person">
        <PersonOption person={person} />
        <Button
          onClick={() => {
            onChange?.(null);
            onPick(null);
          }}
        >
          {t('welfare.join.changePerson')}
        </Button>
      </Flex>
    );
  }
  return (
    <>
      <AutoComplete
        id={id}
        value={text}
        onChange={(typed: string) => setText(typed)}
        onSelect={(picked: string) => {
          const chosen = people.find((candidate) => String(candidate.id) === picked);
          if (!chosen) return;
          setText('');
          onChange?.(chosen.id);
          onPick(chosen);
        }}
        options={people.map((candidate) => ({ value: String(candidate.id), label: <PersonOption person={candidate} /> }))}
        defaultActiveFirstOption
        autoFocus
        popupMatchSelectWidth={460}
        listHeight={480}
        placeholder={t('welfare.join.personPlaceholder')}
        style={{ width: '100%', maxWidth: 520 }}
        data-testid="join-person-search"
        notFoundContent={failure ? <Typography.Text type="danger">{failure}</Typography.Text> : answered ? t('people.search.noResults', { text: text.trim() }) : null}
      />
      <div style={{ marginTop: 6 }}>
        <Typography.Text type="secondary">{t('welfare.join.notInRegister')} </Typography.Text>
        <Typography.Link onClick={() => goTo('people', 'new')} data-testid="join-add-person">
          {t('welfare.join.addToRegister')}
        </Typography.Link>
      </div>
    </>
  );
}
