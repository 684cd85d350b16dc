export interface FilterSelectProps {
  label: string;
  name: string;
  value: string | number | undefined;
  /** What the empty choice says ("All shows"). */
  anyLabel: string;
  options: { value: string | number; label: string }[];
}

/** One filter of a plain GET form: works without JavaScript, keeps its choice across pages. */
export function FilterSelect({ label, name, value, anyLabel, options }: FilterSelectProps) {
  return (
    <label className="text-sm font-semibold">
      {label}
      <select name={name} defaultValue={value ?? ""} className="mt-1 block rounded-md border border-gray-300 bg-white px-3 py-2">
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
