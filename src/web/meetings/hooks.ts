/** Hooks the 1:1 pages share: formatting for the signed-in person, and the rule in words. */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../session';
import { oneOnOneApi, oneOnOneKeys, type Series } from './api';
import { clockTime, meetingFormatter, weekdayName } from '../format';

/** Dates and relative phrases in the person's language and time zone. */
export function useMeetingFormat() {
  const { i18n } = useTranslation();
  const { data: me } = useMe();
  const zone = me?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return useMemo(() => meetingFormatter(i18n.language, zone), [i18n.language, zone]);
}

type Rule = Pick<Series, 'cadence' | 'weekday' | 'monthlyOrdinal'> & { localTime?: string };

/** The series' rule in words: "Varannan tisdag kl. 09:00", "Last Friday of the month". */
export function useRuleText() {
  const { t, i18n } = useTranslation('meetings');
  return (rule: Rule): string => {
    const weekday = weekdayName(rule.weekday, i18n.language);
    const days =
      rule.cadence === 'monthly'
        ? t('rule.monthly', { ordinal: String(rule.monthlyOrdinal ?? 1), weekday })
        : t('rule.weekly', { cadence: rule.cadence, weekday });
    return rule.localTime
      ? t('rule.at', { rule: days, time: clockTime(rule.localTime, i18n.language) })
      : days;
  };
}

/** The agenda templates (built-in and the organisation's), cached for a while. */
export function useTemplates() {
  return useQuery({
    queryKey: oneOnOneKeys.templates,
    queryFn: oneOnOneApi.templates,
    staleTime: 5 * 60_000,
  });
}

/** A localised template text: the person's language, else English, else any. */
export function pickText(text: Partial<Record<string, string>> | null | undefined, lng: string) {
  if (!text) return '';
  return text[lng] ?? text.en ?? Object.values(text).find(Boolean) ?? '';
}

/** The current time, refreshed every `ms` (for "not finished", timers and the like). */
export function useNow(ms = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
