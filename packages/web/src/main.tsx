import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from 'react-aria-components';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from './app/query-client';
import { createRouter } from './app/router';
import { takeOverServerPage } from './app/server-page';
import { startTheme } from './lib/theme';
import { strings } from './strings';
// One stylesheet in the build (the CSP allows no inline styles), written as a few files in cascade order.
import './styles/base.css';
import './styles/shell.css';
import './styles/controls.css';
import './styles/content.css';
import './styles/features.css';
import './styles/narrow.css';

// The colour theme first, so the first paint is already in it.
startTheme();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

// A public page's server-rendered first paint stays until the app's own page is ready.
takeOverServerPage(root);

const queryClient = createQueryClient();
const router = createRouter();

createRoot(root).render(
  <StrictMode>
    <I18nProvider locale={strings.locale}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
