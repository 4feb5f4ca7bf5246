// Two panes side by side with a draggable, keyboard-operable divider; the split is remembered.
import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { t } from '../strings/en.js';

const STORAGE_KEY = 'assay.review.split';
const MIN = 25;
const MAX = 75;
const DEFAULT = 44;

function readSplit(): number {
  try {
    const n = Number(window.localStorage.getItem(STORAGE_KEY));
    return Number.isFinite(n) && n >= MIN && n <= MAX ? n : DEFAULT;
  } catch {
    return DEFAULT;
  }
}

const clamp = (n: number) => Math.round(Math.min(MAX, Math.max(MIN, n)) * 10) / 10;

export function SplitPane({ left, right }: { left: ReactNode; right: ReactNode }) {
  const [split, setSplit] = useState(readSplit);
  const box = useRef<HTMLDivElement>(null);

  const commit = useCallback((n: number) => {
    const next = clamp(n);
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
    const move = (ev: globalThis.PointerEvent) => commit(((ev.clientX - rect.left) / rect.width) * 100);
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
      ArrowLeft: split - step,
      ArrowRight: split + step,
      Home: MIN,
      End: MAX,
      Enter: DEFAULT,
    };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    commit(next);
  };

  return (
    <div
      ref={box}
      className="split"
      style={{ gridTemplateColumns: `minmax(0, ${split}fr) auto minmax(0, ${100 - split}fr)` }}
    >
      <div className="split-pane split-left">{left}</div>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- a focusable separator is the ARIA window-splitter widget; jsx-a11y counts every separator as static */}
      <div
        className="split-divider"
        role="separator"
        aria-orientation="vertical"
        aria-label={t.review.layout.divider}
        aria-valuemin={MIN}
        aria-valuemax={MAX}
        aria-valuenow={Math.round(split)}
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
