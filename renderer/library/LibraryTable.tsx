// The achievements in the library: name, versions, where the latest came from, submissions, and actions.
import { Icon } from '../ui/Icon.js';
import { admin } from '../strings/en.js';
import type { LibrarySummary } from './useLibrary.js';

export interface LibraryTableProps {
  items: LibrarySummary[];
  busyId: string | null;
  onEdit: (item: LibrarySummary) => void;
  onSubmission: (item: LibrarySummary) => void;
  onExportCase: (item: LibrarySummary) => void;
}

export function LibraryTable({ items, busyId, onEdit, onSubmission, onExportCase }: LibraryTableProps) {
  const s = admin.library.list;
  return (
    <div className="lib-table-wrap">
      <table className="lib-table">
        <caption className="sr-only">{s.label}</caption>
        <thead>
          <tr>
            <th scope="col">{s.name}</th>
            <th scope="col" className="lib-num">
              {s.versions}
            </th>
            <th scope="col">{s.source}</th>
            <th scope="col" className="lib-num">
              {s.submissions}
            </th>
            <th scope="col" className="lib-actions-col">
              <span className="sr-only">{s.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} data-achievement={a.id}>
              <th scope="row" className="lib-name">
                {a.name}
                {!a.passRule && (
                  <span className="lib-rule-missing" data-testid="no-pass-rule">
                    <span className="kit-badge kit-badge-bad">{s.noPassRule}</span>
                    <span className="kit-hint">{s.noPassRuleHint}</span>
                  </span>
                )}
              </th>
              <td className="lib-num" data-testid="versions">
                {a.versions.toLocaleString('en')}
              </td>
              <td>
                <span className={`kit-badge ${a.source === 'library' ? 'kit-badge-info' : ''}`}>
                  {a.source === 'library' ? s.fromLibrary : s.fromPackage}
                </span>
              </td>
              <td className="lib-num">{a.submissions.toLocaleString('en')}</td>
              <td className="lib-actions-col">
                <div className="lib-row-buttons">
                  <button
                    type="button"
                    className="button kit-button-small"
                    onClick={() => onEdit(a)}
                    aria-label={s.editNamed(a.name)}
                  >
                    <Icon name="pencil" size={14} />
                    {s.edit}
                  </button>
                  <button
                    type="button"
                    className="button kit-button-small"
                    onClick={() => onSubmission(a)}
                    aria-label={s.addSubmissionNamed(a.name)}
                  >
                    <Icon name="plus" size={14} />
                    {s.addSubmission}
                  </button>
                  <button
                    type="button"
                    className="button kit-button-small"
                    onClick={() => onExportCase(a)}
                    aria-label={s.exportCaseNamed(a.name)}
                    aria-disabled={busyId === a.id || undefined}
                  >
                    <Icon name="download" size={14} />
                    {busyId === a.id ? s.exporting : s.exportCase}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
