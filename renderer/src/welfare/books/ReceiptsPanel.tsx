import { Fragment, useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { call, type OutputOf } from '../../api';
import { useVillages } from '../../people/villagesStore';
import { useFailure } from '../../ui/apiErrors';
import { ThaiDatePicker } from '../../ui/ThaiDatePicker';
import { showDate, todayIso } from '../../ui/thaiDates';
import { useBooks, useCanPostMoney } from './booksStore';
import { formatSatang } from '../../ui/money';

type Receipt = OutputOf<'welfare.receipts.list'>[number];

/**
 * ใบเสร็จ: the receipts of a day (or of one member, when the member page mounts this with `membershipId`).
 * A wrong receipt is voided, never deleted: it stays in the list marked ยกเลิก with its reason, and its money is
 * reversed in the books on the day of voiding.
 */
export function ReceiptsPanel({ membershipId = null }: { membershipId?: number | null }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const canPost = useCanPostMoney();
  const reloadBooks = useBooks((state) => state.reload);
  const villages = useVillages((state) => state.villages);
  const ensureVillages = useVillages((state) => state.ensureLoaded);
  const [mode, setMode] = useState<'day' | 'member'>('day');
  const [date, setDate] = useState<string | null>(todayIso());
  const [chosenVillageId, setVillageId] = useState<number | null>(null);
  const [chosenMember, setChosenMember] = useState<number | null>(null);
  const [members, setMembers] = useState<{ villageId: number; options: { value: number; label: string }[] } | null>(null);
  const [receipts, setReceipts] = useState<Receipt[] | null>(null);
  const [failure, setFailure] = useFailure();
  const [voiding, setVoiding] = useState<Receipt | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => void ensureVillages(), [ensureVillages]);
  const villageId = chosenVillageId ?? villages?.[0]?.id ?? null;

  // the members of the chosen village to pick from, every page of them (a village may have thousands)
  useEffect(() => {
    if (membershipId !== null || mode !== 'member' || villageId === null) return;
    let current = true;
    const options: { value: number; label: string }[] = [];
    const loadFrom = (offset: number): Promise<void> =>
      call('welfare.members.list', { villageId, status: null, offset, limit: 1000 }).then((page) => {
        options.push(...page.rows.map((row) => ({ value: row.membershipId, label: `${row.memberNumber} ${row.title}${row.firstName} ${row.lastName}` })));
        return offset + page.rows.length < page.total && page.rows.length > 0 ? loadFrom(offset + page.rows.length) : undefined;
      });
    loadFrom(0).then(
      () => current && setMembers({ villageId, options }),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [membershipId, mode, setFailure, villageId]);

  // one member's receipts (the member page, or picked here), or one day's
  const listMembership = membershipId ?? (mode === 'member' ? chosenMember : null);
  const listDate = membershipId === null && mode === 'day' ? date : null;
  const nothingChosen = membershipId === null && mode === 'member' && chosenMember === null;
  useEffect(() => {
    if (nothingChosen) return;
    let current = true;
    call('welfare.receipts.list', { membershipId: listMembership, receiptDate: listDate }).then(
      (list) => {
        if (!current) return;
        setReceipts(list);
        setFailure(null);
      },
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [listMembership, listDate, nothingChosen, generation, setFailure]);
  const shown = nothingChosen ? [] : receipts;

  const live = (shown ?? []).filter((receipt) => receipt.voidedOn === null);
  const liveTotal = live.reduce((sum, receipt) => sum + receipt.totalSatang, 0);

  return (
    <div data-testid="receipts-panel">
      <Space wrap align="end" style={{ marginBottom: 16 }}>
        {membershipId === null && (
          <Segmented
            value={mode}
            onChange={(value) => setMode(value as 'day' | 'member')}
            options={[
              { value: 'day', label: t('welfareMoney.receipts.byDay') },
              { value: 'member', label: t('welfareMoney.receipts.byMember') },
            ]}
            data-testid="receipts-mode"
          />
        )}
        {membershipId === null && mode === 'day' && (
          <label>
            <div>{t('welfareMoney.receipts.date')}</div>
            <ThaiDatePicker value={date} onChange={setDate} data-testid="receipts-date" />
          </label>
        )}
        {membershipId === null && mode === 'member' && (
          <>
            <label>
              <div>{t('welfareMoney.collection.village')}</div>
              <Select
                value={villageId ?? undefined}
                onChange={(value: number) => {
                  setVillageId(value);
                  setChosenMember(null);
                }}
                style={{ width: 220 }}
                options={(villages ?? []).map((village) => ({ value: village.id, label: t('people.villageLabel', { number: village.number, name: village.name }) }))}
              />
            </label>
            <label>
              <div>{t('welfareMoney.receipts.member')}</div>
              <Select
                value={chosenMember ?? undefined}
                onChange={setChosenMember}
                style={{ width: 320 }}
                showSearch={{ optionFilterProp: 'label' }}
                loading={members?.villageId !== villageId}
                placeholder={t('welfareMoney.receipts.memberPlaceholder')}
                options={members?.villageId === villageId ? members.options : []}
                data-testid="receipts-member"
              />
            </label>
          </>
        )}
        <Typography.Text style={{ whiteSpace: 'nowrap' }} data-testid="receipts-summary">
          {t('welfareMoney.receipts.summary', { count: live.length, total: formatSatang(liveTotal), voided: (shown?.length ?? 0) - live.length })}
        </Typography.Text>
      </Space>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Table<Receipt>
        size="small"
        rowKey="id"
        dataSource={shown ?? []}
        loading={shown === null && !failure}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 960 }}
        rowClassName={(receipt) => (receipt.voidedOn ? 'receipt-voided' : '')}
        columns={[
          { key: 'number', title: t('welfareMoney.receipts.bookAndNumber'), width: 110, render: (_, receipt) =>
            receipt.history ? (
              // imported from the paper books: the paper's book and number, never a number of the program's books
              <span style={{ whiteSpace: 'nowrap' }} data-testid="receipt-history">{`${receipt.history.paperNumber === null ? '—' : `${receipt.history.paperBook || '-'}/${receipt.history.paperNumber}`} (${t('welfareHistoryImport.historyMark')})`}</span>
            ) : (
              <span style={{ whiteSpace: 'nowrap' }}>{`${receipt.bookNumber}/${receipt.number}`}</span>
            ) },
          { key: 'date', title: t('welfareMoney.receipts.date'), width: 110, render: (_, receipt) => <span style={{ whiteSpace: 'nowrap' }}>{showDate(receipt.receiptDate, 'short')}</span> },
          { key: 'payer', title: t('welfareMoney.receipts.payer'), width: 300, dataIndex: 'payerName' },
          {
            key: 'lines',
            title: t('welfareMoney.receipts.items'),
            // an item is never split over two lines ("เงินสมทบ / ต.ค. 69"); the list wraps between items
            render: (_, receipt) =>
              receipt.lines.map((line, index) => (
                <Fragment key={line.id}>
                  {index > 0 && ', '}
                  <span style={{ whiteSpace: 'nowrap' }}>{line.kind === 'entrance-fee' ? t('welfareMoney.collection.entranceFee') : line.description}</span>
                </Fragment>
              )),
          },
          {
            key: 'amount',
            title: <span style={{ whiteSpace: 'nowrap' }}>{t('welfareMoney.receipts.amount')}</span>,
            width: 140,
            align: 'right',
            render: (_, receipt) => (
              <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', textDecoration: receipt.voidedOn ? 'line-through' : undefined }}>{formatSatang(receipt.totalSatang)}</span>
            ),
          },
          {
            key: 'status',
            title: t('welfareMoney.receipts.status'),
            width: 220,
            render: (_, receipt) =>
              receipt.voidedOn ? (
                <div data-testid={`receipt-voided-${receipt.number}`}>
                  <Tag color="error">{t('welfareMoney.receipts.voided')}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('welfareMoney.receipts.voidedOn', { date: showDate(receipt.voidedOn), reason: receipt.voidReason })}
                  </Typography.Text>
                </div>
              ) : canPost ? (
                <Button size="small" danger icon={<StopOutlined />} onClick={() => setVoiding(receipt)} data-testid={`receipt-void-${receipt.number}`}>
                  {t('welfareMoney.receipts.void')}
                </Button>
              ) : null,
          },
        ]}
      />
      {voiding && (
        <ReasonDialog
          title={t('welfareMoney.receipts.voidTitle', { book: voiding.bookNumber, number: voiding.number })}
          okText={t('welfareMoney.receipts.voidConfirm')}
          reasonLabel={t('welfareMoney.receipts.voidReason')}
          reasonRequired={t('welfareMoney.receipts.voidReasonRequired')}
          placeholder={t('welfareMoney.receipts.voidReasonPlaceholder')}
          field="reason"
          testId="receipt-void"
          submit={(reason) => call('welfare.receipts.void', { receiptId: voiding.id, reason })}
          onClose={() => setVoiding(null)}
          onDone={async () => {
            message.success(t('welfareMoney.receipts.voidedMessage', { book: voiding.bookNumber, number: voiding.number }));
            setVoiding(null);
            setGeneration((value) => value + 1);
            await reloadBooks();
          }}
        >
          <Typography.Paragraph>{t('welfareMoney.receipts.voidWhat', { payer: voiding.payerName, amount: formatSatang(voiding.totalSatang), date: showDate(voiding.receiptDate) })}</Typography.Paragraph>
          <Alert type="info" showIcon title={t('welfareMoney.receipts.voidKept')} style={{ marginBottom: 16 }} />
        </ReasonDialog>
      )}
    </div>
  );
}
