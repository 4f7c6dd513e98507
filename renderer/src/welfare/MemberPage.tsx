import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Descriptions, Flex, Form, Input, Modal, Radio, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { goTo } from '../app/routes';
import { useSession } from '../app/store';
import { reportError, useFailure, errorOutsideForm } from '../ui/apiErrors';
import { ThaiDatePicker } from '../ui/ThaiDatePicker';
import { showDate, todayIso } from '../ui/thaiDates';
import { pdfBlobUrl } from '../documents/documentsApi';
import { saveBase64 } from '../ui/files';
import { ReceiptsPanel } from './books/ReceiptsPanel';
import { MemberBenefits } from './claims/MemberBenefits';
import { useRegulation } from './regulationStore';
import { allCategories, categoryName, endReasons, useCanKeepFund, type EndReason, type MemberPageData } from './welfareFormat';

interface EndValues {
  reason: EndReason;
  endDate: string | null;
  note: string;
}

/** One membership: who, since when, for how long, to whom the benefits go, and ending it. */
export function MemberPage({ membershipId }: { membershipId: number }) {
  const { t } = useTranslation();
  useSession((state) => state.language);
  const canKeep = useCanKeepFund();
  const versions = useRegulation((state) => state.versions);
  const ensureVersions = useRegulation((state) => state.ensureLoaded);
  const [data, setData] = useState<MemberPageData | null>(null);
  const [failure, setFailure] = useFailure();
  const [ending, setEnding] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => void ensureVersions(), [ensureVersions]);
  useEffect(() => {
    let current = true;
    call('welfare.members.get', { membershipId })
      .then((result) => current && setData(result))
      .catch((error: unknown) => current && setFailure(error));
    return () => {
      current = false;
    };
  }, [membershipId, generation, setFailure]);

  const back = (
    <Button type="link" onClick={() => goTo('welfare')} style={{ paddingInline: 0 }}>
      {t('welfare.member.back')}
    </Button>
  );
  if (failure)
    return (
      <>
        {back}
        <Alert type="error" showIcon title={t('welfare.member.loadFailed')} description={failure} role="alert" />
      </>
    );
  if (!data) return <Spin size="large" />;

  const { membership, person, otherMemberships } = data;
  const categories = allCategories(versions ?? []);
  const active = membership.endDate === null;
  const status = active ? t('welfare.status.active') : t('welfare.member.endedOn', { reason: t(`welfare.status.${membership.endReason ?? 'resigned'}` as 'welfare.status.resigned'), date: showDate(membership.endDate) });

  return (
    <>
      {back}
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="member-title">
          {t('welfare.member.title', { number: membership.memberNumber, name: person.name })}
        </Typography.Title>
        {canKeep && active && (
          <Button danger size="large" onClick={() => setEnding(true)} data-testid="member-end">
            {t('welfare.member.end')}
          </Button>
        )}
      </Flex>
      <Space orientation="vertical" size="large" style={{ display: 'flex' }}>
        <Card title={t('welfare.member.details')} extra={<MemberPrintButton membershipId={membershipId} what="application" />}>
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="middle" styles={{ label: { width: 200, whiteSpace: 'nowrap' } }} data-testid="member-details">
            <Descriptions.Item label={t('welfare.fields.memberNumber')}>
              <span style={{ fontVariantNumeric: 'tabular-nums' }}>{membership.memberNumber}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('welfare.member.person')}>
              <Typography.Link onClick={() => goTo('people', person.id)} data-testid="member-person-link">
                {person.name}
              </Typography.Link>
              {person.citizenIdMasked && <div style={{ color: '#59606b' }}>{person.citizenIdMasked}</div>}
            </Descriptions.Item>
            <Descriptions.Item label={t('welfare.member.status')}>
              <Tag color={active ? 'green' : 'default'} style={{ fontSize: 15 }} data-testid="member-status">
                {status}
              </Tag>
              {membership.endNote && <div style={{ overflowWrap: 'anywhere' }}>{membership.endNote}</div>}
            </Descriptions.Item>
            <Descriptions.Item label={t('welfare.fields.category')}>{categoryName(membership.category, categories)}</Descriptions.Item>
            <Descriptions.Item label={t('welfare.fields.applicationDate')}>{showDate(membership.applicationDate)}</Descriptions.Item>
            <Descriptions.Item label={t('welfare.fields.startDate')}>{showDate(membership.startDate)}</Descriptions.Item>
            <Descriptions.Item label={t('welfare.member.length')}>
              <span data-testid="member-length">{t('welfare.member.lengthValue', { days: membership.daysOfMembership.toLocaleString(), years: membership.yearsOfMembership })}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('welfare.fields.approvedBy')}>
              {membership.approvedBy || t('common.notGiven')}
              {membership.approvalDate && ` (${showDate(membership.approvalDate)})`}
            </Descriptions.Item>
            <Descriptions.Item label={t('welfare.member.entranceFee')}>{membership.entranceFeeWaived ? t('welfare.member.feeWaived') : t('welfare.member.feeDue')}</Descriptions.Item>
            <Descriptions.Item label={t('welfare.member.healthConsent')}>
              {membership.healthConsent ? t('welfare.member.consentOn', { date: showDate(membership.healthConsentDate) }) : t('welfare.member.noConsent')}
            </Descriptions.Item>
          </Descriptions>
        </Card>

        <Card title={t('welfare.join.beneficiaries')} data-testid="member-beneficiaries">
          {membership.beneficiaries.length === 0 ? (
            <Typography.Text type="secondary">{t('welfare.member.noBeneficiaries')}</Typography.Text>
          ) : (
            <Table
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={membership.beneficiaries}
              columns={[
                {
                  title: t('welfare.join.beneficiaryName'),
                  key: 'name',
                  render: (_, beneficiary) =>
                    beneficiary.personId !== null ? <Typography.Link onClick={() => goTo('people', beneficiary.personId!)}>{beneficiary.name}</Typography.Link> : beneficiary.name,
                },
                { title: t('welfare.join.relationship'), dataIndex: 'relationship', width: 200 },
                { title: t('welfare.join.share'), key: 'share', width: 140, align: 'right', render: (_, beneficiary) => `${beneficiary.sharePercent.toFixed(2)}%` },
              ]}
            />
          )}
        </Card>

        {otherMemberships.length > 0 && (
          <Card title={t('welfare.member.earlier')} data-testid="member-earlier">
            <ul style={{ margin: 0, paddingInlineStart: 22 }}>
              {otherMemberships.map((other) => (
                <li key={other.id}>
                  <Typography.Link onClick={() => goTo('welfare', 'members', other.id)}>
                    {other.endDate === null
                      ? t('people.page.memberSince', { number: other.memberNumber, start: showDate(other.startDate, 'short') })
                      : t('people.page.memberEnded', {
                          number: other.memberNumber,
                          start: showDate(other.startDate, 'short'),
                          end: showDate(other.endDate, 'short'),
                          reason: t(`people.page.endReason.${(other.endReason ?? 'resigned') as 'resigned'}`),
                        })}
                  </Typography.Link>
                </li>
              ))}
            </ul>
          </Card>
        )}

        <Card title={t('welfare.member.money')} size="small" extra={<MemberPrintButton membershipId={membershipId} what="passbook" />}>
          <ReceiptsPanel membershipId={membershipId} />
        </Card>

        <Card title={t('welfareClaims.member.title')} size="small">
          <MemberBenefits membershipId={membershipId} />
        </Card>
      </Space>
      {ending && (
        <EndMembership
          data={data}
          onClose={() => setEnding(false)}
          onEnded={() => {
            setEnding(false);
            setGeneration((n) => n + 1);
          }}
        />
      )}
    </>
  );
}

/** Ending a membership: the reason, the date and a note, then a confirmation that says what will happen. */
function EndMembership({ data, onClose, onEnded }: { data: MemberPageData; onClose: () => void; onEnded: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<EndValues>();
  const [failure, setFailure] = useFailure();
  const reason = Form.useWatch('reason', form);
  const { membership, person } = data;

  async function confirmEnd() {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const values = form.getFieldsValue(true) as EndValues;
    const date = showDate(values.endDate);
    modal.confirm({
      title: t('welfare.end.confirmTitle'),
      width: 620, // room for a long Thai name on one line
      content: (
        <>
          <Typography.Paragraph>{t(`welfare.end.confirm.${values.reason}`, { number: membership.memberNumber, name: person.name, date })}</Typography.Paragraph>
          {values.reason === 'died' && person.lifeStatus !== 'died' && <Typography.Paragraph strong>{t('welfare.end.deathRecorded', { name: person.name, date })}</Typography.Paragraph>}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('welfare.end.cannotUndo')}
          </Typography.Paragraph>
        </>
      ),
      okText: t('welfare.end.confirmOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'member-end-confirm' },
      onOk: async () => {
        try {
          await call('welfare.members.end', { membershipId: membership.id, endDate: values.endDate ?? '', reason: values.reason, note: values.note ?? '' });
          message.success(t('welfare.end.done', { number: membership.memberNumber }));
          onEnded();
        } catch (error) {
          setFailure(errorOutsideForm(form, error, ['endDate', 'reason', 'note']));
        }
      },
    });
  }

  return (
    <Modal
      open
      title={t('welfare.end.title', { number: membership.memberNumber, name: person.name })}
      onCancel={onClose}
      okText={t('welfare.end.next')}
      onOk={() => void confirmEnd()}
      okButtonProps={{ danger: true, 'data-testid': 'member-end-next' }}
      cancelText={t('common.cancel')}
      width={600}
    >
      <Form<EndValues> form={form} layout="vertical" requiredMark={false} initialValues={{ reason: 'resigned', endDate: todayIso(), note: '' }} data-testid="member-end-form">
        <Form.Item label={t('welfare.end.reason')} name="reason">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={endReasons.map((value) => ({ value, label: <span data-testid={`end-reason-${value}`}>{t(`welfare.status.${value}`)}</span> }))}
          />
        </Form.Item>
        <Form.Item label={reason === 'died' ? t('welfare.end.dateOfDeath') : t('welfare.fields.endDate')} name="endDate" rules={[{ required: true, message: t('welfare.join.dateRequired') }]}>
          <ThaiDatePicker maxDate={todayIso()} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={`${t('welfare.end.note')} ${t('common.optional')}`} name="note">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} placeholder={t('welfare.end.notePlaceholder')} />
        </Form.Item>
        {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      </Form>
    </Modal>
  );
}

/**
 * Paper from the membership's records: the application as signed (ใบสมัคร), or สมุดประจำตัวสมาชิก from the receipts as
 * of today, the citizen ID masked (the member's own copy is asked for in full).
 */
function MemberPrintButton({ membershipId, what }: { membershipId: number; what: 'application' | 'passbook' }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  async function print() {
    setBusy(true);
    try {
      const printed = what === 'application' ? await call('welfare.members.applicationPrint', { membershipId }) : await call('welfare.members.passbookPrint', { membershipId, asOf: todayIso() });
      if (!window.open(pdfBlobUrl(printed.pdfBase64), '_blank')) saveBase64(printed.fileName, printed.pdfBase64, 'application/pdf');
    } catch (error) {
      message.error(reportError(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button onClick={() => void print()} loading={busy} data-testid={`member-${what}`}>
      {t(`welfare.member.${what}`)}
    </Button>
  );
}
