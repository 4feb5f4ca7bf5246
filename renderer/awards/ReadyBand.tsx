// "Ready to issue": passed reviews without an award, issued all at once or as chosen, with progress and failures.
import { useEffect, useRef, useState } from 'react';
import { call, errorMessage } from '../api.js';
import { absoluteDate } from '../queue/dates.js';
import { admin } from '../strings/en.js';
import { Alert } from '../ui/Alert.js';
import { Icon } from '../ui/Icon.js';
import type { ReadyAward } from './award-format.js';
import { BatchProgress } from './BatchProgress.js';
import { StopButton } from '../ui/StopButton.js';
import { isStopped } from '../ui/stopped.js';
import { CheckAllCell } from './CheckAllCell.js';

export interface ReadyBandProps {
  ready: ReadyAward[];
  hasIdentity: boolean | null;
  onIssued: (issued: number) => void;
  onSettings: () => void;
}

interface Outcome {
  issued: number;
  failed: { submissionId: string; message: string; earnerName: string }[];
}

export function ReadyBand({ ready, hasIdentity, onIssued, onSettings }: ReadyBandProps) {
  const s = admin.awards.ready;
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [stopped, setStopped] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);
  // The Issue button goes once nothing is left to issue: focus then moves to what happened, not to the page.
  // A flag, not state: it asks nothing to render, only the effect that runs once the batch is no longer busy.
  const focusOutcome = useRef(false);
  useEffect(() => {
    if (!focusOutcome.current || busy) return;
    focusOutcome.current = false;
    outcomeRef.current?.focus();
  }, [busy]);

  const live = ready.filter((r) => chosen.has(r.submissionId));
  const targets = live.length > 0 ? live : ready;
  const allChosen = ready.length > 0 && live.length === ready.length;

  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };

  const issue = async () => {
    if (busy || targets.length === 0) return;
    setBusy(true);
    setOutcome(null);
    setFailure(null);
    setStopped(false);
    try {
      const names = new Map(ready.map((r) => [r.submissionId, r.earnerName]));
      const r = await call('awards:issue', { submissionIds: targets.map((t) => t.submissionId) });
      setOutcome({
        issued: r.issued.length,
        failed: r.failed.map((f) => ({ ...f, earnerName: names.get(f.submissionId) ?? f.submissionId })),
      });
      setChosen(new Set());
      onIssued(r.issued.length);
      focusOutcome.current = true;
    } catch (err) {
      if (isStopped(err)) {
        // Those signed before the stop are issued: show the list as it now is.
        setStopped(true);
        setChosen(new Set());
        onIssued(0);
      } else setFailure(errorMessage(err, s.failed));
    } finally {
      setBusy(false);
    }
  };

  if (ready.length === 0 && !outcome) return null;
  return (
    <section className="aw-ready" aria-labelledby="aw-ready-title">
      <div className="aw-ready-head">
        <div>
          <h2 id="aw-ready-title" className="aw-ready-title">
            {s.title}
          </h2>
          <p className="muted">{ready.length > 0 ? s.count(ready.length) : s.none}</p>
        </div>
        {ready.length > 0 && hasIdentity && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => void issue()}
            aria-disabled={busy || undefined}
          >
            <Icon name="awards" size={15} />
            {busy ? s.issuing : live.length > 0 ? s.issueSelected(live.length) : s.issueAll(ready.length)}
          </button>
        )}
      </div>

      {hasIdentity === false && ready.length > 0 && (
        <div className="kit-note aw-identity-cta">
          <Icon name="key" size={16} />
          <div>
            <p>
              <strong>{s.noIdentityTitle}</strong> {s.noIdentityBody}
            </p>
            <button type="button" className="button aw-cta-button" onClick={onSettings}>
              {s.toSettings}
            </button>
          </div>
        </div>
      )}

      {busy && (
        <div className="aw-progress-row">
          <BatchProgress total={targets.length} words={s} />
          <StopButton kind="awards-issue" label={s.stop} />
        </div>
      )}
      {stopped && !busy && (
        <p className="kit-note" role="status">
          {s.stopped}
        </p>
      )}
      <Alert>{failure}</Alert>
      {outcome && !busy && (
        <div ref={outcomeRef} className="aw-outcome" role="status" tabIndex={-1}>
          <button
            type="button"
            className="icon-button aw-outcome-close"
            onClick={() => setOutcome(null)}
            aria-label={admin.common.dismiss}
          >
            <Icon name="close" size={15} />
          </button>
          {outcome.issued > 0 && (
            <p className="aw-outcome-ok">
              <Icon name="check" size={15} />
              {s.issued(outcome.issued)}
            </p>
          )}
          {outcome.failed.length > 0 && (
            <div className="kit-alert">
              <p>
                <strong>{s.failedCount(outcome.failed.length)}</strong>
              </p>
              <ul className="aw-failures">
                {outcome.failed.map((f) => (
                  <li key={f.submissionId}>
                    <strong>{f.earnerName}:</strong> {f.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}

      {ready.length > 0 && (
        <div className="aw-ready-list-wrap">
          <table className="aw-ready-list">
            <caption className="sr-only">{s.tableLabel}</caption>
            <thead>
              <tr>
                <CheckAllCell
                  label={s.chooseAll}
                  all={allChosen}
                  some={live.length > 0}
                  onChange={() => setChosen(allChosen ? new Set() : new Set(ready.map((r) => r.submissionId)))}
                  disabled={busy}
                />
                <th scope="col">{s.earner}</th>
                <th scope="col">{s.achievement}</th>
                <th scope="col">{s.passed}</th>
              </tr>
            </thead>
            <tbody>
              {ready.map((r) => (
                <tr key={r.submissionId} className={chosen.has(r.submissionId) ? 'is-chosen' : undefined}>
                  <td className="aw-col-check">
                    <input
                      type="checkbox"
                      className="aw-check"
                      aria-label={s.choose(r.earnerName, r.achievementName)}
                      checked={chosen.has(r.submissionId)}
                      onChange={() => toggle(r.submissionId)}
                      disabled={busy}
                    />
                  </td>
                  <td className="aw-strong">{r.earnerName}</td>
                  <td>{r.achievementName}</td>
                  <td className="aw-date">{absoluteDate(r.submittedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
