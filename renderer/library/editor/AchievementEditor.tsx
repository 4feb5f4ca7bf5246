// The micro-credential editor: a form over the whole rubric; Save makes a new version, problems show where they are.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Achievement } from '../../../shared/schemas/review-package.js';
import { call, errorCode, errorMessage } from '../../api.js';
import { admin } from '../../strings/en.js';
import { BasicsFields } from './BasicsFields.js';
import { CriteriaEditor } from './CriteriaEditor.js';
import type { EditorParts } from './editor-context.js';
import { fromDraft, toDraft, type AchievementDraft } from './editor-model.js';
import { EditorForm, EditorHead, SaveBar } from './EditorFrame.js';
import { readSaveError } from './save-errors.js';
import { SectionsEditor } from './SectionsEditor.js';

export interface SavedAchievement {
  id: string;
  name: string;
  status: 'created' | 'restored' | 'unchanged';
  /** Saved, but not yet usable for decisions (no pass rule). */
  warnings: string[];
}

export interface AchievementEditorProps {
  achievement: Achievement;
  /** Not in the library yet (a new one, or an imported draft). */
  isNew: boolean;
  /** The work in progress when the author left the screen, to carry on with. */
  resume?: AchievementDraft;
  onDraft: (draft: AchievementDraft) => void;
  onSaved: (saved: SavedAchievement) => void;
  onClose: () => void;
}

export function AchievementEditor({ achievement, isNew, resume, onDraft, onSaved, onClose }: AchievementEditorProps) {
  const s = admin.library.editor;
  const root = useRef<HTMLElement>(null);
  const [draft, setDraft] = useState<AchievementDraft>(() => resume ?? toDraft(achievement));
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [summary, setSummary] = useState<{ text: string; first: string | null } | null>(null);
  const [saving, setSaving] = useState(false);
  // Where focus goes once a refused save has re-enabled the form (a disabled field cannot take it). A note for the
  // effect below, not state: it changes nothing on screen.
  const focusNext = useRef<{ path: string | null } | null>(null);

  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const name = root.current?.querySelector<HTMLInputElement>('[data-path="name"]');
      name?.focus();
      if (isNew) name?.select();
    });
    return () => cancelAnimationFrame(frame);
  }, [isNew]);

  useEffect(() => onDraft(draft), [draft, onDraft]);

  const update = useCallback<EditorParts['update']>((change, structural) => {
    setDraft(change);
    if (structural) {
      // Positions moved: the paths the save named no longer point at the same fields.
      setErrors(new Map());
      setSummary(null);
    }
  }, []);
  const err = useCallback((path: string) => errors.get(path), [errors]);
  const parts: EditorParts = useMemo(() => ({ draft, update, err, disabled: saving }), [draft, update, err, saving]);

  const focusPath = (path: string | null) => {
    const el = path ? root.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`) : null;
    (el ?? root.current?.querySelector<HTMLElement>('.lib-save-summary'))?.focus();
  };

  useEffect(() => {
    if (!focusNext.current || saving) return;
    focusPath(focusNext.current.path);
    focusNext.current = null;
  }, [saving]);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    setSummary(null);
    try {
      const r = await call('library:save', { achievement: fromDraft(draft) });
      setErrors(new Map());
      onSaved({ id: draft.id, name: draft.name, status: r.status, warnings: r.warnings });
    } catch (err) {
      const message = errorMessage(err, s.saveFailed);
      if (errorCode(err) === 'invalid-achievement') {
        const problems = readSaveError(message, draft);
        setErrors(problems.fields);
        setSummary({ text: problems.summary, first: problems.first });
        focusNext.current = { path: problems.first };
      } else {
        setErrors(new Map());
        setSummary({ text: message, first: null });
        focusNext.current = { path: null };
      }
      setSaving(false);
    }
  };

  return (
    // Ctrl+S saves from any field of the form: the key bubbles up from the controls, the section is no control.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- shortcut delegated from the fields
    <section
      ref={root}
      className="screen lib-editor"
      aria-labelledby="lib-editor-title"
      onKeyDown={(e) => (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's' && (e.preventDefault(), void save())}
    >
      <EditorHead
        titleId="lib-editor-title"
        title={isNew ? s.titleNew : s.titleEdit(achievement.name)}
        subtitle={s.versionHelp}
        onBack={onClose}
      />
      <EditorForm label={s.formLabel} onSubmit={() => void save()}>
        <BasicsFields {...parts} />
        <SectionsEditor {...parts} />
        <CriteriaEditor {...parts} />
        <SaveBar
          problem={
            summary && (
              <>
                <strong>{s.cannotSave}</strong> {summary.text}
                {summary.first && (
                  <button
                    type="button"
                    className="button kit-button-small lib-goto"
                    onClick={() => focusPath(summary.first)}
                  >
                    {s.goTo}
                  </button>
                )}
              </>
            )
          }
          hint={s.saveHint}
          busy={saving}
          label={s.save}
          busyLabel={admin.common.saving}
          onCancel={onClose}
        />
      </EditorForm>
    </section>
  );
}
