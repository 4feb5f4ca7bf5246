// One section of a hand-added submission: the prompt, the written response, evidence files and links.
import { useState } from 'react';
import type { Section } from '../../../shared/schemas/review-package.js';
import { call, dropFiles, errorMessage } from '../../api.js';
import type { Chosen } from '../../../shared/domain/choices.js';
import { Icon } from '../../ui/Icon.js';
import { admin } from '../../strings/en.js';
import { displayName, itemKey, type FileDraft, type LinkDraft, type SubmissionDraft } from './submission-model.js';
import { useEvidenceDrop } from './useEvidenceDrop.js';

export interface SectionEvidenceProps {
  section: Section;
  draft: SubmissionDraft;
  onChange: (change: (d: SubmissionDraft) => SubmissionDraft) => void;
  err: (key: string) => string | undefined;
  disabled: boolean;
}

export function SectionEvidence({ section, draft, onChange, err, disabled }: SectionEvidenceProps) {
  const s = admin.library.submission;
  const [note, setNote] = useState<string | null>(null);
  const files = draft.files.filter((f) => f.sectionId === section.id);
  const links = draft.links.filter((l) => l.sectionId === section.id);
  const id = `sub-${section.id.replace(/[^\w-]/g, '_')}`;

  const addChosen = (chosen: Chosen[]) => {
    setNote(null);
    onChange((d) => ({
      ...d,
      files: [
        ...d.files,
        ...chosen.map((c): FileDraft => ({
          key: itemKey(),
          token: c.token,
          fileName: c.name,
          sectionId: section.id,
          name: displayName(c.name),
        })),
      ],
    }));
  };
  const dropped = async (list: File[]) => {
    try {
      const r = await dropFiles(list, 'evidence');
      if (r.files.length > 0) addChosen(r.files);
      if (r.withoutPath > 0) setNote(s.dropNoPath);
    } catch (e) {
      setNote(errorMessage(e, s.chooseFailed));
    }
  };
  const drop = useEvidenceDrop((list) => void dropped(list), !disabled);
  const choose = async () => {
    try {
      const chosen = await call('dialog:choose', { purpose: 'evidence' });
      if (chosen) addChosen([chosen]);
    } catch (e) {
      setNote(errorMessage(e, s.chooseFailed));
    }
  };
  const setFile = (key: string, patch: Partial<FileDraft>) =>
    onChange((d) => ({ ...d, files: d.files.map((f) => (f.key === key ? { ...f, ...patch } : f)) }));
  const setLink = (key: string, patch: Partial<LinkDraft>) =>
    onChange((d) => ({ ...d, links: d.links.map((l) => (l.key === key ? { ...l, ...patch } : l)) }));
  const described = (key: string) =>
    err(key) ? { 'aria-invalid': true as const, 'aria-describedby': `${key}-error` } : {};
  const errorText = (key: string) =>
    err(key) ? (
      <p id={`${key}-error`} className="kit-error">
        {err(key)}
      </p>
    ) : null;

  return (
    <fieldset className="lib-card lib-sub-section" aria-describedby={section.prompt ? `${id}-prompt` : undefined}>
      <legend className="lib-card-title lib-sub-legend">{section.name}</legend>
      {section.prompt && (
        <p id={`${id}-prompt`} className="lib-prompt">
          {section.prompt}
        </p>
      )}
      <label htmlFor={`${id}-response`} className="kit-label">
        {s.response}
      </label>
      <textarea
        id={`${id}-response`}
        className="input kit-input"
        rows={4}
        value={draft.responses[section.id] ?? ''}
        onChange={(e) => onChange((d) => ({ ...d, responses: { ...d.responses, [section.id]: e.target.value } }))}
        disabled={disabled}
      />

      <div className={`lib-drop ${drop.over ? 'is-over' : ''}`} {...drop.handlers} data-testid={`drop-${section.id}`}>
        {files.length > 0 && (
          <ul className="lib-files" aria-label={s.filesOf(section.name)}>
            {files.map((f) => (
              <li key={f.key} className="lib-file">
                <Icon name="file" size={16} className="lib-file-icon" />
                <div className="lib-file-fields">
                  <label className="sr-only" htmlFor={`file:${f.key}:name`}>
                    {s.fileName(f.fileName)}
                  </label>
                  <input
                    id={`file:${f.key}:name`}
                    className="input kit-input"
                    value={f.name}
                    onChange={(e) => setFile(f.key, { name: e.target.value })}
                    disabled={disabled}
                    {...described(`file:${f.key}:name`)}
                  />
                  <span className="kit-hint lib-file-path" title={f.fileName}>
                    {f.fileName}
                  </span>
                  {errorText(`file:${f.key}:name`)}
                  {errorText(`file:${f.key}:path`)}
                </div>
                <button
                  type="button"
                  className="icon-button kit-icon-button"
                  aria-label={s.removeFile(f.name || f.fileName)}
                  onClick={() => onChange((d) => ({ ...d, files: d.files.filter((x) => x.key !== f.key) }))}
                  disabled={disabled}
                >
                  <Icon name="trash" size={16} />
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="lib-drop-row">
          <Icon name="upload" size={16} />
          <span>{s.dropHere}</span>
          <button type="button" className="button kit-button-small" onClick={() => void choose()} disabled={disabled}>
            {s.chooseFiles}
          </button>
        </div>
      </div>
      {note && (
        <p className="kit-error" role="alert">
          {note}
        </p>
      )}

      {links.map((l) => (
        <div key={l.key} className="lib-link">
          <Icon name="link" size={16} className="lib-file-icon" />
          <div className="lib-link-fields">
            <label className="sr-only" htmlFor={`link:${l.key}:url`}>
              {s.linkUrl}
            </label>
            <input
              id={`link:${l.key}:url`}
              className="input kit-input"
              type="url"
              placeholder="https://"
              value={l.url}
              onChange={(e) => setLink(l.key, { url: e.target.value })}
              disabled={disabled}
              {...described(`link:${l.key}:url`)}
            />
            <label className="sr-only" htmlFor={`link:${l.key}:name`}>
              {s.linkName}
            </label>
            <input
              id={`link:${l.key}:name`}
              className="input kit-input"
              placeholder={s.linkName}
              value={l.name}
              onChange={(e) => setLink(l.key, { name: e.target.value })}
              disabled={disabled}
              {...described(`link:${l.key}:name`)}
            />
            {errorText(`link:${l.key}:url`)}
            {errorText(`link:${l.key}:name`)}
          </div>
          <button
            type="button"
            className="icon-button kit-icon-button"
            aria-label={s.removeLink(l.name || l.url || s.linkUrl)}
            onClick={() => onChange((d) => ({ ...d, links: d.links.filter((x) => x.key !== l.key) }))}
            disabled={disabled}
          >
            <Icon name="trash" size={16} />
          </button>
        </div>
      ))}
      <div>
        <button
          type="button"
          className="button button-ghost kit-button-small"
          onClick={() => {
            const key = itemKey();
            onChange((d) => ({ ...d, links: [...d.links, { key, sectionId: section.id, url: '', name: '' }] }));
            requestAnimationFrame(() => document.getElementById(`link:${key}:url`)?.focus());
          }}
          disabled={disabled}
        >
          <Icon name="link" size={14} />
          {s.addLink}
        </button>
      </div>
    </fieldset>
  );
}
