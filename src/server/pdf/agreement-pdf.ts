import PDFDocument from 'pdfkit';
import type { TFunction } from 'i18next';
import type { Agreement } from '../../domain/development/versions';
import type { LocalisedText } from '../../domain/development/template';
import { formatLocalDate, formatWhen } from '../mail/format';

export type VersionInfo = {
  version: number;
  createdAt: Date;
  createdByName: string;
  summary: string | null;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
  acknowledgementComment: string | null;
};

export type PdfReader = { t: TFunction; locale: string; timeZone: string };

const MARGIN = 56;
const INK = '#1f2933';
const MUTED = '#52606d';

/** A localised text in the reader's language, else any language it has. */
function pick(text: LocalisedText, locale: string): string {
  return (text as Record<string, string | undefined>)[locale] ?? Object.values(text)[0] ?? '';
}

/**
 * The signed agreement as an A4 PDF in the reader's language, dates in their locale and zone.
 * pdfkit's built-in Helvetica covers Latin-1 (å ä ö æ ø and the rest of the Nordic letters);
 * see decision 012 for why no font is embedded.
 */
export function renderAgreementPdf(
  agreement: Agreement,
  shown: VersionInfo,
  history: VersionInfo[],
  { t, locale, timeZone }: PdfReader,
): Promise<Buffer> {
  const title = t('goals:pdf.title', { kind: agreement.kind });
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: title, Author: agreement.manager.name, Subject: agreement.employee.name },
    lang: locale,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const when = (d: Date) => formatWhen(d, locale, timeZone);
  const date = (d: string | null) =>
    d ? t('goals:pdf.due', { date: formatLocalDate(d, locale) }) : t('goals:pdf.noDue');
  const heading = (text: string) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(INK).text(text);
    doc.moveDown(0.3);
  };
  const para = (text: string, opts: { bold?: boolean; muted?: boolean; indent?: number } = {}) =>
    doc
      .font(opts.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(10.5)
      .fillColor(opts.muted ? MUTED : INK)
      .text(text, { indent: opts.indent ?? 0, paragraphGap: 2 });
  const labelled = (label: string, value: string) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(10.5)
      .fillColor(INK)
      .text(`${label}: `, { continued: true });
    doc.font('Helvetica').text(value);
  };

  doc.font('Helvetica-Bold').fontSize(18).fillColor(INK).text(title);
  doc.moveDown(0.5);
  labelled(t('goals:pdf.employee'), agreement.employee.name);
  labelled(t('goals:pdf.manager'), agreement.manager.name);
  if (agreement.roundName) labelled(t('goals:pdf.round'), agreement.roundName);
  if (agreement.heldAt) labelled(t('goals:pdf.held'), when(new Date(agreement.heldAt)));
  para(t('goals:pdf.version', { version: shown.version, count: history.length }), { muted: true });
  // The signature belongs to the version signed; a later correction still shows who signed what.
  const signed = [...history]
    .filter((v) => v.acknowledgedAt && v.version <= shown.version)
    .sort((a, b) => b.version - a.version)[0];
  if (signed?.acknowledgedAt) {
    const who = { name: signed.acknowledgedByName ?? agreement.employee.name };
    para(
      signed.version === shown.version
        ? t('goals:pdf.signed', { ...who, when: when(signed.acknowledgedAt) })
        : t('goals:pdf.signedEarlier', {
            ...who,
            when: when(signed.acknowledgedAt),
            version: signed.version,
          }),
    );
  } else para(t('goals:pdf.notSigned'), { muted: true });
  if (signed?.acknowledgementComment) {
    heading(t('goals:pdf.disagreement'));
    para(signed.acknowledgementComment);
  }

  heading(t('goals:pdf.sections'));
  for (const s of agreement.sections) {
    para(pick(s.title, locale), { bold: true });
    para(s.notes.trim() || t('goals:pdf.none'), { muted: !s.notes.trim() });
    if (s.decision.trim()) para(`${t('goals:pdf.decision')}: ${s.decision.trim()}`);
    doc.moveDown(0.3);
  }

  if (agreement.reviewedGoals.length) {
    heading(t('goals:pdf.lastGoals'));
    for (const g of agreement.reviewedGoals) {
      const outcome = g.outcome
        ? t(`goals:goals.outcome.${g.outcome}`)
        : t('goals:goals.outcome.notJudged');
      para(`${g.title} – ${outcome}`, { bold: true });
      if (g.comment) para(g.comment, { indent: 12 });
    }
  }

  heading(t('goals:pdf.goals'));
  if (!agreement.goals.length) para(t('goals:pdf.none'), { muted: true });
  for (const g of agreement.goals) {
    para(`${g.title} (${date(g.dueDate)})`, { bold: true });
    if (g.description) para(g.description, { indent: 12 });
    if (g.successMeasure)
      para(`${t('goals:goals.field.successMeasure')}: ${g.successMeasure}`, { indent: 12 });
    if (g.roleExpectation)
      para(t('goals:goals.servesRole', { text: g.roleExpectation }), { indent: 12 });
    if (g.organisationGoal)
      para(t('goals:goals.linkedTo', { title: g.organisationGoal }), { indent: 12 });
  }

  heading(t('goals:pdf.plan'));
  if (!agreement.plan.length) para(t('goals:pdf.none'), { muted: true });
  for (const p of agreement.plan) {
    para(`${p.competence} – ${t(`goals:plan.activity.${p.activity}`)} (${date(p.dueDate)})`, {
      bold: true,
    });
    if (p.activityDetail) para(p.activityDetail, { indent: 12 });
    if (p.support) para(t('goals:plan.support', { text: p.support }), { indent: 12 });
  }

  heading(t('goals:pdf.actions'));
  if (!agreement.actions.length) para(t('goals:pdf.none'), { muted: true });
  for (const a of agreement.actions) para(`• ${a.title} – ${a.ownerName}, ${date(a.dueDate)}`);

  heading(t('goals:pdf.history'));
  for (const v of [...history].sort((a, b) => a.version - b.version)) {
    para(
      v.version === 1
        ? t('goals:pdf.historyClosed', { name: v.createdByName, when: when(v.createdAt) })
        : t('goals:pdf.historyCorrection', {
            version: v.version,
            name: v.createdByName,
            when: when(v.createdAt),
            summary: v.summary ?? '',
          }),
      { muted: v.version !== shown.version },
    );
  }

  doc.end();
  return done;
}
