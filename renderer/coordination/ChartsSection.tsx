// The three charts a coordinator would rather look at than read: the panel's exact agreement per criterion (bars
// with n, the calibration threshold drawn), drift per assessor (rolling window; deviation or exact agreement),
// or one assessor's drift per criterion, and reviews per day per assessor. Each has its sentence, its numbers as a table, and PNG and CSV exports.
import { useId, useMemo, useState } from 'react';
import { DRIFT_CHART_LINES } from '../../shared/coordination/screen-overview.js';
import type { ScreenOverview } from '../../shared/coordination/types.js';
import { call, errorMessage } from '../api.js';
import { coordination as s } from '../strings/en.js';
import { decimal, levelsSigned } from '../strings/coordination.js';
import { percent } from '../strings/quality.js';
import { BarChart } from './charts/BarChart.js';
import { ChartFigure, type SaveChart } from './charts/ChartFigure.js';
import { LineChart } from './charts/LineChart.js';
import { SERIES_SLOTS } from './charts/chart-data.js';
import { Alert } from '../ui/Alert.js';
import { useLoad } from '../ui/useLoad.js';
import {
  agreementChart,
  criterionDriftChart,
  driftChart,
  throughputChart,
  type DriftMeasure,
} from './overview-data.js';

export function ChartsSection({ overview, onSave }: { overview: ScreenOverview; onSave: SaveChart }) {
  const id = useId();
  const [measure, setMeasure] = useState<DriftMeasure>('deviation');
  const agreement = useMemo(() => agreementChart(overview), [overview]);
  // '' draws every assessor's line over all criteria; an assessor's id draws theirs per criterion.
  const [lines, setLines] = useState('');
  const chosen = overview.assessors.find((a) => a.assessor.id === lines) ?? null;
  const perCriterion = useLoad(
    () => (chosen ? call('coordination:drift', { assessorId: chosen.assessor.id }) : Promise.resolve(null)),
    [chosen?.assessor.id, overview],
  );
  // Drawn per criterion once the chosen assessor's lines are in (until then, and on a failure, every assessor's).
  const criterionLines = chosen && !perCriterion.loading && !perCriterion.error ? perCriterion.data : null;
  const drawnPerCriterion = chosen !== null && criterionLines !== null;
  const drift = useMemo(
    () =>
      chosen && criterionLines
        ? criterionDriftChart(overview, chosen.assessor.name, criterionLines, measure, SERIES_SLOTS)
        : driftChart(overview, measure, DRIFT_CHART_LINES),
    [overview, measure, chosen, criterionLines],
  );
  const throughput = useMemo(() => throughputChart(overview), [overview]);
  const threshold = overview.thresholds.minExactAgreement;
  const maxPerDay = Math.max(1, ...throughput.bars.map((b) => b.value ?? 0));
  return (
    <section className="coord-section" aria-labelledby="coord-charts">
      <h2 id="coord-charts" className="coord-heading">
        {s.charts.heading}
      </h2>
      <div className="coord-charts">
        <ChartFigure
          title={s.charts.agreement.title}
          summary={agreement.summary}
          table={agreement.table}
          onSave={onSave}
          testId="chart-agreement"
        >
          {(svg) => (
            <BarChart
              svg={svg}
              bars={agreement.bars}
              domain={[0, 1]}
              format={percent}
              valueLabel={s.charts.agreement.axis}
              threshold={{ value: threshold, label: s.charts.agreement.threshold(threshold) }}
            />
          )}
        </ChartFigure>

        <ChartFigure
          title={s.charts.drift.title}
          summary={drift.summary}
          table={drift.table}
          onSave={onSave}
          testId="chart-drift"
          controls={
            <>
              <label htmlFor={`${id}-measure`} className="kit-label">
                {s.charts.drift.measureLabel}
              </label>
              <select
                id={`${id}-measure`}
                className="input select"
                value={measure}
                onChange={(e) => setMeasure(e.target.value as DriftMeasure)}
              >
                <option value="deviation">{s.charts.drift.measures.deviation}</option>
                <option value="exact">{s.charts.drift.measures.exact}</option>
              </select>
              <label htmlFor={`${id}-lines`} className="kit-label">
                {s.charts.drift.linesLabel}
              </label>
              <select
                id={`${id}-lines`}
                className="input select"
                value={chosen ? lines : ''}
                onChange={(e) => setLines(e.target.value)}
              >
                <option value="">{s.charts.drift.everyAssessor}</option>
                {overview.assessors.map((a) => (
                  <option key={a.assessor.id} value={a.assessor.id}>
                    {s.charts.drift.perCriterion(a.assessor.name)}
                  </option>
                ))}
              </select>
              {chosen && perCriterion.loading && (
                <p className="muted small" role="status">
                  {s.charts.drift.loadingCriteria}
                </p>
              )}
              {chosen && perCriterion.error && (
                <Alert>{errorMessage(perCriterion.error, s.charts.drift.criteriaFailed)}</Alert>
              )}
              {drift.series.length < drift.total && (
                <p className="muted small">
                  {drawnPerCriterion
                    ? s.charts.drift.criteriaShownNote(drift.series.length, drift.total)
                    : s.charts.drift.shownNote(drift.series.length, drift.total)}
                </p>
              )}
            </>
          }
        >
          {(svg) => (
            <LineChart
              svg={svg}
              series={drift.series}
              atLeast={measure === 'deviation' ? [-1, 1] : [0, 1]}
              format={measure === 'deviation' ? levelsSigned : percent}
              xLabel={s.charts.drift.x}
              yLabel={s.charts.drift.measures[measure]}
              reference={
                measure === 'deviation'
                  ? { value: 0, label: s.charts.drift.zero, neutral: true }
                  : { value: threshold, label: s.charts.agreement.threshold(threshold) }
              }
            />
          )}
        </ChartFigure>

        <ChartFigure
          title={s.charts.throughput.title}
          summary={throughput.summary}
          table={throughput.table}
          onSave={onSave}
          testId="chart-throughput"
        >
          {(svg) => (
            <BarChart
              svg={svg}
              bars={throughput.bars}
              domain={[0, maxPerDay]}
              format={(v) => decimal(v, 1)}
              valueLabel={s.charts.throughput.axis}
            />
          )}
        </ChartFigure>
      </div>
    </section>
  );
}
