// The article view: the full text of one article with its law and chapter, each article it cites linked where its
// 第X条 appears in the text (and listed), and the articles citing it (被引用).
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { skeletonBlock, errorState } from '../components/states.js';
import { articleHref, headingPath, hitEntry, isPreparing, lastSearchHref, preparingState, shortLawTitle } from './knowledge-common.js';

// 第二百六十四条, 第一百三十三条之一; 第2条 as written in some interpretations.
const ARTICLE_REFERENCE = /第[零〇一二三四五六七八九十百千\d]+条(?:之[一二三四五六七八九十]+)?/g;
// Words before a reference that point at the article's own law.
const SAME_LAW = /(本法|本解释|本规则|本规定|本条例|本办法|本意见|本决定)$/;

export async function render(body, ctx) {
  const { lawId, article } = ctx.params;
  let stopPreparing = null;

  replaceChildren(body, h('div', { class: 'card' }, skeletonBlock(6)));
  await load();
  return () => stopPreparing?.();

  async function load() {
    stopPreparing?.();
    stopPreparing = null;
    let answer;
    try {
      answer = await api.get(`/api/knowledge/laws/${encodeURIComponent(lawId)}/articles/${encodeURIComponent(article)}`);
    } catch (error) {
      if (!ctx.isCurrent()) return;
      if (isPreparing(error)) {
        const preparing = preparingState(error, load);
        stopPreparing = preparing.stop;
        replaceChildren(body, h('div', { class: 'card' }, preparing.element));
      } else if (error.status === 404) {
        replaceChildren(body, h('div', { class: 'card' }, h('div', { class: 'state' }, icon('book'),
          h('div', { class: 'state-title', text: '没有找到该法条' }),
          h('div', { text: '该法条可能已被删除，或链接有误。' }),
          h('div', { class: 'btn-group' }, h('a', { class: 'btn btn-primary', href: '#/knowledge', text: '返回法律检索' })))));
      } else {
        replaceChildren(body, h('div', { class: 'card' }, errorState({ title: '法条加载失败', error, onRetry: load })));
      }
      return;
    }
    if (!ctx.isCurrent()) return;
    show(answer);
  }

  function show(a) {
    ctx.setTitle(`${shortLawTitle(a.lawTitle)} ${a.articleLabel}`);
    const cites = a.cites ?? [];
    const citedBy = a.citedBy ?? [];
    const paragraphs = String(a.text ?? '').split(/\n+/).filter((p) => p.trim());
    const articleCard = h('article', { class: 'card law-article', 'aria-labelledby': 'law-article-label' },
      h('div', { class: 'law-article-head' },
        h('div', { class: 'law-article-law', text: a.lawTitle }),
        headingPath(a.headingPath),
        h('h2', { class: 'law-article-label', id: 'law-article-label', text: a.articleLabel })),
      h('div', { class: 'law-article-text', id: 'law-article-text' }, paragraphs.map((p) => h('p', {}, linkify(p, cites, a)))),
      h('div', { class: 'law-article-foot' },
        h('a', { class: 'btn-link', href: lastSearchHref() }, icon('chevronLeft'), '返回检索结果'),
        h('a', { class: 'btn-link', href: `#/knowledge?q=${encodeURIComponent(`${shortLawTitle(a.lawTitle)}${a.articleLabel}`)}` }, icon('search'), '检索相关法条')));
    const citesCard = h('section', { class: 'card law-refs', 'aria-labelledby': 'cites-title', id: 'law-cites' },
      h('div', { class: 'card-header' }, h('h2', { id: 'cites-title', text: `本条引用（${cites.length}）` })),
      cites.length ? h('ul', { class: 'law-ref-list' }, cites.map((hit) => hitEntry(hit, { currentLawId: a.lawId })))
        : h('p', { class: 'law-refs-empty muted', text: '本条没有引用其他条文。' }));
    const citedByCard = h('section', { class: 'card law-refs', 'aria-labelledby': 'cited-by-title', id: 'law-cited-by' },
      h('div', { class: 'card-header' }, h('h2', { id: 'cited-by-title', text: `被引用（${citedBy.length}）` })),
      citedBy.length ? h('ul', { class: 'law-ref-list' }, citedBy.map((hit) => hitEntry(hit, { currentLawId: a.lawId })))
        : h('p', { class: 'law-refs-empty muted', text: '暂未发现引用本条的条文。' }));
    replaceChildren(body, h('div', { class: 'law-layout' }, articleCard, h('div', { class: 'law-side' }, citesCard, citedByCard)));
  }
}

/**
 * The paragraph as text with each 第X条 that names a cited article turned into a link to it. Which law a reference
 * means: 本法/本解释… → the article's own law; a law's short name just before (刑法第…) → that law; otherwise
 * the only cited article with that label, or none when it is ambiguous.
 */
function linkify(text, cites, current) {
  const nodes = [];
  let at = 0;
  for (const match of text.matchAll(ARTICLE_REFERENCE)) {
    const label = match[0];
    const candidates = cites.filter((c) => c.articleLabel === label);
    const target = pick(candidates, text.slice(Math.max(0, match.index - 24), match.index), current);
    if (!target) continue;
    if (match.index > at) nodes.push(document.createTextNode(text.slice(at, match.index)));
    nodes.push(h('a', {
      class: 'citation-link', href: articleHref(target.lawId, target.article), title: `${target.lawTitle}${target.articleLabel}`, text: label,
      dataset: { lawId: target.lawId, article: target.article },
    }));
    at = match.index + label.length;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}

function pick(candidates, before, current) {
  if (candidates.length === 0) return null;
  if (SAME_LAW.test(before)) return candidates.find((c) => c.lawId === current.lawId) ?? null;
  const named = candidates.filter((c) => {
    const short = shortLawTitle(c.lawTitle).replace(/[（(].*$/, '');
    return short && (before.endsWith(short) || before.endsWith(`《${short}》`) || before.endsWith(c.lawTitle));
  });
  if (named.length) return named[0];
  // A bare 第X条 in an article refers to the same law.
  const same = candidates.find((c) => c.lawId === current.lawId);
  if (same) return same;
  return candidates.length === 1 ? candidates[0] : null;
}
