// Pieces shared by the remote-session pages (远程提讯): the state tag, the time slot in Asia/Shanghai, the action
// dialog (confirm, refuse with a reason, admit, start, end, cancel and no-show with a reason) and the session's
// summary dialog the calendar opens.
import { h } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { can } from '../session.js';
import { openDialog } from '../components/dialog.js';
import { confirmAction } from '../components/confirm.js';
import { field, createForm } from '../components/form.js';
import { whileBusy } from '../components/button.js';
import { toast } from '../components/toast.js';
import { formatDateTime } from '../format.js';
import { SESSION_ACTIONS, SESSION_EVENT_NAMES, SESSION_STATES } from '../labels.js';
import { textareaField } from './case-common.js';

export const SESSIONS = '/api/remote-sessions';

export function sessionPath(id, suffix = '') {
  return `${SESSIONS}/${encodeURIComponent(id)}${suffix}`;
}

/** Where a session opens: the prosecutor's side on the session page, the detention centre on its terminal. */
export function sessionHref(session) {
  if (can('session.book')) return `#/remote-sessions/${encodeURIComponent(session.id)}`;
  return `#/terminal/${encodeURIComponent(session.id)}`;
}

export function stateInfo(state) {
  return SESSION_STATES[state] ?? { name: state, tone: 'neutral' };
}

/** The coloured state tag: 待确认 amber, 已确认/已提人 blue, 进行中 blue with a dot, 已封存 green, 已取消 grey. */
export function stateTag(session) {
  const info = stateInfo(session.state);
  const tone = { live: 'progress', neutral: '' }[info.tone] ?? info.tone;
  return h('span', {
    class: `tag ${tone ? `tag-${tone}` : ''} ${info.tone === 'live' ? 'tag-dot' : ''} session-state`.replace(/\s+/g, ' ').trim(),
    dataset: { state: session.state }, text: session.stateName || info.name,
  });
}

/** `2026-12-04 09:00–10:30` in Asia/Shanghai. */
export function slotText(session) {
  const start = formatDateTime(session.startsAt);
  const end = formatDateTime(session.endsAt);
  return start.slice(0, 10) === end.slice(0, 10) ? `${start}–${end.slice(11)}` : `${start} 至 ${end}`;
}

export function placeText(session) {
  return `${session.room?.detentionCentreName ?? ''}${session.room?.name ?? ''}`;
}

const REASON_HINTS = {
  refuse: '如：该时段谈话室检修、犯罪嫌疑人已被提出所外',
  cancel: '如：案件已移送、改为当面讯问',
  noShow: '如：网络故障无法连接、犯罪嫌疑人就医',
};
const CONFIRM_TEXT = {
  confirm: { message: '确认后该谈话室和时段为本次提讯保留，检察院一方将收到通知。' },
  admit: { message: '请确认已将犯罪嫌疑人带到谈话室并核验身份。', detail: '提人后检察官可以开始讯问。' },
  start: { message: '开始讯问后，双方的音视频将被同步录制。' },
  end: { message: '结束讯问后不能再继续视频；笔录仍可修改，直至犯罪嫌疑人签名。', detail: '录像将在结束后数秒内生成并封存。' },
};

/**
 * Runs an action on a session: asks first, with a required reason for refuse, cancel and no-show.
 * Resolves with the session after the step, or undefined when cancelled.
 */
export async function runAction(session, allowed) {
  const action = allowed.action;
  const name = allowed.name || SESSION_ACTIONS[action] || action;
  const url = sessionPath(session.id, '/actions');
  if (!allowed.needsReason) {
    const text = CONFIRM_TEXT[action] ?? { message: `确定${name}吗？` };
    const after = await confirmAction({
      title: name, message: text.message, detail: text.detail, confirmLabel: name,
      onConfirm: () => api.post(url, { action }),
    });
    if (after) toast(`已${name}`);
    return after || undefined;
  }
  return new Promise((resolve) => {
    let result;
    const reason = textareaField({
      name: 'reason', label: '原因', required: true, id: 'session-action-reason', rows: 3, maxlength: '500', hint: REASON_HINTS[action],
      validate: (v) => (v.length > 500 ? '原因不能超过 500 字' : null),
    });
    const form = createForm([reason]);
    const submit = h('button', { type: 'submit', class: 'btn btn-danger', id: 'session-action-submit', text: name });
    const dialog = openDialog({
      title: name,
      size: 'narrow',
      body: h('div', { class: 'form' }, form.alert,
        h('p', { text: `${session.caseName} · ${session.suspectName} · ${slotText(session)}` }),
        reason.element,
        h('p', { class: 'subtle', text: '对方将收到通知，原因会一并告知。' })),
      footer: [h('button', { type: 'button', class: 'btn', text: '返回', onclick: () => dialog.close() }), submit],
      onClose: () => resolve(result),
      onSubmit: async () => {
        if (submit.disabled || !form.validate()) return;
        try {
          result = await whileBusy(submit, () => api.post(url, { action, reason: reason.value }));
          toast(`已${name}`);
          dialog.close();
        } catch (error) {
          form.showError(error);
        }
      },
    });
  });
}

/** The action buttons a session offers the current user (from allowedActions); `after(session)` on success. */
export function actionButtons(session, after, { large = false, only } = {}) {
  const primary = new Set(['confirm', 'admit', 'start']);
  return (session.allowedActions ?? []).filter((a) => !only || only.includes(a.action)).map((allowed) => h('button', {
    type: 'button',
    class: `btn ${primary.has(allowed.action) ? 'btn-primary' : ''} ${allowed.action === 'end' ? 'btn-danger' : ''} ${large ? 'btn-large' : ''}`.replace(/\s+/g, ' ').trim(),
    dataset: { action: allowed.action },
    onclick: async () => {
      const next = await runAction(session, allowed);
      if (next) after(next);
    },
  }, allowed.name || SESSION_ACTIONS[allowed.action]));
}

/** The steps a session went through, oldest first. */
export function eventList(session) {
  const events = session.events ?? [];
  if (!events.length) return h('p', { class: 'muted', text: '暂无记录' });
  return h('ol', { class: 'timeline session-events' }, events.map((e) => h('li', { class: 'timeline-item' },
    h('span', { class: 'timeline-dot', 'aria-hidden': 'true' }),
    h('div', { class: 'timeline-content' },
      h('div', { class: 'timeline-head' }, h('strong', { text: SESSION_EVENT_NAMES[e.kind] ?? e.kind }),
        h('span', { class: 'subtle' }, h('time', { datetime: e.at, text: formatDateTime(e.at) }), e.actorName ? ` · ${e.actorName}` : '')),
      e.note ? h('div', { class: 'timeline-note', text: e.note }) : null))));
}

/** The session's summary with its actions, opened from the calendar. `onChange(session)` after a step. */
export function openSessionDialog(session, onChange) {
  let current = session;
  const content = h('div', { class: 'session-summary' });
  const footer = h('div', { class: 'btn-group session-dialog-actions' });
  const dialog = openDialog({
    title: '远程提讯',
    className: 'session-dialog',
    body: content,
    footer,
  });
  const draw = () => {
    const s = current;
    content.replaceChildren(
      h('div', { class: 'session-summary-head' }, stateTag(s), h('strong', { text: s.caseName })),
      h('dl', { class: 'descriptions single' },
        item('案号', s.caseNumber),
        item('犯罪嫌疑人', s.suspectName),
        item('时间', slotText(s)),
        item('地点', placeText(s)),
        item('承办检察官', s.prosecutorName),
        item('参加人员', s.participants?.length ? s.participants.map((p) => p.displayName).join('、') : '无'),
        s.reason ? item('原因', s.reason) : null),
      h('h3', { class: 'section-title', text: '办理记录' }),
      eventList(s));
    const open = ['confirmed', 'admitted', 'live', 'ended', 'transcriptSigned', 'sealed'].includes(s.state);
    footer.replaceChildren(
      ...actionButtons(s, (next) => { current = next; draw(); onChange?.(next); }),
      open ? h('a', {
        class: 'btn', href: sessionHref(s), id: 'session-open', onclick: () => dialog.close(),
      }, icon(can('session.book') ? 'video' : 'devices'), can('session.book') ? '进入讯问页' : '打开终端') : null,
      h('button', { type: 'button', class: 'btn', text: '关闭', onclick: () => dialog.close() }));
  };
  draw();
  return dialog;
}

function item(label, value) {
  return h('div', {}, h('dt', { text: label }), h('dd', {}, value));
}

let scripts = null;
/** Loads the WebRTC adapter, then janus.js (served by jianwu from Debian's packages); resolves with window.Janus. */
export function loadJanusScripts() {
  scripts ??= (async () => {
    for (const src of ['/vendor/adapter.js', '/vendor/janus.js']) {
      await new Promise((resolve, reject) => {
        const element = h('script', { src });
        element.addEventListener('load', resolve);
        element.addEventListener('error', () => reject(new Error(`无法加载 ${src}`)));
        document.head.append(element);
      });
    }
    if (!window.Janus) throw new Error('janus.js 未能加载');
    return window.Janus;
  })().catch((error) => { scripts = null; throw error; });
  return scripts;
}
