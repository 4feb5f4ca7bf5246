// "Insert saved comment": a combobox over the comment bank, filtered as you type; Enter inserts, Escape closes.
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { BankEntry } from '../../shared/domain/review.js';
import { t } from '../strings/en.js';
import { useBank } from './review-context.js';

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

export interface BankPopoverProps {
  criterionId: string;
  onInsert: (entry: BankEntry) => void;
  /** `restore`: put focus back in the comment box (Escape), not when focus moved elsewhere by itself. */
  onClose: (restore: boolean) => void;
  onManage: () => void;
}

export function BankPopover({ criterionId, onInsert, onClose, onManage }: BankPopoverProps) {
  const bank = useBank();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const words = fold(query).split(/\s+/).filter(Boolean);
  const matches = bank.forCriterion(criterionId).filter((e) => words.every((w) => fold(e.text).includes(w)));
  const current = Math.min(active, Math.max(0, matches.length - 1));
  const optionId = (i: number) => `${id}-opt-${i}`;

  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    input.current?.focus({ preventScroll: true });
    box.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose(true);
      return;
    }
    if (e.target !== input.current) return;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + 5,
      PageUp: current - 5,
    };
    const to = moves[e.key];
    if (to !== undefined && matches.length > 0) {
      e.preventDefault();
      setActive(Math.max(0, Math.min(matches.length - 1, to)));
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      const entry = matches[current];
      if (entry) onInsert(entry);
    }
  };

  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget)) onClose(false);
  };

  const expanded = matches.length > 0;
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- keys and focus leaving, delegated from the combobox and buttons inside
    <div
      ref={box}
      className="bank-popover"
      role="group"
      aria-label={t.review.bank.insertTitle}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    >
      <label htmlFor={`${id}-q`} className="bank-popover-label">
        {t.review.bank.findLabel}
      </label>
      <input
        ref={input}
        id={`${id}-q`}
        className="input bank-search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={expanded ? `${id}-list` : undefined}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? optionId(current) : undefined}
        aria-describedby={`${id}-help`}
        autoComplete="off"
        spellCheck={false}
        value={query}
        placeholder={t.review.bank.findPlaceholder}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
      />
      {expanded ? (
        // A listbox of the combobox (aria-activedescendant): the options are picked from the input, or clicked.
        <div id={`${id}-list`} className="bank-list" role="listbox" aria-label={t.review.bank.listLabel}>
          {matches.map((entry, i) => (
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- the keyboard picks options from the combobox input (aria-activedescendant)
            <div
              key={entry.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              tabIndex={-1}
              className={i === current ? 'bank-option is-active' : 'bank-option'}
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => setActive(i)}
              onClick={() => onInsert(entry)}
            >
              <span className="bank-option-text">{entry.text}</span>
              <span className="bank-option-scope">
                {entry.criterionId === null ? t.review.bank.scopeAchievement : t.review.bank.scopeCriterion}
              </span>
            </div>
          ))}
        </div>
      ) : (
        <p className="bank-empty" role="status">
          {bank.entries.length === 0 || query === '' ? t.review.bank.emptyBank : t.review.bank.noMatches}
        </p>
      )}
      <div className="bank-popover-foot">
        <span id={`${id}-help`} className="muted small">
          {t.review.bank.popoverHelp}
        </span>
        <button type="button" className="button button-ghost button-small" onClick={onManage}>
          {t.review.bank.manage}
        </button>
      </div>
    </div>
  );
}
