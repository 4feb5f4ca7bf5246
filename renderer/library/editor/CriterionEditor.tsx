// One criterion: its name, the section it scores, its levels and the level a pass requires.
import { Icon } from '../../ui/Icon.js';
import { Field } from '../../ui/Field.js';
import { admin } from '../../strings/en.js';
import type { EditorParts } from './editor-context.js';
import type { CriterionDraft } from './editor-model.js';
import { LevelsEditor } from './LevelsEditor.js';
import { MoveButtons } from './ListCard.js';

export interface CriterionEditorProps extends EditorParts {
  criterion: CriterionDraft;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}

export function CriterionEditor(props: CriterionEditorProps) {
  const { criterion: c, index: i, count, draft, update, err, disabled, onMove, onRemove } = props;
  const s = admin.library.editor.criteria;
  const p = `resultDescription[${i}]`;
  const label = c.name || s.unnamed(i + 1);
  const change = (fn: (c: CriterionDraft) => CriterionDraft, structural?: boolean) =>
    update((d) => ({ ...d, criteria: d.criteria.map((x) => (x.key === c.key ? fn(x) : x)) }), structural);
  return (
    <li className="lib-criterion">
      <div className="lib-criterion-head">
        <h3 id={`${c.key}-heading`} className="lib-criterion-title">
          {s.heading(i + 1)}
        </h3>
        <div className="lib-row-actions">
          <MoveButtons
            path={p}
            index={i}
            count={count}
            upLabel={s.moveUp(label)}
            downLabel={s.moveDown(label)}
            onMove={onMove}
            disabled={disabled}
          />
          <button
            type="button"
            className="button button-ghost kit-button-small lib-remove"
            onClick={onRemove}
            disabled={disabled || count === 1}
            aria-label={s.remove(label)}
          >
            <Icon name="trash" size={14} />
            {s.removeShort}
          </button>
        </div>
      </div>
      <div className="lib-criterion-fields">
        <Field label={s.name} error={err(`${p}.name`)}>
          {(f) => (
            <input
              {...f}
              data-path={`${p}.name`}
              className="input kit-input"
              value={c.name}
              onChange={(e) => change((x) => ({ ...x, name: e.target.value }))}
              disabled={disabled}
            />
          )}
        </Field>
        <Field label={s.section} error={err(`${p}.sectionId`)}>
          {(f) => (
            <select
              {...f}
              data-path={`${p}.sectionId`}
              className="input kit-input kit-select"
              value={c.sectionId}
              onChange={(e) => change((x) => ({ ...x, sectionId: e.target.value }))}
              disabled={disabled}
            >
              <option value="">{s.anySection}</option>
              {draft.sections.map((sec, k) => (
                <option key={sec.key} value={sec.id}>
                  {sec.name || admin.library.editor.sections.unnamed(k + 1)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <LevelsEditor {...props} criterion={c} index={i} onChange={change} />
      <Field label={s.required} hint={s.requiredHint} error={err(`${p}.requiredLevel`)} className="lib-required">
        {(f) => (
          <select
            {...f}
            data-path={`${p}.requiredLevel`}
            className="input kit-input kit-select"
            value={c.requiredLevel}
            onChange={(e) => change((x) => ({ ...x, requiredLevel: e.target.value }))}
            disabled={disabled}
          >
            <option value="">{s.noRequired}</option>
            {c.levels.map((l, k) => (
              <option key={l.key} value={l.id}>
                {s.requiredOption(l.name || admin.library.editor.levels.unnamed(k + 1), l.points)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </li>
  );
}
