// The words a certificate prints: the labels (English by default, any locale by passing others), and
// every text a certificate shows with its font style, so the batch's fonts can be subset before any
// certificate is laid out.
import type { FontStyle } from './fonts/catalog.js';
import { verifyPageUrlOf } from './qr.js';
import type { CertificateAward } from './types.js';

export interface CertificateLabels {
  locale: string;
  title: string;
  titleSub: string;
  presented: string;
  demonstrated: string;
  dateLabel: string;
  assessorLabel: string;
  verificationCode: string;
  verifyAt: (url: string) => string;
  scanToVerify: string;
  credits: (amount: number, unit: string) => { amount: string; unit: string };
  creditsLabel: string;
  seal: string;
  footer: (credentialId: string, issuer: string) => string;
  criteriaTitle: string;
  criterionHeader: string;
  levelHeader: string;
  page: (n: number, of: number) => string;
}

export const ENGLISH_LABELS: CertificateLabels = {
  locale: 'en-GB',
  title: 'Certificate',
  titleSub: 'of Achievement',
  presented: 'This is to certify that',
  demonstrated: 'has demonstrated the competencies of the micro-credential',
  dateLabel: 'Date of award',
  assessorLabel: 'Assessor',
  verificationCode: 'Verification code',
  verifyAt: (url) => `Verify at ${url.replace(/^https?:\/\//, '')}`,
  scanToVerify: 'Scan to verify',
  credits: (amount, unit) => ({ amount: String(amount), unit }),
  creditsLabel: 'Credit awarded',
  seal: 'Certified achievement',
  footer: (id, issuer) => `Credential ${id}  ·  Digitally signed by ${issuer}`,
  criteriaTitle: 'Criteria achieved',
  criterionHeader: 'Criterion',
  levelHeader: 'Level achieved',
  page: (n, of) => `Page ${n} of ${of}`,
};

export type TextSpec = { text: string; style: FontStyle };

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) throw new TypeError(`CertificateRenderer: issuedAt "${value}" is not a date`);
  return d;
}

/** The texts every certificate prints whatever the award: enough to prepare fonts for an empty batch. */
export function staticTexts(L: CertificateLabels): TextSpec[] {
  return [
    { text: L.title.toLocaleUpperCase(L.locale), style: 'semibold' },
    { text: L.titleSub, style: 'italic' },
    { text: L.presented, style: 'italic' },
    { text: L.demonstrated, style: 'italic' },
    { text: `${L.dateLabel}${L.assessorLabel}${L.scanToVerify}${L.page(1, 2)}0123456789`, style: 'italic' },
    { text: `${L.verificationCode} ${L.page(1, 2)} 0123456789 ·`, style: 'italic' },
    {
      text: `${L.verificationCode.toLocaleUpperCase(L.locale)}${L.creditsLabel.toLocaleUpperCase(L.locale)}${L.seal.toLocaleUpperCase(L.locale)}0123456789-·•`,
      style: 'semibold',
    },
    {
      text: `${L.criteriaTitle}${L.criterionHeader.toLocaleUpperCase(L.locale)}${L.levelHeader.toLocaleUpperCase(L.locale)}`,
      style: 'semibold',
    },
  ];
}

/** Every text on the certificate with its font style, for preparing fonts. */
export function awardTexts(L: CertificateLabels, dateFormat: Intl.DateTimeFormat, award: CertificateAward): TextSpec[] {
  const date = dateFormat.format(toDate(award.issuedAt));
  const out: TextSpec[] = [
    ...staticTexts(L),
    { text: award.issuer.name.toLocaleUpperCase(L.locale), style: 'semibold' },
    { text: sealText(L, award), style: 'semibold' },
    { text: award.earnerName, style: 'semibold' },
    { text: award.achievementName, style: 'semibold' },
    { text: award.achievementDescription, style: 'italic' },
    { text: date, style: 'italic' },
    { text: award.assessorName, style: 'italic' },
    { text: award.verificationCode, style: 'semibold' },
    { text: L.verifyAt(award.verificationUrl ?? verifyPageUrlOf(award) ?? ''), style: 'italic' },
    { text: L.footer(award.credentialId, award.issuer.name), style: 'italic' },
  ];
  if (award.credits) {
    const c = L.credits(award.credits.amount, award.credits.unit);
    out.push({ text: c.amount, style: 'semibold' }, { text: c.unit, style: 'italic' });
  }
  if (award.levels.length) {
    out.push(
      { text: `${award.achievementName} · `, style: 'italic' },
      { text: `${L.verificationCode} · ${L.page(2, 9)}`, style: 'italic' },
    );
    for (const l of award.levels)
      out.push({ text: l.criterion, style: 'italic' }, { text: l.level, style: 'semibold' });
  }
  return out;
}

/** The words around the seal's ring. */
export function sealText(L: CertificateLabels, award: CertificateAward): string {
  const issuer = award.issuer.name.toLocaleUpperCase(L.locale);
  // The ring reads left to right around the seal: use the issuer's name only when it is short and LTR.
  const ltr = !/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(issuer);
  const text = ltr && issuer.length <= 34 ? issuer : L.seal.toLocaleUpperCase(L.locale);
  return `•  ${text}  •`;
}
