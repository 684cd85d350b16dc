/**
 * A field people never see and bots fill in ("website"): off-screen rather than hidden, since some bots skip hidden
 * fields, and out of the tab order and the accessibility tree, so no person meets it.
 */
export function Honeypot() {
  return (
    <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
      <label>
        Website
        <input name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}
