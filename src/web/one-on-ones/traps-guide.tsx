import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { Alert, useErrorText } from '../components/feedback';
import { ME_KEY, useMe } from '../session';

const TRAPS = ['colleagues', 'opinions', 'numbers'] as const;

/**
 * Seed 000: the common traps of a 1:1 (talking about colleagues, the manager's opinions of
 * others, only numbers), in a few words, where the manager prepares and runs the meeting.
 * Whether it is hidden travels with "who am I" (already loaded on every page), so the meeting
 * page asks nothing more; hiding it is remembered on the server for the person.
 */
export function TrapsGuide() {
  const { t } = useTranslation('meetings');
  const client = useQueryClient();
  const errorText = useErrorText();
  const me = useMe().data;
  const toggle = useMutation({
    mutationFn: (hidden: boolean) => api.updateMe({ coachingTipsHidden: hidden }),
    onSuccess: (fresh) => client.setQueryData(ME_KEY, fresh),
  });
  if (!me) return null;
  const error = toggle.error ? (
    <Alert>
      <p>{errorText(toggle.error)}</p>
    </Alert>
  ) : null;
  if (me.coachingTipsHidden)
    return (
      <p className="traps-show">
        {error}
        <button
          type="button"
          className="button button--ghost button--small"
          disabled={toggle.isPending}
          onClick={() => toggle.mutate(false)}
        >
          {t('traps.show')}
        </button>
      </p>
    );
  return (
    <section className="card traps" aria-labelledby="traps-heading">
      <h2 id="traps-heading">{t('traps.title')}</h2>
      <p className="muted small">{t('traps.intro')}</p>
      <ul>
        {TRAPS.map((k) => (
          <li key={k}>{t(`traps.${k}`)}</li>
        ))}
      </ul>
      {error}
      <button
        type="button"
        className="button button--ghost button--small"
        disabled={toggle.isPending}
        onClick={() => toggle.mutate(true)}
      >
        {t('traps.hide')}
      </button>
    </section>
  );
}
