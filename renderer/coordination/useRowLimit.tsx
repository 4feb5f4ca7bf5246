// A long list of the Coordination screen shows its first rows and says how many there are, with buttons for more or
// all: a sample of 10,000 decisions drawn as 10,000 rows took seconds to lay out before anything else was seen.
import { useState } from 'react';
import { coordination as s } from '../strings/en.js';

export const ROW_STEP = 200;

/** The rows to draw of `rows`, and what to say under them. */
export function useRowLimit<T>(rows: readonly T[], step = ROW_STEP) {
  const [limit, setLimit] = useState(step);
  const shown = rows.length > limit ? rows.slice(0, limit) : rows;
  return {
    shown,
    more: (
      <MoreRows
        shown={shown.length}
        total={rows.length}
        step={step}
        onMore={() => setLimit((l) => l + step)}
        onAll={() => setLimit(Infinity)}
      />
    ),
  };
}

function MoreRows(p: { shown: number; total: number; step: number; onMore: () => void; onAll: () => void }) {
  if (p.shown >= p.total) return null;
  return (
    <p className="row-limit">
      <span>{s.rows.showing(p.shown, p.total)}</span>
      <button type="button" className="button kit-button-small" onClick={p.onMore}>
        {s.rows.more(Math.min(p.step, p.total - p.shown))}
      </button>
      <button type="button" className="button kit-button-small" onClick={p.onAll}>
        {s.rows.all(p.total)}
      </button>
    </p>
  );
}
