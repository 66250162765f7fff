import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUESTION_KEYS, questionThemeFor } from '../../domain/coaching/question-bank';
import { useErrorText } from '../components/feedback';
import { oneOnOneKeys, type MeetingDetail, type Point } from '../meetings/api';
import { writeOrKeep } from '../live/outbox';
import { insertIntoPrivateNote } from '../meetings/private-note-insert';

/**
 * Seeds 000 and 002: open questions for a standing agenda item, offered to the manager while
 * preparing and running a 1:1. Folded by default beside the item; one click puts a question on
 * the agenda as the manager's own point under this item, or into their private note (through its
 * editor, so sealed like anything typed there). The employee is never shown it.
 */
export function QuestionBank({ detail, section }: { detail: MeetingDetail; section: Point }) {
  const { t } = useTranslation('meetings');
  const client = useQueryClient();
  const errorText = useErrorText();
  const [status, setStatus] = useState<string>('');
  const theme = questionThemeFor(section.sectionKey, section.sectionKind);
  const add = useMutation({
    // Offline it runs too, like any point added by hand (outbox).
    networkMode: 'always',
    mutationFn: (title: string) => {
      const input = { title, sectionKey: section.sectionKey };
      return writeOrKeep<Point>(
        detail.meeting.id,
        {
          kind: 'addPoint',
          ...input,
          authorId: detail.series.manager.id,
          role: 'manager',
        },
        'POST',
        `/api/one-on-ones/meetings/${encodeURIComponent(detail.meeting.id)}/points`,
        input,
      );
    },
    onSuccess: async (_point, title) => {
      setStatus(t('questionBank.added', { question: title }));
      await client.invalidateQueries({ queryKey: oneOnOneKeys.meeting(detail.meeting.id) });
    },
  });
  if (!detail.can.coach || !theme || !section.sectionKey) return null;
  const onAgenda = new Set(detail.agenda.map((p) => p.title.trim()));
  const headingId = `questions-${section.id}`;
  return (
    <details className="question-bank">
      <summary id={headingId}>{t('questionBank.title')}</summary>
      <p className="muted small">{t('questionBank.hint')}</p>
      <ul aria-labelledby={headingId}>
        {QUESTION_KEYS.map((q) => {
          const question = t(`questionBank.${theme}.${q}`);
          const there = onAgenda.has(question);
          return (
            <li key={q}>
              <span>{question}</span>
              {there ? (
                <span className="badge">{t('questionBank.onAgenda')}</span>
              ) : (
                <button
                  type="button"
                  className="button button--small button--ghost"
                  disabled={add.isPending}
                  onClick={() => add.mutate(question)}
                  aria-label={t('questionBank.addFor', { question })}
                >
                  {t('questionBank.add')}
                </button>
              )}
              <button
                type="button"
                className="button button--small button--ghost"
                onClick={() =>
                  setStatus(
                    insertIntoPrivateNote(detail.meeting.id, question)
                      ? t('questionBank.copied', { question })
                      : t('questionBank.noteLocked'),
                  )
                }
                aria-label={t('questionBank.toNoteFor', { question })}
              >
                {t('questionBank.toNote')}
              </button>
            </li>
          );
        })}
      </ul>
      <p className="status" role="status">
        {status}
      </p>
      {add.error ? <p className="field__error">{errorText(add.error)}</p> : null}
    </details>
  );
}
