// The renderer's entry: styles, then the app into #root.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import './ui/tokens.css';
import './ui/controls.css';
import './ui/surfaces.css';
import './app/app.css';
import './queue/filters.css';
import './queue/grid.css';
import './import/import.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
