import { useState } from 'react';

/** The start page: how to join, and a box to paste a link when there is no QR code. */
export function Home({ problem }: { problem?: string }) {
  const [link, setLink] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = () => {
    try {
      const url = new URL(link.trim(), location.href);
      if (!url.searchParams.get('token') || !/^\/(judge|scoreboard)\/?$/.test(url.pathname)) {
        setError('That is not a judge or scoreboard link. It looks like http://…/judge?token=…');
        return;
      }
      location.assign(url.pathname + url.search);
    } catch {
      setError('That is not a link. Copy the whole line the organiser gave you.');
    }
  };
  return (
    <main className="home">
      <h1>JudgeHub</h1>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      <p className="lead">
        Open the link or scan the QR code the organiser gave you. It signs you in on this device.
      </p>
      <form
        className="home-form"
        onSubmit={(e) => {
          e.preventDefault();
          open();
        }}
      >
        <label htmlFor="link">Or paste your link here</label>
        <input
          id="link"
          value={link}
          onChange={(e) => setLink(e.target.value)}
          placeholder="http://hub:7420/judge?token=…"
          autoComplete="off"
        />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button className="btn btn-primary" type="submit">
          Open
        </button>
      </form>
    </main>
  );
}
