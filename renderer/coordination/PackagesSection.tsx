// The packages of the coordination: the round's review packages and every results package opened, each with who
// signed it and how far this store trusts that signer.
import { useState } from 'react';
import type { ScreenOverview } from '../../shared/coordination/types.js';
import { coordination as s } from '../strings/en.js';
import { useRowLimit } from './useRowLimit.js';
import { HeadRow } from './HeadRow.js';

/** More packages than this, and the list is folded under a line that counts them (opened on request). */
const FOLD_OVER = 20;

export function PackagesSection({ overview }: { overview: ScreenOverview }) {
  const total = overview.round.reviewPackages.length + overview.packages.length;
  const [open, setOpen] = useState(total <= FOLD_OVER);
  const table = open && <PackagesTable overview={overview} />;
  return (
    <section className="coord-section" aria-labelledby="coord-packages">
      <h2 id="coord-packages" className="coord-heading">
        {s.packages.heading}
      </h2>
      {total <= FOLD_OVER ? (
        table
      ) : (
        <details className="kit-details" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>
            {s.packages.summary(
              overview.round.reviewPackages.length,
              overview.packages.filter((p) => p.kind === 'first').length,
              overview.packages.filter((p) => p.kind === 'second-reading').length,
            )}
          </summary>
          {table}
        </details>
      )}
    </section>
  );
}

function PackagesTable({ overview }: { overview: ScreenOverview }) {
  const packageRows = useRowLimit(overview.packages);
  const c = s.packages.col;
  return (
    <div className="qa-table-wrap">
      <table className="qa-table" data-testid="coordination-packages">
        <caption className="sr-only">{s.packages.caption}</caption>
        <thead>
          <HeadRow
            columns={[
              { label: c.pkg },
              { label: c.kind },
              { label: c.assessor },
              { label: c.decisions, num: true },
              { label: c.seeds, num: true },
              { label: c.signer },
              { label: c.state },
            ]}
          />
        </thead>
        <tbody>
          {overview.round.reviewPackages.map((p) => (
            <tr key={`review-${p.id}`}>
              <th scope="row">{p.label}</th>
              <td>{s.packages.kind.review}</td>
              <td>{s.packages.reviewPackage(p.issuer, p.submissions)}</td>
              <td className="coord-num">{s.overview.none}</td>
              <td className="coord-num">{s.overview.none}</td>
              <td>{s.overview.none}</td>
              <td>
                <span className="kit-badge kit-badge-ok">{s.packages.verified}</span>
              </td>
            </tr>
          ))}
          {packageRows.shown.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.label}</th>
              <td>{s.packages.kind[p.kind]}</td>
              <td>{p.assessor.name}</td>
              <td className="coord-num">{p.decisions.toLocaleString('en')}</td>
              <td className="coord-num">{p.seeds.toLocaleString('en')}</td>
              <td className="coord-wrap">{p.signer.subject}</td>
              <td>
                <span className="kit-badge kit-badge-ok">
                  {p.trustedAs ? s.packages.trusted(p.trustedAs) : s.packages.untrusted}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {packageRows.more}
    </div>
  );
}
