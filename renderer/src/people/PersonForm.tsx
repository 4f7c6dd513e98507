import { useCallback, useEffect, useState } from 'react';
import { Alert, App as AntApp, AutoComplete, Button, Card, Checkbox, Col, Form, Input, Modal, Row, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call, type InputOf } from '../api';
import { goTo } from '../app/routes';
import { reportError, useFailure, errorOutsideForm } from '../ui/apiErrors';
import { enterMovesToNextField, usePageKeys } from '../ui/keyboard';
import { ThaiDatePicker } from '../ui/ThaiDatePicker';
import { ageToday, todayIso } from '../ui/thaiDates';
import { citizenIdDigits, commonTitles, formatCitizenIdTyped, lifeStatuses, noCitizenIdReasons, personFieldNames, personName, type LifeStatus, type NoCitizenIdReason, type PersonDetail } from './peopleFormat';
import { useVillages } from './villagesStore';

/** The form's values: the API's fields, with the ID as typed (dashes) and the "no ID" box. Dates are ISO C.E. */
interface PersonFormValues {
  title: string;
  firstName: string;
  lastName: string;
  citizenId: string;
  noCitizenId: boolean;
  noCitizenIdReason: NoCitizenIdReason | null;
  sex: 'M' | 'F' | null;
  birthDate: string | null;
  houseNumber: string;
  villageId: number | null;
  address: string;
  phone: string;
  lifeStatus: LifeStatus;
  lifeStatusDate: string | null;
  consentGiven: boolean;
  consentDate: string | null;
  consentScope: string;
  notes: string;
}


const blankPerson: PersonFormValues = {
  title: '',
  firstName: '',
  lastName: '',
  citizenId: '',
  noCitizenId: false,
  noCitizenIdReason: null,
  sex: null,
  birthDate: null,
  houseNumber: '',
  villageId: null,
  address: '',
  phone: '',
  lifeStatus: 'alive',
  lifeStatusDate: null,
  consentGiven: false,
  consentDate: null,
  consentScope: '',
  notes: '',
};

function formValues(person: PersonDetail): PersonFormValues {
  return {
    ...blankPerson,
    ...person,
    citizenId: person.citizenId ? formatCitizenIdTyped(person.citizenId) : '',
    noCitizenId: person.citizenId === null,
  };
}

type PersonInput = Omit<InputOf<'people.persons.create'>, 'acknowledgeSimilar'>;

function apiInput(values: PersonFormValues): PersonInput {
  const { noCitizenId, citizenId, ...fields } = values;
  return {
    ...fields,
    citizenId: noCitizenId ? null : citizenIdDigits(citizenId),
    noCitizenIdReason: noCitizenId ? values.noCitizenIdReason : null,
    lifeStatusDate: values.lifeStatus === 'alive' ? null : values.lifeStatusDate,
  };
}

interface OtherRecord {
  id: number;
  label: string;
}

/** Adding a person (personId null) or correcting one; Enter moves on, Ctrl+S saves, Esc cancels. */
export function PersonForm({ personId }: { personId: number | null }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<PersonFormValues>();
  const villages = useVillages((state) => state.villages);
  const ensureVillages = useVillages((state) => state.ensureLoaded);
  const reloadVillages = useVillages((state) => state.reload);
  const [original, setOriginal] = useState<PersonDetail | null>(null);
  const [loadFailure, setLoadFailure] = useFailure();
  const [saving, setSaving] = useState(false);
  const [saveFailure, setSaveFailure] = useFailure();
  /** the person who already holds the typed citizen ID */
  const [idOwner, setIdOwner] = useState<OtherRecord | null>(null);
  /** same name and birth date in the same village: the core asks before saving */
  const [similar, setSimilar] = useState<{ other: OtherRecord; message: string } | null>(null);
  /** the "discard changes?" question is on screen */
  const [asking, setAsking] = useState(false);

  const noCitizenId = Form.useWatch('noCitizenId', form);
  const birthDate = Form.useWatch('birthDate', form);
  const lifeStatus = Form.useWatch('lifeStatus', form);
  const consentGiven = Form.useWatch('consentGiven', form);
  const age = ageToday(birthDate);

  useEffect(() => void ensureVillages(), [ensureVillages]);

  useEffect(() => {
    if (personId === null) return;
    let current = true;
    call('people.persons.get', { id: personId })
      .then(({ person }) => {
        if (!current) return;
        setOriginal(person);
        form.setFieldsValue(formValues(person));
      })
      .catch((error: unknown) => current && setLoadFailure(error));
    return () => {
      current = false;
    };
  }, [personId, form, setLoadFailure]);

  const leave = useCallback(() => (personId === null ? goTo('people') : goTo('people', personId)), [personId]);

  function cancel() {
    if (asking || saving) return;
    if (!form.isFieldsTouched()) return leave();
    setAsking(true);
    modal.confirm({
      title: t('people.form.discardTitle'),
      content: t('people.form.discardBody'),
      okText: t('people.form.discard'),
      cancelText: t('people.form.keepEditing'),
      okButtonProps: { danger: true, 'data-testid': 'person-discard' },
      onOk: leave,
      afterClose: () => setAsking(false),
    });
  }

  async function checkCitizenId() {
    const values = form.getFieldsValue(['citizenId', 'noCitizenId']) as Pick<PersonFormValues, 'citizenId' | 'noCitizenId'>;
    const digits = citizenIdDigits(values.citizenId ?? '');
    setIdOwner(null);
    if (values.noCitizenId || digits.length !== 13) return;
    try {
      const found = await call('people.persons.checkDuplicates', { citizenId: digits, exceptId: personId });
      setIdOwner(found.sameCitizenId);
    } catch (error) {
      // an ID with a wrong check digit: the core says so under the field
      const left = errorOutsideForm(form, error, personFieldNames);
      if (left) setSaveFailure(left);
    }
  }

  async function save(acknowledgeSimilar = false) {
    if (saving || asking || (personId !== null && !original)) return;
    try {
      await form.validateFields();
    } catch {
      return; // each message shows under its field
    }
    setSaving(true);
    setSaveFailure(null);
    const input = apiInput(form.getFieldsValue(true) as PersonFormValues);
    try {
      const saved =
        personId === null
          ? await call('people.persons.create', { ...input, acknowledgeSimilar })
          : await call('people.persons.update', { ...input, id: personId, acknowledgeSimilar });
      message.success(t(personId === null ? 'people.form.added' : 'people.form.saved', { name: personName(saved) }));
      void reloadVillages(); // the villages' head counts changed
      form.resetFields();
      goTo('people', saved.id);
    } catch (error) {
      const related = error instanceof ApiCallError ? error.data.related : undefined;
      if (error instanceof ApiCallError && error.data.code === 'NEEDS_CONFIRMATION' && related) {
        setSimilar({ other: { id: Number(related.id), label: related.label }, message: reportError(error) });
      } else {
        if (error instanceof ApiCallError && error.data.field === 'citizenId' && related) setIdOwner({ id: Number(related.id), label: related.label });
        setSaveFailure(errorOutsideForm(form, error, personFieldNames));
      }
    } finally {
      setSaving(false);
    }
  }

  usePageKeys(() => void save(), cancel);

  if (loadFailure) return <Alert type="error" showIcon title={t('people.page.loadFailed')} description={loadFailure} role="alert" />;
  if (personId !== null && !original) return <Spin size="large" />;

  const title = original ? t('people.form.editTitle', { name: personName(original) }) : t('people.form.newTitle');
  const villageOptions = [
    { value: null, label: t('people.form.noVillage') },
    ...(villages ?? []).map((village) => ({ value: village.id, label: t('people.villageLabel', village) })),
  ];

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      <Card style={{ maxWidth: 980 }}>
        <Form<PersonFormValues>
          form={form}
          name="person"
          layout="vertical"
          requiredMark={false}
          initialValues={blankPerson}
          onKeyDown={enterMovesToNextField(() => void save())}
          data-testid="person-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item label={t('people.fields.title')} name="title" rules={[{ required: true, whitespace: true, message: t('people.form.required.title') }]}>
                <AutoComplete
                  options={commonTitles.map((value) => ({ value }))}
                  placeholder={t('people.form.titlePlaceholder')}
                  showSearch={{ filterOption: (typed, option) => String(option?.value ?? '').startsWith(typed) }}
                  autoFocus
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={9}>
              <Form.Item label={t('people.fields.firstName')} name="firstName" rules={[{ required: true, whitespace: true, message: t('people.form.required.firstName') }]}>
                <Input autoComplete="off" maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={9}>
              <Form.Item label={`${t('people.fields.lastName')} ${t('common.optional')}`} name="lastName">
                <Input autoComplete="off" maxLength={100} />
              </Form.Item>
            </Col>
          </Row>

          <Row gutter={16} align="top">
            <Col xs={24} md={10}>
              <Form.Item
                label={t('people.fields.citizenId')}
                name="citizenId"
                normalize={(value: string) => formatCitizenIdTyped(value ?? '')}
                dependencies={['noCitizenId']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, value: string) => {
                      if (getFieldValue('noCitizenId')) return Promise.resolve();
                      const count = citizenIdDigits(value ?? '').length;
                      if (count === 0) return Promise.reject(new Error(t('people.form.required.citizenId')));
                      if (count !== 13) return Promise.reject(new Error(t('people.form.citizenIdShort', { count })));
                      return Promise.resolve();
                    },
                  }),
                ]}
              >
                <Input
                  disabled={noCitizenId}
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder={t('people.form.citizenIdPlaceholder')}
                  onBlur={() => void checkCitizenId()}
                  onChange={() => setIdOwner(null)}
                  style={{ fontVariantNumeric: 'tabular-nums', letterSpacing: 0.5 }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="noCitizenId" valuePropName="checked" label=" ">
                <Checkbox
                  onChange={(event) => {
                    setIdOwner(null);
                    if (event.target.checked) form.setFieldsValue({ citizenId: '' });
                    else form.setFieldsValue({ noCitizenIdReason: null });
                  }}
                >
                  {t('people.form.noCitizenId')}
                </Checkbox>
              </Form.Item>
            </Col>
            {noCitizenId && (
              <Col xs={24} md={8}>
                <Form.Item label={t('people.fields.noCitizenIdReason')} name="noCitizenIdReason" rules={[{ required: true, message: t('people.form.required.noCitizenIdReason') }]}>
                  <Select options={noCitizenIdReasons.map((reason) => ({ value: reason, label: t(`people.noCitizenIdReason.${reason}`) }))} />
                </Form.Item>
              </Col>
            )}
          </Row>
          {idOwner && (
            <Alert
              type="warning"
              showIcon
              role="alert"
              style={{ marginBottom: 20 }}
              title={t('people.form.existingTitle', { label: idOwner.label })}
              description={t('people.form.existingBody')}
              action={
                <Button type="primary" onClick={() => goTo('people', idOwner.id)} data-testid="person-open-existing">
                  {t('people.form.openExisting')}
                </Button>
              }
              data-testid="person-id-owner"
            />
          )}

          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item label={`${t('people.fields.sex')} ${t('common.optional')}`} name="sex">
                <Select
                  options={[
                    { value: null, label: t('people.form.notKnown') },
                    { value: 'M', label: t('people.sex.M') },
                    { value: 'F', label: t('people.sex.F') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item
                label={`${t('people.fields.birthDate')} ${t('common.optional')}`}
                name="birthDate"
                extra={age !== null && age >= 0 ? <span data-testid="person-age">{t('people.form.ageNow', { age })}</span> : undefined}
              >
                <ThaiDatePicker maxDate={todayIso()} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>

          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item label={`${t('people.fields.houseNumber')} ${t('common.optional')}`} name="houseNumber">
                <Input autoComplete="off" maxLength={20} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item label={t('people.fields.villageId')} name="villageId">
                <Select options={villageOptions} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={`${t('people.fields.phone')} ${t('common.optional')}`} name="phone">
                <Input autoComplete="off" inputMode="tel" maxLength={40} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={`${t('people.fields.address')} ${t('common.optional')}`} name="address">
            <Input autoComplete="off" maxLength={300} placeholder={t('people.form.addressPlaceholder')} />
          </Form.Item>

          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label={t('people.fields.lifeStatus')} name="lifeStatus">
                <Select options={lifeStatuses.map((status) => ({ value: status, label: t(`people.lifeStatus.${status}`) }))} />
              </Form.Item>
            </Col>
            {lifeStatus && lifeStatus !== 'alive' && (
              <Col xs={24} md={10}>
                <Form.Item label={t('people.fields.lifeStatusDate')} name="lifeStatusDate" rules={[{ required: true, message: t('people.form.required.lifeStatusDate') }]}>
                  <ThaiDatePicker maxDate={todayIso()} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            )}
          </Row>

          <Form.Item label={t('people.fields.consentGiven')} name="consentGiven" valuePropName="checked" style={{ marginBottom: 12 }}>
            <Checkbox>{t('people.form.consentGivenLabel')}</Checkbox>
          </Form.Item>
          {consentGiven && (
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item label={t('people.fields.consentDate')} name="consentDate">
                  <ThaiDatePicker maxDate={todayIso()} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item label={t('people.fields.consentScope')} name="consentScope">
                  <Input autoComplete="off" maxLength={200} placeholder={t('people.form.consentScopePlaceholder')} />
                </Form.Item>
              </Col>
            </Row>
          )}

          <Form.Item label={`${t('people.fields.notes')} ${t('common.optional')}`} name="notes">
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={4000} style={{ overflowWrap: 'anywhere' }} />
          </Form.Item>

          {saveFailure && <Alert type="error" showIcon title={saveFailure} role="alert" style={{ marginBottom: 16 }} />}
          <Space size="middle" align="center" wrap>
            <Button type="primary" size="large" onClick={() => void save()} loading={saving} data-testid="person-save">
              {saving ? t('people.form.saving') : t('common.save')}
            </Button>
            <Button size="large" onClick={cancel} data-testid="person-cancel">
              {t('common.cancel')}
            </Button>
            <Typography.Text type="secondary">{t('people.form.saveHint')}</Typography.Text>
          </Space>
        </Form>
      </Card>

      <Modal
        open={similar !== null}
        title={t('people.form.similarTitle')}
        onCancel={() => setSimilar(null)}
        footer={[
          <Button key="cancel" onClick={() => setSimilar(null)}>
            {t('common.cancel')}
          </Button>,
          <Button key="open" onClick={() => similar && goTo('people', similar.other.id)} data-testid="person-similar-open">
            {t('people.form.openExisting')}
          </Button>,
          <Button
            key="save"
            type="primary"
            onClick={() => {
              setSimilar(null);
              void save(true);
            }}
            data-testid="person-similar-save"
          >
            {t('people.form.saveAsAnother')}
          </Button>,
        ]}
      >
        <Typography.Paragraph>{similar?.message}</Typography.Paragraph>
      </Modal>
    </>
  );
}
