import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { Page } from '../components/page';
import {
  oneOnOneApi,
  oneOnOneKeys,
  type MeetingDetail,
  type Reflection,
  type ReflectionTopic,
} from './api';
import { LockIcon } from './bits';
import { useMeetingFormat } from './hooks';
import './meetings.css';
import { useMe } from '../session';
import { openReflection, sealReflection, useMyVault, useVaultKey } from '../vault/vault';
import { VaultUnlock } from '../vault/vault-panel';
import { LoadMore } from '../components/load-more';

/** The manager's private reflection on one meeting, per topic, and the earlier ones. */
export function ReflectionPage() {
  const { t } = useTranslation('meetings');
  const { id = '' } = useParams();
  const detail = useQuery({
    queryKey: oneOnOneKeys.meeting(id),
    queryFn: () => oneOnOneApi.meeting(id),
  });
  const reflection = useQuery({
    queryKey: oneOnOneKeys.reflection(id),
    queryFn: () => oneOnOneApi.reflection(id),
    enabled: detail.data?.can.reflect ?? false,
  });
  const vault = useMyVault();
  const key = useVaultKey();
  const authorId = useMe().data?.id;
  if (detail.isPending) return <Loading />;
  if (detail.error) return <LoadError error={detail.error} retry={() => void detail.refetch()} />;
  const d = detail.data;
  if (!d.can.reflect)
    return (
      <Page title={t('reflection.title')}>
        <Alert>
          <p>{t('reflection.managerOnly')}</p>
        </Alert>
      </Page>
    );
  return (
    <Page
      title={t('reflection.title')}
      intro={t('reflection.intro', { name: d.series.employee.name })}
    >
      <p className="private__badge">
        <LockIcon />
        {t('reflection.private', { name: d.series.employee.name })}
      </p>
      {reflection.isPending || vault.isPending || !authorId ? (
        <Loading />
      ) : reflection.error || vault.error ? (
        <LoadError
          error={reflection.error ?? vault.error}
          retry={() => void (reflection.error ? reflection.refetch() : vault.refetch())}
        />
      ) : vault.data.vault || reflection.data.reflection?.sealed ? (
        // Sealed (decision 018): locked until this page load has the key, never an error.
        !key || !vault.data.vault ? (
          <VaultUnlock vault={vault.data.vault} authorId={authorId} />
        ) : (
          <SealedReflection
            detail={d}
            saved={reflection.data.reflection}
            authorId={authorId}
            sealing={key}
          />
        )
      ) : (
        <ReflectionForm detail={d} saved={reflection.data.reflection} sealing={null} />
      )}
      <EarlierReflections exclude={id} />
    </Page>
  );
}

/** All the manager's reflections, newest first. */
export function ReflectionsPage() {
  const { t } = useTranslation('meetings');
  return (
    <Page title={t('reflection.listTitle')} intro={t('reflection.listIntro')}>
      <EarlierReflections />
    </Page>
  );
}

const emptyTopic = (title: string): ReflectionTopic => ({
  title,
  howItWent: '',
  why: '',
  doDifferently: '',
});

/** The agenda's titles (sections and topics that were on it) as the rows to reflect on. */
function startingTopics(d: MeetingDetail): ReflectionTopic[] {
  return d.agenda.filter((p) => p.carriedToMeetingId === null).map((p) => emptyTopic(p.title));
}

/** The agenda's rows with what was saved for them, and saved rows no longer on the agenda. */
function withSaved(rows: ReflectionTopic[], saved: ReflectionTopic[]): ReflectionTopic[] {
  const byTitle = new Map(saved.map((x) => [x.title, x]));
  const merged = rows.map((r) => byTitle.get(r.title) ?? r);
  const titles = new Set(rows.map((r) => r.title));
  return [...merged, ...saved.filter((x) => !titles.has(x.title))];
}

/** A sealed reflection, opened with the unlocked key, in the same form. */
function SealedReflection({
  detail,
  saved,
  authorId,
  sealing,
}: {
  detail: MeetingDetail;
  saved: Reflection | null;
  authorId: string;
  sealing: { key: CryptoKey; keyVersion: number };
}) {
  const { t } = useTranslation('meetings');
  const [opened, setOpened] = useState<{ for: Reflection; value: Reflection | null } | null>(null);
  useEffect(() => {
    if (!saved?.sealed) return;
    let live = true;
    openReflection<{ topics: ReflectionTopic[]; notes: string }>(
      sealing.key,
      saved.sealed,
      saved.meetingId,
      authorId,
    ).then(
      (content) => live && setOpened({ for: saved, value: { ...saved, ...content } }),
      () => live && setOpened({ for: saved, value: null }),
    );
    return () => {
      live = false;
    };
  }, [saved, sealing, authorId]);
  const form = (value: Reflection | null) => (
    <ReflectionForm
      detail={detail}
      saved={value}
      sealing={{ authorId, key: sealing }}
      // One form per meeting: a save re-opens the sealed copy without losing what is typed.
      key={detail.meeting.id}
    />
  );
  // Begun with nothing sealed (new, or plain until its next save): the form stays as it is,
  // also after a save seals it, so "saved" and what was typed stay on screen.
  const [startedPlain] = useState(() => !saved?.sealed);
  if (!saved?.sealed || startedPlain) return form(saved);
  if (!opened) return <p className="vault__state">{t('vault.opening')}</p>;
  if (opened.value === null) return <p className="field__error">{t('vault.cannotOpen')}</p>;
  return form(opened.value);
}

function ReflectionForm({
  detail,
  saved,
  sealing,
}: {
  detail: MeetingDetail;
  saved: Reflection | null;
  sealing: { authorId: string; key: { key: CryptoKey; keyVersion: number } } | null;
}) {
  const { t } = useTranslation('meetings');
  const client = useQueryClient();
  const errorText = useErrorText();
  const [topics, setTopics] = useState<ReflectionTopic[]>(() =>
    withSaved(startingTopics(detail), saved?.topics ?? []),
  );
  const [notes, setNotes] = useState(saved?.notes ?? '');
  const [done, setDone] = useState(false);
  const save = useMutation({
    mutationFn: async () => {
      const content = {
        topics: topics.filter((x) => x.howItWent || x.why || x.doDifferently),
        notes,
      };
      // Sealed in this browser before it leaves, once there is a vault (decision 018).
      return oneOnOneApi.saveReflection(
        detail.meeting.id,
        sealing
          ? {
              sealed: await sealReflection(
                sealing.key,
                detail.meeting.id,
                sealing.authorId,
                content,
              ),
            }
          : content,
      );
    },
    onSuccess: async (fresh) => {
      client.setQueryData(oneOnOneKeys.reflection(detail.meeting.id), { reflection: fresh });
      await client.invalidateQueries({ queryKey: oneOnOneKeys.reflections });
      setDone(true);
    },
  });
  const edit = (i: number, patch: Partial<ReflectionTopic>) => {
    setDone(false);
    setTopics((old) => old.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  };
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  return (
    <form className="form form--wide reflection" noValidate onSubmit={submit}>
      {save.error ? (
        <Alert focus>
          <p>{errorText(save.error)}</p>
        </Alert>
      ) : null}
      {topics.map((topic, i) => (
        <fieldset key={i} className="fieldset reflection__topic">
          <legend>{topic.title}</legend>
          <div className="reflection__grid">
            {(['howItWent', 'why', 'doDifferently'] as const).map((field) => (
              <div className="field" key={field}>
                <label htmlFor={`r-${i}-${field}`}>{t(`reflection.${field}`)}</label>
                <textarea
                  id={`r-${i}-${field}`}
                  rows={3}
                  maxLength={5000}
                  value={topic[field]}
                  onChange={(e) => edit(i, { [field]: e.target.value })}
                />
              </div>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="field">
        <label htmlFor="r-notes">{t('reflection.notes')}</label>
        <p className="field__hint" id="r-notes-hint">
          {t('reflection.notesHint', { name: detail.series.employee.name })}
        </p>
        <textarea
          id="r-notes"
          rows={5}
          maxLength={20_000}
          aria-describedby="r-notes-hint"
          value={notes}
          onChange={(e) => {
            setDone(false);
            setNotes(e.target.value);
          }}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('common:saving') : t('reflection.save')}
        </button>
        <p className="status" role="status">
          {done ? t('reflection.saved') : ''}
        </p>
      </div>
    </form>
  );
}

function EarlierReflections({ exclude }: { exclude?: string }) {
  const { t } = useTranslation('meetings');
  const fmt = useMeetingFormat();
  const list = useInfiniteQuery({
    queryKey: oneOnOneKeys.reflections,
    queryFn: ({ pageParam }) => oneOnOneApi.reflections(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = (list.data?.pages.flatMap((p) => p.items) ?? []).filter(
    (r) => r.meetingId !== exclude,
  );
  return (
    <section className="section" aria-labelledby="earlier-reflections">
      <h2 id="earlier-reflections">{t('reflection.earlier')}</h2>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty">{t('reflection.none')}</p>
      ) : (
        <ul className="reflection-list">
          {items.map((r) => {
            const lesson = r.topics.find((x) => x.doDifferently)?.doDifferently;
            return (
              <li key={r.meetingId} className="reflection-list__item">
                <Link to={`/one-on-ones/meetings/${r.meetingId}/reflection`}>
                  {t('reflection.itemTitle', {
                    name: r.employeeName ?? '',
                    date: fmt.shortDate(r.meetingStartsAt),
                  })}
                </Link>
                {lesson ? (
                  <p className="small muted">
                    {t('reflection.doDifferently')}: {lesson}
                  </p>
                ) : r.notes ? (
                  <p className="small muted">{r.notes.slice(0, 200)}</p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <LoadMore list={list} label={t('series.more')} />
    </section>
  );
}
