import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { keepLinkToken } from './shared/session.js';
import './styles.css';

keepLinkToken();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Keep the app on this device for offline reloads (https and localhost only) and ask the
// browser not to evict stored scores under storage pressure.
if ('serviceWorker' in navigator && window.isSecureContext) {
  void navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
    console.warn('JudgeHub: offline app copy unavailable', error);
  });
}
void navigator.storage?.persist?.().catch(() => undefined);
