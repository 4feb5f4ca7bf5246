// Shapes for the issuer identity channels: its public part and the profile a person types.
import { z } from 'zod';
import { choiceTokenSchema } from './choices.js';

export const identityPublicSchema = z.object({
  profile: z.object({
    name: z.string(),
    url: z.string().optional(),
    email: z.string().optional(),
    hasLogo: z.boolean(),
  }),
  certificateSubject: z.string(),
  certificateFingerprint256: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  selfSigned: z.boolean(),
  keyAlgorithm: z.string(),
  sealedBy: z.string(),
  badgePublicKeySpki: z.string(),
});

export const profileInputSchema = z.object({
  name: z.string().trim().min(1, 'The issuer needs a name').max(200),
  url: z.union([z.literal(''), z.url()]).optional(),
  email: z.union([z.literal(''), z.email()]).optional(),
  /** A PNG chosen with dialog:choose('logo'), as its token; null removes the logo; absent keeps it. */
  logo: choiceTokenSchema.nullable().optional(),
});
