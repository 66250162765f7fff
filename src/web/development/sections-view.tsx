import { useTranslation } from 'react-i18next';
import { SharedNoteEditor } from '../meetings/note-editor';
import { conversationApi, type ConversationPage } from './api';
import { AnswerText, useLocalise } from './answers';

/**
 * The conversation section by section: each question with the two preparations side by side
 * (the other's only once revealed) and, in the meeting, the agreed note of the section: the
 * shared note of its agenda point, versioned and merged like a 1:1 note.
 */
export function SectionsView({ page, meeting }: { page: ConversationPage; meeting: boolean }) {
  const { t } = useTranslation('conversations');
  const l = useLocalise();
  const prep = page.preparation;
  const byRole = {
    employee: page.myRole === 'employee' ? prep.mine : prep.other,
    manager: page.myRole === 'manager' ? prep.mine : prep.other,
  };
  const names = { employee: page.employee.name, manager: page.manager.name };
  const roles = ['employee', 'manager'] as const;
  return (
    <section aria-labelledby="sections-heading" className="conv-sections">
      <h2 id="sections-heading">{meeting ? t('meeting.title') : t('sideBySide.title')}</h2>
      {!prep.revealed ? <p className="muted">{t('prep.hidden')}</p> : null}
      {page.template.sections.map((s) => {
        const point = page.sections.find((x) => x.sectionKey === s.key);
        return (
          <article key={s.key} className="card conv-section" aria-labelledby={`sec-${s.key}`}>
            <h3 id={`sec-${s.key}`}>{l(s.title)}</h3>
            {s.questions.length > 0 ? (
              <table className="conv-answers">
                <thead>
                  <tr>
                    <th scope="col" className="visually-hidden">
                      {t('sideBySide.question')}
                    </th>
                    {roles.map((r) => (
                      <th key={r} scope="col">
                        {t(`sideBySide.${r}`, { name: names[r] })}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {s.questions.map((q) => (
                    <tr key={q.key}>
                      <th scope="row">{l(q.text)}</th>
                      {roles.map((r) => {
                        const asks = q.preparedBy === 'both' || q.preparedBy === r;
                        const visible = r === page.myRole || prep.revealed;
                        return (
                          <td key={r} data-label={t(`sideBySide.${r}`, { name: names[r] })}>
                            {!asks ? (
                              <span className="muted">–</span>
                            ) : !visible ? (
                              <span className="muted">
                                {prep.otherSubmitted
                                  ? t('prep.submittedShort')
                                  : t('prep.notSubmitted')}
                              </span>
                            ) : byRole[r] ? (
                              <AnswerText q={q} value={byRole[r].answers[q.key]} />
                            ) : (
                              <span className="muted">{t('prep.notSubmitted')}</span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {meeting && point ? (
              <div className="conv-section__agreed">
                <h4>{t('meeting.agreed')}</h4>
                <SharedNoteEditor
                  point={{ id: point.pointId, title: l(s.title), note: point.note }}
                  readOnly={page.readOnly}
                  save={(text, baseVersion) =>
                    conversationApi.saveNote(page.id, point.pointId, text, baseVersion)
                  }
                />
              </div>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
