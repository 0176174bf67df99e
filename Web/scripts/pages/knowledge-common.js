// Shared by 法律检索 and the article view: links to articles, snippets with highlights built as DOM nodes (never
// innerHTML with server text), the chapter path, and the 知识库准备中 state that retries by itself.
import { h } from '../dom.js';
import { icon } from '../icons.js';

let lastSearch = '';
/** Remembers the search the user ran, so the article view can lead back to its results. */
export function rememberSearch(query) { lastSearch = query; }
export function lastSearchHref() { return `#/knowledge${lastSearch ? `?${lastSearch}` : ''}`; }

export function articleHref(lawId, article) {
  return `#/knowledge/${encodeURIComponent(lawId)}/${encodeURIComponent(article)}`;
}

/** The law's common short name: 中华人民共和国刑法 → 刑法. */
export function shortLawTitle(title) {
  return String(title ?? '').replace(/^中华人民共和国/, '');
}

/**
 * The snippet as text nodes and <mark> elements. `highlights` are [start, end) offsets in UTF-16 code units, which
 * is how JavaScript strings count, so they apply directly; overlapping or out-of-range ranges are merged/clamped.
 */
export function highlighted(text, highlights = []) {
  const ranges = highlights
    .filter((r) => Array.isArray(r) && r.length >= 2)
    .map(([start, end]) => [Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(end, text.length))])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  const nodes = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) nodes.push(document.createTextNode(text.slice(at, start)));
    nodes.push(h('mark', { text: text.slice(start, end) }));
    at = end;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}

export function headingPath(path) {
  if (!path?.length) return null;
  return h('span', { class: 'heading-path' }, path.map((part, i) => [i ? h('span', { class: 'heading-sep', 'aria-hidden': 'true', text: '›' }) : null,
    h('span', { text: part })]));
}

/** A hit as a compact list entry (for 本条引用 / 被引用). */
export function hitEntry(hit, { currentLawId } = {}) {
  const sameLaw = hit.lawId === currentLawId;
  return h('li', { class: 'law-ref', dataset: { lawId: hit.lawId, article: hit.article } },
    h('a', { class: 'law-ref-link', href: articleHref(hit.lawId, hit.article) },
      sameLaw ? null : h('span', { class: 'law-ref-law', text: shortLawTitle(hit.lawTitle) }),
      h('span', { class: 'law-ref-label', text: hit.articleLabel })),
    hit.snippet ? h('p', { class: 'law-ref-snippet', text: hit.snippet }) : null);
}

/**
 * 知识库准备中: shown while the server answers 503 knowledge-preparing. Counts down and calls `retry` by itself
 * (Retry-After, else 10 s); `立即重试` retries at once. Returns { element, stop }.
 */
export function preparingState(error, retry) {
  let seconds = Math.max(3, Math.min(60, error?.retryAfter ?? 10));
  const countdown = h('span', { class: 'subtle' });
  const tick = () => { countdown.textContent = `${seconds} 秒后自动重试`; };
  tick();
  const timer = setInterval(() => {
    seconds -= 1;
    if (seconds <= 0) { stop(); retry(); return; }
    tick();
  }, 1000);
  const stop = () => clearInterval(timer);
  const element = h('div', { class: 'state preparing', role: 'status', id: 'knowledge-preparing' },
    h('span', { class: 'spinner large', 'aria-hidden': 'true' }),
    h('div', { class: 'state-title', text: '知识库准备中' }),
    h('div', { text: error?.detail ?? '法律法规正在导入和建立索引，请稍候。' }),
    countdown,
    h('div', { class: 'btn-group' }, h('button', { type: 'button', class: 'btn', onclick: () => { stop(); retry(); } }, icon('refresh'), '立即重试')));
  return { element, stop };
}

export function isPreparing(error) {
  return error?.status === 503 && error.code === 'knowledge-preparing';
}

