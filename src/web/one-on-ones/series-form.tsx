import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { DURATION_MAX, DURATION_MIN } from '../../domain/one-on-one/duration';
import { Alert, LoadError, Loading } from '../components/feedback';
import { Field, TextField } from '../components/field';
import { Page } from '../components/page';
import { TimeZoneField } from '../components/time-zone-field';
import { useFormErrors } from '../components/use-form-errors';
import { useTeam } from '../queries';
import { useMe } from '../session';
import {
  oneOnOneApi,
  oneOnOneKeys,
  type Cadence,
  type MonthlyOrdinal,
  type PlaceKind,
  type Series,
  type SeriesPatch,
} from '../meetings/api';
import { RadioGroup } from './fields';
import { isoWeekday, nextWorkingDay } from '../format';
import { pickText, useMeetingFormat, useRuleText, useTemplates } from '../meetings/hooks';
import { ordinalOf, upcomingDates } from './schedule';
import '../meetings/meetings.css';

const CADENCE_OPTIONS: Cadence[] = ['weekly', 'every_2_weeks', 'every_3_weeks', 'monthly'];
const ORDINALS: MonthlyOrdinal[] = [1, 2, 3, 4, -1];
const PLACES: PlaceKind[] = ['walk_and_talk', 'room', 'video'];
const FIELDS = [
  'cadence',
  'monthlyOrdinal',
  'startDate',
  'localTime',
  'timeZone',
  'durationMinutes',
  'place',
  'template',
  'reflectionBlockMinutes',
] as const;
/** A block for notes and reflection after each meeting, in minutes (the seeds ask 15–30). */
const REFLECTION_BLOCKS = ['0', '15', '30'] as const;
type ReflectionBlock = (typeof REFLECTION_BLOCKS)[number];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DEFAULT_TEMPLATE = 'builtin:follow-up';

type Values = {
  cadence: Cadence;
  monthlyOrdinal: MonthlyOrdinal | null;
  startDate: string;
  localTime: string;
  timeZone: string;
  duration: string;
  placeKind: PlaceKind;
  placeDetail: string;
  template: string;
  reflectionBlock: ReflectionBlock;
};

/** Booking a new series with one of the manager's direct reports. */
export function BookSeriesPage() {
  const { t } = useTranslation('meetings');
  const { personId = '' } = useParams();
  const { data: me } = useMe();
  const team = useTeam();
  const fmt = useMeetingFormat();
  if (team.isPending || !me) return <Loading />;
  if (team.error) return <LoadError error={team.error} retry={() => void team.refetch()} />;
  const person = team.data.items.find((p) => p.id === personId);
  if (!person)
    return (
      <Page title={t('book.title')}>
        <Alert>
          <p>{t('book.notYourReport')}</p>
        </Alert>
        <Link to="/team">{t('book.backToTeam')}</Link>
      </Page>
    );
  const initial: Values = {
    cadence: 'every_2_weeks',
    monthlyOrdinal: null,
    startDate: nextWorkingDay(fmt.today()),
    localTime: '09:00',
    timeZone: me.timeZone,
    duration: '20',
    placeKind: 'walk_and_talk',
    placeDetail: '',
    template: DEFAULT_TEMPLATE,
    reflectionBlock: '0',
  };
  return (
    <Page title={t('book.title')} intro={t('book.intro', { name: person.name })}>
      <SeriesForm employeeId={person.id} employeeName={person.name} initial={initial} />
    </Page>
  );
}

/** Changing a running series: its future meetings only. */
export function EditSeriesPage() {
  const { t } = useTranslation('meetings');
  const { id = '' } = useParams();
  const series = useQuery({
    queryKey: oneOnOneKeys.series(id),
    queryFn: () => oneOnOneApi.series(id),
  });
  const next = useQuery({
    queryKey: oneOnOneKeys.nextMeetings(id),
    queryFn: () => oneOnOneApi.seriesMeetings(id, 'upcoming', null, 5),
  });
  if (series.error) return <LoadError error={series.error} retry={() => void series.refetch()} />;
  if (next.error) return <LoadError error={next.error} retry={() => void next.refetch()} />;
  if (series.isPending || next.isPending) return <Loading />;
  const s = series.data;
  const firstPlanned = next.data.items.find((m) => m.status === 'planned');
  const initial: Values = {
    cadence: s.cadence,
    monthlyOrdinal: s.monthlyOrdinal,
    startDate: firstPlanned?.localDate ?? s.startDate,
    localTime: s.localTime,
    timeZone: s.timeZone,
    duration: String(s.durationMinutes),
    placeKind: s.place.kind,
    placeDetail: s.place.detail ?? '',
    template: s.template,
    reflectionBlock:
      s.reflectionBlockMinutes >= 30 ? '30' : s.reflectionBlockMinutes > 0 ? '15' : '0',
  };
  return (
    <Page title={t('edit.title')} intro={t('edit.intro', { name: s.employee.name })}>
      <Alert kind="info">
        <p>{t('edit.futureOnly')}</p>
      </Alert>
      {s.endedAt ? (
        <Alert>
          <p>{t('edit.ended')}</p>
        </Alert>
      ) : (
        <SeriesForm
          employeeId={s.employee.id}
          employeeName={s.employee.name}
          initial={initial}
          series={s}
        />
      )}
    </Page>
  );
}

/** The changed fields only: an unchanged start date must not be sent (it may lie in the past). */
function patchOf(initial: Values, v: Values): SeriesPatch {
  const patch: SeriesPatch = {};
  if (v.cadence !== initial.cadence) patch.cadence = v.cadence;
  if (v.cadence === 'monthly' && v.monthlyOrdinal !== initial.monthlyOrdinal)
    patch.monthlyOrdinal = v.monthlyOrdinal;
  if (v.startDate !== initial.startDate) patch.startDate = v.startDate;
  if (v.localTime !== initial.localTime) patch.localTime = v.localTime;
  if (v.timeZone !== initial.timeZone) patch.timeZone = v.timeZone;
  if (v.duration !== initial.duration) patch.durationMinutes = Number(v.duration);
  if (v.placeKind !== initial.placeKind || v.placeDetail !== initial.placeDetail)
    patch.place = { kind: v.placeKind, detail: v.placeDetail.trim() || null };
  if (v.template !== initial.template) patch.template = v.template;
  if (v.reflectionBlock !== initial.reflectionBlock)
    patch.reflectionBlockMinutes = Number(v.reflectionBlock);
  return patch;
}

type SeriesFormProps = {
  employeeId: string;
  employeeName: string;
  initial: Values;
  /** Set when editing. */
  series?: Series;
};

function SeriesForm({ employeeId, employeeName, initial, series }: SeriesFormProps) {
  const { t, i18n } = useTranslation('meetings');
  const navigate = useNavigate();
  const client = useQueryClient();
  const templates = useTemplates();
  const [v, setV] = useState<Values>(initial);
  const { errors, formRef, show, showApiError } = useFormErrors(FIELDS);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setV((old) => ({ ...old, [key]: value }));

  const save = useMutation({
    mutationFn: async (values: Values): Promise<Series> => {
      if (series) return oneOnOneApi.updateSeries(series.id, patchOf(initial, values));
      return oneOnOneApi.createSeries({
        employeeId,
        cadence: values.cadence,
        monthlyOrdinal: values.cadence === 'monthly' ? values.monthlyOrdinal : null,
        startDate: values.startDate,
        localTime: values.localTime,
        timeZone: values.timeZone,
        durationMinutes: Number(values.duration),
        place: { kind: values.placeKind, detail: values.placeDetail.trim() || null },
        template: values.template,
        reflectionBlockMinutes: Number(values.reflectionBlock),
      });
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: oneOnOneKeys.all });
      void navigate(`/one-on-ones/series/${saved.id}`, {
        state: { flash: series ? 'updated' : 'booked' },
      });
    },
    onError: showApiError,
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const fields: Record<string, string> = {};
    const minutes = Number(v.duration);
    if (!v.startDate) fields.startDate = t('form.required');
    if (!v.localTime) fields.localTime = t('form.required');
    if (!Number.isInteger(minutes) || minutes < DURATION_MIN || minutes > DURATION_MAX)
      fields.durationMinutes = t('form.durationRange', { min: DURATION_MIN, max: DURATION_MAX });
    if (Object.keys(fields).length) return show({ fields, form: null });
    if (series && Object.keys(patchOf(initial, v)).length === 0) {
      void navigate(`/one-on-ones/series/${series.id}`);
      return;
    }
    save.mutate(v);
  }

  const rule = useRuleText();
  const validDate = DATE.test(v.startDate);
  const ordinal = v.monthlyOrdinal ?? (validDate ? ordinalOf(v.startDate) : 1);
  const weekday = validDate ? isoWeekday(v.startDate) : 1;
  const detailLabel = t(`form.placeDetail.${v.placeKind}`);

  return (
    <div className="series-layout">
      <form ref={formRef} className="form form--wide" noValidate onSubmit={submit}>
        {errors.form ? (
          <Alert>
            <p>{errors.form}</p>
          </Alert>
        ) : null}
        <p className="series-with">
          <span className="muted">{t('form.with')}</span> <strong>{employeeName}</strong>
        </p>
        <RadioGroup
          name="cadence"
          legend={t('form.cadence')}
          hint={t('form.cadenceHint')}
          value={v.cadence}
          inline="pairs"
          options={CADENCE_OPTIONS.map((c) => ({ value: c, label: t(`oneOnOne:cadence.${c}`) }))}
          onChange={(c) => set('cadence', c)}
          error={errors.fields.cadence}
        />
        <div className="form__grid">
          <TextField
            id="startDate"
            type="date"
            label={series ? t('form.startDateEdit') : t('form.startDate')}
            hint={t('form.startDateHint')}
            value={v.startDate}
            onChange={(e) => set('startDate', e.target.value)}
            error={errors.fields.startDate}
            required
          />
          <TextField
            id="localTime"
            type="time"
            step={300}
            label={t('form.localTime')}
            value={v.localTime}
            onChange={(e) => set('localTime', e.target.value)}
            error={errors.fields.localTime}
            required
          />
        </div>
        {v.cadence === 'monthly' ? (
          <Field
            id="monthlyOrdinal"
            label={t('form.monthlyOrdinal')}
            error={errors.fields.monthlyOrdinal}
          >
            {(control) => (
              <select
                {...control}
                value={String(ordinal)}
                onChange={(e) => set('monthlyOrdinal', Number(e.target.value) as MonthlyOrdinal)}
              >
                {ORDINALS.map((o) => (
                  <option key={o} value={String(o)}>
                    {rule({ cadence: 'monthly', weekday, monthlyOrdinal: o })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <div className="form__grid">
          <TimeZoneField
            id="timeZone"
            value={v.timeZone}
            onChange={(z) => set('timeZone', z)}
            error={errors.fields.timeZone}
          />
          <TextField
            id="durationMinutes"
            type="number"
            inputMode="numeric"
            min={DURATION_MIN}
            max={DURATION_MAX}
            step={5}
            label={t('form.duration')}
            hint={t('form.durationHint', { min: DURATION_MIN, max: DURATION_MAX })}
            value={v.duration}
            onChange={(e) => set('duration', e.target.value)}
            error={errors.fields.durationMinutes}
          />
        </div>
        <RadioGroup
          name="place"
          legend={t('form.place')}
          hint={t('form.placeHint')}
          value={v.placeKind}
          inline
          options={PLACES.map((p) => ({ value: p, label: t(`oneOnOne:place.${p}`) }))}
          onChange={(p) => set('placeKind', p)}
          error={errors.fields.place}
        />
        <TextField
          id="placeDetail"
          type={v.placeKind === 'video' ? 'url' : 'text'}
          label={detailLabel}
          value={v.placeDetail}
          maxLength={500}
          onChange={(e) => set('placeDetail', e.target.value)}
        />
        {templates.error ? (
          <LoadError error={templates.error} retry={() => void templates.refetch()} />
        ) : (
          <RadioGroup
            name="template"
            legend={t('form.template')}
            hint={t('form.templateHint')}
            value={v.template}
            options={(templates.data?.items ?? []).map((tpl) => ({
              value: tpl.ref,
              label: (
                <>
                  {pickText(tpl.name, i18n.language)}
                  {tpl.builtin ? null : <span className="badge">{t('form.orgTemplate')}</span>}
                </>
              ),
              hint: tpl.sections.map((s) => pickText(s.title, i18n.language)).join(' · '),
            }))}
            onChange={(ref) => set('template', ref)}
            error={errors.fields.template}
          />
        )}
        <RadioGroup
          name="reflectionBlockMinutes"
          legend={t('mailbox:series.reflectionBlock')}
          hint={t('mailbox:series.reflectionBlockHint')}
          value={v.reflectionBlock}
          options={REFLECTION_BLOCKS.map((m) => ({
            value: m,
            label:
              m === '0' ? t('mailbox:series.none') : t('mailbox:series.minutes', { minutes: m }),
          }))}
          onChange={(m) => set('reflectionBlock', m)}
          error={errors.fields.reflectionBlockMinutes}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending
              ? t('common:saving')
              : series
                ? t('edit.submit')
                : t('book.submit', { name: employeeName })}
          </button>
          <Link to={series ? `/one-on-ones/series/${series.id}` : '/team'}>
            {t('common:action.cancel')}
          </Link>
        </div>
      </form>
      <Preview values={v} ordinal={ordinal} editing={!!series} />
    </div>
  );
}

/** The rule in words and the first dates it gives, before anything is saved. */
function Preview({
  values: v,
  ordinal,
  editing,
}: {
  values: Values;
  ordinal: MonthlyOrdinal;
  editing: boolean;
}) {
  const { t } = useTranslation('meetings');
  const rule = useRuleText();
  const fmt = useMeetingFormat();
  const valid = DATE.test(v.startDate);
  const dates = valid
    ? upcomingDates(
        {
          cadence: v.cadence,
          startDate: v.startDate,
          monthlyOrdinal: v.cadence === 'monthly' ? ordinal : null,
        },
        6,
      )
    : [];
  const weekday = valid ? isoWeekday(v.startDate) : 1;
  const minutes = Number(v.duration);
  return (
    <aside className="card preview" aria-labelledby="preview-heading" aria-live="polite">
      <h2 id="preview-heading">{t('preview.title')}</h2>
      {valid ? (
        <>
          <p className="preview__rule">
            {rule({
              cadence: v.cadence,
              weekday,
              monthlyOrdinal: v.cadence === 'monthly' ? ordinal : null,
              localTime: v.localTime,
            })}
          </p>
          <p className="muted small">
            {Number.isInteger(minutes) && minutes > 0 ? t('oneOnOne:duration', { minutes }) : null}
            {' · '}
            {t(`oneOnOne:place.${v.placeKind}`)}
            {' · '}
            {v.timeZone.replace(/_/g, ' ')}
          </p>
          <ol className="preview__dates">
            {dates.map((d) => (
              <li key={d}>
                <span>{fmt.plainLong(d)}</span>
                <span className="muted small">{fmt.relativeDate(d)}</span>
              </li>
            ))}
          </ol>
          <p className="muted small">{editing ? t('preview.editNote') : t('preview.note')}</p>
        </>
      ) : (
        <p className="muted">{t('preview.needDate')}</p>
      )}
    </aside>
  );
}
