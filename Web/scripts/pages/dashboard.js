// 工作台: a greeting, the user's roles and organisations, and a short list of what they can do here.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { greeting, shanghaiNow, formatDateTime } from '../format.js';
import { errorState, skeletonBlock } from '../components/states.js';
import { caseHref, custodyTag, deadlineCell, stageTag } from './case-common.js';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

// What each permission lets the user do, in the order a user would look for it. Links only to pages that exist.
const CAPABILITIES = [
  { permission: 'case.read', icon: 'folder', text: '查阅案件信息、办案期限和电子卷宗', href: '#/cases', link: '案件列表' },
  { permission: 'case.manage', icon: 'alarm', text: '受理和办理案件，跟踪临期、超期案件', href: '#/cases/attention', link: '临期/超期' },
  { permission: 'session.book', icon: 'video', text: '预约远程提讯，视频讯问、制作笔录并签名封存', href: '#/remote-sessions', link: '远程提讯' },
  { permission: 'session.host', icon: 'devices', text: '确认远程提讯预约，在提讯终端提人、视频和签名', href: '#/terminal', link: '提讯终端' },
  { permission: null, icon: 'book', text: '检索法律、司法解释和检察规范', href: '#/knowledge', link: '法律检索' },
  { permission: 'user.read', icon: 'users', text: '查看用户及其任职', href: '#/admin/users', link: '用户管理' },
  { permission: 'user.manage', icon: 'users', text: '新建、停用用户，重置密码，强制下线', href: '#/admin/users', link: '用户管理' },
  { permission: 'user.revealPersonalData', icon: 'eye', text: '查看完整身份证号（每次查看均记入审计日志）' },
  { permission: 'organisation.read', icon: 'organisation', text: '查看组织机构', href: '#/admin/organisations', link: '组织机构' },
  { permission: 'organisation.manage', icon: 'organisation', text: '新建和修改组织机构，设置须动态验证码的角色', href: '#/admin/organisations', link: '组织机构' },
  { permission: 'audit.read', icon: 'audit', text: '查询审计日志', href: '#/admin/audit', link: '审计日志' },
  { permission: 'calendar.manage', icon: 'calendar', text: '录入法定节假日和调休安排', href: '#/admin/holidays', link: '节假日设置' },
];
const LEADER_ROLES = new Set(['chiefProsecutor', 'deputyChiefProsecutor', 'departmentHead']);

export function render(body, { session }) {
  const { user, memberships = [], permissions = [] } = session;
  const name = user.displayName || user.username;
  const today = shanghaiNow().date;
  const weekday = WEEKDAYS[new Date(`${today}T12:00:00+08:00`).getUTCDay()];
  const roles = [...new Set(memberships.map((m) => m.roleName))];

  const welcome = h('section', { class: 'card welcome', 'aria-labelledby': 'welcome-title' },
    h('div', { class: 'welcome-main' },
      h('span', { class: 'avatar avatar-large', 'aria-hidden': 'true', text: name.slice(0, 1) }),
      h('div', {},
        h('h2', { id: 'welcome-title', text: `${greeting()}，${name}` }),
        h('p', { class: 'muted', text: `今天是 ${today} 星期${weekday}。${roles.length ? `您的角色：${roles.join('、')}。` : ''}` }))),
    h('dl', { class: 'welcome-stats' },
      stat('所属组织', `${new Set(memberships.map((m) => m.organisationId)).size} 个`),
      stat('角色', `${roles.length} 个`),
      stat('动态验证码', user.totpEnabled ? '已启用' : '未启用', user.totpEnabled ? 'text-success' : 'text-warning')));

  const membershipCard = h('section', { class: 'card', 'aria-labelledby': 'memberships-title' },
    h('div', { class: 'card-header' }, h('h2', { id: 'memberships-title', text: '我的组织与角色' })),
    memberships.length
      ? h('div', { class: 'card-body flush' }, h('table', { class: 'table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: '组织' }), h('th', { scope: 'col', text: '角色' }))),
        h('tbody', {}, memberships.map((m) => h('tr', {},
          h('td', { text: m.organisationName }), h('td', {}, h('span', { class: 'tag', text: m.roleName })))))))
      : h('div', { class: 'state' }, icon('building'), h('div', { text: '您尚未被分配到任何组织，请联系系统管理员。' })));

  const granted = CAPABILITIES.filter((c) => !c.permission || permissions.includes(c.permission));
  const capabilityCard = h('section', { class: 'card', 'aria-labelledby': 'capabilities-title' },
    h('div', { class: 'card-header' }, h('h2', { id: 'capabilities-title', text: '我可以做什么' })),
    h('ul', { class: 'capabilities' },
      granted.map((c) => h('li', {}, icon(c.icon),
        h('span', { class: 'capability-text', text: c.text }),
        c.href ? h('a', { href: c.href, text: `前往${c.link}` }) : c.note ? h('span', { class: 'tag', text: c.note }) : null)),
      h('li', {}, icon('settings'), h('span', { class: 'capability-text', text: '修改自己的密码，开启动态验证码' }),
        h('a', { href: '#/settings', text: '前往个人设置' }))));

  const security = h('section', { class: 'card', 'aria-labelledby': 'security-title' },
    h('div', { class: 'card-header' }, h('h2', { id: 'security-title', text: '账号安全' })),
    h('ul', { class: 'security-list' },
      h('li', {}, icon('phone'), h('span', { class: 'capability-text', text: '动态验证码' }),
        user.totpEnabled ? h('span', { class: 'tag tag-success', text: '已启用' })
          : h('a', { href: '#/settings', text: '未启用，去开启' })),
      h('li', {}, icon('clock'), h('span', { class: 'capability-text', text: '本次登录有效至' }),
        h('span', { class: 'nowrap', text: formatDateTime(session.expiresAt) || '—' })),
      h('li', {}, icon('key'), h('span', { class: 'capability-text', text: '账号' }), h('span', { class: 'mono', text: user.username }))));

  const caseWork = permissions.includes('case.read') ? caseOverview(memberships) : null;
  replaceChildren(body, welcome, caseWork?.element, h('div', { class: 'dashboard-grid' },
    h('div', { class: 'dashboard-column' }, capabilityCard),
    h('div', { class: 'dashboard-column' }, membershipCard, security)));
  if (!caseWork) return undefined;
  // A deadline reminder means the counts may have changed: refresh them in place.
  const onNotification = (event) => { if (event.detail?.subjectType === 'case') caseWork.refresh(); };
  window.addEventListener('jianwu:notification', onNotification);
  return () => window.removeEventListener('jianwu:notification', onNotification);
}

/** For case users: how many cases, how many near or past their deadline, and the most urgent ones. */
function caseOverview(memberships) {
  const lawyer = memberships.length > 0 && memberships.every((m) => m.role === 'lawyer');
  const leader = memberships.some((m) => LEADER_ROLES.has(m.role));
  const mine = lawyer ? '关联案件' : leader ? '本院案件' : '我的案件';
  const stats = h('div', { class: 'case-stats', id: 'case-stats' }, skeletonBlock(2));
  const urgent = h('div', { class: 'card-body flush' }, skeletonBlock(4));
  const element = h('section', { class: 'case-overview', 'aria-label': '案件概况' },
    stats,
    h('section', { class: 'card', 'aria-labelledby': 'urgent-title' },
      h('div', { class: 'card-header' }, h('h2', { id: 'urgent-title', text: '临期/超期案件' }),
        h('a', { href: '#/cases/attention', class: 'btn-link' }, '查看全部', icon('chevronRight'))),
      urgent));
  load();
  return { element, refresh: () => load() };

  async function load() {
    try {
      const [all, overdue, attention] = await Promise.all([
        api.get('/api/cases', { query: { pageSize: 1 } }),
        api.get('/api/cases', { query: { deadline: 'overdue', pageSize: 1 } }),
        api.get('/api/cases', { query: { deadline: 'attention', pageSize: 5 } }),
      ]);
      replaceChildren(stats,
        caseStat(mine, all.total, '#/cases', 'folder', ''),
        caseStat('临期', attention.total - overdue.total, '#/cases/attention', 'alarm', attention.total - overdue.total ? 'warning' : ''),
        caseStat('超期', overdue.total, '#/cases?deadline=overdue', 'warning', overdue.total ? 'danger' : ''));
      replaceChildren(urgent, attention.items.length
        ? h('table', { class: 'table responsive', id: 'urgent-cases' },
          h('caption', { class: 'visually-hidden', text: '临期和超期案件，超期在前' }),
          h('thead', {}, h('tr', {}, ['案号', '案件名称', '阶段', '羁押状态', '下一期限'].map((t) => h('th', { scope: 'col', text: t })))),
          h('tbody', {}, attention.items.map((c) => h('tr', { dataset: { caseId: c.id } },
            h('td', { 'data-label': '案号', class: 'nowrap' }, h('a', { href: caseHref(c.id), class: 'cell-primary', text: c.caseNumber })),
            h('td', { 'data-label': '案件名称', text: c.name }),
            h('td', { 'data-label': '阶段' }, stageTag(c.stage, c.stageName)),
            h('td', { 'data-label': '羁押状态' }, custodyTag(c.inCustody)),
            h('td', { 'data-label': '下一期限' }, deadlineCell(c.nextDeadline))))))
        : h('div', { class: 'state' }, icon('checkCircle'), h('div', { class: 'state-title', text: '没有临期或超期的案件' }),
          h('div', { text: '三日内届满或已超期的案件会出现在这里。' })));
    } catch (error) {
      replaceChildren(stats);
      replaceChildren(urgent, errorState({ title: '案件概况加载失败', error, onRetry: load }));
    }
  }
}

function caseStat(label, value, href, iconName, tone) {
  return h('a', { class: `case-stat ${tone ? `tone-${tone}` : ''}`.trim(), href },
    h('span', { class: 'case-stat-icon', 'aria-hidden': 'true' }, icon(iconName)),
    h('span', { class: 'case-stat-text' }, h('span', { class: 'case-stat-label', text: label }),
      h('span', { class: 'case-stat-value' }, String(value), h('span', { class: 'case-stat-unit', text: ' 件' }))));
}

function stat(label, value, className = '') {
  return h('div', {}, h('dt', { text: label }), h('dd', { class: className, text: value }));
}
