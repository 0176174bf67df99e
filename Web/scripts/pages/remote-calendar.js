// 远程提讯 calendar, for both sides: the prosecutor's side sees the sessions of their cases, the detention centre
// those in its interview rooms. Day and week views (an agenda list on phones), coloured by state, updated in place
// when a notification about a session arrives (SSE). A session opens a summary with its actions (确认/拒绝, 提人,
// 取消, 登记未进行). The 统计 card counts sessions held by 件 and 人.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { can } from '../session.js';
import { replaceQuery } from '../router.js';
import { field } from '../components/form.js';
import { skeletonBlock, errorState } from '../components/states.js';
import { formatDateTime, shanghaiNow, count } from '../format.js';
import { SESSION_STATES } from '../labels.js';
import { SESSIONS, openSessionDialog, stateInfo, stateTag, placeText } from './remote-common.js';

const PHONE = window.matchMedia('(max-width: 767px)');
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const HOUR_PX = 56;
const DAY_MS = 86_400_000;

/** Midnight of a Shanghai date (`2026-12-04`) as a Date. */
function dayStart(date) { return new Date(`${date}T00:00:00+08:00`); }
function addDays(date, days) { return formatDateTime(new Date(dayStart(date).getTime() + days * DAY_MS)).slice(0, 10); }
function weekday(date) { return new Date(`${date}T12:00:00+08:00`).getUTCDay(); }
function monday(date) { return addDays(date, -((weekday(date) + 6) % 7)); }
/** Minutes since Shanghai midnight of an instant. */
function minutesOfDay(iso) {
  const text = formatDateTime(iso);
  return Number(text.slice(11, 13)) * 60 + Number(text.slice(14, 16));
}

export async function render(body, ctx) {
  const today = shanghaiNow().date;
  let view = ctx.query.get('view') === 'day' ? 'day' : 'week';
  let anchor = /^\d{4}-\d{2}-\d{2}$/.test(ctx.query.get('date') ?? '') ? ctx.query.get('date') : today;
  let sessions = [];
  let loadTicket = 0;

  const rangeLabel = h('h2', { class: 'calendar-range', id: 'calendar-range', 'aria-live': 'polite' });
  const viewButtons = ['day', 'week'].map((v) => h('button', {
    type: 'button', class: 'segment', dataset: { view: v }, 'aria-pressed': String(v === view), text: v === 'day' ? '日' : '周',
    onclick: () => { view = v; anchorChanged(); },
  }));
  const toolbar = h('div', { class: 'calendar-toolbar' },
    h('div', { class: 'btn-group' },
      h('button', { type: 'button', class: 'btn', id: 'calendar-today', text: '今天', onclick: () => { anchor = today; anchorChanged(); } }),
      h('button', { type: 'button', class: 'btn btn-icon', id: 'calendar-prev', 'aria-label': '上一段时间', onclick: () => step(-1) }, icon('chevronLeft')),
      h('button', { type: 'button', class: 'btn btn-icon', id: 'calendar-next', 'aria-label': '下一段时间', onclick: () => step(1) }, icon('chevronRight')),
      rangeLabel),
    h('div', { class: 'segmented', role: 'group', 'aria-label': '视图' }, viewButtons));
  const legend = h('ul', { class: 'calendar-legend', 'aria-label': '图例' },
    ['booked', 'confirmed', 'admitted', 'live', 'ended', 'sealed', 'cancelled'].map((state) => h('li', {},
      h('span', { class: `legend-swatch session-tone-${SESSION_STATES[state].tone}`, 'aria-hidden': 'true' }), SESSION_STATES[state].name)));
  const grid = h('div', { class: 'calendar-body', id: 'calendar' });
  const note = h('p', { class: 'subtle calendar-note' },
    can('session.book') ? '在案件详情页点击“预约远程提讯”发起预约；预约、确认、变更都会实时显示在此。'
      : '新的预约会实时显示在此；点击日程确认或拒绝，到时在提讯终端提人。');
  const calendarCard = h('section', { class: 'card calendar-card', 'aria-label': '远程提讯日程' },
    h('div', { class: 'card-body' }, toolbar, legend, grid, note));
  const statsCard = can('case.read') ? statisticsCard() : null;
  replaceChildren(body, h('div', { class: `remote-layout ${statsCard ? '' : 'single'}`.trim() }, calendarCard, statsCard));

  const onNotification = (event) => {
    if (event.detail?.kind === 'remoteSession' || event.detail?.subjectType === 'remoteSession') load();
  };
  window.addEventListener('jianwu:notification', onNotification);
  const onBreakpoint = () => draw();
  PHONE.addEventListener('change', onBreakpoint);
  anchorChanged();
  return () => {
    window.removeEventListener('jianwu:notification', onNotification);
    PHONE.removeEventListener('change', onBreakpoint);
  };

  function days() {
    if (view === 'day') return [anchor];
    const first = monday(anchor);
    return Array.from({ length: 7 }, (_, i) => addDays(first, i));
  }

  function step(direction) {
    anchor = addDays(anchor, direction * (view === 'day' ? 1 : 7));
    anchorChanged();
  }

  function anchorChanged() {
    for (const b of viewButtons) b.setAttribute('aria-pressed', String(b.dataset.view === view));
    replaceQuery(ctx.path, { view: view === 'week' ? '' : view, date: anchor === today ? '' : anchor });
    const list = days();
    rangeLabel.textContent = list.length === 1
      ? `${list[0]} ${WEEKDAYS[weekday(list[0])]}`
      : `${list[0]} 至 ${list[6].slice(5)}`;
    grid.replaceChildren(skeletonBlock(6));
    load();
  }

  async function load() {
    const ticket = ++loadTicket;
    const list = days();
    try {
      const answer = await api.get(SESSIONS, {
        query: { from: dayStart(list[0]).toISOString(), to: dayStart(addDays(list.at(-1), 1)).toISOString() },
      });
      if (ticket !== loadTicket || !ctx.isCurrent()) return;
      sessions = answer.items ?? [];
      draw();
    } catch (error) {
      if (ticket !== loadTicket || !ctx.isCurrent()) return;
      replaceChildren(grid, errorState({ title: '日程加载失败', error, onRetry: load }));
    }
  }

  function draw() {
    const list = days();
    grid.dataset.count = String(sessions.length);
    if (PHONE.matches || list.length === 1 && sessions.length === 0) {
      replaceChildren(grid, agenda(list));
      return;
    }
    replaceChildren(grid, week(list));
  }

  function byDay(date) {
    return sessions.filter((s) => formatDateTime(s.startsAt).slice(0, 10) === date)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }

  /** Phones (and an empty day): one list per day. */
  function agenda(list) {
    const filled = list.filter((d) => byDay(d).length);
    if (!filled.length) {
      return h('div', { class: 'state', id: 'calendar-empty' }, icon('calendar'),
        h('div', { class: 'state-title', text: view === 'day' ? '当天没有远程提讯' : '本周没有远程提讯' }),
        h('div', { text: can('session.book') ? '可在案件详情页预约远程提讯。' : '检察院预约后会显示在这里。' }));
    }
    return h('div', { class: 'agenda' }, filled.map((date) => h('section', { class: 'agenda-day' },
      h('h3', { class: `agenda-date ${date === today ? 'today' : ''}`.trim(), text: `${date} ${WEEKDAYS[weekday(date)]}${date === today ? '（今天）' : ''}` }),
      h('ul', { class: 'agenda-list' }, byDay(date).map((s) => h('li', {}, eventButton(s, 'agenda-event')))))));
  }

  /** Desktop: a time grid, one column per day, sessions placed by their times. */
  function week(list) {
    let first = 8 * 60;
    let last = 18 * 60;
    for (const s of sessions) {
      first = Math.min(first, Math.floor(minutesOfDay(s.startsAt) / 60) * 60);
      const end = formatDateTime(s.endsAt).slice(0, 10) !== formatDateTime(s.startsAt).slice(0, 10) ? 24 * 60 : minutesOfDay(s.endsAt);
      last = Math.max(last, Math.ceil(end / 60) * 60);
    }
    const hours = [];
    for (let m = first; m < last; m += 60) hours.push(m);
    const height = hours.length * HOUR_PX;
    const now = new Date();
    const nowMinutes = minutesOfDay(now.toISOString());
    const header = h('div', { class: 'week-header', style: `grid-template-columns: 56px repeat(${list.length}, minmax(0, 1fr))` },
      h('div', { class: 'week-corner', 'aria-hidden': 'true' }),
      list.map((date) => h('div', { class: `week-day-title ${date === today ? 'today' : ''}`.trim() },
        h('span', { class: 'week-day-name', text: WEEKDAYS[weekday(date)] }), h('span', { class: 'week-day-date', text: date.slice(5) }))));
    const columns = list.map((date) => {
      const items = byDay(date);
      const lanes = layoutLanes(items);
      return h('div', { class: `week-column ${date === today ? 'today' : ''}`.trim(), style: `height:${height}px`, dataset: { date } },
        date === today && nowMinutes >= first && nowMinutes <= last
          ? h('div', { class: 'now-line', style: `top:${((nowMinutes - first) / 60) * HOUR_PX}px`, 'aria-hidden': 'true' }) : null,
        items.map((s) => {
          const start = minutesOfDay(s.startsAt);
          const sameDay = formatDateTime(s.endsAt).slice(0, 10) === date;
          const end = sameDay ? minutesOfDay(s.endsAt) : 24 * 60;
          const { lane, lanesTotal } = lanes.get(s.id);
          const element = eventButton(s, 'week-event');
          element.style.top = `${((start - first) / 60) * HOUR_PX}px`;
          element.style.height = `${Math.max(22, ((end - start) / 60) * HOUR_PX - 2)}px`;
          element.style.left = `${(lane / lanesTotal) * 100}%`;
          element.style.width = `calc(${100 / lanesTotal}% - 4px)`;
          return element;
        }));
    });
    return h('div', { class: 'week' }, header,
      h('div', { class: 'week-scroll' }, h('div', { class: 'week-grid', style: `grid-template-columns: 56px repeat(${list.length}, minmax(0, 1fr))` },
        h('div', { class: 'week-hours', style: `height:${height}px`, 'aria-hidden': 'true' },
          hours.map((m) => h('div', { class: 'week-hour', style: `height:${HOUR_PX}px`, text: `${String(m / 60).padStart(2, '0')}:00` }))),
        columns)));
  }

  function eventButton(s, className) {
    const info = stateInfo(s.state);
    const time = `${formatDateTime(s.startsAt).slice(11)}–${formatDateTime(s.endsAt).slice(11)}`;
    return h('button', {
      type: 'button', class: `${className} session-event session-tone-${info.tone}`, dataset: { sessionId: s.id, state: s.state },
      'aria-label': `${time} ${s.caseName}，${s.suspectName}，${placeText(s)}，${s.stateName || info.name}`,
      onclick: () => openSessionDialog(s, () => load()),
    },
    h('span', { class: 'event-head' }, h('span', { class: 'event-time', text: time }), h('span', { class: 'event-person', text: s.suspectName })),
    h('span', { class: 'event-title', text: s.caseName }),
    h('span', { class: 'event-meta' }, stateTag(s), h('span', { class: 'event-room', text: s.room?.name ?? '' })));
  }

  /** Side by side when sessions overlap (several rooms at one centre, several cases of one prosecutor's team). */
  function layoutLanes(items) {
    const result = new Map();
    let group = [];
    let groupEnd = '';
    const flush = () => {
      const laneEnds = [];
      for (const s of group) {
        let lane = laneEnds.findIndex((end) => end <= s.startsAt);
        if (lane === -1) { lane = laneEnds.length; laneEnds.push(s.endsAt); } else laneEnds[lane] = s.endsAt;
        result.set(s.id, { lane, lanesTotal: 0 });
      }
      for (const s of group) result.get(s.id).lanesTotal = Math.max(1, laneEnds.length);
      group = [];
    };
    for (const s of items) {
      if (group.length && s.startsAt >= groupEnd) flush();
      group.push(s);
      if (s.endsAt > groupEnd || group.length === 1) groupEnd = group.length === 1 ? s.endsAt : (s.endsAt > groupEnd ? s.endsAt : groupEnd);
    }
    if (group.length) flush();
    return result;
  }
}

/** 统计: sessions held (since the start of the year), by 件 and 人, grouped by organisation, kind or month. */
function statisticsCard() {
  const year = shanghaiNow().date.slice(0, 4);
  const grouping = field({
    name: 'groupBy', label: '分组', id: 'stats-group', value: 'organisation',
    options: [{ value: 'organisation', label: '按单位' }, { value: 'kind', label: '按类型' }, { value: 'month', label: '按月份' }],
  });
  const totals = h('div', { class: 'stats-totals', id: 'stats-totals' }, skeletonBlock(2));
  const table = h('div', { class: 'stats-table' });
  const load = async () => {
    try {
      const answer = await api.get('/api/statistics/remote-sessions', {
        query: { groupBy: grouping.value, from: new Date(`${year}-01-01T00:00:00+08:00`).toISOString(), to: new Date().toISOString() },
      });
      const items = answer.items ?? [];
      const sum = (key) => items.reduce((total, row) => total + (row[key] ?? 0), 0);
      // Cases and persons are distinct counts per row; over organisations and kinds they add up, over months a case may repeat.
      replaceChildren(totals,
        stat('提讯', count(sum('sessions'), '次'), 'video'),
        stat('案件', count(sum('cases'), '件'), 'folder', grouping.value === 'month'),
        stat('人员', count(sum('persons'), '人'), 'user', grouping.value === 'month'));
      replaceChildren(table, items.length
        ? h('table', { class: 'table', id: 'stats-rows' },
          h('thead', {}, h('tr', {}, ['分组', '次', '件', '人'].map((t, i) => h('th', { scope: 'col', class: i ? 'num' : '', text: t })))),
          h('tbody', {}, items.map((row) => h('tr', {},
            h('td', { text: row.label || row.key }),
            h('td', { class: 'num', text: String(row.sessions) }),
            h('td', { class: 'num', text: String(row.cases) }),
            h('td', { class: 'num', text: String(row.persons) })))))
        : h('p', { class: 'muted', text: `${year} 年尚无已进行的远程提讯。` }));
    } catch (error) {
      replaceChildren(totals, errorState({ title: '统计加载失败', error, onRetry: load }));
      table.replaceChildren();
    }
  };
  grouping.input.addEventListener('change', load);
  load();
  return h('section', { class: 'card stats-card', 'aria-labelledby': 'stats-title' },
    h('div', { class: 'card-header' }, h('h2', { id: 'stats-title', text: `${year} 年统计` }), h('div', { class: 'stats-group' }, grouping.element)),
    h('div', { class: 'card-body' }, totals, table,
      h('p', { class: 'subtle', text: '统计已进行（含已结束、已签名、已封存）的远程提讯；件为涉及的案件数，人为被讯问的人数。' })));
}

function stat(label, value, iconName, approximate = false) {
  const [number, unit] = value.split(' ');
  return h('div', { class: 'case-stat' },
    h('span', { class: 'case-stat-icon', 'aria-hidden': 'true' }, icon(iconName)),
    h('span', { class: 'case-stat-text' }, h('span', { class: 'case-stat-label', text: `${label}${approximate ? '（各月合计）' : ''}` }),
      h('span', { class: 'case-stat-value' }, number, ' ', h('span', { class: 'case-stat-unit', text: unit }))));
}
