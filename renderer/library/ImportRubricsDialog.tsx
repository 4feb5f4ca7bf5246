// Rubrics read from a Canvas CSV or CASE package: choose which to save, see what the import had to guess.
import { useState } from 'react';
import type { Achievement } from '../../shared/schemas/review-package.js';
import { call, errorMessage } from '../api.js';
import { Alert } from '../ui/Alert.js';
import { Icon } from '../ui/Icon.js';
import { useAct } from '../ui/useAct.js';
import { admin } from '../strings/en.js';
import { ConfirmDialog } from '../ui/Dialog.js';

export interface RubricDraft {
  achievement: Achievement;
  warnings: string[];
}

export interface ImportRubricsDialogProps {
  file: string;
  drafts: RubricDraft[];
  onSaved: (names: string[]) => void;
  onEdit: (draft: RubricDraft) => void;
  onClose: () => void;
}

export function ImportRubricsDialog({ file, drafts, onSaved, onEdit, onClose }: ImportRubricsDialogProps) {
  const s = admin.library.importing;
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(drafts.map((_, i) => i)));
  const { busy, failure, run } = useAct();

  const toggle = (i: number) => {
    const next = new Set(chosen);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    setChosen(next);
  };

  const save = async () => {
    if (chosen.size === 0) return;
    const saved: string[] = [];
    await run(
      async () => {
        for (const i of [...chosen].sort((a, b) => a - b)) {
          const d = drafts[i]!;
          await call('library:save', { achievement: d.achievement });
          saved.push(d.achievement.name);
        }
        onSaved(saved);
      },
      (err) =>
        saved.length > 0 ? s.partlySaved(saved.length, errorMessage(err, s.failed)) : errorMessage(err, s.failed),
    );
  };

  return (
    <ConfirmDialog
      title={s.title(drafts.length)}
      onClose={onClose}
      onConfirm={() => void save()}
      busy={busy}
      label={s.save(chosen.size)}
      busyLabel={admin.common.saving}
      blocked={chosen.size === 0}
    >
      <div className="kit-wide lib-import">
        <p>{s.body(file)}</p>
        <ul className="lib-drafts">
          {drafts.map((d, i) => (
            <li key={`${d.achievement.id}-${i}`} className="lib-draft">
              <label className="kit-check lib-draft-check">
                <input type="checkbox" checked={chosen.has(i)} onChange={() => toggle(i)} disabled={busy} />
                <span className="lib-draft-name">
                  {d.achievement.name}
                  <span className="kit-hint lib-draft-shape">
                    {' '}
                    ·{' '}
                    {s.shape(
                      d.achievement.resultDescription.length,
                      d.achievement.resultDescription.reduce(
                        (most, c) => Math.max(most, c.rubricCriterionLevel.length),
                        0,
                      ),
                    )}
                  </span>
                </span>
              </label>
              {d.warnings.length > 0 && (
                <ul className="lib-warnings" aria-label={s.warningsLabel(d.achievement.name)}>
                  {d.warnings.map((w) => (
                    <li key={w}>
                      <Icon name="alert" size={14} />
                      <span>{w}</span>
                    </li>
                  ))}
                </ul>
              )}
              <button
                type="button"
                className="button button-ghost kit-button-small"
                onClick={() => onEdit(d)}
                disabled={busy}
              >
                <Icon name="pencil" size={14} />
                {s.editFirst(d.achievement.name)}
              </button>
            </li>
          ))}
        </ul>
        <Alert>{failure}</Alert>
      </div>
    </ConfirmDialog>
  );
}
