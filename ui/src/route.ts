/** The explorer's routes live in the URL's hash: #/who-can?action=…&resource=…, #/principal/<arn>, #/policy/<id>… */

export interface Route {
  view: string;
  id: string;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const q = text.indexOf('?');
  const path = q < 0 ? text : text.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : text.slice(q + 1));
  const slash = path.indexOf('/');
  const view = (slash < 0 ? path : path.slice(0, slash)) || 'who-can';
  const id = slash < 0 ? '' : decodeURIComponent(path.slice(slash + 1));
  return { view, id, params };
}
