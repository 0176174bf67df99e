// Starts the app: reads the session, then renders the page for each hash change inside the right frame.
// A 401 from any request ends the session here and returns to sign-in with 登录已过期，请重新登录。
import { h, replaceChildren } from './dom.js';
import { setSessionLostHandler } from './api.js';
import { getSession, setSession, loadSession, signInState } from './session.js';
import { currentLocation, matchRoute, navigate } from './router.js';
import { allows } from './routes.js';
import { mountFrame, mountPublic, mountTerminal } from './frame.js';
import { icon } from './icons.js';

const root = document.getElementById('app');
let renderCount = 0;
let cleanup = null;

setSessionLostHandler((error) => {
  if (!getSession() && currentLocation().path === '/sign-in') return;
  setSession(null);
  signInState.notice = error?.detail || '登录已过期，请重新登录。';
  const { path, hash } = currentLocation();
  if (path !== '/sign-in') signInState.returnTo = hash;
  navigate('#/sign-in');
});

async function render() {
  const ticket = ++renderCount;
  const { path, query, hash } = currentLocation();
  const { route, params } = matchRoute(path);
  const session = getSession();

  if (!route.public && !session) {
    signInState.returnTo = hash;
    navigate('#/sign-in', { replace: true });
    return;
  }
  if (route.path === '/sign-in' && session) {
    navigate('#/', { replace: true });
    return;
  }

  cleanup?.();
  cleanup = null;
  // Dialogs belong to the page they were opened on (e.g. Back pressed while one is open).
  for (const dialog of document.querySelectorAll('dialog[open]')) dialog.dispatchEvent(new Event('cancel'));
  const usePublic = route.layout === 'public' || (route.layout === 'auto' && !session);
  let body;
  let frame = null;
  if (usePublic) {
    body = mountPublic(root).main;
  } else if (route.layout === 'terminal') {
    body = mountTerminal(root, session).main;
  } else {
    frame = mountFrame(root, session);
    body = frame.startPage({ title: route.title, crumbs: route.crumbs, navId: route.nav });
  }
  document.title = `${route.title} - 检务云`;

  const ctx = {
    params, query, session, path,
    setTitle: (title, crumbs) => { frame?.setTitle(title, crumbs); document.title = `${title} - 检务云`; },
    isCurrent: () => ticket === renderCount,
  };

  try {
    if (!allows(new Set(session?.permissions ?? []), route)) {
      const forbidden = await import('./pages/forbidden.js');
      if (ticket === renderCount) forbidden.render(body, ctx);
    } else {
      const page = await route.load();
      if (ticket !== renderCount) return;
      const result = await page.render(body, ctx);
      if (ticket === renderCount && typeof result === 'function') cleanup = result;
    }
  } catch (error) {
    if (ticket !== renderCount) return;
    console.error(error);
    replaceChildren(body, h('div', { class: 'state error', role: 'alert' }, icon('alertCircle'),
      h('div', { class: 'state-title', text: '页面加载失败' }),
      h('div', { text: '请刷新页面重试；如果问题持续存在，请联系系统管理员。' })));
  }
  // Move focus to the new page's title so screen readers announce it (not on the first load).
  if (ticket > 1 && frame && ticket === renderCount && !document.querySelector('dialog[open]')) frame.focusTitle();
}

async function start() {
  try {
    await loadSession();
  } catch (error) {
    replaceChildren(root, h('div', { class: 'boot', role: 'alert' }, icon('alertCircle'),
      h('span', { text: `无法连接检务云服务：${error.detail ?? error.message}` }),
      h('button', { type: 'button', class: 'btn', onclick: () => location.reload(), text: '重试' })));
    return;
  }
  window.addEventListener('hashchange', render);
  document.addEventListener('click', (event) => {
    const skip = event.target.closest('.skip-link');
    if (!skip) return;
    event.preventDefault();
    document.getElementById('main')?.focus();
  });
  render();
}

start();
