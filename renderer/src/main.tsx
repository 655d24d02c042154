// Renderer entry: mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/theme.css';
import './app/styles.css';
import { followViewPrefs } from './app/appliedTheme';

// Before the first paint: the theme and text size must be right from the first frame.
followViewPrefs();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
