// The workspace's keyboard map: Ctrl/Alt/F-key shortcuts always; single keys only when not typing (and when enabled).
import { useEffectEvent, useLayoutEffect, type RefObject } from 'react';

export interface ReviewKeyHandlers {
  nextCriterion: () => void;
  previousCriterion: () => void;
  /** 1-based, as pressed. */
  chooseLevel: (n: number) => void;
  focusComment: () => void;
  focusFeedback: () => void;
  openBank: () => void;
  anchor: () => void;
  nextSubmission: () => void;
  previousSubmission: () => void;
  backToQueue: () => void;
  focusEvidence: () => void;
  focusRubric: () => void;
  cycleRegion: (backwards: boolean) => void;
  submit: () => void;
  saveNow: () => void;
  showShortcuts: () => void;
}

const TEXT_INPUT =
  'textarea, select, [contenteditable=""], [contenteditable="true"], input:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]):not([type="range"])';

export function isTyping(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TEXT_INPUT) !== null;
}

/**
 * `evidence` is the evidence pane: its viewers own the arrow keys and letters there, so rubric keys
 * (J/K, arrows, 1–9, C, F, B) do not fire inside it. `singleKeys` off leaves only the modified keys
 * (WCAG 2.1.4: character-key shortcuts can be turned off).
 */
export function useReviewKeys(
  enabled: boolean,
  singleKeys: boolean,
  evidence: RefObject<HTMLElement | null>,
  handlers: ReviewKeyHandlers,
): void {
  // The handlers of the latest render, read when a key arrives (the listener itself stays in place).
  const latestHandlers = useEffectEvent(() => handlers);

  // A layout effect: listening from the moment the workspace is on screen, so no early key is lost.
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      // An open dialog owns the keyboard (Escape, Enter, Tab).
      if (document.querySelector('dialog[open]')) return;
      const h = latestHandlers();
      const mod = e.ctrlKey || e.metaKey;
      const run = (action: () => void) => {
        e.preventDefault();
        action();
      };
      if (mod && !e.altKey && !e.shiftKey && e.key === 'Enter') {
        run(h.submit);
        return;
      }
      if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
        run(h.saveNow);
        return;
      }
      // Alt+digit by code: on a Mac, Option+1 types "¡" as its key.
      if (e.altKey && !mod && !e.shiftKey && e.code === 'Digit1') {
        run(h.focusEvidence);
        return;
      }
      if (e.altKey && !mod && !e.shiftKey && e.code === 'Digit2') {
        run(h.focusRubric);
        return;
      }
      if (e.key === 'F6' && !mod && !e.altKey) {
        run(() => h.cycleRegion(e.shiftKey));
        return;
      }
      if (mod || e.altKey || !singleKeys || isTyping(e.target)) return;

      const key = e.key;
      if (key === '?') {
        run(h.showShortcuts);
        return;
      }
      if (e.shiftKey) return;
      if (key === ']') {
        run(h.nextSubmission);
        return;
      }
      if (key === '[') {
        run(h.previousSubmission);
        return;
      }
      const letter = key.length === 1 ? key.toLowerCase() : key;
      if (letter === 'u') {
        run(h.backToQueue);
        return;
      }
      if (letter === 'a') {
        run(h.anchor);
        return;
      }
      const target = e.target instanceof Element ? e.target : null;
      if (target && evidence.current?.contains(target)) return;
      if (letter === 'j' || key === 'ArrowDown') {
        run(h.nextCriterion);
        return;
      }
      if (letter === 'k' || key === 'ArrowUp') {
        run(h.previousCriterion);
        return;
      }
      if (letter === 'c') {
        run(h.focusComment);
        return;
      }
      if (letter === 'f') {
        run(h.focusFeedback);
        return;
      }
      if (letter === 'b') {
        run(h.openBank);
        return;
      }
      if (/^[1-9]$/.test(key)) {
        // Levels go to the criterion that has focus (or to the current one when nothing has focus).
        const onCriterion = target?.closest('[data-criterion-index]') !== null && target !== null;
        const nowhere = !target || target === document.body || target.id === 'main';
        if (onCriterion || nowhere) {
          run(() => h.chooseLevel(Number(key)));
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, singleKeys, evidence]);
}
