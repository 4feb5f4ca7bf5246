// The one final signed results package of the round, naming every reader of every decision, written into a
// folder the coordinator chooses.
import { useState } from 'react';
import type { ExportFinalResult, ScreenOverview } from '../../shared/coordination/types.js';
import { call } from '../api.js';
import { coordination as s } from '../strings/en.js';
import { ActionButton } from '../ui/ActionButton.js';
import { Alert } from '../ui/Alert.js';
import { StopButton } from '../ui/StopButton.js';
import { useAct } from '../ui/useAct.js';

export function FinalSection({ overview }: { overview: ScreenOverview }) {
  const { busy, failure, run } = useAct({ again: true });
  const [written, setWritten] = useState<ExportFinalResult | null>(null);
  const pending = overview.reconciliation.toAdjudicate;
  const exportFinal = () =>
    run(async () => {
      const chosen = await call('dialog:choose', { purpose: 'results-folder' });
      if (chosen) setWritten(await call('coordination:exportFinal', { token: chosen.token }));
    }, s.final.failed);
  return (
    <section className="coord-section" aria-labelledby="coord-final">
      <h2 id="coord-final" className="coord-heading">
        {s.final.heading}
      </h2>
      <p>{s.final.body}</p>
      {pending > 0 && <p className="coord-note">{s.final.pending(pending)}</p>}
      <div className="kit-actions">
        <ActionButton icon="shieldCheck" primary blocked={busy} onClick={() => void exportFinal()}>
          {busy ? s.final.exporting : s.final.export}
        </ActionButton>
        {busy && <StopButton kind="coordination-final" label={s.final.stop} />}
      </div>
      <Alert>{failure}</Alert>
      <p role="status" data-testid="final-result">
        {written
          ? `${s.final.done(written.decisions, written.readTwice, written.adjudicated, written.readers, written.signedBy)} ${s.final.awards(written.awards.inForce, written.awards.issued, written.awards.kept)} ${s.final.where(written.dir, written.id)}`
          : ''}
      </p>
      {written && written.awards.revoked.length > 0 && (
        <div className="coord-note" data-testid="final-revoked">
          <p>{s.final.revoked(written.awards.revoked.length)}</p>
          <ul>
            {written.awards.revoked.map((r) => (
              <li key={r.credentialId}>
                {r.verificationCode} ({r.submissionId}): {r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
