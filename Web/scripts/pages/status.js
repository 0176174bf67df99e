// 系统状态: whether the server answers its health check, with the version it reports, and links for operators.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { formatDateTime } from '../format.js';

export async function render(body) {
  const result = h('div', { class: 'status-result', 'aria-live': 'polite' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }), '正在检查服务……');
  const card = h('section', { class: 'card status-card', 'aria-labelledby': 'status-title' },
    h('div', { class: 'card-header' }, h('h2', { id: 'status-title', text: '检务云服务状态' }),
      h('button', { type: 'button', class: 'btn', onclick: () => check() }, icon('refresh'), '重新检查')),
    h('div', { class: 'card-body' }, result,
      h('ul', { class: 'link-list' },
        h('li', {}, h('a', { href: '/api/openapi.json', text: '接口说明（OpenAPI）' })),
        h('li', {}, h('a', { href: '/metrics', text: '运行指标' })))));
  const wrapper = body.classList.contains('public-main') ? h('div', { class: 'public-page' }, card) : card;
  replaceChildren(body, wrapper);

  async function check() {
    replaceChildren(result, h('span', { class: 'spinner', 'aria-hidden': 'true' }), '正在检查服务……');
    try {
      const response = await fetch('/healthz', { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (!response.ok) throw new Error(String(response.status));
      const answer = await response.json();
      replaceChildren(result, h('span', { class: 'tag tag-success tag-dot', text: '运行正常' }),
        h('span', { text: `服务版本 ${answer.version ?? '未知'}` }),
        h('span', { class: 'subtle', text: `检查时间 ${formatDateTime(new Date())}` }));
    } catch {
      replaceChildren(result, h('span', { class: 'tag tag-danger tag-dot', text: '无法连接' }),
        h('span', { text: '无法连接服务，请确认 jianwu serve 正在运行，或联系系统管理员。' }));
    }
  }
  await check();
}
