// A page the session's roles do not allow.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';

export function render(body) {
  replaceChildren(body, h('div', { class: 'card' }, h('div', { class: 'state' }, icon('lock'),
    h('div', { class: 'state-title', text: '无权访问此页面' }),
    h('div', { text: '您当前的角色没有查看此页面的权限。如需开通，请联系本院系统管理员。' }),
    h('div', { class: 'btn-group' }, h('a', { class: 'btn btn-primary', href: '#/', text: '返回工作台' })))));
}
