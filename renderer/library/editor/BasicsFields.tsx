// Editor › About: name, competency statement, criteria narrative, type, credit and tags.
import { Field } from '../../ui/Field.js';
import { admin } from '../../strings/en.js';
import type { EditorParts } from './editor-context.js';

/** Open Badges 3.0 achievement types a provider is likely to use (any other value is kept and offered too). */
const TYPES = [
  'MicroCredential',
  'Badge',
  'Certificate',
  'CertificateOfCompletion',
  'Certification',
  'Competency',
  'Course',
  'LearningProgram',
  'Assessment',
  'Award',
  'Achievement',
] as const;

export function BasicsFields({ draft, update, err, disabled }: EditorParts) {
  const s = admin.library.editor.basics;
  const types: string[] = [...TYPES];
  if (draft.achievementType && !types.includes(draft.achievementType)) types.push(draft.achievementType);
  const set = (patch: Partial<typeof draft>) => update((d) => ({ ...d, ...patch }));
  return (
    <section className="lib-card" aria-labelledby="lib-basics-title">
      <h2 id="lib-basics-title" className="lib-card-title">
        {s.title}
      </h2>
      <Field label={s.name} error={err('name')}>
        {(p) => (
          <input
            {...p}
            data-path="name"
            className="input kit-input lib-name-input"
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
            disabled={disabled}
          />
        )}
      </Field>
      <Field label={s.description} hint={s.descriptionHint} error={err('description')}>
        {(p) => (
          <textarea
            {...p}
            data-path="description"
            className="input kit-input"
            rows={3}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
            disabled={disabled}
          />
        )}
      </Field>
      <Field label={s.narrative} hint={s.narrativeHint} error={err('criteria.narrative')}>
        {(p) => (
          <textarea
            {...p}
            data-path="criteria.narrative"
            className="input kit-input"
            rows={3}
            value={draft.narrative}
            onChange={(e) => set({ narrative: e.target.value })}
            disabled={disabled}
          />
        )}
      </Field>
      <div className="lib-grid-3">
        <Field label={s.type} error={err('achievementType')}>
          {(p) => (
            <select
              {...p}
              data-path="achievementType"
              className="input kit-input kit-select"
              value={draft.achievementType}
              onChange={(e) => set({ achievementType: e.target.value })}
              disabled={disabled}
            >
              {types.map((t) => (
                <option key={t} value={t}>
                  {s.types[t] ?? t}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={s.credits} aside={admin.common.optional} error={err('creditsAvailable')}>
          {(p) => (
            <input
              {...p}
              data-path="creditsAvailable"
              className="input kit-input"
              inputMode="decimal"
              value={draft.credits}
              onChange={(e) => set({ credits: e.target.value })}
              disabled={disabled}
            />
          )}
        </Field>
        <Field label={s.creditUnit} aside={admin.common.optional} error={err('creditUnit')}>
          {(p) => (
            <input
              {...p}
              data-path="creditUnit"
              className="input kit-input"
              placeholder={s.creditUnitPlaceholder}
              value={draft.creditUnit}
              onChange={(e) => set({ creditUnit: e.target.value })}
              disabled={disabled}
            />
          )}
        </Field>
      </div>
      <Field label={s.tags} aside={admin.common.optional} hint={s.tagsHint} error={err('tag')}>
        {(p) => (
          <input
            {...p}
            data-path="tag"
            className="input kit-input"
            value={draft.tags}
            onChange={(e) => set({ tags: e.target.value })}
            disabled={disabled}
          />
        )}
      </Field>
    </section>
  );
}
