import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Department } from '../api';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Alert, LoadError, Loading, useErrorText } from '../components/feedback';
import { Page } from '../components/page';
import { buildTree, type TreeNode } from '../department-tree';
import { keys, useDepartmentPaths } from '../queries';
import { DepartmentForm, MoveForm } from './department-forms';

type Mode = { kind: 'rename' | 'move' | 'add'; id: string } | null;

/** HR's department tree: units within units, with head counts; add, rename, move, delete. */
export function DepartmentsPage() {
  const { t, i18n } = useTranslation('departments');
  const departments = useDepartmentPaths();
  const [mode, setMode] = useState<Mode>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = departments.data?.items;
  const tree = useMemo(() => buildTree(items ?? [], i18n.language), [items, i18n.language]);

  return (
    <Page title={t('title')} intro={t('intro')}>
      {notice ? (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      <section aria-labelledby="tree-heading" className="section">
        <h2 id="tree-heading">{t('tree.title')}</h2>
        {departments.isPending ? (
          <Loading />
        ) : departments.error ? (
          <LoadError error={departments.error} retry={() => void departments.refetch()} />
        ) : tree.length === 0 ? (
          <p className="empty">{t('tree.empty')}</p>
        ) : (
          <ul className="tree" aria-label={t('tree.title')}>
            {tree.map((node) => (
              <DepartmentNode
                key={node.department.id}
                node={node}
                all={items ?? []}
                mode={mode}
                setMode={setMode}
                setNotice={setNotice}
              />
            ))}
          </ul>
        )}
      </section>
      <section className="card section" aria-labelledby="add-unit">
        <h2 id="add-unit">{t('add.title')}</h2>
        <DepartmentForm
          idPrefix="new"
          parentChoice
          onDone={(name) => setNotice(t('add.done', { name }))}
        />
      </section>
    </Page>
  );
}

function total(node: TreeNode<Department>): number {
  return node.department.people + node.children.reduce((n, c) => n + total(c), 0);
}

type NodeProps = {
  node: TreeNode<Department>;
  all: Department[];
  mode: Mode;
  setMode: (m: Mode) => void;
  setNotice: (s: string | null) => void;
};

function DepartmentNode({ node, all, mode, setMode, setNotice }: NodeProps) {
  const { t } = useTranslation('departments');
  const client = useQueryClient();
  const errorText = useErrorText();
  const d = node.department;
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.deleteDepartment(d.id),
    onSuccess: async () => {
      setConfirming(false);
      setNotice(t('delete.done', { name: d.name }));
      await client.invalidateQueries({ queryKey: keys.departments });
    },
    onError: () => setConfirming(false),
  });
  const here = mode?.id === d.id ? mode.kind : null;
  const sum = total(node);
  const headingId = `dep-${d.id}`;
  const toggle = (kind: 'rename' | 'move' | 'add') => {
    setNotice(null);
    remove.reset();
    setMode(here === kind ? null : { kind, id: d.id });
  };
  return (
    <li className="tree__item">
      <div className="tree__row">
        <div className="tree__label">
          <span className="tree__name" id={headingId}>
            {d.name}
          </span>
          <span className="tree__count">
            {node.children.length
              ? t('tree.countWithSub', { count: d.people, total: sum })
              : t('tree.count', { count: d.people })}
          </span>
        </div>
        <div className="tree__actions" role="group" aria-labelledby={headingId}>
          <button
            type="button"
            className="button button--small button--ghost"
            aria-expanded={here === 'rename'}
            onClick={() => toggle('rename')}
          >
            {t('rename.action')}
          </button>
          <button
            type="button"
            className="button button--small button--ghost"
            aria-expanded={here === 'move'}
            onClick={() => toggle('move')}
          >
            {t('move.action')}
          </button>
          <button
            type="button"
            className="button button--small button--ghost"
            aria-expanded={here === 'add'}
            onClick={() => toggle('add')}
          >
            {t('add.sub')}
          </button>
          <button
            type="button"
            className="button button--small button--ghost button--danger-text"
            onClick={() => {
              setNotice(null);
              remove.reset();
              setConfirming(true);
            }}
          >
            {t('delete.action')}
          </button>
        </div>
      </div>
      {remove.error ? (
        <Alert focus>
          <p>{errorText(remove.error)}</p>
        </Alert>
      ) : null}
      {here === 'rename' ? (
        <div className="tree__panel">
          <DepartmentForm
            idPrefix={`rename-${d.id}`}
            department={d}
            onDone={(name) => {
              setMode(null);
              setNotice(t('rename.done', { name }));
            }}
            onCancel={() => setMode(null)}
          />
        </div>
      ) : null}
      {here === 'move' ? (
        <div className="tree__panel">
          <MoveForm
            department={d}
            all={all}
            onDone={() => {
              setMode(null);
              setNotice(t('move.done', { name: d.name }));
            }}
            onCancel={() => setMode(null)}
          />
        </div>
      ) : null}
      {here === 'add' ? (
        <div className="tree__panel">
          <DepartmentForm
            idPrefix={`add-${d.id}`}
            parentId={d.id}
            onDone={(name) => {
              setMode(null);
              setNotice(t('add.done', { name }));
            }}
            onCancel={() => setMode(null)}
          />
        </div>
      ) : null}
      {node.children.length ? (
        <ul className="tree__children">
          {node.children.map((c) => (
            <DepartmentNode
              key={c.department.id}
              node={c}
              all={all}
              mode={mode}
              setMode={setMode}
              setNotice={setNotice}
            />
          ))}
        </ul>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('delete.confirm', { name: d.name })}
        confirmLabel={t('delete.action')}
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('delete.explain')}</p>
      </ConfirmDialog>
    </li>
  );
}
