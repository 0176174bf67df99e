// Organisations and roles, loaded once per page visit and shared by filters and dialogs.
import { api } from './api.js';
import { can, getSession } from './session.js';
import { ROLE_NAMES } from './labels.js';

/** Every organisation the session may see, ordered as a tree (each parent followed by its children) with depth. */
export async function loadOrganisations() {
  if (!can('organisation.read')) {
    // Without organisation.read the user still knows their own organisations from the session.
    const seen = new Map();
    for (const m of getSession()?.memberships ?? []) {
      seen.set(m.organisationId, { id: m.organisationId, parentId: null, name: m.organisationName, depth: 0 });
    }
    return [...seen.values()];
  }
  const { items } = await api.get('/api/organisations');
  return orderAsTree(items);
}

/** Depth-first order with a `depth` on each organisation; orphans (parent not visible) become roots. */
export function orderAsTree(items) {
  const ids = new Set(items.map((o) => o.id));
  const children = new Map();
  for (const o of items) {
    const parent = o.parentId && ids.has(o.parentId) ? o.parentId : null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(o);
  }
  const ordered = [];
  const visit = (parent, depth) => {
    for (const o of children.get(parent) ?? []) {
      ordered.push({ ...o, depth });
      visit(o.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

export async function loadRoles() {
  try {
    const { items } = await api.get('/api/roles');
    return items;
  } catch (error) {
    if (error.status === 401) throw error;
    return Object.entries(ROLE_NAMES).map(([role, name]) => ({ role, name }));
  }
}

/** <option> specs for an organisation select, indented by depth with full-width spaces. */
export function organisationOptions(organisations, { all } = {}) {
  const options = organisations.map((o) => ({ value: o.id, label: `${'\u3000'.repeat(o.depth ?? 0)}${o.name}` }));
  return all ? [{ value: '', label: all }, ...options] : options;
}

export function roleOptions(roles, { all } = {}) {
  const options = roles.map((r) => ({ value: r.role, label: r.name }));
  return all ? [{ value: '', label: all }, ...options] : options;
}
