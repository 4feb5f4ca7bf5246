// What every part of the editor needs: the draft, a way to change it, and the problems a save reported.
import type { AchievementDraft } from './editor-model.js';

export interface EditorParts {
  draft: AchievementDraft;
  /** Applies a change to the draft. Structural changes (add, remove, move) clear the save's problems. */
  update: (change: (d: AchievementDraft) => AchievementDraft, structural?: boolean) => void;
  /** The problem a save reported for a field path, if any. */
  err: (path: string) => string | undefined;
  disabled: boolean;
}
