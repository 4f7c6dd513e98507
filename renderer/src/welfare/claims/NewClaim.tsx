import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Checkbox, Col, Form, InputNumber, Modal, Row, Select, Spin, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useSession } from '../../app/store';
import { keptFailure, useFailure, useFailureMessage, errorOutsideForm, type Failure } from '../../ui/apiErrors';
import { ThaiDatePicker } from '../../ui/ThaiDatePicker';
import { todayIso } from '../../ui/thaiDates';
import { formatSatang } from '../../ui/money';
import { useRegulation } from '../regulationStore';
import { benefitName } from '../welfareFormat';
import { versionOn, type Judgement, type MemberFound } from './claimsFormat';
import { MemberPicker, memberLabel } from './MemberPicker';

interface ClaimValues {
  benefitCode?: string;
  eventDate: string | null;
  units?: number | null;
  evidence: string[];
}

const JUDGE_DELAY_MS = 250;

/**
 * คำขอรับสวัสดิการ: the member, the benefit of the regulation in force on the event date, the days or nights, the
 * evidence ticked. The regulation's judgement shows line by line as the form is filled, before saving; a refused
 * claim is saved too, and kept with its reasons.
 */
export function NewClaim({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const language = useSession((state) => state.language);
  const { message } = AntApp.useApp();
  const versions = useRegulation((state) => state.versions);
  const ensureVersions = useRegulation((state) => state.ensureLoaded);
  const [form] = Form.useForm<ClaimValues>();
  const [member, setMember] = useState<MemberFound | null>(null);
  const [judged, setJudged] = useState<{ key: string; judgement: Judgement | null; failure: Failure } | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useFailure();
  const failureText = useFailureMessage();
  const values = Form.useWatch([], form) as ClaimValues | undefined;

  useEffect(() => void ensureVersions(), [ensureVersions]);

  const eventDate = values?.eventDate ?? null;
  const version = versions && eventDate ? versionOn(versions, eventDate) : null;
  const benefit = version?.benefitTypes.find((candidate) => candidate.code === values?.benefitCode) ?? null;
  const perDay = benefit?.payment.kind === 'perDay' ? benefit.payment : null;

  // the judgement of what is filled in so far, asked again after each change (answers for older input are dropped)
  const input =
    member && values?.benefitCode && eventDate
      ? { membershipId: member.membershipId, benefitCode: values.benefitCode, eventDate, units: perDay ? (values.units ?? null) : null, evidence: values.evidence ?? [] }
      : null;
  const inputKey = input ? JSON.stringify(input) : null;
  useEffect(() => {
    if (!inputKey) return;
    let current = true;
    const timer = setTimeout(() => {
      call('welfare.claims.judge', JSON.parse(inputKey) as NonNullable<typeof input>).then(
        (judgement) => current && setJudged({ key: inputKey, judgement, failure: null }),
        (error: unknown) => current && setJudged({ key: inputKey, judgement: null, failure: keptFailure(error) }),
      );
    }, JUDGE_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [inputKey]);
  const shown = judged && judged.key === inputKey ? judged : null;

  async function save() {
    if (!input) {
      setFailure(() => t('welfareClaims.form.incomplete'));
      return;
    }
    setSaving(true);
    try {
      const saved = await call('welfare.claims.create', input);
      message.success(saved.status === 'refused' ? t('welfareClaims.form.savedRefused', { name: memberLabel(member!) }) : t('welfareClaims.form.savedPending', { name: memberLabel(member!), amount: formatSatang(saved.amountSatang) }));
      onSaved();
    } catch (error) {
      setFailure(errorOutsideForm(form, error, ['benefitCode', 'eventDate', 'units', 'evidence']));
    } finally {
      setSaving(false);
    }
  }

  const benefitOptions = (version?.benefitTypes ?? []).map((candidate) => ({ value: candidate.code, label: benefitName(candidate) }));
  const unitWord = perDay ? t(`welfareClaims.form.unit.${perDay.unit}`) : '';

  return (
    <Modal
      open
      width={980}
      title={t('welfareClaims.form.title')}
      onCancel={onClose}
      okText={shown?.judgement?.decision === 'refuse' ? t('welfareClaims.form.saveRefused') : t('welfareClaims.form.save')}
      okButtonProps={{ loading: saving, disabled: !shown?.judgement, 'data-testid': 'claim-save' }}
      cancelText={t('common.cancel')}
      onOk={() => void save()}
      destroyOnHidden
    >
      {!versions ? (
        <Spin />
      ) : (
        <Row gutter={24}>
          <Col xs={24} md={11}>
            <Form<ClaimValues> form={form} layout="vertical" requiredMark={false} initialValues={{ eventDate: todayIso(), evidence: [], units: null }} data-testid="claim-form">
              <Form.Item label={t('welfareClaims.form.member')} required>
                <MemberPicker onPick={setMember} data-testid="claim-member" />
              </Form.Item>
              <Form.Item label={t('welfareClaims.form.eventDate')} name="eventDate" rules={[{ required: true, message: t('welfareClaims.form.eventDateRequired') }]}>
                <ThaiDatePicker maxDate={todayIso()} style={{ width: '100%' }} data-testid="claim-event-date" />
              </Form.Item>
              <Form.Item
                label={t('welfareClaims.form.benefit')}
                name="benefitCode"
                help={eventDate && !version ? t('welfareClaims.form.noVersion') : undefined}
                rules={[{ required: true, message: t('welfareClaims.form.benefitRequired') }]}
              >
                <Select
                  options={benefitOptions}
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('welfareClaims.form.benefitPlaceholder')}
                  onChange={() => form.setFieldsValue({ evidence: [], units: null })}
                  data-testid="claim-benefit"
                />
              </Form.Item>
              {perDay && (
                <Form.Item label={t('welfareClaims.form.units', { unit: unitWord })} name="units" extra={t('welfareClaims.form.rate', { rate: formatSatang(perDay.rateSatang), unit: unitWord })}>
                  <InputNumber min={1} max={366} precision={0} controls={false} style={{ width: 160 }} data-testid="claim-units" />
                </Form.Item>
              )}
              {benefit && benefit.evidence.length > 0 && (
                <Form.Item label={t('welfareClaims.form.evidence')} name="evidence">
                  <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} data-testid="claim-evidence">
                    {benefit.evidence.map((item) => (
                      <Checkbox key={item.code} value={item.code} data-testid={`claim-evidence-${item.code}`}>
                        {language === 'en' && item.en ? item.en : item.th}
                      </Checkbox>
                    ))}
                  </Checkbox.Group>
                </Form.Item>
              )}
            </Form>
          </Col>
          <Col xs={24} md={13}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('welfareClaims.form.judgement')}
            </Typography.Title>
            {!input ? (
              <Typography.Text type="secondary">{t('welfareClaims.form.judgementHint')}</Typography.Text>
            ) : !shown ? (
              <Spin />
            ) : shown.failure !== null ? (
              <Alert type="error" showIcon title={failureText(shown.failure)} data-testid="claim-judgement-failure" />
            ) : (
              <JudgementView judgement={shown.judgement!} />
            )}
            {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 12 }} role="alert" />}
          </Col>
        </Row>
      )}
    </Modal>
  );
}

/** The regulation's judgement as the treasurer reads it out: every step, the refusals marked, the result. */
export function JudgementView({ judgement }: { judgement: Judgement }) {
  const { t } = useTranslation();
  const language = useSession((state) => state.language);
  const refusals = new Set(judgement.refusals.map((refusal) => refusal.th));
  const pay = judgement.decision === 'pay';
  return (
    <div data-testid="claim-judgement">
      <Alert
        type={pay ? 'success' : 'error'}
        showIcon
        title={pay ? t('welfareClaims.judgement.pay', { amount: formatSatang(judgement.amountSatang) }) : t('welfareClaims.judgement.refuse', { count: judgement.refusals.length })}
        style={{ marginBottom: 8 }}
        data-testid="claim-decision"
      />
      <ol style={{ margin: 0, paddingInlineStart: 22, lineHeight: 1.6 }}>
        {judgement.lines.map((line, index) => {
          const refused = refusals.has(line.th);
          return (
            <li key={index} style={{ color: refused ? '#b42318' : undefined, fontWeight: refused ? 600 : undefined }} data-testid={refused ? 'claim-refusal' : 'claim-line'}>
              {refused ? <CloseCircleFilled style={{ marginInlineEnd: 6 }} /> : index === judgement.lines.length - 1 && pay ? <CheckCircleFilled style={{ color: '#2f7d32', marginInlineEnd: 6 }} /> : null}
              {language === 'en' ? line.en : line.th}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
