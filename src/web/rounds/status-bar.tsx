import { useTranslation } from 'react-i18next';
import { STATUS_ORDER, type Counts } from './api';

/**
 * Counts per status as a stacked bar with the numbers spelled out beside it (the bar is
 * decoration; the list carries the information for screen readers and in print).
 */
export function StatusBar({ counts }: { counts: Counts }) {
  const { t } = useTranslation('rounds');
  return (
    <div className="status-bar">
      <div className="status-bar__track" aria-hidden="true">
        {STATUS_ORDER.map((s) =>
          counts[s] > 0 ? (
            <span
              key={s}
              className={`status-bar__part status--${s}`}
              style={{ flexGrow: counts[s] }}
            />
          ) : null,
        )}
      </div>
      <ul className="status-bar__legend">
        {STATUS_ORDER.map((s) => (
          <li key={s}>
            <span className={`status-dot status--${s}`} aria-hidden="true" />
            {t(`status.${s}`)}: <strong>{counts[s]}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
