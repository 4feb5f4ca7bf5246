// The Library screen itself: the achievements list, and in its place the editor or the add-a-submission form.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Achievement } from '../../shared/schemas/review-package.js';
import { call, errorMessage } from '../api.js';
import { Alert } from '../ui/Alert.js';
import { Toast } from '../ui/Toast.js';
import { useToast } from '../ui/useToast.js';
import { admin } from '../strings/en.js';
import { EmptyState } from '../ui/EmptyState.js';
import { AchievementEditor, type SavedAchievement } from './editor/AchievementEditor.js';
import type { AchievementDraft } from './editor/editor-model.js';
import { ImportRubricsDialog, type RubricDraft } from './ImportRubricsDialog.js';
import { LibraryTable } from './LibraryTable.js';
import { AddSubmission } from './submission/AddSubmission.js';
import type { SubmissionDraft } from './submission/submission-model.js';
import { useLibrary, type LibrarySummary } from './useLibrary.js';
import '../ui/kit.css';
import './library.css';
import './editor.css';
import './submission.css';
import { ScreenHead } from '../ui/ScreenHead.js';
import { ActionButton } from '../ui/ActionButton.js';
import { useJob } from '../ui/useJob.js';

type View =
  | { kind: 'list' }
  | { kind: 'edit'; achievement: Achievement; isNew: boolean; draft?: AchievementDraft }
  | { kind: 'submission'; achievementId: string; draft?: SubmissionDraft };

/** The screen unmounts when another one shows; the form in progress waits here for the author to come back. */
let kept: View = { kind: 'list' };

export interface LibraryViewProps {
  onQueueChanged: () => void;
  onQueue: () => void;
}

export function LibraryView({ onQueueChanged, onQueue }: LibraryViewProps) {
  const s = admin.library;
  const library = useLibrary();
  const toast = useToast();
  const [view, setViewState] = useState<View>(kept);
  const { busy, run } = useJob<string>();
  const [failure, setFailure] = useState<string | null>(null);
  const [imported, setImported] = useState<{ file: string; drafts: RubricDraft[] } | null>(null);

  // Back on the list, focus goes to the row that was being worked on (or to "New micro-credential").
  // The achievement whose row takes focus back on the list: a note for the effect below, not state (nothing shows it).
  const returnTo = useRef<string | null>(null);
  const { dismiss } = toast;
  const setView = useCallback(
    (next: View) => {
      if (next.kind === 'list' && kept.kind !== 'list')
        returnTo.current = kept.kind === 'edit' ? kept.achievement.id : kept.achievementId;
      kept = next;
      setViewState(next);
      // A confirmation from the list would sit on the form's Save button.
      if (next.kind !== 'list') dismiss();
    },
    [dismiss],
  );
  useEffect(() => {
    if (view.kind !== 'list' || returnTo.current === null || !library.items) return;
    const row = document.querySelector(`[data-achievement="${CSS.escape(returnTo.current)}"]`);
    (row?.querySelector<HTMLElement>('button') ?? document.getElementById('lib-create'))?.focus();
    // A new one is listed once the reload after its save arrives: wait for it.
    if (row) returnTo.current = null;
  }, [view.kind, library.items]);
  const keepDraft = useCallback((draft: AchievementDraft) => {
    if (kept.kind === 'edit') kept = { ...kept, draft };
  }, []);
  const keepSubmission = useCallback((draft: SubmissionDraft) => {
    if (kept.kind === 'submission') kept = { ...kept, draft };
  }, []);

  const attempt = (what: string, job: () => Promise<void>) =>
    run(
      what,
      async () => {
        setFailure(null);
        await job();
      },
      (err) => setFailure(errorMessage(err, s.failed)),
    );

  const create = () =>
    attempt('new', async () =>
      setView({ kind: 'edit', achievement: await call('library:template', { name: s.newName }), isNew: true }),
    );
  const edit = (item: LibrarySummary) =>
    attempt(item.id, async () =>
      setView({ kind: 'edit', achievement: (await call('library:get', { id: item.id })).achievement, isNew: false }),
    );
  const importRubrics = () =>
    attempt('import', async () => {
      const file = await call('dialog:choose', { purpose: 'rubric' });
      if (!file) return;
      setImported({ file: file.name, drafts: await call('library:importRubrics', { token: file.token }) });
    });
  const exportCase = (item: LibrarySummary) =>
    attempt(item.id, async () => {
      const file = await call('dialog:choose', { purpose: 'case-export' });
      if (!file) return;
      await call('library:exportCase', { id: item.id, token: file.token });
      toast.show(s.exported, s.exportedDetail(item.name, file.name));
    });
  const saved = (r: SavedAchievement) => {
    setView({ kind: 'list' });
    library.reload();
    const detail = r.warnings.length > 0 ? s.savedNoPassRule : r.status === 'unchanged' ? undefined : s.savedDetail;
    toast.show(r.status === 'unchanged' ? s.unchanged : s.saved(r.name), detail);
  };

  if (view.kind === 'edit') {
    return (
      <>
        <AchievementEditor
          key={view.achievement.id}
          achievement={view.achievement}
          isNew={view.isNew}
          resume={view.draft}
          onDraft={keepDraft}
          onSaved={saved}
          onClose={() => setView({ kind: 'list' })}
        />
        <Toast toast={toast.toast} onDismiss={toast.dismiss} onHold={toast.hold} />
      </>
    );
  }
  if (view.kind === 'submission') {
    return (
      <AddSubmission
        key={view.achievementId}
        achievementId={view.achievementId}
        resume={view.draft}
        onDraft={keepSubmission}
        onAdded={() => {
          library.reload();
          onQueueChanged();
        }}
        onQueue={() => {
          setView({ kind: 'list' });
          onQueue();
        }}
        onClose={() => setView({ kind: 'list' })}
      />
    );
  }

  const items = library.items;
  return (
    <section className="screen lib-screen" aria-labelledby="library-title">
      <ScreenHead
        titleId="library-title"
        title={s.title}
        subtitle={s.subtitle}
        actions={
          <>
            <ActionButton icon="file" blocked={busy !== null} onClick={() => void importRubrics()}>
              {busy === 'import' ? s.reading : s.importRubrics}
            </ActionButton>
            <ActionButton id="lib-create" icon="plus" primary blocked={busy !== null} onClick={() => void create()}>
              {s.create}
            </ActionButton>
          </>
        }
      />
      <Alert className="lib-failure">{failure ?? library.error}</Alert>
      {items && items.length === 0 ? (
        <EmptyState icon="library" title={s.emptyTitle}>
          <p>{s.emptyBody}</p>
        </EmptyState>
      ) : (
        items && (
          <LibraryTable
            items={items}
            busyId={busy}
            onEdit={(a) => void edit(a)}
            onSubmission={(a) => setView({ kind: 'submission', achievementId: a.id })}
            onExportCase={(a) => void exportCase(a)}
          />
        )
      )}
      <p className="kit-hint lib-footnote">{s.versionHelp}</p>
      {imported && (
        <ImportRubricsDialog
          file={imported.file}
          drafts={imported.drafts}
          onClose={() => setImported(null)}
          onEdit={(d) => {
            setImported(null);
            setView({ kind: 'edit', achievement: d.achievement, isNew: true });
          }}
          onSaved={(names) => {
            setImported(null);
            library.reload();
            toast.show(s.importedSaved(names.length), names.join(', '));
          }}
        />
      )}
      <Toast toast={toast.toast} onDismiss={toast.dismiss} onHold={toast.hold} />
    </section>
  );
}
