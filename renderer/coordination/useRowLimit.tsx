// A long list of the Coordination screen shows its first rows and says how many there are, with buttons for more or
// all: a sample of 10,000 decisions drawn as 10,000 rows took seconds to lay out before anything else was seen.
import { useState } from 'react';
import { coordination as s } from '../strings/en.js';
import { Alert } from '../ui/Alert.js';
import { useAct } from '../ui/useAct.js';

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

/**
 * The same for a list the main process holds (a sample of 10,000 decisions): `first` came with it, `total` is how
 * many there are, and `fetch` brings the rows from an offset when the coordinator asks for more or all.
 */
export function useFetchedRows<T>(
  first: readonly T[],
  total: number,
  fetch: (offset: number, limit: number) => Promise<T[]>,
  step = ROW_STEP,
) {
  // The rows fetched belong to the `first` they followed: a new first page (another choice, the store changed)
  // starts again from it, and rows fetched after the old one are dropped.
  const [state, setState] = useState({ from: first, rows: first });
  if (state.from !== first) setState({ from: first, rows: first });
  const rows = state.from === first ? state.rows : first;
  const { busy, failure, run } = useAct({ again: true });
  const load = (limit: number) =>
    void run(async () => {
      const next = await fetch(rows.length, limit);
      setState((had) => (had.from === first ? { from: first, rows: [...had.rows, ...next] } : had));
    }, s.rows.failed);
  return {
    shown: rows,
    more: (
      <>
        <MoreRows
          shown={rows.length}
          total={total}
          step={step}
          busy={busy}
          onMore={() => load(step)}
          onAll={() => load(total - rows.length)}
        />
        <Alert>{failure}</Alert>
      </>
    ),
  };
}

function MoreRows(p: {
  shown: number;
  total: number;
  step: number;
  busy?: boolean;
  onMore: () => void;
  onAll: () => void;
}) {
  if (p.shown >= p.total) return null;
  return (
    <p className="row-limit" aria-busy={p.busy || undefined}>
      <span>{p.busy ? s.rows.loading : s.rows.showing(p.shown, p.total)}</span>
      <button type="button" className="button kit-button-small" aria-disabled={p.busy || undefined} onClick={p.onMore}>
        {s.rows.more(Math.min(p.step, p.total - p.shown))}
      </button>
      <button type="button" className="button kit-button-small" aria-disabled={p.busy || undefined} onClick={p.onAll}>
        {s.rows.all(p.total)}
      </button>
    </p>
  );
}
