// 法律检索: a search box with instant (debounced) results over the law corpus, a validity filter, each result with
// the law, the article, its chapter path and the snippet with the matched words highlighted; a citation such as
// 刑法第264条 comes first, marked 精确引用. While the server is still importing laws it answers 503
// knowledge-preparing: the page says 知识库准备中 and retries by itself.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { replaceQuery } from '../router.js';
import { emptyState, errorState } from '../components/states.js';
import { articleHref, headingPath, highlighted, isPreparing, preparingState, rememberSearch } from './knowledge-common.js';

const DEBOUNCE_MS = 300;
const PAGE = 20;
const MAX = 100;
const VALIDITY = [{ value: '', label: '全部' }, { value: 'current', label: '现行有效' }, { value: 'expired', label: '已失效' }];
const EXAMPLES = ['刑法第264条', '盗窃 数额较大', '“认罪认罚”', '审查起诉 期限', '诈骗 OR 敲诈勒索', '取保候审 -保证金'];
const MATCH_NAMES = { citation: '精确引用', allTerms: '全部词命中', someTerms: '部分词命中' };

export async function render(body, ctx) {
  const state = { q: ctx.query.get('q') ?? '', validity: ctx.query.get('validity') ?? '', limit: PAGE };
  let ticket = 0;
  let timer = null;
  let stopPreparing = null;

  const input = h('input', {
    class: 'input input-large', type: 'search', id: 'knowledge-q', name: 'q', value: state.q, autocomplete: 'off', spellcheck: 'false',
    placeholder: '输入法条、罪名或关键词，如：刑法第264条、盗窃 数额较大', 'aria-describedby': 'knowledge-tips', 'aria-controls': 'knowledge-results',
  });
  const validity = h('select', { class: 'select input-large', id: 'knowledge-validity', name: 'validity' },
    VALIDITY.map((o) => h('option', { value: o.value, text: o.label, selected: o.value === state.validity })));
  const form = h('form', { class: 'knowledge-search', role: 'search', 'aria-label': '法律检索', novalidate: true },
    h('div', { class: 'knowledge-search-row' },
      h('div', { class: 'field knowledge-q' }, h('label', { class: 'visually-hidden', for: input.id, text: '检索词' }),
        h('div', { class: 'input-with-icon' }, icon('search'), input)),
      h('div', { class: 'field knowledge-validity' }, h('label', { class: 'visually-hidden', for: validity.id, text: '效力' }), validity),
      h('button', { type: 'submit', class: 'btn btn-primary btn-large', id: 'knowledge-submit' }, icon('search'), '检索')),
    h('p', { class: 'subtle knowledge-tips', id: 'knowledge-tips',
      text: '可直接输入法条引用；多个词以空格分隔表示同时包含，"……" 检索短语，OR 表示或，-词 表示排除。' }));
  const status = h('div', { class: 'knowledge-status', 'aria-live': 'polite' });
  const results = h('div', { class: 'knowledge-results', id: 'knowledge-results' });
  replaceChildren(body, h('section', { class: 'card knowledge-card', 'aria-label': '法律检索' }, form),
    h('section', { class: 'card knowledge-results-card', 'aria-label': '检索结果' }, status, results));

  form.addEventListener('submit', (event) => { event.preventDefault(); clearTimeout(timer); search(); });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, DEBOUNCE_MS);
  });
  validity.addEventListener('change', () => { clearTimeout(timer); search(); });

  await search();
  return () => {
    clearTimeout(timer);
    stopPreparing?.();
    // Leaving before the pause after typing ended: the way back still shows what was typed.
    rememberSearch(queryString(input.value.trim(), validity.value));
  };

  async function search({ more = false } = {}) {
    const q = input.value.trim();
    const changed = q !== state.q || validity.value !== state.validity;
    state.q = q;
    state.validity = validity.value;
    if (!more && changed) state.limit = PAGE;
    replaceQuery(ctx.path, { q: state.q, validity: state.validity });
    rememberSearch(queryString(state.q, state.validity));
    stopPreparing?.();
    stopPreparing = null;
    const current = ++ticket;
    if (!q) {
      status.textContent = '';
      replaceChildren(results, intro());
      return;
    }
    results.setAttribute('aria-busy', 'true');
    if (!results.querySelector('.law-hit')) {
      replaceChildren(results, h('div', { class: 'knowledge-loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), '正在检索……'));
    }
    try {
      const answer = await api.get('/api/knowledge/search', { query: { q, validity: state.validity, limit: state.limit } });
      if (current !== ticket || !ctx.isCurrent()) return;
      show(answer.items ?? []);
    } catch (error) {
      if (current !== ticket || !ctx.isCurrent()) return;
      status.textContent = '';
      if (isPreparing(error)) {
        const preparing = preparingState(error, () => search());
        stopPreparing = preparing.stop;
        replaceChildren(results, preparing.element);
      } else if (error.status === 400) {
        replaceChildren(results, h('div', { class: 'alert alert-warning knowledge-hint', role: 'alert' }, icon('info'),
          h('div', { class: 'alert-body', text: error.detail })));
      } else {
        replaceChildren(results, errorState({ title: '检索失败', error, onRetry: () => search() }));
      }
    } finally {
      if (current === ticket) results.removeAttribute('aria-busy');
    }
  }

  function show(items) {
    status.textContent = items.length ? `找到 ${items.length}${items.length >= state.limit ? '+' : ''} 条相关法条` : '';
    if (!items.length) {
      replaceChildren(results, emptyState({
        title: `没有找到与“${state.q}”相关的法条`,
        text: state.validity ? '可以把效力改为“全部”，或减少、更换关键词后重试。' : '请减少或更换关键词，或直接输入法条引用（如 刑法第264条）。',
      }));
      return;
    }
    const more = items.length >= state.limit && state.limit < MAX
      ? h('div', { class: 'load-more' }, h('button', {
        type: 'button', class: 'btn', onclick: () => { state.limit += PAGE; search({ more: true }); },
      }, '显示更多结果')) : null;
    replaceChildren(results, h('ol', { class: 'law-hits', 'aria-label': `“${state.q}”的检索结果` }, items.map(hitNode)), more);
  }

  function intro() {
    return h('div', { class: 'knowledge-intro' },
      h('div', { class: 'state' }, icon('book'), h('div', { class: 'state-title', text: '检索法律、司法解释和检察规范' }),
        h('div', { text: '输入法条引用直接定位条文，输入关键词按相关度排列结果。' })),
      h('div', { class: 'example-list' }, h('span', { class: 'muted', text: '试试：' }),
        EXAMPLES.map((example) => h('button', {
          type: 'button', class: 'btn btn-small example', text: example,
          onclick: () => { input.value = example; search(); input.focus(); },
        }))));
  }
}

function queryString(q, validity) {
  return new URLSearchParams(Object.entries({ q, validity }).filter(([, v]) => v)).toString();
}

function hitNode(hit, index) {
  const href = articleHref(hit.lawId, hit.article);
  const exact = hit.match === 'citation';
  return h('li', { class: `law-hit${exact ? ' exact' : ''}`, dataset: { lawId: hit.lawId, article: hit.article, match: hit.match } },
    h('div', { class: 'law-hit-head' },
      h('a', { class: 'law-hit-link', href, 'aria-describedby': `hit-${index}-snippet` },
        h('span', { class: 'law-hit-title', text: hit.lawTitle }),
        h('span', { class: 'law-hit-article', text: hit.articleLabel })),
      exact ? h('span', { class: 'tag tag-progress exact-tag', text: '精确引用' })
        : h('span', { class: 'subtle match-note', text: MATCH_NAMES[hit.match] ?? '' })),
    headingPath(hit.headingPath),
    h('p', { class: 'law-hit-snippet', id: `hit-${index}-snippet` }, highlighted(hit.snippet ?? '', hit.highlights)));
}
