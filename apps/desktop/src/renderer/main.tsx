import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { findDesktopApi } from './desktopApi.js';
import './styles.css';

const api = findDesktopApi();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {api ? (
      <App api={api} />
    ) : (
      <main className="page">
        <h1>JudgeHub</h1>
        <p className="notice notice-error" role="alert">
          This page belongs to the JudgeHub desktop app and does nothing in a browser.
        </p>
      </main>
    )}
  </StrictMode>,
);
