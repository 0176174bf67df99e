// Pagination with the total count (共 N 条), page buttons with gaps, and a page-size select.
import { h } from '../dom.js';
import { icon } from '../icons.js';

const SIZES = [10, 20, 50, 100];

function pageList(page, pages) {
  if (pages <= 7) return Array.from({ length: pages }, (_, i) => i + 1);
  const list = [1];
  const start = Math.max(2, page - 2);
  const end = Math.min(pages - 1, page + 2);
  if (start > 2) list.push('…');
  for (let i = start; i <= end; i += 1) list.push(i);
  if (end < pages - 1) list.push('…');
  list.push(pages);
  return list;
}

/** pagination({ total, page, pageSize, unit, onChange(page, pageSize) }) → <nav> */
export function pagination({ total, page, pageSize, unit = '条', onChange }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const button = (target, content, label, current = false) => h('button', {
    type: 'button', class: 'page-btn', 'aria-label': label, 'aria-current': current ? 'page' : null,
    disabled: target < 1 || target > pages || (current && true), onclick: () => onChange(target, pageSize),
  }, content);
  const sizeSelect = h('select', { class: 'select', 'aria-label': '每页条数', onchange: (e) => onChange(1, Number(e.target.value)) },
    SIZES.map((size) => h('option', { value: size, text: `${size} 条/页`, selected: size === pageSize })));
  return h('nav', { class: 'pagination', 'aria-label': '分页' },
    h('span', { class: 'total', text: `共 ${total} ${unit}` }),
    h('ul', {},
      h('li', {}, button(page - 1, icon('chevronLeft'), '上一页')),
      pageList(page, pages).map((item) => h('li', {}, item === '…'
        ? h('span', { class: 'ellipsis', 'aria-hidden': 'true', text: '…' })
        : button(item, String(item), `第 ${item} 页`, item === page))),
      h('li', {}, button(page + 1, icon('chevronRight'), '下一页'))),
    h('span', { class: 'page-size' }, sizeSelect));
}
