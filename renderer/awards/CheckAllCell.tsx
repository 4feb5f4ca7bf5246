// The header cell of an awards list that chooses every row or none; it shows "some" while only some are chosen.
export function CheckAllCell({
  label,
  all,
  some,
  onChange,
  disabled,
}: {
  label: string;
  all: boolean;
  some: boolean;
  onChange: () => void;
  disabled?: boolean | undefined;
}) {
  return (
    <th scope="col" className="aw-col-check">
      <input
        type="checkbox"
        className="aw-check"
        aria-label={label}
        checked={all}
        ref={(el) => {
          if (el) el.indeterminate = some && !all;
        }}
        onChange={onChange}
        disabled={disabled}
      />
    </th>
  );
}
