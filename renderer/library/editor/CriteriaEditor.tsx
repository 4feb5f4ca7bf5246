// Editor › Rubric: the criteria in order, and the points a submission needs to pass.
import { Icon } from '../../ui/Icon.js';
import { Field } from '../../ui/Field.js';
import { admin } from '../../strings/en.js';
import { CriterionEditor } from './CriterionEditor.js';
import type { EditorParts } from './editor-context.js';
import { draftHasPassRule, maxPoints, move, newCriterion } from './editor-model.js';
import { focusFirst } from './LevelsEditor.js';
import { ListCard } from './ListCard.js';

export function CriteriaEditor(parts: EditorParts) {
  const { draft, update, err, disabled } = parts;
  const s = admin.library.editor.criteria;
  const reorder = (from: number, to: number) => {
    update((d) => ({ ...d, criteria: move(d.criteria, from, to) }), true);
    const dir = to > from ? ['down', 'up'] : ['up', 'down'];
    requestAnimationFrame(() =>
      focusFirst(dir.map((x) => `[data-move="resultDescription[${to}]${x}"]:not(:disabled)`)),
    );
  };
  const remove = (key: string) => update((d) => ({ ...d, criteria: d.criteria.filter((c) => c.key !== key) }), true);
  const add = () => {
    update(
      (d) => ({ ...d, criteria: [...d.criteria, newCriterion(d, '', admin.library.editor.levels.defaults)] }),
      true,
    );
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLInputElement>(`[data-path="resultDescription[${draft.criteria.length}].name"]`)
        ?.focus(),
    );
  };
  return (
    <ListCard
      titleId="lib-criteria-title"
      title={s.title}
      hint={s.hint}
      errorPath="resultDescription"
      error={err('resultDescription')}
      addLabel={s.add}
      onAdd={add}
      disabled={disabled}
      footer={
        <>
          <div className="lib-passing">
            <Field
              label={s.passing}
              aside={admin.common.optional}
              hint={s.passingHint(maxPoints(draft))}
              error={err('passingPoints')}
            >
              {(p) => (
                <input
                  {...p}
                  data-path="passingPoints"
                  className="input kit-input lib-passing-input"
                  inputMode="decimal"
                  value={draft.passingPoints}
                  onChange={(e) => update((d) => ({ ...d, passingPoints: e.target.value }))}
                  disabled={disabled}
                />
              )}
            </Field>
          </div>
          {!draftHasPassRule(draft) && (
            // Shown while it applies, not announced on every keystroke: it is a standing fact about the rubric.
            <p className="kit-note lib-no-pass-rule" data-testid="editor-no-pass-rule">
              <Icon name="alert" size={15} />
              <span>
                <strong>{s.noPassRule}</strong> {s.noPassRuleHint}
              </span>
            </p>
          )}
        </>
      }
    >
      <ol className="lib-criteria">
        {draft.criteria.map((c, i) => (
          <CriterionEditor
            key={c.key}
            {...parts}
            criterion={c}
            index={i}
            count={draft.criteria.length}
            onMove={(to) => reorder(i, to)}
            onRemove={() => remove(c.key)}
          />
        ))}
      </ol>
    </ListCard>
  );
}
