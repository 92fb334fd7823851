import { useState } from 'react';

/** A box to paste a whole judge or scoreboard link into, for when there is no camera. */
export function LinkForm() {
  const [link, setLink] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = () => {
    try {
      const url = new URL(link.trim(), location.href);
      if (
        !/^https?:$/.test(url.protocol) ||
        !url.searchParams.get('token') ||
        !/^\/(judge|scoreboard)\/?$/.test(url.pathname)
      ) {
        setError('That is not a judge or scoreboard link. It looks like http://…/judge?token=…');
        return;
      }
      // Another hub's link goes to that hub; this one's stays on this page's origin.
      location.assign(url.origin === location.origin ? url.pathname + url.search : url.href);
    } catch {
      setError('That is not a link. Copy the whole line the organiser gave you.');
    }
  };
  return (
    <form
      className="stack-form"
      onSubmit={(e) => {
        e.preventDefault();
        open();
      }}
    >
      <label htmlFor="link">Paste your link</label>
      <div className="inline-form">
        <input
          id="link"
          value={link}
          onChange={(e) => setLink(e.target.value)}
          placeholder="http://hub:7420/judge?token=…"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
        />
        <button className="btn" type="submit">
          Open
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
