// The internal app frame: top bar (检务云, current organisation, notifications, user menu), the grouped navigation
// the session may see, and the content area with breadcrumb and page title. Also the public frame for sign-in.
import { h, replaceChildren, trapFocus } from './dom.js';
import { icon, emblem } from './icons.js';
import { api } from './api.js';
import { setSession, primaryOrganisation, onSessionChange } from './session.js';
import { visibleNavigation } from './routes.js';
import { navigate } from './router.js';
import { dropdown } from './components/menu.js';
import { confirmAction } from './components/confirm.js';
import { toast } from './components/toast.js';
import { notificationsBell } from './components/notifications.js';

const PHONE = window.matchMedia('(max-width: 767px)');
const TABLET = window.matchMedia('(min-width: 768px) and (max-width: 1199px)');
const NAV_KEY = 'jianwu.nav';

let frame = null;

// The bell's event stream belongs to the signed-in user: it ends with the session.
onSessionChange((session) => { if (!session) dropFrame(); });

function dropFrame() {
  frame?.destroy();
  frame = null;
}

/** Shows the app frame for a session (built once per signed-in user) and returns its parts. */
export function mountFrame(root, session) {
  if (frame && frame.userId === session.user.id && root.contains(frame.element)) {
    frame.refresh(session);
    return frame;
  }
  dropFrame();
  frame = buildFrame(session);
  replaceChildren(root, frame.element);
  return frame;
}

/** Shows the public frame (no navigation) and returns its content element. */
export function mountPublic(root) {
  dropFrame();
  const main = h('main', { id: 'main', class: 'public-main', tabindex: '-1' });
  replaceChildren(root, h('div', { class: 'public' },
    h('header', { class: 'public-header' },
      h('a', { class: 'brand', href: '#/sign-in' }, emblem(), h('span', { text: '检务云' }),
        h('span', { class: 'brand-sub', text: '智慧检务一体化平台' }))),
    main,
    h('footer', { class: 'public-footer' },
      h('span', { text: '仅限授权人员使用，所有操作均记入审计日志。' }), ' ',
      h('a', { href: '#/status', text: '系统状态' }))));
  return { main };
}

/**
 * The detention centre's terminal frame: no internal navigation, large type; the brand, the officer's name and
 * 退出登录 only. Returns its content element.
 */
export function mountTerminal(root, session) {
  dropFrame();
  const name = session.user.displayName || session.user.username;
  const organisation = primaryOrganisation(session);
  const main = h('main', { id: 'main', class: 'terminal-main', tabindex: '-1' });
  replaceChildren(root, h('div', { class: 'terminal' },
    h('header', { class: 'terminal-header' },
      h('a', { class: 'brand', href: '#/terminal' }, emblem(), h('span', { text: '检务云' }),
        h('span', { class: 'brand-sub', text: '远程提讯终端' })),
      h('div', { class: 'topbar-spacer' }),
      h('span', { class: 'terminal-user', text: `${organisation?.name ?? ''} ${name}`.trim() }),
      h('button', { type: 'button', class: 'btn terminal-sign-out', onclick: () => signOut() }, icon('logout'), '退出')),
    main));
  return { main };
}

function buildFrame(session) {
  const app = h('div', { class: 'app' });
  const navToggle = h('button', { type: 'button', class: 'topbar-button nav-toggle', 'aria-controls': 'sidenav' }, icon('menu'));
  const orgSlot = h('div', { class: 'topbar-org' });
  const bell = notificationsBell(session.user.id);
  const userMenu = h('div', { class: 'menu-anchor user-menu' });
  const topbar = h('header', { class: 'topbar' },
    navToggle,
    h('a', { class: 'brand', href: '#/', 'aria-label': '检务云 工作台' }, emblem(), h('span', { text: '检务云' })),
    orgSlot,
    h('div', { class: 'topbar-spacer' }),
    bell.element,
    userMenu);

  const nav = h('nav', { id: 'sidenav', class: 'sidenav', 'aria-label': '主导航' });
  const backdrop = h('div', { class: 'nav-backdrop', 'aria-hidden': 'true' });
  const breadcrumb = h('nav', { class: 'breadcrumb', 'aria-label': '面包屑' });
  const title = h('h1', { tabindex: '-1' });
  const body = h('div', { class: 'page-body' });
  const main = h('main', { id: 'main', class: 'content', tabindex: '-1' },
    h('div', { class: 'page-header' }, breadcrumb, title),
    body,
    h('footer', { class: 'frame-footer' },
      h('span', { text: '检务云 · 仅限授权人员使用，所有操作均记入审计日志 · ' }), h('a', { href: '#/status', text: '系统状态' })));
  app.append(topbar, h('div', { class: 'frame-body' }, nav, backdrop, main));

  // Navigation: rail/expanded on tablets (remembered), drawer on phones.
  let untrapDrawer = null;
  const setDrawer = (open) => {
    app.dataset.drawer = open ? 'open' : 'closed';
    navToggle.setAttribute('aria-expanded', String(open));
    navToggle.setAttribute('aria-label', open ? '关闭导航菜单' : '打开导航菜单');
    untrapDrawer?.();
    untrapDrawer = null;
    if (open) {
      untrapDrawer = trapFocus(nav);
      nav.querySelector('a')?.focus();
    }
  };
  const setCollapsed = (collapsed) => {
    app.dataset.nav = collapsed ? 'collapsed' : 'expanded';
    if (!PHONE.matches) {
      navToggle.setAttribute('aria-expanded', String(!collapsed));
      navToggle.setAttribute('aria-label', collapsed ? '展开导航' : '收起导航');
    }
  };
  const applyBreakpoint = () => {
    setCollapsed(TABLET.matches ? localStorage.getItem(NAV_KEY) !== 'expanded' : false);
    if (PHONE.matches) setDrawer(false);
    else { delete app.dataset.drawer; untrapDrawer?.(); untrapDrawer = null; }
  };
  navToggle.addEventListener('click', () => {
    if (PHONE.matches) { setDrawer(app.dataset.drawer !== 'open'); return; }
    const collapse = app.dataset.nav !== 'collapsed';
    localStorage.setItem(NAV_KEY, collapse ? 'collapsed' : 'expanded');
    setCollapsed(collapse);
  });
  backdrop.addEventListener('click', () => setDrawer(false));
  app.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && app.dataset.drawer === 'open') { setDrawer(false); navToggle.focus(); }
  });
  nav.addEventListener('click', (event) => {
    if (event.target.closest('a') && PHONE.matches) setDrawer(false);
  });
  PHONE.addEventListener('change', applyBreakpoint);
  TABLET.addEventListener('change', applyBreakpoint);
  applyBreakpoint();

  let activeNav = null;
  let userMenuHandle = null;
  const state = {
    element: app,
    userId: session.user.id,
    body,
    destroy() {
      bell.destroy();
      PHONE.removeEventListener('change', applyBreakpoint);
      TABLET.removeEventListener('change', applyBreakpoint);
    },
    refresh(next) {
      renderOrganisation(orgSlot, next);
      userMenuHandle = renderUserMenu(userMenu, next);
      renderNavigation(nav, next, activeNav);
    },
    /** Starts a new page: fresh body, title, breadcrumb and the highlighted navigation item. */
    startPage({ title: text, crumbs = [], navId = null }) {
      activeNav = navId;
      userMenuHandle?.close();
      bell.close();
      for (const link of nav.querySelectorAll('a[data-nav]')) {
        if (link.dataset.nav === navId) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
      }
      const fresh = h('div', { class: 'page-body' });
      state.body.replaceWith(fresh);
      state.body = fresh;
      state.setTitle(text, crumbs);
      return fresh;
    },
    setTitle(text, crumbs = state.crumbs ?? []) {
      state.crumbs = crumbs;
      title.textContent = text;
      const items = [{ label: '首页', href: '#/' }, ...crumbs, { label: text }];
      if (text === '工作台') items.splice(0, 1);
      replaceChildren(breadcrumb, h('ol', {}, items.map((item, i) => h('li', {},
        i === items.length - 1 ? h('span', { 'aria-current': 'page', text: item.label })
          : item.href ? h('a', { href: item.href, text: item.label }) : h('span', { text: item.label })))));
    },
    focusTitle() { title.focus({ preventScroll: true }); },
  };
  state.refresh(session);
  return state;
}

function renderNavigation(nav, session, activeNav) {
  const groups = visibleNavigation(session);
  const link = (item) => h('li', {}, h('a', {
    class: 'nav-link', href: item.href, dataset: { nav: item.id }, title: item.label,
    'aria-current': item.id === activeNav ? 'page' : null,
  }, icon(item.icon), h('span', { class: 'nav-text', text: item.label })));
  replaceChildren(nav, h('ul', {}, groups.map((group) => {
    if (!group.label) return group.items.map(link);
    const titleId = `nav-group-${group.id}`;
    return h('li', { class: 'nav-group', dataset: { group: group.id } },
      h('span', { class: 'nav-group-title', id: titleId, text: group.label }),
      h('ul', { 'aria-labelledby': titleId }, group.items.map(link)));
  })));
}

function renderOrganisation(slot, session) {
  const organisation = primaryOrganisation(session);
  const names = [...new Set((session.memberships ?? []).map((m) => m.organisationName))];
  slot.title = names.length ? `所属组织：${names.join('、')}` : '';
  replaceChildren(slot, organisation
    ? [icon('building'), h('span', { class: 'visually-hidden', text: '当前组织：' }),
      h('span', { class: 'org-name', text: organisation.name }),
      names.length > 1 ? h('span', { class: 'org-more', text: `+${names.length - 1}` }) : null]
    : h('span', { class: 'org-name', text: '未分配组织' }));
}

function renderUserMenu(anchor, session) {
  const name = session.user.displayName || session.user.username;
  const roles = [...new Set((session.memberships ?? []).map((m) => m.roleName))].join('、');
  const button = h('button', { type: 'button', class: 'topbar-button user-button', 'aria-haspopup': 'menu', 'aria-controls': 'user-menu' },
    h('span', { class: 'avatar', 'aria-hidden': 'true', text: name.slice(0, 1) }),
    h('span', { class: 'user-name', text: name }),
    h('span', { class: 'visually-hidden', text: '，用户菜单' }),
    icon('chevronDown', { className: 'caret' }));
  const item = (iconName, label, onClick, className = '') => h('li', { role: 'none' },
    h('button', { type: 'button', role: 'menuitem', class: `menu-item ${className}`.trim(), tabindex: '-1', onclick: onClick },
      icon(iconName), label));
  const menu = h('ul', { class: 'menu', id: 'user-menu', role: 'menu', 'aria-label': '用户菜单' },
    h('li', { role: 'none', class: 'menu-header' }, h('strong', { text: name }),
      h('span', { class: 'subtle', text: `${session.user.username}${roles ? ` · ${roles}` : ''}` })),
    h('li', { role: 'none' }, h('a', { role: 'menuitem', class: 'menu-item', href: '#/settings', tabindex: '-1' }, icon('settings'), '个人设置')),
    h('li', { role: 'separator', class: 'menu-separator' }),
    item('logout', '退出登录', () => signOut()),
    item('devices', '退出所有设备', () => signOutEverywhere(), 'danger'));
  replaceChildren(anchor, button, menu);
  return dropdown(button, menu);
}

async function signOut() {
  try {
    await api.post('/api/auth/sign-out', {}, { quiet401: true });
  } catch (error) {
    if (error.status !== 401) { toast(`退出登录失败：${error.detail}`, { type: 'error' }); return; }
  }
  setSession(null);
  navigate('#/sign-in');
  toast('已退出登录');
}

async function signOutEverywhere() {
  const done = await confirmAction({
    title: '退出所有设备',
    message: '将结束您在所有设备和浏览器上的登录，包括当前这台设备。',
    detail: '如果怀疑账号被他人使用，请在退出后立即修改密码。',
    confirmLabel: '全部退出',
    danger: true,
    onConfirm: () => api.post('/api/auth/sign-out-everywhere', {}, { quiet401: true }),
  });
  if (!done) return;
  setSession(null);
  navigate('#/sign-in');
  toast('已在所有设备上退出登录');
}
