// The detention centre's terminal (`#/terminal`, `#/terminal/:id`), for the detention officer's account in the
// interview room: no internal navigation, large type, one task per screen.
//   today's sessions → 确认预约 → 提人并核验身份 → video with the prosecutor (the transcript shown read-only as it
//   grows, polled every 2 s) → after the end, the transcript pages one by one, each signed on a pad → the
//   fingerprint (drawn on a pad or an uploaded image) → done.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { toast } from '../components/toast.js';
import { whileBusy } from '../components/button.js';
import { signaturePad } from '../components/signature-pad.js';
import { formatDateTime, shanghaiNow } from '../format.js';
import { SPEAKERS } from '../labels.js';
import { SESSIONS, placeText, runAction, sessionPath, slotText, stateTag } from './remote-common.js';
import { createVideoRoom, webrtcSupported } from '../video/room.js';
import { showFeeds, showStats } from './remote-session.js';

const POLL_MS = 2000;

export async function render(body, ctx) {
  if (!ctx.params.id) return renderToday(body, ctx);
  return renderSession(body, ctx, ctx.params.id);
}

/** 今日提讯: the sessions in this centre's rooms today, each a large card. */
async function renderToday(body, ctx) {
  const today = shanghaiNow().date;
  const list = h('div', { class: 'terminal-list', id: 'terminal-today' }, h('div', { class: 'terminal-loading', role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }), '正在加载……'));
  replaceChildren(body, h('div', { class: 'terminal-screen' },
    h('h1', { class: 'terminal-title', tabindex: '-1', text: '今日远程提讯' }),
    h('p', { class: 'terminal-lead', text: `${today}，请选择要进行的提讯。` }),
    list));
  const load = async () => {
    try {
      const from = new Date(`${today}T00:00:00+08:00`);
      const answer = await api.get(SESSIONS, { query: { from: from.toISOString(), to: new Date(from.getTime() + 86_400_000).toISOString() } });
      if (!ctx.isCurrent()) return;
      const items = (answer.items ?? []).filter((s) => !['refused', 'cancelled'].includes(s.state));
      replaceChildren(list, items.length ? items.map((s) => h('a', {
        class: 'terminal-card', href: `#/terminal/${encodeURIComponent(s.id)}`, dataset: { sessionId: s.id, state: s.state },
      },
      h('span', { class: 'terminal-card-time', text: `${formatDateTime(s.startsAt).slice(11)}–${formatDateTime(s.endsAt).slice(11)}` }),
      h('span', { class: 'terminal-card-main' }, h('strong', { text: s.suspectName }), h('span', { text: `${s.caseName} · ${s.room?.name ?? ''}` }),
        h('span', { class: 'subtle', text: `承办检察官 ${s.prosecutorName}` })),
      stateTag(s), icon('chevronRight')))
        : h('div', { class: 'state' }, icon('calendar'), h('div', { class: 'state-title', text: '今天没有远程提讯' }),
          h('div', { text: '检察院预约并经确认后会显示在这里。' })));
    } catch (error) {
      if (!ctx.isCurrent()) return;
      replaceChildren(list, h('div', { class: 'state error', role: 'alert' }, icon('alertCircle'), h('div', { text: `加载失败：${error.detail}` }),
        h('button', { type: 'button', class: 'btn btn-large', onclick: load, text: '重试' })));
    }
  };
  await load();
  const timer = setInterval(load, 15000);
  return () => clearInterval(timer);
}

async function renderSession(body, ctx, id) {
  let session = null;
  let screen = null;          // the state the current screen was built for
  let room = null;
  let disposed = false;
  let transcriptTimer = null;
  const main = h('div', { class: 'terminal-screen' });
  replaceChildren(body, main);

  const stopVideo = () => { room?.stop(); room = null; clearInterval(transcriptTimer); transcriptTimer = null; };
  const poll = setInterval(refresh, POLL_MS);
  await refresh();
  return () => { disposed = true; clearInterval(poll); stopVideo(); };

  async function refresh() {
    try {
      const next = await api.get(sessionPath(id));
      if (disposed) return;
      session = next;
      show();
    } catch (error) {
      if (disposed || session) return;
      replaceChildren(main, big(error.status === 404 ? '没有找到这次提讯' : '加载失败', error.detail, backButton()));
    }
  }

  /** Builds the screen for the session's state, once per state (signing keeps its own place). */
  function show() {
    const kind = {
      booked: 'confirm', confirmed: 'admit', admitted: 'video', live: 'video', ended: 'sign',
      transcriptSigned: 'done', sealed: 'done', refused: 'closed', cancelled: 'closed', noShow: 'closed',
    }[session.state] ?? 'closed';
    if (screen === kind || (screen === 'done' && kind === 'sign')) {
      if (kind === 'video') videoBanner();
      return;
    }
    if (screen === 'video') stopVideo();
    screen = kind;
    document.title = `${{ confirm: '确认预约', admit: '提人', video: '视频讯问', sign: '签名', done: '完成', closed: '提讯' }[kind]} - 远程提讯终端`;
    ({ confirm: confirmScreen, admit: admitScreen, video: videoScreen, sign: signScreen, done: doneScreen, closed: closedScreen })[kind]();
    main.querySelector('h1')?.focus({ preventScroll: true });
  }

  function summary() {
    return h('dl', { class: 'terminal-facts' },
      fact('犯罪嫌疑人', session.suspectName), fact('案件', session.caseName), fact('时间', slotText(session)),
      fact('地点', placeText(session)), fact('承办检察官', session.prosecutorName));
  }

  async function act(action, button) {
    const allowed = (session.allowedActions ?? []).find((a) => a.action === action);
    if (!allowed) return;
    try {
      const after = await whileBusy(button, () => api.post(sessionPath(id, '/actions'), { action }));
      toast(`已${allowed.name}`);
      session = after;
      show();
    } catch (error) {
      toast(error.detail, { type: 'error' });
      refresh();
    }
  }

  // 1. 确认预约
  function confirmScreen() {
    const confirm = h('button', { type: 'button', class: 'btn btn-primary btn-huge', id: 'terminal-confirm' }, icon('check'), '确认预约');
    confirm.addEventListener('click', () => act('confirm', confirm));
    const refuse = h('button', { type: 'button', class: 'btn btn-huge', id: 'terminal-refuse' }, '拒绝预约');
    refuse.addEventListener('click', async () => {
      const allowed = session.allowedActions.find((a) => a.action === 'refuse');
      const after = allowed ? await runAction(session, allowed) : null;
      if (after) { session = after; show(); }
    });
    replaceChildren(main, h('h1', { class: 'terminal-title', tabindex: '-1', text: '新的远程提讯预约' }),
      h('p', { class: 'terminal-lead', text: '请核对谈话室和时间后确认。' }), summary(),
      h('div', { class: 'terminal-actions' }, confirm, refuse), backButton());
  }

  // 2. 提人并核验身份
  function admitScreen() {
    const checks = ['已将犯罪嫌疑人带至谈话室', '已核验犯罪嫌疑人身份'].map((label, i) => h('label', { class: 'terminal-check' },
      h('input', { type: 'checkbox', id: `admit-check-${i + 1}` }), h('span', { text: label })));
    const admit = h('button', { type: 'button', class: 'btn btn-primary btn-huge', id: 'terminal-admit', disabled: true }, icon('userPlus'), '提人并核验身份');
    for (const c of checks) c.querySelector('input').addEventListener('change', () => {
      admit.disabled = !checks.every((x) => x.querySelector('input').checked);
    });
    admit.addEventListener('click', () => act('admit', admit));
    const noShow = (session.allowedActions ?? []).find((a) => a.action === 'noShow');
    replaceChildren(main, h('h1', { class: 'terminal-title', tabindex: '-1', text: '提人并核验身份' }),
      h('p', { class: 'terminal-lead', text: `请将犯罪嫌疑人 ${session.suspectName} 带至${session.room?.name ?? '谈话室'}，核验身份后点击提人。` }),
      summary(), h('div', { class: 'terminal-checks' }, checks),
      h('div', { class: 'terminal-actions' }, admit,
        noShow ? h('button', {
          type: 'button', class: 'btn btn-huge', id: 'terminal-no-show',
          onclick: async () => { const after = await runAction(session, noShow); if (after) { session = after; show(); } },
        }, '登记未进行') : null),
      backButton());
  }

  // 3. 视频 + 笔录（只读）
  function videoScreen() {
    const stage = h('div', { class: 'video-stage terminal-stage', id: 'video-stage', dataset: { feeds: '0' } });
    const placeholder = h('div', { class: 'video-waiting' }, icon('user'), h('span', { text: '等待检察官进入视频……' }));
    const localVideo = h('video', { class: 'video-local', id: 'local-video', autoplay: true, muted: true, playsinline: true, 'aria-label': '本方画面' });
    localVideo.muted = true;
    const pip = h('div', { class: 'video-pip', hidden: true }, localVideo, h('span', { class: 'video-name', text: '本方' }));
    const statusLine = h('div', { class: 'video-status', id: 'video-status', role: 'status', dataset: { state: 'connecting' } }, '正在连接视频……');
    stage.append(placeholder, pip, statusLine);
    const quality = h('div', { class: 'video-quality', id: 'video-quality' });
    const turns = h('ol', { class: 'turns terminal-turns', id: 'terminal-transcript', 'aria-live': 'polite', 'aria-label': '讯问笔录' });
    const banner = h('div', { class: 'terminal-banner', id: 'terminal-banner', role: 'status' });
    replaceChildren(main,
      h('h1', { class: 'terminal-title visually-hidden', tabindex: '-1', text: '视频讯问' }),
      banner,
      h('div', { class: 'terminal-video-layout' },
        h('div', { class: 'terminal-video' }, stage, h('div', { class: 'video-bar' },
          h('button', { type: 'button', class: 'btn btn-large', id: 'video-reconnect', onclick: () => room?.reconnect() }, icon('refresh'), '重新连接'),
          quality)),
        h('section', { class: 'terminal-transcript', 'aria-labelledby': 'terminal-transcript-title' },
          h('h2', { id: 'terminal-transcript-title', text: '讯问笔录（只读）' }), turns)));
    videoBanner();
    let shownVersion = -1;
    const loadTranscript = async () => {
      try {
        const t = await api.get(sessionPath(id, '/transcript'));
        if (disposed || t.version === shownVersion) return;
        shownVersion = t.version;
        turns.dataset.version = String(t.version);
        replaceChildren(turns, t.turns.length ? t.turns.map((turn) => h('li', { class: `turn turn-${turn.speaker}` },
          h('span', { class: 'turn-speaker', text: `${SPEAKERS[turn.speaker]}：` }), h('span', { class: 'turn-text', text: turn.text })))
          : h('li', { class: 'muted', text: '讯问开始后，笔录内容会显示在这里。' }));
        turns.lastElementChild?.scrollIntoView?.({ block: 'nearest' });
      } catch { /* the next tick tries again */ }
    };
    loadTranscript();
    transcriptTimer = setInterval(loadTranscript, POLL_MS);
    if (!webrtcSupported()) {
      statusLine.textContent = '此终端的浏览器不支持视频通话。';
      return;
    }
    room = createVideoRoom({
      fetchGrant: () => api.post(sessionPath(id, '/media')),
      onStatus: (state, text) => {
        if (state === 'connected' && statusLine.dataset.state !== 'connected') stage.dataset.connects = String(Number(stage.dataset.connects ?? 0) + 1);
        statusLine.dataset.state = state;
        statusLine.textContent = state === 'unavailable' ? `${text}（将自动重试）` : text;
        statusLine.hidden = state === 'connected';
      },
      onLocal: (stream) => { pip.hidden = !stream; localVideo.srcObject = stream; },
      onRemote: (feeds) => showFeeds(stage, feeds, placeholder),
      onStats: (stats) => showStats(quality, stage, stats),
    });
    room.start();
  }

  function videoBanner() {
    const banner = main.querySelector('#terminal-banner');
    if (!banner) return;
    banner.dataset.state = session.state;
    banner.textContent = session.state === 'live' ? `讯问进行中 · ${session.suspectName} · 同步录音录像`
      : `已提人，等待检察官开始讯问 · ${session.suspectName}`;
  }

  // 4. 逐页签名，然后指纹
  async function signScreen() {
    replaceChildren(main, h('div', { class: 'terminal-loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), '正在载入笔录……'));
    let pages;
    try {
      pages = await api.get(sessionPath(id, '/transcript/pages'));
    } catch (error) {
      replaceChildren(main, big('笔录载入失败', error.detail, h('button', { type: 'button', class: 'btn btn-huge', onclick: signScreen, text: '重试' })));
      return;
    }
    if (disposed || screen !== 'sign') return;
    if (pages.version === 0 || pages.pages.length === 0) {
      replaceChildren(main, big('讯问已结束', '检察官尚未保存笔录，请稍候。', null));
      setTimeout(() => { if (!disposed && screen === 'sign') signScreen(); }, 3000);
      return;
    }
    const next = pages.pages.findIndex((_, i) => !pages.signedPages.includes(i + 1));
    if (next !== -1) pageScreen(pages, next);
    else if (!pages.fingerprint) fingerprintScreen(pages);
    else doneScreen();
  }

  function pageScreen(pages, index) {
    const total = pages.pages.length;
    const pad = signaturePad({ label: `第 ${index + 1} 页签名`, id: 'page-signature', width: 720, height: 220, lineWidth: 4 });
    const submit = h('button', { type: 'button', class: 'btn btn-primary btn-huge', id: 'page-sign-submit', disabled: true }, icon('check'), '以上内容属实，确认签名');
    pad.onChange((drawn) => { submit.disabled = !drawn; });
    submit.addEventListener('click', () => submitSignature(submit, { kind: 'suspectPage', page: index + 1, version: pages.version, pngBase64: pad.toBase64() }));
    replaceChildren(main,
      h('div', { class: 'terminal-progress', 'aria-hidden': 'true' }, h('span', { style: `width:${(index / (total + 1)) * 100}%` })),
      h('h1', { class: 'terminal-title', tabindex: '-1', id: 'sign-page-title', dataset: { page: String(index + 1), pages: String(total) }, text: `请阅读笔录第 ${index + 1} 页（共 ${total} 页）` }),
      h('p', { class: 'terminal-lead', text: '阅读无误后在下方签名。如有不符，请向检察官提出，笔录修改后重新阅读。' }),
      h('pre', { class: 'transcript-page', id: 'transcript-page', tabindex: '0', text: pages.pages[index] }),
      pad.element,
      h('div', { class: 'terminal-actions' }, submit));
  }

  function fingerprintScreen(pages) {
    const pad = signaturePad({ label: '指纹', id: 'fingerprint-pad', width: 360, height: 360, lineWidth: 6, hint: '请用手指在框内按压捺印，或上传指纹采集仪的图片' });
    const submit = h('button', { type: 'button', class: 'btn btn-primary btn-huge', id: 'fingerprint-submit', disabled: true }, icon('fingerprint'), '确认捺印');
    pad.onChange((drawn) => { submit.disabled = !drawn; });
    const upload = h('input', { type: 'file', accept: 'image/png,image/jpeg', id: 'fingerprint-file', class: 'visually-hidden' });
    upload.addEventListener('change', () => {
      const file = upload.files?.[0];
      if (!file) return;
      const image = new Image();
      image.addEventListener('load', () => { pad.drawImage(image); URL.revokeObjectURL(image.src); });
      image.addEventListener('error', () => toast('无法读取该图片，请换一张 PNG 或 JPEG 图片', { type: 'error' }));
      image.src = URL.createObjectURL(file);
    });
    submit.addEventListener('click', () => submitSignature(submit, { kind: 'fingerprint', version: pages.version, pngBase64: pad.toBase64() }));
    replaceChildren(main,
      h('div', { class: 'terminal-progress', 'aria-hidden': 'true' }, h('span', { style: `width:${(pages.pages.length / (pages.pages.length + 1)) * 100}%` })),
      h('h1', { class: 'terminal-title', tabindex: '-1', id: 'fingerprint-title', text: '请捺印指纹' }),
      h('p', { class: 'terminal-lead', text: '全部页面已签名。最后请捺印右手食指指纹。' }),
      h('div', { class: 'fingerprint-area' }, pad.element,
        h('label', { class: 'btn btn-large', for: 'fingerprint-file' }, icon('upload'), '上传指纹图片'), upload),
      h('div', { class: 'terminal-actions' }, submit));
  }

  async function submitSignature(button, payload) {
    try {
      await whileBusy(button, () => api.post(sessionPath(id, '/transcript/signatures'), payload));
      toast(payload.kind === 'fingerprint' ? '已捺印' : `第 ${payload.page} 页已签名`);
    } catch (error) {
      if (error.code === 'stale-version') toast('笔录已被修改，请从头重新阅读并签名。', { type: 'error', duration: 8000 });
      else toast(error.detail, { type: 'error' });
      if (error.status !== 409) return;
    }
    signScreen();
  }

  // 5. 完成
  function doneScreen() {
    screen = 'done';
    replaceChildren(main, big('签名完成', session.state === 'sealed' ? '笔录已由检察官签名并签章封存。' : '谢谢配合。请将犯罪嫌疑人带回监室。',
      h('a', { class: 'btn btn-primary btn-huge', href: '#/terminal', id: 'terminal-finish' }, '返回今日提讯'), 'checkCircle', 'terminal-done'));
  }

  function closedScreen() {
    replaceChildren(main, big(`本次提讯${session.stateName}`, session.reason ? `原因：${session.reason}` : '', backButton(), 'info'));
  }
}

function big(title, text, action, iconName = 'alertCircle', id = 'terminal-message') {
  return h('div', { class: 'terminal-message', id },
    icon(iconName), h('h1', { class: 'terminal-title', tabindex: '-1', text: title }), text ? h('p', { class: 'terminal-lead', text }) : null, action);
}

function backButton() {
  return h('a', { class: 'btn btn-large terminal-back', href: '#/terminal' }, icon('chevronLeft'), '返回今日提讯');
}

function fact(label, value) {
  return h('div', {}, h('dt', { text: label }), h('dd', { text: value }));
}
