import { useState } from 'react';
import { AutoComplete, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { personName } from '../../people/peopleFormat';
import { useTypedSearch } from '../../ui/useTypedSearch';
import { showDate } from '../../ui/thaiDates';
import type { MemberFound } from './claimsFormat';

/** "0042 นางสาวกัญญ์ณัฏฐ์ ปุณณ์ญาดา": a member as the treasurer names them. */
export function memberLabel(member: { memberNumber: string; title: string; firstName: string; lastName: string }): string {
  return `${member.memberNumber} ${personName(member)}`;
}

/**
 * A member found by number or name as it is typed (as the person search finds people); open memberships come
 * first. Answers older than the text are dropped.
 */
export function MemberPicker({ onPick, 'data-testid': testId }: { onPick: (member: MemberFound | null) => void; 'data-testid'?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { found: members, failure } = useTypedSearch(text, (query) => call('welfare.claims.memberSearch', { text: query, limit: 20 }));

  return (
    <>
      <AutoComplete
        value={text}
        onChange={(typed: string) => {
          setText(typed);
          onPick(null);
        }}
        onSelect={(value: string) => {
          const member = members.find((candidate) => String(candidate.membershipId) === value);
          if (!member) return;
          setText(memberLabel(member));
          onPick(member);
        }}
        options={members.map((member) => ({
          value: String(member.membershipId),
          label: (
            <div style={{ lineHeight: 1.5, paddingBlock: 2 }} data-testid={`pick-member-${member.membershipId}`}>
              <div>{memberLabel(member)}</div>
              <Typography.Text type="secondary">
                {member.endDate === null
                  ? t('welfareClaims.form.memberSince', { date: showDate(member.startDate, 'short') })
                  : t('welfareClaims.form.memberEnded', { start: showDate(member.startDate, 'short'), end: showDate(member.endDate, 'short'), reason: t(`welfare.status.${member.endReason ?? 'resigned'}` as 'welfare.status.resigned') })}
              </Typography.Text>
            </div>
          ),
        }))}
        placeholder={t('welfareClaims.form.memberPlaceholder')}
        popupMatchSelectWidth={460}
        style={{ width: '100%' }}
        data-testid={testId}
      />
      {failure && <Typography.Text type="danger">{failure}</Typography.Text>}
    </>
  );
}
