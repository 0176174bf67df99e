// A signature pad: a canvas drawn on with pointer events (mouse, pen and touch alike), 清除 to start again, and the
// result as a PNG in Base64 for the API. The canvas keeps a white background so the PNG prints as signed on paper.
import { h } from '../dom.js';
import { icon } from '../icons.js';

/**
 * signaturePad({ label, id, width, height, lineWidth, hint }) →
 * { element, canvas, isEmpty(), clear(), toBase64(), onChange(fn) }
 */
export function signaturePad({ label = '签名', id, width = 600, height = 240, lineWidth = 3, hint = '请用手指、手写笔或鼠标在框内签名' } = {}) {
  const canvas = h('canvas', {
    class: 'signature-canvas', id, width: String(width), height: String(height), role: 'img', 'aria-label': `${label}区域`,
  });
  const context = canvas.getContext('2d');
  let strokes = 0;
  let drawing = null;
  const listeners = new Set();

  const paintBackground = () => {
    context.save();
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.restore();
  };
  paintBackground();

  const point = (event) => {
    const rect = canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) / rect.width) * canvas.width,
      y: ((event.clientY - rect.top) / rect.height) * canvas.height,
    };
  };
  const changed = () => { for (const fn of listeners) fn(strokes > 0); };

  canvas.addEventListener('pointerdown', (event) => {
    if (event.button !== undefined && event.button > 0) return;
    event.preventDefault();
    canvas.setPointerCapture?.(event.pointerId);
    drawing = { id: event.pointerId, last: point(event) };
    context.fillStyle = '#111827';
    context.beginPath();
    context.arc(drawing.last.x, drawing.last.y, lineWidth / 2, 0, Math.PI * 2);
    context.fill();
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!drawing || event.pointerId !== drawing.id) return;
    event.preventDefault();
    const next = point(event);
    // Pens report pressure; mice and most fingers report 0.5.
    const pressure = event.pressure && event.pointerType === 'pen' ? 0.6 + event.pressure : 1;
    context.strokeStyle = '#111827';
    context.lineWidth = lineWidth * pressure;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.beginPath();
    context.moveTo(drawing.last.x, drawing.last.y);
    context.lineTo(next.x, next.y);
    context.stroke();
    drawing.last = next;
  });
  const finish = (event) => {
    if (!drawing || event.pointerId !== drawing.id) return;
    drawing = null;
    strokes += 1;
    changed();
  };
  canvas.addEventListener('pointerup', finish);
  canvas.addEventListener('pointercancel', finish);

  const clearButton = h('button', { type: 'button', class: 'btn signature-clear', onclick: () => api.clear() }, icon('refresh'), '清除重签');
  const element = h('div', { class: 'signature-pad' },
    h('div', { class: 'signature-label', text: label }),
    h('div', { class: 'signature-frame' }, canvas, h('span', { class: 'signature-baseline', 'aria-hidden': 'true' })),
    h('div', { class: 'signature-tools' }, h('span', { class: 'subtle', text: hint }), clearButton));

  const api = {
    element,
    canvas,
    isEmpty: () => strokes === 0,
    clear() {
      context.clearRect(0, 0, canvas.width, canvas.height);
      paintBackground();
      strokes = 0;
      changed();
    },
    /** Draws an image (an uploaded fingerprint) scaled into the pad. */
    drawImage(image) {
      api.clear();
      const scale = Math.min(canvas.width / image.width, canvas.height / image.height);
      const w = image.width * scale;
      const hgt = image.height * scale;
      context.drawImage(image, (canvas.width - w) / 2, (canvas.height - hgt) / 2, w, hgt);
      strokes = 1;
      changed();
    },
    toBase64: () => canvas.toDataURL('image/png').split(',')[1],
    onChange(fn) { listeners.add(fn); return () => listeners.delete(fn); },
  };
  return api;
}
