// 组织机构: the organisation tree (procuratorates by level with their departments, detention centres, courts, law
// firms) beside the selected organisation's details, with create/edit for organisation.manage.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { can } from '../session.js';
import { replaceQuery } from '../router.js';
import { orderAsTree, loadRoles } from '../directory.js';
import { emptyState, errorState, skeletonBlock } from '../components/states.js';
import { KIND_NAMES, LEVEL_NAMES, roleName } from '../labels.js';
import { organisationDialog } from './organisation-dialog.js';

// Root sections in the order users look for them.
const SECTIONS = [
  { kind: 'procuratorate', label: '检察院' },
  { kind: 'detentionCentre', label: '看守所' },
  { kind: 'court', label: '法院' },
  { kind: 'lawFirm', label: '律师事务所' },
  { kind: 'department', label: '内设部门' },
];
const LEVEL_ORDER = ['supreme', 'provincial', 'municipal', 'basic'];

export async function render(body, ctx) {
  const manage = can('organisation.manage');
  let organisations = [];
  let roles = [];
  let selectedId = ctx.query.get('id') ?? '';
  const expanded = new Set();
  let filter = '';

  const treeBody = h('div', { class: 'org-tree-body' }, skeletonBlock(6));
  const detail = h('section', { class: 'card org-detail', 'aria-labelledby': 'org-detail-title', 'aria-live': 'polite' });
  const search = h('input', { class: 'input', type: 'search', id: 'org-search', placeholder: '按名称或简称筛选', autocomplete: 'off' });
  search.addEventListener('input', () => { filter = search.value.trim(); renderTree(); });
  const createButton = manage ? h('button', { type: 'button', class: 'btn btn-primary', id: 'create-organisation', onclick: () => openCreate() },
    icon('plus'), '新建机构') : null;
  const counts = h('span', { class: 'toolbar-note' });

  replaceChildren(body, h('div', { class: 'org-layout' },
    h('section', { class: 'card org-tree-card', 'aria-labelledby': 'org-tree-title' },
      h('div', { class: 'card-header' }, h('div', { class: 'card-title-group' }, h('h2', { id: 'org-tree-title', text: '机构树' }), counts), createButton),
      h('div', { class: 'org-tree-search' }, h('label', { class: 'visually-hidden', for: search.id, text: '筛选机构' }),
        h('div', { class: 'input-with-icon' }, icon('search'), search)),
      treeBody),
    detail));

  await load();

  async function load() {
    try {
      const [answer, roleList] = await Promise.all([api.get('/api/organisations'), loadRoles()]);
      organisations = orderAsTree(answer.items);
      roles = roleList;
    } catch (error) {
      replaceChildren(treeBody, errorState({ title: '组织机构加载失败', error, onRetry: load }));
      replaceChildren(detail);
      return;
    }
    counts.textContent = `共 ${organisations.length} 个`;
    if (!organisations.some((o) => o.id === selectedId)) selectedId = organisations[0]?.id ?? '';
    // Open the path to the selection and the first two levels so the structure is visible at once.
    for (const o of organisations) if (organisations.length <= 60 || o.depth < 2) expanded.add(o.id);
    for (const id of ancestors(selectedId)) expanded.add(id);
    renderTree();
    renderDetail();
  }

  function byId(id) { return organisations.find((o) => o.id === id); }
  function childrenOf(id) { return organisations.filter((o) => o.parentId === id); }
  function ancestors(id) {
    const list = [];
    for (let o = byId(byId(id)?.parentId); o; o = byId(o.parentId)) list.push(o.id);
    return list;
  }

  function matches(o) {
    return !filter || o.name.includes(filter) || (o.abbreviation ?? '').includes(filter);
  }
  function visibleWithFilter(o) {
    return matches(o) || childrenOf(o.id).some(visibleWithFilter);
  }

  function renderTree() {
    if (organisations.length === 0) {
      replaceChildren(treeBody, emptyState({
        title: '还没有组织机构',
        text: manage ? '先创建本院（检察院），再在其下创建内设部门。' : '暂无可查看的组织机构。',
        actions: manage ? [h('button', { type: 'button', class: 'btn btn-primary', onclick: () => openCreate() }, icon('plus'), '新建机构')] : [],
      }));
      return;
    }
    const roots = organisations.filter((o) => o.depth === 0);
    const sections = SECTIONS.map((section) => ({
      ...section,
      roots: roots.filter((o) => o.kind === section.kind && visibleWithFilter(o))
        .sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level)),
    })).filter((section) => section.roots.length > 0);
    if (sections.length === 0) {
      replaceChildren(treeBody, emptyState({ title: '没有匹配的机构', text: `没有名称或简称包含“${filter}”的机构。` }));
      return;
    }
    replaceChildren(treeBody, sections.map((section) => h('div', { class: 'org-section' },
      h('h3', { class: 'org-section-title', text: `${section.label}（${section.roots.length}）` }),
      h('ul', { class: 'org-tree', role: 'list' }, section.roots.map((o) => node(o, 1))))));
  }

  function node(o, level) {
    const kids = childrenOf(o.id).filter(visibleWithFilter);
    const open = filter ? true : expanded.has(o.id);
    const toggle = kids.length
      ? h('button', {
        type: 'button', class: 'org-toggle', 'aria-expanded': String(open), 'aria-label': `${open ? '收起' : '展开'}${o.name}`,
        onclick: () => { if (expanded.has(o.id)) expanded.delete(o.id); else expanded.add(o.id); renderTree(); },
      }, icon(open ? 'chevronDown' : 'chevronRight'))
      : h('span', { class: 'org-toggle-spacer', 'aria-hidden': 'true' });
    const label = h('button', {
      type: 'button', class: 'org-label', 'aria-current': o.id === selectedId ? 'true' : null, dataset: { orgId: o.id },
      onclick: () => select(o.id),
    }, h('span', { class: 'org-name', text: o.name }), kindTag(o));
    return h('li', { class: 'org-node' },
      h('div', { class: 'org-row' }, toggle, label),
      kids.length && open ? h('ul', { class: 'org-tree', role: 'list' }, kids.map((k) => node(k, level + 1))) : null);
  }

  function select(id) {
    selectedId = id;
    replaceQuery(ctx.path, { id });
    renderTree();
    renderDetail();
    if (window.matchMedia('(max-width: 1199px)').matches) detail.scrollIntoView({ block: 'start' });
  }

  function renderDetail() {
    const o = byId(selectedId);
    if (!o) {
      replaceChildren(detail, h('div', { class: 'state' }, icon('organisation'), h('div', { text: '请在左侧选择一个机构查看详情。' })));
      return;
    }
    const parent = byId(o.parentId);
    const kids = childrenOf(o.id);
    const actions = manage ? h('div', { class: 'btn-group' },
      h('button', { type: 'button', class: 'btn', id: 'edit-organisation', onclick: () => openEdit(o) }, icon('edit'), '编辑'),
      o.kind === 'procuratorate' ? h('button', { type: 'button', class: 'btn', onclick: () => openCreate(o) }, icon('plus'), '新建下级机构') : null) : null;
    const rows = [
      ['机构名称', o.name],
      ['机构类型', o.kindName ?? KIND_NAMES[o.kind] ?? o.kind],
      o.kind === 'procuratorate' ? ['检察院级别', o.levelName ?? LEVEL_NAMES[o.level] ?? '—'] : null,
      o.kind === 'procuratorate' ? ['简称', o.abbreviation ?? '未设置'] : null,
      o.kind === 'lawFirm' ? ['统一社会信用代码', o.creditCode ? h('span', { class: 'mono', text: o.creditCode }) : '未填写'] : null,
      ['上级机构', parent ? h('button', { type: 'button', class: 'btn-link', onclick: () => select(parent.id), text: parent.name }) : '无（顶级机构）'],
      ['下级机构', kids.length ? `${kids.length} 个` : '无'],
      ['须动态验证码的角色', o.totpRoles?.length
        ? h('span', { class: 'tag-list' }, o.totpRoles.map((r) => h('span', { class: 'tag tag-progress', text: roleName(r, roles.find((x) => x.role === r)?.name) })))
        : h('span', { class: 'muted', text: '无（仅用户名和密码）' })],
    ].filter(Boolean);
    replaceChildren(detail,
      h('div', { class: 'card-header' }, h('h2', { id: 'org-detail-title', text: o.name }), actions),
      h('div', { class: 'card-body' },
        h('dl', { class: 'descriptions single' }, rows.map(([label, value]) => h('div', {}, h('dt', { text: label }), h('dd', {}, value)))),
        kids.length ? h('div', { class: 'org-children' }, h('h3', { text: '下级机构' }),
          h('ul', { class: 'org-chip-list' }, kids.map((k) => h('li', {},
            h('button', { type: 'button', class: 'btn', onclick: () => select(k.id) }, k.name, kindTag(k)))))) : null));
  }

  async function openCreate(parent) {
    const saved = await organisationDialog({ parent, organisations, roles });
    if (saved) { selectedId = saved.id; await load(); }
  }

  async function openEdit(o) {
    const saved = await organisationDialog({ organisation: o, organisations, roles });
    if (saved) { selectedId = saved.id; await load(); }
  }
}

const LEVEL_TAGS = { supreme: '最高检', provincial: '省级院', municipal: '市级院', basic: '基层院' };

function kindTag(o) {
  const text = o.kind === 'procuratorate' ? (LEVEL_TAGS[o.level] ?? o.levelName ?? '检察院') : (o.kindName ?? KIND_NAMES[o.kind] ?? o.kind);
  return h('span', { class: `tag org-kind kind-${o.kind}`, text });
}
