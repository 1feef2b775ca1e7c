import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The service worker keeps the shell available offline, so a reload in a meeting with no network
// still opens the side panel and its outbox. Registered after start-up so it never delays Teams.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    // Refused where the browser blocks third-party storage; the tab then works online only.
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
