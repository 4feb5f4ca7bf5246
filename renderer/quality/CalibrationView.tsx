// The Calibration screen: per package with calibration, what is needed, the agreement so far, what is still
// missing, the practice samples (opened in the review workspace), "Practice again" and, once met, the queue.
import { useState } from 'react';
import type { CalibrationGate, CalibrationStatus } from '../../shared/domain/quality.js';
import { call, errorMessage } from '../api.js';
import { absoluteDate } from '../queue/dates.js';
import { quality } from '../strings/en.js';
import { percent } from '../strings/quality.js';
import { ConfirmActions, Dialog } from '../ui/Dialog.js';
import { EmptyState } from '../ui/EmptyState.js';
import { Icon } from '../ui/Icon.js';
import { AgreementTable } from './ComparisonView.js';
import '../ui/kit.css';
import './quality.css';

export interface CalibrationViewProps {
  gate: CalibrationGate | null;
  loading: boolean;
  error: unknown;
  onReload: () => void;
  onOpenSample: (submissionId: string) => void;
  onQueue: () => void;
}

export function CalibrationView({ gate, loading, error, onReload, onOpenSample, onQueue }: CalibrationViewProps) {
  const s = quality.calibration;
  const [done, setDone] = useState('');
  const several = (gate?.calibrations.length ?? 0) > 1;
  return (
    <section className="screen qa-screen" aria-labelledby="calibration-title" aria-busy={loading && !gate}>
      <header className="screen-head">
        <div>
          <h1 id="calibration-title" className="screen-title">
            {s.title}
          </h1>
          <p className="screen-subtitle">{s.subtitle}</p>
        </div>
        {gate?.queueOpen && gate.calibrations.length > 0 && (
          <div className="screen-actions">
            <button type="button" className="button button-primary" onClick={onQueue}>
              {s.toQueue}
            </button>
          </div>
        )}
      </header>
      <p className="sr-only" role="status">
        {done}
      </p>
      {!gate && error ? (
        <div className="inline-error" role="alert">
          <Icon name="alert" size={16} />
          <span>{errorMessage(error, s.loadFailed)}</span>
          <button type="button" className="button" onClick={onReload}>
            {s.retry}
          </button>
        </div>
      ) : !gate ? (
        <p className="muted" role="status">
          {s.loading}
        </p>
      ) : gate.calibrations.length === 0 ? (
        <EmptyState icon="calibration" title={s.none} />
      ) : (
        gate.calibrations.map((c) => (
          <PackageCalibration
            key={c.packageId}
            status={c}
            named={several}
            onOpenSample={onOpenSample}
            onStarted={(round) => {
              setDone(s.practiceAgainDone(round));
              onReload();
            }}
          />
        ))
      )}
    </section>
  );
}

function PackageCalibration({
  status: c,
  named,
  onOpenSample,
  onStarted,
}: {
  status: CalibrationStatus;
  named: boolean;
  onOpenSample: (submissionId: string) => void;
  onStarted: (round: number) => void;
}) {
  const s = quality.calibration;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const total = c.samples.length;
  const anySubmitted = c.samples.some((x) => x.state !== 'not-started');
  const headingId = `calibration-${c.packageId.replace(/[^a-zA-Z0-9-]/g, '-')}`;

  const practiceAgain = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const next = await call('quality:practiceAgain', { packageId: c.packageId });
      setConfirming(false);
      onStarted(next.round);
    } catch (err) {
      setFailure(errorMessage(err, s.practiceAgainFailed));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="qa-package" aria-labelledby={headingId}>
      <div className="qa-package-head">
        <h2 id={headingId} className={named ? 'qa-package-title' : 'sr-only'}>
          {named ? s.packageHeading(c.packageId) : s.samplesLabel(c.round)}
        </h2>
        <span className="kit-badge kit-badge-info">{s.round(c.round)}</span>
        <span className={c.required ? 'kit-badge' : 'kit-badge kit-badge-ok'}>
          {c.required ? s.required : s.advice}
        </span>
      </div>

      {c.metAt ? (
        <div className="qa-status is-met">
          <Icon name="check" size={16} />
          <p>{c.required ? s.met(absoluteDate(c.metAt)) : s.metAdvice(absoluteDate(c.metAt))}</p>
        </div>
      ) : (
        c.missing && (
          <div className="qa-status is-missing" data-testid="calibration-missing">
            <Icon name="alert" size={16} />
            <p>
              <strong>{s.missingLabel}: </strong>
              {c.missing}
            </p>
          </div>
        )
      )}

      <div className="qa-facts">
        <div className="qa-fact">
          <h3>{s.thresholdsLabel}</h3>
          <p>{s.thresholds(c.minExactAgreement, c.maxNonAdjacent)}</p>
        </div>
        <div className="qa-fact">
          <h3>{s.agreementLabel}</h3>
          {c.agreement ? (
            <p>
              {`${quality.comparison.exact}: ${percent(c.agreement.exact)} ${s.agreementOver(c.agreement.n)}; ${quality.lean(c.agreement.signedDeviation)}.`}
            </p>
          ) : (
            <p className="muted">{s.noAgreement}</p>
          )}
        </div>
      </div>

      <div className="qa-table-wrap">
        <table className="qa-table">
          <caption className="qa-caption">{s.samplesLabel(c.round)}</caption>
          <thead>
            <tr>
              <th scope="col" className="qa-num">
                {s.col.number}
              </th>
              <th scope="col">{s.col.achievement}</th>
              <th scope="col">{s.col.state}</th>
              <th scope="col">
                <span className="sr-only">{s.col.action}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {c.samples.map((x) => (
              <tr key={x.submissionId} data-sample={x.number}>
                <th scope="row" className="qa-num">
                  {x.number.toLocaleString('en')}
                </th>
                <td>{x.achievementName}</td>
                <td>
                  <span
                    className={
                      x.state === 'submitted'
                        ? 'kit-badge kit-badge-ok'
                        : x.state === 'draft'
                          ? 'kit-badge kit-badge-info'
                          : 'kit-badge'
                    }
                  >
                    {s.state[x.state]}
                  </span>
                </td>
                <td>
                  <button
                    type="button"
                    className="button kit-button-small"
                    aria-label={s.openNamed(s.open[x.state], x.number, total)}
                    onClick={() => onOpenSample(x.submissionId)}
                  >
                    {s.open[x.state]}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {c.agreement && <AgreementTable kind="calibration" review={null} soFar={c.agreement} />}

      <div className="qa-status-actions">
        {anySubmitted && (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            {s.practiceAgain}
          </button>
        )}
      </div>

      {confirming && (
        <Dialog
          title={s.practiceAgainTitle}
          onClose={() => !busy && setConfirming(false)}
          actions={
            <ConfirmActions
              onCancel={() => setConfirming(false)}
              onConfirm={() => void practiceAgain()}
              busy={busy}
              label={s.practiceAgainConfirm}
              busyLabel={s.practiceAgainBusy}
            />
          }
        >
          <p>{s.practiceAgainBody(c.round)}</p>
          {failure && (
            <p className="kit-alert" role="alert">
              {failure}
            </p>
          )}
        </Dialog>
      )}
    </section>
  );
}
