import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, LoadError, Loading } from '../components/feedback';
import { Page } from '../components/page';
import { oneOnOneApi, oneOnOneKeys, type MeetingDetail, type Reflection } from '../meetings/api';
import { useAutosave, useUnsavedWarning, type AutosaveAdapter } from '../components/autosave';
import { SaveStatus } from '../meetings/note-editor';
import {
  hasEarlierAnswers,
  normaliseTopic,
  reflectionPreview,
  reflectionRows,
  reflectionToSave,
  sameReflection,
  type ReflectionContent,
} from '../../domain/one-on-one/reflection';
import { LockIcon } from '../meetings/bits';
import { useMeetingFormat } from '../meetings/hooks';
import '../meetings/meetings.css';
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

/** The agenda's titles (sections and topics that were on it): the topics one may note on. */
function agendaTitles(d: MeetingDetail): string[] {
  return d.agenda.filter((p) => p.carriedToMeetingId === null).map((p) => p.title);
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
    openReflection<{ topics: Parameters<typeof normaliseTopic>[0][]; notes: string }>(
      sealing.key,
      saved.sealed,
      saved.meetingId,
      authorId,
    ).then(
      (content) =>
        live &&
        setOpened({
          for: saved,
          // Sealed before issue #15 without `note`: read as the earlier form.
          value: { ...saved, notes: content.notes, topics: content.topics.map(normaliseTopic) },
        }),
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

type Sealing = { authorId: string; key: { key: CryptoKey; keyVersion: number } };

/** Saves a reflection: sealed in this browser before it leaves, once there is a vault (018). */
function reflectionAdapter(
  meetingId: string,
  sealing: Sealing | null,
  onSaved: (fresh: Reflection) => void,
): AutosaveAdapter<ReflectionContent> {
  return {
    async save(text) {
      const content = reflectionToSave(text.topics, text.notes);
      const fresh = await oneOnOneApi.saveReflection(
        meetingId,
        sealing
          ? { sealed: await sealReflection(sealing.key, meetingId, sealing.authorId, content) }
          : content,
      );
      onSaved(fresh);
      // What was sent is now stored: the rows on screen stay as they are.
      return { saved: { text, version: 0 }, merged: false };
    },
    conflictOf: () => null,
    equal: (a, b) =>
      sameReflection(reflectionToSave(a.topics, a.notes), reflectionToSave(b.topics, b.notes)),
    merge: () => null,
  };
}

/** One free text, then an optional note per topic; saved as one types (issue #15). */
function ReflectionForm({
  detail,
  saved,
  sealing,
}: {
  detail: MeetingDetail;
  saved: Reflection | null;
  sealing: Sealing | null;
}) {
  const { t } = useTranslation('meetings');
  const client = useQueryClient();
  const meetingId = detail.meeting.id;
  const onSaved = (fresh: Reflection) => {
    client.setQueryData(oneOnOneKeys.reflection(meetingId), { reflection: fresh });
    // The list beside this form leaves this meeting out: refreshed when next shown.
    void client.invalidateQueries({ queryKey: oneOnOneKeys.reflections, refetchType: 'none' });
  };
  const [initial] = useState<ReflectionContent>(() => ({
    topics: reflectionRows(agendaTitles(detail), (saved?.topics ?? []).map(normaliseTopic)),
    notes: saved?.notes ?? '',
  }));
  const r = useAutosave(
    { text: initial, version: 0 },
    reflectionAdapter(meetingId, sealing, onSaved),
    { delay: 1000 },
  );
  const { controller } = r;
  useUnsavedWarning();
  const editTopic = (i: number, note: string) =>
    controller.edit({
      ...r.text,
      topics: r.text.topics.map((x, j) => (j === i ? { ...x, note } : x)),
    });
  const flush = () => void controller.flush();
  return (
    <div className="form form--wide reflection">
      <div className="field">
        <label htmlFor="r-notes">{t('reflection.notes')}</label>
        <p className="field__hint" id="r-notes-hint">
          {t('reflection.notesHint', { name: detail.series.employee.name })}
        </p>
        <textarea
          id="r-notes"
          rows={6}
          maxLength={20_000}
          aria-describedby="r-notes-hint"
          value={r.text.notes}
          onChange={(e) => controller.edit({ ...r.text, notes: e.target.value })}
          onBlur={flush}
        />
      </div>
      <SaveStatus status={r.status} error={r.error} retry={flush} />
      {r.text.topics.length > 0 ? (
        <section className="reflection__topics" aria-labelledby="r-topics">
          <h2 id="r-topics">{t('reflection.perTopic')}</h2>
          <p className="field__hint">{t('reflection.perTopicHint')}</p>
          {r.text.topics.map((topic, i) => (
            <details
              key={`${i}-${topic.title}`}
              className="reflection__topic"
              open={topic.note !== '' || hasEarlierAnswers(topic) || undefined}
            >
              <summary>{topic.title}</summary>
              {hasEarlierAnswers(topic) ? (
                <dl className="reflection__earlier">
                  {(['howItWent', 'why', 'doDifferently'] as const)
                    .filter((f) => topic[f])
                    .map((f) => (
                      <div key={f}>
                        <dt>{t(`reflection.${f}`)}</dt>
                        <dd>{topic[f]}</dd>
                      </div>
                    ))}
                </dl>
              ) : null}
              <div className="field">
                <label htmlFor={`r-topic-${i}`}>
                  {t('reflection.topicNote', { topic: topic.title })}
                </label>
                <textarea
                  id={`r-topic-${i}`}
                  rows={2}
                  maxLength={5000}
                  placeholder={t('reflection.prompts')}
                  value={topic.note}
                  onChange={(e) => editTopic(i, e.target.value)}
                  onBlur={flush}
                />
              </div>
            </details>
          ))}
        </section>
      ) : null}
    </div>
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
            const preview = reflectionPreview(r);
            return (
              <li key={r.meetingId} className="reflection-list__item">
                <Link to={`/one-on-ones/meetings/${r.meetingId}/reflection`}>
                  {t('reflection.itemTitle', {
                    name: r.employeeName ?? '',
                    date: fmt.shortDate(r.meetingStartsAt),
                  })}
                </Link>
                {preview ? <p className="small muted">{preview}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
      <LoadMore list={list} label={t('series.more')} />
    </section>
  );
}
