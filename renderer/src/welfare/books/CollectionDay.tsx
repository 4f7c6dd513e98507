import { useEffect, useEffectEvent, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, App as AntApp, Button, Card, Checkbox, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined, SaveOutlined, UserAddOutlined, WarningFilled } from '@ant-design/icons';
import type { GetRef, TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call, type OutputOf } from '../../api';
import { goTo } from '../../app/routes';
import { useVillages } from '../../people/villagesStore';
import { pdfBlobUrl } from '../../documents/documentsApi';
import { reportError } from '../../ui/apiErrors';
import { saveBase64 } from '../../ui/files';
import { ThaiDatePicker } from '../../ui/ThaiDatePicker';
import { showDate, todayIso } from '../../ui/thaiDates';
import { useBooks, useCanPostMoney } from './booksStore';
import { formatSatang, parseTypedBaht, typedBahtOf, type TypedAmount } from '../../ui/money';
import { periodLabel, useCanKeepFund } from '../welfareFormat';

type Sheet = OutputOf<'welfare.collection.sheet'>;
type SheetRow = Sheet['rows'][number];
type Saved = OutputOf<'welfare.collection.save'>;

/** What stopped the save, and the sheet row it is about (by membership), if any. */
interface Refusal {
  message: string;
  membershipId: number | null;
}

type TableRef = GetRef<typeof Table>;

const amountSelector = (index: number) => `[data-amount-row="${index}"]`;

// The village outlives the tab, so that coming back from the join form finds the same sheet (the day starts again
// at today: a sheet left open overnight must not take tomorrow's money under yesterday's date).
let rememberedVillageId: number | null = null;

/**
 * วันเก็บเงิน: the members of one village with what each owes on the day; the treasurer types what each paid (or
 * ticks รับตามยอด), Enter moving down the sheet, and saves the whole village once with Ctrl+S — every payment gets
 * its receipt number in one transaction. The sheet is virtualised, so a 3,000-member village stays quick.
 */
export function CollectionDay({ onAddBook }: { onAddBook?: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = AntApp.useApp();
  const canPost = useCanPostMoney();
  const villages = useVillages((state) => state.villages);
  const ensureVillages = useVillages((state) => state.ensureLoaded);
  const receiptBooks = useBooks((state) => state.receiptBooks);
  const reloadBooks = useBooks((state) => state.reload);
  const booksVersion = useBooks((state) => state.version);
  const booksFailure = useBooks((state) => state.failure);
  const canKeepFund = useCanKeepFund();
  const [chosenVillageId, setChosenVillageId] = useState<number | null>(rememberedVillageId);
  const [date, setDate] = useState<string>(todayIso());
  const setVillageId = (value: number) => {
    rememberedVillageId = value;
    setChosenVillageId(value);
  };
  // Lapses are recorded (a write, audited) when the collection day opens, before the sheet is read.
  const [lapsesApplied, setLapsesApplied] = useState(false);
  const lapsesChecked = !canKeepFund || lapsesApplied;
  const [chosenBookId, setBookId] = useState<number | null>(null);
  const [loaded, setLoaded] = useState<{ key: string; sheet: Sheet | null; failure: string | null }>({ key: '', sheet: null, failure: null });
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ result: Saved; rows: Map<number, SheetRow>; date: string } | null>(null);
  const [printing, setPrinting] = useState(false);

  /** The day's receipts as one PDF, two to a page, opened in its own window to print (the browser's PDF viewer). */
  async function printReceipts() {
    if (!saved) return;
    setPrinting(true);
    try {
      const printed = await call('welfare.receipts.print', { receiptIds: saved.result.receipts.map((receipt) => receipt.id), twoPerPage: true });
      const url = pdfBlobUrl(printed.pdfBase64);
      if (!window.open(url, '_blank')) saveBase64(printed.fileName, printed.pdfBase64, 'application/pdf');
    } catch (error) {
      message.error(reportError(error));
    } finally {
      setPrinting(false);
    }
  }
  const containerRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<TableRef>(null);
  const madeRef = useRef<HTMLDivElement>(null);

  useEffect(() => void ensureVillages(), [ensureVillages]);
  useEffect(() => void reloadBooks(), [reloadBooks]);
  useEffect(() => {
    if (!canKeepFund) return;
    let current = true;
    call('welfare.members.applyLapses', {})
      .then((result) => {
        if (current && result.lapsed.length > 0) message.info(t('welfarePaid.lapsesRecorded', { count: result.lapsed.length }));
      })
      .catch((error: unknown) => current && message.error(reportError(error)))
      .finally(() => current && setLapsesApplied(true));
    return () => {
      current = false;
    };
  }, [canKeepFund, message, t]);

  // the first village and the first book that still has numbers, until the treasurer picks others
  const villageId = chosenVillageId ?? villages?.[0]?.id ?? null;
  const usableBooks = receiptBooks?.filter((candidate) => candidate.nextNumber !== null) ?? [];
  const book = usableBooks.find((candidate) => candidate.id === chosenBookId) ?? usableBooks[0] ?? null;

  // a save or a void elsewhere reloads the books, and with them what each member owes
  const sheetKey = `${villageId}|${date}|${booksVersion}`;
  useEffect(() => {
    // wait for the books' first load, which changes the key again: one fetch of a big sheet, not two
    if (villageId === null || !lapsesChecked || (booksVersion === 0 && booksFailure === null)) return;
    let current = true;
    call('welfare.collection.sheet', { villageId, asOf: date }).then(
      (sheet) => current && setLoaded({ key: sheetKey, sheet, failure: null }),
      (error: unknown) => current && setLoaded({ key: sheetKey, sheet: null, failure: reportError(error) }),
    );
    return () => {
      current = false;
    };
  }, [villageId, date, sheetKey, booksVersion, booksFailure, lapsesChecked]);
  const loading = villageId !== null && booksFailure === null && loaded.key !== sheetKey;
  const sheet = loaded.sheet;
  const loadFailure = loaded.failure;

  /** Another village or day is another sheet: what was typed for the last one is dropped. */
  function changeSheet(change: () => void) {
    change();
    setTyped({});
    setRefusal(null);
  }

  const rows = useMemo(() => sheet?.rows ?? [], [sheet]);
  const parsed = useMemo(() => {
    const amounts = new Map<number, TypedAmount>();
    for (const [id, text] of Object.entries(typed)) {
      const amount = parseTypedBaht(text);
      if (amount) amounts.set(Number(id), amount);
    }
    return amounts;
  }, [typed]);
  const payingCount = [...parsed.values()].filter((amount) => amount.ok && amount.satang > 0).length;
  const todayTotal = [...parsed.values()].reduce((sum, amount) => sum + (amount.ok ? amount.satang : 0), 0);

  const rowNumberOf = (membershipId: number) => rows.findIndex((row) => row.membershipId === membershipId);

  /** Scrolls the virtual sheet to a row and puts the cursor in its amount (the row may not exist in the DOM yet). */
  function focusAmount(index: number, attempts = 10) {
    if (index < 0 || index >= rows.length) return;
    tableRef.current?.scrollTo({ index });
    const input = containerRef.current?.querySelector<HTMLInputElement>(amountSelector(index));
    if (input) {
      input.focus();
      input.select();
    } else if (attempts > 0) requestAnimationFrame(() => focusAmount(index, attempts - 1));
  }

  function setAmount(membershipId: number, text: string) {
    setTyped((current) => ({ ...current, [membershipId]: text }));
    if (refusal?.membershipId === membershipId) setRefusal(null);
  }

  function problemText(row: SheetRow, index: number, amount: Exclude<TypedAmount, { ok: true }>): string {
    return t(`welfareMoney.collection.problems.${amount.problem}`, { row: index + 1, number: row.memberNumber, name: row.name, typed: typed[row.membershipId] ?? '' });
  }

  function onAmountKeyDown(event: KeyboardEvent<HTMLInputElement>, row: SheetRow, index: number) {
    if (event.key === '=') {
      // one key for "paid what is owed", so the hands stay on the keypad
      event.preventDefault();
      if (row.owedSatang > 0) setAmount(row.membershipId, typedBahtOf(row.owedSatang));
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      focusAmount(event.shiftKey ? index - 1 : index + 1);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusAmount(event.key === 'ArrowDown' ? index + 1 : index - 1);
    }
  }

  async function save() {
    if (!canPost || saving || !sheet) return;
    const payments: { membershipId: number; amountSatang: number }[] = [];
    for (const [index, row] of rows.entries()) {
      const amount = parsed.get(row.membershipId);
      if (!amount) continue;
      if (!amount.ok) {
        setRefusal({ message: problemText(row, index, amount), membershipId: row.membershipId });
        focusAmount(index);
        return;
      }
      if (amount.satang > 0) payments.push({ membershipId: row.membershipId, amountSatang: amount.satang });
    }
    if (payments.length === 0) {
      setRefusal({ message: t('welfareMoney.collection.nothingTyped'), membershipId: null });
      return;
    }
    if (!book || book.nextNumber === null) {
      setRefusal({ message: t('welfareMoney.collection.noBook'), membershipId: null });
      return;
    }
    const total = payments.reduce((sum, payment) => sum + payment.amountSatang, 0);
    const lastNumber = book.nextNumber + payments.length - 1;
    const confirmed = await modal.confirm({
      title: t('welfareMoney.collection.confirmTitle', { count: payments.length, total: formatSatang(total) }),
      content: t('welfareMoney.collection.confirmBody', { date: showDate(date), book: book.bookNumber, from: book.nextNumber, to: lastNumber }),
      okText: t('welfareMoney.collection.confirmOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'collection-confirm' },
    });
    if (!confirmed) return;
    setSaving(true);
    try {
      const result = await call('welfare.collection.save', { receiptDate: date, bookId: book.id, payments });
      setSaved({ result, rows: new Map(rows.map((row) => [row.membershipId, row])), date });
      setTyped({});
      setRefusal(null);
      message.success(t('welfareMoney.collection.savedMessage', { count: result.receipts.length, total: formatSatang(result.totalSatang) }));
      await reloadBooks();
    } catch (error) {
      const text = reportError(error);
      // "payments.3.amountSatang" is about the 4th payment sent, which is some row of the sheet
      const field = error instanceof ApiCallError ? error.data.field : undefined;
      const paymentIndex = field ? /^payments\.(\d+)/.exec(field)?.[1] : undefined;
      const membershipId = paymentIndex === undefined ? null : (payments[Number(paymentIndex)]?.membershipId ?? null);
      if (membershipId !== null) {
        const index = rowNumberOf(membershipId);
        const row = rows[index]!;
        setRefusal({ message: t('welfareMoney.collection.rowRefused', { row: index + 1, number: row.memberNumber, name: row.name, message: text }), membershipId });
        focusAmount(index);
      } else setRefusal({ message: text, membershipId: null });
    } finally {
      setSaving(false);
    }
  }

  // the receipts just made sit under a long sheet: bring them into view
  useEffect(() => {
    if (saved) madeRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [saved]);

  // Ctrl+S saves the sheet from anywhere on the page while this tab shows.
  const saveFromKeyboard = useEffectEvent(() => void save());
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 's') return;
      if (!containerRef.current || containerRef.current.offsetParent === null) return; // another tab is showing
      event.preventDefault();
      saveFromKeyboard();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const limit = sheet?.arrearsLimit ?? null;
  const columns: TableProps<SheetRow>['columns'] = [
    { key: 'number', title: t('welfareMoney.collection.memberNumber'), dataIndex: 'memberNumber', width: 80 },
    {
      key: 'name',
      title: t('welfareMoney.collection.name'),
      width: 270,
      render: (_, row) => (
        <div style={{ lineHeight: 1.35 }}>
          <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{row.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 13, whiteSpace: 'nowrap' }}>
            {periodsText(row, t('welfareMoney.collection.entranceFee'), sheet?.periodMonths ?? 1)}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'missed',
      title: t('welfareMoney.collection.missed'),
      width: 250,
      render: (_, row) =>
        limit !== null && row.missedCount >= limit ? (
          <Tag color="error" icon={<WarningFilled />} style={{ whiteSpace: 'nowrap', marginInlineEnd: 0 }} data-testid="arrears-lapse">
            {t('welfareMoney.collection.lapseDue', { count: row.missedCount })}
          </Tag>
        ) : (
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{row.missedCount}</span>
        ),
    },
    {
      key: 'owed',
      title: t('welfareMoney.collection.owed'),
      width: 120,
      align: 'right',
      render: (_, row) => (
        <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-testid={`owed-${row.memberNumber}`}>
          {formatSatang(row.owedSatang)}
        </span>
      ),
    },
    {
      key: 'amount',
      title: t('welfareMoney.collection.received'),
      width: 140,
      render: (_, row, index) => {
        const amount = parsed.get(row.membershipId);
        const bad = (amount && !amount.ok) || refusal?.membershipId === row.membershipId;
        return (
          <Input
            value={typed[row.membershipId] ?? ''}
            onChange={(event) => setAmount(row.membershipId, event.target.value)}
            onKeyDown={(event) => onAmountKeyDown(event, row, index)}
            status={bad ? 'error' : undefined}
            disabled={!canPost}
            inputMode="decimal"
            autoComplete="off"
            aria-label={t('welfareMoney.collection.amountFor', { row: index + 1, name: row.name })}
            title={amount && !amount.ok ? problemText(row, index, amount) : undefined}
            data-amount-row={index}
            data-testid={`amount-${row.memberNumber}`}
            style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}
          />
        );
      },
    },
    {
      key: 'full',
      title: t('welfareMoney.collection.payInFull'),
      width: 110,
      align: 'center',
      render: (_, row) => {
        const amount = parsed.get(row.membershipId);
        return (
          <Checkbox
            checked={row.owedSatang > 0 && amount?.ok === true && amount.satang === row.owedSatang}
            disabled={!canPost || row.owedSatang === 0}
            onChange={(event) => setAmount(row.membershipId, event.target.checked ? typedBahtOf(row.owedSatang) : '')}
            aria-label={t('welfareMoney.collection.payInFullFor', { name: row.name })}
            data-testid={`full-${row.memberNumber}`}
          />
        );
      },
    },
  ];

  const invalidCount = [...parsed.values()].filter((amount) => !amount.ok).length;

  return (
    <div ref={containerRef} data-testid="collection-day">
      <Space wrap size="middle" align="end" style={{ marginBottom: 16 }}>
        <label>
          <div>{t('welfareMoney.collection.village')}</div>
          <Select
            value={villageId ?? undefined}
            onChange={(value: number) => changeSheet(() => setVillageId(value))}
            style={{ width: 240 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={(villages ?? []).map((village) => ({ value: village.id, label: t('people.villageLabel', { number: village.number, name: village.name }) }))}
            data-testid="collection-village"
          />
        </label>
        <label>
          <div>{t('welfareMoney.collection.date')}</div>
          <ThaiDatePicker value={date} onChange={(value) => value && changeSheet(() => setDate(value))} maxDate={todayIso()} data-testid="collection-date" />
        </label>
        <label>
          <div>{t('welfareMoney.collection.book')}</div>
          {usableBooks.length > 0 ? (
            <Select
              value={book?.id}
              onChange={setBookId}
              style={{ width: 300 }}
              options={usableBooks.map((candidate) => ({ value: candidate.id, label: t('welfarePaid.bookOption', { book: candidate.bookNumber, next: candidate.nextNumber, left: candidate.remaining }) }))}
              data-testid="collection-book"
            />
          ) : (
            <Space>
              <Typography.Text type="warning">{t('welfareMoney.collection.noBookYet')}</Typography.Text>
              {onAddBook && (
                <Button type="link" onClick={onAddBook} data-testid="collection-add-book">
                  {t('welfareMoney.collection.addBook')}
                </Button>
              )}
            </Space>
          )}
        </label>
        {canKeepFund && (
          <Button icon={<UserAddOutlined />} onClick={() => goTo('welfare', 'members', 'new', 'collection')} title={t('welfarePaid.newMemberHint')} data-testid="collection-new-member">
            {t('welfarePaid.newMember')}
          </Button>
        )}
        <div style={{ marginInlineStart: 'auto', textAlign: 'right' }}>
          <div>{t('welfareMoney.collection.todayTotal')}</div>
          <Typography.Text strong style={{ fontSize: 22, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-testid="collection-total">
            {formatSatang(todayTotal)}
          </Typography.Text>
          <div>
            <Typography.Text type="secondary">{t('welfareMoney.collection.payingCount', { count: payingCount })}</Typography.Text>
          </div>
        </div>
      </Space>

      {loadFailure && <Alert type="error" showIcon title={loadFailure} style={{ marginBottom: 12 }} />}
      {refusal && (
        <Alert type="error" showIcon title={refusal.message} style={{ marginBottom: 12 }} data-testid="collection-refusal" closable={{ onClose: () => setRefusal(null) }} />
      )}
      {!refusal && invalidCount > 0 && (
        <Alert type="warning" showIcon title={t('welfareMoney.collection.invalidRows', { count: invalidCount })} style={{ marginBottom: 12 }} />
      )}

      <Table<SheetRow>
        ref={tableRef}
        virtual
        size="small"
        rowKey="membershipId"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        scroll={{ x: 970, y: 520 }}
        rowClassName={(row) => (refusal?.membershipId === row.membershipId || parsed.get(row.membershipId)?.ok === false ? 'collection-row-refused' : '')}
        locale={{ emptyText: <Empty description={t('welfareMoney.collection.noMembers')} /> }}
        data-testid="collection-sheet"
      />

      {sheet && sheet.lapsed.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title={t('welfarePaid.lapsedTitle', { count: sheet.lapsed.length })}
          data-testid="collection-lapsed"
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: 8 }}>{t('welfarePaid.lapsedHint')}</Typography.Paragraph>
              <ul style={{ margin: 0, paddingInlineStart: 22 }}>
                {sheet.lapsed.map((member) => (
                  <li key={member.membershipId} data-testid={`lapsed-${member.memberNumber}`}>
                    <Typography.Link onClick={() => goTo('welfare', 'members', member.membershipId)}>
                      {member.memberNumber} {member.name}
                    </Typography.Link>{' '}
                    <Typography.Text type="secondary">{t('welfarePaid.lapsedOn', { date: showDate(member.lapsedOn) })}</Typography.Text>
                  </li>
                ))}
              </ul>
            </>
          }
        />
      )}

      <Space wrap style={{ marginTop: 16, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('welfareMoney.collection.keysHint')}</Typography.Text>
        <Space>
          <Button type="primary" icon={<SaveOutlined />} onClick={() => void save()} loading={saving} disabled={!canPost || rows.length === 0} data-testid="collection-save">
            {t('welfareMoney.collection.save')}
          </Button>
        </Space>
      </Space>

      {saved && (
        <Card
          ref={madeRef}
          title={t('welfareMoney.collection.madeTitle', { count: saved.result.receipts.length, date: showDate(saved.date) })}
          style={{ marginTop: 24 }}
          data-testid="collection-made"
          extra={
            <Space>
              <Button icon={<PrinterOutlined />} loading={printing} onClick={() => void printReceipts()} data-testid="collection-print">
                {t('welfareMoney.collection.printAll')}
              </Button>
              <Button onClick={() => setSaved(null)}>{t('common.close')}</Button>
            </Space>
          }
        >
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={saved.result.receipts}
            scroll={{ y: 360 }}
            columns={[
              { key: 'receipt', title: t('welfareMoney.receipts.bookAndNumber'), width: 140, render: (_, receipt) => `${saved.result.book}/${receipt.number}` },
              { key: 'member', title: t('welfareMoney.collection.memberNumber'), width: 100, render: (_, receipt) => saved.rows.get(receipt.membershipId)?.memberNumber ?? '' },
              { key: 'name', title: t('welfareMoney.collection.name'), render: (_, receipt) => saved.rows.get(receipt.membershipId)?.name ?? '' },
              { key: 'amount', title: t('welfareMoney.receipts.amount'), width: 140, align: 'right', render: (_, receipt) => formatSatang(receipt.totalSatang) },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>
                  {t('welfareMoney.receipts.total')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <strong>{formatSatang(saved.result.totalSatang)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </Card>
      )}
    </div>
  );
}

/** "ค่าสมัครแรกเข้า, ส.ค. 69 – พ.ย. 69": what a row's owed amount covers, the entrance fee first, then oldest first. */
function periodsText(row: SheetRow, entranceFee: string, periodMonths: number): string {
  const fee = row.lines.some((line) => line.kind === 'entrance-fee') ? [entranceFee] : [];
  const periods = row.lines.filter((line) => line.kind !== 'entrance-fee').map((line) => periodLabel(line, periodMonths));
  const range = periods.length <= 2 ? periods : [`${periods[0]} – ${periods.at(-1)}`];
  return [...fee, ...range].join(', ');
}
