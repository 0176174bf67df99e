// The prosecutor's side of a remote interrogation (`#/remote-sessions/:id`): the session's header with its actions
// (开始讯问, 结束讯问, 取消, 登记未进行 as allowed), the video (the other side large, the own camera small, mute,
// camera switch, 示证 screen sharing, connection quality, reconnection) beside the transcript editor (问/答 turns,
// autosave with the version it was edited from, 409 → load the latest), version history, then the signatures
// (讯问人, 记录人) and, once sealed, the PDF and the recording with their SM3 digests.
// Without Janus the page says so plainly and the transcript still works.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { getSession } from '../session.js';
import { openDialog } from '../components/dialog.js';
import { whileBusy } from '../components/button.js';
import { toast } from '../components/toast.js';
import { skeletonBlock, errorState } from '../components/states.js';
import { signaturePad } from '../components/signature-pad.js';
import { formatDateTime, byteSize } from '../format.js';
import { SPEAKERS } from '../labels.js';
import { caseHref } from './case-common.js';
import { actionButtons, eventList, placeText, sessionPath, slotText, stateTag } from './remote-common.js';
import { createVideoRoom, screenShareSupported, webrtcSupported } from '../video/room.js';

const VIDEO_STATES = new Set(['confirmed', 'admitted', 'live']);
const SIGNING_STATES = new Set(['ended', 'transcriptSigned', 'sealed']);
const AUTOSAVE_MS = 1200;
const POLL_MS = 4000;

export async function render(body, ctx) {
  const id = ctx.params.id;
  let session = null;
  let room = null;
  let disposed = false;
  let signingShown = ''; // what the signing card shows, so a refresh keeps a signature being drawn
  const signBlocks = new Map(); // kind:version → the pad block, kept across redraws of the signing card
  const timers = new Set();
  const header = h('section', { class: 'card session-header', 'aria-label': '提讯概况' });
  const workspace = h('div', { class: 'session-workspace' });
  const videoPanel = h('section', { class: 'card video-panel', 'aria-label': '视频' });
  const transcriptPanel = h('section', { class: 'card transcript-panel', 'aria-labelledby': 'transcript-title' });
  const signingCard = h('section', { class: 'card signing-card', id: 'signing', 'aria-labelledby': 'signing-title', hidden: true });
  const archiveCard = h('section', { class: 'card archive-card', id: 'archive', 'aria-labelledby': 'archive-title', hidden: true });
  const eventsCard = h('section', { class: 'card', 'aria-labelledby': 'events-title' });
  workspace.append(videoPanel, transcriptPanel);
  const editor = transcriptEditor();

  const onNotification = (event) => {
    if (event.detail?.subjectType === 'remoteSession' && event.detail.subjectId === id) reload();
  };
  window.addEventListener('jianwu:notification', onNotification);
  const cleanup = () => {
    disposed = true;
    window.removeEventListener('jianwu:notification', onNotification);
    for (const t of timers) clearInterval(t);
    room?.stop();
    room = null;
    editor.dispose();
  };

  replaceChildren(body, h('div', { class: 'card' }, skeletonBlock(5)));
  try {
    session = await api.get(sessionPath(id));
  } catch (error) {
    if (!ctx.isCurrent()) return cleanup;
    replaceChildren(body, h('div', { class: 'card' }, error.status === 404
      ? h('div', { class: 'state' }, icon('inbox'), h('div', { class: 'state-title', text: '远程提讯不存在或您无权查看' }),
        h('div', { class: 'btn-group' }, h('a', { class: 'btn btn-primary', href: '#/remote-sessions', text: '返回日程' })))
      : errorState({ title: '远程提讯加载失败', error, onRetry: () => location.reload() })));
    return cleanup;
  }
  if (!ctx.isCurrent()) return cleanup;
  replaceChildren(body, header, workspace, signingCard, archiveCard, eventsCard);
  update(session);
  editor.load();
  // The other side's steps (提人, signatures) arrive as notifications; a slow poll covers a missed one.
  timers.add(setInterval(reload, 15000));
  return cleanup;

  async function reload() {
    try {
      const next = await api.get(sessionPath(id));
      if (!disposed) update(next);
    } catch { /* the next poll tries again */ }
  }

  function update(next) {
    const before = session?.state;
    session = next;
    ctx.setTitle(`远程提讯：${session.suspectName}`);
    renderHeader();
    renderVideo(before !== session.state || !videoPanel.hasChildNodes());
    editor.stateChanged();
    renderSigning();
    renderArchive();
    replaceChildren(eventsCard, h('div', { class: 'card-header' }, h('h2', { id: 'events-title', text: '办理记录' })),
      h('div', { class: 'card-body' }, eventList(session)));
  }

  function renderHeader() {
    const s = session;
    replaceChildren(header,
      h('div', { class: 'session-header-main' },
        h('div', { class: 'session-title-line' }, stateTag(s),
          h('a', { href: caseHref(s.caseId), class: 'session-case', text: `${s.caseNumber} ${s.caseName}` })),
        h('dl', { class: 'case-meta' },
          meta('犯罪嫌疑人', s.suspectName), meta('时间', slotText(s)), meta('地点', placeText(s)),
          meta('参加人员', [s.prosecutorName, ...(s.participants ?? []).map((p) => p.displayName)].join('、'))),
        s.reason ? h('p', { class: 'subtle', text: `原因：${s.reason}` }) : null),
      h('div', { class: 'btn-group session-actions', id: 'session-actions' }, actionButtons(s, update)));
  }

  // 视频
  function renderVideo(stateChanged) {
    if (!stateChanged) return;
    if (!VIDEO_STATES.has(session.state)) {
      room?.stop();
      room = null;
      const text = {
        booked: ['等待看守所确认', '看守所确认后，可在预约时段前 15 分钟进入视频。'],
        refused: ['看守所已拒绝本次预约', session.reason],
        cancelled: ['本次预约已取消', session.reason],
        noShow: ['本次提讯未进行', session.reason],
        ended: ['讯问已结束', '请核对笔录，待犯罪嫌疑人在终端逐页签名后，由讯问人、记录人签名。'],
        transcriptSigned: ['笔录已签名', ''],
        sealed: ['笔录已签名封存', '笔录和录像见下方。'],
      }[session.state] ?? [session.stateName, ''];
      replaceChildren(videoPanel, h('div', { class: 'video-placeholder', id: 'video-state' }, icon('video'),
        h('div', { class: 'state-title', text: text[0] }), text[1] ? h('div', { text: text[1] }) : null));
      return;
    }
    if (room) return;
    buildVideo();
  }

  function buildVideo() {
    const stage = h('div', { class: 'video-stage', id: 'video-stage', dataset: { feeds: '0' } });
    const placeholder = h('div', { class: 'video-waiting' }, icon('user'), h('span', { text: '等待对方进入视频……' }));
    const localVideo = h('video', { class: 'video-local', id: 'local-video', autoplay: true, muted: true, playsinline: true, 'aria-label': '本方画面' });
    localVideo.muted = true;
    const pip = h('div', { class: 'video-pip', hidden: true }, localVideo, h('span', { class: 'video-name', text: '本方' }));
    const statusLine = h('div', { class: 'video-status', id: 'video-status', role: 'status', 'aria-live': 'polite', dataset: { state: 'connecting' } },
      h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { text: '正在连接视频……' }));
    const quality = h('div', { class: 'video-quality', id: 'video-quality', 'aria-live': 'off' }, h('span', { class: 'subtle', text: '连接质量：—' }));
    const muteButton = h('button', { type: 'button', class: 'btn', id: 'video-mute', 'aria-pressed': 'false' }, icon('mic'), '静音');
    const cameraButton = h('button', { type: 'button', class: 'btn', id: 'video-camera' }, icon('camera'), '切换摄像头');
    const shareButton = h('button', { type: 'button', class: 'btn', id: 'video-share', 'aria-pressed': 'false', hidden: !screenShareSupported() }, icon('screen'), '示证（共享屏幕）');
    const retryButton = h('button', { type: 'button', class: 'btn', id: 'video-reconnect' }, icon('refresh'), '重新连接');
    const controls = h('div', { class: 'video-controls btn-group' }, muteButton, cameraButton, shareButton, retryButton);
    stage.append(placeholder, pip, statusLine);
    replaceChildren(videoPanel, stage, h('div', { class: 'video-bar' }, controls, quality));

    if (!webrtcSupported()) {
      setStatus('error', '当前浏览器不支持视频通话，请使用最新版 Chrome、Edge 或 Firefox。笔录不受影响。');
      return;
    }
    room = createVideoRoom({
      fetchGrant: () => api.post(sessionPath(id, '/media')),
      onStatus: setStatus,
      onLocal: (stream) => {
        pip.hidden = !stream;
        if (stream && localVideo.srcObject !== stream) localVideo.srcObject = stream;
        if (!stream) localVideo.srcObject = null;
      },
      onRemote: (feeds) => showFeeds(stage, feeds, placeholder),
      onStats: (stats) => showStats(quality, stage, stats),
      onScreen: (on) => {
        shareButton.setAttribute('aria-pressed', String(on));
        shareButton.lastChild.textContent = on ? '停止示证' : '示证（共享屏幕）';
      },
    });
    muteButton.addEventListener('click', () => {
      const muted = room.toggleMute();
      muteButton.setAttribute('aria-pressed', String(muted));
      muteButton.lastChild.textContent = muted ? '取消静音' : '静音';
    });
    cameraButton.addEventListener('click', async () => {
      const switched = await room.switchCamera().catch(() => false);
      if (!switched) toast('未找到其他摄像头', { type: 'info' });
    });
    shareButton.addEventListener('click', () => (room.sharing ? room.stopScreenShare() : room.startScreenShare()));
    retryButton.addEventListener('click', () => room.reconnect());
    room.start();

    function setStatus(state, text) {
      // How many times the video connected (a reconnection after a drop counts again); tests read it.
      if (state === 'connected' && statusLine.dataset.state !== 'connected') stage.dataset.connects = String(Number(stage.dataset.connects ?? 0) + 1);
      statusLine.dataset.state = state;
      const spin = state === 'connecting' || state === 'reconnecting';
      replaceChildren(statusLine, spin ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : icon(state === 'connected' ? 'checkCircle' : 'alertCircle'),
        h('span', { text: state === 'unavailable' ? `${text}（将自动重试）` : text }));
      statusLine.hidden = state === 'connected';
      videoPanel.dataset.video = state;
    }
  }

  // 笔录
  function transcriptEditor() {
    let transcript = null;
    let turns = [];
    let dirty = false;
    let saving = null;
    let saveTimer = null;
    let conflict = null;
    let pollTimer = null;
    const statusText = h('span', { class: 'save-status', id: 'transcript-status', role: 'status', 'aria-live': 'polite' });
    const historyButton = h('button', { type: 'button', class: 'btn btn-small', id: 'transcript-history', onclick: openHistory }, icon('clock'), '版本记录');
    const pdfLink = h('a', { class: 'btn btn-small', id: 'transcript-draft', target: '_blank', rel: 'noopener' }, icon('file'), '预览笔录');
    const conflictBox = h('div', { class: 'alert alert-warning', id: 'transcript-conflict', role: 'alert', hidden: true });
    const list = h('ol', { class: 'turns', id: 'transcript-turns', 'aria-label': '问答' });
    const addBar = h('div', { class: 'btn-group turn-add' },
      ['question', 'answer', 'note'].map((speaker) => h('button', {
        type: 'button', class: 'btn btn-small', dataset: { add: speaker }, onclick: () => addTurn(speaker),
      }, icon('plus'), speaker === 'note' ? '备注' : SPEAKERS[speaker])));
    const readonlyNote = h('p', { class: 'subtle transcript-note', hidden: true });
    replaceChildren(transcriptPanel,
      h('div', { class: 'card-header' }, h('div', { class: 'card-title-group' }, h('h2', { id: 'transcript-title', text: '讯问笔录' }), statusText),
        h('div', { class: 'btn-group' }, historyButton, pdfLink)),
      h('div', { class: 'card-body transcript-body' }, conflictBox, readonlyNote, list, addBar));

    const editable = () => Boolean(transcript?.editable) && !conflict;

    async function load({ version } = {}) {
      try {
        const next = await api.get(sessionPath(id, '/transcript'), { query: { version } });
        if (disposed) return;
        transcript = next;
        turns = next.turns.map((t) => ({ ...t }));
        dirty = false;
        conflict = null;
        conflictBox.hidden = true;
        draw();
        if (!pollTimer) pollTimer = setInterval(poll, POLL_MS);
      } catch (error) {
        replaceChildren(list, h('li', {}, errorState({ title: '笔录加载失败', error, onRetry: () => load() })));
      }
    }

    /** Someone else saved (the clerk and the prosecutor may both write): take it while nothing is being typed here. */
    async function poll() {
      if (disposed || dirty || saving || conflict || !transcript) return;
      if (transcriptPanel.contains(document.activeElement) && document.activeElement.tagName === 'TEXTAREA') return;
      try {
        const next = await api.get(sessionPath(id, '/transcript'));
        if (disposed || dirty || saving || next.version === transcript.version && next.editable === transcript.editable) return;
        transcript = next;
        turns = next.turns.map((t) => ({ ...t }));
        draw();
      } catch { /* try again on the next tick */ }
    }

    function draw() {
      const canEdit = editable();
      pdfLink.href = sessionPath(id, '/transcript/pdf');
      list.dataset.version = String(transcript?.version ?? 0);
      readonlyNote.hidden = canEdit;
      readonlyNote.textContent = transcript?.editable ? '' : session.state === 'booked' || session.state === 'confirmed' || session.state === 'admitted'
        ? '讯问开始后可以制作笔录。' : SIGNING_STATES.has(session.state) && session.state !== 'ended' ? '笔录已签名，不能再修改。' : '笔录当前不可编辑。';
      addBar.hidden = !canEdit;
      replaceChildren(list, turns.length ? turns.map((turn, index) => turnRow(turn, index, canEdit))
        : h('li', { class: 'turns-empty muted', text: canEdit ? '尚无问答。点击下方“问”开始记录。' : '尚无问答。' }));
      showSaved();
    }

    function turnRow(turn, index, canEdit) {
      const number = turns.slice(0, index + 1).filter((t) => t.speaker === turn.speaker).length;
      if (!canEdit) {
        return h('li', { class: `turn turn-${turn.speaker}` },
          h('span', { class: 'turn-speaker', text: `${SPEAKERS[turn.speaker]}：` }), h('span', { class: 'turn-text', text: turn.text }));
      }
      const speaker = h('select', {
        class: 'select turn-speaker-select', 'aria-label': `第 ${index + 1} 段的类型`,
        onchange: (event) => { turn.speaker = event.target.value; changed(); },
      }, Object.entries(SPEAKERS).map(([value, label]) => h('option', { value, text: label, selected: value === turn.speaker })));
      const text = h('textarea', {
        class: 'input textarea turn-input', rows: '2', 'aria-label': `${SPEAKERS[turn.speaker]}（第 ${number} 条）`, text: turn.text,
        oninput: (event) => { turn.text = event.target.value; autosize(event.target); changed(); },
        onkeydown: (event) => {
          // Ctrl+Enter: the next turn (an answer after a question and the other way round).
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            addTurn(turn.speaker === 'question' ? 'answer' : 'question', index + 1);
          }
        },
      });
      requestAnimationFrame(() => autosize(text));
      return h('li', { class: `turn turn-${turn.speaker}`, dataset: { index: String(index) } }, speaker, text,
        h('button', {
          type: 'button', class: 'btn-link danger turn-remove', 'aria-label': `删除第 ${index + 1} 段`,
          onclick: () => { turns.splice(index, 1); changed(); draw(); },
        }, icon('trash')));
    }

    function addTurn(speaker, at = turns.length) {
      turns.splice(at, 0, { speaker, text: '' });
      changed();
      draw();
      list.querySelectorAll('.turn-input')[at]?.focus();
    }

    function changed() {
      dirty = true;
      showSaved();
      clearTimeout(saveTimer);
      saveTimer = setTimeout(save, AUTOSAVE_MS);
    }

    async function save() {
      clearTimeout(saveTimer);
      if (!dirty || conflict || !transcript?.editable) return;
      if (saving) { saveTimer = setTimeout(save, 300); return; }
      const snapshot = turns.map((t) => ({ speaker: t.speaker, text: t.text }));
      dirty = false;
      statusText.textContent = '正在保存……';
      statusText.dataset.state = 'saving';
      saving = api.put(sessionPath(id, '/transcript'), { baseVersion: transcript.version, turns: snapshot });
      try {
        const saved = await saving;
        transcript = { ...saved, turns: saved.turns };
        list.dataset.version = String(saved.version);
      } catch (error) {
        dirty = true;
        if (error.status === 409 && error.code === 'stale-version') showConflict(error);
        else if (error.status === 409) { transcript = { ...transcript, editable: false }; toast(error.detail, { type: 'error' }); draw(); }
        else {
          statusText.textContent = `保存失败：${error.detail}，稍后自动重试`;
          statusText.dataset.state = 'error';
          saveTimer = setTimeout(save, 5000);
          return;
        }
      } finally {
        saving = null;
      }
      showSaved();
    }

    function showConflict(error) {
      conflict = error;
      replaceChildren(conflictBox, icon('warning'), h('div', { class: 'alert-body' },
        h('div', { class: 'alert-title', text: '笔录已被他人更新' }),
        h('div', { text: `${error.detail} 您的修改尚未保存。` }),
        h('div', { class: 'btn-group' },
          h('button', { type: 'button', class: 'btn btn-primary btn-small', id: 'transcript-load-latest', onclick: () => load() }, '载入最新版本（放弃我的修改）'),
          h('button', {
            type: 'button', class: 'btn btn-small', id: 'transcript-keep-mine',
            onclick: async () => {
              // Keep what is on screen: save it on top of the latest version.
              const latest = await api.get(sessionPath(id, '/transcript')).catch(() => null);
              if (!latest) return;
              transcript = { ...latest, turns: latest.turns };
              conflict = null;
              conflictBox.hidden = true;
              dirty = true;
              draw();
              save();
            },
          }, '以我的内容覆盖'))));
      conflictBox.hidden = false;
      draw();
    }

    function showSaved() {
      if (conflict) { statusText.textContent = '未保存（有冲突）'; statusText.dataset.state = 'conflict'; return; }
      if (dirty) { statusText.textContent = '有未保存的修改'; statusText.dataset.state = 'dirty'; return; }
      if (saving) return;
      statusText.dataset.state = 'saved';
      statusText.textContent = transcript?.version
        ? `已保存第 ${transcript.version} 版 · ${formatDateTime(transcript.savedAt).slice(11)}${transcript.savedBy ? ` · ${transcript.savedBy}` : ''}`
        : '尚未保存';
    }

    async function openHistory() {
      const versions = [...(transcript?.versions ?? [])].reverse();
      const preview = h('div', { class: 'history-preview', 'aria-live': 'polite' }, h('p', { class: 'muted', text: '选择一个版本查看内容。' }));
      const dialog = openDialog({
        title: '笔录版本记录',
        size: 'wide',
        body: versions.length ? h('div', { class: 'history' },
          h('ol', { class: 'history-list' }, versions.map((v) => h('li', {},
            h('button', {
              type: 'button', class: 'btn-link', dataset: { version: String(v.version) },
              onclick: async () => {
                try {
                  const old = await api.get(sessionPath(id, '/transcript'), { query: { version: v.version } });
                  replaceChildren(preview, h('h3', { class: 'section-title', text: `第 ${v.version} 版 · ${formatDateTime(v.savedAt)} · ${v.savedBy}` }),
                    h('ol', { class: 'turns' }, old.turns.map((t) => h('li', { class: `turn turn-${t.speaker}` },
                      h('span', { class: 'turn-speaker', text: `${SPEAKERS[t.speaker]}：` }), h('span', { class: 'turn-text', text: t.text })))));
                } catch (error) {
                  replaceChildren(preview, errorState({ error }));
                }
              },
            }, `第 ${v.version} 版`), h('span', { class: 'subtle', text: ` ${formatDateTime(v.savedAt)} · ${v.savedBy}` })))),
          preview)
          : h('p', { class: 'muted', text: '笔录尚未保存过。' }),
        footer: [h('button', { type: 'button', class: 'btn', text: '关闭', onclick: () => dialog.close() })],
      });
    }

    return {
      load,
      /** After a state change (开始, 结束, 签名): re-read whether the transcript may be edited, keeping typed text. */
      async stateChanged() {
        if (!transcript) return;
        if (dirty || saving) { await save(); }
        try {
          const next = await api.get(sessionPath(id, '/transcript'));
          if (disposed || dirty) return;
          transcript = next;
          turns = next.turns.map((t) => ({ ...t }));
          draw();
        } catch { /* keep what is shown */ }
      },
      dispose() {
        clearInterval(pollTimer);
        if (dirty && transcript?.editable && !conflict) save();
      },
    };
  }

  // 签名: the suspect's pages and fingerprint come from the terminal; the interrogator and the recorder sign here.
  async function renderSigning() {
    if (!SIGNING_STATES.has(session.state)) { signingCard.hidden = true; return; }
    signingCard.hidden = false;
    let pages;
    try {
      pages = await api.get(sessionPath(id, '/transcript/pages'));
    } catch (error) {
      replaceChildren(signingCard, h('div', { class: 'card-body' }, errorState({ title: '签名信息加载失败', error, onRetry: renderSigning })));
      return;
    }
    if (disposed) return;
    // Redraw only when something changed: a signature being drawn on a pad must survive the periodic refresh.
    const key = JSON.stringify([session.state, pages.version, pages.signedPages, pages.fingerprint, pages.interrogator, pages.recorder, Boolean(pages.sealedDocument)]);
    if (key === signingShown && signingCard.hasChildNodes()) return;
    signingShown = key;
    const me = getSession()?.user?.id;
    const isRecorder = (session.participants ?? []).some((p) => p.userId === me);
    const suspectDone = pages.signedPages.length === pages.pages.length && pages.fingerprint;
    const rows = [
      ['犯罪嫌疑人逐页签名', `${pages.signedPages.length}/${pages.pages.length} 页`, pages.signedPages.length === pages.pages.length],
      ['犯罪嫌疑人指纹', pages.fingerprint ? '已捺印' : '未捺印', pages.fingerprint],
      ['讯问人签名', pages.interrogator ? '已签名' : '未签名', pages.interrogator],
      ['记录人签名', pages.recorder ? '已签名' : '未签名（选签）', pages.recorder],
    ];
    const pads = [];
    if (!pages.sealedDocument && pages.version > 0) {
      if (!pages.interrogator && !isRecorder) pads.push(['interrogator', '讯问人签名']);
      if (!pages.recorder && isRecorder) pads.push(['recorder', '记录人签名']);
    }
    replaceChildren(signingCard,
      h('div', { class: 'card-header' }, h('h2', { id: 'signing-title', text: '笔录签名' }),
        h('span', { class: 'subtle', text: `第 ${pages.version} 版，共 ${pages.pages.length} 页` })),
      h('div', { class: 'card-body' },
        pages.version === 0 ? h('p', { class: 'muted', text: '笔录尚未保存，不能签名。' }) : null,
        h('ul', { class: 'sign-checklist', id: 'sign-checklist' }, rows.map(([label, text, done]) => h('li', { class: done ? 'done' : '' },
          icon(done ? 'checkCircle' : 'clock'), h('span', { text: label }), h('strong', { text })))),
        pages.sealedDocument ? null : h('p', { class: 'subtle', text: suspectDone
          ? '犯罪嫌疑人已签名捺印。讯问人签名后笔录即签章封存。'
          : '请先让犯罪嫌疑人在看守所终端逐页阅读并签名、捺印指纹；讯问人签名可以先行完成。' }),
        pads.map(([kind, label]) => reusedSignBlock(kind, label, pages))));
  }

  // A pad being drawn on survives the redraw that the other side's signature causes: the same pad (same kind, same
  // transcript version) is moved into the new card instead of being replaced by an empty one.
  function reusedSignBlock(kind, label, pages) {
    const key = `${kind}:${pages.version}`;
    if (!signBlocks.has(key)) signBlocks.set(key, signBlock(kind, label, pages));
    return signBlocks.get(key);
  }

  function signBlock(kind, label, pages) {
    const pad = signaturePad({ label, id: `sign-${kind}`, width: 560, height: 200 });
    const submit = h('button', { type: 'button', class: 'btn btn-primary', id: `sign-${kind}-submit`, disabled: true }, icon('check'), `提交${label}`);
    pad.onChange((drawn) => { submit.disabled = !drawn; });
    submit.addEventListener('click', async () => {
      try {
        const after = await whileBusy(submit, () => api.post(sessionPath(id, '/transcript/signatures'), {
          kind, version: pages.version, pngBase64: pad.toBase64(),
        }));
        toast(after.sealedDocument ? '笔录已签名并签章封存' : `已提交${label}`);
        reload();
      } catch (error) {
        toast(error.detail, { type: 'error' });
        if (error.code === 'stale-version') renderSigning();
      }
    });
    return h('div', { class: 'sign-block' }, pad.element, h('div', { class: 'btn-group' }, submit));
  }

  // 封存后: the sealed PDF and the recording, each with its SM3 digest.
  async function renderArchive() {
    if (session.state !== 'sealed' && session.state !== 'transcriptSigned' && session.state !== 'ended') { archiveCard.hidden = true; return; }
    if (archiveCard.dataset.built === session.state) return;
    archiveCard.dataset.built = session.state;
    archiveCard.hidden = false;
    let pages = null;
    try { pages = await api.get(sessionPath(id, '/transcript/pages')); } catch { /* shown below */ }
    const sealed = pages?.sealedDocument;
    const recording = h('div', { class: 'recording', id: 'recording' }, h('div', { class: 'preview-loading', role: 'status' },
      h('span', { class: 'spinner', 'aria-hidden': 'true' }), '正在载入录像……'));
    replaceChildren(archiveCard,
      h('div', { class: 'card-header' }, h('h2', { id: 'archive-title', text: '笔录与录像' })),
      h('div', { class: 'card-body archive-grid' },
        h('div', { class: 'archive-item' },
          h('h3', { class: 'section-title', text: sealed ? '签章笔录（PDF）' : '笔录草稿（未签名）' }),
          sealed ? h('p', { class: 'digest-line' }, h('span', { class: 'subtle', text: 'SM3 ' }), h('code', { class: 'digest', id: 'pdf-sm3', text: sealed.sm3 }))
            : h('p', { class: 'subtle', text: '签名完成后此处显示签章版本。' }),
          h('iframe', { class: 'pdf-frame', id: 'transcript-pdf', title: '讯问笔录 PDF', src: `${sessionPath(id, '/transcript/pdf')}?v=${pages?.version ?? 0}${sealed ? '-sealed' : ''}` }),
          h('a', { class: 'btn btn-small', href: sessionPath(id, '/transcript/pdf'), download: `讯问笔录-${session.caseNumber}.pdf` }, icon('download'), '下载 PDF')),
        h('div', { class: 'archive-item' }, h('h3', { class: 'section-title', text: '同步录音录像' }), recording)));
    loadRecording(recording, 0);
  }

  /** The recording is composed a few seconds after the end: fetch it (with its SM3 header), retry while it is made. */
  async function loadRecording(slot, attempt) {
    if (disposed || !slot.isConnected) return;
    let response;
    try {
      response = await fetch(sessionPath(id, '/recording'), { credentials: 'same-origin', cache: 'no-store' });
    } catch {
      response = null;
    }
    if (response?.ok) {
      const digest = response.headers.get('X-Content-SM3') ?? '';
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      replaceChildren(slot,
        digest ? h('p', { class: 'digest-line' }, h('span', { class: 'subtle', text: 'SM3 ' }), h('code', { class: 'digest', id: 'recording-sm3', text: digest })) : null,
        h('video', { class: 'recording-video', id: 'recording-video', controls: true, preload: 'metadata', src: url, 'aria-label': '同步录音录像' }),
        h('p', { class: 'subtle', text: `WebM · ${byteSize(blob.size)} · 每次播放均记入审计日志` }));
      return;
    }
    let detail = '录像尚未生成。';
    try { detail = (await response?.json())?.detail ?? detail; } catch { /* not JSON */ }
    if (response?.status === 404 && attempt < 60) {
      replaceChildren(slot, h('div', { class: 'preview-loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), detail));
      setTimeout(() => loadRecording(slot, attempt + 1), 3000);
      return;
    }
    replaceChildren(slot, h('div', { class: 'state' }, icon('video'), h('div', { text: response ? detail : '无法连接服务器。' }),
      h('div', { class: 'btn-group' }, h('button', { type: 'button', class: 'btn', onclick: () => loadRecording(slot, 0) }, icon('refresh'), '重试'))));
  }
}

/** Remote pictures: the other side large, 示证 (a screen share) larger still; `data-frames-decoded` for tests. */
function showFeeds(stage, feeds, placeholder) {
  const existing = new Map([...stage.querySelectorAll('.video-tile')].map((tile) => [tile.dataset.feed, tile]));
  for (const feed of feeds) {
    let tile = existing.get(String(feed.id));
    if (!tile) {
      const video = h('video', { class: 'video-remote', autoplay: true, playsinline: true, 'aria-label': `${feed.display} 的画面` });
      tile = h('div', { class: `video-tile ${feed.screen ? 'screen' : ''}`.trim(), dataset: { feed: String(feed.id) } },
        video, h('span', { class: 'video-name', text: feed.screen ? `示证：${feed.display.replace(/（示证）$/, '')}` : feed.display }));
      stage.insertBefore(tile, placeholder);
    }
    const video = tile.querySelector('video');
    if (video.srcObject !== feed.stream) video.srcObject = feed.stream;
    video.play?.().catch(() => {});
    existing.delete(String(feed.id));
  }
  for (const tile of existing.values()) tile.remove();
  stage.dataset.feeds = String(feeds.length);
  placeholder.hidden = feeds.length > 0;
}

function showStats(quality, stage, stats) {
  stage.dataset.framesDecoded = String(stats.framesDecoded);
  stage.dataset.framesSent = String(stats.framesSent);
  const names = { good: '良好', fair: '一般', poor: '较差', unknown: '—' };
  replaceChildren(quality,
    h('span', { class: `quality-badge quality-${stats.level}`, text: `连接质量：${names[stats.level]}` }),
    h('span', { class: 'quality-detail', text: `上行 ${Math.round(stats.sendKbps)} kbps · 下行 ${Math.round(stats.receiveKbps)} kbps · 丢包 ${stats.lossPercent.toFixed(1)}% · 往返 ${stats.rttMs === null ? '—' : `${Math.round(stats.rttMs)} ms`}` }));
}

function meta(label, value) {
  return h('div', {}, h('dt', { text: label }), h('dd', { text: value }));
}

function autosize(textarea) {
  textarea.style.height = 'auto';
  textarea.style.height = `${Math.min(320, textarea.scrollHeight + 2)}px`;
}

export { showFeeds, showStats };
