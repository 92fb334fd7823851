import { useState } from 'react';

/** A name shown as text, edited in place: *Rename* opens a field, Enter or *Save* keeps it. */
export function NameEditor({
  name,
  label,
  onSave,
}: {
  name: string;
  label: string;
  onSave: (name: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null)
    return (
      <span className="setup-name">
        <span>{name}</span>
        <button className="btn btn-ghost setup-small" type="button" onClick={() => setDraft(name)}>
          Rename
        </button>
      </span>
    );
  const empty = !draft.trim();
  return (
    <form
      className="setup-name"
      onSubmit={(e) => {
        e.preventDefault();
        if (empty) return;
        if (draft.trim() !== name) onSave(draft.trim());
        setDraft(null);
      }}
    >
      <input
        className="setup-input"
        aria-label={label}
        value={draft}
        autoFocus
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setDraft(null)}
      />
      <button className="btn btn-primary setup-small" type="submit" disabled={empty}>
        Save
      </button>
      <button className="btn btn-ghost setup-small" type="button" onClick={() => setDraft(null)}>
        Cancel
      </button>
      {empty && <span className="field-error">A name cannot be empty.</span>}
    </form>
  );
}
