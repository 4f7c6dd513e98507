import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Descriptions, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call, type OutputOf } from '../../api';
import { useSession } from '../../app/store';
import { reportError, useFailure, errorOutsideForm } from '../../ui/apiErrors';
import { ThaiDatePicker } from '../../ui/ThaiDatePicker';
import { showDate, todayIso } from '../../ui/thaiDates';
import { formatSatang } from '../../ui/money';
import { useBooks } from '../books/booksStore';
import { useRegulation } from '../regulationStore';
import { benefitName } from '../welfareFormat';
import { benefitOf, printVoucher, type Claim } from './claimsFormat';

/** The claim in one line for a dialog: member, benefit, event date, amount. */
function ClaimSummary({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const versions = useRegulation((state) => state.versions);
  const benefit = versions ? benefitOf(versions, claim.benefitCode, claim.eventDate) : null;
  return (
    <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }} styles={{ label: { width: 160 } }}>
      <Descriptions.Item label={t('welfareClaims.list.member')}>{`${claim.memberNumber} ${claim.memberName}`}</Descriptions.Item>
      <Descriptions.Item label={t('welfareClaims.list.benefit')}>{benefit ? benefitName(benefit) : claim.benefitCode}</Descriptions.Item>
      <Descriptions.Item label={t('welfareClaims.list.eventDate')}>{showDate(claim.eventDate)}</Descriptions.Item>
      <Descriptions.Item label={t('welfareClaims.list.amount')}>
        <strong data-testid="claim-dialog-amount">{t('welfareClaims.baht', { amount: formatSatang(claim.amountSatang) })}</strong>
      </Descriptions.Item>
    </Descriptions>
  );
}

interface ApproveValues {
  approvedBy: string;
  approvalDate: string | null;
}

/**
 * The committee's approval: which meeting, and its date. Above the fund's two-person threshold a second user
 * approves after the first; the dialog says who approved first, and that someone else must approve.
 */
export function ApproveClaim({ claim, onClose, onDone }: { claim: Claim; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const me = useSession((state) => state.user);
  const settings = useBooks((state) => state.settings);
  const reloadBooks = useBooks((state) => state.reload);
  const [form] = Form.useForm<ApproveValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useFailure();
  useEffect(() => void reloadBooks(), [reloadBooks]);

  const threshold = settings?.twoPersonThresholdSatang ?? null;
  const needsTwo = threshold !== null && claim.amountSatang > threshold;
  const second = claim.approverUserId !== null;
  const sameUser = second && claim.approverUserId === me?.id;

  async function submit(values: ApproveValues) {
    setBusy(true);
    try {
      const after = await call('welfare.claims.approve', { claimId: claim.id, approvedBy: values.approvedBy, approvalDate: values.approvalDate ?? '' });
      message.success(after.status === 'approved' ? t('welfareClaims.approve.done', { name: claim.memberName }) : t('welfareClaims.approve.firstDone', { name: claim.memberName }));
      onDone();
    } catch (error) {
      setFailure(errorOutsideForm(form, error, ['approvedBy', 'approvalDate']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      width={640}
      title={second ? t('welfareClaims.approve.secondTitle') : t('welfareClaims.approve.title')}
      onCancel={onClose}
      okText={t('welfareClaims.approve.ok')}
      okButtonProps={{ loading: busy, disabled: sameUser, 'data-testid': 'claim-approve-ok' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
    >
      <ClaimSummary claim={claim} />
      {needsTwo && !second && <Alert type="info" showIcon title={t('welfareClaims.approve.needsTwo', { threshold: formatSatang(threshold) })} style={{ marginBottom: 16 }} />}
      {second && (
        <Alert
          type={sameUser ? 'warning' : 'info'}
          showIcon
          title={t('welfareClaims.approve.firstBy', { user: claim.approverName ?? '', meeting: claim.approvedBy, date: showDate(claim.approvalDate) })}
          description={sameUser ? t('welfareClaims.approve.notYouAgain', { threshold: formatSatang(threshold ?? 0) }) : t('welfareClaims.approve.youAreSecond', { threshold: formatSatang(threshold ?? 0) })}
          style={{ marginBottom: 16 }}
          data-testid="claim-approve-first"
        />
      )}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
      <Form<ApproveValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={second}
        initialValues={{ approvedBy: claim.approvedBy, approvalDate: claim.approvalDate ?? todayIso() }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item label={t('welfareClaims.approve.meeting')} name="approvedBy" rules={[{ required: true, whitespace: true, message: t('welfareClaims.approve.meetingRequired') }]}>
          <Input maxLength={200} placeholder={t('welfareClaims.approve.meetingPlaceholder')} data-testid="claim-approve-meeting" />
        </Form.Item>
        <Form.Item label={t('welfareClaims.approve.date')} name="approvalDate" rules={[{ required: true, message: t('welfareClaims.approve.dateRequired') }]}>
          <ThaiDatePicker maxDate={todayIso()} style={{ width: '100%' }} data-testid="claim-approve-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Account = OutputOf<'welfare.books.get'>['accounts'][number];

/** The accounts money can leave from: active cash and bank accounts, cash on hand first. */
export function moneyAccounts(accounts: readonly Account[]): Account[] {
  return accounts.filter((account) => account.kind === 'asset' && account.active && (account.reportLine === 'cash' || account.reportLine === 'bank'));
}

/** "จ่ายจาก": cash on hand or a bank account (null: cash on hand, as the core takes it). */
export function FromAccountSelect({ value, onChange, 'data-testid': testId }: { value?: number | null; onChange?: (id: number | null) => void; 'data-testid'?: string }) {
  const { t } = useTranslation();
  const accounts = useBooks((state) => state.accounts);
  const options = moneyAccounts(accounts).map((account) => ({ value: account.id, label: `${account.code} ${account.nameTh}${account.bankAccount ? ` (${account.bankAccount})` : ''}` }));
  const cash = moneyAccounts(accounts).find((account) => account.reportLine === 'cash');
  // before the first posting the fund has no chart of accounts yet: the money can only leave the cash on hand
  if (!cash) return <Select value={0} disabled options={[{ value: 0, label: t('welfareClaims.pay.cashOnHand') }]} style={{ width: '100%' }} data-testid={testId} />;
  return <Select value={value ?? cash.id} onChange={(id: number) => onChange?.(id === cash.id ? null : id)} options={options} style={{ width: '100%' }} data-testid={testId} />;
}

interface PayValues {
  payoutDate: string | null;
  recipient: string;
  otherName: string;
  recipientAddress: string;
  fromAccountId: number | null;
}

const deathCategories = new Set(['death', 'funeral']);

/**
 * Paying an approved claim: the day, who receives the money (the member; on a death claim the membership's
 * beneficiaries are offered), the cash or bank account it leaves from. The voucher prints right after.
 */
export function PayClaim({ claim, onClose, onPaid }: { claim: Claim; onClose: () => void; onPaid: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const versions = useRegulation((state) => state.versions);
  const reloadBooks = useBooks((state) => state.reload);
  const [form] = Form.useForm<PayValues>();
  const [member, setMember] = useState<OutputOf<'welfare.members.get'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useFailure();
  const recipient = Form.useWatch('recipient', form);

  useEffect(() => void reloadBooks(), [reloadBooks]);
  const benefit = versions ? benefitOf(versions, claim.benefitCode, claim.eventDate) : null;
  const onDeath = benefit !== null && deathCategories.has(benefit.category);
  useEffect(() => {
    let current = true;
    call('welfare.members.get', { membershipId: claim.membershipId }).then(
      (data) => {
        if (!current) return;
        setMember(data);
        const first = data.membership.beneficiaries[0];
        if (onDeath && first) form.setFieldsValue({ recipient: `beneficiary:${first.id}` });
      },
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [claim.membershipId, onDeath, form, setFailure]);
  const beneficiaries = onDeath ? (member?.membership.beneficiaries ?? []) : [];

  async function submit(values: PayValues) {
    const beneficiary = beneficiaries.find((candidate) => `beneficiary:${candidate.id}` === values.recipient);
    const recipientName = values.recipient === 'member' ? '' : values.recipient === 'other' ? values.otherName.trim() : (beneficiary?.name ?? '');
    setBusy(true);
    try {
      const payout = await call('welfare.claims.pay', { claimId: claim.id, payoutDate: values.payoutDate ?? '', recipientName, recipientAddress: values.recipientAddress ?? '', fromAccountId: values.fromAccountId ?? null });
      message.success(t('welfareClaims.pay.done', { number: payout.voucherNumber, amount: formatSatang(payout.totalSatang), name: payout.recipientName }));
      void reloadBooks();
      onPaid();
      await printVoucher(payout.id).catch((error: unknown) => message.error(reportError(error)));
    } catch (error) {
      setFailure(errorOutsideForm(form, error, ['payoutDate', 'recipientAddress', 'fromAccountId']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      width={680}
      title={t('welfareClaims.pay.title')}
      onCancel={onClose}
      okText={t('welfareClaims.pay.ok')}
      okButtonProps={{ loading: busy, 'data-testid': 'claim-pay-ok' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
    >
      <ClaimSummary claim={claim} />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
      <Form<PayValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ payoutDate: todayIso(), recipient: 'member', otherName: '', recipientAddress: '', fromAccountId: null }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item label={t('welfareClaims.pay.date')} name="payoutDate" rules={[{ required: true, message: t('welfareClaims.pay.dateRequired') }]}>
          <ThaiDatePicker maxDate={todayIso()} style={{ width: '100%' }} data-testid="claim-pay-date" />
        </Form.Item>
        <Form.Item label={t('welfareClaims.pay.recipient')} name="recipient">
          <Radio.Group data-testid="claim-pay-recipient">
            <Space orientation="vertical">
              <Radio value="member">{t('welfareClaims.pay.theMember', { name: claim.memberName })}</Radio>
              {beneficiaries.map((beneficiary) => (
                <Radio key={beneficiary.id} value={`beneficiary:${beneficiary.id}`} data-testid={`claim-pay-beneficiary-${beneficiary.id}`}>
                  {t('welfareClaims.pay.beneficiary', { name: beneficiary.name, relationship: beneficiary.relationship, share: beneficiary.sharePercent.toFixed(2) })}
                </Radio>
              ))}
              <Radio value="other">{t('welfareClaims.pay.other')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {onDeath && member && beneficiaries.length === 0 && <Typography.Paragraph type="secondary">{t('welfareClaims.pay.noBeneficiaries')}</Typography.Paragraph>}
        {recipient === 'other' && (
          <Form.Item label={t('welfareClaims.pay.otherName')} name="otherName" rules={[{ required: true, whitespace: true, message: t('welfareClaims.pay.otherNameRequired') }]}>
            <Input maxLength={200} data-testid="claim-pay-other-name" />
          </Form.Item>
        )}
        <Form.Item label={`${t('welfareClaims.pay.address')} ${t('common.optional')}`} name="recipientAddress" extra={recipient === 'member' ? t('welfareClaims.pay.addressFromRegister') : undefined}>
          <Input maxLength={300} data-testid="claim-pay-address" />
        </Form.Item>
        <Form.Item label={t('welfareClaims.pay.from')} name="fromAccountId">
          <FromAccountSelect data-testid="claim-pay-from" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
