// PLACEHOLDER until the evidence viewers land: lists each section's prompt, responses and artifacts.
import { useImperativeHandle, type Ref } from 'react';
import type { Anchor } from '../../shared/domain/review.js';
import type { Workspace } from '../../shared/domain/workspace.js';

export interface EvidencePaneHandle {
  /** Where the assessor is now: the open PDF's page (and selected text) or the playing media's time. */
  currentAnchor(): Anchor | null;
  /** Brings the evidence to an anchor: opens the artifact, scrolls to the page or seeks the media. */
  jumpTo(anchor: Anchor): void;
  /** Moves keyboard focus into the evidence pane. */
  focus(): void;
}

export interface EvidencePaneProps {
  sections: Workspace['submission']['sections'];
  /** Blind review: no file names, nothing that identifies the earner. */
  blind: boolean;
  ref?: Ref<EvidencePaneHandle>;
}

export function EvidencePane({ sections, ref }: EvidencePaneProps) {
  useImperativeHandle(ref, () => ({ currentAnchor: () => null, jumpTo: () => {}, focus: () => {} }), []);
  return (
    <div>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`sec-${s.id}`}>
          <h3 id={`sec-${s.id}`}>{s.name}</h3>
          <p>{s.prompt}</p>
          {s.responses.map((r, i) => (
            <p key={i}>{r}</p>
          ))}
          <ul>
            {s.artifacts.map((a) => (
              <li key={a.id}>{a.name}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
