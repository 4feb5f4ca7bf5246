// A table's head row from its columns: a number column is set right (`coord-num`), as its cells are.
import type { ReactNode } from 'react';

export interface Column {
  label: ReactNode;
  num?: boolean;
}

export function HeadRow({ columns }: { columns: readonly Column[] }) {
  return (
    <tr>
      {columns.map((c, i) => (
        <th key={i} scope="col" className={c.num ? 'coord-num' : undefined}>
          {c.label}
        </th>
      ))}
    </tr>
  );
}
