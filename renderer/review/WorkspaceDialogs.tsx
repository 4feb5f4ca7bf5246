// The workspace's dialogs and what they do (submit, recuse, override, the bank): one open at a time.
import { useState } from 'react';
import type { ComputedDecision } from '../../shared/domain/decision.js';
import { explainDecision } from '../../shared/domain/decision.js';
import type { BankEntry, Review } from '../../shared/domain/review.js';
import { call, errorMessage } from '../api.js';
import { t } from '../strings/en.js';
import { Dialog } from '../ui/Dialog.js';
import type { Achievement } from './draft-model.js';
import { ManageBankDialog } from './ManageBankDialog.js';
import { OverrideDialog } from './OverrideDialog.js';
import { RecuseDialog } from './RecuseDialog.js';
import { SaveToBankDialog } from './SaveToBankDialog.js';
import { ShortcutSheet } from './ShortcutSheet.js';
import { SubmitDialog } from './SubmitDialog.js';
import type { DraftApi } from './useDraft.js';

export type DialogState =
  | null
  | { kind: 'shortcuts' }
  | { kind: 'override' }
  | { kind: 'submit' }
  | { kind: 'recuse' }
  | { kind: 'save-bank'; criterionId: string; text: string }
  | { kind: 'manage-bank'; criterionId: string }
  | { kind: 'unsaved'; message: string; proceed: () => void };

export interface WorkspaceDialogsProps {
  dialog: DialogState;
  submissionId: string;
  achievement: Achievement;
  draft: DraftApi;
  computed: ComputedDecision;
  maxPoints: number;
  singleKeys: boolean;
  onSingleKeys: (on: boolean) => void;
  onSubmitted: (review: Review) => void;
  onRecused: () => void;
  announce: (text: string) => void;
  onClose: () => void;
}

export function WorkspaceDialogs(p: WorkspaceDialogsProps) {
  const [busy, setBusy] = useState(false);
  const d = p.dialog;
  // A refusal belongs to the dialog it happened in: another dialog opens without it.
  const [failure, setFailure] = useState<{ dialog: DialogState; message: string } | null>(null);
  const error = failure?.dialog === d ? failure.message : null;
  if (!d) return null;
  const criterionName = (id: string) => p.achievement.resultDescription.find((c) => c.id === id)?.name ?? '';

  // Runs a dialog's action once at a time; a refusal stays in the dialog, in the assessor's words.
  const run = async (action: () => Promise<void>, fallback: string) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (err) {
      setFailure({ dialog: d, message: errorMessage(err, fallback) });
    } finally {
      setBusy(false);
    }
  };
  const submit = () =>
    run(async () => {
      // The last keystrokes first: the review submitted is the one on screen.
      if (!(await p.draft.flush(true))) throw new Error(t.review.save.failed);
      p.onSubmitted(await call('review:submit', { submissionId: p.submissionId, confirmed: true }));
    }, t.review.submit.failed);
  const recuse = (reason: string) =>
    run(async () => {
      await call('review:recuse', { submissionId: p.submissionId, reason });
      p.onRecused();
    }, t.review.recuse.failed);

  // An entry inserted here and edited with "also update drafts": this open draft takes the new text too.
  const onBankUpdated = (entry: BankEntry, previousText: string, updated: string[]) => {
    if (!updated.includes(p.submissionId)) return;
    for (const c of p.achievement.resultDescription) {
      p.draft.setComment(c.id, (cm) =>
        cm.bankIds.includes(entry.id) && cm.text.includes(previousText)
          ? { ...cm, text: cm.text.split(previousText).join(entry.text) }
          : cm,
      );
    }
  };
  const onBankSaved = (criterionId: string, entry: BankEntry) => {
    p.draft.setComment(criterionId, (c) =>
      c.text.includes(entry.text) && !c.bankIds.includes(entry.id) ? { ...c, bankIds: [...c.bankIds, entry.id] } : c,
    );
    p.onClose();
    p.announce(t.review.bank.saved);
  };

  switch (d.kind) {
    case 'shortcuts':
      return <ShortcutSheet singleKeys={p.singleKeys} onSingleKeys={p.onSingleKeys} onClose={p.onClose} />;
    case 'override':
      if (p.computed.kind !== 'decided') return null;
      return (
        <OverrideDialog
          computed={p.computed.decision}
          reasons={explainDecision(p.computed)}
          current={p.draft.draft.override}
          onSave={(override) => {
            p.draft.setOverride(override);
            p.onClose();
          }}
          onClose={p.onClose}
        />
      );
    case 'submit': {
      if (p.computed.kind !== 'decided') return null;
      const o = p.draft.draft.override;
      const applied = o && o.decision !== p.computed.decision ? o : null;
      return (
        <SubmitDialog
          achievement={p.achievement}
          scores={p.draft.draft.scores}
          computed={p.computed}
          override={applied}
          maxPoints={p.maxPoints}
          busy={busy}
          error={error}
          onConfirm={() => void submit()}
          onClose={p.onClose}
        />
      );
    }
    case 'recuse':
      return <RecuseDialog busy={busy} error={error} onConfirm={(reason) => void recuse(reason)} onClose={p.onClose} />;
    case 'save-bank':
      return (
        <SaveToBankDialog
          criterionId={d.criterionId}
          criterionName={criterionName(d.criterionId)}
          achievementName={p.achievement.name}
          text={d.text}
          onSaved={(entry) => onBankSaved(d.criterionId, entry)}
          onClose={p.onClose}
        />
      );
    case 'manage-bank':
      return (
        <ManageBankDialog
          criterionId={d.criterionId}
          beforeEdit={() => p.draft.flush()}
          onUpdated={onBankUpdated}
          onClose={p.onClose}
        />
      );
    case 'unsaved':
      return (
        <Dialog
          title={t.review.unsaved.title}
          role="alertdialog"
          tone="danger"
          onClose={p.onClose}
          actions={
            <>
              <button type="button" className="button" onClick={d.proceed}>
                {t.review.unsaved.leave}
              </button>
              <button type="button" className="button button-primary" onClick={p.onClose}>
                {t.review.unsaved.stay}
              </button>
            </>
          }
        >
          <p>{t.review.unsaved.body}</p>
          <p className="error-message">{d.message}</p>
        </Dialog>
      );
  }
}
