// Loading skeletons, empty states (what is missing and how to create it) and error states (what happened, what to do).
import { h } from '../dom.js';
import { icon } from '../icons.js';

export function skeletonBlock(lines = 4) {
  const widths = ['w-60', 'w-80', '', 'w-40'];
  return h('div', { class: 'skeleton-block', 'aria-busy': 'true', 'aria-label': '正在加载' },
    Array.from({ length: lines }, (_, i) => h('span', { class: `skeleton ${widths[i % widths.length]}` })));
}

export function skeletonRows(columns, rows = 6) {
  return Array.from({ length: rows }, () => h('tr', { class: 'skeleton-row', 'aria-hidden': 'true' },
    Array.from({ length: columns }, (_, i) => h('td', {}, h('span', { class: `skeleton ${i % 2 ? 'w-60' : 'w-80'}` })))));
}

export function emptyState({ title, text, actions = [] }) {
  return h('div', { class: 'state empty' }, icon('inbox'),
    h('div', { class: 'state-title', text: title }),
    text ? h('div', { text }) : null,
    actions.length ? h('div', { class: 'btn-group' }, actions) : null);
}

export function errorState({ title = '加载失败', error, onRetry }) {
  return h('div', { class: 'state error', role: 'alert' }, icon('alertCircle'),
    h('div', { class: 'state-title', text: title }),
    h('div', { text: `${error?.detail ?? error?.message ?? '发生未知错误。'}` }),
    onRetry ? h('div', { class: 'btn-group' },
      h('button', { type: 'button', class: 'btn', onclick: onRetry }, icon('refresh'), '重试')) : null);
}
