// One criterion's levels as a table: name, points and descriptor per level; add, remove and reorder.
import { Icon } from '../../ui/Icon.js';
import { admin } from '../../strings/en.js';
import type { EditorParts } from './editor-context.js';
import { move, newLevel, renumber, type CriterionDraft, type LevelDraft } from './editor-model.js';
import { MoveButtons } from './ListCard.js';

/** Focuses the first element found for the selectors, tried in order. */
export function focusFirst(selectors: string[]): void {
  for (const sel of selectors) {
    const el = document.querySelector<HTMLElement>(sel);
    if (el) {
      el.focus();
      return;
    }
  }
}

export interface LevelsEditorProps extends EditorParts {
  criterion: CriterionDraft;
  index: number;
  onChange: (change: (c: CriterionDraft) => CriterionDraft, structural?: boolean) => void;
}

export function LevelsEditor({ criterion, index, onChange, err, disabled }: LevelsEditorProps) {
  const s = admin.library.editor.levels;
  const base = `resultDescription[${index}].rubricCriterionLevel`;
  const set = (key: string, patch: Partial<LevelDraft>) =>
    onChange((c) => ({ ...c, levels: c.levels.map((l) => (l.key === key ? { ...l, ...patch } : l)) }));
  const reorder = (from: number, to: number) => {
    onChange((c) => ({ ...c, levels: renumber(move(c.levels, from, to), c.levels) }), true);
    // Focus stays with the level that moved: on the same arrow, or the other one once at the end.
    const dir = to > from ? ['down', 'up'] : ['up', 'down'];
    requestAnimationFrame(() => focusFirst(dir.map((d) => `[data-move="${base}[${to}]${d}"]:not(:disabled)`)));
  };
  const remove = (level: LevelDraft) =>
    onChange(
      (c) => ({
        ...c,
        levels: renumber(
          c.levels.filter((l) => l.key !== level.key),
          c.levels.filter((l) => l.key !== level.key),
        ),
        requiredLevel: c.requiredLevel === level.id ? '' : c.requiredLevel,
      }),
      true,
    );
  const add = () => {
    onChange((c) => ({ ...c, levels: [...c.levels, newLevel(c, s.newName(c.levels.length + 1))] }), true);
    requestAnimationFrame(() =>
      document.querySelector<HTMLInputElement>(`[data-path="${base}[${criterion.levels.length}].name"]`)?.select(),
    );
  };
  const cellError = (path: string) => {
    const e = err(path);
    return e ? { 'aria-invalid': true as const, error: e } : { 'aria-invalid': undefined, error: undefined };
  };
  const listError = err(base);
  const n = criterion.levels.length;
  return (
    <div className="lib-levels">
      {listError && (
        <p className="kit-error" data-path={base} tabIndex={-1}>
          {listError}
        </p>
      )}
      <table className="lib-levels-table">
        <caption className="sr-only">{s.caption(criterion.name)}</caption>
        <thead>
          <tr>
            <th scope="col" className="lib-col-n">
              <span className="sr-only">{s.position}</span>
            </th>
            <th scope="col">{s.name}</th>
            <th scope="col" className="lib-col-points">
              {s.points}
            </th>
            <th scope="col">{s.descriptor}</th>
            <th scope="col" className="lib-col-actions">
              <span className="sr-only">{s.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {criterion.levels.map((l, j) => {
            const p = `${base}[${j}]`;
            const fields = {
              name: cellError(`${p}.name`),
              points: cellError(`${p}.points`),
              description: cellError(`${p}.description`),
            };
            const errId = (f: string) => `${criterion.key}-${l.key}-${f}-error`;
            const label = l.name || s.unnamed(j + 1);
            return (
              <tr key={l.key}>
                <td className="lib-col-n">{j + 1}</td>
                {(['name', 'points', 'description'] as const).map((f) => (
                  <td key={f} className={f === 'points' ? 'lib-col-points' : undefined}>
                    {f === 'description' ? (
                      <textarea
                        data-path={`${p}.description`}
                        className="input kit-input lib-level-text"
                        rows={1}
                        aria-label={s.descriptorOf(label)}
                        aria-invalid={fields.description['aria-invalid']}
                        aria-describedby={fields.description.error ? errId(f) : undefined}
                        value={l.description}
                        onChange={(e) => set(l.key, { description: e.target.value })}
                        disabled={disabled}
                      />
                    ) : (
                      <input
                        data-path={`${p}.${f}`}
                        className="input kit-input"
                        inputMode={f === 'points' ? 'decimal' : undefined}
                        aria-label={f === 'name' ? s.nameOf(j + 1) : s.pointsOf(label)}
                        aria-invalid={fields[f]['aria-invalid']}
                        aria-describedby={fields[f].error ? errId(f) : undefined}
                        value={f === 'name' ? l.name : l.points}
                        onChange={(e) =>
                          set(l.key, f === 'name' ? { name: e.target.value } : { points: e.target.value })
                        }
                        disabled={disabled}
                      />
                    )}
                    {fields[f].error && (
                      <p id={errId(f)} className="kit-error">
                        {fields[f].error}
                      </p>
                    )}
                  </td>
                ))}
                <td className="lib-col-actions">
                  <div className="lib-row-actions">
                    <MoveButtons
                      path={p}
                      index={j}
                      count={n}
                      upLabel={s.moveUp(label)}
                      downLabel={s.moveDown(label)}
                      onMove={(to) => reorder(j, to)}
                      disabled={disabled}
                    />
                    <button
                      type="button"
                      className="icon-button kit-icon-button"
                      aria-label={s.remove(label)}
                      onClick={() => remove(l)}
                      disabled={disabled || n === 1}
                    >
                      <Icon name="trash" size={16} />
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="button kit-button-small" onClick={add} disabled={disabled}>
        <Icon name="plus" size={14} />
        {s.add}
      </button>
    </div>
  );
}
