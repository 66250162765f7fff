import { describe, expect, it } from 'vitest';
import { loadAllCatalogs } from '../../i18n/catalogs';
import { createI18n, LOCALES } from '../../i18n/index';
import { ISSUE_CODES } from './issues';
import { describeIssues } from './messages';

describe('import messages', () => {
  it('has a message for every problem in every language', async () => {
    const i18n = await createI18n(loadAllCatalogs(), 'en');
    for (const lng of LOCALES) {
      for (const code of ISSUE_CODES) {
        expect(i18n.exists(`import:row.${code}`, { lng }), `${lng}: row.${code}`).toBe(true);
      }
    }
  });

  it('fills in the parameters, and the column for generic messages', async () => {
    const i18n = await createI18n(loadAllCatalogs(), 'sv');
    const t = i18n.getFixedT('sv');
    expect(
      describeIssues(
        [
          { line: 4, column: 'E-post', code: 'email.duplicate', params: { firstLine: 2 } },
          { line: 5, column: 'Namn', code: 'too_long', params: { max: 200 } },
          { line: 1, code: 'header.missing_column', params: { column: 'email' } },
        ],
        t,
      ),
    ).toEqual([
      {
        line: 4,
        column: 'E-post',
        code: 'email.duplicate',
        message: 'Samma e-postadress finns redan på rad 2.',
      },
      {
        line: 5,
        column: 'Namn',
        code: 'too_long',
        message: '”Namn” är för långt – högst 200 tecken.',
      },
      {
        line: 1,
        code: 'header.missing_column',
        message: 'Filen saknar kolumnen för e-postadress, och den måste finnas.',
      },
    ]);
  });
});
