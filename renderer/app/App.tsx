// The frame: navigation, the current screen, imports from any source, the About dialog and menu events.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueueItem } from '../../shared/domain/queue.js';
import type { ChannelOutput } from '../../shared/ipc/contract.js';
import { call, onEvent } from '../api.js';
import { DropOverlay } from '../import/DropOverlay.js';
import { ImportErrorDialog } from '../import/ImportErrorDialog.js';
import { ImportStatus } from '../import/ImportStatus.js';
import { useFileDrop } from '../import/useFileDrop.js';
import { useImport } from '../import/useImport.js';
import { QueueScreen } from '../queue/QueueScreen.js';
import { ReviewScreen } from '../review/ReviewScreen.js';
import { FOCUS_QUEUE_KEY, GLOBAL_SHORTCUTS, QUEUE_SHORTCUTS, ShortcutSheet } from '../review/ShortcutSheet.js';
import { isTyping } from '../review/useReviewKeys.js';
import { AwardsScreen } from '../awards/AwardsScreen.js';
import { LibraryScreen } from '../library/LibraryScreen.js';
import { CalibrationScreen } from '../quality/CalibrationScreen.js';
import { CoordinationScreen } from '../coordination/CoordinationScreen.js';
import { practiceContext } from '../quality/practice.js';
import { useLoad } from '../ui/useLoad.js';
import { SettingsScreen } from '../settings/SettingsScreen.js';
import { useAppearance } from '../settings/useAppearance.js';
import { quality, t } from '../strings/en.js';
import { useLatest } from '../ui/useLatest.js';
import { usePersistentFlag } from '../ui/usePersistentFlag.js';
import { AboutDialog } from './AboutDialog.js';
import { Nav } from './Nav.js';
import type { Screen } from './screens.js';

type AppInfo = ChannelOutput<'app:info'>;

export function App() {
  useAppearance();
  const [screen, setScreen] = useState<Screen>('queue');
  const [submissionId, setSubmissionId] = useState<string | null>(null);
  // Where the open review was opened from: the queue, or the Calibration screen (back goes there).
  const [origin, setOrigin] = useState<'queue' | 'calibration'>('queue');
  // Bumped to open a calibration sample afresh (after "Practice again" its review starts over).
  const [practiceOpen, setPracticeOpen] = useState(0);
  const [gateKey, setGateKey] = useState(0);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const [singleKeys, setSingleKeys] = usePersistentFlag('assay.review.singleKeys', true);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const mainRef = useRef<HTMLElement>(null);
  const queueSlotRef = useRef<HTMLDivElement>(null);
  // Set when a review changed a submission's status; the queue reloads when it is shown again.
  const queueStale = useRef(false);
  // Set when a review changed; calibration (samples' states, agreement) is asked again when next needed.
  const gateStale = useRef(false);

  // Set on start and after an import: the app opens on calibration while it keeps the queue closed.
  const routeToCalibration = useRef(true);
  const importer = useImport(() => {
    setReloadKey((k) => k + 1);
    routeToCalibration.current = true;
    setScreen('queue');
  });
  const importerRef = useLatest(importer);

  useEffect(() => {
    call('app:info')
      .then(setInfo)
      .catch(() => setInfo(null));
  }, [reloadKey]);

  // Calibration per package and whether the live queue is open (quality-assurance.md). On start and after an
  // import, the app opens on calibration while it keeps the queue closed.
  const gate = useLoad(async () => {
    const answer = await call('quality:gate');
    if (routeToCalibration.current) {
      routeToCalibration.current = false;
      if (!answer.queueOpen && answer.calibrations.length > 0) setScreen((s) => (s === 'queue' ? 'calibration' : s));
    }
    return answer;
  }, [reloadKey, gateKey]);
  const calibrations = gate.data?.calibrations ?? [];
  // What keeps the queue closed: each unmet required calibration's missing sentence (named when several).
  const unmet = calibrations.filter((c) => c.required && c.metAt === null && c.missing !== null);
  const closed =
    gate.data && !gate.data.queueOpen
      ? unmet
          .map((c) => (unmet.length > 1 ? quality.closed.forPackage(c.packageId, c.missing!) : c.missing!))
          .join(' ') || quality.closed.body
      : null;

  useEffect(
    () =>
      onEvent('menu:command', (command) => {
        if (command === 'import') importerRef.current.choose();
        else setAboutOpen(true);
      }),
    [importerRef],
  );

  // On the Coordination screen a drop opens packages there (CoordinationView), not an import.
  const dragging = useFileDrop(
    (files) => importer.importDropped(files[0]!),
    !importer.busy && !aboutOpen && importer.state.kind !== 'failed' && screen !== 'coordination',
  );

  const navigate = useCallback((next: Screen) => {
    if (next === 'queue' && queueStale.current) {
      queueStale.current = false;
      setReloadKey((k) => k + 1);
    }
    // A review may have changed calibration (a sample submitted): the gate is asked again.
    if ((next === 'queue' || next === 'calibration') && gateStale.current) {
      gateStale.current = false;
      setGateKey((k) => k + 1);
    }
    setScreen(next);
  }, []);
  const openSubmission = useCallback((item: QueueItem) => {
    setSubmissionId(item.id);
    setOrigin('queue');
    setScreen('review');
    // The grid that had focus is now hidden; hand focus to the new screen.
    requestAnimationFrame(() => mainRef.current?.focus());
  }, []);
  const openById = useCallback((id: string) => {
    // Moving on from a submitted calibration sample: the samples' states are asked again.
    if (gateStale.current) {
      gateStale.current = false;
      setGateKey((k) => k + 1);
    }
    setSubmissionId(id);
    requestAnimationFrame(() => mainRef.current?.focus());
  }, []);
  const openSample = useCallback((id: string) => {
    setSubmissionId(id);
    setOrigin('calibration');
    setPracticeOpen((n) => n + 1);
    setScreen('review');
    requestAnimationFrame(() => mainRef.current?.focus());
  }, []);
  const focusQueue = useRef(false);
  const focusGrid = () =>
    (queueSlotRef.current?.querySelector<HTMLElement>('[role="grid"]') ?? mainRef.current)?.focus();
  const backToQueue = useCallback(() => {
    focusQueue.current = true;
    navigate('queue');
  }, [navigate]);
  // Back where the assessor left the queue: its grid, on the row that was open. After the commit that
  // shows the queue again (a hidden grid cannot take focus).
  useEffect(() => {
    if (screen !== 'queue' || !focusQueue.current) return;
    focusQueue.current = false;
    focusGrid();
  });
  /** The queue's grid takes focus: at once when the queue is in view, else once it is shown. */
  const goToGrid = () => {
    if (screen === 'queue') {
      focusGrid();
      return;
    }
    focusQueue.current = true;
    navigate('queue');
  };
  const keys = useLatest({ goToGrid, screen, singleKeys });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const mod = e.ctrlKey || e.metaKey;
      // Not behind an open dialog: the assessor should deal with what it says first.
      const dialogOpen = document.querySelector('dialog[open]') !== null;
      if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        if (!dialogOpen) importerRef.current.choose();
        return;
      }
      if (dialogOpen) return;
      if (e.altKey && !mod && !e.shiftKey && e.code === FOCUS_QUEUE_KEY.code) {
        e.preventDefault();
        keys.current.goToGrid();
        return;
      }
      // The review workspace lists its own shortcuts on ?; every other screen lists these.
      if (
        e.key === '?' &&
        !mod &&
        !e.altKey &&
        keys.current.singleKeys &&
        keys.current.screen !== 'review' &&
        !isTyping(e.target)
      ) {
        e.preventDefault();
        setSheetOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [importerRef, keys]);

  const reviewChanged = useCallback(() => {
    queueStale.current = true;
    gateStale.current = true;
  }, []);
  const toCalibration = useCallback(() => navigate('calibration'), [navigate]);
  const practice = origin === 'calibration' && submissionId ? practiceContext(gate.data, submissionId) : null;

  return (
    <div className="app">
      {/* The first two stops of the page: straight to the queue's list, or to whatever screen is open. */}
      <a
        className="skip-link"
        href="#main"
        aria-keyshortcuts={FOCUS_QUEUE_KEY.aria}
        onClick={(e) => {
          e.preventDefault();
          goToGrid();
        }}
      >
        {t.app.skipToQueue}
      </a>
      <a className="skip-link" href="#main">
        {t.app.skipToMain}
      </a>
      <Nav
        current={screen}
        onNavigate={navigate}
        onAbout={() => setAboutOpen(true)}
        hidden={calibrations.length > 0 ? [] : ['calibration']}
      />
      <main id="main" ref={mainRef} className="main" tabIndex={-1}>
        <ImportStatus state={importer.state} onDismiss={importer.dismiss} />
        <div ref={queueSlotRef} className="screen-slot" hidden={screen !== 'queue'}>
          <QueueScreen
            reloadKey={reloadKey}
            firstRun={info?.firstRun ?? false}
            busy={importer.busy}
            onOpen={openSubmission}
            onImport={importer.choose}
            onSample={importer.sample}
            closed={closed}
            onCalibration={toCalibration}
          />
        </div>
        {screen === 'calibration' && (
          <div className="screen-slot">
            <CalibrationScreen
              gate={gate.data}
              loading={gate.loading}
              error={gate.error}
              onReload={gate.reload}
              onOpenSample={openSample}
              onQueue={() => navigate('queue')}
            />
          </div>
        )}
        {/* The review stays mounted while another screen shows, so nothing typed is lost on the way. */}
        {(screen === 'review' || submissionId !== null) && (
          <div className="screen-slot" hidden={screen !== 'review'}>
            <ReviewScreen
              key={origin === 'calibration' ? `practice-${practiceOpen}` : 'queue'}
              submissionId={submissionId}
              active={screen === 'review'}
              onBack={origin === 'calibration' ? toCalibration : backToQueue}
              onOpen={openById}
              onChanged={reviewChanged}
              practice={practice}
              onCalibration={toCalibration}
            />
          </div>
        )}
        {screen === 'awards' && (
          <div className="screen-slot">
            <AwardsScreen onSettings={() => navigate('settings')} />
          </div>
        )}
        {screen === 'library' && (
          <div className="screen-slot">
            <LibraryScreen onQueueChanged={reviewChanged} onQueue={() => navigate('queue')} />
          </div>
        )}
        {screen === 'coordination' && (
          <div className="screen-slot">
            <CoordinationScreen />
          </div>
        )}
        {screen === 'settings' && (
          <div className="screen-slot">
            <SettingsScreen />
          </div>
        )}
      </main>
      {dragging && <DropOverlay />}
      {importer.state.kind === 'failed' && (
        <ImportErrorDialog code={importer.state.code} message={importer.state.message} onClose={importer.dismiss} />
      )}
      {aboutOpen && <AboutDialog info={info} onClose={() => setAboutOpen(false)} />}
      {sheetOpen && (
        <ShortcutSheet
          groups={screen === 'queue' ? [GLOBAL_SHORTCUTS, QUEUE_SHORTCUTS] : [GLOBAL_SHORTCUTS]}
          singleKeys={singleKeys}
          onSingleKeys={setSingleKeys}
          onClose={() => setSheetOpen(false)}
        />
      )}
    </div>
  );
}
