// The Coordination screen: the coordinator opens the round's review package and the panel's signed results
// packages (each verified first, a refusal named with its reason), reads the charts, the flags and the assessor ×
// criterion table, draws a sample for second reading, exports it per reader, opens the readings that come
// back, adjudicates the splits beside both readings, and exports the one final signed package.
import { useState } from 'react';
import type { OpenResult } from '../../shared/coordination/types.js';
import { ApiError, call, dropFiles, errorMessage } from '../api.js';
import { DropOverlay } from '../import/DropOverlay.js';
import { useFileDrop } from '../import/useFileDrop.js';
import { coordination as s } from '../strings/en.js';
import { StopButton } from '../ui/StopButton.js';
import { BatchProgress } from '../awards/BatchProgress.js';
import { ActionButton } from '../ui/ActionButton.js';
import { Alert } from '../ui/Alert.js';
import { EmptyState } from '../ui/EmptyState.js';
import { Icon } from '../ui/Icon.js';
import { ScreenHead } from '../ui/ScreenHead.js';
import { useAct } from '../ui/useAct.js';
import { useLoad } from '../ui/useLoad.js';
import { AdjudicationSection } from './AdjudicationSection.js';
import { ChartsSection } from './ChartsSection.js';
import { FinalSection } from './FinalSection.js';
import { OverviewSection } from './OverviewSection.js';
import { PackagesSection } from './PackagesSection.js';
import { SecondReadingSection } from './SecondReadingSection.js';
import type { SaveChart } from './charts/ChartFigure.js';
import '../ui/kit.css';
import '../quality/quality.css';
import './coordination.css';

/** Writes a chart's PNG or CSV where the person chooses (the save dialog of that format). */
const saveChart: SaveChart = async (format, bytes, suggestedName) => {
  const chosen = await call('dialog:choose', {
    purpose: format === 'png' ? 'chart-png' : 'chart-csv',
    suggestedName,
  });
  if (!chosen) return null;
  await call('charts:save', { token: chosen.token, format, bytes });
  return chosen.name;
};

export function CoordinationView() {
  const overview = useLoad(() => call('coordination:overview'), []);
  const { busy: opening, failure: openFailure, run } = useAct({ again: true });
  const [lastOpen, setLastOpen] = useState<OpenResult | null>(null);
  // How many packages the opening under way was given (its progress bar's length until main reports); null when
  // none is under way (the system dialog may still be choosing).
  const [openingCount, setOpeningCount] = useState<number | null>(null);
  // Bumped when a change elsewhere on the screen (readings opened, a decision adjudicated) changes what the
  // sections below show, so each asks again.
  const [changes, setChanges] = useState(0);
  const changed = () => {
    setChanges((n) => n + 1);
    overview.reload();
  };
  const openTokens = async (tokens: string[]) => {
    // What the last opening said goes: this one's outcome (or failure) replaces it.
    setLastOpen(null);
    setOpeningCount(tokens.length);
    try {
      const result = await call('coordination:open', { tokens });
      setLastOpen(result);
      if (result.refused.length === 0) changed();
    } finally {
      setOpeningCount(null);
    }
  };

  const openPackage = () =>
    run(async () => {
      const chosen = await call('dialog:choose', { purpose: 'coordination-package' });
      if (!chosen) return;
      await openTokens([chosen.token]);
    }, s.openFailed);

  // Packages dropped on the window (several at once: the round's review package and a panel's results packages),
  // opened together as if chosen one by one; main asks before using what was dropped.
  const openDropped = (files: File[]) =>
    void run(async () => {
      const dropped = await dropFiles(files, 'coordination-package');
      if (!dropped.files.length) {
        if (dropped.withoutPath > 0) throw new ApiError('no-path', s.drop.noPath);
        return;
      }
      await openTokens(dropped.files.map((f) => f.token));
    }, s.openFailed);
  const dragging = useFileDrop(openDropped, !opening);

  const data = overview.data;
  return (
    <section className="screen coord-screen" aria-labelledby="coordination-title" aria-busy={overview.loading && !data}>
      <ScreenHead
        titleId="coordination-title"
        title={s.title}
        subtitle={s.subtitle}
        actions={
          <>
            <ActionButton icon="folder" primary blocked={opening} onClick={() => void openPackage()}>
              {opening ? s.opening : s.open}
            </ActionButton>
            {openingCount !== null && <StopButton kind="coordination-open" label={s.stopOpening} />}
          </>
        }
      />
      {dragging && <DropOverlay title={s.drop.overlay} hint={s.drop.hint} />}
      {openingCount !== null && (
        <BatchProgress total={openingCount} words={s.openProgress} event="coordination:progress" />
      )}
      <OpenOutcome result={lastOpen} failure={openFailure} />
      {!data && overview.error ? (
        <div className="inline-error" role="alert">
          <Icon name="alert" size={16} />
          <span>{errorMessage(overview.error, s.loadFailed)}</span>
          <button type="button" className="button" onClick={overview.reload}>
            {s.retry}
          </button>
        </div>
      ) : !data ? (
        overview.loading ? (
          <p className="muted" role="status">
            {s.loading}
          </p>
        ) : (
          <EmptyState icon="coordination" title={s.empty.title}>
            <p>{s.empty.body}</p>
          </EmptyState>
        )
      ) : (
        <div className="coord-body">
          <PackagesSection overview={data} />
          {/* The charts before the tables: a panel of 300 makes the tables tens of thousands of pixels long. */}
          <ChartsSection overview={data} onSave={saveChart} />
          <OverviewSection overview={data} />
          <SecondReadingSection overview={data} changes={changes} onChanged={changed} />
          <AdjudicationSection changes={changes} onChanged={changed} />
          <FinalSection overview={data} />
        </div>
      )}
    </section>
  );
}

/** What the last "Open a package…" did: every refusal by name and reason (an alert), or what was opened (a status). */
function OpenOutcome({ result, failure }: { result: OpenResult | null; failure: string | null }) {
  const refused = result && result.refused.length > 0 ? result.refused : null;
  const opened = result && !refused ? [...result.reviewPackages, ...result.opened].map((p) => p.label) : [];
  const already = result && !refused ? result.alreadyOpen.map((a) => s.packages.alreadyOpen(a.label, a.reason)) : [];
  const said = [opened.length > 0 ? s.packages.opened(opened) : '', ...already].filter(Boolean).join(' ');
  return (
    <>
      <Alert>{failure}</Alert>
      {refused && (
        <div className="coord-refused" role="alert" data-testid="coordination-refused">
          <h2 className="coord-refused-title">
            <Icon name="ban" size={16} />
            {s.packages.refusedHeading}
          </h2>
          <ul>
            {refused.map((r, i) => (
              <li key={i}>{s.packages.refused(r.label, r.reason)}</li>
            ))}
          </ul>
          <p>{s.packages.nothingOpened}</p>
        </div>
      )}
      {/* Always present, so what it says is announced. */}
      <p className={said ? 'coord-opened' : 'sr-only'} role="status">
        {opened.length > 0 && <Icon name="shieldCheck" size={16} />}
        {said}
      </p>
    </>
  );
}
