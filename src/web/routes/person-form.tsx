import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, LOCALE_NAMES, isLocale } from '../../i18n/index';
import type { Person, PersonInput } from '../api';
import { Alert } from '../components/feedback';
import { Field, TextField } from '../components/field';
import { PersonPicker } from '../components/person-picker';
import { TimeZoneField } from '../components/time-zone-field';
import { useFormErrors } from '../components/use-form-errors';
import { useDepartmentPaths } from '../queries';
import { useMe } from '../session';

const FIELDS = [
  'name',
  'email',
  'employeeNumber',
  'jobTitle',
  'departmentId',
  'locale',
  'timeZone',
  'managerId',
  'roles',
] as const;

type Values = {
  name: string;
  email: string;
  employeeNumber: string;
  jobTitle: string;
  departmentId: string;
  locale: string;
  timeZone: string;
  managerId: string | null;
  hr: boolean;
  admin: boolean;
  salary: boolean;
};

function valuesOf(p: Person | undefined, defaultTimeZone: string): Values {
  return {
    name: p?.name ?? '',
    email: p?.email ?? '',
    employeeNumber: p?.employeeNumber ?? '',
    jobTitle: p?.jobTitle ?? '',
    departmentId: p?.departmentId ?? '',
    locale: p?.locale ?? '',
    timeZone: p?.timeZone ?? defaultTimeZone,
    managerId: p?.managerId ?? null,
    hr: p?.roles.includes('hr') ?? false,
    admin: p?.roles.includes('admin') ?? false,
    salary: p?.roles.includes('salary') ?? false,
  };
}

function inputOf(v: Values): PersonInput {
  return {
    name: v.name.trim(),
    email: v.email.trim(),
    employeeNumber: v.employeeNumber.trim() || null,
    jobTitle: v.jobTitle.trim() || null,
    departmentId: v.departmentId || null,
    locale: isLocale(v.locale) ? v.locale : null,
    timeZone: v.timeZone,
    managerId: v.managerId,
    roles: [
      ...(v.hr ? (['hr'] as const) : []),
      ...(v.admin ? (['admin'] as const) : []),
      ...(v.salary ? (['salary'] as const) : []),
    ],
  };
}

const ROLE_FIELDS = [
  { role: 'hr', label: 'field.roleHr', hint: 'field.roleHrHint' },
  { role: 'admin', label: 'field.roleAdmin', hint: 'field.roleAdminHint' },
  { role: 'salary', label: 'field.roleSalary', hint: 'field.roleSalaryHint' },
] as const;

type PersonFormProps = {
  person?: Person;
  submitLabel: string;
  /** Saves; throws the ApiError to show at the fields. */
  onSubmit: (input: PersonInput) => Promise<void>;
};

/** Add or edit a person: every field labelled, server errors shown at their field. */
export function PersonForm({ person, submitLabel, onSubmit }: PersonFormProps) {
  const { t } = useTranslation('people');
  const { data: me } = useMe();
  const { paths } = useDepartmentPaths();
  const orgDefaultZone = me?.organisation.defaultTimeZone ?? 'Europe/Stockholm';
  const orgLocale = me?.organisation.defaultLocale ?? 'sv';
  const [values, setValues] = useState(() => valuesOf(person, orgDefaultZone));
  const [busy, setBusy] = useState(false);
  const { errors, formRef, show, showApiError, clear } = useFormErrors(FIELDS);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  // Which roles may change here is the server's call (nobody their own; admin by admins).
  const allowedRoles: readonly string[] = person
    ? (person.can?.roles ?? [])
    : (me?.can.grantRoles ?? []);
  const rolesNote =
    person && me && person.id === me.id
      ? t('field.ownRoles')
      : !allowedRoles.includes('admin')
        ? t('field.adminByAdmins')
        : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields: Record<string, string> = {};
    if (!values.name.trim()) fields.name = t('errors:field.required');
    if (!values.email.trim()) fields.email = t('errors:field.required');
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
      fields.email = t('errors:field.email');
    if (Object.keys(fields).length) return show({ fields, form: null });
    setBusy(true);
    try {
      await onSubmit(inputOf(values));
      clear();
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="form form--wide" onSubmit={(e) => void submit(e)} noValidate>
      {errors.form ? (
        <Alert>
          <p>{errors.form}</p>
        </Alert>
      ) : null}
      <div className="form__grid">
        <TextField
          id="name"
          label={t('field.name')}
          autoComplete="off"
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          error={errors.fields.name}
        />
        <TextField
          id="email"
          type="email"
          label={t('field.email')}
          autoComplete="off"
          value={values.email}
          onChange={(e) => set('email', e.target.value)}
          error={errors.fields.email}
        />
        <TextField
          id="jobTitle"
          label={t('field.jobTitle')}
          hint={t('field.optional')}
          value={values.jobTitle}
          onChange={(e) => set('jobTitle', e.target.value)}
          error={errors.fields.jobTitle}
        />
        <TextField
          id="employeeNumber"
          label={t('field.employeeNumber')}
          hint={t('field.optional')}
          value={values.employeeNumber}
          onChange={(e) => set('employeeNumber', e.target.value)}
          error={errors.fields.employeeNumber}
        />
        <Field id="departmentId" label={t('field.department')} error={errors.fields.departmentId}>
          {(control) => (
            <select
              {...control}
              value={values.departmentId}
              onChange={(e) => set('departmentId', e.target.value)}
            >
              <option value="">{t('field.noDepartment')}</option>
              {paths.map((p) => (
                <option key={p.department.id} value={p.department.id}>
                  {p.path}
                </option>
              ))}
            </select>
          )}
        </Field>
        <PersonPicker
          id="managerId"
          label={t('field.manager')}
          value={values.managerId}
          onChange={(id) => set('managerId', id)}
          excludeId={person?.id}
          error={errors.fields.managerId}
        />
        <Field id="locale" label={t('field.language')} error={errors.fields.locale}>
          {(control) => (
            <select
              {...control}
              value={values.locale}
              onChange={(e) => set('locale', e.target.value)}
            >
              <option value="">
                {t('field.orgDefault', {
                  language: isLocale(orgLocale) ? LOCALE_NAMES[orgLocale] : orgLocale,
                })}
              </option>
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TimeZoneField
          id="timeZone"
          value={values.timeZone}
          onChange={(tz) => set('timeZone', tz)}
          error={errors.fields.timeZone}
        />
      </div>
      <fieldset className="fieldset" aria-describedby={rolesNote ? 'roles-note' : undefined}>
        <legend>{t('field.access')}</legend>
        {rolesNote ? (
          <p className="field__hint" id="roles-note">
            {rolesNote}
          </p>
        ) : null}
        {ROLE_FIELDS.map(({ role, label, hint }) => (
          <div className="field field--checkbox" key={role}>
            <input
              id={`role-${role}`}
              type="checkbox"
              checked={values[role]}
              disabled={!allowedRoles.includes(role)}
              onChange={(e) => set(role, e.target.checked)}
              aria-invalid={role === 'hr' && errors.fields.roles ? true : undefined}
              aria-describedby={
                role === 'hr' && errors.fields.roles
                  ? `roles-error role-${role}-hint`
                  : `role-${role}-hint`
              }
            />
            <label htmlFor={`role-${role}`}>{t(label)}</label>
            <p className="field__hint" id={`role-${role}-hint`}>
              {t(hint)}
            </p>
          </div>
        ))}
        {errors.fields.roles ? (
          <p className="field__error" id="roles-error">
            {errors.fields.roles}
          </p>
        ) : null}
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('common:saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
