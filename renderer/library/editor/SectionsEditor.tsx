// Editor › Sections: the parts of a submission (name and prompt each); criteria point at them.
import { Icon } from '../../ui/Icon.js';
import { Field } from '../../ui/Field.js';
import { admin } from '../../strings/en.js';
import type { EditorParts } from './editor-context.js';
import { newSection, type SectionDraft } from './editor-model.js';
import { ListCard } from './ListCard.js';

export function SectionsEditor({ draft, update, err, disabled }: EditorParts) {
  const s = admin.library.editor.sections;
  const set = (key: string, patch: Partial<SectionDraft>) =>
    update((d) => ({ ...d, sections: d.sections.map((x) => (x.key === key ? { ...x, ...patch } : x)) }));
  const remove = (section: SectionDraft) =>
    update(
      (d) => ({
        ...d,
        sections: d.sections.filter((x) => x.key !== section.key),
        // A criterion that belonged to the removed section now belongs to none.
        criteria: d.criteria.map((c) => (c.sectionId === section.id ? { ...c, sectionId: '' } : c)),
      }),
      true,
    );
  const add = () => {
    update((d) => ({ ...d, sections: [...d.sections, newSection(d, s.newName(d.sections.length + 1))] }), true);
    requestAnimationFrame(() =>
      document.querySelector<HTMLInputElement>(`[data-path="sections[${draft.sections.length}].name"]`)?.select(),
    );
  };
  return (
    <ListCard
      titleId="lib-sections-title"
      title={s.title}
      hint={s.hint}
      errorPath="sections"
      error={err('sections')}
      addLabel={s.add}
      onAdd={add}
      disabled={disabled}
    >
      <ol className="lib-sections">
        {draft.sections.map((section, i) => (
          <li key={section.key} className="lib-section">
            <span className="lib-index" aria-hidden="true">
              {i + 1}
            </span>
            <div className="lib-section-fields">
              <Field label={s.name(i + 1)} error={err(`sections[${i}].name`)}>
                {(p) => (
                  <input
                    {...p}
                    data-path={`sections[${i}].name`}
                    className="input kit-input"
                    value={section.name}
                    onChange={(e) => set(section.key, { name: e.target.value })}
                    disabled={disabled}
                  />
                )}
              </Field>
              <Field label={s.prompt} hint={s.promptHint} error={err(`sections[${i}].prompt`)}>
                {(p) => (
                  <textarea
                    {...p}
                    data-path={`sections[${i}].prompt`}
                    className="input kit-input"
                    rows={2}
                    value={section.prompt}
                    onChange={(e) => set(section.key, { prompt: e.target.value })}
                    disabled={disabled}
                  />
                )}
              </Field>
            </div>
            <button
              type="button"
              className="icon-button kit-icon-button"
              aria-label={s.remove(section.name || s.unnamed(i + 1))}
              title={draft.sections.length === 1 ? s.keepOne : s.remove(section.name || s.unnamed(i + 1))}
              onClick={() => remove(section)}
              disabled={disabled || draft.sections.length === 1}
            >
              <Icon name="trash" size={16} />
            </button>
          </li>
        ))}
      </ol>
    </ListCard>
  );
}
