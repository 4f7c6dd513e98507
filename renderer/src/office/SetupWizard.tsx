import { useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Image, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, ApiCallError } from '../api';
import { useSession } from '../app/store';
import { useFailure, errorOutsideForm } from '../ui/apiErrors';
import { enterMovesToNextField } from '../ui/keyboard';
import { PublicLayout } from '../ui/PublicLayout';
import { emptyOffice, OfficeFields, officeFieldNames, suggestedCouncilName, suggestedFundName, type OfficeFormValues } from './OfficeFields';
import { NewUserFields, type NewUserFormValues } from './NewUserFields';

interface SetupFormValues {
  office: OfficeFormValues;
  admin: Omit<NewUserFormValues, 'role'>;
}

const adminFieldNames = ['displayName', 'username', 'password', 'confirmPassword'] as const;
/** the fields each step checks before moving on, as form name paths */
const stepFields: string[][][] = [officeFieldNames.map((field) => ['office', field]), adminFieldNames.map((field) => ['admin', field])];
/** the fields the core may name in an error ('office.tambon', 'admin.username'), so it lands under the right input */
const serverFieldPaths = [...officeFieldNames.map((field) => `office.${field}`), ...adminFieldNames.map((field) => `admin.${field}`)];

const initialValues: SetupFormValues = {
  office: emptyOffice,
  admin: { displayName: '', username: '', password: '', confirmPassword: '' },
};

/** First run: office details → first administrator → check and create. Then the login screen. */
export function SetupWizard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const finishSetup = useSession((state) => state.finishSetup);
  const [form] = Form.useForm<SetupFormValues>();
  const [step, setStep] = useState(0);
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useFailure();
  // the tambon the current name suggestions were made from; a name still equal to its suggestion was not edited
  const suggestedFrom = useRef('');

  function tambonTyped(tambon: string) {
    const office = form.getFieldValue('office') as OfficeFormValues;
    const previous = suggestedFrom.current;
    const untouched = (value: string, suggest: (tambon: string) => string) => value.trim() === '' || value === suggest(previous);
    const updates: Partial<OfficeFormValues> = {};
    if (untouched(office.councilName, suggestedCouncilName)) updates.councilName = tambon.trim() ? suggestedCouncilName(tambon) : '';
    if (untouched(office.fundName, suggestedFundName)) updates.fundName = tambon.trim() ? suggestedFundName(tambon) : '';
    suggestedFrom.current = tambon;
    form.setFieldsValue({ office: updates as OfficeFormValues });
  }

  async function goNext() {
    const fields = stepFields[step];
    if (!fields) return;
    try {
      await form.validateFields(fields);
    } catch {
      return; // antd shows each message under its field
    }
    setStep(step + 1);
  }

  async function create() {
    setCreating(true);
    setFailure(null);
    const { office, admin } = form.getFieldsValue(true) as SetupFormValues;
    try {
      const result = await call('office.setup.create', {
        office,
        admin: { displayName: admin.displayName, username: admin.username, password: admin.password },
      });
      message.success(t('setup.created', { username: result.adminUsername }), 4);
      await finishSetup(result.adminUsername);
    } catch (error) {
      const namedField = error instanceof ApiCallError ? error.data.field : undefined;
      // a message about a field is shown under it, on the step that holds it
      if (namedField && serverFieldPaths.includes(namedField)) setStep(namedField.startsWith('admin.') ? 1 : 0);
      setFailure(errorOutsideForm(form, error, serverFieldPaths));
    } finally {
      setCreating(false);
    }
  }

  const onLastField = () => void (step < 2 ? goNext() : create());
  const values = Form.useWatch([], form) as SetupFormValues | undefined;

  return (
    <PublicLayout>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('setup.title')}
        </Typography.Title>
        <Typography.Paragraph>{t('setup.intro')}</Typography.Paragraph>
        <Steps
          current={step}
          style={{ marginBlock: 24 }}
          items={[{ title: t('setup.stepOffice') }, { title: t('setup.stepAdmin') }, { title: t('setup.stepReview') }]}
        />
        <Form
          form={form}
          name="setup"
          layout="vertical"
          initialValues={initialValues}
          requiredMark={false}
          onKeyDown={enterMovesToNextField(onLastField)}
          onValuesChange={(changed: Partial<SetupFormValues>) => {
            if (changed.office?.tambon !== undefined) tambonTyped(changed.office.tambon);
          }}
        >
          {/* every step stays mounted (only hidden) so that a message from the core can reach any field */}
          <div hidden={step !== 0}>
            <OfficeFields prefix={['office']} />
          </div>
          <div hidden={step !== 1}>
            <Typography.Paragraph>{t('setup.adminIntro')}</Typography.Paragraph>
            <NewUserFields prefix={['admin']} withConfirmation />
          </div>
          {step === 2 && values && <SetupSummary values={values} />}
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
          <Space size="middle" style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 16 }}>
            {step > 0 && (
              <Button size="large" onClick={() => setStep(step - 1)} disabled={creating}>
                {t('common.back')}
              </Button>
            )}
            {step < 2 ? (
              <Button size="large" type="primary" onClick={() => void goNext()}>
                {t('common.next')}
              </Button>
            ) : (
              <Button size="large" type="primary" onClick={() => void create()} loading={creating}>
                {creating ? t('setup.creating') : t('setup.create')}
              </Button>
            )}
          </Space>
        </Form>
      </Card>
    </PublicLayout>
  );
}

// one label width for both tables, wide enough for the longest Thai label on one line
const summaryStyles = { label: { width: 260 } };

function SetupSummary({ values }: { values: SetupFormValues }) {
  const { t } = useTranslation();
  const { office, admin } = values;
  const shown = (text: string) => (text.trim() ? text : t('common.notGiven'));
  return (
    <>
      <Typography.Paragraph>{t('setup.reviewIntro')}</Typography.Paragraph>
      <Descriptions bordered column={1} size="middle" styles={summaryStyles} title={t('setup.stepOffice')} style={{ marginBottom: 24 }}>
        <Descriptions.Item label={t('office.tambon')}>{shown(office.tambon)}</Descriptions.Item>
        <Descriptions.Item label={t('office.amphoe')}>{shown(office.amphoe)}</Descriptions.Item>
        <Descriptions.Item label={t('office.province')}>{shown(office.province)}</Descriptions.Item>
        <Descriptions.Item label={t('office.councilName')}>{shown(office.councilName)}</Descriptions.Item>
        <Descriptions.Item label={t('office.fundName')}>{shown(office.fundName)}</Descriptions.Item>
        <Descriptions.Item label={t('office.address')}>{shown(office.address)}</Descriptions.Item>
        <Descriptions.Item label={t('office.phone')}>{shown(office.phone)}</Descriptions.Item>
        <Descriptions.Item label={t('office.logo')}>
          {office.logo ? <Image src={office.logo} alt={t('logo.preview')} width={64} preview={false} /> : t('logo.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('office.thaiDigits')}>{office.thaiDigits ? t('common.yes') : t('common.no')}</Descriptions.Item>
      </Descriptions>
      <Descriptions bordered column={1} size="middle" styles={summaryStyles} title={t('setup.stepAdmin')}>
        <Descriptions.Item label={t('user.displayName')}>{shown(admin.displayName)}</Descriptions.Item>
        <Descriptions.Item label={t('user.username')}>{shown(admin.username)}</Descriptions.Item>
      </Descriptions>
    </>
  );
}
