// Find in the document: the phrase, "3 of 12", previous and next (Enter, Shift+Enter), Escape to close.
import type { KeyboardEvent, Ref } from 'react';
import { t } from '../../strings/en.js';
import { Icon } from '../../ui/Icon.js';
import { IconButton } from '../../ui/IconButton.js';
import type { Find } from './useFind.js';

export interface PdfFindBarProps {
  find: Find;
  inputRef: Ref<HTMLInputElement>;
  onClose: () => void;
}

export function PdfFindBar({ find, inputRef, onClose }: PdfFindBarProps) {
  const s = t.evidence.pdf;
  const { query, matches, index, searching } = find;
  const status =
    query.trim() === ''
      ? ''
      : matches.length > 0 && index >= 0
        ? s.matchOf(Math.min(index, matches.length - 1) + 1, matches.length)
        : searching
          ? s.searching
          : s.noMatches;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      find.step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="pdf-find" role="search">
      <Icon name="search" className="pdf-find-icon" />
      <input
        ref={inputRef}
        className="input pdf-find-input"
        type="text"
        aria-label={s.findInput}
        placeholder={s.findInput}
        value={query}
        onChange={(e) => find.setQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        spellCheck={false}
        autoComplete="off"
      />
      <span
        className={`pdf-find-count${query && !searching && matches.length === 0 ? ' pdf-find-none' : ''}`}
        role="status"
        aria-live="polite"
      >
        {status}
      </span>
      <IconButton
        icon="chevronUp"
        label={s.findPrevious}
        title={`${s.findPrevious} (Shift+Enter)`}
        aria-disabled={matches.length === 0}
        onClick={() => find.step(-1)}
      />
      <IconButton
        icon="chevronDown"
        label={s.findNext}
        title={`${s.findNext} (Enter)`}
        aria-disabled={matches.length === 0}
        onClick={() => find.step(1)}
      />
      <IconButton icon="close" label={s.findClose} title={`${s.findClose} (Escape)`} onClick={onClose} />
    </div>
  );
}
