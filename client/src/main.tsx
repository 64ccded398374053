// First: zod must be told not to use eval before any schema is built (see zodConfig.ts).
import './zodConfig';
// Second: a document's editor code starts loading before the app evaluates (see earlyLoad.ts).
import './routes/earlyLoad';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { setupI18n } from './i18n';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/document.css';
import './styles/collab.css';
import './styles/comments.css';
import './styles/suggestions.css';
import './styles/inbox.css';
import './styles/notifications.css';
import './styles/workshopPlanning.css';

setupI18n();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
