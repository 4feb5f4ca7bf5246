// "Manage saved comments": edit or delete entries; an edit offers to update the draft reviews that used the entry.
import { useEffect, useId, useRef, useState } from 'react';
import type { BankEntry } from '../../shared/domain/review.js';
import { errorMessage } from '../api.js';
import { t } from '../strings/en.js';
import { Dialog } from '../ui/Dialog.js';
import { useBank } from './review-context.js';

export interface ManageBankDialogProps {
  criterionId: string;
  /** Saves the open draft first, so the usage count includes it. */
  beforeEdit: () => Promise<unknown>;
  onUpdated: (entry: BankEntry, previousText: string, draftsUpdated: string[]) => void;
  onClose: () => void;
}

interface Question {
  entry: BankEntry;
  text: string;
  drafts: number;
}

export function ManageBankDialog({ criterionId, beforeEdit, onUpdated, onClose }: ManageBankDialogProps) {
  const bank = useBank();
  const id = useId();
  const [editing, setEditing] = useState<{ id: number; text: string } | null>(null);
  const [deleting, setDeleting] = useState<number | null>(null);
  const [question, setQuestion] = useState<Question | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const entries = bank.forCriterion(criterionId);
  // Where focus goes once a row has changed under it: set with the state change, taken after its commit (when the
  // target exists). A ref, not state: it is read once and needs no render of its own.
  const focusNextRef = useRef<{ id: number } | 'first' | null>(null);
  const setFocusNext = (next: { id: number } | 'first') => {
    focusNextRef.current = next;
  };
  useEffect(() => {
    const focusNext = focusNextRef.current;
    if (!focusNext) return;
    focusNextRef.current = null;
    const target =
      focusNext === 'first'
        ? (document.querySelector<HTMLElement>('.bank-manage-row button') ??
          document.querySelector<HTMLElement>('dialog[open] .dialog-actions button'))
        : document.getElementById(`${id}-edit-${focusNext.id}`);
    target?.focus();
  });

  const apply = async (entry: BankEntry, text: string, updateDrafts: boolean) => {
    try {
      const result = await bank.update(entry.id, text, updateDrafts);
      onUpdated(result.entry, entry.text, result.draftsUpdated);
      setNotice(updateDrafts ? t.review.bank.updatedDrafts(result.draftsUpdated.length) : t.review.bank.updated);
      setEditing(null);
      setQuestion(null);
      // The edit row is gone; keep focus in the dialog, on the entry just edited.
      setFocusNext({ id: entry.id });
    } catch (err) {
      setError(errorMessage(err, t.review.bank.saveFailed));
    }
  };

  const saveEdit = async (entry: BankEntry, text: string) => {
    setError(null);
    if (text.trim() === '') {
      setError(t.review.bank.emptyText);
      return;
    }
    if (text.trim() === entry.text) {
      setEditing(null);
      return;
    }
    try {
      await beforeEdit();
      const drafts = await bank.usage(entry.id);
      if (drafts > 0) setQuestion({ entry, text: text.trim(), drafts });
      else await apply(entry, text.trim(), false);
    } catch (err) {
      setError(errorMessage(err, t.review.bank.saveFailed));
    }
  };

  const remove = async (entry: BankEntry) => {
    try {
      await bank.remove(entry.id);
      setDeleting(null);
      setNotice(t.review.bank.deleted);
      setFocusNext('first');
    } catch (err) {
      setError(errorMessage(err, t.review.bank.saveFailed));
    }
  };

  return (
    <>
      <Dialog
        title={t.review.bank.manageTitle}
        onClose={onClose}
        actions={
          <button type="button" className="button button-primary" onClick={onClose}>
            {t.review.common.done}
          </button>
        }
      >
        {entries.length === 0 && <p className="muted">{t.review.bank.emptyBank}</p>}
        <ul className="bank-manage">
          {entries.map((entry) => (
            <li key={entry.id} className="bank-manage-row">
              {editing?.id === entry.id ? (
                <>
                  <label htmlFor={`${id}-${entry.id}`} className="sr-only">
                    {t.review.bank.textLabel}
                  </label>
                  <textarea
                    id={`${id}-${entry.id}`}
                    className="input textarea"
                    rows={3}
                    value={editing.text}
                    // eslint-disable-next-line jsx-a11y/no-autofocus -- focus goes to the field the assessor just asked to edit
                    autoFocus
                    onChange={(e) => setEditing({ id: entry.id, text: e.target.value })}
                  />
                  <div className="bank-manage-actions">
                    <button type="button" className="button button-small" onClick={() => setEditing(null)}>
                      {t.review.common.cancel}
                    </button>
                    <button
                      type="button"
                      className="button button-primary button-small"
                      onClick={() => void saveEdit(entry, editing.text)}
                    >
                      {t.review.bank.saveEdit}
                    </button>
                  </div>
                </>
              ) : (
                <>
                  <p className="bank-manage-text">{entry.text}</p>
                  <p className="bank-manage-scope muted small">
                    {entry.criterionId === null ? t.review.bank.scopeAchievement : t.review.bank.scopeCriterion}
                  </p>
                  <div className="bank-manage-actions">
                    {deleting === entry.id ? (
                      <>
                        <span className="small">{t.review.bank.deleteQuestion}</span>
                        <button type="button" className="button button-small" onClick={() => setDeleting(null)}>
                          {t.review.bank.keep}
                        </button>
                        <button
                          type="button"
                          className="button button-danger button-small"
                          // eslint-disable-next-line jsx-a11y/no-autofocus -- focus goes to the confirmation the assessor just asked for
                          autoFocus
                          onClick={() => void remove(entry)}
                        >
                          {t.review.bank.delete}
                        </button>
                      </>
                    ) : (
                      <>
                        <button
                          id={`${id}-edit-${entry.id}`}
                          type="button"
                          className="button button-small"
                          aria-label={t.review.bank.editLabel(entry.text)}
                          onClick={() => setEditing({ id: entry.id, text: entry.text })}
                        >
                          {t.review.bank.edit}
                        </button>
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={t.review.bank.deleteLabel(entry.text)}
                          onClick={() => setDeleting(entry.id)}
                        >
                          {t.review.bank.delete}
                        </button>
                      </>
                    )}
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <p className="muted small" role="status">
          {notice}
        </p>
      </Dialog>
      {question && (
        <Dialog
          title={t.review.bank.updateTitle}
          onClose={() => setQuestion(null)}
          actions={
            <>
              <button type="button" className="button" onClick={() => void apply(question.entry, question.text, false)}>
                {t.review.bank.updateOnlyBank}
              </button>
              <button
                type="button"
                className="button button-primary"
                onClick={() => void apply(question.entry, question.text, true)}
              >
                {t.review.bank.updateDrafts(question.drafts)}
              </button>
            </>
          }
        >
          <p>{t.review.bank.updateQuestion(question.drafts)}</p>
          <p className="muted">{t.review.bank.submittedNever}</p>
        </Dialog>
      )}
    </>
  );
}
