// The parts of a 1EdTech CASE 1.1 CFPackage that carry rubrics, as zod schemas (reading) and types (writing).
import { z } from 'zod';

// Reading is tolerant: a CASE server may omit what the official schema requires (uri,
// lastChangeDateTime) or add fields; only what the rubric needs must be there and well typed.
const str = z.string();
const id = z.string().refine((v) => v.trim().length > 0, 'must not be empty');

export const linkUriIn = z.looseObject({ title: str.optional(), identifier: str.optional(), uri: str.optional() });

const extensions = z.record(z.string(), z.unknown());

export const levelIn = z.looseObject({
  identifier: id,
  uri: str.optional(),
  description: str.optional(),
  quality: str.optional(),
  score: z.number().optional(),
  feedback: str.optional(),
  position: z.number().int().optional(),
});

export const criterionIn = z.looseObject({
  identifier: id,
  uri: str.optional(),
  category: str.optional(),
  description: str.optional(),
  CFItemURI: linkUriIn.optional(),
  weight: z.number().optional(),
  position: z.number().int().optional(),
  CFRubricCriterionLevels: z.array(levelIn).optional(),
  extensions: extensions.optional(),
});

export const rubricIn = z.looseObject({
  identifier: id,
  uri: str.optional(),
  title: str.optional(),
  description: str.optional(),
  CFRubricCriteria: z.array(criterionIn).optional(),
  extensions: extensions.optional(),
});

export const itemIn = z.looseObject({
  identifier: id,
  fullStatement: str.optional(),
  abbreviatedStatement: str.optional(),
  uri: str.optional(),
});

export const packageIn = z.looseObject({
  CFDocument: z.looseObject({
    identifier: id,
    title: str.optional(),
    creator: str.optional(),
    description: str.optional(),
    notes: str.optional(),
    subject: z.array(str).optional(),
  }),
  CFItems: z.array(itemIn).optional(),
  CFRubrics: z.array(rubricIn).optional(),
});

export type LevelIn = z.infer<typeof levelIn>;
export type CriterionIn = z.infer<typeof criterionIn>;
export type RubricIn = z.infer<typeof rubricIn>;
export type ItemIn = z.infer<typeof itemIn>;

/** What Assay keeps in CASE's own extension points so its own export reads back losslessly. */
export const assayRubricExtension = z.object({
  formatVersion: z.literal(1),
  /** The achievement without its criteria (sections, passingPoints, achievementType, narrative, ...). */
  achievement: z.record(z.string(), z.unknown()),
});
export const assayCriterionExtension = z.object({
  sectionId: z.string().optional(),
  /** The uri of the required level. */
  requiredLevel: z.string().optional(),
});

// Writing: exactly the fields of the official schema that Assay fills in.
export interface LinkUri {
  title: string;
  identifier: string;
  uri: string;
}

export interface CfDocumentOut {
  identifier: string;
  uri: string;
  creator: string;
  title: string;
  lastChangeDateTime: string;
  caseVersion: '1.1';
  description?: string;
  /** The achievement's tags. */
  subject?: string[];
  /** The achievement's criteria narrative (how to earn it). */
  notes?: string;
  adoptionStatus?: string;
}

export interface CfItemOut {
  identifier: string;
  uri: string;
  fullStatement: string;
  CFItemType: string;
  lastChangeDateTime: string;
}

export interface CfAssociationOut {
  identifier: string;
  uri: string;
  associationType: 'isChildOf';
  sequenceNumber: number;
  originNodeURI: LinkUri;
  destinationNodeURI: LinkUri;
  lastChangeDateTime: string;
}

export interface CfLevelOut {
  identifier: string;
  uri: string;
  quality: string;
  score: number;
  position: number;
  rubricCriterionId: string;
  lastChangeDateTime: string;
  description?: string;
}

export interface CfCriterionOut {
  identifier: string;
  uri: string;
  description?: string;
  category?: string;
  CFItemURI: LinkUri;
  position: number;
  rubricId: string;
  lastChangeDateTime: string;
  CFRubricCriterionLevels: CfLevelOut[];
  extensions?: { assay: z.infer<typeof assayCriterionExtension> };
}

export interface CfRubricOut {
  identifier: string;
  uri: string;
  title: string;
  description?: string;
  lastChangeDateTime: string;
  CFRubricCriteria: CfCriterionOut[];
  extensions: { assay: z.infer<typeof assayRubricExtension> };
}

export interface CfPackageOut {
  CFDocument: CfDocumentOut;
  CFItems: CfItemOut[];
  CFAssociations: CfAssociationOut[];
  CFRubrics: CfRubricOut[];
}
