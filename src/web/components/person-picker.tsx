import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { Field } from './field';
import { useDebounced } from './use-debounced';

type PersonPickerProps = {
  id: string;
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  /** Left out of the results (a person cannot be their own manager). */
  excludeId?: string | undefined;
  error?: string | undefined;
};

/** Picks one active person by searching their name, e-mail or employee number. */
export function PersonPicker({ id, label, value, onChange, excludeId, error }: PersonPickerProps) {
  const { t } = useTranslation('people');
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim());
  const input = useRef<HTMLInputElement>(null);
  const chosen = useQuery({
    queryKey: ['person', value],
    queryFn: () => api.person(value!),
    enabled: !!value,
    staleTime: 60_000,
  });
  const results = useQuery({
    queryKey: ['people', 'pick', query],
    queryFn: () => api.people({ search: query, limit: 8 }),
    enabled: query.length > 0,
  });
  const hits = (results.data?.items ?? []).filter((p) => p.id !== excludeId);
  const currentId = `${id}-current`;
  return (
    <Field id={id} label={label} error={error}>
      {(control) => (
        <div className="picker">
          <p className="picker__current" id={currentId}>
            {value ? (
              <>
                <span>{t('picker.current', { name: chosen.data?.name ?? '…' })}</span>
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => {
                    onChange(null);
                    input.current?.focus();
                  }}
                >
                  {t('picker.remove')}
                </button>
              </>
            ) : (
              <span>{t('picker.none')}</span>
            )}
          </p>
          <input
            ref={input}
            type="search"
            autoComplete="off"
            placeholder={t('picker.placeholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            {...control}
            aria-describedby={[control['aria-describedby'], currentId].filter(Boolean).join(' ')}
          />
          {query ? (
            <div className="picker__results" aria-live="polite">
              {results.isFetching && !results.data ? (
                <p className="muted">{t('common:loading')}</p>
              ) : hits.length === 0 ? (
                <p className="muted">{t('picker.noMatches')}</p>
              ) : (
                <ul aria-label={t('picker.results')}>
                  {hits.map((p) => (
                    <li key={p.id}>
                      <button
                        type="button"
                        className="picker__choice"
                        onClick={() => {
                          onChange(p.id);
                          setSearch('');
                          input.current?.focus();
                        }}
                      >
                        <span className="picker__name">{p.name}</span>
                        <span className="muted">
                          {[p.jobTitle, p.departmentName].filter(Boolean).join(' · ')}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ) : null}
        </div>
      )}
    </Field>
  );
}
