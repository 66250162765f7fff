import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../components/modal-dialog';
import { SHORTCUT_COMMANDS, SHORTCUT_KEYS, commandFor, stepTopic } from './shortcuts';

const TOPICS = '.agenda__list > li.point';

/** The agenda's topic cards in order. */
const topics = () => [...document.querySelectorAll<HTMLElement>(TOPICS)];

/**
 * The meeting page's keyboard shortcuts (issue #15): next and previous topic, tick the current
 * topic, a new action on it, its notes, and `?` for the list. The current topic is the one
 * holding the keyboard focus, else the last one moved to. Keys typed into a field stay text
 * (shortcuts.ts decides), and nothing happens while a dialog is open.
 */
export function MeetingShortcuts({ editable }: { editable: boolean }) {
  const { t } = useTranslation('meetings');
  const [help, setHelp] = useState(false);
  const current = useRef<string | null>(null);
  useEffect(() => {
    function currentTopic(): HTMLElement | null {
      const focused = document.activeElement?.closest<HTMLElement>(TOPICS);
      if (focused) return focused;
      return topics().find((el) => el.id === current.current) ?? null;
    }
    function moveTo(el: HTMLElement) {
      current.current = el.id;
      for (const other of topics()) other.classList.toggle('point--current', other === el);
      el.focus();
      el.scrollIntoView({ block: 'nearest' });
    }
    function onKey(e: KeyboardEvent) {
      const command = commandFor({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        defaultPrevented: e.defaultPrevented,
        repeat: e.repeat,
        target: e.target instanceof HTMLElement ? e.target : null,
      });
      if (!command || document.querySelector('dialog[open]')) return;
      const topic = currentTopic() ?? (command === 'help' ? null : (topics()[0] ?? null));
      switch (command) {
        case 'help':
          setHelp(true);
          break;
        case 'nextTopic':
        case 'previousTopic': {
          const all = topics();
          const id = stepTopic(
            all.map((el) => el.id),
            currentTopic()?.id ?? null,
            command === 'nextTopic' ? 1 : -1,
          );
          const el = all.find((x) => x.id === id);
          if (!el) return;
          moveTo(el);
          break;
        }
        case 'tickTopic': {
          const box = topic?.querySelector<HTMLInputElement>('input[id^="discussed-"]');
          if (!editable || !box || box.disabled) return;
          box.click();
          break;
        }
        case 'newAction': {
          const button = topic?.querySelector<HTMLButtonElement>('[data-shortcut="new-action"]');
          if (!editable || !button) return;
          button.click();
          break;
        }
        case 'focusNotes': {
          const notes = topic?.querySelector<HTMLElement>(
            'textarea:not([readonly]), [contenteditable="true"]',
          );
          if (!notes) return;
          current.current = topic!.id;
          notes.focus();
          break;
        }
      }
      e.preventDefault();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [editable]);
  return (
    <>
      {/* For those who do not know `?` yet. */}
      <button
        type="button"
        className="button--link shortcuts__open"
        aria-keyshortcuts="?"
        onClick={() => setHelp(true)}
      >
        {t('shortcuts.open')}
      </button>
      <ShortcutsHelp open={help} onClose={() => setHelp(false)} />
    </>
  );
}

/** The list of shortcuts in a modal dialog: focus stays inside, Escape closes it. */
function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('meetings');
  return (
    <ModalDialog open={open} title={t('shortcuts.title')} onClose={onClose} className="shortcuts">
      <div className="dialog__body">
        <p className="muted small">{t('shortcuts.intro')}</p>
        <dl className="shortcuts__list">
          {SHORTCUT_COMMANDS.map((c) => (
            <div key={c}>
              <dt>
                <kbd>{SHORTCUT_KEYS[c]}</kbd>
              </dt>
              <dd>{t(`shortcuts.${c}`)}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t('shortcuts.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
