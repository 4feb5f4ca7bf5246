// Blind review's identity terms (salted hashes, never the identity) for the evidence viewers that cover it,
// and the submission they are for (hand-made redactions and leak reports are kept against it).
import { createContext } from 'react';
import type { HashedTerms } from '../../shared/domain/redaction.js';

export interface Redaction {
  terms: HashedTerms;
  submissionId: string;
}

/** Null when blind review is off (or the workspace carries no terms): nothing is covered. */
export const RedactionContext = createContext<Redaction | null>(null);
