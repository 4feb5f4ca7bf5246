// Builds the Open Badges 3.0 AchievementCredential Assay issues for a passed micro-credential review.
import { AssayError } from '../../../shared/errors.js';
import { createHash, randomBytes } from 'node:crypto';
import type { Achievement } from '../../../shared/schemas/review-package.js';
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from './document-loader.js';
import { xsdDateTime } from './data-integrity.js';
import { creditHours } from './credits.js';

export interface AchievementCredentialInput {
  /** A UUID, or the same as `urn:uuid:…`. */
  credentialId: string;
  issuedAt: Date;
  /** When the award holds from; defaults to `issuedAt` (see `validFromFor` for what Assay passes). */
  validFrom?: Date;
  /** The credential's entry in the issuer's revocation list. */
  credentialStatus?: BitstringStatusListEntry;
  issuer: { id: string; name: string; url?: string; email?: string; imageDataUri?: string };
  /** At least one of `email` (published only as a salted hash) and `id` (published as is). */
  earner: { name: string; email?: string; id?: string };
  achievement: Achievement;
  /** criterion id → the id of the level the assessor awarded; every criterion needs one. */
  achievedLevels: Readonly<Record<string, string>>;
  /** Defaults to the achievement's creditsAvailable: passing earns the credits on offer. */
  creditsEarned?: number;
  /** The badge image as a data: URI (the package's image path means nothing outside the package). */
  achievementImageDataUri?: string;
  /** Salt for the email hash; random per credential unless given (tests pin it). */
  salt?: string;
}

export interface OB3Image {
  id: string;
  type: 'Image';
}
export interface OB3Profile {
  id: string;
  type: ['Profile'];
  name: string;
  url?: string;
  email?: string;
  image?: OB3Image;
}
export interface OB3IdentityObject {
  type: 'IdentityObject';
  identityHash: string;
  identityType: 'emailAddress';
  hashed: true;
  salt: string;
}
export interface OB3RubricCriterionLevel {
  id: string;
  type: ['RubricCriterionLevel'];
  name: string;
  level: string;
  points: string;
  description?: string;
}
export interface OB3ResultDescription {
  id: string;
  type: ['ResultDescription'];
  name: string;
  resultType: 'RubricCriterionLevel';
  rubricCriterionLevel: OB3RubricCriterionLevel[];
  requiredLevel?: string;
}
export interface OB3Achievement {
  id: string;
  type: ['Achievement'];
  name: string;
  description: string;
  criteria: { narrative: string };
  achievementType: string;
  creditsAvailable?: number;
  tag?: string[];
  image?: OB3Image;
  resultDescription: OB3ResultDescription[];
}
export interface OB3Result {
  type: ['Result'];
  resultDescription: string;
  achievedLevel: string;
}
export interface OB3AchievementSubject {
  id?: string;
  type: ['AchievementSubject'];
  name: string;
  identifier?: OB3IdentityObject[];
  achievement: OB3Achievement;
  result: OB3Result[];
  creditsEarned?: number;
}
/** W3C Bitstring Status List v1.0 entry (the terms are defined by the VC 2.0 context). */
export interface BitstringStatusListEntry {
  /** `<statusListCredential>#<index>`: OB 3.0's schema requires an id on credentialStatus. */
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'revocation';
  /** A decimal string, as the specification requires. */
  statusListIndex: string;
  statusListCredential: string;
}
export interface AchievementCredential {
  '@context': [typeof VC_V2_CONTEXT, typeof OB_V3_CONTEXT];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  name: string;
  issuer: OB3Profile;
  validFrom: string;
  credentialSubject: OB3AchievementSubject;
  credentialStatus?: BitstringStatusListEntry;
}

const MINUTE = 60_000;

/**
 * validFrom for an award decided at `decidedAt` and signed at `issuedAt`: the start of the decision's
 * minute, and never later than the start of the minute one minute before signing. A wallet whose clock
 * runs up to a minute behind Assay's still finds a credential signed this second valid.
 */
export function validFromFor(decidedAt: Date, issuedAt: Date): Date {
  const latest = Math.floor((issuedAt.getTime() - MINUTE) / MINUTE) * MINUTE;
  const decided = Math.floor(decidedAt.getTime() / MINUTE) * MINUTE;
  return new Date(Number.isNaN(decided) ? latest : Math.min(decided, latest));
}

/** Input that cannot become a valid credential; the message names the field. */
export class CredentialInputError extends AssayError {
  override name = 'CredentialInputError';
  constructor(message: string) {
    super('credential-input', message);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// An absolute IRI: a scheme, a colon, then no whitespace. Relative ids would fail JSON-LD safe mode at signing.
const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;

// OB 3.0 AchievementType vocabulary; anything else must use the "ext:" extension form (the schema enforces both).
const ACHIEVEMENT_TYPES = new Set(
  (
    'Achievement ApprenticeshipCertificate Assessment Assignment AssociateDegree Award Badge BachelorDegree Certificate ' +
    'CertificateOfCompletion Certification CommunityService Competency Course CoCurricular Degree Diploma DoctoralDegree ' +
    'Fieldwork GeneralEducationDevelopment JourneymanCertificate LearningProgram License Membership ProfessionalDoctorate ' +
    'QualityAssuranceCredential MasterCertificate MasterDegree MicroCredential ResearchDoctorate SecondarySchoolDiploma'
  ).split(' '),
);

function iri(value: string, field: string): string {
  if (!ABSOLUTE_IRI.test(value))
    throw new CredentialInputError(`${field} "${value}" must be an absolute URI (such as https://… or urn:…)`);
  return value;
}

function image(dataUri: string, field: string): OB3Image {
  if (!/^data:image\/[\w.+-]+(;[\w=.+-]+)*(;base64)?,/.test(dataUri))
    throw new CredentialInputError(`${field} must be a data:image/… URI`);
  return { id: dataUri, type: 'Image' };
}

/**
 * OB 3.0 IdentityHash: "sha256$" + hex SHA-256 of identity + salt. The address is trimmed and
 * lower-cased first so a verifier typing it in any case gets the same hash.
 */
export function hashEmail(email: string, salt: string): string {
  return `sha256$${createHash('sha256')
    .update(email.trim().toLowerCase() + salt, 'utf8')
    .digest('hex')}`;
}

/** A number as the OB `points` string (the 3.0 context and schema type it as a string). */
function pointsText(points: number): string {
  return Number.isInteger(points) ? String(points) : String(Number(points.toPrecision(12)));
}

export function buildAchievementCredential(input: AchievementCredentialInput): AchievementCredential {
  const { achievement: a, issuer, earner } = input;
  const uuid = input.credentialId.replace(/^urn:uuid:/i, '');
  if (!UUID.test(uuid)) throw new CredentialInputError(`credentialId "${input.credentialId}" must be a UUID`);
  if (Number.isNaN(input.issuedAt.getTime())) throw new CredentialInputError('issuedAt is not a valid date');
  if (input.validFrom && Number.isNaN(input.validFrom.getTime()))
    throw new CredentialInputError('validFrom is not a valid date');

  const profile: OB3Profile = { id: iri(issuer.id, 'issuer.id'), type: ['Profile'], name: issuer.name };
  if (issuer.url !== undefined) profile.url = iri(issuer.url, 'issuer.url');
  if (issuer.email !== undefined) profile.email = issuer.email;
  if (issuer.imageDataUri !== undefined) profile.image = image(issuer.imageDataUri, 'issuer.imageDataUri');

  const criterionIds = new Set<string>();
  const results: OB3Result[] = [];
  const resultDescription = a.resultDescription.map((c): OB3ResultDescription => {
    iri(c.id, `criterion id`);
    if (criterionIds.has(c.id)) throw new CredentialInputError(`criterion "${c.id}" appears twice in the achievement`);
    criterionIds.add(c.id);
    const levels = c.rubricCriterionLevel.map((l): OB3RubricCriterionLevel => {
      const level: OB3RubricCriterionLevel = {
        id: iri(l.id, `level id of criterion "${c.id}"`),
        type: ['RubricCriterionLevel'],
        name: l.name,
        level: l.level,
        points: pointsText(l.points),
      };
      if (l.description !== undefined) level.description = l.description;
      return level;
    });
    const awarded = input.achievedLevels[c.id];
    if (awarded === undefined)
      throw new CredentialInputError(
        `no achieved level for criterion "${c.id}" (${c.name}); every criterion needs one`,
      );
    if (!levels.some((l) => l.id === awarded))
      throw new CredentialInputError(`achieved level "${awarded}" is not one of the levels of criterion "${c.id}"`);
    results.push({ type: ['Result'], resultDescription: c.id, achievedLevel: awarded });
    const out: OB3ResultDescription = {
      id: c.id,
      type: ['ResultDescription'],
      name: c.name,
      resultType: 'RubricCriterionLevel',
      rubricCriterionLevel: levels,
    };
    if (c.requiredLevel !== undefined) {
      if (!levels.some((l) => l.id === c.requiredLevel))
        throw new CredentialInputError(
          `requiredLevel "${c.requiredLevel}" is not one of the levels of criterion "${c.id}"`,
        );
      out.requiredLevel = c.requiredLevel;
    }
    return out;
  });
  for (const id of Object.keys(input.achievedLevels)) {
    if (!criterionIds.has(id))
      throw new CredentialInputError(
        `achieved level given for "${id}", which is not a criterion of achievement "${a.id}"`,
      );
  }

  if (!ACHIEVEMENT_TYPES.has(a.achievementType) && !/^ext:[A-Za-z0-9.\-_]+$/.test(a.achievementType)) {
    throw new CredentialInputError(
      `achievementType "${a.achievementType}" is not an OB 3.0 achievement type (such as MicroCredential) nor an "ext:" extension`,
    );
  }
  // OB 3.0 credits are credit hours: converted where the unit is known, else said in the description.
  const credit = a.creditsAvailable !== undefined ? creditHours(a.creditsAvailable, a.creditUnit) : undefined;
  const achievement: OB3Achievement = {
    id: iri(a.id, 'achievement.id'),
    type: ['Achievement'],
    name: a.name,
    description:
      credit?.kind === 'unknown-unit'
        ? `${a.description}${a.description.trim() ? '\n\n' : ''}${credit.statement}`
        : a.description,
    criteria: { narrative: a.criteria.narrative },
    achievementType: a.achievementType,
    resultDescription,
  };
  if (credit?.kind === 'hours') achievement.creditsAvailable = credit.hours;
  if (a.tag !== undefined && a.tag.length > 0) achievement.tag = [...a.tag];
  if (input.achievementImageDataUri !== undefined)
    achievement.image = image(input.achievementImageDataUri, 'achievementImageDataUri');

  if (earner.email === undefined && earner.id === undefined)
    throw new CredentialInputError('the earner needs an email or an id: a credential must say whom it is about');
  const earned = input.creditsEarned ?? a.creditsAvailable;
  if (earned !== undefined && (!Number.isFinite(earned) || earned < 0))
    throw new CredentialInputError('creditsEarned must be a finite number, 0 or more');
  const earnedHours = earned !== undefined ? creditHours(earned, a.creditUnit) : undefined;
  const credits = earnedHours?.kind === 'hours' ? earnedHours.hours : undefined;
  const salt = input.salt ?? randomBytes(16).toString('hex');
  const subject: OB3AchievementSubject = {
    ...(earner.id !== undefined ? { id: iri(earner.id, 'earner.id') } : {}),
    type: ['AchievementSubject'],
    name: earner.name,
    ...(earner.email !== undefined
      ? {
          identifier: [
            {
              type: 'IdentityObject',
              identityHash: hashEmail(earner.email, salt),
              identityType: 'emailAddress',
              hashed: true,
              salt,
            },
          ],
        }
      : {}),
    achievement,
    result: results,
    ...(credits !== undefined ? { creditsEarned: credits } : {}),
  };

  // Keys in a fixed, readable order; the signature does not depend on it (RDFC-1.0 sorts statements).
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: `urn:uuid:${uuid.toLowerCase()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: a.name,
    issuer: profile,
    validFrom: xsdDateTime(input.validFrom ?? input.issuedAt),
    credentialSubject: subject,
    ...(input.credentialStatus ? { credentialStatus: { ...input.credentialStatus } } : {}),
  };
}
