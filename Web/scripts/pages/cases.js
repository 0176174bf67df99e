// 案件列表 and 临期/超期: filter bar (搜索, 阶段, 罪名, 羁押, 期限, 重置), the paged case table with the next deadline
// coloured by status (the server puts overdue cases first), and 新建案件 for case.manage. 临期/超期 is the same list
// with deadline=attention fixed.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { can } from '../session.js';
import { replaceQuery } from '../router.js';
import { pagination } from '../components/pagination.js';
import { emptyState, errorState, skeletonRows } from '../components/states.js';
import { STAGE_NAMES } from '../labels.js';
import { caseHref, custodyTag, deadlineCell, loadCharges, openCreateCase, stageTag } from './case-common.js';

const COLUMNS = [
  { label: '案号' }, { label: '案件名称' }, { label: '罪名', className: 'col-secondary' }, { label: '阶段' },
  { label: '承办检察官', className: 'col-secondary' }, { label: '羁押状态' }, { label: '下一期限' }, { label: '操作', className: 'actions' },
];
const CUSTODY_OPTIONS = [{ value: '', label: '全部' }, { value: 'true', label: '在押' }, { value: 'false', label: '未羁押' }];
const DEADLINE_OPTIONS = [{ value: '', label: '全部' }, { value: 'attention', label: '临期及超期' }, { value: 'overdue', label: '已超期' }];

export async function render(body, ctx) {
  const attentionOnly = ctx.path === '/cases/attention';
  const manage = can('case.manage');
  const state = {
    q: ctx.query.get('q') ?? '',
    stage: ctx.query.get('stage') ?? '',
    charge: ctx.query.get('charge') ?? '',
    custody: ctx.query.get('custody') ?? '',
    deadline: attentionOnly ? 'attention' : ctx.query.get('deadline') ?? '',
    page: Math.max(1, Number(ctx.query.get('page')) || 1),
    pageSize: Number(ctx.query.get('pageSize')) || 20,
  };
  let loadTicket = 0;

  const search = h('input', {
    class: 'input', type: 'search', id: 'case-search', name: 'q', value: state.q, placeholder: '案号、案件名称或案情', autocomplete: 'off',
  });
  const stageSelect = select('case-filter-stage', [{ value: '', label: '全部阶段' },
    ...Object.entries(STAGE_NAMES).map(([value, label]) => ({ value, label }))], state.stage);
  const chargeSelect = select('case-filter-charge', [{ value: '', label: '全部罪名' }, ...(state.charge ? [{ value: state.charge, label: state.charge }] : [])], state.charge);
  const custodySelect = select('case-filter-custody', CUSTODY_OPTIONS, state.custody);
  const deadlineSelect = attentionOnly ? null : select('case-filter-deadline', DEADLINE_OPTIONS, state.deadline);
  const filterForm = h('form', { class: 'filter-bar', role: 'search', 'aria-label': '筛选案件', novalidate: true },
    filterField('搜索', h('div', { class: 'input-with-icon' }, icon('search'), search), search.id, 'wide'),
    filterField('阶段', stageSelect, stageSelect.id),
    filterField('罪名', chargeSelect, chargeSelect.id, 'medium'),
    filterField('羁押', custodySelect, custodySelect.id, 'narrow'),
    deadlineSelect ? filterField('期限', deadlineSelect, deadlineSelect.id, 'narrow') : null,
    h('div', { class: 'btn-group' },
      h('button', { type: 'submit', class: 'btn btn-primary', id: 'case-search-submit' }, icon('search'), '查询'),
      h('button', { type: 'button', class: 'btn', id: 'case-filter-reset', onclick: reset, text: '重置' })));
  filterForm.addEventListener('submit', (event) => { event.preventDefault(); applyFilters(); });
  for (const control of [stageSelect, chargeSelect, custodySelect, deadlineSelect]) control?.addEventListener('change', applyFilters);

  const createButton = manage ? h('button', { type: 'button', class: 'btn btn-primary', id: 'create-case', onclick: openCreateCase },
    icon('plus'), '新建案件') : null;
  const summary = h('span', { class: 'toolbar-note', 'aria-live': 'polite' });
  const tbody = h('tbody', {}, skeletonRows(COLUMNS.length));
  const table = h('table', { class: 'table responsive case-table', id: 'cases-table' },
    h('caption', { class: 'visually-hidden', text: attentionOnly ? '临期及超期案件，超期在前' : '案件列表，超期案件在前' }),
    h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', { scope: 'col', class: c.className ?? null, text: c.label })))),
    tbody);
  const tableArea = h('div', { class: 'table-wrap' }, table);
  const pager = h('div');
  const note = attentionOnly
    ? h('div', { class: 'alert alert-warning list-note' }, icon('alarm'), h('div', { class: 'alert-body',
      text: '三日内（含今日）届满及已超过法定期限的案件，超期案件排在最前。请及时办理或依法延长、变更强制措施。' }))
    : null;

  replaceChildren(body, note, h('section', { class: 'list-card', 'aria-label': attentionOnly ? '临期/超期案件' : '案件列表' },
    filterForm,
    h('div', { class: 'toolbar' },
      h('div', { class: 'toolbar-heading' }, h('span', { class: 'toolbar-title', text: attentionOnly ? '临期/超期案件' : '案件列表' }), summary),
      createButton),
    tableArea,
    pager));

  loadCharges().then((items) => {
    replaceChildren(chargeSelect, [{ value: '', label: '全部罪名' }, ...items.map((c) => ({ value: c.charge, label: c.charge }))]
      .map((o) => h('option', { value: o.value, text: o.label, selected: o.value === state.charge })));
  }).catch(() => {});

  // A new deadline notification may change what the list shows: refresh the rows in place (never the filters).
  const onNotification = (event) => {
    if (event.detail?.subjectType !== 'case' || tbody.contains(document.activeElement)) return;
    load({ quiet: true });
  };
  window.addEventListener('jianwu:notification', onNotification);

  await load();
  return () => window.removeEventListener('jianwu:notification', onNotification);

  function applyFilters() {
    state.q = search.value.trim();
    state.stage = stageSelect.value;
    state.charge = chargeSelect.value;
    state.custody = custodySelect.value;
    if (deadlineSelect) state.deadline = deadlineSelect.value;
    state.page = 1;
    load();
  }

  function reset() {
    search.value = '';
    for (const control of [stageSelect, chargeSelect, custodySelect, deadlineSelect]) if (control) control.value = '';
    applyFilters();
  }

  function filtered() {
    return Boolean(state.q || state.stage || state.charge || state.custody || (!attentionOnly && state.deadline));
  }

  async function load({ quiet = false } = {}) {
    const ticket = ++loadTicket;
    const { deadline, ...rest } = state;
    replaceQuery(ctx.path, {
      ...rest, deadline: attentionOnly ? '' : deadline, page: state.page > 1 ? state.page : '', pageSize: state.pageSize !== 20 ? state.pageSize : '',
    });
    if (!quiet) table.setAttribute('aria-busy', 'true');
    if (!tbody.querySelector('tr:not(.skeleton-row)')) replaceChildren(tbody, skeletonRows(COLUMNS.length));
    try {
      const answer = await api.get('/api/cases', {
        query: {
          q: state.q, stage: state.stage, charge: state.charge, custody: state.custody, deadline: state.deadline,
          page: state.page, pageSize: state.pageSize,
        },
      });
      if (ticket !== loadTicket || !ctx.isCurrent()) return;
      if (answer.items.length === 0 && answer.total > 0 && state.page > 1) {
        state.page = Math.ceil(answer.total / state.pageSize);
        load();
        return;
      }
      showRows(answer);
    } catch (error) {
      if (ticket !== loadTicket || quiet) return;
      replaceChildren(tbody);
      replaceChildren(pager);
      summary.textContent = '';
      replaceChildren(tableArea, errorState({ title: '案件列表加载失败', error, onRetry: () => { replaceChildren(tableArea, table); load(); } }));
    } finally {
      if (ticket === loadTicket) table.removeAttribute('aria-busy');
    }
  }

  function showRows({ items, total }) {
    if (!tableArea.contains(table)) replaceChildren(tableArea, table);
    summary.textContent = `共 ${total} 件`;
    if (items.length === 0) {
      replaceChildren(tbody, h('tr', {}, h('td', { colspan: COLUMNS.length, class: 'empty-cell' }, emptyRow())));
    } else {
      replaceChildren(tbody, items.map(row));
    }
    replaceChildren(pager, total > 0 ? pagination({
      total, page: state.page, pageSize: state.pageSize,
      onChange: (page, pageSize) => { state.page = page; state.pageSize = pageSize; load(); },
    }) : null);
  }

  function emptyRow() {
    if (filtered()) {
      return emptyState({
        title: '没有符合条件的案件', text: '请调整搜索词或筛选条件后重试。',
        actions: [h('button', { type: 'button', class: 'btn', onclick: reset, text: '重置筛选' })],
      });
    }
    if (attentionOnly) {
      return emptyState({ title: '没有临期或超期的案件', text: '三日内届满或已超期的案件会出现在这里。' });
    }
    return emptyState({
      title: '还没有案件',
      text: manage ? '受理公安机关提请批准逮捕或移送审查起诉的案件后，案件会出现在这里。' : '您目前没有可查看的案件。',
      actions: manage ? [h('button', { type: 'button', class: 'btn btn-primary', onclick: openCreateCase }, icon('plus'), '新建案件')] : [],
    });
  }

  function row(item) {
    const href = caseHref(item.id);
    const deadline = item.nextDeadline;
    return h('tr', { class: deadline?.status === 'overdue' ? 'row-overdue' : null, dataset: { caseId: item.id, status: deadline?.status ?? 'none' } },
      h('td', { 'data-label': '案号', class: 'case-number' }, h('a', { href, class: 'cell-primary', text: item.caseNumber })),
      h('td', { 'data-label': '案件名称', class: 'case-name' }, h('a', { href, class: 'case-name-link', text: item.name }),
        item.juvenile ? h('span', { class: 'tag tag-inline', text: '未成年人' }) : null),
      h('td', { 'data-label': '罪名', class: 'col-secondary charges-cell', text: (item.charges ?? []).join('、') || '—' }),
      h('td', { 'data-label': '阶段' }, stageTag(item.stage, item.stageName)),
      h('td', { 'data-label': '承办检察官', class: 'col-secondary nowrap', text: item.leadProsecutorName ?? '—' }),
      h('td', { 'data-label': '羁押状态' }, custodyTag(item.inCustody)),
      h('td', { 'data-label': '下一期限' }, deadlineCell(deadline)),
      h('td', { class: 'actions' }, h('a', { class: 'btn-link', href, text: '查看', 'aria-label': `查看 ${item.name}` })));
  }
}

function select(id, options, value) {
  return h('select', { class: 'select', id, name: id }, options.map((o) => h('option', { value: o.value, text: o.label, selected: o.value === value })));
}

function filterField(label, control, id, extra = '') {
  return h('div', { class: `field ${extra}`.trim() }, h('label', { class: 'field-label', for: id, text: label }), control);
}
