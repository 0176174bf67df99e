// 案件详情: a header with every 案号 the case had, stage, charges, 承办检察官 and the next deadline; tabs for 基本信息
// (edit), 办案期限 (each deadline with its article and explanation), 诉讼参与人 (case-persons.js), 流程 (transitions,
// 延长审查起诉期限), 时间线, 电子卷宗 (case-dossier.js), 办案组, 律师 and 智能辅助 (case-assistant.js). Without
// case.manage (e.g. a lawyer) the page is read-only: no edit buttons and no assistant.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { can, getSession } from '../session.js';
import { navigate, replaceQuery } from '../router.js';
import { tabs } from '../components/tabs.js';
import { openDialog } from '../components/dialog.js';
import { confirmAction } from '../components/confirm.js';
import { field, createForm } from '../components/form.js';
import { whileBusy } from '../components/button.js';
import { toast } from '../components/toast.js';
import { skeletonBlock, errorState } from '../components/states.js';
import { formatDateTime, daysLeftText, shanghaiNow } from '../format.js';
import {
  CASE_FIELD_NAMES, CASE_FLAGS, DEADLINE_STATUS, LAWYER_BINDING_STATUS, STAGE_NAMES, TEAM_DUTIES, TRANSITIONS, isClosedStage,
} from '../labels.js';
import {
  chargesField, custodyTag, deadlineTag, flagsField, notFutureDate, stageTag, textareaField,
} from './case-common.js';
import { renderPersons } from './case-persons.js';
import { renderDossier } from './case-dossier.js';
import { renderAssistant } from './case-assistant.js';
import { heldSuspects, openBookingDialog } from './remote-booking.js';

const TAB_IDS = ['basic', 'deadlines', 'persons', 'flow', 'timeline', 'files', 'team', 'lawyers', 'assistant'];
const LEADER_ROLES = new Set(['chiefProsecutor', 'deputyChiefProsecutor']);
// Who can be on a case team: procuratorate staff who handle cases.
const CASE_STAFF = new Set(['prosecutor', 'prosecutorAssistant', 'clerk', 'departmentHead', 'chiefProsecutor', 'deputyChiefProsecutor']);

export async function render(body, ctx) {
  const id = ctx.params.id;
  const manage = can('case.manage');
  let detail = null;
  let tabView = null;
  const header = h('section', { class: 'card case-header', 'aria-label': '案件概况' });
  let selectedTab = TAB_IDS.includes(ctx.query.get('tab')) ? ctx.query.get('tab') : 'basic';

  /** The page after a change: the server answers with the whole case; the current tab stays. */
  const view = {
    id, manage,
    get detail() { return detail; },
    update(next) { detail = next; refresh(); },
    async reload() {
      try {
        detail = await api.get(`/api/cases/${encodeURIComponent(id)}`);
        refresh();
      } catch (error) {
        toast(`案件信息刷新失败：${error.detail}`, { type: 'error' });
      }
    },
    setCount(tab, n) { tabView?.setCount(tab, n); },
  };

  // Someone else changed this case (the server reminds the team): show it in place, unless the user is busy here.
  const changed = h('div', { class: 'alert alert-info live-note', id: 'case-changed', role: 'status', hidden: true }, icon('info'),
    h('div', { class: 'alert-body', text: '本案有新的变化。' }),
    h('button', { type: 'button', class: 'btn btn-small', onclick: () => { changed.hidden = true; view.reload(); } }, icon('refresh'), '刷新'));
  const onNotification = (event) => {
    const notice = event.detail;
    if (!detail || notice?.subjectType !== 'case' || notice.subjectId !== id) return;
    const active = document.activeElement;
    const busy = document.querySelector('dialog[open]') || (active && active !== document.body && body.contains(active));
    if (busy) changed.hidden = false; else view.reload();
  };
  window.addEventListener('jianwu:notification', onNotification);

  replaceChildren(body, h('div', { class: 'card' }, skeletonBlock(6)));
  await load();
  return () => window.removeEventListener('jianwu:notification', onNotification);

  async function load() {
    try {
      detail = await api.get(`/api/cases/${encodeURIComponent(id)}`);
    } catch (error) {
      if (!ctx.isCurrent()) return;
      replaceChildren(body, h('div', { class: 'card' }, error.status === 404
        ? h('div', { class: 'state' }, icon('inbox'), h('div', { class: 'state-title', text: '案件不存在或您无权查看' }),
          h('div', { text: '该案件可能不在您的办案范围内，或链接有误。' }),
          h('div', { class: 'btn-group' }, h('a', { class: 'btn btn-primary', href: '#/cases', text: '返回案件列表' })))
        : errorState({ title: '案件信息加载失败', error, onRetry: load })));
      return;
    }
    if (!ctx.isCurrent()) return;
    build();
  }

  function build() {
    ctx.setTitle(detail.summary.name);
    renderHeader();
    tabView = tabs({
      label: '案件信息',
      selected: selectedTab,
      onSelect: (tab) => { selectedTab = tab; replaceQuery(ctx.path, { tab: tab === 'basic' ? '' : tab }); },
      items: [
        { id: 'basic', label: '基本信息', render: renderBasic },
        { id: 'deadlines', label: '办案期限', render: renderDeadlines },
        { id: 'persons', label: '诉讼参与人', render: (panel) => renderPersons(panel, view) },
        { id: 'flow', label: '流程', render: renderFlow },
        { id: 'timeline', label: '时间线', render: renderTimeline },
        { id: 'files', label: '电子卷宗', render: (panel) => renderDossier(panel, view) },
        { id: 'team', label: '办案组', render: renderTeam },
        { id: 'lawyers', label: '律师', render: renderLawyers },
        ...(manage ? [{ id: 'assistant', label: '智能辅助', render: (panel) => renderAssistant(panel, view) }] : []),
      ],
    });
    updateCounts();
    replaceChildren(body, header, changed, h('section', { class: 'card case-tabs' }, tabView.element));
  }

  function refresh() {
    changed.hidden = true;
    ctx.setTitle(detail.summary.name);
    renderHeader();
    updateCounts();
    tabView.refresh();
  }

  function updateCounts() {
    tabView.setCount('deadlines', detail.deadlines.length);
    tabView.setCount('persons', detail.persons.length);
    tabView.setCount('files', detail.files.length);
    tabView.setCount('team', detail.team.length);
    tabView.setCount('lawyers', detail.lawyers.filter((l) => l.status === 'approved').length);
  }

  function renderHeader() {
    const s = detail.summary;
    const current = detail.caseNumbers.at(-1)?.caseNumber ?? s.caseNumber;
    const earlier = detail.caseNumbers.map((n) => n.caseNumber).filter((n) => n !== s.caseNumber);
    const next = s.nextDeadline;
    const flags = CASE_FLAGS.filter((f) => (f.key === 'juvenile' ? s.juvenile : detail[f.key]));
    replaceChildren(header,
      h('div', { class: 'case-header-main' },
        h('div', { class: 'case-number-line' },
          h('span', { class: 'case-number-text', id: 'case-number', text: s.caseNumber || current }),
          stageTag(s.stage, s.stageName), custodyTag(s.inCustody),
          flags.map((f) => h('span', { class: 'tag', text: f.name }))),
        earlier.length ? h('div', { class: 'case-numbers-earlier' }, h('span', { class: 'muted', text: '全部案号：' }),
          detail.caseNumbers.map((n) => h('span', { class: 'case-number-chip', title: n.businessCode, text: n.caseNumber }))) : null,
        h('dl', { class: 'case-meta' },
          meta('罪名', s.charges.length ? s.charges.join('、') : '未填写'),
          meta('承办检察官', s.leadProsecutorName ?? '未指定'),
          meta('承办单位', s.organisationName),
          meta('受理日期', detail.receivedOn)),
        bookingAction()),
      next ? h('div', { class: `case-next-deadline status-${next.status}`, id: 'case-next-deadline' },
        h('div', { class: 'next-label', text: next.title }),
        h('div', { class: 'next-days', text: daysLeftText(next.daysLeft) }),
        h('div', { class: 'next-due' }, `${next.dueOn} 届满`,
          ['normal', 'dueSoon'].includes(next.status) ? ` · ${DEADLINE_STATUS[next.status].name}` : ''))
        : h('div', { class: 'case-next-deadline status-none' }, h('div', { class: 'next-label', text: '办案期限' }),
          h('div', { class: 'next-days', text: isClosedStage(s.stage) ? '已办结' : '无' })));
  }

  /** 预约远程提讯: for those who manage the case and may book, while a suspect is held in a detention centre. */
  function bookingAction() {
    if (!manage || !can('session.book') || isClosedStage(detail.summary.stage)) return null;
    const held = heldSuspects(detail);
    return h('div', { class: 'btn-group case-header-actions' },
      h('button', {
        type: 'button', class: 'btn', id: 'book-remote-session', disabled: held.length === 0,
        title: held.length ? '' : '本案没有羁押在看守所的犯罪嫌疑人',
        onclick: () => openBookingDialog(detail, (session) => navigate(`#/remote-sessions/${encodeURIComponent(session.id)}`)),
      }, icon('video'), '预约远程提讯'),
      held.length ? null : h('span', { class: 'subtle', text: '本案没有羁押在看守所的犯罪嫌疑人，不能预约远程提讯。' }));
  }

  // 基本信息
  function renderBasic(panel) {
    const s = detail.summary;
    const flags = CASE_FLAGS.filter((f) => (f.key === 'juvenile' ? s.juvenile : detail[f.key]));
    replaceChildren(panel,
      sectionHeader('基本信息', manage ? h('button', { type: 'button', class: 'btn', id: 'edit-case', onclick: editCase }, icon('edit'), '编辑') : null),
      h('dl', { class: 'descriptions' },
        item('案件名称', s.name),
        item('案号', h('div', { class: 'case-number-list' }, detail.caseNumbers.map((n) => h('span', { text: n.caseNumber })))),
        item('承办单位', s.organisationName),
        item('承办检察官', s.leadProsecutorName ?? '未指定'),
        item('受理日期', detail.receivedOn),
        item('当前阶段', [stageTag(s.stage, s.stageName), h('span', { class: 'subtle', text: `自 ${detail.stageStartedOn} 起` })]),
        item('罪名', s.charges.length ? h('div', { class: 'tag-list' }, s.charges.map((c) => h('span', { class: 'tag', text: c }))) : '未填写'),
        item('案件标记', flags.length ? h('div', { class: 'tag-list' }, flags.map((f) => h('span', { class: 'tag', text: f.name }))) : h('span', { class: 'muted', text: '无' })),
        item('退回补充侦查', `${detail.supplementaryReturns} 次`),
        item('延长审查起诉期限', `${detail.extensions} 次`)),
      h('h3', { class: 'section-title', text: '案情摘要' }),
      detail.facts ? h('div', { class: 'facts', id: 'case-facts-text' }, detail.facts.split(/\n+/).map((p) => h('p', { text: p })))
        : h('p', { class: 'muted', text: '尚未填写案情摘要。' }));
  }

  function editCase() {
    const s = detail.summary;
    const name = field({
      name: 'name', label: '案件名称', required: true, id: 'edit-case-name', maxlength: '100', value: s.name,
      validate: (v) => (v.length < 2 ? '案件名称须为 2–100 个字' : null),
    });
    const charges = chargesField({ value: s.charges, id: 'edit-case-charges' });
    const facts = textareaField({ name: 'facts', label: '案情摘要', id: 'edit-case-facts', rows: 6, maxlength: '20000', value: detail.facts, wide: true });
    const flags = flagsField({ ...detail, juvenile: s.juvenile });
    const form = createForm([name, charges, facts, flags]);
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', text: '保存' });
    const dialog = openDialog({
      title: '编辑案件信息',
      size: 'wide',
      body: h('div', { class: 'form' }, form.alert, h('div', { class: 'form-grid' },
        h('div', { class: 'span-2' }, name.element), charges.element, facts.element, flags.element)),
      footer: [h('button', { type: 'button', class: 'btn', text: '取消', onclick: () => dialog.close() }), submit],
      onSubmit: async () => {
        if (submit.disabled || !form.validate()) return;
        const changes = {};
        if (name.value !== s.name) changes.name = name.value;
        if (facts.value !== (detail.facts ?? '').trim()) changes.facts = facts.value;
        if (charges.value.join('\n') !== s.charges.join('\n')) changes.charges = charges.value;
        for (const [key, on] of Object.entries(flags.value)) {
          const was = key === 'juvenile' ? s.juvenile : detail[key];
          if (Boolean(was) !== on) changes[key] = on;
        }
        if (Object.keys(changes).length === 0) { dialog.close(); return; }
        try {
          const next = await whileBusy(submit, () => api.patch(`/api/cases/${encodeURIComponent(id)}`, changes));
          dialog.close();
          toast('已保存案件信息');
          view.update(next);
        } catch (error) {
          form.showError(error);
        }
      },
    });
  }

  // 办案期限: every deadline, most urgent first, with the article (linked to 法律检索) and the explanation.
  function renderDeadlines(panel) {
    const list = [...detail.deadlines].sort((a, b) => a.daysLeft - b.daysLeft);
    replaceChildren(panel, sectionHeader('办案期限', h('span', { class: 'subtle', text: '按刑事诉讼法自动计算，节假日依本院节假日设置顺延' })),
      list.length ? h('ul', { class: 'deadline-list', id: 'case-deadlines' }, list.map((d) => h('li', {
        class: `deadline-item status-${d.status}`, dataset: { kind: d.kind, status: d.status, due: d.dueOn },
      },
      h('div', { class: 'deadline-head' },
        h('span', { class: 'deadline-title', text: d.title }),
        deadlineTag(d),
        h('span', { class: 'deadline-due' }, '届满日期 ', h('strong', { class: 'mono', text: d.dueOn }))),
      d.article ? h('div', { class: 'deadline-article' }, h('span', { class: 'deadline-label', text: '法律依据' }),
        h('span', { class: 'citation-list' }, citationLinks(d.article))) : null,
      d.explanation ? h('p', { class: 'deadline-explanation', text: d.explanation }) : null)))
        : h('div', { class: 'state' }, icon('clock'), h('div', { class: 'state-title', text: '当前没有法定办案期限' }),
          h('div', { text: isClosedStage(detail.summary.stage) ? '案件已办结。' : '当前阶段不在检察机关办案期限内（如侦查阶段、退回补充侦查）。' })));
  }

  // 流程
  function renderFlow(panel) {
    const s = detail.summary;
    const leader = (getSession()?.memberships ?? []).some((m) => LEADER_ROLES.has(m.role));
    const canExtend = manage && leader && s.stage === 'prosecutionReview';
    const actions = manage ? detail.allowedTransitions.map((t) => h('button', {
      type: 'button', class: 'btn', dataset: { transition: t.transition }, onclick: () => transition(t),
    }, icon('flow'), t.name)) : [];
    replaceChildren(panel,
      sectionHeader('流程'),
      h('ol', { class: 'stage-steps', 'aria-label': '办案阶段' }, stagePath(s.stage).map((stage) => h('li', {
        class: stage === s.stage ? 'current' : '', 'aria-current': stage === s.stage ? 'step' : null,
      }, h('span', { class: 'step-dot', 'aria-hidden': 'true' }), h('span', { text: STAGE_NAMES[stage] }))),
      ),
      h('dl', { class: 'descriptions' },
        item('当前阶段', [stageTag(s.stage, s.stageName), h('span', { class: 'subtle', text: `自 ${detail.stageStartedOn} 起` })]),
        item('退回补充侦查', `${detail.supplementaryReturns} 次（以二次为限）`),
        item('延长审查起诉期限', `${detail.extensions} 次`),
        item('受理日期', detail.receivedOn)),
      h('h3', { class: 'section-title', text: '办理' }),
      !manage ? h('p', { class: 'muted', text: '您可以查看本案流程，但没有办理权限。' })
        : actions.length || canExtend
          ? h('div', { class: 'btn-group flow-actions', id: 'case-transitions' }, actions,
            canExtend ? h('button', { type: 'button', class: 'btn', id: 'extend-review', onclick: extend }, icon('clock'), '延长审查起诉期限') : null)
          : h('p', { class: 'muted', text: isClosedStage(s.stage) ? '案件已办结，没有可办理的流程。' : '当前阶段没有可办理的流程操作。' }));
  }

  function transition(t) {
    const rule = TRANSITIONS[t.transition];
    const on = field({
      name: 'on', label: `${t.name}日期`, type: 'date', required: true, id: 'transition-on', value: shanghaiNow().date, max: shanghaiNow().date,
      validate: notFutureDate,
    });
    const note = textareaField({ name: 'note', label: '备注', id: 'transition-note', rows: 3, maxlength: '2000', hint: '选填；如决定文书的文号' });
    const form = createForm([on, note]);
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'transition-submit', text: `确认${t.name}` });
    const from = detail.summary.stageName;
    const dialog = openDialog({
      title: t.name,
      body: h('div', { class: 'form' },
        h('div', { class: 'alert alert-warning' }, icon('warning'), h('div', { class: 'alert-body' },
          h('div', { class: 'alert-title', text: rule ? `案件将从“${from}”进入“${STAGE_NAMES[rule.to]}”` : `确定${t.name}吗？` }),
          rule ? h('div', { text: rule.note }) : null)),
        form.alert, on.element, note.element),
      footer: [h('button', { type: 'button', class: 'btn', text: '取消', onclick: () => dialog.close() }), submit],
      onSubmit: async () => {
        if (submit.disabled || !form.validate()) return;
        const payload = { transition: t.transition, on: on.value };
        if (note.value) payload.note = note.value;
        try {
          const next = await whileBusy(submit, () => api.post(`/api/cases/${encodeURIComponent(id)}/transitions`, payload));
          dialog.close();
          toast(`已${t.name}`);
          view.update(next);
        } catch (error) {
          form.showError(error);
        }
      },
    });
  }

  function extend() {
    const note = textareaField({ name: 'note', label: '延长理由', id: 'extension-note', rows: 3, maxlength: '2000', hint: '如：案情重大复杂，需进一步审查证据' });
    const form = createForm([note]);
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'extension-submit', text: '批准延长' });
    const dialog = openDialog({
      title: '延长审查起诉期限',
      body: h('div', { class: 'form' },
        h('div', { class: 'alert alert-info' }, icon('info'), h('div', { class: 'alert-body',
          text: '重大、复杂的案件，经检察长或副检察长批准，审查起诉期限可以延长十五日（刑事诉讼法第一百七十二条第一款）。' })),
        form.alert, note.element),
      footer: [h('button', { type: 'button', class: 'btn', text: '取消', onclick: () => dialog.close() }), submit],
      onSubmit: async () => {
        if (submit.disabled) return;
        try {
          const next = await whileBusy(submit, () => api.post(`/api/cases/${encodeURIComponent(id)}/extensions`, note.value ? { note: note.value } : {}));
          dialog.close();
          toast('已延长审查起诉期限十五日');
          view.update(next);
        } catch (error) {
          form.showError(error);
        }
      },
    });
  }

  // 时间线: newest first.
  function renderTimeline(panel) {
    const events = [...detail.timeline].reverse();
    replaceChildren(panel, sectionHeader('时间线', h('span', { class: 'subtle', text: '按时间从新到旧排列' })),
      events.length ? h('ol', { class: 'timeline', id: 'case-timeline' }, events.map((e) => h('li', { class: `timeline-item kind-${e.kind}` },
        h('span', { class: 'timeline-dot', 'aria-hidden': 'true' }),
        h('div', { class: 'timeline-content' },
          h('div', { class: 'timeline-head' }, h('strong', { text: e.title }),
            e.toStage ? stageTag(e.toStage, STAGE_NAMES[e.toStage]) : null),
          e.note ? h('div', { class: 'timeline-note', text: timelineNote(e) }) : null,
          h('div', { class: 'subtle' }, h('time', { datetime: e.at, text: formatDateTime(e.at) }), e.actorName ? ` · ${e.actorName}` : '')))))
        : h('div', { class: 'state' }, icon('clock'), h('div', { text: '暂无记录' })));
  }

  // 办案组
  function renderTeam(panel) {
    const rows = detail.team.map((m) => h('tr', {},
      h('td', { 'data-label': '姓名', text: m.displayName }),
      h('td', { 'data-label': '职责' }, h('span', { class: `tag ${m.duty === 'lead' ? 'tag-progress' : ''}`.trim(), text: m.dutyName || TEAM_DUTIES[m.duty] }))));
    replaceChildren(panel, sectionHeader('办案组'),
      detail.team.length ? h('table', { class: 'table responsive', id: 'case-team' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: '姓名' }), h('th', { scope: 'col', text: '职责' }))), h('tbody', {}, rows))
        : h('p', { class: 'muted', text: '尚未指定办案人员。' }),
      manage ? teamForm() : null);
  }

  function teamForm() {
    const userField = userPicker({ name: 'userId', label: '人员', id: 'team-user', role: null });
    const duty = field({
      name: 'duty', label: '职责', required: true, id: 'team-duty', value: 'member',
      options: Object.entries(TEAM_DUTIES).map(([value, label]) => ({ value, label })),
    });
    const form = createForm([userField, duty]);
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'team-submit' }, icon('userPlus'), '添加或调整');
    const element = h('form', { class: 'inline-form', novalidate: true, 'aria-label': '添加办案组成员' },
      userField.element, duty.element, h('div', { class: 'inline-form-actions' }, submit), h('div', { class: 'inline-form-alert' }, form.alert));
    element.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (submit.disabled || !form.validate()) return;
      try {
        const next = await whileBusy(submit, () => api.post(`/api/cases/${encodeURIComponent(id)}/team`, { userId: userField.value, duty: duty.value }));
        toast('已调整办案组');
        view.update(next);
      } catch (error) {
        form.showError(error);
      }
    });
    return h('div', { class: 'panel-footer' }, h('h3', { class: 'section-title', text: '添加或调整成员' }), element,
      h('p', { class: 'subtle', text: '指定新的承办检察官后，原承办检察官转为办案组成员。' }));
  }

  // 律师
  function renderLawyers(panel) {
    const closedToLawyers = detail.summary.juvenile || detail.secret;
    const rows = detail.lawyers.map((l) => {
      const status = LAWYER_BINDING_STATUS[l.status] ?? { name: l.status, tone: 'neutral' };
      return h('tr', { dataset: { lawyerId: l.lawyerId } },
        h('td', { 'data-label': '律师', text: l.lawyerName }),
        h('td', { 'data-label': '状态' }, h('span', { class: `tag tag-dot ${status.tone === 'success' ? 'tag-success' : ''}`.trim(), text: status.name })),
        manage ? h('td', { class: 'actions' }, l.status === 'approved' ? h('button', {
          type: 'button', class: 'btn-link danger', text: '撤销关联', 'aria-label': `撤销律师 ${l.lawyerName} 的关联`, onclick: () => unbind(l),
        }) : null) : null);
    });
    replaceChildren(panel, sectionHeader('律师', h('span', { class: 'subtle', text: '关联后律师可在线查阅本案信息和电子卷宗' })),
      detail.lawyers.length ? h('table', { class: 'table responsive', id: 'case-lawyers' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: '律师' }), h('th', { scope: 'col', text: '状态' }),
          manage ? h('th', { scope: 'col', class: 'actions', text: '操作' }) : null)), h('tbody', {}, rows))
        : h('p', { class: 'muted', text: '尚未关联律师。' }),
      closedToLawyers ? h('div', { class: 'alert alert-info' }, icon('lock'), h('div', { class: 'alert-body', text: '未成年人案件和涉密案件不向律师在线开放。' }))
        : manage ? lawyerForm() : null);
  }

  function lawyerForm() {
    const lawyer = userPicker({ name: 'lawyerId', label: '律师', id: 'lawyer-user', role: 'lawyer' });
    const form = createForm([lawyer]);
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'lawyer-submit' }, icon('link'), '关联律师');
    const element = h('form', { class: 'inline-form', novalidate: true, 'aria-label': '关联律师' },
      lawyer.element, h('div', { class: 'inline-form-actions' }, submit), h('div', { class: 'inline-form-alert' }, form.alert));
    element.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (submit.disabled || !form.validate()) return;
      try {
        const next = await whileBusy(submit, () => api.post(`/api/cases/${encodeURIComponent(id)}/lawyers`, { lawyerId: lawyer.value }));
        toast('已关联律师');
        view.update(next);
      } catch (error) {
        form.showError(error);
      }
    });
    return h('div', { class: 'panel-footer' }, h('h3', { class: 'section-title', text: '关联律师' }), element);
  }

  async function unbind(binding) {
    const done = await confirmAction({
      title: '撤销律师关联',
      message: `确定撤销律师“${binding.lawyerName}”与本案的关联吗？`,
      detail: '撤销后该律师将不能再在线查看本案信息和电子卷宗；可以重新关联。',
      confirmLabel: '撤销关联',
      danger: true,
      onConfirm: () => api.delete(`/api/cases/${encodeURIComponent(id)}/lawyers/${encodeURIComponent(binding.lawyerId)}`),
    });
    if (!done) return;
    toast('已撤销律师关联');
    if (typeof done === 'object') view.update(done); else view.reload();
  }
}

/**
 * A person picker: a select of users when the session may list them (user.read), otherwise a text box for the
 * user's ID (the API offers no user lookup to case staff without user.read).
 */
function userPicker({ name, label, id, role }) {
  if (!can('user.read')) {
    return field({
      name, label: `${label}（用户 ID）`, required: true, id, autocomplete: 'off', spellcheck: 'false',
      placeholder: '如 4e86271c-dcaf-…', hint: '请向系统管理员索取对方的用户 ID', validate: (v) => (v.length < 8 ? '用户 ID 格式不正确' : null),
    });
  }
  const picker = field({ name, label, required: true, id, options: [{ value: '', label: '正在加载……' }] });
  api.get('/api/users', { query: { role, status: 'active', pageSize: 100 } }).then((answer) => {
    const users = answer.items.filter((u) => (role ? true : u.memberships.some((m) => CASE_STAFF.has(m.role))));
    replaceChildren(picker.input, h('option', { value: '', text: users.length ? `请选择${label}` : `没有可选的${label}` }),
      users.map((u) => h('option', { value: u.id, text: `${u.displayName || u.username}（${u.memberships.map((m) => m.organisationName).filter((v, i, a) => a.indexOf(v) === i).join('、')}）` })));
  }).catch((error) => picker.setError(`人员列表加载失败：${error.detail}`));
  return picker;
}

/** The note of a timeline entry; for "updated" the changed fields by their Chinese names. */
function timelineNote(event) {
  if (event.kind === 'updated' && /^[A-Za-z,]+$/.test(event.note)) {
    return `修改了：${event.note.split(',').map((f) => CASE_FIELD_NAMES[f] ?? f).join('、')}`;
  }
  return event.note;
}

function stagePath(stage) {
  const ending = ['indictment', 'nonProsecution', 'conditionalNonProsecution'].includes(stage) ? stage : 'indictment';
  const path = ['arrestReview', 'investigation', 'prosecutionReview'];
  if (stage === 'supplementaryInvestigation') path.push('supplementaryInvestigation');
  return [...path, ending];
}

/** 刑事诉讼法第九十一条第三款；人民检察院刑事诉讼规则第二百八十二条 → links into 法律检索. */
function citationLinks(text) {
  const parts = text.split(/[；;]/).map((p) => p.trim()).filter(Boolean);
  return parts.map((part, i) => [i ? h('span', { class: 'subtle', text: '；' }) : null,
    h('a', { href: `#/knowledge?q=${encodeURIComponent(part.replace(/第[一二三四五六七八九十百零]+款$/, ''))}`, class: 'citation-link', title: '在法律检索中查看', text: part })]);
}

function sectionHeader(title, extra) {
  return h('div', { class: 'panel-header' }, h('h2', { class: 'panel-title', text: title }), extra ?? null);
}

function meta(label, value) {
  return h('div', {}, h('dt', { text: label }), h('dd', { text: value }));
}

function item(label, value) {
  return h('div', {}, h('dt', { text: label }), h('dd', {}, value));
}

