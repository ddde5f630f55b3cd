/** A checkbox inside its label, the label's text after the box; `title` explains the option on hover. */
export function Checkbox(props: { label: string; checked: boolean; onChange(checked: boolean): void; title?: string }) {
  return (
    <label title={props.title}>
      <input type="checkbox" checked={props.checked} onChange={(event) => props.onChange(event.target.checked)} />{' '}
      {props.label}
    </label>
  );
}
