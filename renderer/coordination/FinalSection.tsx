// The one final signed results package of the round, naming every reader of every decision, written into a
// folder the coordinator chooses.
import { useState } from 'react';
import type { ExportFinalResult, Overview } from '../../shared/coordination/types.js';
import { call, errorMessage } from '../api.js';
import { coordination as s } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';

export function FinalSection({ overview }: { overview: Overview }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [written, setWritten] = useState<ExportFinalResult | null>(null);
  const pending = overview.reconciliation.toAdjudicate;
  const exportFinal = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const chosen = await call('dialog:choose', { purpose: 'results-folder' });
      if (chosen) setWritten(await call('coordination:exportFinal', { token: chosen.token }));
    } catch (err) {
      setFailure(errorMessage(err, s.final.failed));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="coord-section" aria-labelledby="coord-final">
      <h2 id="coord-final" className="coord-heading">
        {s.final.heading}
      </h2>
      <p>{s.final.body}</p>
      {pending > 0 && <p className="coord-note">{s.final.pending(pending)}</p>}
      <div className="kit-actions">
        <button
          type="button"
          className="button button-primary"
          aria-disabled={busy || undefined}
          onClick={() => void exportFinal()}
        >
          <Icon name="shieldCheck" size={15} />
          {busy ? s.final.exporting : s.final.export}
        </button>
      </div>
      {failure && (
        <p className="kit-alert" role="alert">
          {failure}
        </p>
      )}
      <p role="status" data-testid="final-result">
        {written
          ? `${s.final.done(written.decisions, written.readTwice, written.adjudicated, written.readers, written.signedBy)} ${s.final.where(written.dir, written.id)}`
          : ''}
      </p>
    </section>
  );
}
