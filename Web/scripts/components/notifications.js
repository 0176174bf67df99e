// The notifications bell in the top bar: the unread count, a dropdown with the latest notifications (each linking
// to its case), 全部已读 and per-item 标为已读. Live updates come from the server's event stream (/api/events:
// `unread` on connect, `notification` for each new one); they change only the bell, never the page the user is
// working in, and they are announced to screen readers. Pages that show cases hear of new ones through a
// `jianwu:notification` event on window and may refresh themselves in place.
// One tab holds the event stream (a Web Lock per user) and passes its events to the others over a BroadcastChannel:
// over HTTP/1.1 every open stream takes one of the browser's six connections to the server.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { can } from '../session.js';
import { formatDateTime, relativeTime } from '../format.js';
import { NOTIFICATION_LEVELS } from '../labels.js';
import { dropdown } from './menu.js';
import { toast } from './toast.js';

const RETRY_MS = 5000;

function subjectHref(notification) {
  if (notification.subjectType === 'case' && notification.subjectId) return `#/cases/${encodeURIComponent(notification.subjectId)}`;
  if (notification.subjectType === 'remoteSession' && notification.subjectId) {
    // The detention centre's officers work on the terminal; the prosecutor's side on the session page.
    return can('session.book') ? `#/remote-sessions/${encodeURIComponent(notification.subjectId)}` : '#/remote-sessions';
  }
  return null;
}

/** Builds the bell for a user; `destroy()` closes its event stream (sign-out, another user, session lost). */
export function notificationsBell(userId) {
  let unread = 0;
  let items = [];
  let loaded = false;
  let loading = null;
  let source = null;
  let retry = null;
  let stopped = false;
  let channel = null;
  let releaseLock = null;
  const lockRequest = new AbortController();

  const badge = h('span', { class: 'badge', hidden: true, 'aria-hidden': 'true' });
  const button = h('button', {
    type: 'button', class: 'topbar-button bell', id: 'notifications-button', 'aria-haspopup': 'dialog', 'aria-controls': 'notifications',
  }, icon('bell'), badge);
  const headerCount = h('span', { class: 'popover-count' });
  const readAll = h('button', { type: 'button', class: 'btn-link', id: 'notifications-read-all', text: '全部已读', disabled: true });
  const body = h('div', { class: 'notice-body-area' });
  const list = h('ul', { class: 'notice-list', 'aria-label': '通知列表' });
  const live = h('span', { class: 'visually-hidden', 'aria-live': 'polite' });
  const panel = h('div', { class: 'popover notifications', id: 'notifications', role: 'dialog', 'aria-label': '通知', tabindex: '-1' },
    h('div', { class: 'popover-header' }, h('span', { class: 'popover-title' }, '通知', headerCount), readAll),
    body);
  const element = h('div', { class: 'menu-anchor' }, button, panel, live);
  const dropdownHandle = dropdown(button, panel, { menu: false });

  button.addEventListener('click', () => { if (!panel.hidden) load(); });
  readAll.addEventListener('click', markAllRead);
  setUnread(0);
  showBody();
  load();
  startStream();

  function setUnread(count) {
    unread = Math.max(0, Number(count) || 0);
    badge.textContent = unread > 99 ? '99+' : String(unread);
    badge.hidden = unread === 0;
    button.setAttribute('aria-label', `通知，${unread} 条未读`);
    headerCount.textContent = unread ? `${unread} 条未读` : '';
    readAll.disabled = unread === 0;
  }

  async function load() {
    if (loading) return loading;
    if (!loaded) showBody('loading');
    loading = (async () => {
      try {
        const answer = await api.get('/api/notifications');
        if (stopped) return;
        items = answer.items ?? [];
        loaded = true;
        setUnread(answer.unread);
        showBody();
      } catch (error) {
        if (!loaded && !stopped) showBody('error', error);
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  function showBody(state, error) {
    if (state === 'loading') {
      replaceChildren(body, h('div', { class: 'notice-loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), '正在加载通知……'));
    } else if (state === 'error') {
      replaceChildren(body, h('div', { class: 'state error' }, icon('alertCircle'), h('div', { text: `通知加载失败：${error.detail ?? error.message}` }),
        h('div', { class: 'btn-group' }, h('button', { type: 'button', class: 'btn', onclick: () => load(), text: '重试' }))));
    } else if (items.length === 0) {
      replaceChildren(body, h('div', { class: 'state' }, icon('bell'), h('div', { text: '暂无通知' }),
        h('div', { class: 'subtle', text: '案件临期、超期等提醒会显示在这里。' })));
    } else {
      replaceChildren(list, items.map(itemNode));
      if (!body.contains(list)) replaceChildren(body, list);
    }
  }

  function itemNode(notification) {
    const href = subjectHref(notification);
    const isUnread = !notification.readAt;
    const level = NOTIFICATION_LEVELS[notification.level] ? notification.level : 'info';
    const title = href
      ? h('a', { class: 'notice-title', href, text: notification.title, onclick: () => { if (!notification.readAt) markRead(notification, { quiet: true }); dropdownHandle.close(); } })
      : h('span', { class: 'notice-title', text: notification.title });
    return h('li', { class: `notice notice-${level}${isUnread ? ' unread' : ''}`, dataset: { id: notification.id, kind: notification.kind ?? '' } },
      h('span', { class: 'notice-dot', 'aria-hidden': 'true' }),
      h('div', { class: 'notice-main' },
        title,
        notification.body ? h('div', { class: 'notice-text', text: notification.body }) : null,
        h('div', { class: 'notice-meta' },
          h('span', { class: `notice-level notice-level-${level}`, text: NOTIFICATION_LEVELS[level] }),
          h('time', { datetime: notification.createdAt, title: formatDateTime(notification.createdAt), text: relativeTime(notification.createdAt) }),
          isUnread ? h('span', { class: 'visually-hidden', text: '，未读' }) : null)),
      isUnread ? h('button', {
        type: 'button', class: 'btn-link notice-read', text: '标为已读', 'aria-label': `标为已读：${notification.title}`,
        onclick: (event) => markRead(notification, { from: event.currentTarget }),
      }) : null);
  }

  /** Replaces one item's node in place (focus moves to its title when the button that had it goes away). */
  function redraw(notification, { focusTitle = false } = {}) {
    const old = list.querySelector(`li[data-id="${CSS.escape(notification.id)}"]`);
    if (!old) return;
    const next = itemNode(notification);
    old.replaceWith(next);
    if (focusTitle) (next.querySelector('.notice-title[href]') ?? panel).focus();
  }

  async function markRead(notification, { quiet = false, from = null } = {}) {
    try {
      const answer = await api.post(`/api/notifications/${encodeURIComponent(notification.id)}/read`, {});
      notification.readAt = new Date().toISOString();
      setUnread(answer?.unread ?? unread - 1);
      redraw(notification, { focusTitle: Boolean(from) });
    } catch (error) {
      if (!quiet) toast(`标为已读失败：${error.detail}`, { type: 'error' });
    }
  }

  async function markAllRead() {
    readAll.disabled = true;
    try {
      const answer = await api.post('/api/notifications/read-all', {});
      const now = new Date().toISOString();
      for (const n of items) n.readAt ??= now;
      setUnread(answer?.unread ?? 0);
      showBody();
      panel.focus();
      toast('已将全部通知标为已读');
    } catch (error) {
      setUnread(unread);
      toast(`操作失败：${error.detail}`, { type: 'error' });
    }
  }

  function received(notification) {
    if (!notification?.id || items.some((n) => n.id === notification.id)) return;
    items = [notification, ...items];
    if (!notification.readAt) setUnread(unread + 1);
    live.textContent = `新通知：${notification.title}`;
    // Prepend without rebuilding the list, so focus inside the open dropdown stays where it is.
    if (list.isConnected && body.contains(list)) list.prepend(itemNode(notification));
    else if (loaded) showBody();
    window.dispatchEvent(new CustomEvent('jianwu:notification', { detail: notification }));
  }

  /** The stream's events, whether from our own connection or from the tab that holds it. */
  function handle(type, data) {
    if (type === 'unread') {
      const count = data?.unread;
      if (typeof count === 'number' && count !== unread) { setUnread(count); if (!panel.hidden || loaded) load(); }
    } else if (type === 'notification') {
      received(data);
    }
  }

  function startStream() {
    const shared = 'locks' in navigator && typeof BroadcastChannel !== 'undefined';
    if (!shared) { connect(); return; }
    const name = `jianwu.events.${userId}`;
    channel = new BroadcastChannel(name);
    channel.addEventListener('message', (event) => { if (!source) handle(event.data?.type, event.data?.data); });
    navigator.locks.request(name, { signal: lockRequest.signal }, () => new Promise((release) => {
      if (stopped) { release(); return; }
      releaseLock = release;
      connect();
    })).catch(() => { /* aborted: this bell was destroyed before its turn came */ });
  }

  function connect() {
    if (stopped || typeof EventSource === 'undefined') return;
    source = new EventSource('/api/events');
    window.addEventListener('pagehide', closeOnLeave);
    for (const type of ['unread', 'notification']) {
      source.addEventListener(type, (event) => {
        let data;
        try { data = JSON.parse(event.data); } catch { return; /* a malformed event changes nothing */ }
        handle(type, data);
        channel?.postMessage({ type, data });
      });
    }
    // On any failure stop the browser's own reconnecting, check that the session is still alive (a 401 there
    // returns to sign-in through the api module), and reconnect ourselves.
    source.addEventListener('error', () => {
      source?.close();
      source = null;
      if (stopped) return;
      clearTimeout(retry);
      retry = setTimeout(reconnect, RETRY_MS);
    });
  }

  // Leaving the page: end the stream at once rather than leaving it to the unload.
  function closeOnLeave() {
    source?.close();
    source = null;
  }

  async function reconnect() {
    if (stopped) return;
    try {
      await api.get('/api/auth/session');
      connect();
    } catch (error) {
      if (error.status !== 401 && !stopped) retry = setTimeout(reconnect, RETRY_MS * 3);
    }
  }

  return {
    element,
    close: () => dropdownHandle.close(),
    destroy() {
      stopped = true;
      clearTimeout(retry);
      source?.close();
      source = null;
      lockRequest.abort();
      releaseLock?.();
      channel?.close();
      window.removeEventListener('pagehide', closeOnLeave);
      dropdownHandle.close();
    },
  };
}
