import { app, session } from 'electron';

/** What a page may ask for: going fullscreen (the scoreboard) and copying text. Nothing else. */
const ALLOWED_PERMISSIONS = new Set(['fullscreen', 'clipboard-sanitized-write']);

/** App-wide rules that no single window should have to remember. */
export function hardenSessions(): void {
  app.on('web-contents-created', (_event, contents) => {
    // No <webview>: a page must never embed a browser of its own.
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission)),
  );
  ses.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
}
