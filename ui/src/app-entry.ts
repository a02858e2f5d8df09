import './components.js';
import { AccessqlApp } from './app.js';

if (!customElements.get('accessql-app')) customElements.define('accessql-app', AccessqlApp);
