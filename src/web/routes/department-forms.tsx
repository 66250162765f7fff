import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Department } from '../api';
import { Alert } from '../components/feedback';
import { Field, TextField } from '../components/field';
import { useFormErrors } from '../components/use-form-errors';
import { subtreeIds } from '../department-tree';
import { keys, useDepartmentPaths } from '../queries';

type DepartmentFormProps = {
  idPrefix: string;
  /** Renaming this department; otherwise a new one is created. */
  department?: Department;
  /** The parent of a new unit, when fixed. */
  parentId?: string;
  /** Offer a choice of parent (the top-level "add" form). */
  parentChoice?: boolean;
  onDone: (name: string) => void;
  onCancel?: () => void;
};

/** Adds a unit (under a fixed or chosen parent) or renames one. */
export function DepartmentForm({
  idPrefix,
  department,
  parentId,
  parentChoice = false,
  onDone,
  onCancel,
}: DepartmentFormProps) {
  const { t } = useTranslation('departments');
  const client = useQueryClient();
  const { paths } = useDepartmentPaths();
  const [name, setName] = useState(department?.name ?? '');
  const [parent, setParent] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, formRef, show, showApiError } = useFormErrors(['name', 'parentId']);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return show({ fields: { name: t('errors:field.required') }, form: null });
    setBusy(true);
    try {
      if (department) await api.updateDepartment(department.id, { name: name.trim() });
      else
        await api.createDepartment({
          name: name.trim(),
          parentId: parentId ?? (parent || null),
        });
      await client.invalidateQueries({ queryKey: keys.departments });
      onDone(name.trim());
      if (!department) setName('');
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="form form--inline" onSubmit={(e) => void submit(e)} noValidate>
      {errors.form ? (
        <Alert>
          <p>{errors.form}</p>
        </Alert>
      ) : null}
      <TextField
        id={`${idPrefix}-name`}
        label={department ? t('rename.label') : t('add.name')}
        value={name}
        autoFocus={!!onCancel}
        onChange={(e) => setName(e.target.value)}
        error={errors.fields.name}
      />
      {parentChoice ? (
        <Field id={`${idPrefix}-parent`} label={t('add.parent')} error={errors.fields.parentId}>
          {(control) => (
            <select {...control} value={parent} onChange={(e) => setParent(e.target.value)}>
              <option value="">{t('topLevel')}</option>
              {paths.map((p) => (
                <option key={p.department.id} value={p.department.id}>
                  {p.path}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {department ? t('rename.submit') : t('add.submit')}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common:action.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

type MoveFormProps = {
  department: Department;
  all: Department[];
  onDone: () => void;
  onCancel: () => void;
};

/** Places a unit under another (never under itself or its own sub-units). */
export function MoveForm({ department, all, onDone, onCancel }: MoveFormProps) {
  const { t } = useTranslation('departments');
  const client = useQueryClient();
  const { paths } = useDepartmentPaths();
  const [parent, setParent] = useState(department.parentId ?? '');
  const [busy, setBusy] = useState(false);
  const { errors, formRef, showApiError } = useFormErrors(['parentId']);
  // A unit cannot move into itself or below itself.
  const blocked = useMemo(() => subtreeIds(all, department.id), [all, department.id]);
  const id = `move-${department.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await api.updateDepartment(department.id, { parentId: parent || null });
      await client.invalidateQueries({ queryKey: keys.departments });
      await client.invalidateQueries({ queryKey: keys.people });
      onDone();
    } catch (err) {
      showApiError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} className="form form--inline" onSubmit={(e) => void submit(e)} noValidate>
      {errors.form ? (
        <Alert>
          <p>{errors.form}</p>
        </Alert>
      ) : null}
      <Field
        id={id}
        label={t('move.label', { name: department.name })}
        error={errors.fields.parentId}
      >
        {(control) => (
          <select {...control} value={parent} autoFocus onChange={(e) => setParent(e.target.value)}>
            <option value="">{t('topLevel')}</option>
            {paths
              .filter((p) => !blocked.has(p.department.id))
              .map((p) => (
                <option key={p.department.id} value={p.department.id}>
                  {p.path}
                </option>
              ))}
          </select>
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {t('move.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common:action.cancel')}
        </button>
      </div>
    </form>
  );
}
