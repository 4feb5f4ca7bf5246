// One section of the submission: its prompt as a quiet quote, the teacher's written response, the artifacts as cards.
import { useId } from 'react';
import type { Workspace, WorkspaceArtifact } from '../../shared/domain/workspace.js';
import { t } from '../strings/en.js';
import { ArtifactCard } from './ArtifactCard.js';
import { LinkCard } from './LinkCard.js';
import { SystemFileCard } from './SystemFileCard.js';
import { viewerKind } from './media-types.js';

type Section = Workspace['submission']['sections'][number];

export interface EvidenceSectionProps {
  section: Section;
  blind: boolean;
  onOpen: (artifact: WorkspaceArtifact) => void;
  registerCard: (id: string, el: HTMLElement | null) => void;
}

/** Paragraphs split at blank lines; single line breaks inside a paragraph are kept by CSS (pre-line). */
function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

export function EvidenceSection({ section, blind, onOpen, registerCard }: EvidenceSectionProps) {
  const headingId = useId();
  const responses = section.responses.flatMap(paragraphs);
  return (
    <section className="ev-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="ev-section-title">
        {section.name}
      </h2>
      {section.prompt && (
        <blockquote className="ev-prompt">
          <span className="ev-prompt-label">{t.evidence.prompt}</span>
          <p>{section.prompt}</p>
        </blockquote>
      )}
      {responses.length > 0 ? (
        <div className="ev-response">
          {responses.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      ) : (
        section.artifacts.length === 0 && <p className="ev-no-response muted">{t.evidence.noResponse}</p>
      )}
      {section.artifacts.length > 0 && (
        <ul className="ev-cards" aria-label={t.evidence.artifactsLabel(section.name)}>
          {section.artifacts.map((a) => {
            const kind = viewerKind(a);
            return (
              <li key={a.id}>
                {kind === 'link' ? (
                  <LinkCard artifact={a} registerCard={registerCard} />
                ) : kind === 'file' ? (
                  <SystemFileCard artifact={a} blind={blind} registerCard={registerCard} />
                ) : (
                  <ArtifactCard artifact={a} blind={blind} onOpen={() => onOpen(a)} registerCard={registerCard} />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
