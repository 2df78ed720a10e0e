// Mantine's global styles first, so component styles and the app's own overrides win.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadStartPage } from './app/preload';
// Evaluated before the first render: remembers `?tenant=` even on pages that do not use it yet.
import './app/tenant';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

// Before React renders: the start page's queries and code load while the layout renders.
preloadStartPage();

createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
