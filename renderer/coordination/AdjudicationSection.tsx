// The adjudication queue: split decisions and non-adjacent gaps. Opening one is a workspace: what the teacher
// submitted (read from the round's review package, in the review workspace's evidence pane) beside both readings
// side by side, criterion by criterion (level, comment, how far apart), each reader's decision and feedback, and the
// adjudicator's level on every criterion, the final decision, the reasons and their name: final and audited.
import { useEffect, useId, useRef, useState } from 'react';
import type { AdjudicationQueueEntry, ReconciliationItem } from '../../shared/coordination/types.js';
import type { Decision } from '../../shared/schemas/review-package.js';
import { call, errorMessage } from '../api.js';
import { coordination as s, t } from '../strings/en.js';
import { Alert } from '../ui/Alert.js';
import { ChoiceGroup } from '../ui/ChoiceGroup.js';
import { Field } from '../ui/Field.js';
import { useAct } from '../ui/useAct.js';
import { useLoad } from '../ui/useLoad.js';
import { useRowLimit } from './useRowLimit.js';
import { AdjudicationEvidence } from './AdjudicationEvidence.js';
import { HeadRow } from './HeadRow.js';

export interface AdjudicationSectionProps {
  changes: number;
  onChanged: () => void;
}

export function AdjudicationSection({ changes, onChanged }: AdjudicationSectionProps) {
  const queue = useLoad(() => call('coordination:adjudicationQueue'), [changes]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const items = queue.data ?? [];
  const rows = useRowLimit(items);
  const open = items.find((i) => i.submissionId === openId) ?? null;
  const c = s.adjudication.col;
  return (
    <section className="coord-section" aria-labelledby="coord-adjudication">
      <h2 id="coord-adjudication" className="coord-heading">
        {s.adjudication.heading}
      </h2>
      <p className="sr-only" role="status">
        {done}
      </p>
      {queue.error && !queue.data ? (
        <Alert>{errorMessage(queue.error, s.loadFailed)}</Alert>
      ) : items.length === 0 ? (
        <p className="muted">{queue.loading ? s.loading : s.adjudication.none}</p>
      ) : open ? (
        <OpenedItem
          key={open.submissionId}
          entry={open}
          onCancel={() => setOpenId(null)}
          onDone={() => {
            setDone(s.adjudication.recorded(open.earnerName));
            setOpenId(null);
            onChanged();
          }}
        />
      ) : (
        <div className="qa-table-wrap">
          <table className="qa-table" data-testid="adjudication-queue">
            <caption className="sr-only">{s.adjudication.caption}</caption>
            <thead>
              <HeadRow
                columns={[
                  { label: c.submission },
                  { label: c.achievement },
                  { label: c.readers },
                  { label: c.why },
                  { label: <span className="sr-only">{s.adjudication.open}</span> },
                ]}
              />
            </thead>
            <tbody>
              {rows.shown.map((item) => (
                <tr key={item.submissionId}>
                  <th scope="row">{item.earnerName}</th>
                  <td>{item.achievementName}</td>
                  <td>{item.readers.join(' · ')}</td>
                  <td>{item.reasons.join('; ')}</td>
                  <td>
                    <button
                      type="button"
                      className="button kit-button-small"
                      aria-label={s.adjudication.openNamed(item.earnerName)}
                      onClick={() => setOpenId(item.submissionId)}
                    >
                      {s.adjudication.open}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.more}
        </div>
      )}
    </section>
  );
}

/** A queued decision opened from the list: both readings and every level are asked for now, not with the list. */
function OpenedItem({ entry, onCancel, onDone }: { entry: AdjudicationQueueEntry } & Omit<ItemProps, 'item'>) {
  const item = useLoad(
    () => call('coordination:reconciliationItem', { submissionId: entry.submissionId }),
    [entry.submissionId],
  );
  if (item.data) return <AdjudicationWorkspace item={item.data} onCancel={onCancel} onDone={onDone} />;
  return (
    <div className="coord-adj-frame">
      <h3 className="coord-subheading">{s.adjudication.itemHeading(entry.earnerName, entry.achievementName)}</h3>
      {item.error ? (
        <>
          <Alert>{errorMessage(item.error, s.loadFailed)}</Alert>
          <button type="button" className="button" onClick={onCancel}>
            {s.adjudication.cancel}
          </button>
        </>
      ) : (
        <p className="muted">{s.loading}</p>
      )}
    </div>
  );
}

interface ItemProps {
  item: ReconciliationItem;
  onCancel: () => void;
  onDone: () => void;
}

/** One queued decision: its heading (focused on opening), the evidence on one side, the readings and the form on the other. */
function AdjudicationWorkspace(props: ItemProps) {
  const id = useId();
  const { item } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The workspace's top at the top of the screen (the evidence's frame is the viewport's height), its heading focused.
  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="coord-adj-frame" data-testid="adjudication-workspace">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="coord-subheading">
        {s.adjudication.itemHeading(item.earnerName, item.achievementName)}
      </h3>
      <div className="coord-adj-workspace">
        <AdjudicationEvidence submissionId={item.submissionId} earnerName={item.earnerName} />
        <AdjudicationForm {...props} titleId={`${id}-title`} />
      </div>
    </div>
  );
}

function AdjudicationForm({ item, onCancel, onDone, titleId }: ItemProps & { titleId: string }) {
  const id = useId();
  const a = s.adjudication;
  const decisionName = t.review.decision.name;
  const [levels, setLevels] = useState<Record<string, string>>({});
  const [decision, setDecision] = useState<Decision | null>(null);
  const [reasons, setReasons] = useState('');
  const [adjudicator, setAdjudicator] = useState('');
  const { busy, failure, run } = useAct();
  const [tried, setTried] = useState(false);

  const levelsMissing = item.criteria.some((c) => !levels[c.criterionId]);
  const problems = [
    levelsMissing ? a.missingLevels : null,
    decision === null ? a.decisionLegend : null,
    reasons.trim() === '' ? a.missingReasons : null,
    adjudicator.trim() === '' ? a.missingName : null,
  ].filter((p): p is string => p !== null);

  const record = async () => {
    setTried(true);
    if (problems.length > 0 || decision === null) return;
    // The form closes on success (busy stays on until it has).
    await run(async () => {
      await call('coordination:adjudicate', {
        submissionId: item.submissionId,
        adjudicator: adjudicator.trim(),
        decision,
        results: item.criteria.map((c) => ({ criterionId: c.criterionId, levelId: levels[c.criterionId]! })),
        reasons: reasons.trim(),
      });
      onDone();
    }, a.recordFailed);
  };

  const levelName = (c: ReconciliationItem['criteria'][number], levelId: string) =>
    c.levels.find((l) => l.id === levelId)?.name ?? levelId;
  const comment = (reading: ReconciliationItem['first'] | null, criterionId: string) =>
    reading?.results.find((r) => r.criterionId === criterionId)?.comment?.trim() || a.noComment;

  return (
    <form
      className="coord-adjudicate"
      aria-labelledby={titleId}
      data-testid="adjudication-form"
      onSubmit={(e) => {
        e.preventDefault();
        void record();
      }}
    >
      <ul className="coord-reasons">
        {item.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      <div className="coord-readings">
        {[
          { role: 'First' as const, reading: item.first },
          { role: 'Second' as const, reading: item.second },
        ].map(
          ({ role, reading }) =>
            reading && (
              <div key={role} className="qa-fact">
                <h4>{a.reader(role, reading.reader.name)}</h4>
                <p>
                  <span className={`badge badge-${reading.decision === 'pass' ? 'passed' : 'not-yet'}`}>
                    {decisionName[reading.decision]}
                  </span>
                </p>
                <p className="coord-feedback">
                  <span className="muted">{a.feedback(reading.reader.name)}: </span>
                  {reading.feedback?.trim() || a.noFeedback}
                </p>
              </div>
            ),
        )}
      </div>
      <div className="qa-table-wrap">
        <table className="qa-table coord-side-by-side">
          <caption className="sr-only">{a.readingsCaption}</caption>
          <thead>
            <HeadRow
              columns={[
                { label: a.col2.criterion },
                { label: a.col2.first },
                { label: a.col2.second },
                { label: a.col2.yours },
              ]}
            />
          </thead>
          <tbody>
            {item.criteria.map((c) => (
              <tr key={c.criterionId} className={Math.abs(c.distance) > 1 ? 'is-flagged' : undefined}>
                <th scope="row">
                  {c.criterionName}
                  <span className="coord-apart">{a.apart(c.distance)}</span>
                </th>
                <td>
                  <strong>{levelName(c, c.first)}</strong>
                  <p className="qa-why">{comment(item.first, c.criterionId)}</p>
                </td>
                <td>
                  <strong>{levelName(c, c.second)}</strong>
                  <p className="qa-why">{comment(item.second, c.criterionId)}</p>
                </td>
                <td>
                  <fieldset className="coord-levels" aria-invalid={tried && !levels[c.criterionId] ? true : undefined}>
                    <legend className="sr-only">{a.levelFor(c.criterionName)}</legend>
                    {c.levels.map((l) => (
                      <label key={l.id} className="kit-check">
                        <input
                          type="radio"
                          name={`${id}-${c.criterionId}`}
                          value={l.id}
                          checked={levels[c.criterionId] === l.id}
                          onChange={() => setLevels((prev) => ({ ...prev, [c.criterionId]: l.id }))}
                        />
                        {l.name}
                      </label>
                    ))}
                  </fieldset>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ChoiceGroup<Decision>
        legend={a.decisionLegend}
        value={decision}
        onChange={setDecision}
        choices={[
          { value: 'pass', label: decisionName.pass },
          { value: 'not-yet', label: decisionName['not-yet'] },
        ]}
      />
      <Field label={a.reasons} hint={a.reasonsHint} error={tried && reasons.trim() === '' ? a.missingReasons : null}>
        {(control) => (
          <textarea
            {...control}
            className="input kit-input coord-textarea"
            rows={4}
            maxLength={20_000}
            value={reasons}
            onChange={(e) => setReasons(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={a.adjudicator}
        hint={a.adjudicatorHint}
        error={tried && adjudicator.trim() === '' ? a.missingName : null}
      >
        {(control) => (
          <input
            {...control}
            className="input kit-input"
            autoComplete="name"
            maxLength={300}
            value={adjudicator}
            onChange={(e) => setAdjudicator(e.target.value)}
          />
        )}
      </Field>
      <Alert>{tried && problems.join(' ')}</Alert>
      <Alert>{failure}</Alert>
      <div className="kit-actions">
        <button type="button" className="button" onClick={onCancel}>
          {a.cancel}
        </button>
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {busy ? a.recording : a.record}
        </button>
      </div>
    </form>
  );
}
