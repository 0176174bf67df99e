// 电子卷宗 on the case page: the files by volume and order with their SM3 digest and size, upload (the File itself
// as the request body, its type as Content-Type), 上移/下移, download (?download=1) and a preview beside the list.
//
// The preview reads the file once (an audited 查阅) and shows images in the page. PDFs are shown in an <iframe>
// when the file's response allows same-origin framing (the server sends X-Frame-Options: SAMEORIGIN for case files);
// otherwise the preview shows the document's pages, size and digest with 在新窗口中打开.
import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { api } from '../api.js';
import { whileBusy } from '../components/button.js';
import { field, createForm } from '../components/form.js';
import { toast } from '../components/toast.js';
import { byteSize, formatDateTime } from '../format.js';

const TYPES = { 'application/pdf': 'PDF', 'image/png': 'PNG 图片', 'image/jpeg': 'JPEG 图片' };
const MAX_BYTES = 50 * 1024 * 1024;
const selections = new Map(); // case id → the file shown in the preview, kept across re-renders
let lastRead = null; // { fileId, status, type, served, blob }: a re-render does not read (and audit) the file again

export function renderDossier(panel, view) {
  const { detail, manage } = view;
  const caseId = view.id;
  const files = [...detail.files].sort((a, b) => a.volume - b.volume || a.position - b.position);
  const volumes = [...new Set(files.map((f) => f.volume))];
  const preview = h('section', { class: 'file-preview', id: 'file-preview', 'aria-label': '材料预览', 'aria-live': 'polite' });
  let previewTicket = 0;
  let objectUrl = null;

  replaceChildren(panel,
    h('div', { class: 'panel-header' }, h('h2', { class: 'panel-title', text: '电子卷宗' }),
      h('span', { class: 'subtle', text: files.length ? `共 ${volumes.length} 卷 ${files.length} 份材料` : '' })),
    manage ? uploadForm() : null,
    files.length === 0
      ? h('div', { class: 'state' }, icon('folder'), h('div', { class: 'state-title', text: '卷宗中还没有材料' }),
        h('div', { text: manage ? '上传 PDF 或 PNG、JPEG 图片，系统记录 SM3 摘要以防篡改。' : '承办人员上传的卷宗材料会显示在这里。' }))
      : h('div', { class: 'dossier-layout' },
        h('div', { class: 'dossier-list', id: 'dossier-list' }, volumes.map((volume) => volumeBlock(volume, files.filter((f) => f.volume === volume)))),
        preview));

  const selected = files.find((f) => f.id === selections.get(caseId));
  if (selected) showPreview(selected); else if (files.length) emptyPreview();

  function fileUrl(file, download = false) {
    return `/api/cases/${encodeURIComponent(caseId)}/files/${encodeURIComponent(file.id)}${download ? '?download=1' : ''}`;
  }

  function volumeBlock(volume, list) {
    return h('section', { class: 'volume', 'aria-labelledby': `volume-${volume}` },
      h('h3', { class: 'volume-title', id: `volume-${volume}` }, `第 ${volume} 卷`, h('span', { class: 'subtle', text: `${list.length} 份` })),
      h('table', { class: 'table compact responsive file-table' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', class: 'num', text: '序号' }), h('th', { scope: 'col', text: '材料名称' }),
          h('th', { scope: 'col', class: 'col-secondary', text: '大小' }), h('th', { scope: 'col', text: 'SM3 摘要' }),
          h('th', { scope: 'col', class: 'actions', text: '操作' }))),
        h('tbody', {}, list.map((file, i) => fileRow(file, i, list)))));
  }

  function fileRow(file, index, list) {
    const current = selections.get(caseId) === file.id;
    const kindIcon = file.contentType === 'application/pdf' ? 'file' : 'image';
    const actions = [
      h('button', { type: 'button', class: 'btn-link file-preview-button', 'aria-label': `预览 ${file.title}`, onclick: () => showPreview(file) }, icon('eye'), '预览'),
      h('a', { class: 'btn-link', href: fileUrl(file, true), 'aria-label': `下载 ${file.title}`, download: '' }, icon('download'), '下载'),
    ];
    if (manage) {
      actions.push(
        h('button', { type: 'button', class: 'btn-link icon-only', 'aria-label': `上移 ${file.title}`, title: '上移', disabled: index === 0, onclick: (e) => move(file, -1, e.currentTarget) }, icon('arrowUp')),
        h('button', { type: 'button', class: 'btn-link icon-only', 'aria-label': `下移 ${file.title}`, title: '下移', disabled: index === list.length - 1, onclick: (e) => move(file, 1, e.currentTarget) }, icon('arrowDown')));
    }
    return h('tr', { class: current ? 'selected' : null, dataset: { fileId: file.id, position: String(file.position) } },
      h('td', { 'data-label': '序号', class: 'num', text: String(file.position) }),
      h('td', { 'data-label': '材料名称' }, h('span', { class: 'file-name' }, icon(kindIcon), h('span', { class: 'file-title', text: file.title })),
        h('span', { class: 'cell-sub', text: `${TYPES[file.contentType] ?? file.contentType} · ${formatDateTime(file.uploadedAt)}` })),
      h('td', { 'data-label': '大小', class: 'col-secondary nowrap', text: byteSize(file.byteCount) }),
      h('td', { 'data-label': 'SM3 摘要' }, h('span', { class: 'mono digest', title: file.sm3, text: `${file.sm3.slice(0, 12)}…` })),
      h('td', { class: 'actions' }, actions));
  }

  async function move(file, step, button) {
    try {
      const answer = await whileBusy(button, () => api.patch(fileUrl(file), { volume: file.volume, position: file.position + step }));
      toast(`已${step < 0 ? '上移' : '下移'}“${file.title}”`);
      view.update({ ...view.detail, files: answer.items });
      // Keep the keyboard where it was: on the same button of the moved file.
      const label = `${step < 0 ? '上移' : '下移'} ${file.title}`;
      const again = document.querySelector(`#dossier-list button[aria-label="${CSS.escape(label)}"]`);
      if (again && !again.disabled) again.focus(); else document.querySelector(`#dossier-list tr[data-file-id="${CSS.escape(file.id)}"] .file-preview-button`)?.focus();
    } catch (error) {
      toast(`调整顺序失败：${error.detail}`, { type: 'error' });
    }
  }

  function emptyPreview() {
    replaceChildren(preview, h('div', { class: 'state' }, icon('eye'), h('div', { class: 'state-title', text: '选择一份材料进行预览' }),
      h('div', { text: '点击列表中的“预览”，在此查看材料内容和 SM3 摘要。' })));
  }

  async function showPreview(file) {
    const ticket = ++previewTicket;
    selections.set(caseId, file.id);
    for (const tr of panel.querySelectorAll('#dossier-list tr[data-file-id]')) tr.classList.toggle('selected', tr.dataset.fileId === file.id);
    if (objectUrl) { URL.revokeObjectURL(objectUrl); objectUrl = null; }
    const url = fileUrl(file);
    const content = h('div', { class: 'preview-content' }, h('div', { class: 'preview-loading', role: 'status' },
      h('span', { class: 'spinner', 'aria-hidden': 'true' }), '正在读取材料……'));
    replaceChildren(preview,
      h('div', { class: 'preview-header' },
        h('h3', { class: 'preview-title', id: 'preview-title', text: file.title }),
        h('div', { class: 'btn-group' },
          h('a', { class: 'btn btn-small', href: url, target: '_blank', rel: 'noopener', id: 'preview-open' }, icon('external'), '在新窗口中打开'),
          h('a', { class: 'btn btn-small', href: fileUrl(file, true), download: '', id: 'preview-download' }, icon('download'), '下载'))),
      content,
      h('dl', { class: 'preview-meta' },
        metaItem('类型', TYPES[file.contentType] ?? file.contentType),
        metaItem('大小', `${byteSize(file.byteCount)}（${file.byteCount.toLocaleString('zh-CN')} 字节）`),
        metaItem('位置', `第 ${file.volume} 卷第 ${file.position} 份`),
        metaItem('上传时间', formatDateTime(file.uploadedAt)),
        metaItem('SM3 摘要', h('span', { class: 'mono digest-full', id: 'preview-sm3', text: file.sm3 }))));
    preview.dataset.fileId = file.id;
    delete preview.dataset.status;
    delete preview.dataset.contentType;

    let read = lastRead?.fileId === file.id ? lastRead : null;
    if (!read) {
      let response;
      try {
        response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
      } catch {
        response = null;
      }
      if (ticket !== previewTicket) return;
      if (!response || !response.ok) {
        let detail = '无法读取材料，请稍后重试。';
        try { detail = (await response.json()).detail ?? detail; } catch { /* keep the default */ }
        replaceChildren(content, h('div', { class: 'alert alert-error', role: 'alert' }, icon('alertCircle'), h('div', { class: 'alert-body', text: detail })));
        if (response?.status === 401) api.get('/api/auth/session').catch(() => {});
        return;
      }
      read = {
        fileId: file.id, status: response.status, type: (response.headers.get('Content-Type') ?? '').split(';')[0].trim(),
        served: response.headers.get('X-Content-SM3'), framable: framable(response.headers), blob: await response.blob(),
      };
      lastRead = read;
      if (ticket !== previewTicket) return;
    }
    const { type, served, blob } = read;
    preview.dataset.status = String(read.status);
    preview.dataset.contentType = type;
    const check = served
      ? served.toLowerCase() === file.sm3.toLowerCase()
        ? h('span', { class: 'tag tag-success tag-dot', id: 'preview-integrity', text: '服务器已核验 SM3 摘要一致' })
        : h('span', { class: 'tag tag-danger tag-dot', id: 'preview-integrity', text: 'SM3 摘要与登记不一致' })
      : null;
    if (type.startsWith('image/')) {
      objectUrl = URL.createObjectURL(blob);
      replaceChildren(content, h('img', { class: 'preview-image', src: objectUrl, alt: file.title }), check);
    } else if (type === 'application/pdf' && read.framable) {
      replaceChildren(content, h('iframe', { class: 'preview-frame', src: url, title: `${file.title}（PDF）` }), check);
    } else {
      const pages = await countPdfPages(blob);
      if (ticket !== previewTicket) return;
      replaceChildren(content, h('div', { class: 'pdf-card' },
        h('div', { class: 'pdf-sheet', 'aria-hidden': 'true' }, icon('file'), h('span', { text: 'PDF' })),
        h('div', { class: 'pdf-card-body' },
          h('div', { class: 'pdf-card-title', text: file.title }),
          h('div', { class: 'muted', text: [pages ? `共 ${pages} 页` : null, byteSize(blob.size)].filter(Boolean).join(' · ') }),
          check,
          h('p', { class: 'subtle', text: 'PDF 材料在浏览器的阅读器中打开，可缩放、翻页和打印。' }),
          h('a', { class: 'btn btn-primary', href: url, target: '_blank', rel: 'noopener' }, icon('external'), '打开阅读'))));
    }
  }

  function uploadForm() {
    const title = field({
      name: 'title', label: '材料名称', required: true, id: 'file-title', maxlength: '100', autocomplete: 'off', placeholder: '如：提请批准逮捕书',
    });
    const volume = field({
      name: 'volume', label: '卷号', type: 'number', required: true, id: 'file-volume', value: String(Math.max(1, ...detail.files.map((f) => f.volume))),
      min: '1', step: '1', validate: (v) => (/^[1-9]\d*$/.test(v) ? null : '卷号须为正整数'),
    });
    const fileInput = h('input', { type: 'file', id: 'file-input', accept: 'application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg' });
    const chosenName = h('span', { class: 'file-picker-name', id: 'file-input-name', text: '未选择文件' });
    const file = field({
      name: 'file', label: '文件', required: true, id: 'file-input', control: fileInput, requiredMessage: '请选择要上传的文件',
      hint: 'PDF、PNG 或 JPEG，不超过 50 MB', validate: () => fileError(fileInput.files[0]),
    });
    // The visible button is a label for the (visually hidden) input: a click or Enter on the input opens the picker.
    const picker = h('div', { class: 'file-picker' });
    fileInput.replaceWith(picker);
    picker.append(fileInput, h('label', { class: 'btn', for: 'file-input', 'aria-hidden': 'true' }, icon('file'), '选择文件'), chosenName);
    fileInput.addEventListener('change', () => {
      const chosen = fileInput.files[0];
      chosenName.textContent = chosen ? `${chosen.name}（${byteSize(chosen.size)}）` : '未选择文件';
      chosenName.classList.toggle('chosen', Boolean(chosen));
      if (chosen && !title.value) title.value = chosen.name.replace(/\.[^.]+$/, '').slice(0, 100);
      file.check(form);
    });
    const form = createForm([title, volume, file]);
    const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'file-upload' }, icon('upload'), '上传');
    const element = h('form', { class: 'inline-form upload-form', novalidate: true, 'aria-label': '上传卷宗材料' },
      title.element, volume.element, file.element, h('div', { class: 'inline-form-actions' }, submit), h('div', { class: 'inline-form-alert' }, form.alert));
    element.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (submit.disabled || !form.validate()) return;
      const chosen = fileInput.files[0];
      try {
        const created = await whileBusy(submit, () => api.upload(`/api/cases/${encodeURIComponent(caseId)}/files`, chosen, {
          query: { title: title.value, volume: volume.value },
        }));
        toast(`已上传“${created.title}”`);
        selections.set(caseId, created.id);
        const answer = await api.get(`/api/cases/${encodeURIComponent(caseId)}/files`);
        view.update({ ...view.detail, files: answer.items });
      } catch (error) {
        form.showError(error.field === 'file' || error.status === 415 || error.status === 413 ? { ...error, field: 'file', detail: error.detail } : error);
      }
    });
    return h('div', { class: 'upload-area' }, element);
  }
}

function fileError(chosen) {
  if (!chosen) return null;
  if (!['application/pdf', 'image/png', 'image/jpeg'].includes(chosen.type)) return '只能上传 PDF、PNG 或 JPEG 文件';
  if (chosen.size === 0) return '文件是空的';
  if (chosen.size > MAX_BYTES) return '文件不能超过 50 MB';
  return null;
}

/** Whether a response may be shown in a same-origin frame (X-Frame-Options and CSP frame-ancestors). */
function framable(headers) {
  const xfo = (headers.get('X-Frame-Options') ?? '').toLowerCase();
  const csp = (headers.get('Content-Security-Policy') ?? '').toLowerCase();
  const ancestors = /frame-ancestors([^;]*)/.exec(csp)?.[1]?.trim();
  return xfo !== 'deny' && (!ancestors || ancestors.includes("'self'"));
}

/** Page objects in a PDF (0 when they sit in compressed object streams and cannot be counted cheaply). */
async function countPdfPages(blob) {
  try {
    const text = new TextDecoder('latin1').decode(await blob.slice(0, 8 * 1024 * 1024).arrayBuffer());
    return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  } catch {
    return 0;
  }
}

function metaItem(label, value) {
  return h('div', {}, h('dt', { text: label }), h('dd', {}, value));
}
