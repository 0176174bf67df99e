// 预约远程提讯, opened from a case page: a suspect held in custody, an interview room of the detention centre
// holding them, a date and times within the room's opening hours, and participants from the case team (the
// 书记员 who keeps the 笔录, a second prosecutor). The server checks everything again (double booking included).
import { h, replaceChildren, uid } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { getSession } from '../session.js';
import { openDialog } from '../components/dialog.js';
import { field, createForm } from '../components/form.js';
import { whileBusy } from '../components/button.js';
import { toast } from '../components/toast.js';
import { shanghaiNow, shanghaiLocalToISO } from '../format.js';
import { CUSTODIAL_MEASURES, TEAM_DUTIES } from '../labels.js';
import { SESSIONS } from './remote-common.js';

/** Suspects of a case held in a detention centre now, with the centre: [{ person, measure }]. */
export function heldSuspects(detail) {
  const result = [];
  for (const person of detail.persons ?? []) {
    if (person.role !== 'suspect') continue;
    const measure = (person.measures ?? []).find((m) => m.active && CUSTODIAL_MEASURES.has(m.kind) && m.placeId);
    if (measure) result.push({ person, measure });
  }
  return result;
}

function minutes(text) {
  const match = /^(\d{2}):(\d{2})$/.exec(text ?? '');
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** A sensible first slot: the next whole hour today if the room is still open for an hour, else 09:00 tomorrow. */
function defaultSlot() {
  const { date, hour } = shanghaiNow();
  if (hour >= 8 && hour < 16) return { date, start: `${String(hour + 1).padStart(2, '0')}:00`, end: `${String(hour + 2).padStart(2, '0')}:00` };
  const tomorrow = new Date(new Date(`${date}T12:00:00+08:00`).getTime() + 86_400_000).toISOString().slice(0, 10);
  return { date: hour < 8 ? date : tomorrow, start: '09:00', end: '10:00' };
}

/** Opens the booking dialog for a case; `onBooked(session)` after the server accepted it. */
export function openBookingDialog(detail, onBooked) {
  const held = heldSuspects(detail);
  const me = getSession()?.user?.id;
  let rooms = [];
  const slot = defaultSlot();

  const suspect = field({
    name: 'personId', label: '犯罪嫌疑人', required: true, id: 'booking-person', value: held.length === 1 ? held[0].person.id : '',
    options: [{ value: '', label: '请选择' }, ...held.map(({ person, measure }) => ({
      value: person.id, label: `${person.name}（${measure.kindName}，羁押于${measure.placeName}）`,
    }))],
  });
  const room = field({
    name: 'roomId', label: '谈话室', required: true, id: 'booking-room', options: [{ value: '', label: '请先选择犯罪嫌疑人' }],
    hint: '羁押场所的谈话室及开放时间',
  });
  const date = field({
    name: 'date', label: '日期', type: 'date', required: true, id: 'booking-date', value: slot.date, min: shanghaiNow().date,
    validate: (v) => (!/^\d{4}-\d{2}-\d{2}$/.test(v) ? '请按 2026-12-03 的格式填写日期' : v < shanghaiNow().date ? '日期不能早于今天' : null),
  });
  const chosenRoom = () => rooms.find((r) => r.id === room.value);
  const start = field({
    name: 'startsAt', label: '开始时间', type: 'time', required: true, id: 'booking-start', value: slot.start, step: '300',
    validate: (v) => {
      const r = chosenRoom();
      if (r && minutes(v) < minutes(r.opensAt)) return `${r.name}${r.opensAt} 开放`;
      const iso = shanghaiLocalToISO(`${date.value}T${v}`);
      if (iso && new Date(iso) <= new Date()) return '开始时间须晚于现在';
      return null;
    },
  });
  const end = field({
    name: 'endsAt', label: '结束时间', type: 'time', required: true, id: 'booking-end', value: slot.end, step: '300',
    validate: (v) => {
      const r = chosenRoom();
      const length = minutes(v) - minutes(start.value);
      if (!(length > 0)) return '结束时间须晚于开始时间';
      if (length < 15 || length > 240) return '每次提讯时长须在 15 分钟至 4 小时之间';
      if (r && minutes(v) > minutes(r.closesAt)) return `${r.name}${r.closesAt} 关闭`;
      return null;
    },
  });
  const others = (detail.team ?? []).filter((m) => m.userId !== me);
  const participants = participantsField(others);
  const form = createForm([suspect, room, date, start, end, participants]);

  const loadRooms = async () => {
    const chosen = held.find((x) => x.person.id === suspect.value);
    rooms = [];
    if (!chosen) {
      replaceChildren(room.input, h('option', { value: '', text: '请先选择犯罪嫌疑人' }));
      return;
    }
    replaceChildren(room.input, h('option', { value: '', text: '正在加载……' }));
    try {
      const answer = await api.get(`/api/detention-centres/${encodeURIComponent(chosen.measure.placeId)}/rooms`);
      rooms = answer.items ?? [];
      replaceChildren(room.input,
        h('option', { value: '', text: rooms.length ? '请选择谈话室' : `${chosen.measure.placeName}尚未设置谈话室` }),
        rooms.map((r) => h('option', { value: r.id, text: `${r.name}（开放 ${r.opensAt}–${r.closesAt}）`, selected: rooms.length === 1 })));
      room.setError(null);
    } catch (error) {
      room.setError(`谈话室加载失败：${error.detail}`);
    }
  };
  suspect.input.addEventListener('change', loadRooms);
  room.input.addEventListener('change', () => { if (start.input.getAttribute('aria-invalid')) start.check(form); });

  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'booking-submit', text: '提交预约' });
  const dialog = openDialog({
    title: '预约远程提讯',
    size: 'wide',
    body: h('div', { class: 'form' }, form.alert,
      h('p', { class: 'subtle', text: `${detail.summary.caseNumber} ${detail.summary.name}` }),
      h('div', { class: 'form-grid' },
        suspect.element, room.element,
        date.element, h('div', { class: 'time-pair' }, start.element, end.element),
        participants.element),
      h('p', { class: 'subtle', text: '提交后由看守所确认；确认后双方可在预约时段前 15 分钟进入视频。' })),
    footer: [h('button', { type: 'button', class: 'btn', text: '取消', onclick: () => dialog.close() }), submit],
    onSubmit: async () => {
      if (submit.disabled || !form.validate()) return;
      const payload = {
        caseId: detail.summary.id,
        personId: suspect.value,
        roomId: room.value,
        startsAt: shanghaiLocalToISO(`${date.value}T${start.value}`),
        endsAt: shanghaiLocalToISO(`${date.value}T${end.value}`),
        participantIds: participants.value,
      };
      try {
        const session = await whileBusy(submit, () => api.post(SESSIONS, payload));
        dialog.close();
        toast('已提交远程提讯预约，等待看守所确认');
        onBooked?.(session);
      } catch (error) {
        form.showError(error);
      }
    },
  });
  if (suspect.value) loadRooms();
  return dialog;
}

/** The case team (without the one booking) as checkboxes; the clerk checked first. Behaves like a form field. */
function participantsField(members) {
  const legendId = uid('participants');
  const boxes = members.map((m) => h('label', { class: 'checkbox' },
    h('input', { type: 'checkbox', name: 'participantIds', value: m.userId, checked: m.duty === 'clerk' }),
    `${m.displayName}（${m.dutyName || TEAM_DUTIES[m.duty] || ''}）`));
  const error = h('div', { class: 'field-error', hidden: true });
  const element = h('fieldset', { class: 'field span-2 checkbox-fieldset', id: 'booking-participants' },
    h('legend', { class: 'field-label', id: legendId, text: '参加人员' }),
    members.length ? h('div', { class: 'checkbox-group' }, boxes)
      : h('p', { class: 'muted' }, icon('info'), ' 办案组暂无其他成员；如需书记员记录笔录，请先在“办案组”中添加。'),
    h('div', { class: 'field-hint', text: '参加人须为本案办案组成员，可与您一同进入视频、制作笔录。' }),
    error);
  const inputs = boxes.map((b) => b.querySelector('input'));
  return {
    name: 'participantIds', element, input: inputs[0] ?? element,
    get value() { return inputs.filter((i) => i.checked).map((i) => i.value); },
    setError(message) {
      error.replaceChildren(...(message ? [icon('alertCircle'), h('span', { text: message })] : []));
      error.hidden = !message;
    },
    check() { return true; },
  };
}
