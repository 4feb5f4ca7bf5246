// Blind review's identity terms (salted hashes, never the identity) for the evidence viewers that cover it.
import { createContext } from 'react';
import type { HashedTerms } from '../../shared/domain/redaction.js';

/** Null when blind review is off (or the workspace carries no terms): nothing is covered. */
export const RedactionContext = createContext<HashedTerms | null>(null);
