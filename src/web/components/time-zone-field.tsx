import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZoneChoices } from '../../domain/time-zone';
import { zoneOffset } from '../format';
import { Field } from './field';

const NORDIC_COUNT = 7; // timeZoneChoices() lists the Nordic zones first

let cache: { nordic: string[]; others: string[] } | undefined;
function zones() {
  if (!cache) {
    const all = timeZoneChoices();
    cache = { nordic: all.slice(0, NORDIC_COUNT), others: all.slice(NORDIC_COUNT) };
  }
  return cache;
}

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[_/\s-]+/g, ' ')
    .trim();

type TimeZoneFieldProps = {
  id: string;
  value: string;
  onChange: (tz: string) => void;
  error?: string | undefined;
  label?: string;
};

/** An IANA time zone picker: a filter box above a select, Nordic zones first. */
export function TimeZoneField({ id, value, onChange, error, label }: TimeZoneFieldProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const { nordic, others } = zones();
  const match = useMemo(() => {
    const q = normalise(filter);
    const keep = (z: string) => !q || normalise(z).includes(q) || z === value;
    return { nordic: nordic.filter(keep), others: others.filter(keep) };
  }, [filter, nordic, others, value]);
  const known = nordic.includes(value) || others.includes(value);
  const option = (z: string) => (
    <option key={z} value={z}>
      {`${z.replace(/_/g, ' ')} (${zoneOffset(z)})`}
    </option>
  );
  return (
    <Field id={id} label={label ?? t('common:timeZone.label')} error={error}>
      {(control) => (
        <div className="time-zone">
          <input
            type="search"
            id={`${id}-filter`}
            className="time-zone__filter"
            aria-label={t('common:timeZone.filter')}
            aria-controls={id}
            placeholder={t('common:timeZone.filterPlaceholder')}
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value);
              const q = normalise(e.target.value);
              // One match left: take it, so typing a city is enough.
              const hits = [...nordic, ...others].filter((z) => q && normalise(z).includes(q));
              if (hits.length === 1 && hits[0]) onChange(hits[0]);
            }}
          />
          <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
            {!known && value ? <option value={value}>{value}</option> : null}
            {match.nordic.length ? (
              <optgroup label={t('common:timeZone.nordic')}>{match.nordic.map(option)}</optgroup>
            ) : null}
            {match.others.length ? (
              <optgroup label={t('common:timeZone.others')}>{match.others.map(option)}</optgroup>
            ) : null}
          </select>
        </div>
      )}
    </Field>
  );
}
