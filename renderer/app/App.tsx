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
import { AwardsScreen } from '../awards/AwardsScreen.js';
import { LibraryScreen } from '../library/LibraryScreen.js';
import { SettingsScreen } from '../settings/SettingsScreen.js';
import { useAppearance } from '../settings/useAppearance.js';
import { t } from '../strings/en.js';
import { useLatest } from '../ui/useLatest.js';
import { AboutDialog } from './AboutDialog.js';
import { Nav } from './Nav.js';
import type { Screen } from './screens.js';

type AppInfo = ChannelOutput<'app:info'>;

export function App() {
  useAppearance();
  const [screen, setScreen] = useState<Screen>('queue');
  const [submissionId, setSubmissionId] = useState<string | null>(null);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const mainRef = useRef<HTMLElement>(null);
  const queueSlotRef = useRef<HTMLDivElement>(null);
  // Set when a review changed a submission's status; the queue reloads when it is shown again.
  const queueStale = useRef(false);

  const importer = useImport(() => {
    setReloadKey((k) => k + 1);
    setScreen('queue');
  });
  const importerRef = useLatest(importer);

  useEffect(() => {
    call('app:info')
      .then(setInfo)
      .catch(() => setInfo(null));
  }, [reloadKey]);

  useEffect(
    () =>
      onEvent('menu:command', (command) => {
        if (command === 'import') importerRef.current.choose();
        else setAboutOpen(true);
      }),
    [importerRef],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        // Not behind an open dialog: the assessor should deal with what it says first.
        if (document.querySelector('dialog[open]')) return;
        importerRef.current.choose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [importerRef]);

  const dragging = useFileDrop(
    (file) => importer.importDropped(file),
    !importer.busy && !aboutOpen && importer.state.kind !== 'failed',
  );

  const navigate = useCallback((next: Screen) => {
    if (next === 'queue' && queueStale.current) {
      queueStale.current = false;
      setReloadKey((k) => k + 1);
    }
    setScreen(next);
  }, []);
  const openSubmission = useCallback((item: QueueItem) => {
    setSubmissionId(item.id);
    setScreen('review');
    // The grid that had focus is now hidden; hand focus to the new screen.
    requestAnimationFrame(() => mainRef.current?.focus());
  }, []);
  const openById = useCallback((id: string) => {
    setSubmissionId(id);
    requestAnimationFrame(() => mainRef.current?.focus());
  }, []);
  const focusQueue = useRef(false);
  const backToQueue = useCallback(() => {
    focusQueue.current = true;
    navigate('queue');
  }, [navigate]);
  // Back where the assessor left the queue: its grid, on the row that was open. After the commit that
  // shows the queue again (a hidden grid cannot take focus).
  useEffect(() => {
    if (screen !== 'queue' || !focusQueue.current) return;
    focusQueue.current = false;
    (queueSlotRef.current?.querySelector<HTMLElement>('[role="grid"]') ?? mainRef.current)?.focus();
  }, [screen]);
  const reviewChanged = useCallback(() => {
    queueStale.current = true;
  }, []);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t.app.skipToMain}
      </a>
      <Nav current={screen} onNavigate={navigate} onAbout={() => setAboutOpen(true)} />
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
          />
        </div>
        {/* The review stays mounted while another screen shows, so nothing typed is lost on the way. */}
        {(screen === 'review' || submissionId !== null) && (
          <div className="screen-slot" hidden={screen !== 'review'}>
            <ReviewScreen
              submissionId={submissionId}
              active={screen === 'review'}
              onBack={backToQueue}
              onOpen={openById}
              onChanged={reviewChanged}
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
    </div>
  );
}
