import { Button, Card, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { goTo } from './routes';

type Area = 'council' | 'welfare' | 'plans';

const areaFeatures = {
  council: ['organizations', 'seats', 'meetings', 'resolutions'],
  welfare: ['members', 'collection', 'claims', 'accounts'],
  plans: ['strategy', 'projects', 'revisions', 'forms'],
} as const;

/** An area not built yet says what it is for and what will come, and offers what can be done today. */
export function AreaIntro({ area }: { area: Area }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t(`areas.${area}.title`)}
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: 18 }}>{t(`areas.${area}.purpose`)}</Typography.Paragraph>
      <Card title={t('areas.whatYouWillDo')} style={{ marginBottom: 24 }}>
        <ul style={{ margin: 0, paddingInlineStart: 24, lineHeight: 2 }}>
          {areaFeatures[area].map((feature) => (
            <li key={feature}>{t(`areas.${area}.features.${feature}` as `areas.council.features.seats`)}</li>
          ))}
        </ul>
      </Card>
      <Result
        status="info"
        title={t('areas.comingSoon')}
        subTitle={t('areas.meanwhile')}
        extra={
          <Button type="primary" size="large" onClick={() => goTo('settings')}>
            {t('areas.goToSettings')}
          </Button>
        }
      />
    </>
  );
}
