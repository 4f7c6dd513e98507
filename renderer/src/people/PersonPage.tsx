import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Flex, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { call, type OutputOf } from '../api';
import { goTo } from '../app/routes';
import { useSession } from '../app/store';
import { AccessRequestButton } from '../history/AccessRequestButton';
import { AnonymiseButton } from './AnonymiseButton';
import { useFailure } from '../ui/apiErrors';
import { ageToday, showDate, showDateTime } from '../ui/thaiDates';
import { formatCitizenIdTyped, personFieldNames, personName, type PersonFieldName, type PersonHistoryEntry, type Village } from './peopleFormat';
import { useCanEditRegister } from './permissions';
import { useVillages } from './villagesStore';

type PersonWithHistory = OutputOf<'people.persons.get'>;

type HistoryField = PersonFieldName;
const isHistoryField = (field: string): field is HistoryField => (personFieldNames as readonly string[]).includes(field);

/** A value from the audit log as the clerk reads it: dates in B.E., codes in words, the village by name. */
function historyValue(field: HistoryField, value: unknown, villages: Village[], t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('people.page.emptyValue');
  switch (field) {
    case 'birthDate':
    case 'consentDate':
    case 'lifeStatusDate':
      return showDate(String(value), 'short');
    case 'citizenId':
      return formatCitizenIdTyped(String(value));
    case 'consentGiven':
      return value ? t('common.yes') : t('common.no');
    case 'sex':
      return t(`people.sex.${value as 'M' | 'F'}`);
    case 'lifeStatus':
      return t(`people.lifeStatus.${value as 'alive' | 'died' | 'moved'}`);
    case 'noCitizenIdReason':
      return t(`people.noCitizenIdReason.${value as 'no_card' | 'foreigner' | 'other'}`);
    case 'villageId': {
      const village = villages.find((v) => v.id === value);
      return village ? t('people.villageLabel', village) : String(value);
    }
    default:
      return String(value);
  }
}

/** One person: the details with the full citizen ID, the history of corrections, and what later areas add. */
export function PersonPage({ personId }: { personId: number }) {
  const { t } = useTranslation();
  useSession((state) => state.language); // dates follow the language
  const canEdit = useCanEditRegister();
  const villages = useVillages((state) => state.villages);
  const ensureVillages = useVillages((state) => state.ensureLoaded);
  const [data, setData] = useState<PersonWithHistory | null>(null);
  const [failure, setFailure] = useFailure();

  const [loads, setLoads] = useState(0);

  useEffect(() => void ensureVillages(), [ensureVillages]);
  useEffect(() => {
    let current = true;
    call('people.persons.get', { id: personId })
      .then((result) => current && setData(result))
      .catch((error: unknown) => current && setFailure(error));
    return () => {
      current = false;
    };
  }, [personId, loads, setFailure]);

  const back = (
    <Button type="link" onClick={() => goTo('people')} style={{ paddingInline: 0 }}>
      {t('people.page.back')}
    </Button>
  );
  if (failure)
    return (
      <>
        {back}
        <Alert type="error" showIcon title={t('people.page.loadFailed')} description={failure} role="alert" />
      </>
    );
  if (!data) return <Spin size="large" />;

  const { person, history } = data;
  const age = ageToday(person.birthDate);
  const idLine: ReactNode = person.citizenId ? (
    <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid="person-citizen-id">
      {formatCitizenIdTyped(person.citizenId)}
    </span>
  ) : (
    t('people.noCitizenIdShown', { reason: t(`people.noCitizenIdReason.${person.noCitizenIdReason ?? 'other'}`) })
  );
  const status =
    person.lifeStatus === 'alive'
      ? t('people.lifeStatus.alive')
      : t(`people.lifeStatusOn.${person.lifeStatus}`, { date: showDate(person.lifeStatusDate) });

  return (
    <>
      {back}
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="person-name">
          {personName(person)}
        </Typography.Title>
        <Space wrap>
          <AccessRequestButton personId={person.id} />
          {data.anonymisedAt === null && <AnonymiseButton personId={person.id} onDone={() => setLoads((n) => n + 1)} />}
          {canEdit && data.anonymisedAt === null && (
            <Button type="primary" size="large" onClick={() => goTo('people', person.id, 'edit')} data-testid="person-edit">
              {t('people.page.edit')}
            </Button>
          )}
        </Space>
      </Flex>
      <Space orientation="vertical" size="large" style={{ display: 'flex' }}>
        {data.anonymisedAt !== null && <Alert type="info" showIcon title={t('trustRest.anonymisedNotice', { date: showDateTime(data.anonymisedAt) })} data-testid="person-anonymised" />}
        <Card title={t('people.page.details')}>
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="middle" styles={{ label: { width: 210, whiteSpace: 'nowrap' } }} data-testid="person-details">
            <Descriptions.Item label={t('people.fields.citizenId')}>{idLine}</Descriptions.Item>
            <Descriptions.Item label={t('people.fields.sex')}>{person.sex ? t(`people.sex.${person.sex}`) : t('common.notGiven')}</Descriptions.Item>
            <Descriptions.Item label={t('people.fields.birthDate')}>
              {showDate(person.birthDate)}
              {age !== null && ` (${t('people.age', { age })})`}
            </Descriptions.Item>
            <Descriptions.Item label={t('people.fields.lifeStatus')}>
              <Tag color={person.lifeStatus === 'alive' ? 'green' : person.lifeStatus === 'died' ? 'default' : 'orange'} style={{ fontSize: 15 }}>
                {status}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('people.fields.houseNumber')}>{person.houseNumber || t('common.notGiven')}</Descriptions.Item>
            <Descriptions.Item label={t('people.fields.villageId')}>{person.village ? t('people.villageLabel', person.village) : t('common.notGiven')}</Descriptions.Item>
            <Descriptions.Item label={t('people.fields.address')} span={2}>
              {person.address || t('common.notGiven')}
            </Descriptions.Item>
            <Descriptions.Item label={t('people.fields.phone')}>{person.phone || t('common.notGiven')}</Descriptions.Item>
            <Descriptions.Item label={t('people.fields.consentGiven')}>
              {person.consentGiven ? (
                <>
                  {person.consentDate ? t('people.page.consentOn', { date: showDate(person.consentDate) }) : t('people.consent.given')}
                  {person.consentScope && <div>{person.consentScope}</div>}
                </>
              ) : (
                t('people.consent.missing')
              )}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('people.fields.notes')}
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: 0 }} data-testid="person-notes">
            {person.notes || t('common.notGiven')}
          </Typography.Paragraph>
        </Card>

        <Flex gap={16} wrap>
          <Card title={t('people.page.fund')} style={{ flex: '1 1 280px' }} size="small" data-testid="person-fund">
            {data.memberships.length === 0 ? (
              <Typography.Text type="secondary">{t('people.page.notMember')}</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {data.memberships.map((membership) => (
                  <li key={membership.id}>
                    {membership.endDate === null
                      ? t('people.page.memberSince', { number: membership.memberNumber, start: showDate(membership.startDate, 'short') })
                      : t('people.page.memberEnded', {
                          number: membership.memberNumber,
                          start: showDate(membership.startDate, 'short'),
                          end: showDate(membership.endDate, 'short'),
                          reason: t(`people.page.endReason.${membership.endReason ?? 'resigned'}`),
                        })}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {(['council', 'plans'] as const).map((area) => (
            <Card key={area} title={t(`people.page.${area}`)} style={{ flex: '1 1 280px' }} size="small">
              <Typography.Text type="secondary">{t(`people.page.${area}Later`)}</Typography.Text>
            </Card>
          ))}
        </Flex>

        <Card title={t('people.page.history')} data-testid="person-history">
          {history.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.page.noHistory')} />
          ) : (
            <Timeline items={history.map((entry) => ({ content: <HistoryEntry entry={entry} villages={villages ?? []} /> }))} />
          )}
        </Card>
      </Space>
    </>
  );
}

function HistoryEntry({ entry, villages }: { entry: PersonHistoryEntry; villages: Village[] }) {
  const { t } = useTranslation();
  const created = entry.method.endsWith('.create');
  const changes = entry.changes.filter((change) => isHistoryField(change.field));
  return (
    <div>
      <Typography.Text strong>{entry.method === 'people.anonymise.run' ? t('trustRest.historyAnonymised') : created ? t('people.page.created') : t('people.page.changed')}</Typography.Text>{' '}
      <Typography.Text type="secondary">{t('people.page.historyBy', { date: showDateTime(entry.at), user: entry.user ?? t('people.page.unknownUser') })}</Typography.Text>
      {!created && changes.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 22 }}>
          {changes.map((change) => {
            const field = change.field as HistoryField;
            return (
              <li key={field} style={{ overflowWrap: 'anywhere' }}>
                {t('people.page.change', {
                  field: t(`people.fields.${field}`),
                  from: historyValue(field, change.from, villages, t),
                  to: historyValue(field, change.to, villages, t),
                })}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
