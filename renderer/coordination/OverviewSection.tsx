// The panel at a glance: the flags in sentences, every assessor's decisions, not-yet rate, agreement and
// throughput with their flags as words, and agreement per assessor × criterion (n, exact, QWK, mean deviation),
// whose rows the main process pages (coordination:measures).
// A flag is always written out; the row's tint only repeats it.
import { useId, useMemo, useState } from 'react';
import type { AssessorCriterionMeasure, MeasuresOf, ScreenOverview } from '../../shared/coordination/types.js';
import { call, errorMessage } from '../api.js';
import { Alert } from '../ui/Alert.js';
import { useLoad } from '../ui/useLoad.js';
import { coordination as s } from '../strings/en.js';
import { decimal, levelsSigned } from '../strings/coordination.js';
import { percent } from '../strings/quality.js';
import { Icon } from '../ui/Icon.js';
import { criterionNamer, flagLabel, flagsByAssessor, kappaText } from './overview-data.js';
import { ROW_STEP, useFetchedRows, useRowLimit } from './useRowLimit.js';
import { HeadRow } from './HeadRow.js';

/** Past this many assessors the assessor × criterion table opens on the flagged ones. */
const LARGE_PANEL = 20;
const NO_MEASURES: AssessorCriterionMeasure[] = [];
/** The filter's value for "the flagged assessors" (no assessor id is empty or has a NUL). */
const FLAGGED = '\u0000flagged';

export function OverviewSection({ overview }: { overview: ScreenOverview }) {
  const id = useId();
  const name = useMemo(() => criterionNamer(overview), [overview]);
  const flags = useMemo(() => flagsByAssessor(overview.flags), [overview.flags]);
  const flaggedIds = new Set(overview.flags.map((f) => f.assessorId));
  // A large panel's assessor × criterion table opens on the flagged assessors (said under the choice); a small one on all.
  const [only, setOnly] = useState(() =>
    overview.assessors.length > LARGE_PANEL && flaggedIds.size > 0 ? FLAGGED : '',
  );
  const names = new Map(overview.assessors.map((a) => [a.assessor.id, a.assessor.name]));
  const t = overview.thresholds;
  const c = s.overview.col;
  const of: MeasuresOf = only === FLAGGED ? 'flagged' : only ? { assessorId: only } : 'all';
  // The rows are asked for a page at a time (8,400 at 300 assessors); kept while another choice loads.
  const firstMeasures = useLoad(
    () => call('coordination:measures', { of, offset: 0, limit: ROW_STEP }),
    [only, overview],
  );
  const measureRows = useFetchedRows(
    firstMeasures.data?.rows ?? NO_MEASURES,
    firstMeasures.data?.total ?? 0,
    (offset, limit) => call('coordination:measures', { of, offset, limit }).then((page) => page.rows),
  );
  const flagRows = useRowLimit(overview.flags);
  const cellFlags = (assessorId: string, achievementId?: string, criterionId?: string) =>
    (flags.get(assessorId) ?? []).filter((f) =>
      criterionId === undefined
        ? f.criterionId === undefined
        : f.achievementId === achievementId && f.criterionId === criterionId,
    );
  return (
    <section className="coord-section" aria-labelledby="coord-overview">
      <h2 id="coord-overview" className="coord-heading">
        {s.overview.heading}
      </h2>

      <div className="coord-flags" data-testid="coordination-flags">
        <h3 className="coord-subheading">{s.flags.heading}</h3>
        {overview.flags.length === 0 ? (
          <p className="muted">{s.flags.none}</p>
        ) : (
          <ul className="coord-flag-list">
            {flagRows.shown.map((f, i) => (
              <li key={i} className="coord-flag" data-assessor={f.assessorId} data-flag={f.kind}>
                <Icon name="alert" size={15} />
                <span>
                  <strong>{names.get(f.assessorId) ?? f.assessorId}</strong>
                  {` · ${flagLabel(f, name)}: `}
                  {f.sentence}
                </span>
              </li>
            ))}
          </ul>
        )}
        {flagRows.more}
        <p className="coord-note muted">
          {s.flags.thresholds(t.minQwk, t.minExactAgreement, t.minExactFrom, t.notYetSd, t.maxDeviation, t.window)}
        </p>
      </div>

      <div className="qa-table-wrap">
        <table className="qa-table coord-table" data-testid="coordination-assessors">
          <caption className="qa-caption">{s.overview.assessorsCaption}</caption>
          <thead>
            <HeadRow
              columns={[
                { label: c.assessor },
                ...[c.decisions, c.notYet, c.n, c.exact, c.deviation, c.perDay, c.minutes, c.byDue].map((label) => ({
                  label,
                  num: true,
                })),
                { label: c.flags },
              ]}
            />
          </thead>
          <tbody>
            {overview.assessors.map((a) => {
              const own = flags.get(a.assessor.id) ?? [];
              const tp = a.throughput;
              return (
                <tr
                  key={a.assessor.id}
                  className={own.length > 0 ? 'is-flagged' : undefined}
                  data-assessor={a.assessor.id}
                >
                  <th scope="row">{a.assessor.name}</th>
                  <td className="coord-num">{a.decisions.toLocaleString('en')}</td>
                  <td className="coord-num">{a.notYetRate === null ? s.overview.none : percent(a.notYetRate)}</td>
                  <td className="coord-num">{a.overall.n.toLocaleString('en')}</td>
                  <td className="coord-num">{a.overall.n > 0 ? percent(a.overall.exact) : s.overview.none}</td>
                  <td className="coord-num">
                    {a.overall.n > 0
                      ? `${levelsSigned(a.overall.signedDeviation)} (${s.overview.lean(a.overall.signedDeviation)})`
                      : s.overview.none}
                  </td>
                  <td className="coord-num">
                    {tp.reviewsPerDay === null ? s.overview.none : decimal(tp.reviewsPerDay, 1)}
                  </td>
                  <td className="coord-num">
                    {tp.medianActiveMinutes === null ? s.overview.none : decimal(tp.medianActiveMinutes, 1)}
                  </td>
                  <td className="coord-num">
                    {tp.shareByDueDate === null ? s.overview.none : percent(tp.shareByDueDate)}
                  </td>
                  <td>
                    <FlagWords list={own.map((f) => flagLabel(f, name))} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="coord-filter">
        <label htmlFor={`${id}-only`} className="kit-label">
          {s.overview.filterLabel}
        </label>
        <select id={`${id}-only`} className="input select" value={only} onChange={(e) => setOnly(e.target.value)}>
          <option value="">{s.overview.allAssessors}</option>
          {flaggedIds.size > 0 && <option value={FLAGGED}>{s.overview.flaggedAssessors(flaggedIds.size)}</option>}
          {overview.assessors.map((a) => (
            <option key={a.assessor.id} value={a.assessor.id}>
              {a.assessor.name}
            </option>
          ))}
        </select>
        {only === FLAGGED && (
          <p className="muted small">{s.overview.showingFlagged(flaggedIds.size, overview.assessors.length)}</p>
        )}
      </div>
      {firstMeasures.error ? <Alert>{errorMessage(firstMeasures.error, s.overview.measuresFailed)}</Alert> : null}
      <div className="qa-table-wrap" aria-busy={firstMeasures.loading || undefined}>
        <table className="qa-table coord-table" data-testid="coordination-criteria">
          <caption className="qa-caption">{s.overview.criteriaCaption}</caption>
          <thead>
            <HeadRow
              columns={[
                { label: c.assessor },
                { label: c.criterion },
                ...[c.n, c.exact, c.qwk, c.deviation].map((label) => ({ label, num: true })),
                { label: c.flags },
              ]}
            />
          </thead>
          <tbody>
            {measureRows.shown.map((m) => {
              const own = cellFlags(m.assessorId, m.achievementId, m.criterionId);
              return (
                <tr
                  key={`${m.assessorId}\u0000${m.achievementId}\u0000${m.criterionId}`}
                  className={own.length > 0 ? 'is-flagged' : undefined}
                >
                  <th scope="row">{names.get(m.assessorId) ?? m.assessorId}</th>
                  <td>{name(m.achievementId, m.criterionId)}</td>
                  <td className="coord-num">{m.n.toLocaleString('en')}</td>
                  <td className="coord-num">{m.n > 0 ? percent(m.exact) : s.overview.none}</td>
                  <td className="coord-num">{kappaText(m.qwk)}</td>
                  <td className="coord-num">{m.n > 0 ? levelsSigned(m.signedDeviation) : s.overview.none}</td>
                  <td>
                    <FlagWords list={own.map((f) => s.flags.kind[f.kind])} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {measureRows.more}
      </div>
    </section>
  );
}

function FlagWords({ list }: { list: string[] }) {
  if (list.length === 0) return <span className="muted">{s.overview.noFlags}</span>;
  return (
    <ul className="coord-flag-words">
      {list.map((w, i) => (
        <li key={i} className="kit-badge kit-badge-bad">
          {w}
        </li>
      ))}
    </ul>
  );
}
