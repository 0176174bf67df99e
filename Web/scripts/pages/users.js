// 用户管理: filter bar (搜索, 组织, 角色, 状态, 重置), paged table with masked personal data and row actions.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { can } from '../session.js';
import { replaceQuery } from '../router.js';
import { pagination } from '../components/pagination.js';
import { emptyState, errorState, skeletonRows } from '../components/states.js';
import { loadOrganisations, loadRoles, organisationOptions, roleOptions } from '../directory.js';
import {
  createUser, isSelf, membershipList, resetPassword, revokeSessions, statusTag, toggleStatus, userName,
} from './user-actions.js';

const COLUMNS = ['用户名', '姓名', '组织与角色', '身份证号', '电话', '状态', '操作'];
const STATUS_OPTIONS = [{ value: '', label: '全部状态' }, { value: 'active', label: '正常' }, { value: 'disabled', label: '已停用' }];

export async function render(body, ctx) {
  const manage = can('user.manage');
  const state = {
    q: ctx.query.get('q') ?? '',
    organisationId: ctx.query.get('organisationId') ?? '',
    role: ctx.query.get('role') ?? '',
    status: ctx.query.get('status') ?? '',
    page: Math.max(1, Number(ctx.query.get('page')) || 1),
    pageSize: Number(ctx.query.get('pageSize')) || 20,
  };
  let organisations = [];
  let roles = [];
  let loadTicket = 0;

  // Filter bar
  const search = h('input', {
    class: 'input', type: 'search', id: 'user-search', name: 'q', value: state.q, placeholder: '用户名或姓名', autocomplete: 'off',
  });
  const orgSelect = h('select', { class: 'select', id: 'user-filter-organisation', name: 'organisationId' },
    h('option', { value: '', text: '全部组织' }));
  const roleSelect = h('select', { class: 'select', id: 'user-filter-role', name: 'role' }, h('option', { value: '', text: '全部角色' }));
  const statusSelect = h('select', { class: 'select', id: 'user-filter-status', name: 'status' },
    STATUS_OPTIONS.map((o) => h('option', { value: o.value, text: o.label, selected: o.value === state.status })));
  const filterForm = h('form', { class: 'filter-bar', role: 'search', 'aria-label': '筛选用户', novalidate: true },
    filterField('搜索', h('div', { class: 'input-with-icon' }, icon('search'), search), search.id, 'wide'),
    filterField('组织', orgSelect, orgSelect.id, 'wide'),
    filterField('角色', roleSelect, roleSelect.id),
    filterField('状态', statusSelect, statusSelect.id),
    h('div', { class: 'btn-group' },
      h('button', { type: 'submit', class: 'btn btn-primary', id: 'user-search-submit' }, icon('search'), '查询'),
      h('button', { type: 'button', class: 'btn', id: 'user-filter-reset', onclick: reset, text: '重置' })));
  filterForm.addEventListener('submit', (event) => { event.preventDefault(); applyFilters(); });
  for (const select of [orgSelect, roleSelect, statusSelect]) select.addEventListener('change', applyFilters);

  const createButton = manage ? h('button', { type: 'button', class: 'btn btn-primary', id: 'create-user', onclick: openCreate },
    icon('plus'), '新建用户') : null;
  const summary = h('span', { class: 'visually-hidden', 'aria-live': 'polite' }); // announces result counts
  const tbody = h('tbody', {}, skeletonRows(COLUMNS.length));
  const table = h('table', { class: 'table responsive', id: 'users-table' },
    h('caption', { class: 'visually-hidden', text: '用户列表' }),
    h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', { scope: 'col', class: c === '操作' ? 'actions' : c === '电话' ? 'col-secondary' : null, text: c })))),
    tbody);
  const tableArea = h('div', { class: 'table-wrap' }, table);
  const pager = h('div');

  replaceChildren(body, h('section', { class: 'list-card', 'aria-label': '用户列表' },
    filterForm,
    h('div', { class: 'toolbar' }, h('div', {}, h('span', { class: 'toolbar-title', text: '用户列表' }), ' ', summary), createButton),
    tableArea,
    pager));

  // Selects fill in as soon as the directory answers; a failure leaves them at 全部.
  Promise.all([loadOrganisations(), loadRoles()]).then(([orgs, roleList]) => {
    organisations = orgs;
    roles = roleList;
    replaceChildren(orgSelect, organisationOptions(orgs, { all: '全部组织' }).map((o) =>
      h('option', { value: o.value, text: o.label, selected: o.value === state.organisationId })));
    replaceChildren(roleSelect, roleOptions(roleList, { all: '全部角色' }).map((o) =>
      h('option', { value: o.value, text: o.label, selected: o.value === state.role })));
  }).catch(() => {});

  await load();

  function applyFilters() {
    state.q = search.value.trim();
    state.organisationId = orgSelect.value;
    state.role = roleSelect.value;
    state.status = statusSelect.value;
    state.page = 1;
    load();
  }

  function reset() {
    search.value = '';
    orgSelect.value = '';
    roleSelect.value = '';
    statusSelect.value = '';
    applyFilters();
  }

  function filtered() {
    return Boolean(state.q || state.organisationId || state.role || state.status);
  }

  async function load() {
    const ticket = ++loadTicket;
    replaceQuery(ctx.path, { ...state, page: state.page > 1 ? state.page : '', pageSize: state.pageSize !== 20 ? state.pageSize : '' });
    table.setAttribute('aria-busy', 'true');
    if (!tbody.querySelector('tr:not(.skeleton-row)')) replaceChildren(tbody, skeletonRows(COLUMNS.length));
    try {
      const answer = await api.get('/api/users', {
        query: {
          q: state.q, organisationId: state.organisationId, role: state.role, status: state.status,
          page: state.page, pageSize: state.pageSize,
        },
      });
      if (ticket !== loadTicket) return;
      // A page past the end (e.g. after filtering) goes back to the last page that exists.
      if (answer.items.length === 0 && answer.total > 0 && state.page > 1) {
        state.page = Math.ceil(answer.total / state.pageSize);
        load();
        return;
      }
      showRows(answer);
    } catch (error) {
      if (ticket !== loadTicket) return;
      replaceChildren(tbody);
      replaceChildren(pager);
      summary.textContent = '';
      replaceChildren(tableArea, errorState({ title: '用户列表加载失败', error, onRetry: () => { replaceChildren(tableArea, table); load(); } }));
    } finally {
      if (ticket === loadTicket) table.removeAttribute('aria-busy');
    }
  }

  function showRows({ items, total }) {
    if (!tableArea.contains(table)) replaceChildren(tableArea, table);
    summary.textContent = `共 ${total} 人`;
    if (items.length === 0) {
      replaceChildren(tbody, h('tr', {}, h('td', { colspan: COLUMNS.length, class: 'empty-cell' }, filtered()
        ? emptyState({
          title: '没有符合条件的用户',
          text: '请调整搜索词或筛选条件后重试。',
          actions: [h('button', { type: 'button', class: 'btn', onclick: reset, text: '重置筛选' })],
        })
        : emptyState({
          title: '还没有用户',
          text: manage ? '新建用户并分配组织和角色后，他们即可登录检务云。' : '暂无可查看的用户。',
          actions: manage ? [h('button', { type: 'button', class: 'btn btn-primary', onclick: openCreate }, icon('plus'), '新建用户')] : [],
        }))));
    } else {
      replaceChildren(tbody, items.map(row));
    }
    replaceChildren(pager, total > 0 ? pagination({
      total, page: state.page, pageSize: state.pageSize,
      onChange: (page, pageSize) => { state.page = page; state.pageSize = pageSize; load(); },
    }) : null);
  }

  function row(user) {
    const detailHref = `#/admin/users/${encodeURIComponent(user.id)}`;
    const actions = [h('a', { class: 'btn-link', href: detailHref, text: '查看', 'aria-label': `查看 ${userName(user)}` })];
    if (manage) {
      const self = isSelf(user);
      actions.push(
        h('button', {
          type: 'button', class: 'btn-link', disabled: self && user.status === 'active',
          title: self ? '不能停用自己的账号' : null, text: user.status === 'active' ? '停用' : '启用',
          'aria-label': `${user.status === 'active' ? '停用' : '启用'} ${userName(user)}`,
          onclick: async () => { if (await toggleStatus(user)) load(); },
        }),
        h('button', {
          type: 'button', class: 'btn-link', text: '重置密码', 'aria-label': `重置 ${userName(user)} 的密码`,
          onclick: () => resetPassword(user),
        }),
        h('button', {
          type: 'button', class: 'btn-link', text: '强制下线', 'aria-label': `强制 ${userName(user)} 下线`,
          onclick: () => revokeSessions(user),
        }));
    }
    return h('tr', { dataset: { userId: user.id, username: user.username } },
      h('td', { 'data-label': '用户名' }, h('a', { href: detailHref, class: 'cell-primary', text: user.username })),
      h('td', { 'data-label': '姓名', class: 'name-cell', text: user.displayName }),
      h('td', { 'data-label': '组织与角色' }, membershipList(user.memberships)),
      h('td', { 'data-label': '身份证号', class: 'mono nowrap citizen-id', text: user.citizenIdMasked ?? '—' }),
      h('td', { 'data-label': '电话', class: 'mono nowrap col-secondary', text: user.phoneMasked ?? '—' }),
      h('td', { 'data-label': '状态' }, statusTag(user.status)),
      h('td', { class: 'actions' }, actions));
  }

  async function openCreate() {
    if (!organisations.length || !roles.length) {
      try {
        [organisations, roles] = await Promise.all([loadOrganisations(), loadRoles()]);
      } catch {
        // The dialog still opens; its selects will be empty and the server will say what is missing.
      }
    }
    const created = await createUser({ organisations, roles });
    if (created) load();
  }
}

function filterField(label, control, id, extra = '') {
  return h('div', { class: `field ${extra}`.trim() }, h('label', { class: 'field-label', for: id, text: label }), control);
}
