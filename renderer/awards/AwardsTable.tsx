// Issued awards as a table: a checkbox per row for batch export, and the row's code opens its preview.
import type { KeyboardEvent } from 'react';
import { absoluteDate } from '../queue/dates.js';
import { admin } from '../strings/en.js';
import type { AwardSummary } from './award-format.js';
import { StatusBadge } from './StatusBadge.js';
import { VerifiabilityBadge } from './Verifiability.js';
import { CheckAllCell } from './CheckAllCell.js';

export interface AwardsTableProps {
  awards: AwardSummary[];
  selected: ReadonlySet<string>;
  onSelected: (next: Set<string>) => void;
  current: string | null;
  onCurrent: (credentialId: string) => void;
}

export function AwardsTable({ awards, selected, onSelected, current, onCurrent }: AwardsTableProps) {
  const s = admin.awards.list;
  const all = awards.length > 0 && awards.every((a) => selected.has(a.credentialId));
  const some = awards.some((a) => selected.has(a.credentialId));

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelected(next);
  };

  // Up and down move between rows' buttons and show each award, as in a list.
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const next = awards[index + (e.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    onCurrent(next.credentialId);
    e.currentTarget
      .closest('tbody')
      ?.querySelector<HTMLButtonElement>(`[data-award="${CSS.escape(next.credentialId)}"]`)
      ?.focus();
  };

  return (
    <table className="aw-table">
      <caption className="sr-only">{s.label}</caption>
      <thead>
        <tr>
          <CheckAllCell
            label={s.selectAll}
            all={all}
            some={some}
            onChange={() => onSelected(all ? new Set() : new Set(awards.map((a) => a.credentialId)))}
          />
          <th scope="col">{s.code}</th>
          <th scope="col">{s.earner}</th>
          <th scope="col">{s.achievement}</th>
          <th scope="col">{s.issued}</th>
          <th scope="col">{s.status}</th>
          <th scope="col">{admin.awards.verifiability.column}</th>
        </tr>
      </thead>
      <tbody>
        {awards.map((a, i) => {
          const isCurrent = a.credentialId === current;
          return (
            <tr
              key={a.credentialId}
              className={`${isCurrent ? 'is-current' : ''} ${selected.has(a.credentialId) ? 'is-chosen' : ''}`}
              onClick={() => onCurrent(a.credentialId)}
            >
              <td className="aw-col-check" onClick={(e) => e.stopPropagation()}>
                <input
                  type="checkbox"
                  className="aw-check"
                  aria-label={s.select(a.earnerName, a.verificationCode)}
                  checked={selected.has(a.credentialId)}
                  onChange={() => toggle(a.credentialId)}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="aw-code"
                  data-award={a.credentialId}
                  aria-current={isCurrent ? 'true' : undefined}
                  aria-label={s.show(a.verificationCode, a.earnerName)}
                  onClick={(e) => {
                    e.stopPropagation();
                    onCurrent(a.credentialId);
                  }}
                  onKeyDown={(e) => onKey(e, i)}
                >
                  {a.verificationCode}
                </button>
              </td>
              <td className="aw-strong aw-wrap">{a.earnerName}</td>
              <td className="aw-wrap">{a.achievementName}</td>
              <td className="aw-date">{absoluteDate(a.issuedAt)}</td>
              <td>
                <StatusBadge status={a.status} />
              </td>
              <td>
                <VerifiabilityBadge reach={a.issuer} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
