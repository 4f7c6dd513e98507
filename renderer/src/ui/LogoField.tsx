import { useRef, useState } from 'react';
import { Button, Image, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const maxLogoBytes = 500 * 1024;
const logoTypes = ['image/png', 'image/jpeg'];

interface LogoFieldProps {
  /** set by Form.Item: the label points at the file input through this id */
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabled?: boolean;
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

/** The office logo as a data URL (the core stores it in the office row): a picture, choose and remove. */
export function LogoField({ id, value, onChange, disabled }: LogoFieldProps) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function fileChosen(file: File | undefined) {
    if (!file) return;
    setProblem(null);
    if (!logoTypes.includes(file.type)) return setProblem(t('logo.wrongType'));
    if (file.size > maxLogoBytes) return setProblem(t('logo.tooLarge'));
    try {
      onChange?.(await readAsDataUrl(file));
    } catch {
      setProblem(t('logo.unreadable'));
    }
  }

  return (
    <Space orientation="vertical" size="small">
      <Space size="middle" align="center" wrap>
        {value ? (
          <Image src={value} alt={t('logo.preview')} width={72} height={72} style={{ objectFit: 'contain' }} preview={false} />
        ) : (
          <Typography.Text type="secondary">{t('logo.none')}</Typography.Text>
        )}
        {!disabled && (
          <>
            <input
              ref={fileInput}
              id={id}
              type="file"
              accept={logoTypes.join(',')}
              className="visually-hidden"
              onChange={(event) => {
                void fileChosen(event.target.files?.[0]);
                event.target.value = ''; // choosing the same file again still reacts
              }}
            />
            <Button onClick={() => fileInput.current?.click()}>{value ? t('logo.change') : t('logo.choose')}</Button>
            {value && <Button onClick={() => onChange?.(null)}>{t('logo.remove')}</Button>}
          </>
        )}
      </Space>
      {problem && <Typography.Text type="danger" role="alert">{problem}</Typography.Text>}
      {!disabled && <Typography.Text type="secondary">{t('logo.hint')}</Typography.Text>}
    </Space>
  );
}
