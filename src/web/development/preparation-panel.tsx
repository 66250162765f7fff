import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Alert, useErrorText } from '../components/feedback';
import { useMeetingFormat } from '../meetings/hooks';
import { conversationApi, conversationKeys, type Answers, type ConversationPage } from './api';
import { AnswerInput, useLocalise } from './answers';

/** Per-question messages of a refused save ("answers.<question key>"). */
function answerErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  return Object.fromEntries(
    err.fields
      .filter((f) => f.path.startsWith('answers.'))
      .map((f) => [f.path.slice('answers.'.length), f.message]),
  );
}

/**
 * The person's own written preparation: the questions for their side (and for both), saved as
 * a draft, then submitted once. Nothing here is shown to the other before the reveal.
 */
export function PreparationPanel({ page }: { page: ConversationPage }) {
  const { t } = useTranslation('conversations');
  const l = useLocalise();
  const fmt = useMeetingFormat();
  const errorText = useErrorText();
  const client = useQueryClient();
  const mine = page.preparation.mine;
  const [answers, setAnswers] = useState<Answers>(mine?.answers ?? {});
  const [confirm, setConfirm] = useState(false);
  const [saved, setSaved] = useState(false);
  const submitted = mine?.submittedAt ?? null;
  const open = (page.status === 'not_booked' || page.status === 'booked') && !submitted;
  const other = page.myRole === 'manager' ? page.employee : page.manager;
  const revealed = page.preparation.revealed;
  const save = useMutation({
    mutationFn: (submit: boolean) =>
      submit
        ? conversationApi.submit(page.id, answers)
        : conversationApi.saveDraft(page.id, answers),
    onSuccess: async (_p, submit) => {
      setSaved(!submit);
      await client.invalidateQueries({ queryKey: conversationKeys.page(page.id) });
    },
  });
  const errors = answerErrors(save.error);
  const mineFor = (preparedBy: string) => preparedBy === 'both' || preparedBy === page.myRole;

  return (
    <section className="card prep" aria-labelledby="prep-heading">
      {/* Once revealed, both answers follow below: the heading is no longer "yours". */}
      <h2 id="prep-heading">{revealed ? t('prep.titleRevealed') : t('prep.title')}</h2>
      <p className="muted">{revealed ? t('prep.revealed') : t('prep.intro')}</p>
      {revealed ? null : (
        <p role="status">
          {page.preparation.otherSubmitted
            ? t('prep.otherSubmitted', { name: other.name })
            : t('prep.otherNotSubmitted', { name: other.name })}
        </p>
      )}
      {submitted ? (
        <p className="prep__submitted">
          {t('prep.submittedAt', { when: fmt.longDate(submitted) })}
        </p>
      ) : null}
      {!open && !submitted ? <Alert kind="info">{<p>{t('prep.closed')}</p>}</Alert> : null}
      {save.error && Object.keys(errors).length === 0 ? (
        <Alert>
          <p>{errorText(save.error)}</p>
        </Alert>
      ) : null}
      {open ? (
        <form
          className="prep__form"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(false);
          }}
        >
          {page.template.sections.map((s) => {
            const questions = s.questions.filter((q) => mineFor(q.preparedBy));
            if (questions.length === 0) return null;
            return (
              <fieldset key={s.key} className="prep__section">
                <legend>{l(s.title)}</legend>
                {s.intro ? <p className="muted small">{l(s.intro)}</p> : null}
                {questions.map((q) => (
                  <AnswerInput
                    key={q.key}
                    q={q}
                    value={answers[q.key]}
                    error={errors[q.key]}
                    onChange={(v) => {
                      setSaved(false);
                      setAnswers((a) => ({ ...a, [q.key]: v }));
                    }}
                  />
                ))}
              </fieldset>
            );
          })}
          <div className="form__actions">
            <button type="submit" className="button button--secondary" disabled={save.isPending}>
              {t('prep.saveDraft')}
            </button>
            <button
              type="button"
              className="button"
              disabled={save.isPending}
              onClick={() => setConfirm(true)}
            >
              {t('prep.submit')}
            </button>
            {saved ? (
              <span className="save-status" role="status">
                {t('prep.saved')}
              </span>
            ) : null}
          </div>
        </form>
      ) : null}
      {confirm ? (
        <ConfirmDialog
          open
          title={t('prep.submit')}
          confirmLabel={t('prep.submit')}
          onCancel={() => setConfirm(false)}
          onConfirm={() => {
            setConfirm(false);
            save.mutate(true);
          }}
        >
          <p>{t('prep.submitConfirm')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
