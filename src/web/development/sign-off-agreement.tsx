import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../domain/development/versions';
import { useFormat } from '../session';

/** A frozen agreement (one version), read-only, in the reader's language. */
export function AgreementView({ agreement }: { agreement: Agreement }) {
  const { t, i18n } = useTranslation('goals');
  const fmt = useFormat();
  const due = (d: string | null) => (d ? t('goals.due', { date: fmt.day(d) }) : null);
  const title = (text: Record<string, string | undefined>) =>
    text[i18n.language] ?? Object.values(text)[0] ?? '';
  return (
    <div className="agreement">
      <h4>{t('signOff.agreement.sections')}</h4>
      {agreement.sections.map((s) => (
        <div key={s.key}>
          <strong>{title(s.title)}</strong>
          <p className={s.notes ? 'agreement__text' : 'muted'}>
            {s.notes || t('signOff.agreement.noNotes')}
          </p>
          {s.decision ? <p>{t('signOff.agreement.decision', { text: s.decision })}</p> : null}
        </div>
      ))}
      {agreement.reviewedGoals.length ? (
        <>
          <h4>{t('goals.lastPeriod')}</h4>
          <ul>
            {agreement.reviewedGoals.map((g) => (
              <li key={g.id}>
                {g.title} –{' '}
                {g.outcome ? t(`goals.outcome.${g.outcome}`) : t('goals.outcome.notJudged')}
                {g.comment ? ` (${g.comment})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>{t('goals.title')}</h4>
      {agreement.goals.length === 0 ? (
        <p className="muted">{t('signOff.agreement.nothing')}</p>
      ) : null}
      <ul>
        {agreement.goals.map((g) => (
          <li key={g.id}>
            <strong>{g.title}</strong>
            {g.dueDate ? <span className="muted"> · {due(g.dueDate)}</span> : null}
            {g.successMeasure ? (
              <div className="muted">
                {t('goals.field.successMeasure')}: {g.successMeasure}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <h4>{t('plan.title')}</h4>
      {agreement.plan.length === 0 ? (
        <p className="muted">{t('signOff.agreement.nothing')}</p>
      ) : null}
      <ul>
        {agreement.plan.map((p) => (
          <li key={p.id}>
            <strong>{p.competence}</strong> – {t(`plan.activity.${p.activity}`)}
            {p.dueDate ? <span className="muted"> · {due(p.dueDate)}</span> : null}
          </li>
        ))}
      </ul>
      <h4>{t('signOff.agreement.actions')}</h4>
      {agreement.actions.length === 0 ? (
        <p className="muted">{t('signOff.agreement.nothing')}</p>
      ) : null}
      <ul>
        {agreement.actions.map((a) => (
          <li key={a.id}>
            {a.title} – {a.ownerName}
            {a.dueDate ? <span className="muted"> · {due(a.dueDate)}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
