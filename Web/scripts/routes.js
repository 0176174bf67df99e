// Every page of the app and the grouped navigation. A navigation item appears only when the session has its
// permission; a group appears only when it has a visible item. Groups without pages yet stay empty (and hidden).

export const ROUTES = [
  { path: '/sign-in', title: '登录', layout: 'public', public: true, load: () => import('./pages/sign-in.js') },
  { path: '/status', title: '系统状态', layout: 'auto', public: true, load: () => import('./pages/status.js') },
  { path: '/', title: '工作台', nav: 'dashboard', load: () => import('./pages/dashboard.js') },
  {
    path: '/cases', title: '案件列表', nav: 'cases', permission: 'case.read', crumbs: [{ label: '案件' }],
    load: () => import('./pages/cases.js'),
  },
  {
    // Before /cases/:id, which would otherwise take "attention" for an id.
    path: '/cases/attention', title: '临期/超期', nav: 'case-attention', permission: 'case.read', crumbs: [{ label: '案件' }],
    load: () => import('./pages/cases.js'),
  },
  {
    path: '/cases/:id', title: '案件详情', nav: 'cases', permission: 'case.read',
    crumbs: [{ label: '案件' }, { label: '案件列表', href: '#/cases' }], load: () => import('./pages/case-detail.js'),
  },
  {
    path: '/knowledge', title: '法律检索', nav: 'knowledge-search', crumbs: [{ label: '知识与辅助' }],
    load: () => import('./pages/knowledge.js'),
  },
  {
    path: '/knowledge/:lawId/:article', title: '法条', nav: 'knowledge-search',
    crumbs: [{ label: '知识与辅助' }, { label: '法律检索', href: '#/knowledge' }], load: () => import('./pages/law-article.js'),
  },
  {
    path: '/admin/users', title: '用户管理', nav: 'users', permission: 'user.read', crumbs: [{ label: '管理' }],
    load: () => import('./pages/users.js'),
  },
  {
    path: '/admin/users/:id', title: '用户详情', nav: 'users', permission: 'user.read',
    crumbs: [{ label: '管理' }, { label: '用户管理', href: '#/admin/users' }], load: () => import('./pages/user-detail.js'),
  },
  {
    path: '/admin/organisations', title: '组织机构', nav: 'organisations', permission: 'organisation.read',
    crumbs: [{ label: '管理' }], load: () => import('./pages/organisations.js'),
  },
  {
    path: '/admin/audit', title: '审计日志', nav: 'audit', permission: 'audit.read', crumbs: [{ label: '管理' }],
    load: () => import('./pages/audit.js'),
  },
  {
    path: '/admin/holidays', title: '节假日设置', nav: 'holidays', permission: 'calendar.manage', crumbs: [{ label: '管理' }],
    load: () => import('./pages/holidays.js'),
  },
  {
    path: '/remote-sessions', title: '远程提讯', nav: 'remote-calendar', anyPermission: ['session.book', 'session.host'],
    crumbs: [{ label: '远程办案' }], load: () => import('./pages/remote-calendar.js'),
  },
  {
    path: '/remote-sessions/:id', title: '远程提讯', nav: 'remote-calendar', permission: 'session.book',
    crumbs: [{ label: '远程办案' }, { label: '远程提讯', href: '#/remote-sessions' }], load: () => import('./pages/remote-session.js'),
  },
  // The detention centre's terminal: no internal navigation, large type, one task per screen.
  { path: '/terminal', title: '远程提讯终端', layout: 'terminal', permission: 'session.host', load: () => import('./pages/terminal.js') },
  { path: '/terminal/:id', title: '远程提讯终端', layout: 'terminal', permission: 'session.host', load: () => import('./pages/terminal.js') },
  { path: '/settings', title: '个人设置', load: () => import('./pages/settings.js') },
];

export const NOT_FOUND = { path: '*', title: '页面不存在', load: () => import('./pages/not-found.js') };

// Top-level items first (no group), then the work groups in the order of UI.md.
export const NAVIGATION = [
  { items: [{ id: 'dashboard', label: '工作台', icon: 'dashboard', href: '#/' }] },
  {
    id: 'cases', label: '案件', items: [
      { id: 'cases', label: '案件列表', icon: 'folder', href: '#/cases', permission: 'case.read' },
      { id: 'case-attention', label: '临期/超期', icon: 'alarm', href: '#/cases/attention', permission: 'case.read' },
    ],
  },
  {
    id: 'remote', label: '远程办案', items: [
      { id: 'remote-calendar', label: '远程提讯', icon: 'video', href: '#/remote-sessions', anyPermission: ['session.book', 'session.host'] },
      { id: 'remote-terminal', label: '提讯终端', icon: 'devices', href: '#/terminal', permission: 'session.host' },
    ],
  },
  {
    id: 'knowledge', label: '知识与辅助', items: [
      { id: 'knowledge-search', label: '法律检索', icon: 'book', href: '#/knowledge' },
    ],
  },
  {
    // 管理 is for those with an administrative or oversight duty; organisation.read alone (which most staff have,
    // to pick organisations in their work) does not make someone a manager.
    id: 'admin', label: '管理', requiresAny: ['user.read', 'organisation.manage', 'audit.read', 'calendar.manage'], items: [
      { id: 'users', label: '用户管理', icon: 'users', href: '#/admin/users', permission: 'user.read' },
      { id: 'organisations', label: '组织机构', icon: 'organisation', href: '#/admin/organisations', permission: 'organisation.read' },
      { id: 'audit', label: '审计日志', icon: 'audit', href: '#/admin/audit', permission: 'audit.read' },
      { id: 'holidays', label: '节假日设置', icon: 'calendar', href: '#/admin/holidays', permission: 'calendar.manage' },
    ],
  },
];

/** Whether a set of permissions opens a route or navigation item (`permission`, or any of `anyPermission`). */
export function allows(permissions, item) {
  if (item.permission && !permissions.has(item.permission)) return false;
  if (item.anyPermission && !item.anyPermission.some((p) => permissions.has(p))) return false;
  return true;
}

/** The navigation groups and items a session may see. */
export function visibleNavigation(session) {
  const permissions = new Set(session?.permissions ?? []);
  return NAVIGATION
    .map((group) => ({ ...group, items: group.items.filter((item) => allows(permissions, item)) }))
    .filter((group) => group.items.length > 0 && (!group.requiresAny || group.requiresAny.some((p) => permissions.has(p))));
}
