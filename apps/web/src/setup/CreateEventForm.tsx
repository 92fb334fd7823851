import { useState } from 'react';
import { newEntityId, type CreateEventResponse } from '@judgehub/model';
import { createEvent } from './setupApi.js';

/** A short random tail, so a new event never shares its id with an earlier one on a tablet. */
function randomTail(): string {
  const bytes = new Uint8Array(2);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The first step on a hub with no event: its name and id. The hub writes the rest once. */
export function CreateEventForm({
  token,
  onCreated,
}: {
  token: string;
  onCreated: (created: CreateEventResponse) => void;
}) {
  const [tail] = useState(randomTail);
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [idTyped, setIdTyped] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ name?: string; id?: string; form?: string }>({});
  const shownId = idTyped
    ? id
    : name.trim()
      ? `${newEntityId(name, new Set(), 'event')}-${tail}`
      : '';

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await createEvent(token, { name: name.trim(), id: shownId.trim() });
    setBusy(false);
    if (result.ok) return onCreated(result.value);
    const byField: typeof errors = {};
    for (const p of result.problems ?? []) byField[p.field] = p.message;
    if (!result.problems) byField.form = result.message;
    setErrors(byField);
  };

  return (
    <form className="panel setup-create" onSubmit={(e) => void submit(e)} noValidate>
      <h1>Create the event</h1>
      <p className="lead">
        This hub has no event yet. Give it a name; then add categories and rubrics, teams and judges
        on this page. Judges&rsquo; QR codes and PINs appear on <em>Sign-in &amp; devices</em> as
        you add them.
      </p>
      <div className="stack-form">
        <label htmlFor="event-name">Event name</label>
        <input
          id="event-name"
          className="setup-input"
          value={name}
          maxLength={200}
          autoFocus
          onChange={(e) => setName(e.target.value)}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? 'event-name-error' : undefined}
        />
        {errors.name && (
          <p id="event-name-error" className="field-error">
            {errors.name}
          </p>
        )}
      </div>
      <div className="stack-form">
        <label htmlFor="event-id">Event id</label>
        <input
          id="event-id"
          className="setup-input"
          value={shownId}
          maxLength={64}
          onChange={(e) => {
            setIdTyped(true);
            setId(e.target.value);
          }}
          aria-invalid={errors.id ? true : undefined}
          aria-describedby="event-id-hint"
        />
        {errors.id && <p className="field-error">{errors.id}</p>}
        <p id="event-id-hint" className="hint">
          Made from the name; change it if you like (letters, digits, _ and -). Every tablet keeps
          its copy under this id, so scores of different events never mix.
        </p>
      </div>
      {errors.form && (
        <p className="notice notice-error" role="alert">
          {errors.form}
        </p>
      )}
      <button className="btn btn-primary btn-large" type="submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create event'}
      </button>
    </form>
  );
}
