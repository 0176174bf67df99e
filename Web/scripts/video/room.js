// A session's video room on Janus (VideoRoom plugin, through jianwu's own /janus proxy): publish the camera and
// microphone, subscribe to everyone else, a second publisher for screen sharing (示证), connection quality from
// getStats, and automatic reconnection after a network drop or a Janus restart (back-off, a fresh grant each time).
// janus.js and the WebRTC adapter come from Debian's packages through /vendor (remote-common.js loads them).
//
// createVideoRoom({ fetchGrant, onStatus, onLocal, onRemote, onStats, onScreen }) → { start, stop, ... }
//   fetchGrant()            POST /api/remote-sessions/:id/media → { server, token, roomToken, room, display }
//   onStatus(state, text)   'connecting' | 'connected' | 'reconnecting' | 'waiting' | 'unavailable' | 'ended' | 'error'
//   onLocal(stream)         the own camera (null when gone)
//   onRemote(feeds)         [{ id, display, stream, screen }] whenever the set of remote pictures changes
//   onStats(stats)          every 2 s: { sendKbps, receiveKbps, lossPercent, rttMs, framesDecoded, framesSent, level }
//   onScreen(on)            the own screen share started/stopped
import { loadJanusScripts } from '../pages/remote-common.js';

const BACKOFF_S = [1, 2, 4, 8, 15, 30];
const SCREEN_SUFFIX = '（示证）';

export function createVideoRoom({ fetchGrant, onStatus, onLocal, onRemote, onStats, onScreen }) {
  let Janus = null;
  let janus = null;
  let grant = null;
  let publisher = null;
  let screen = null;
  let myId = null;
  let screenId = null;
  let localStream = null;
  let stopped = false;
  let attempt = 0;
  let retryTimer = null;
  let statsTimer = null;
  let generation = 0;
  let connectedOnce = false;
  let cameraIndex = 0;
  let audioMuted = false;
  const feeds = new Map(); // feed id → { id, display, handle, stream, screen }
  const last = { at: 0, sent: 0, received: 0, lost: 0, packets: 0, stalledSince: null, bytesProgress: 0 };

  const status = (state, text) => onStatus?.(state, text);
  const emitFeeds = () => onRemote?.([...feeds.values()].filter((f) => f.stream && f.stream.getTracks().length)
    .map(({ id, display, stream, screen: isScreen }) => ({ id, display, stream, screen: isScreen })));

  async function start() {
    stopped = false;
    connect();
  }

  async function connect() {
    if (stopped) return;
    const ticket = ++generation;
    status(connectedOnce ? 'reconnecting' : 'connecting', connectedOnce ? `连接中断，正在重新连接（第 ${attempt} 次）……` : '正在连接视频……');
    try {
      grant = await fetchGrant();
    } catch (error) {
      if (ticket !== generation || stopped) return;
      if (error.status === 409 && error.code === 'outside-window') {
        // Too early: the room opens 15 minutes before the start.
        status('waiting', error.detail);
        clearTimeout(retryTimer);
        retryTimer = setTimeout(connect, 30_000);
        return;
      }
      if (error.status === 409) {
        status('ended', error.detail);
        return;
      }
      if (error.status === 503 || error.status === 0 || error.status >= 500) {
        status('unavailable', error.status === 0 ? '无法连接服务器，正在重试……'
          : `${error.detail || '视频服务暂不可用。'}`);
        scheduleRetry();
        return;
      }
      status('error', error.detail ?? String(error));
      return;
    }
    if (ticket !== generation || stopped) return;
    if (!Janus) {
      try {
        Janus = await loadJanusScripts();
        await new Promise((resolve) => Janus.init({ debug: false, callback: resolve }));
      } catch {
        Janus = null;
        status('error', '视频组件未能加载（缺少 janus.js），请联系系统管理员安装 libjs-janus-gateway。笔录不受影响。');
        return;
      }
      if (ticket !== generation || stopped) return;
    }
    janus = new Janus({
      server: grant.server,
      token: grant.token,
      // /janus is our own origin and needs the session cookie (janus.js omits credentials by default).
      withCredentials: true,
      success: () => { if (ticket === generation) attachPublisher(ticket); },
      error: (cause) => { if (ticket === generation) lost(`视频服务连接失败：${cause}`); },
      destroyed: () => {},
    });
  }

  function attachPublisher(ticket) {
    janus.attach({
      plugin: 'janus.plugin.videoroom',
      opaqueId: `jianwu-${Janus.randomString(8)}`,
      success: (handle) => {
        if (ticket !== generation) return;
        publisher = handle;
        handle.send({ message: { request: 'join', room: grant.room, ptype: 'publisher', display: grant.display, token: grant.roomToken } });
      },
      error: (cause) => lost(`无法进入视频房间：${cause}`),
      iceState: (state) => watchIce(state, ticket),
      webrtcState: (on) => {
        if (ticket !== generation) return;
        if (on) {
          attempt = 0;
          connectedOnce = true;
          status('connected', '已连接');
        } else if (!stopped) {
          lost('视频连接已断开');
        }
      },
      onmessage: (message, jsep) => {
        if (ticket !== generation) return;
        const event = message.videoroom;
        if (event === 'joined') {
          myId = message.id;
          publishCamera(ticket);
          subscribeAll(message.publishers, ticket);
        } else if (event === 'event') {
          if (message.error_code) {
            lost(message.error_code === 433 ? '视频房间拒绝了本次进入（授权无效或已过期）' : `视频房间出错：${message.error}`);
            return;
          }
          if (message.publishers) subscribeAll(message.publishers, ticket);
          const gone = message.leaving ?? message.unpublished;
          if (gone && gone !== 'ok') dropFeed(gone);
        } else if (event === 'destroyed') {
          lost('视频房间已关闭');
        }
        if (jsep) publisher?.handleRemoteJsep({ jsep });
      },
      onlocaltrack: (track, on) => {
        if (ticket !== generation) return;
        if (!localStream) localStream = new MediaStream();
        if (on && track.kind) {
          for (const old of localStream.getTracks().filter((t) => t.kind === track.kind)) localStream.removeTrack(old);
          localStream.addTrack(track);
          if (track.kind === 'audio') track.enabled = !audioMuted;
        } else if (!on) {
          localStream.getTracks().filter((t) => t.id === track.id).forEach((t) => localStream.removeTrack(t));
        }
        onLocal?.(localStream);
      },
      onremotetrack: () => {},
      oncleanup: () => {},
    });
  }

  function publishCamera(ticket) {
    const publish = (tracks, withVideo) => publisher.createOffer({
      tracks,
      success: (jsep) => {
        if (ticket !== generation) return;
        publisher.send({ message: { request: 'configure', audio: true, video: withVideo }, jsep });
      },
      error: (error) => {
        if (ticket !== generation) return;
        if (withVideo) {
          // No camera (or it is in use): publish the voice alone rather than nothing.
          publish([{ type: 'audio', capture: true, recv: false }], false);
          status('connected', '未能打开摄像头，仅发送声音');
        } else {
          status('error', `无法打开摄像头和麦克风：${error?.message ?? error}。请检查浏览器的摄像头、麦克风权限。`);
        }
      },
    });
    publish([{ type: 'audio', capture: true, recv: false }, { type: 'video', capture: true, recv: false }], true);
  }

  function subscribeAll(list, ticket) {
    for (const p of list ?? []) {
      if (p.id === myId || p.id === screenId || feeds.has(p.id) || p.dummy) continue;
      subscribe(p, ticket);
    }
  }

  function subscribe(publisherInfo, ticket) {
    const feed = { id: publisherInfo.id, display: publisherInfo.display ?? '', handle: null, stream: new MediaStream(), screen: false };
    feed.screen = feed.display.endsWith(SCREEN_SUFFIX);
    feeds.set(feed.id, feed);
    janus.attach({
      plugin: 'janus.plugin.videoroom',
      opaqueId: `jianwu-${Janus.randomString(8)}`,
      success: (handle) => {
        if (ticket !== generation) { handle.detach(); return; }
        feed.handle = handle;
        handle.send({ message: { request: 'join', room: grant.room, ptype: 'subscriber', streams: [{ feed: feed.id }], token: grant.roomToken } });
      },
      error: () => { feeds.delete(feed.id); emitFeeds(); },
      onmessage: (message, jsep) => {
        if (ticket !== generation) return;
        if (message.error_code) { feeds.delete(feed.id); emitFeeds(); return; }
        if (jsep) {
          feed.handle.createAnswer({
            jsep,
            tracks: [{ type: 'data' }],
            success: (answer) => feed.handle.send({ message: { request: 'start', room: grant.room }, jsep: answer }),
            error: () => {},
          });
        }
      },
      onremotetrack: (track, mid, on) => {
        if (ticket !== generation) return;
        for (const old of feed.stream.getTracks().filter((t) => t.kind === track.kind || t.id === track.id)) feed.stream.removeTrack(old);
        if (on) feed.stream.addTrack(track);
        emitFeeds();
      },
      oncleanup: () => {},
    });
  }

  function dropFeed(id) {
    const feed = feeds.get(id);
    if (!feed) return;
    feeds.delete(id);
    try { feed.handle?.detach(); } catch { /* already gone */ }
    emitFeeds();
  }

  // ICE "disconnected" may heal by itself within a few seconds; "failed" never does.
  let iceTimer = null;
  function watchIce(state, ticket) {
    if (ticket !== generation) return;
    clearTimeout(iceTimer);
    if (state === 'failed') lost('网络中断');
    else if (state === 'disconnected') iceTimer = setTimeout(() => { if (ticket === generation) lost('网络中断'); }, 4000);
  }

  function teardown() {
    clearTimeout(iceTimer);
    last.stalledSince = null;
    generation += 1;
    const old = janus;
    janus = null;
    publisher = null;
    screen = null;
    screenId = null;
    myId = null;
    for (const feed of feeds.values()) feed.stream.getTracks().forEach((t) => feed.stream.removeTrack(t));
    feeds.clear();
    emitFeeds();
    if (localStream) {
      localStream.getTracks().forEach((t) => t.stop());
      localStream = null;
      onLocal?.(null);
    }
    onScreen?.(false);
    // unload: one beacon, no waiting on a Janus that may be gone; handles and peer connections are closed here.
    try { old?.destroy({ unload: true, cleanupHandles: true, notifyDestroyed: false }); } catch { /* nothing to destroy */ }
  }

  function lost(reason) {
    if (stopped) return;
    teardown();
    status('reconnecting', `${reason}，正在重新连接……`);
    scheduleRetry();
  }

  function scheduleRetry() {
    clearTimeout(retryTimer);
    if (stopped) return;
    const delay = BACKOFF_S[Math.min(attempt, BACKOFF_S.length - 1)];
    attempt += 1;
    retryTimer = setTimeout(connect, delay * 1000);
  }

  // Quality: bitrate both ways, packet loss and round-trip time, from the peer connections' getStats.
  async function sample() {
    if (!publisher && feeds.size === 0) return;
    let sent = 0;
    let framesSent = 0;
    let rtt = null;
    let received = 0;
    let lostPackets = 0;
    let packets = 0;
    let framesDecoded = 0;
    const pcs = [publisher?.webrtcStuff?.pc, ...[...feeds.values()].map((f) => f.handle?.webrtcStuff?.pc)].filter(Boolean);
    for (const [i, pc] of pcs.entries()) {
      let report;
      try { report = await pc.getStats(); } catch { continue; }
      report.forEach((s) => {
        if (s.type === 'outbound-rtp') { sent += s.bytesSent ?? 0; if (s.kind === 'video') framesSent += s.framesEncoded ?? 0; }
        if (s.type === 'remote-inbound-rtp' && s.roundTripTime !== undefined) rtt = Math.max(rtt ?? 0, s.roundTripTime * 1000);
        if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded' && s.currentRoundTripTime !== undefined && i > 0) {
          rtt = Math.max(rtt ?? 0, s.currentRoundTripTime * 1000);
        }
        if (s.type === 'inbound-rtp') {
          received += s.bytesReceived ?? 0;
          lostPackets += Math.max(0, s.packetsLost ?? 0);
          packets += s.packetsReceived ?? 0;
          if (s.kind === 'video') framesDecoded += s.framesDecoded ?? 0;
        }
      });
    }
    const now = performance.now();
    const seconds = last.at ? (now - last.at) / 1000 : 0;
    const sendKbps = seconds ? Math.max(0, ((sent - last.sent) * 8) / 1000 / seconds) : 0;
    const receiveKbps = seconds ? Math.max(0, ((received - last.received) * 8) / 1000 / seconds) : 0;
    const newPackets = packets - last.packets + (lostPackets - last.lost);
    const lossPercent = newPackets > 0 ? Math.max(0, ((lostPackets - last.lost) / newPackets) * 100) : 0;
    // A connection that stopped moving bytes both ways for 10 s is as good as gone (e.g. Janus was killed).
    const moving = sent !== last.sent || received !== last.received;
    if (seconds && !moving && connectedOnce && janus) {
      last.stalledSince ??= now;
      if (now - last.stalledSince > 10_000) { last.stalledSince = null; lost('媒体数据中断'); }
    } else {
      last.stalledSince = null;
    }
    Object.assign(last, { at: now, sent, received, lost: lostPackets, packets });
    const level = !seconds ? 'unknown' : lossPercent > 8 || (rtt ?? 0) > 600 ? 'poor' : lossPercent > 2 || (rtt ?? 0) > 250 ? 'fair' : 'good';
    onStats?.({ sendKbps, receiveKbps, lossPercent, rttMs: rtt, framesDecoded, framesSent, level });
  }

  /** Screen sharing as a second publisher, so the other side sees the camera and the evidence at once. */
  function startScreenShare() {
    if (!janus || screen) return;
    const ticket = generation;
    janus.attach({
      plugin: 'janus.plugin.videoroom',
      opaqueId: `jianwu-screen-${Janus.randomString(8)}`,
      success: (handle) => {
        if (ticket !== generation) { handle.detach(); return; }
        screen = handle;
        handle.send({ message: { request: 'join', room: grant.room, ptype: 'publisher', display: `${grant.display}${SCREEN_SUFFIX}`, token: grant.roomToken } });
      },
      error: () => { screen = null; onScreen?.(false); },
      onmessage: (message, jsep) => {
        if (ticket !== generation) return;
        if (message.videoroom === 'joined') {
          screenId = message.id;
          handle().createOffer({
            tracks: [{ type: 'screen', capture: true, recv: false }],
            success: (offer) => handle().send({ message: { request: 'configure', audio: false, video: true }, jsep: offer }),
            error: () => stopScreenShare(),
          });
        }
        if (jsep) handle()?.handleRemoteJsep({ jsep });
      },
      onlocaltrack: (track, on) => {
        if (on) {
          onScreen?.(true);
          track.addEventListener('ended', () => stopScreenShare());
        }
      },
      oncleanup: () => {},
    });
    function handle() { return screen; }
  }

  function stopScreenShare() {
    const handle = screen;
    screen = null;
    screenId = null;
    onScreen?.(false);
    if (!handle) return;
    try {
      handle.send({ message: { request: 'leave' } });
      handle.hangup();
      handle.detach();
    } catch { /* gone with the session */ }
  }

  function toggleMute() {
    audioMuted = !audioMuted;
    localStream?.getAudioTracks().forEach((t) => { t.enabled = !audioMuted; });
    return audioMuted;
  }

  /** The next camera, swapped into the running call (no renegotiation). */
  async function switchCamera() {
    const cameras = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
    if (cameras.length < 2 || !publisher?.webrtcStuff?.pc) return false;
    cameraIndex = (cameraIndex + 1) % cameras.length;
    const media = await navigator.mediaDevices.getUserMedia({ video: { deviceId: { exact: cameras[cameraIndex].deviceId } } });
    const track = media.getVideoTracks()[0];
    const sender = publisher.webrtcStuff.pc.getSenders().find((s) => s.track?.kind === 'video');
    if (!sender) { track.stop(); return false; }
    const old = sender.track;
    await sender.replaceTrack(track);
    old?.stop();
    if (localStream) {
      localStream.getVideoTracks().forEach((t) => localStream.removeTrack(t));
      localStream.addTrack(track);
      onLocal?.(localStream);
    }
    return true;
  }

  function stop() {
    stopped = true;
    clearTimeout(retryTimer);
    clearInterval(statsTimer);
    teardown();
  }

  statsTimer = setInterval(sample, 2000);
  return {
    start, stop, toggleMute, switchCamera, startScreenShare, stopScreenShare,
    get muted() { return audioMuted; },
    get sharing() { return Boolean(screen); },
    /** Forces a reconnect now (the 重新连接 button). */
    reconnect() { attempt = 0; teardown(); connect(); },
  };
}

/** Whether the browser can send and receive video at all (WebRTC and a camera API). */
export function webrtcSupported() {
  return Boolean(window.RTCPeerConnection && navigator.mediaDevices?.getUserMedia);
}

/** Whether the browser can share a screen (desktop browsers; not phones). */
export function screenShareSupported() {
  return Boolean(navigator.mediaDevices?.getDisplayMedia);
}
