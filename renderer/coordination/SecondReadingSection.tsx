// Second reading: the sampling rules (every not-yet on a last attempt, every decision within one level of the
// cut, a random share of the passes with its seed), the drawn sample with why each decision was chosen, one
// package per chosen second reader, and the readings that come back, reconciled by the rule the coordinator picks.
import { useId, useState } from 'react';
import type {
  ExportSecondReadingsResult,
  ImportSecondReadingsResult,
  ReconcileRule,
  ScreenOverview,
  SampleView,
} from '../../shared/coordination/types.js';
import { call, errorMessage } from '../api.js';
import { absoluteDateTime } from '../queue/dates.js';
import { admin, coordination as s, t } from '../strings/en.js';
import { ActionButton } from '../ui/ActionButton.js';
import { Alert } from '../ui/Alert.js';
import { ChoiceGroup } from '../ui/ChoiceGroup.js';
import { Field } from '../ui/Field.js';
import { useAct } from '../ui/useAct.js';
import { useLoad } from '../ui/useLoad.js';
import { useFetchedRows } from './useRowLimit.js';
import { HeadRow } from './HeadRow.js';

/** Thrown by the export when no second reader is chosen: said in the section's words, not as a failure. */
const NO_READERS = new Error('no second reader chosen');

export interface SecondReadingSectionProps {
  overview: ScreenOverview;
  /** Bumped when something else on the screen changed the samples or the reconciliation. */
  changes: number;
  onChanged: () => void;
}

export function SecondReadingSection({ overview, changes, onChanged }: SecondReadingSectionProps) {
  const id = useId();
  const latestSample = useLoad(() => call('coordination:latestSample'), [changes]);
  const [notYetLast, setNotYetLast] = useState(true);
  const [lastAttempt, setLastAttempt] = useState('3');
  const [nearCut, setNearCut] = useState(true);
  const [share, setShare] = useState('10');
  const [seed, setSeed] = useState('');
  const { busy: drawing, failure: drawFailure, run } = useAct({ again: true });

  const attemptN = Number(lastAttempt);
  const shareN = Number(share);
  const attemptBad = !Number.isInteger(attemptN) || attemptN < 1;
  const shareBad = share.trim() === '' || !Number.isFinite(shareN) || shareN < 0 || shareN > 100;

  const draw = async () => {
    if (attemptBad || shareBad) return;
    await run(async () => {
      const sample = await call('coordination:sample', {
        notYetOnLastAttempt: notYetLast,
        lastAttempt: attemptN,
        nearCut,
        passShare: shareN / 100,
        ...(seed.trim() ? { seed: seed.trim() } : {}),
      });
      latestSample.set(() => sample);
    }, s.sampling.drawFailed);
  };

  const latest = latestSample.data;
  return (
    <section className="coord-section" aria-labelledby="coord-second">
      <h2 id="coord-second" className="coord-heading">
        {s.sampling.heading}
      </h2>
      <form
        className="coord-form"
        aria-labelledby={`${id}-rules`}
        onSubmit={(e) => {
          e.preventDefault();
          void draw();
        }}
      >
        <h3 id={`${id}-rules`} className="coord-subheading">
          {s.sampling.rulesLegend}
        </h3>
        <div className="coord-rule">
          <label className="kit-check">
            <input type="checkbox" checked={notYetLast} onChange={(e) => setNotYetLast(e.target.checked)} />
            {s.sampling.notYetLast}
          </label>
          <Field
            label={s.sampling.lastAttempt}
            error={attemptBad ? s.sampling.badAttempt : null}
            className="coord-small-field"
          >
            {(control) => (
              <input
                {...control}
                className="input kit-input"
                type="number"
                min={1}
                step={1}
                inputMode="numeric"
                value={lastAttempt}
                disabled={!notYetLast}
                onChange={(e) => setLastAttempt(e.target.value)}
              />
            )}
          </Field>
        </div>
        <label className="kit-check">
          <input type="checkbox" checked={nearCut} onChange={(e) => setNearCut(e.target.checked)} />
          {s.sampling.nearCut}
        </label>
        <div className="coord-rule">
          <Field
            label={s.sampling.passShare}
            hint={s.sampling.passShareHint}
            error={shareBad ? s.sampling.badShare : null}
            className="coord-small-field"
          >
            {(control) => (
              <input
                {...control}
                className="input kit-input"
                type="number"
                min={0}
                max={100}
                step="any"
                inputMode="decimal"
                value={share}
                onChange={(e) => setShare(e.target.value)}
              />
            )}
          </Field>
          <Field label={s.sampling.seed} hint={s.sampling.seedHint} aside={admin.common.optional}>
            {(control) => (
              <input
                {...control}
                className="input kit-input"
                value={seed}
                maxLength={200}
                spellCheck={false}
                onChange={(e) => setSeed(e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="kit-actions">
          <button type="submit" className="button button-primary" aria-disabled={drawing || undefined}>
            {drawing ? s.sampling.drawing : s.sampling.draw}
          </button>
        </div>
        <Alert>{drawFailure}</Alert>
      </form>

      {latest && <DrawnSample key={latest.id} sample={latest} overview={overview} onChanged={onChanged} />}
      <ImportReadings overview={overview} onChanged={onChanged} />
    </section>
  );
}

function DrawnSample({
  sample,
  overview,
  onChanged,
}: {
  sample: SampleView;
  overview: ScreenOverview;
  onChanged: () => void;
}) {
  const id = useId();
  const c = sample.counts;
  const decision = t.review.decision.name;
  const [readers, setReaders] = useState<Set<string>>(() => new Set(overview.assessors.map((a) => a.assessor.id)));
  const { busy, failure, run } = useAct({ again: true });
  const [written, setWritten] = useState<ExportSecondReadingsResult | null>(null);
  const sampleRows = useFetchedRows(sample.items, sample.itemCount, (offset, limit) =>
    call('coordination:sampleItems', { sampleId: sample.id, offset, limit }),
  );

  const exportReadings = () =>
    run(
      async () => {
        if (readers.size === 0) throw NO_READERS;
        const chosen = await call('dialog:choose', { purpose: 'second-readings-folder' });
        if (!chosen) return;
        const result = await call('coordination:exportSecondReadings', {
          sampleId: sample.id,
          readers: overview.assessors.map((a) => a.assessor.id).filter((r) => readers.has(r)),
          token: chosen.token,
        });
        setWritten(result);
        onChanged();
      },
      (err) => (err === NO_READERS ? s.sampling.noReaders : errorMessage(err, s.sampling.exportFailed)),
    );

  return (
    <section className="coord-block" aria-labelledby={`${id}-sample`} data-testid="coordination-sample">
      <h3 id={`${id}-sample`} className="coord-subheading">
        {s.sampling.sampleHeading}
      </h3>
      <p>
        <span className="kit-badge kit-badge-info" data-testid="sample-seed">
          {s.sampling.seedShown(sample.rules.seed)}
        </span>{' '}
        <span className="muted">{s.sampling.drawnAt(absoluteDateTime(sample.drawnAt))}</span>
      </p>
      <p>
        {s.sampling.counts(
          sample.itemCount,
          c.decisions,
          c.notYetLastAttempt,
          c.nearCut,
          c.randomPasses,
          c.passesEligible,
        )}
      </p>
      {sample.itemCount > 0 && (
        <div className="qa-table-wrap">
          <table className="qa-table">
            <caption className="sr-only">{s.sampling.caption}</caption>
            <thead>
              <HeadRow
                columns={[
                  { label: s.sampling.col.submission },
                  { label: s.sampling.col.decision },
                  { label: s.sampling.col.attempt, num: true },
                  { label: s.sampling.col.first },
                  { label: s.sampling.col.why },
                ]}
              />
            </thead>
            <tbody>
              {sampleRows.shown.map((item) => (
                <tr key={item.submissionId}>
                  <th scope="row" className="coord-wrap">
                    {item.submissionId}
                  </th>
                  <td>{decision[item.decision]}</td>
                  <td className="coord-num">{item.attempt.toLocaleString('en')}</td>
                  <td>{item.firstReader.name}</td>
                  <td>{item.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {sampleRows.more}
        </div>
      )}
      {sample.itemCount > 0 && (
        <fieldset className="kit-fieldset coord-readers" aria-describedby={`${id}-readers-hint`}>
          <legend className="kit-label">{s.sampling.readersLegend}</legend>
          <div className="coord-reader-list">
            {overview.assessors.map((a) => (
              <label key={a.assessor.id} className="kit-check">
                <input
                  type="checkbox"
                  checked={readers.has(a.assessor.id)}
                  onChange={(e) =>
                    setReaders((prev) => {
                      const next = new Set(prev);
                      if (e.target.checked) next.add(a.assessor.id);
                      else next.delete(a.assessor.id);
                      return next;
                    })
                  }
                />
                {a.assessor.name}
              </label>
            ))}
          </div>
          <p id={`${id}-readers-hint`} className="kit-hint">
            {s.sampling.readersHint}
          </p>
        </fieldset>
      )}
      {sample.itemCount > 0 && (
        <div className="kit-actions">
          <ActionButton icon="download" blocked={busy} onClick={() => void exportReadings()}>
            {busy ? s.sampling.exporting : s.sampling.exportReadings}
          </ActionButton>
        </div>
      )}
      <Alert>{failure}</Alert>
      <p className="sr-only" role="status">
        {written ? s.sampling.exported(written.packages.length) : ''}
      </p>
      {written && (
        <div className="qa-table-wrap" data-testid="second-reading-exports">
          <table className="qa-table">
            <caption className="qa-caption">{s.sampling.exportedCaption}</caption>
            <thead>
              <HeadRow
                columns={[
                  { label: s.sampling.exportCol.reader },
                  { label: s.sampling.exportCol.folder },
                  { label: s.sampling.exportCol.submissions, num: true },
                ]}
              />
            </thead>
            <tbody>
              {written.packages.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.reader.name}</th>
                  <td className="coord-wrap">{p.folder}</td>
                  <td className="coord-num">{p.submissions.toLocaleString('en')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ImportReadings({ overview, onChanged }: { overview: ScreenOverview; onChanged: () => void }) {
  const id = useId();
  const [rule, setRule] = useState<ReconcileRule>('lower');
  const { busy, failure, run } = useAct({ again: true });
  const [result, setResult] = useState<ImportSecondReadingsResult | null>(null);
  // The overview is asked again after every change, so its counts are the current ones.
  const r = overview.reconciliation;

  const importReadings = () =>
    run(async () => {
      const chosen = await call('dialog:choose', { purpose: 'coordination-package' });
      if (!chosen) return;
      const answer = await call('coordination:importSecondReadings', { tokens: [chosen.token], rule });
      setResult(answer);
      if (answer.refused.length === 0) onChanged();
    }, s.sampling.importFailed);

  return (
    <section className="coord-block" aria-labelledby={`${id}-import`}>
      <h3 id={`${id}-import`} className="coord-subheading">
        {s.sampling.importLegend}
      </h3>
      <ChoiceGroup<ReconcileRule>
        legend={s.sampling.ruleLegend}
        value={rule}
        onChange={setRule}
        choices={[
          { value: 'first', label: s.sampling.rule.first },
          { value: 'second', label: s.sampling.rule.second },
          { value: 'lower', label: s.sampling.rule.lower },
        ]}
      />
      <div className="kit-actions">
        <ActionButton icon="folder" blocked={busy} onClick={() => void importReadings()}>
          {busy ? s.sampling.importing : s.sampling.importReadings}
        </ActionButton>
      </div>
      <Alert>{failure}</Alert>
      {result && result.refused.length > 0 && (
        <div className="coord-refused" role="alert">
          <ul>
            {result.refused.map((x, i) => (
              <li key={i}>{s.packages.refused(x.label, x.reason)}</li>
            ))}
          </ul>
          <p>{s.packages.nothingOpened}</p>
        </div>
      )}
      <p role="status" data-testid="reconciliation-summary">
        {s.sampling.reconciliation(r.awaitingSecondReading, r.agreed, r.toAdjudicate, r.adjudicated)}
      </p>
    </section>
  );
}
