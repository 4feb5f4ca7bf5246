// Two panes side by side with a draggable, keyboard-operable divider (the ARIA window splitter: arrows move
// it, Enter folds the left pane away and back); the split is remembered.
import {
  useCallback,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { flushSync } from 'react-dom';
import { t } from '../strings/en.js';

const STORAGE_KEY = 'assay.review.split';
const MIN = 25;
const MAX = 75;
const DEFAULT = 44;
/** The left pane folded away. */
const FOLDED = 0;

function readSplit(): number {
  try {
    const n = Number(window.localStorage.getItem(STORAGE_KEY) ?? DEFAULT);
    return Number.isFinite(n) && (n === FOLDED || (n >= MIN && n <= MAX)) ? n : DEFAULT;
  } catch {
    return DEFAULT;
  }
}

const clamp = (n: number) => (n === FOLDED ? FOLDED : Math.round(Math.min(MAX, Math.max(MIN, n)) * 10) / 10);

export interface SplitPaneHandle {
  /** Unfolds the left pane if it is folded (at once, so it can take focus right after). */
  unfoldLeft(): void;
}

export function SplitPane({ left, right, ref }: { left: ReactNode; right: ReactNode; ref?: Ref<SplitPaneHandle> }) {
  const [split, setSplit] = useState(readSplit);
  const box = useRef<HTMLDivElement>(null);
  // Where the divider goes back to when the folded pane unfolds.
  const restore = useRef(split === FOLDED ? DEFAULT : split);

  const commit = useCallback((n: number) => {
    const next = clamp(n);
    if (next !== FOLDED) restore.current = next;
    setSplit(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, String(next));
    } catch {
      // Not remembered; the split still applies for this window.
    }
  }, []);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const el = box.current;
    if (!el) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const rect = el.getBoundingClientRect();
    // Dragged most of the way to the left edge: the pane folds away.
    const move = (ev: globalThis.PointerEvent) => {
      const pct = ((ev.clientX - rect.left) / rect.width) * 100;
      commit(pct < MIN / 2 ? FOLDED : pct);
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      el.classList.remove('is-resizing');
    };
    el.classList.add('is-resizing');
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 10 : 2;
    const moves: Record<string, number> = {
      ArrowLeft: split === FOLDED ? FOLDED : split - step,
      ArrowRight: split === FOLDED ? MIN : split + step,
      Home: MIN,
      End: MAX,
      Enter: split === FOLDED ? restore.current : FOLDED,
    };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    commit(next);
  };

  useImperativeHandle(ref, () => ({
    unfoldLeft: () => {
      if (split === FOLDED) flushSync(() => commit(restore.current));
    },
  }));

  const folded = split === FOLDED;
  return (
    <div
      ref={box}
      className={folded ? 'split is-folded' : 'split'}
      style={{ gridTemplateColumns: `minmax(0, ${split}fr) auto minmax(0, ${100 - split}fr)` }}
    >
      {/* Folded, the pane is out of the tab order and the accessibility tree too. */}
      <div className="split-pane split-left" inert={folded}>
        {left}
      </div>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- a focusable separator is the ARIA window-splitter widget; jsx-a11y counts every separator as static */}
      <div
        className="split-divider"
        role="separator"
        aria-orientation="vertical"
        aria-label={t.review.layout.divider}
        aria-valuemin={FOLDED}
        aria-valuemax={MAX}
        aria-valuenow={Math.round(split)}
        aria-valuetext={folded ? t.review.layout.folded : t.review.layout.splitAt(Math.round(split))}
        title={t.review.layout.dividerHint}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- the splitter widget takes focus to be moved with the arrow keys
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        onDoubleClick={() => commit(DEFAULT)}
      >
        <span className="split-grip" aria-hidden="true" />
      </div>
      <div className="split-pane split-right">{right}</div>
    </div>
  );
}
