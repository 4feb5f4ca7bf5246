import type { IssuerProfile } from '../identity/identity.js';

export type { IssuerProfile };

export type Paper = 'a4' | 'letter';

export interface CriterionLevel {
  criterion: string;
  level: string;
}

/** Everything a certificate shows; made from a passed review and its signed credential. */
export interface CertificateAward {
  credentialId: string;
  /** Short code people type on the verification page, e.g. "7KQ4-M2XD". */
  verificationCode: string;
  /** ISO 8601 date or date-time (the date is shown in UTC), or a Date. */
  issuedAt: string | Date;
  earnerName: string;
  achievementName: string;
  /** The competency statement. */
  achievementDescription: string;
  credits?: { amount: number; unit: string };
  assessorName: string;
  issuer: IssuerProfile;
  /** The signed Open Badges credential, attached as credential.json. */
  credentialJson: string;
  /** Criteria and the level reached; a second page lists them when present. */
  levels: CriterionLevel[];
  paper: Paper;
  /** The "Verify at …" text's address; default: the verify page's. */
  verificationUrl?: string;
  /** The issuer's verify page, which the QR code opens; default: `<issuer url>/verify`. */
  verifyPageUrl?: string;
}

export const PAPER_SIZES: Record<Paper, { width: number; height: number }> = {
  a4: { width: 841.89, height: 595.28 },
  letter: { width: 792, height: 612 },
};
