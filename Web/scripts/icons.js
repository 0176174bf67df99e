// Inline SVG icons (24×24, stroked with currentColor). No icon fonts, nothing loaded from outside.

const NS = 'http://www.w3.org/2000/svg';

// Each icon is a list of [element, attributes] drawn with the current text colour.
const ICONS = {
  mic: [['rect', { x: 9, y: 3, width: 6, height: 11, rx: 3 }], ['path', { d: 'M5 11a7 7 0 0 0 14 0M12 18v3' }]],
  camera: [['path', { d: 'M3 8h4l2-3h6l2 3h4v11H3z' }], ['circle', { cx: 12, cy: 13, r: 3.5 }]],
  screen: [['rect', { x: 3, y: 4, width: 18, height: 12, rx: 1 }], ['path', { d: 'M8 20h8M12 16v4M12 13V7M9 10l3-3 3 3' }]],
  fingerprint: [['path', { d: 'M6 18c1.5-2 2-4 2-7a4 4 0 0 1 8 0c0 3-.5 6-2 9' }], ['path', { d: 'M12 11c0 4-1 7-3 9M4 14c.5-1 1-2 1-4a7 7 0 0 1 14 0c0 2 0 3-.5 5' }]],
  menu: [['path', { d: 'M4 6h16M4 12h16M4 18h16' }]],
  bell: [['path', { d: 'M18 16v-5a6 6 0 0 0-12 0v5l-2 2h16z' }], ['path', { d: 'M10 20.5a2 2 0 0 0 4 0' }]],
  user: [['circle', { cx: 12, cy: 8, r: 4 }], ['path', { d: 'M4 21c0-4 3.6-6 8-6s8 2 8 6' }]],
  users: [['circle', { cx: 9, cy: 8, r: 3.5 }], ['path', { d: 'M2.5 20c0-3.5 3-5.5 6.5-5.5s6.5 2 6.5 5.5' }],
    ['path', { d: 'M15.5 4.6a3.5 3.5 0 0 1 0 6.8M18 14.8c2.2.7 3.5 2.4 3.5 5.2' }]],
  organisation: [['rect', { x: 9, y: 3, width: 6, height: 5, rx: 1 }], ['rect', { x: 3, y: 16, width: 6, height: 5, rx: 1 }],
    ['rect', { x: 15, y: 16, width: 6, height: 5, rx: 1 }], ['path', { d: 'M12 8v4M6 16v-4h12v4' }]],
  audit: [['path', { d: 'M6 3h9l4 4v14H6z' }], ['path', { d: 'M14 3v5h5M9 12h7M9 16h5' }]],
  dashboard: [['rect', { x: 3, y: 3, width: 8, height: 8, rx: 1 }], ['rect', { x: 13, y: 3, width: 8, height: 5, rx: 1 }],
    ['rect', { x: 13, y: 10, width: 8, height: 11, rx: 1 }], ['rect', { x: 3, y: 13, width: 8, height: 8, rx: 1 }]],
  settings: [['path', { d: 'M4 7h9M17 7h3M4 17h3M11 17h9' }], ['circle', { cx: 15, cy: 7, r: 2 }], ['circle', { cx: 9, cy: 17, r: 2 }]],
  logout: [['path', { d: 'M9 4H5v16h4M16 8l4 4-4 4M20 12H9' }]],
  devices: [['rect', { x: 2, y: 4, width: 14, height: 10, rx: 1 }], ['path', { d: 'M6 18h6M9 14v4' }],
    ['rect', { x: 17, y: 8, width: 5, height: 11, rx: 1 }]],
  search: [['circle', { cx: 11, cy: 11, r: 6.5 }], ['path', { d: 'M20 20l-4.4-4.4' }]],
  chevronDown: [['path', { d: 'M6 9l6 6 6-6' }]],
  chevronRight: [['path', { d: 'M9 6l6 6-6 6' }]],
  chevronLeft: [['path', { d: 'M15 6l-6 6 6 6' }]],
  close: [['path', { d: 'M6 6l12 12M18 6L6 18' }]],
  plus: [['path', { d: 'M12 5v14M5 12h14' }]],
  checkCircle: [['circle', { cx: 12, cy: 12, r: 9 }], ['path', { d: 'M8 12.5l2.8 2.8L16 9.5' }]],
  alertCircle: [['circle', { cx: 12, cy: 12, r: 9 }], ['path', { d: 'M12 7.5v6M12 16.5v.5' }]],
  info: [['circle', { cx: 12, cy: 12, r: 9 }], ['path', { d: 'M12 11v6M12 7.5v.5' }]],
  warning: [['path', { d: 'M12 3.5l9.5 16.5h-19z' }], ['path', { d: 'M12 10v4.5M12 17v.5' }]],
  eye: [['path', { d: 'M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z' }], ['circle', { cx: 12, cy: 12, r: 3 }]],
  building: [['path', { d: 'M4 21V9l8-5 8 5v12M3 21h18M9 21v-5h6v5M8 11h.01M12 11h.01M16 11h.01' }]],
  key: [['circle', { cx: 8, cy: 15, r: 4 }], ['path', { d: 'M11 12l9-9M17 6l3 3M14.5 8.5l2 2' }]],
  phone: [['rect', { x: 7, y: 2.5, width: 10, height: 19, rx: 2 }], ['path', { d: 'M11 18h2' }]],
  refresh: [['path', { d: 'M20 12a8 8 0 1 1-2.3-5.7M20 4v5h-5' }]],
  inbox: [['path', { d: 'M3 13l3-8h12l3 8v6H3z' }], ['path', { d: 'M3 13h5l1.5 3h5l1.5-3h5' }]],
  edit: [['path', { d: 'M4 20h4L19 9l-4-4L4 16z' }], ['path', { d: 'M13.5 6.5l4 4' }]],
  trash: [['path', { d: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6' }]],
  lock: [['rect', { x: 5, y: 11, width: 14, height: 10, rx: 1.5 }], ['path', { d: 'M8 11V8a4 4 0 0 1 8 0v3' }]],
  activity: [['path', { d: 'M3 12h4l3-8 4 16 3-8h4' }]],
  clock: [['circle', { cx: 12, cy: 12, r: 9 }], ['path', { d: 'M12 7v5l3 2' }]],
  shield: [['path', { d: 'M12 3l8 3v6c0 4.5-3.3 8-8 9.5-4.7-1.5-8-5-8-9.5V6z' }], ['path', { d: 'M9 12l2 2 4-4' }]],
  folder: [['path', { d: 'M3 6a1 1 0 0 1 1-1h5l2 2h9a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z' }]],
  video: [['rect', { x: 3, y: 6, width: 13, height: 12, rx: 1.5 }], ['path', { d: 'M16 10l5-3v10l-5-3' }]],
  book: [['path', { d: 'M4 5a2 2 0 0 1 2-2h14v16H6a2 2 0 0 0-2 2zM4 21V5M8 7h8' }]],
  calendar: [['rect', { x: 3.5, y: 5, width: 17, height: 15.5, rx: 1.5 }], ['path', { d: 'M3.5 10h17M8 3v4M16 3v4M7.5 14h2M11 14h2M14.5 14h2M7.5 17.5h2M11 17.5h2' }]],
  alarm: [['circle', { cx: 12, cy: 13, r: 7.5 }], ['path', { d: 'M12 9v4.5l2.5 1.5M4 4.5l3-2M20 4.5l-3-2' }]],
  upload: [['path', { d: 'M12 16V4M7 9l5-5 5 5M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4' }]],
  download: [['path', { d: 'M12 4v12M7 11l5 5 5-5M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4' }]],
  file: [['path', { d: 'M6 3h8l5 5v13H6z' }], ['path', { d: 'M13.5 3v5.5H19' }]],
  image: [['rect', { x: 3.5, y: 4.5, width: 17, height: 15, rx: 1.5 }], ['circle', { cx: 9, cy: 10, r: 1.8 }], ['path', { d: 'M4 18l5-5 4 4 3-3 4 4' }]],
  arrowUp: [['path', { d: 'M12 19V5M6 11l6-6 6 6' }]],
  arrowDown: [['path', { d: 'M12 5v14M6 13l6 6 6-6' }]],
  external: [['path', { d: 'M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5' }]],
  scale: [['path', { d: 'M12 4v16M7 20h10M5 7h14' }], ['path', { d: 'M5 7l-2.5 6a2.5 2.5 0 0 0 5 0zM19 7l-2.5 6a2.5 2.5 0 0 0 5 0z' }]],
  flow: [['circle', { cx: 6, cy: 6, r: 2.5 }], ['circle', { cx: 18, cy: 12, r: 2.5 }], ['circle', { cx: 6, cy: 18, r: 2.5 }], ['path', { d: 'M8.5 6H12a3 3 0 0 1 3 3v.5M8.5 18H12a3 3 0 0 0 3-3v-.5' }]],
  userPlus: [['circle', { cx: 10, cy: 8, r: 4 }], ['path', { d: 'M3 21c0-4 3.2-6 7-6 1.6 0 3 .3 4.2 1M19 14v6M16 17h6' }]],
  link: [['path', { d: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1' }]],
  check: [['path', { d: 'M5 12.5l4.5 4.5L19 7.5' }]],
  copy: [['rect', { x: 8, y: 8, width: 12, height: 12, rx: 1.5 }], ['path', { d: 'M16 8V5a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3' }]],
};

/** An inline SVG icon. Decorative (aria-hidden) unless a label is given. */
export function icon(name, { label, className } = {}) {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '1.8');
  svg.setAttribute('stroke-linecap', 'round');
  svg.setAttribute('stroke-linejoin', 'round');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  if (className) svg.setAttribute('class', className);
  if (label) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
  } else {
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
  }
  for (const [tag, attributes] of ICONS[name] ?? ICONS.info) {
    const part = document.createElementNS(NS, tag);
    for (const [key, value] of Object.entries(attributes)) part.setAttribute(key, String(value));
    svg.append(part);
  }
  return svg;
}

/** The product emblem: a shield with a balance, drawn in white and gold for the dark top bar. */
export function emblem() {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 32 32');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const parts = [
    ['path', { d: 'M16 2.5l11 4v8.3c0 6.6-4.6 12-11 14.7C9.6 26.8 5 21.4 5 14.8V6.5z', fill: '#1f4e99', stroke: '#e8c46a', 'stroke-width': '1.6' }],
    ['path', { d: 'M16 9v13M11.5 11.5h9M10 22h12', stroke: '#ffffff', 'stroke-width': '1.6', 'stroke-linecap': 'round', fill: 'none' }],
    ['path', { d: 'M11.5 11.5l-2.5 5h5zM20.5 11.5l-2.5 5h5z', stroke: '#ffffff', 'stroke-width': '1.3', 'stroke-linejoin': 'round', fill: 'none' }],
    ['circle', { cx: 16, cy: 7.6, r: 1.2, fill: '#e8c46a' }],
  ];
  for (const [tag, attributes] of parts) {
    const part = document.createElementNS(NS, tag);
    for (const [key, value] of Object.entries(attributes)) part.setAttribute(key, value);
    svg.append(part);
  }
  return svg;
}
