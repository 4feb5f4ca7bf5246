// The workspace's keyboard map: Ctrl/Alt/F-key shortcuts always; single keys only when not typing (and when enabled).
import { useLayoutEffect, useRef, type RefObject } from 'react';

export interface ReviewKeyHandlers {
  nextCriterion(): void;
  previousCriterion(): void;
  /** 1-based, as pressed. */
  chooseLevel(n: number): void;
  focusComment(): void;
  focusFeedback(): void;
  openBank(): void;
  anchor(): void;
  nextSubmission(): void;
  previousSubmission(): void;
  backToQueue(): void;
  focusEvidence(): void;
  focusRubric(): void;
  cycleRegion(backwards: boolean): void;
  submit(): void;
  saveNow(): void;
  showShortcuts(): void;
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
  const ref = useRef(handlers);
  ref.current = handlers;

  // A layout effect: listening from the moment the workspace is on screen, so no early key is lost.
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      // An open dialog owns the keyboard (Escape, Enter, Tab).
      if (document.querySelector('dialog[open]')) return;
      const h = ref.current;
      const mod = e.ctrlKey || e.metaKey;
      const run = (action: () => void) => {
        e.preventDefault();
        action();
      };
      if (mod && !e.altKey && !e.shiftKey && e.key === 'Enter') return run(h.submit);
      if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') return run(h.saveNow);
      // Alt+digit by code: on a Mac, Option+1 types "¡" as its key.
      if (e.altKey && !mod && !e.shiftKey && e.code === 'Digit1') return run(h.focusEvidence);
      if (e.altKey && !mod && !e.shiftKey && e.code === 'Digit2') return run(h.focusRubric);
      if (e.key === 'F6' && !mod && !e.altKey) return run(() => h.cycleRegion(e.shiftKey));
      if (mod || e.altKey || !singleKeys || isTyping(e.target)) return;

      const key = e.key;
      if (key === '?') return run(h.showShortcuts);
      if (e.shiftKey) return;
      if (key === ']') return run(h.nextSubmission);
      if (key === '[') return run(h.previousSubmission);
      const letter = key.length === 1 ? key.toLowerCase() : key;
      if (letter === 'u') return run(h.backToQueue);
      if (letter === 'a') return run(h.anchor);
      const target = e.target instanceof Element ? e.target : null;
      if (target && evidence.current?.contains(target)) return;
      if (letter === 'j' || key === 'ArrowDown') return run(h.nextCriterion);
      if (letter === 'k' || key === 'ArrowUp') return run(h.previousCriterion);
      if (letter === 'c') return run(h.focusComment);
      if (letter === 'f') return run(h.focusFeedback);
      if (letter === 'b') return run(h.openBank);
      if (/^[1-9]$/.test(key)) {
        // Levels go to the criterion that has focus (or to the current one when nothing has focus).
        const onCriterion = target?.closest('[data-criterion-index]') !== null && target !== null;
        const nowhere = !target || target === document.body || target.id === 'main';
        if (onCriterion || nowhere) return run(() => h.chooseLevel(Number(key)));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, singleKeys, evidence]);
}
