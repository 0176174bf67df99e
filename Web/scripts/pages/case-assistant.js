// 智能辅助 on the case page: the case assistant (POST /api/assist) over the case's facts, prefilled and editable —
// ranked charges and articles with the words that support them, the circumstances found (each with its text, which
// the prosecutor may drop), and the sentencing recommendation with every step and the provision it applies.
// 重新计算 sends the prosecutor's charge and the circumstances kept.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { whileBusy } from '../components/button.js';
import { errorState } from '../components/states.js';

const CIRCUMSTANCE_NAMES = {
  amount: '数额', count: '次数', injury: '伤情', disability: '伤残', death: '死亡', drug: '毒品', age: '年龄', bloodAlcohol: '血液酒精含量',
  minor: '未成年人', elderly: '老年人', deafMuteOrBlind: '又聋又哑或盲人', attempt: '未遂', accessory: '从犯', coercedAccomplice: '胁从犯',
  surrender: '自首', confession: '坦白', majorConfession: '如实供述重大罪行', courtPlea: '当庭认罪', meritoriousService: '立功',
  majorMeritoriousService: '重大立功', restitution: '退赃退赔', compensation: '赔偿', forgiveness: '取得谅解', compensationAndForgiveness: '赔偿并取得谅解',
  reconciliation: '刑事和解', custodyConduct: '羁押期间表现', pleaLeniency: '认罪认罚', recidivism: '累犯', priorRecord: '前科',
  vulnerableVictim: '侵害弱势群体', epidemicPeriod: '疫情防控期间', burglary: '入户', armed: '携带凶器', pickpocketing: '扒窃',
  flight: '逃逸', responsibility: '事故责任', telecomFraud: '电信网络诈骗',
};

function months(value) {
  if (value == null) return '';
  if (value === 0) return '0';
  const whole = Math.round(value);
  return whole >= 12 && whole % 12 === 0 ? `${whole / 12} 年` : `${whole} 个月`;
}

export function renderAssistant(panel, view) {
  const facts = h('textarea', { id: 'assist-fact', class: 'input textarea', rows: 8, 'aria-describedby': 'assist-fact-help' });
  facts.value = view.detail.facts ?? '';
  const run = h('button', { type: 'button', class: 'btn btn-primary', id: 'assist-run' }, icon('search'), '分析案情');
  const output = h('div', { class: 'assist-output', id: 'assist-output', 'aria-live': 'polite' });
  let result = null;
  let dropped = new Set();
  let chosenCharge = '';

  async function analyse({ corrected = false } = {}) {
    const fact = facts.value.trim();
    if (!fact) { replaceChildren(output, h('p', { class: 'field-error', text: '请先填写案情事实。' })); return; }
    const body = { fact };
    if (corrected && result) {
      if (chosenCharge) body.charge = chosenCharge;
      body.circumstances = result.circumstances.filter((_, index) => !dropped.has(index));
    }
    try {
      const answer = await api.post('/api/assist', body);
      if (!corrected) { dropped = new Set(); chosenCharge = answer.charges[0]?.name ?? ''; }
      result = corrected ? { ...answer, circumstances: body.circumstances ?? answer.circumstances } : answer;
      if (corrected) dropped = new Set();
      show();
    } catch (error) {
      replaceChildren(output, errorState({ title: '分析失败', error, onRetry: () => analyse({ corrected }) }));
    }
  }

  function show() {
    const charges = h('ol', { class: 'assist-charges' }, result.charges.map((charge) => h('li', {},
      h('label', { class: 'radio' },
        h('input', { type: 'radio', name: 'assist-charge', value: charge.name, checked: charge.name === chosenCharge,
          onchange: () => { chosenCharge = charge.name; } }),
        h('strong', { text: `${charge.name}罪` }), h('span', { class: 'subtle', text: ` 得分 ${charge.score}` })),
      h('div', { class: 'tag-list' }, charge.evidence.slice(0, 6).map((word) =>
        h('span', { class: 'tag', title: word, text: word.length > 16 ? `${word.slice(0, 16)}…` : word }))))));
    const articles = h('ul', { class: 'assist-articles' }, result.articles.map((article) => h('li', {},
      h('a', { href: `#/knowledge?q=${encodeURIComponent(`刑法${article.label}`)}`, text: `刑法${article.label}` }),
      article.evidence.length ? h('span', { class: 'subtle', text: `（${article.evidence.slice(0, 3).join('、')}）` }) : null)));
    const circumstances = result.circumstances.length
      ? h('ul', { class: 'assist-circumstances' }, result.circumstances.map((item, index) => h('li', {},
        h('label', { class: 'checkbox' },
          h('input', { type: 'checkbox', checked: !dropped.has(index), onchange: (event) => {
            if (event.target.checked) dropped.delete(index); else dropped.add(index);
          } }),
          h('strong', { text: CIRCUMSTANCE_NAMES[item.kind] ?? item.kind }),
          h('span', { class: 'subtle', text: `「${item.text}」` })))))
      : h('p', { class: 'subtle', text: '未识别到量刑情节。' });
    const covered = result.term_months_low != null;
    const recommendation = h('div', { class: `assist-recommendation ${covered ? '' : 'muted'}`, id: 'assist-recommendation' },
      h('div', { class: 'assist-range', text: covered ? (result.recommendation ?? `${months(result.term_months_low)}至${months(result.term_months_high)}`) : '本案不在量刑引擎覆盖范围内' }),
      covered && result.probation_eligible != null
        ? h('span', { class: `tag ${result.probation_eligible ? 'tag-success' : 'tag-warning'}`, text: result.probation_eligible ? '可考虑适用缓刑' : '不符合缓刑条件' })
        : null,
      result.reason ? h('p', { class: 'subtle', text: result.reason }) : null);
    const steps = h('ol', { class: 'assist-steps' }, result.explanation.map((step) => h('li', {},
      h('strong', { text: step.step }), h('span', { class: 'subtle', text: ` ${step.provision}` }),
      h('div', { text: step.detail }),
      step.lowMonths != null ? h('div', { class: 'subtle', text: `区间：${months(step.lowMonths)}至${months(step.highMonths)}` }) : null)));
    const recompute = h('button', { type: 'button', class: 'btn', id: 'assist-recompute' }, icon('refresh'), '按修改重新计算');
    recompute.addEventListener('click', () => whileBusy(recompute, () => analyse({ corrected: true })));
    replaceChildren(output,
      h('div', { class: 'assist-grid' },
        h('section', {}, h('h3', { class: 'panel-subtitle', text: '罪名建议' }), charges),
        h('section', {}, h('h3', { class: 'panel-subtitle', text: '相关法条' }), articles),
        h('section', {}, h('h3', { class: 'panel-subtitle', text: '量刑情节（可取消不予认定的情节）' }), circumstances)),
      h('section', {}, h('h3', { class: 'panel-subtitle', text: '量刑建议' }), recommendation, steps),
      h('div', { class: 'form-actions' }, recompute),
      h('p', { class: 'subtle', text: '以上为依据《关于常见犯罪的量刑指导意见（试行）》（法发〔2021〕21号）和本省实施细则计算的参考意见，由承办检察官审查决定。' }));
  }

  run.addEventListener('click', () => whileBusy(run, () => analyse()));
  replaceChildren(panel,
    h('div', { class: 'panel-header' }, h('h2', { class: 'panel-title', text: '智能辅助' })),
    h('div', { class: 'field' },
      h('label', { for: 'assist-fact', class: 'field-label', text: '案情事实' }),
      facts,
      h('div', { class: 'field-hint', id: 'assist-fact-help', text: '已按本案案情摘要预填，可补充或修改后分析；分析不会修改案件。' })),
    h('div', { class: 'form-actions' }, run),
    output);
}
