// The signed-in session (user, memberships, permissions, CSRF token) and who is told when it changes.
import { api, setCsrfToken } from './api.js';

let current = null;

// Where to go after signing in, and the notice the sign-in page shows (e.g. the session expired).
export const signInState = { returnTo: null, notice: null };
const listeners = new Set();

export function getSession() { return current; }

export function setSession(session) {
  current = session ?? null;
  setCsrfToken(current?.csrfToken);
  for (const listener of listeners) listener(current);
}

export function onSessionChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether the session grants a permission such as `user.manage`. */
export function can(permission) {
  return Boolean(current?.permissions?.includes(permission));
}

/** Asks the server for the current session; null when not signed in (never redirects). */
export async function loadSession() {
  try {
    setSession(await api.get('/api/auth/session', { quiet401: true }));
  } catch (error) {
    if (error.status === 401) setSession(null);
    else throw error;
  }
  return current;
}

/** Re-reads the session after something changed it (e.g. TOTP enabled); keeps the old one on failure. */
export async function refreshSession() {
  try {
    setSession(await api.get('/api/auth/session'));
  } catch {
    // The 401 handler already took over if the session is gone; other errors keep what we have.
  }
  return current;
}

/** The organisation shown in the top bar: the first membership's. */
export function primaryOrganisation(session = current) {
  const membership = session?.memberships?.[0];
  return membership ? { id: membership.organisationId, name: membership.organisationName } : null;
}
