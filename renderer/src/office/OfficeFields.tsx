import { Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../api';
import { LogoField } from '../ui/LogoField';

/** The office profile as the forms hold it (the same fields for the setup wizard and for settings). */
export type OfficeFormValues = Omit<OutputOf<'office.profile.get'>, 'id' | 'updatedAt'>;

export const officeFieldNames = ['tambon', 'amphoe', 'province', 'councilName', 'fundName', 'address', 'phone', 'logo', 'thaiDigits'] as const;

export const emptyOffice: OfficeFormValues = {
  tambon: '',
  amphoe: '',
  province: '',
  councilName: '',
  fundName: '',
  address: '',
  phone: '',
  logo: null,
  thaiDigits: false,
};

// The usual official names; they are data (Thai in every UI language), not UI text.
export const suggestedCouncilName = (tambon: string) => `สภาองค์กรชุมชนตำบล${tambon.trim()}`;
export const suggestedFundName = (tambon: string) => `กองทุนสวัสดิการชุมชนตำบล${tambon.trim()}`;

const phonePattern = /^[0-9+\-\s,]*$/;

interface OfficeFieldsProps {
  /** where the fields sit in the form's values: ['office'] in the wizard, [] in settings */
  prefix: readonly string[];
  readOnly?: boolean;
}

export function OfficeFields({ prefix, readOnly = false }: OfficeFieldsProps) {
  const { t } = useTranslation();
  const name = (field: keyof OfficeFormValues) => [...prefix, field];
  const required = (field: keyof typeof requiredMessages) => [{ required: true, whitespace: true, message: requiredMessages[field] }];
  const requiredMessages = {
    tambon: t('office.required.tambon'),
    amphoe: t('office.required.amphoe'),
    province: t('office.required.province'),
    councilName: t('office.required.councilName'),
    fundName: t('office.required.fundName'),
    address: t('office.required.address'),
  };

  return (
    <>
      <Form.Item label={t('office.tambon')} name={name('tambon')} rules={required('tambon')}>
        <Input readOnly={readOnly} placeholder={readOnly ? undefined : t('office.tambonPlaceholder')} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('office.amphoe')} name={name('amphoe')} rules={required('amphoe')}>
        <Input readOnly={readOnly} placeholder={readOnly ? undefined : t('office.amphoePlaceholder')} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('office.province')} name={name('province')} rules={required('province')}>
        <Input readOnly={readOnly} placeholder={readOnly ? undefined : t('office.provincePlaceholder')} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('office.councilName')} name={name('councilName')} rules={required('councilName')}>
        <Input readOnly={readOnly} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('office.fundName')} name={name('fundName')} rules={required('fundName')}>
        <Input readOnly={readOnly} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('office.address')} name={name('address')} rules={required('address')}>
        <Input readOnly={readOnly} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={`${t('office.phone')} ${t('common.optional')}`}
        name={name('phone')}
        rules={[{ pattern: phonePattern, message: t('office.phoneInvalid') }]}
      >
        <Input readOnly={readOnly} placeholder={readOnly ? undefined : t('office.phonePlaceholder')} inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item label={`${t('office.logo')} ${t('common.optional')}`} name={name('logo')}>
        <LogoField disabled={readOnly} />
      </Form.Item>
      <Form.Item label={t('office.thaiDigits')} name={name('thaiDigits')} valuePropName="checked">
        <Checkbox disabled={readOnly} className={readOnly ? 'read-only-choice' : undefined}>{t('office.thaiDigitsHint')}</Checkbox>
      </Form.Item>
    </>
  );
}
