import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, useErrorText } from '../components/feedback';
import { InlineAddForm } from '../components/inline-add-form';
import { openReminder, sealReminder, useMyVault, useVaultKey } from '../vault/vault';
import {
  oneOnOneApi,
  oneOnOneKeys,
  type MeetingDetail,
  type Reminder,
  type ReminderList,
} from '../meetings/api';
import { LockIcon } from '../meetings/bits';
import { useMeetingFormat } from '../meetings/hooks';

/**
 * "Remember to ask" (issue #15, seeds 000 and 002): the manager's own short reminders for the
 * next 1:1 with this employee — a move, a family event, a course — shown on every later
 * meeting of the series until ticked off. Sealed in this browser like private notes
 * (decision 018): without an unlocked vault they can be neither read nor written.
 */
export function RemindersPanel({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const meetingId = detail.meeting.id;
  const query = useQuery({
    queryKey: oneOnOneKeys.reminders(meetingId),
    queryFn: () => oneOnOneApi.reminders(meetingId),
    staleTime: Infinity,
  });
  const vault = useMyVault();
  const key = useVaultKey();
  const other = detail.series.employee.name;
  let body;
  if (query.isPending || vault.isPending) body = <Loading />;
  else if (query.error || vault.error)
    body = (
      <LoadError
        error={query.error ?? vault.error}
        retry={() => void (query.error ? query.refetch() : vault.refetch())}
      />
    );
  else if (!vault.data.vault) body = <p className="muted small">{t('remember.needsVault')}</p>;
  else if (!key) {
    const open = query.data.items.filter((r) => r.doneAt === null).length;
    body = (
      <p className="muted small">
        {t('remember.locked', { count: open })} <a href="#private-notes">{t('remember.toVault')}</a>
      </p>
    );
  } else body = <Reminders detail={detail} list={query.data} vaultKey={key} />;
  return (
    <section className="card reminders" aria-labelledby="reminders-heading" id="reminders">
      <h2 id="reminders-heading">{t('remember.title')}</h2>
      <p className="private__badge">
        <LockIcon />
        {t('remember.onlyYou', { name: other })}
      </p>
      {body}
    </section>
  );
}

type VaultKey = { key: CryptoKey; keyVersion: number };

function Reminders({
  detail,
  list,
  vaultKey,
}: {
  detail: MeetingDetail;
  list: ReminderList;
  vaultKey: VaultKey;
}) {
  const { t } = useTranslation('meetings');
  const client = useQueryClient();
  const errorText = useErrorText();
  const meetingId = detail.meeting.id;
  const seriesId = detail.series.id;
  const authorId = detail.series.manager.id;
  const cacheKey = oneOnOneKeys.reminders(meetingId);
  const texts = useOpened(list.items, vaultKey.key, seriesId, authorId);
  const [text, setText] = useState('');
  const [added, setAdded] = useState(false);
  const replace = (fresh: Reminder) =>
    client.setQueryData<ReminderList>(cacheKey, (old) => {
      const items = old?.items ?? [];
      return {
        items: items.some((r) => r.id === fresh.id)
          ? items.map((r) => (r.id === fresh.id ? fresh : r))
          : [...items, fresh],
      };
    });
  const add = useMutation({
    mutationFn: async (value: string) =>
      oneOnOneApi.addReminder(meetingId, await sealReminder(vaultKey, seriesId, authorId, value)),
    onSuccess: (fresh) => {
      replace(fresh);
      setText('');
      setAdded(true);
    },
  });
  const tick = useMutation({
    mutationFn: (v: { id: string; done: boolean }) =>
      oneOnOneApi.tickReminder(meetingId, v.id, v.done),
    onSuccess: replace,
  });
  const writable = detail.meeting.status !== 'cancelled';
  return (
    <>
      {list.items.length === 0 ? (
        <p className="muted small">{t('remember.none')}</p>
      ) : (
        <ul className="reminders__list">
          {list.items.map((r) => (
            <ReminderItem
              key={r.id}
              reminder={r}
              text={texts.get(r.sealed.ciphertext)}
              busy={tick.isPending}
              // Shown ticked (or not) at once, while the server is asked.
              checked={
                tick.isPending && tick.variables.id === r.id
                  ? tick.variables.done
                  : r.doneAt !== null
              }
              onTick={(done) => tick.mutate({ id: r.id, done })}
            />
          ))}
        </ul>
      )}
      {tick.error ? <p className="field__error">{errorText(tick.error)}</p> : null}
      {writable ? (
        <InlineAddForm
          id="new-reminder"
          className="reminders__add"
          showLabel
          label={t('remember.label')}
          submitLabel={t('remember.add')}
          buttonClassName="button button--secondary button--small"
          placeholder={t('remember.placeholder')}
          maxLength={500}
          value={text}
          onChange={setText}
          onSubmit={() => {
            setAdded(false);
            add.mutate(text.trim());
          }}
          pending={add.isPending}
          error={add.error}
          status={added ? t('remember.added') : ''}
        />
      ) : null}
    </>
  );
}

function ReminderItem({
  reminder: r,
  text,
  busy,
  checked,
  onTick,
}: {
  reminder: Reminder;
  /** undefined while opening; null when this key cannot open it. */
  text: string | null | undefined;
  busy: boolean;
  checked: boolean;
  onTick: (done: boolean) => void;
}) {
  const { t } = useTranslation('meetings');
  const fmt = useMeetingFormat();
  const id = `reminder-${r.id}`;
  const shown = text === undefined ? '…' : text === null ? t('remember.unreadable') : text;
  return (
    <li className={checked ? 'reminders__item reminders__item--done' : 'reminders__item'}>
      <input
        type="checkbox"
        id={id}
        checked={checked}
        disabled={busy || text === undefined}
        onChange={(e) => onTick(e.target.checked)}
        aria-label={t('remember.asked', { text: shown })}
      />
      <label htmlFor={id}>
        <span className="reminders__text">{shown}</span>
        <span className="muted small">
          {' '}
          {t('remember.from', { date: fmt.shortDate(r.createdAt) })}
        </span>
      </label>
    </li>
  );
}

/** The reminders' texts, opened with the unlocked key (by their ciphertext). */
function useOpened(items: Reminder[], key: CryptoKey, seriesId: string, authorId: string) {
  const [opened, setOpened] = useState(() => new Map<string, string | null>());
  useEffect(() => {
    let live = true;
    const todo = items.filter((r) => !opened.has(r.sealed.ciphertext));
    if (todo.length === 0) return;
    void Promise.all(
      todo.map((r) =>
        openReminder(key, r.sealed, seriesId, authorId).then(
          (text) => [r.sealed.ciphertext, text] as const,
          () => [r.sealed.ciphertext, null] as const,
        ),
      ),
    ).then((done) => {
      if (!live) return;
      setOpened((old) => new Map([...old, ...done]));
    });
    return () => {
      live = false;
    };
  }, [items, opened, key, seriesId, authorId]);
  return opened;
}
