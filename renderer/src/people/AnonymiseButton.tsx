import { useState } from 'react';
import { App as AntApp, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useSession } from '../app/store';
import { reportError } from '../ui/apiErrors';
import { showDate } from '../ui/thaiDates';
import type { PersonFieldName } from './peopleFormat';

/**
 * ลบข้อมูลส่วนบุคคล (PDPA, main/people/anonymise.ts), for the administrator only: the review comes first, and either
 * says in Thai why not yet, or lists what will be erased and what is kept before the administrator confirms.
 */
export function AnonymiseButton({ personId, onDone }: { personId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = AntApp.useApp();
  const isAdmin = useSession((state) => state.user?.role === 'admin');
  const [busy, setBusy] = useState(false);
  if (!isAdmin) return null;

  async function review() {
    setBusy(true);
    try {
      const plan = await call('people.anonymise.review', { personId });
      const list = (items: string[]) => (
        <ul style={{ margin: '4px 0 12px', paddingInlineStart: 22 }}>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      );
      modal.confirm({
        title: t('trustRest.confirmTitle', { name: plan.name }),
        width: 640,
        okText: t('trustRest.confirm'),
        okButtonProps: { danger: true, 'data-testid': 'anonymise-confirm' },
        cancelText: t('common.cancel'),
        content: (
          <div data-testid="anonymise-review">
            <Typography.Paragraph style={{ marginBottom: 8 }}>{t('trustRest.leftOn', { date: showDate(plan.leftOn), years: plan.years })}</Typography.Paragraph>
            <Typography.Text strong>{t('trustRest.erasesHeading')}</Typography.Text>
            {list([
              plan.erases.fields.map((field) => t(`people.fields.${field as PersonFieldName}`)).join(', '),
              ...(plan.erases.beneficiaryRows > 0 ? [t('trustRest.erasesBeneficiary', { count: plan.erases.beneficiaryRows })] : []),
              t('trustRest.erasesCopies'),
            ])}
            <Typography.Text strong>{t('trustRest.keepsHeading')}</Typography.Text>
            {list([
              ...(plan.keeps.memberNumbers.length > 0 ? [t('trustRest.keepsMembers', { numbers: plan.keeps.memberNumbers.join(', ') })] : []),
              t('trustRest.keepsMoney', { receipts: plan.keeps.receipts, claims: plan.keeps.claims, payouts: plan.keeps.payouts }),
              t('trustRest.keepsOther'),
            ])}
            <Typography.Paragraph style={{ marginBottom: 8 }}>{t('trustRest.shownAs', { marker: plan.marker })}</Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('trustRest.backupsNote')}
            </Typography.Paragraph>
          </div>
        ),
        onOk: async () => {
          try {
            await call('people.anonymise.run', { personId });
            message.success(t('trustRest.done'));
            onDone();
          } catch (error) {
            message.error(reportError(error));
          }
        },
      });
    } catch (error) {
      modal.warning({ title: t('trustRest.refusedTitle'), content: <div data-testid="anonymise-refused">{reportError(error)}</div>, okText: t('common.close') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button size="large" danger onClick={() => void review()} loading={busy} title={t('trustRest.anonymiseHint')} data-testid="person-anonymise">
      {t('trustRest.anonymise')}
    </Button>
  );
}
