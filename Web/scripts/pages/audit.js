// 审计日志: filter bar (操作人, 操作类型, 对象类型, 时间范围), newest first, paged.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { replaceQuery } from '../router.js';
import { pagination } from '../components/pagination.js';
import { emptyState, errorState, skeletonRows } from '../components/states.js';
import { formatDateTime, shanghaiLocalToISO, isoToShanghaiLocal } from '../format.js';
import { actionName, resourceTypeName, KNOWN_ACTIONS, RESOURCE_TYPES } from '../labels.js';

const COLUMNS = ['时间', '操作人', '操作类型', '对象', '来源地址', '序号'];

export async function render(body, ctx) {
  const state = {
    actor: ctx.query.get('actor') ?? '',
    action: ctx.query.get('action') ?? '',
    resourceType: ctx.query.get('resourceType') ?? '',
    from: ctx.query.get('from') ?? '',
    to: ctx.query.get('to') ?? '',
    page: Math.max(1, Number(ctx.query.get('page')) || 1),
    pageSize: Number(ctx.query.get('pageSize')) || 20,
  };
  let ticket = 0;

  const actor = h('input', { class: 'input', type: 'search', id: 'audit-actor', value: state.actor, placeholder: '用户名或用户 ID', autocomplete: 'off' });
  const action = h('input', {
    class: 'input', type: 'search', id: 'audit-action', value: state.action, placeholder: '如 user.create', list: 'audit-actions', autocomplete: 'off',
  });
  const actions = h('datalist', { id: 'audit-actions' }, KNOWN_ACTIONS.map((code) => h('option', { value: code, label: actionName(code) })));
  const resourceType = h('select', { class: 'select', id: 'audit-resource-type' },
    h('option', { value: '', text: '全部类型' }),
    Object.entries(RESOURCE_TYPES).map(([value, label]) => h('option', { value, text: label, selected: value === state.resourceType })));
  const from = h('input', { class: 'input', type: 'datetime-local', id: 'audit-from', value: isoToShanghaiLocal(state.from), 'aria-label': '开始时间' });
  const to = h('input', { class: 'input', type: 'datetime-local', id: 'audit-to', value: isoToShanghaiLocal(state.to), 'aria-label': '结束时间' });
  const rangeError = h('div', { class: 'field-error', id: 'audit-range-error', hidden: true });

  const filterForm = h('form', { class: 'filter-bar', role: 'search', 'aria-label': '筛选审计日志', novalidate: true },
    labelled('操作人', actor),
    labelled('操作类型', h('div', {}, action, actions), action.id),
    labelled('对象类型', resourceType),
    h('div', { class: 'field range-field' },
      h('span', { class: 'field-label', id: 'audit-range-label', text: '时间范围（北京时间）' }),
      h('div', { class: 'range', role: 'group', 'aria-labelledby': 'audit-range-label' }, from, h('span', { class: 'muted', text: '至' }), to),
      rangeError),
    h('div', { class: 'btn-group' },
      h('button', { type: 'submit', class: 'btn btn-primary' }, icon('search'), '查询'),
      h('button', { type: 'button', class: 'btn', onclick: reset, text: '重置' })));
  filterForm.addEventListener('submit', (event) => { event.preventDefault(); apply(); });
  resourceType.addEventListener('change', apply);

  const summary = h('span', { class: 'visually-hidden', 'aria-live': 'polite' }); // announces result counts
  const tbody = h('tbody', {}, skeletonRows(COLUMNS.length));
  const table = h('table', { class: 'table responsive', id: 'audit-table' },
    h('caption', { class: 'visually-hidden', text: '审计日志，按时间从新到旧排列' }),
    h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', { scope: 'col', class: c === '序号' ? 'num col-secondary' : c === '来源地址' ? 'col-secondary' : null, text: c })))),
    tbody);
  const tableArea = h('div', { class: 'table-wrap' }, table);
  const pager = h('div');
  replaceChildren(body, h('section', { class: 'list-card', 'aria-label': '审计日志' },
    filterForm,
    h('div', { class: 'toolbar' }, h('div', {}, h('span', { class: 'toolbar-title', text: '审计记录' }), ' ', summary),
      h('span', { class: 'toolbar-note', text: '按时间从新到旧排列；记录不可修改或删除。' })),
    tableArea, pager));

  await load();

  function apply() {
    const fromISO = shanghaiLocalToISO(from.value);
    const toISO = shanghaiLocalToISO(to.value);
    if (fromISO && toISO && fromISO > toISO) {
      rangeError.replaceChildren(icon('alertCircle'), h('span', { text: '开始时间不能晚于结束时间' }));
      rangeError.hidden = false;
      from.setAttribute('aria-invalid', 'true');
      from.setAttribute('aria-describedby', rangeError.id);
      from.focus();
      return;
    }
    rangeError.hidden = true;
    from.removeAttribute('aria-invalid');
    Object.assign(state, {
      actor: actor.value.trim(), action: action.value.trim(), resourceType: resourceType.value, from: fromISO, to: toISO, page: 1,
    });
    load();
  }

  function reset() {
    actor.value = '';
    action.value = '';
    resourceType.value = '';
    from.value = '';
    to.value = '';
    apply();
  }

  async function load() {
    const current = ++ticket;
    replaceQuery(ctx.path, { ...state, page: state.page > 1 ? state.page : '', pageSize: state.pageSize !== 20 ? state.pageSize : '' });
    table.setAttribute('aria-busy', 'true');
    try {
      const answer = await api.get('/api/audit-events', {
        query: { ...state },
      });
      if (current !== ticket) return;
      if (!tableArea.contains(table)) replaceChildren(tableArea, table);
      summary.textContent = `共 ${answer.total} 条`;
      const filtered = state.actor || state.action || state.resourceType || state.from || state.to;
      replaceChildren(tbody, answer.items.length ? answer.items.map(row)
        : h('tr', {}, h('td', { colspan: COLUMNS.length, class: 'empty-cell' }, emptyState({
          title: filtered ? '没有符合条件的审计记录' : '还没有审计记录',
          text: filtered ? '请放宽时间范围或调整筛选条件。' : '登录、查看和修改数据等操作发生后会记录在这里。',
          actions: filtered ? [h('button', { type: 'button', class: 'btn', onclick: reset, text: '重置筛选' })] : [],
        }))));
      replaceChildren(pager, answer.total > 0 ? pagination({
        total: answer.total, page: state.page, pageSize: state.pageSize,
        onChange: (page, pageSize) => { state.page = page; state.pageSize = pageSize; load(); },
      }) : null);
    } catch (error) {
      if (current !== ticket) return;
      summary.textContent = '';
      replaceChildren(pager);
      replaceChildren(tableArea, errorState({ title: '审计日志加载失败', error, onRetry: () => { replaceChildren(tableArea, table); load(); } }));
    } finally {
      if (current === ticket) table.removeAttribute('aria-busy');
    }
  }
}

function row(event) {
  const name = actionName(event.action);
  return h('tr', {},
    h('td', { 'data-label': '时间', class: 'nowrap', text: formatDateTime(event.time) }),
    h('td', { 'data-label': '操作人' }, actorCell(event)),
    h('td', { 'data-label': '操作类型' }, name ? [h('span', { text: name }), h('span', { class: 'cell-sub mono', text: event.action })]
      : h('span', { class: 'mono', text: event.action })),
    h('td', { 'data-label': '对象' }, h('span', { text: resourceTypeName(event.resourceType) }),
      event.resourceId ? h('span', { class: 'cell-sub mono', text: event.resourceId }) : null),
    h('td', { 'data-label': '来源地址', class: 'mono nowrap col-secondary', text: event.sourceAddress || '—' }),
    h('td', { 'data-label': '序号', class: 'num mono col-secondary', text: String(event.sequence) }));
}

// Events without a person behind them: the system itself (seeding, maintenance) or a failed sign-in of no account.
function actorCell(event) {
  if (event.actorName) return [h('span', { text: event.actorName }), h('span', { class: 'cell-sub mono', text: event.actorId })];
  if (event.actorId === 'system') return h('span', { class: 'muted', text: '系统' });
  if (!event.actorId) return h('span', { class: 'muted', text: '匿名' });
  return [h('span', { class: 'muted', text: '未知用户' }), h('span', { class: 'cell-sub mono', text: event.actorId })];
}

function labelled(label, control, id = control.id) {
  return h('div', { class: 'field' }, h('label', { class: 'field-label', for: id, text: label }), control);
}
