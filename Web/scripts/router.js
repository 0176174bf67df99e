// Hash routing: `#/admin/users?q=张&page=2` → { path: '/admin/users', query: URLSearchParams }.
import { ROUTES, NOT_FOUND } from './routes.js';

/** The current location as path and query; anything that is not `#/…` counts as the home page. */
export function currentLocation() {
  const raw = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
  const index = raw.indexOf('?');
  const path = index === -1 ? raw : raw.slice(0, index);
  const query = new URLSearchParams(index === -1 ? '' : raw.slice(index + 1));
  let decoded = path;
  try { decoded = decodeURIComponent(path); } catch { /* keep the raw path */ }
  return { path: decoded.length > 1 ? decoded.replace(/\/+$/, '') : '/', query, hash: location.hash || '#/' };
}

/** The route for a path and its parameters (`/admin/users/:id` → { id }). */
export function matchRoute(path) {
  const segments = path.split('/').filter(Boolean);
  for (const route of ROUTES) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params = {};
    const matches = pattern.every((part, i) => {
      if (part.startsWith(':')) { params[part.slice(1)] = segments[i]; return true; }
      return part === segments[i];
    });
    if (matches) return { route, params };
  }
  return { route: NOT_FOUND, params: {} };
}

/** Goes to a hash such as `#/admin/users`; `replace` keeps the current entry out of the history. */
export function navigate(hash, { replace = false } = {}) {
  if (location.hash === hash) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else if (replace) {
    history.replaceState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = hash;
  }
}

/** Writes list state (filters, page) into the address without re-rendering, so reload and Back keep it. */
export function replaceQuery(path, values) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  history.replaceState(null, '', `#${path}${text ? `?${text}` : ''}`);
}
