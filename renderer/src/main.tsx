import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectBridge } from './bridge/connect';
import './styles.css';

// One bridge for the page's life: React's effects may run twice, the connection must not.
const bridge = connectBridge();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App bridge={bridge} />
  </StrictMode>,
);
