// Adds a submission by hand: who it is from, when it is due, and per section the response, files and links.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { Achievement } from '../../../shared/schemas/review-package.js';
import { call, errorMessage } from '../../api.js';
import { Alert } from '../../ui/Alert.js';
import { Icon } from '../../ui/Icon.js';
import { Field } from '../../ui/Field.js';
import { admin } from '../../strings/en.js';
import { useLoad } from '../../ui/useLoad.js';
import { EditorForm, EditorHead, SaveBar } from '../editor/EditorFrame.js';
import { SectionEvidence } from './SectionEvidence.js';
import { emptySubmission, readAddError, toInput, type SubmissionDraft } from './submission-model.js';

export interface AddSubmissionProps {
  achievementId: string;
  resume?: SubmissionDraft;
  onDraft: (draft: SubmissionDraft) => void;
  onAdded: () => void;
  onQueue: () => void;
  onClose: () => void;
}

/** Files dragged over the form but not onto a section are refused here, not imported as a package. */
const absorb = (e: DragEvent) => {
  if (!Array.from(e.dataTransfer.types).includes('Files')) return;
  e.preventDefault();
  e.stopPropagation();
  if (e.type === 'dragover') e.dataTransfer.dropEffect = 'none';
};

export function AddSubmission({ achievementId, resume, onDraft, onAdded, onQueue, onClose }: AddSubmissionProps) {
  const s = admin.library.submission;
  const root = useRef<HTMLElement>(null);
  const loaded = useLoad(() => call('library:get', { id: achievementId }), [achievementId]);
  const achievement: Achievement | null = loaded.data?.achievement ?? null;
  const loadError = loaded.error ? errorMessage(loaded.error, admin.library.loadFailed) : null;
  const [draft, setDraft] = useState<SubmissionDraft>(() => resume ?? emptySubmission(achievementId));
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  // Focus moves to the problem once the refused form is enabled again.
  // A flag, not state: it asks nothing to render, only the effect that runs once the form is no longer busy.
  const focusProblem = useRef(false);

  useEffect(() => {
    if (achievement) requestAnimationFrame(() => root.current?.querySelector<HTMLInputElement>('input')?.focus());
  }, [achievement]);
  useEffect(() => onDraft(draft), [draft, onDraft]);

  useEffect(() => {
    if (!focusProblem.current || busy) return;
    focusProblem.current = false;
    (
      root.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      root.current?.querySelector<HTMLElement>('.lib-save-summary')
    )?.focus();
  }, [busy]);

  const change = (fn: (d: SubmissionDraft) => SubmissionDraft) => setDraft(fn);
  const err = (key: string) => errors.get(key);

  const submit = async () => {
    if (busy) return;
    if (!draft.name.trim()) {
      setErrors(new Map([['earner.name', s.nameRequired]]));
      setSummary(null);
      root.current?.querySelector<HTMLElement>('[data-key="earner.name"]')?.focus();
      return;
    }
    setBusy(true);
    setSummary(null);
    try {
      await call('library:addSubmission', toInput(draft));
      setErrors(new Map());
      setAdded(draft.name.trim());
      onAdded();
    } catch (e) {
      const problems = readAddError(errorMessage(e, s.failed), draft);
      setErrors(problems.fields);
      setSummary(problems.summary);
      focusProblem.current = true;
    } finally {
      setBusy(false);
    }
  };

  const another = () => {
    setAdded(null);
    setDraft(emptySubmission(achievementId));
    requestAnimationFrame(() => root.current?.querySelector<HTMLInputElement>('input')?.focus());
  };

  return (
    // The form swallows file drags that miss an evidence zone; drag events carry no act to give a keyboard twin.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- drops refused, nothing operated
    <section
      ref={root}
      className="screen lib-editor"
      aria-labelledby="lib-sub-title"
      onDragEnter={absorb}
      onDragOver={absorb}
      onDragLeave={absorb}
      onDrop={absorb}
    >
      <EditorHead
        titleId="lib-sub-title"
        title={s.title}
        subtitle={achievement ? s.subtitle(achievement.name) : admin.common.loading}
        onBack={onClose}
      />
      <Alert>{loadError}</Alert>
      {added ? (
        <div className="lib-card lib-added" role="status">
          <p className="kit-ok lib-added-title">
            <Icon name="check" size={16} />
            {s.added(added)}
          </p>
          <p className="muted">{s.addedBody}</p>
          <div className="kit-actions">
            <button type="button" className="button button-primary" onClick={onQueue}>
              {s.toQueue}
            </button>
            <button type="button" className="button" onClick={another}>
              {s.another}
            </button>
            <button type="button" className="button button-ghost" onClick={onClose}>
              {s.backToLibrary}
            </button>
          </div>
        </div>
      ) : (
        achievement && (
          <EditorForm label={s.formLabel} onSubmit={() => void submit()}>
            <section className="lib-card" aria-labelledby="lib-earner-title">
              <h2 id="lib-earner-title" className="lib-card-title">
                {s.earner}
              </h2>
              <div className="kit-row">
                <Field label={s.name} error={err('earner.name')}>
                  {(p) => (
                    <input
                      {...p}
                      data-key="earner.name"
                      className="input kit-input"
                      value={draft.name}
                      onChange={(e) => change((d) => ({ ...d, name: e.target.value }))}
                      autoComplete="off"
                      disabled={busy}
                    />
                  )}
                </Field>
                <Field label={s.email} aside={admin.common.optional} hint={s.emailHint} error={err('earner.email')}>
                  {(p) => (
                    <input
                      {...p}
                      className="input kit-input"
                      type="email"
                      value={draft.email}
                      onChange={(e) => change((d) => ({ ...d, email: e.target.value }))}
                      autoComplete="off"
                      disabled={busy}
                    />
                  )}
                </Field>
              </div>
              <div className="kit-row">
                <Field label={s.organization} aside={admin.common.optional} error={err('earner.organization')}>
                  {(p) => (
                    <input
                      {...p}
                      className="input kit-input"
                      value={draft.organization}
                      onChange={(e) => change((d) => ({ ...d, organization: e.target.value }))}
                      autoComplete="off"
                      disabled={busy}
                    />
                  )}
                </Field>
                <Field label={s.due} aside={admin.common.optional} error={err('due')}>
                  {(p) => (
                    <input
                      {...p}
                      className="input kit-input"
                      type="date"
                      value={draft.due}
                      onChange={(e) => change((d) => ({ ...d, due: e.target.value }))}
                      disabled={busy}
                    />
                  )}
                </Field>
              </div>
            </section>
            {achievement.sections.map((section) => (
              <SectionEvidence
                key={section.id}
                section={section}
                draft={draft}
                onChange={change}
                err={err}
                disabled={busy}
              />
            ))}
            <SaveBar
              problem={
                summary && (
                  <>
                    <strong>{s.cannotAdd}</strong> {summary}
                  </>
                )
              }
              hint={s.hint}
              busy={busy}
              label={s.add}
              busyLabel={s.adding}
              onCancel={onClose}
            />
          </EditorForm>
        )
      )}
    </section>
  );
}
