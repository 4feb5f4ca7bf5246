// What the rubric's cards reach for without props through every level: stable actions, and the comment bank.
import { createContext, useContext } from 'react';
import type { Anchor, CriterionComment } from '../../shared/domain/review.js';
import type { CommentBankApi } from './useCommentBank.js';

export interface ReviewActions {
  setScore: (criterionId: string, levelId: string) => void;
  setComment(criterionId: string, update: (c: CriterionComment) => CriterionComment): void;
  /** A card (or something in it) took focus: it becomes the current criterion. */
  setCurrent: (index: number) => void;
  /** Focuses the card at `index` (or the overall feedback past the last). */
  focusCriterion: (index: number) => void;
  /** Adds the evidence pane's current position to the criterion's comment; false when nothing is open there. */
  anchorHere: (criterionId: string) => boolean;
  jumpTo: (anchor: Anchor) => void;
  /** The artifact's display name (already redacted in blind review). */
  artifactName: (artifactId: string) => string | undefined;
  openBank: (criterionId: string | null) => void;
  saveToBank: (criterionId: string, text: string) => void;
  manageBank: (criterionId: string) => void;
  registerComment: (criterionId: string, el: HTMLTextAreaElement | null) => void;
  /** Saves now (a comment box lost focus). */
  flush: () => void;
}

export const ActionsContext = createContext<ReviewActions | null>(null);
export const BankContext = createContext<CommentBankApi | null>(null);

export function useActions(): ReviewActions {
  const value = useContext(ActionsContext);
  if (!value) throw new Error('useActions outside the review workspace');
  return value;
}

export function useBank(): CommentBankApi {
  const value = useContext(BankContext);
  if (!value) throw new Error('useBank outside the review workspace');
  return value;
}
