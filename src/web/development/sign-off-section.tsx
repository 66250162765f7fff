import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { Field } from '../components/field';
import { useFormat } from '../session';
import { goalKeys, goalsApi, type ConversationRef, type VersionSummary } from './goals-api';
import { AgreementView } from './sign-off-agreement';
import { CorrectionForm } from './sign-off-correction';

/**
 * Sign-off: the manager closes (the agreement becomes version 1), the employee signs with an
 * optional comment, and afterwards both read every version and open it as PDF.
 */
export function SignOffSection({ conversation }: { conversation: ConversationRef }) {
  const { t } = useTranslation('goals');
  const q = useQuery({
    queryKey: goalKeys.signOff(conversation.id),
    queryFn: () => goalsApi.signOff(conversation.id),
  });
  const { can } = conversation;
  const status = q.data?.status ?? conversation.status;
  return (
    <section className="card" aria-labelledby="sign-off-heading">
      <h2 id="sign-off-heading">{t('signOff.title')}</h2>
      <p className="sign-off__status" data-status={status}>
        {t(`signOff.status.${status}`)}
      </p>
      {q.isPending ? <Loading /> : null}
      {q.error ? <LoadError error={q.error} retry={() => void q.refetch()} /> : null}
      {can.close && (status === 'booked' || status === 'held') ? (
        <CloseButton conversationId={conversation.id} />
      ) : null}
      {can.sign && (status === 'booked' || status === 'held') ? (
        <p className="muted">{t('signOff.waitingForManager')}</p>
      ) : null}
      {can.sign && status === 'closed' ? <SignForm conversationId={conversation.id} /> : null}
      {q.data && q.data.versions.length > 0 ? (
        <Versions
          conversationId={conversation.id}
          versions={q.data.versions}
          mayCorrect={can.correct}
          employeeName={conversation.employeeName}
        />
      ) : null}
    </section>
  );
}

/** After a step the whole page may change (status, read-only): refresh everything. */
function useRefreshAll() {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}

function CloseButton({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('goals');
  const errorText = useErrorText();
  const refresh = useRefreshAll();
  const [asking, setAsking] = useState(false);
  const close = useMutation({
    mutationFn: () => goalsApi.close(conversationId),
    onSuccess: async () => {
      setAsking(false);
      await refresh();
    },
  });
  return (
    <div>
      <p className="muted">{t('signOff.closeHint')}</p>
      <button type="button" className="button" onClick={() => setAsking(true)}>
        {t('signOff.close')}
      </button>
      {close.error ? (
        <Alert>
          <p>{errorText(close.error)}</p>
        </Alert>
      ) : null}
      <ConfirmDialog
        open={asking}
        title={t('signOff.close')}
        confirmLabel={t('signOff.close')}
        busy={close.isPending}
        onConfirm={() => close.mutate()}
        onCancel={() => setAsking(false)}
      >
        <p>{t('signOff.closeConfirm')}</p>
      </ConfirmDialog>
    </div>
  );
}

function SignForm({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation('goals');
  const errorText = useErrorText();
  const refresh = useRefreshAll();
  const [comment, setComment] = useState('');
  const sign = useMutation({
    mutationFn: () => goalsApi.sign(conversationId, comment.trim() || null),
    onSuccess: refresh,
  });
  return (
    <form
      className="form__grid"
      onSubmit={(e) => {
        e.preventDefault();
        sign.mutate();
      }}
    >
      <p className="muted">{t('signOff.signHint')}</p>
      <Field id="sign-comment" label={t('signOff.comment')}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={5000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        )}
      </Field>
      {sign.error ? (
        <Alert>
          <p>{errorText(sign.error)}</p>
        </Alert>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={sign.isPending}>
          {t('signOff.sign')}
        </button>
      </div>
    </form>
  );
}

function Versions(props: {
  conversationId: string;
  versions: VersionSummary[];
  mayCorrect: boolean;
  employeeName: string;
}) {
  const { t } = useTranslation('goals');
  const fmt = useFormat();
  const [open, setOpen] = useState<number | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const latest = props.versions[0]!.version;
  const shown = useQuery({
    queryKey: goalKeys.version(props.conversationId, open ?? latest),
    queryFn: () => goalsApi.version(props.conversationId, open ?? latest),
    enabled: open !== null || correcting,
  });
  return (
    <>
      <h3>{t('signOff.versions')}</h3>
      <ul className="version-list">
        {props.versions.map((v) => (
          <li key={v.version}>
            <strong>{t('signOff.version', { version: v.version })}</strong>{' '}
            <span className="muted">
              {t('signOff.versionBy', { name: v.createdBy.name, when: fmt.dateTime(v.createdAt) })}
            </span>
            <div>{v.summary ?? t('signOff.closedVersion')}</div>
            {v.acknowledgedAt ? (
              <div>
                {t('signOff.signedBy', {
                  name: props.employeeName,
                  when: fmt.dateTime(v.acknowledgedAt),
                })}
              </div>
            ) : null}
            {v.acknowledgementComment ? (
              <div>{t('signOff.employeeComment', { comment: v.acknowledgementComment })}</div>
            ) : null}
            <div className="version-list__tools">
              <button
                type="button"
                className="button button--ghost button--small"
                aria-expanded={open === v.version}
                onClick={() => setOpen(open === v.version ? null : v.version)}
              >
                {open === v.version ? t('signOff.hide') : t('signOff.show')}
              </button>
              <a
                className="button button--secondary button--small"
                href={goalsApi.pdfUrl(props.conversationId, v.version)}
                target="_blank"
                rel="noopener"
              >
                {t('signOff.pdf')}
              </a>
            </div>
            {open === v.version && shown.data ? (
              <AgreementView agreement={shown.data.content} />
            ) : null}
          </li>
        ))}
      </ul>
      {props.mayCorrect && !correcting ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setOpen(null);
            setCorrecting(true);
          }}
        >
          {t('signOff.correct')}
        </button>
      ) : null}
      {correcting && shown.data && open === null ? (
        <CorrectionForm
          conversationId={props.conversationId}
          latest={shown.data.content}
          onDone={() => setCorrecting(false)}
        />
      ) : null}
    </>
  );
}
