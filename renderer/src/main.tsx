import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Sarabun is bundled (thai + latin subsets) so that nothing is fetched from the network and Thai never shows as boxes.
import '@fontsource/sarabun/400.css';
import '@fontsource/sarabun/700.css';
import './styles.css';
import './i18n';
import { App } from './app/App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
