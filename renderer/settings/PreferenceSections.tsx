// Settings › Certificates (paper size) and Appearance (theme, language): saved as soon as they change.
import { useId } from 'react';
import type { Settings } from '../../shared/domain/settings.js';
import { admin } from '../strings/en.js';
import { applyTheme } from './appearance.js';
import { ChoiceGroup } from '../ui/ChoiceGroup.js';
import type { SettingsState } from './useSettings.js';

export function CertificatesSection({ state, onSaved }: { state: SettingsState; onSaved: (what: string) => void }) {
  const s = admin.settings.certificates;
  const paper = state.settings?.paper ?? null;
  const change = async (next: Settings['paper']) => {
    if (await state.update({ paper: next })) onSaved(s.saved);
  };
  return (
    <section id="settings-certificates" className="set-section" aria-labelledby="settings-certificates-title">
      <div className="set-section-head">
        <h2 id="settings-certificates-title" className="set-section-title" tabIndex={-1}>
          {s.title}
        </h2>
      </div>
      <ChoiceGroup
        legend={s.paper}
        hint={s.paperHint}
        value={paper}
        disabled={!state.settings}
        choices={[
          { value: 'a4', label: s.a4, detail: s.a4Detail },
          { value: 'letter', label: s.letter, detail: s.letterDetail },
        ]}
        onChange={(v) => void change(v)}
      />
    </section>
  );
}

export function AppearanceSection({ state, onSaved }: { state: SettingsState; onSaved: (what: string) => void }) {
  const s = admin.settings.appearance;
  const id = useId();
  const change = async (theme: Settings['theme']) => {
    // Shown at once; put back if the data folder refuses it.
    const before = state.settings?.theme ?? 'system';
    applyTheme(theme);
    const saved = await state.update({ theme });
    if (saved) onSaved(s.saved);
    else applyTheme(before);
  };
  return (
    <section id="settings-appearance" className="set-section" aria-labelledby="settings-appearance-title">
      <div className="set-section-head">
        <h2 id="settings-appearance-title" className="set-section-title" tabIndex={-1}>
          {s.title}
        </h2>
      </div>
      <ChoiceGroup
        legend={s.theme}
        hint={s.themeHint}
        value={state.settings?.theme ?? null}
        disabled={!state.settings}
        choices={[
          { value: 'system', label: s.system },
          { value: 'light', label: s.light },
          { value: 'dark', label: s.dark },
        ]}
        onChange={(v) => void change(v)}
      />
      <div className="kit-field set-language">
        <label htmlFor={`${id}-language`} className="kit-label">
          {s.language}
        </label>
        <select
          id={`${id}-language`}
          className="input select kit-select"
          value={state.settings?.language ?? 'en'}
          aria-describedby={`${id}-language-hint`}
          onChange={() => {}}
        >
          <option value="en">{s.english}</option>
        </select>
        <p id={`${id}-language-hint`} className="kit-hint">
          {s.languageHint}
        </p>
      </div>
    </section>
  );
}
