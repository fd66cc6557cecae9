// Talks to the communique JSON API (docs/serve.md) and turns its byte offsets into page text.

export class ApiError extends Error {}

export async function api(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') qs.append(k, String(v));
  }
  const url = qs.toString() ? `${path}?${qs}` : path;
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`${path}: the server answered ${res.status} without JSON`);
  }
  if (!res.ok) throw new ApiError(body && body.error ? body.error : `${path}: status ${res.status}`);
  return body;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Splits `text` at UTF-8 byte spans [{begin, end, role}] (sorted, not overlapping) into pieces
// [{text, role}] where role is null outside every span. The API counts bytes; JavaScript
// strings count UTF-16 units, so the cut happens on the encoded bytes.
export function splitBytes(text, spans, base = 0) {
  const bytes = encoder.encode(text);
  const pieces = [];
  let at = 0;
  for (const s of spans) {
    const b = s.begin - base;
    const e = s.end - base;
    if (b < at || e > bytes.length || e <= b) continue;
    if (b > at) pieces.push({ text: decoder.decode(bytes.subarray(at, b)), role: null });
    pieces.push({ text: decoder.decode(bytes.subarray(b, e)), role: s.role, span: s });
    at = e;
  }
  if (at < bytes.length) pieces.push({ text: decoder.decode(bytes.subarray(at)), role: null });
  return pieces;
}

// Builds an element: el('td', {class: 'num'}, 'text', child, ...). Text is always text, never HTML.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export const QUADS = {
  1: { name: 'Verbal cooperation', color: '#6aa84f' },
  2: { name: 'Material cooperation', color: '#1f6f3f' },
  3: { name: 'Verbal conflict', color: '#e69138' },
  4: { name: 'Material conflict', color: '#b22222' },
};

// Goldstein -10 (red) .. 0 (grey) .. +10 (green), for dyad edges and table cells.
export function goldsteinColor(g) {
  const t = Math.max(-1, Math.min(1, (g || 0) / 10));
  const grey = [150, 150, 150];
  const end = t < 0 ? [200, 40, 40] : [30, 130, 70];
  const k = Math.abs(t);
  const c = grey.map((v, i) => Math.round(v + (end[i] - v) * k));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

export function actorLabel(a) {
  if (!a || !a.code) return '—';
  return a.name ? `${a.name} (${a.code})` : a.code;
}
