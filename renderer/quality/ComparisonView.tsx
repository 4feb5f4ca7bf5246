// A submitted review beside its reference, criterion by criterion: one view for a calibration sample (the
// definitive score and its rationale), a seed (the same, said to be a seed only now) and a second reading (the
// first reader's levels, comments, decision and feedback, shown only now).
import { useId, type ReactNode, type Ref } from 'react';
import type { AgreementSummary, Comparison } from '../../shared/domain/quality.js';
import { absoluteDateTime } from '../queue/dates.js';
import { quality, t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';
import { percent } from '../strings/quality.js';

export interface ComparisonViewProps {
  comparison: Comparison;
  /** Takes focus when the comparison appears after submitting. */
  focusRef?: Ref<HTMLElement>;
  /** Ways on (calibration: next sample, back to the Calibration screen). */
  actions?: ReactNode;
}

export function ComparisonView({ comparison: c, focusRef, actions }: ComparisonViewProps) {
  const id = useId();
  const s = quality.comparison;
  const decision = t.review.decision.name;
  const definitive = c.kind !== 'second-reading';
  return (
    <section
      ref={focusRef}
      className={`qa-comparison qa-${c.kind}`}
      aria-labelledby={`${id}-title`}
      // A tab stop of its own: after submitting, the rubric around it is read-only, and focus here lets the
      // keyboard scroll the pane to read it all.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- focusable content of a scroll container keyboard users must reach (axe scrollable-region-focusable)
      tabIndex={0}
      data-testid="comparison"
    >
      <h2 id={`${id}-title`} className="qa-comparison-title">
        <Icon name={c.kind === 'seed' ? 'info' : 'review'} size={16} />
        {s.title[c.kind]}
      </h2>
      {c.kind === 'seed' && <p className="qa-lead">{s.seedBody}</p>}
      {c.kind === 'second-reading' && (
        <div className="qa-first">
          <p className="qa-lead">{s.secondBody(c.referenceLabel)}</p>
          <p>
            {c.referenceReviewedAt
              ? s.firstDecided(c.referenceLabel, decision[c.referenceDecision], absoluteDateTime(c.referenceReviewedAt))
              : `${s.firstReader}: ${c.referenceLabel} · ${decision[c.referenceDecision]}`}
          </p>
          <h3 className="qa-subtitle">{s.firstFeedback}</h3>
          <blockquote className="qa-quote">
            {c.referenceFeedback?.trim() ? c.referenceFeedback : s.noFeedback}
          </blockquote>
        </div>
      )}

      <div className="qa-table-wrap">
        <table className="qa-table qa-criteria">
          <caption className="sr-only">{s.caption(definitive ? s.definitive : s.theirs(c.referenceLabel))}</caption>
          <thead>
            <tr>
              <th scope="col">{s.col.criterion}</th>
              <th scope="col">{s.col.own}</th>
              <th scope="col">{definitive ? s.col.reference[c.kind] : s.theirs(c.referenceLabel)}</th>
              <th scope="col">{s.col.distance}</th>
            </tr>
          </thead>
          <tbody>
            {c.criteria.map((row) => {
              const why = definitive ? row.rationale : row.referenceComment;
              return (
                <tr key={row.criterionId} className={row.distance === 0 ? 'is-same' : 'is-apart'}>
                  <th scope="row">{row.criterionName}</th>
                  <td>
                    <LevelText level={row.own} />
                  </td>
                  <td>
                    <LevelText level={row.reference} />
                    <p className="qa-why">
                      <span className="qa-why-label">{s.col.why[c.kind]}: </span>
                      {why?.trim() ? why : s.noComment}
                    </p>
                  </td>
                  <td className={`qa-distance ${distanceClass(row.distance)}`}>{s.distance(row.distance)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div role="group" aria-label={s.decisionsLabel}>
        <dl className="qa-decisions">
          <div>
            <dt>{s.ownDecision}</dt>
            <dd>
              <span className={`badge badge-${c.ownDecision === 'pass' ? 'passed' : 'not-yet'}`}>
                {decision[c.ownDecision]}
              </span>
            </dd>
          </div>
          <div>
            <dt>{definitive ? s.referenceDecision[c.kind] : s.referenceDecision['second-reading']}</dt>
            <dd>
              <span className={`badge badge-${c.referenceDecision === 'pass' ? 'passed' : 'not-yet'}`}>
                {decision[c.referenceDecision]}
              </span>
            </dd>
          </div>
        </dl>
      </div>

      <AgreementTable kind={c.kind} review={c.agreement} soFar={c.soFar} />
      {actions && <div className="qa-actions">{actions}</div>}
    </section>
  );
}

function LevelText({ level }: { level: Comparison['criteria'][number]['own'] }) {
  return (
    <span className="qa-level">
      <strong>{level.name}</strong> <span className="muted">{t.review.rubric.points(level.points)}</span>
    </span>
  );
}

function distanceClass(d: number): string {
  if (d === 0) return 'is-same';
  return Math.abs(d) === 1 ? 'is-adjacent' : 'is-far';
}

/** The measures for this review and for everything so far, as rows of a table a screen reader can walk. */
export function AgreementTable({
  kind,
  review,
  soFar,
}: {
  kind: Comparison['kind'];
  review: AgreementSummary | null;
  soFar: AgreementSummary | null;
}) {
  const s = quality.comparison;
  const columns = [review ? s.thisReview : null, soFar ? s.soFar[kind] : null];
  const cells = (f: (a: AgreementSummary) => string) => [review, soFar].map((a) => (a ? f(a) : null));
  const rows: [string, (string | null)[]][] = [
    [s.exact, cells((a) => s.ofCriteria(percent(a.exact), Math.round(a.exact * a.n), a.n))],
    [s.adjacent, cells((a) => s.ofCriteria(percent(a.adjacent), Math.round(a.adjacent * a.n), a.n))],
    [s.nonAdjacent, cells((a) => s.ofCriteria(percent(a.nonAdjacent), a.nonAdjacentCount, a.n))],
    [s.lean, cells((a) => (a.n > 0 ? quality.lean(a.signedDeviation) : s.nothing))],
    [s.decisions, cells((a) => (a.decisions > 0 ? s.ofReviews(percent(a.decisionAgreement), a.decisions) : s.nothing))],
  ];
  return (
    <div className="qa-table-wrap">
      <table className="qa-table qa-measures">
        <caption className="qa-caption">{s.agreementCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{s.measure}</th>
            {columns.map(
              (label, i) =>
                label && (
                  <th key={i} scope="col">
                    {label}
                  </th>
                ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, values]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {values.map((v, i) => v !== null && <td key={i}>{v}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
