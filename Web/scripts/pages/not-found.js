// A route that does not exist.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';

export function render(body) {
  replaceChildren(body, h('div', { class: 'card' }, h('div', { class: 'state' }, icon('inbox'),
    h('div', { class: 'state-title', text: '页面不存在' }),
    h('div', { text: '您访问的地址不存在，可能链接有误或页面已调整。' }),
    h('div', { class: 'btn-group' }, h('a', { class: 'btn btn-primary', href: '#/', text: '返回工作台' })))));
}
