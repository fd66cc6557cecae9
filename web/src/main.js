// The communique page: filters, timeline, dyad network, event table with evidence, and the
// actor/organization profile. The filters live in the URL (after #) so a view can be shared.
import { api, el, splitBytes, QUADS, goldsteinColor, actorLabel } from './api.js';
import {
  drawTimeline, drawNetwork, drawMembership, resizeCharts, resizeNetwork, kindColor,
} from './charts.js';

const $ = (sel) => document.querySelector(sel);
const form = $('#filters');
const FILTERS = ['text', 'actor', 'country', 'dyad', 'cameo', 'plover', 'quad', 'from', 'to', 'outlet'];
const PAGE = 25;
const state = { offset: 0, sort: '-date', total: 0 };
const names = new Map();  // actor code -> most used name, learned from answers

function status(message, isError = false) {
  const s = $('#status');
  s.textContent = message;
  s.classList.toggle('error', isError);
}

function filters() {
  const data = new FormData(form);
  const f = {};
  for (const k of FILTERS) {
    const v = String(data.get(k) || '').trim();
    if (v) f[k] = v;
  }
  return f;
}

function setFilters(f) {
  for (const k of FILTERS) form.elements[k].value = f[k] || '';
}

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  const f = {};
  for (const k of FILTERS) if (p.get(k)) f[k] = p.get(k);
  return f;
}

function writeHash(f) {
  const p = new URLSearchParams(f);
  const h = p.toString();
  if (location.hash.slice(1) !== h) history.replaceState(null, '', h ? `#${h}` : location.pathname);
}

function learn(actor) {
  if (actor && actor.code && actor.name && !names.has(actor.code)) names.set(actor.code, actor.name);
}

// "CSTO", "Armenia" or "igoeurcsto" -> the code the store knows, so filters use codes.
async function resolveActor(value) {
  const upper = value.toUpperCase();
  if (!/^[A-Za-z0-9]+$/.test(value) || value !== upper) {
    const { actors } = await api('/api/actors', { q: value, limit: 5 });
    return actors.length ? actors[0].code : upper.replace(/[^A-Z0-9]/g, '');
  }
  const { actors } = await api('/api/actors', { q: value, limit: 10 });
  if (actors.some((a) => a.code === upper)) return upper;
  if (actors.some((a) => a.code.startsWith(upper))) return upper;  // a code prefix, e.g. "ARM"
  return actors.length ? actors[0].code : upper;
}

let suggestTimer = 0;
form.elements.actor.addEventListener('input', () => {
  clearTimeout(suggestTimer);
  const q = form.elements.actor.value.trim();
  if (q.length < 2) return;
  suggestTimer = setTimeout(async () => {
    try {
      const { actors } = await api('/api/actors', { q, limit: 8 });
      $('#actor-suggestions').replaceChildren(
        ...actors.map((a) => el('option', { value: a.code }, `${a.name || a.code} · ${a.events} events`)));
    } catch { /* suggestions are a convenience */ }
  }, 200);
});

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const actor = form.elements.actor.value.trim();
  if (actor) {
    try {
      form.elements.actor.value = await resolveActor(actor);
    } catch (e) {
      status(e.message, true);
      return;
    }
  }
  state.offset = 0;
  refresh();
});
form.addEventListener('reset', () => {
  setTimeout(() => { state.offset = 0; refresh(); }, 0);
});

function setFilter(k, v) {
  form.elements[k].value = v;
  if (k === 'actor' || k === 'dyad') {
    if (k === 'actor') form.elements.dyad.value = '';
    if (k === 'dyad') form.elements.actor.value = '';
  }
  state.offset = 0;
  refresh();
  window.scrollTo({ top: 0, behavior: 'smooth' });
}

// ------------------------------------------------------------------------------------------
// Event table

function renderEvents(answer) {
  const tbody = $('#events tbody');
  state.total = answer.total;
  $('#events-count').textContent = `${answer.total.toLocaleString()} match`;
  if (!answer.events.length) {
    tbody.replaceChildren(el('tr', {}, el('td', { colspan: 7, class: 'empty' }, 'No events match these filters.')));
  } else {
    tbody.replaceChildren(...answer.events.map((e) => {
      learn(e.source);
      learn(e.target);
      const open = () => openEvidence(e);
      return el('tr', {
        tabindex: 0,
        'data-event': e.id,
        onclick: open,
        onkeydown: (k) => { if (k.key === 'Enter' || k.key === ' ') { k.preventDefault(); open(); } },
        title: e.evidence || '',
      },
      el('td', { class: 'date' }, e.date || '—'),
      el('td', {}, actorCell(e.source)),
      el('td', {}, el('span', { class: 'quad', style: `background:${QUADS[e.quad_class]?.color || '#888'}` }, e.cameo),
        ' ', el('span', { class: 'verb' }, e.verb || '')),
      el('td', { class: 'opt' }, e.plover || ''),
      el('td', {}, actorCell(e.target)),
      el('td', { class: 'num', style: `color:${goldsteinColor(e.goldstein)}` }, e.goldstein.toFixed(1)),
      el('td', { class: 'num opt', title: (e.outlets || []).join(', ') }, reports(e)));
    }));
  }
  const page = Math.floor(state.offset / PAGE) + 1;
  const pages = Math.max(1, Math.ceil(answer.total / PAGE));
  $('#page').textContent = `page ${page} of ${pages.toLocaleString()}`;
  $('#prev').disabled = state.offset === 0;
  $('#next').disabled = state.offset + PAGE >= answer.total;
  for (const th of document.querySelectorAll('#events th[data-sort]')) {
    const k = th.dataset.sort;
    th.setAttribute('aria-sort', state.sort === k ? 'ascending' : state.sort === `-${k}` ? 'descending' : 'none');
  }
}

function reports(e) {
  const n = e.num_mentions;
  const text = `${n} report${n === 1 ? '' : 's'}`;
  return e.num_sources > 0 ? `${text}, ${e.num_sources} outlet${e.num_sources === 1 ? '' : 's'}` : text;
}

function actorCell(a) {
  if (!a || !a.code) return el('span', { class: 'muted' }, '—');
  return el('span', { class: 'actor' },
    el('span', { class: 'name' }, a.name || a.code), ' ', el('code', {}, a.code));
}

$('#prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(); });
$('#next').addEventListener('click', () => { state.offset += PAGE; loadEvents(); });
for (const th of document.querySelectorAll('#events th[data-sort]')) {
  th.addEventListener('click', () => {
    const k = th.dataset.sort;
    state.sort = state.sort === `-${k}` ? k : `-${k}`;
    state.offset = 0;
    loadEvents();
  });
}

async function loadEvents() {
  const answer = await api('/api/events', { ...filters(), sort: state.sort, limit: PAGE, offset: state.offset });
  renderEvents(answer);
}

// ------------------------------------------------------------------------------------------
// Evidence

function marked(text, spans, base = 0) {
  return splitBytes(text, spans, base).map((p) => (p.role
    ? el('mark', { class: p.role, title: p.role }, p.text)
    : p.text));
}

async function openEvidence(e) {
  const dlg = $('#evidence');
  $('#evidence-title').textContent = `Evidence for event ${e.id}`;
  $('#evidence-event').replaceChildren(
    el('span', { class: 'src' }, actorLabel(e.source)), ' → ',
    el('span', { class: 'quad', style: `background:${QUADS[e.quad_class]?.color || '#888'}` }, `CAMEO ${e.cameo}`),
    e.plover ? ` ${e.plover}` : '', ' → ',
    el('span', { class: 'tgt' }, actorLabel(e.target)),
    ` · ${e.date || 'undated'} · Goldstein ${e.goldstein.toFixed(1)}`);
  $('#evidence-sentence').replaceChildren(e.evidence || '');
  $('#evidence-meta').replaceChildren();
  const link = $('#evidence-link');
  link.href = e.url || '#';
  link.hidden = !e.url;
  const docBox = $('#evidence-document');
  docBox.open = false;
  docBox.dataset.doc = e.doc_id || '';
  $('#document-text').replaceChildren();
  if (!dlg.open) dlg.showModal();
  try {
    const { mentions } = await api(`/api/events/${e.id}`);
    if (!mentions.length) return;
    const first = mentions[0];
    $('#evidence-sentence').replaceChildren(...marked(first.evidence, first.highlights));
    const others = mentions.slice(1);
    const part = (role, words) => (words ? el('mark', { class: role }, words) : el('span', { class: 'muted' }, `no ${role}`));
    $('#evidence-meta').replaceChildren(...[
      el('dt', {}, 'Reported by'),
      el('dd', {}, first.outlet || 'outlet unknown', first.published ? ` on ${first.published}` : ', undated', ` (document ${first.doc_id})`),
      el('dt', {}, 'Source · verb · target'),
      el('dd', { class: 'parts' }, part('source', first.source_text), ' ', part('verb', first.verb), ' ', part('target', first.target_text)),
      el('dt', {}, 'Event date from'),
      el('dd', {}, first.date_source || 'unknown'),
      others.length ? el('dt', {}, `Also reported (${others.length})`) : null,
      others.length ? el('dd', {}, el('ul', { class: 'mentions' }, others.slice(0, 20).map((m) => el('li', {},
        m.url ? el('a', { href: m.url, target: '_blank', rel: 'noopener noreferrer' }, m.outlet || m.url) : (m.outlet || m.doc_id),
        m.in_duplicate ? ' (same story)' : '', ': ', ...marked(m.evidence, m.highlights))))) : null,
    ].filter(Boolean));
    if (first.url) link.href = first.url;
    link.hidden = !first.url;
    docBox.dataset.doc = first.doc_id;
  } catch (err) {
    $('#evidence-meta').replaceChildren(el('dd', { class: 'error' }, err.message));
  }
}

$('#evidence-document').addEventListener('toggle', async (ev) => {
  const box = ev.currentTarget;
  const target = $('#document-text');
  if (!box.open || target.childElementCount || !box.dataset.doc) return;
  try {
    const doc = await api(`/api/documents/${encodeURIComponent(box.dataset.doc)}`);
    // Event sentences become <mark class="sentence"> with source/verb/target marked inside.
    const bySentence = new Map();
    for (const s of doc.events) {
      if (s.begin === null) continue;
      const k = `${s.begin}:${s.end}`;
      if (!bySentence.has(k)) bySentence.set(k, { begin: s.begin, end: s.end, role: 'sentence', inner: [] });
      bySentence.get(k).inner.push(...s.highlights);
    }
    const spans = [...bySentence.values()].sort((a, b) => a.begin - b.begin);
    const pieces = splitBytes(doc.text, spans).map((p) => {
      if (!p.role) return p.text;
      const inner = dedupe(p.span.inner).sort((a, b) => a.begin - b.begin);
      return el('mark', { class: 'sentence' }, ...marked(p.text, inner, p.span.begin));
    });
    target.replaceChildren(el('p', { class: 'doc-meta' },
      `${doc.outlet || 'outlet unknown'} · ${doc.published || 'undated'}${doc.duplicates.length ? ` · same story as ${doc.duplicates.length} other document(s)` : ''}`),
    el('div', { class: 'doc-body' }, ...pieces));
  } catch (err) {
    target.replaceChildren(el('p', { class: 'error' }, err.message));
  }
});

function dedupe(spans) {
  const out = [];
  for (const s of spans) {
    if (out.some((o) => s.begin < o.end && o.begin < s.end)) continue;
    out.push(s);
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// Profile (an actor, or an organization with its members' timeline)

async function loadProfile(f) {
  const panel = $('#profile-panel');
  const code = f.actor && /^[A-Z0-9]+$/.test(f.actor) ? f.actor : '';
  if (!code) {
    panel.hidden = true;
    return;
  }
  let profile;
  try {
    profile = await api(`/api/actors/${code}`);
  } catch {
    panel.hidden = true;  // a code prefix ("ARM") has no profile of its own
    return;
  }
  panel.hidden = false;
  const a = profile.actor;
  learn(a);
  $('#profile-title').textContent = `${a.name || a.code} (${a.code})`;
  const box = $('#profile');
  const isOrg = profile.members.length > 0 || a.code.startsWith('IGO');
  const summary = el('div', { class: 'facts' },
    fact('Events as source', a.as_source.toLocaleString()),
    fact('Events as target', a.as_target.toLocaleString()),
    fact('First seen', a.first || '—'),
    fact('Last seen', a.last || '—'),
    profile.members.length ? fact('Members', profile.members.join(', ')) : null,
    profile.names.length ? fact('Called', profile.names.slice(0, 6).join('; ')) : null);
  const partners = el('div', { class: 'partners' }, el('h3', {}, 'Counterparts'),
    el('ul', {}, profile.partners.slice(0, 10).map((p) => el('li', {},
      el('a', { href: '#', onclick: (ev) => { ev.preventDefault(); setFilter('actor', p.actor); } }, names.get(p.actor) || p.actor),
      ` ${p.events} events, mean Goldstein `,
      el('span', { style: `color:${goldsteinColor(p.goldstein_mean)}` }, p.goldstein_mean.toFixed(1))))));
  box.replaceChildren(summary, partners);
  if (!isOrg) return;

  const tl = await api(`/api/organizations/${code}/timeline`, { from: f.from, to: f.to });
  const chart = el('div', { class: 'chart membership', id: 'membership' });
  const counts = {};
  for (const e of tl.entries) counts[e.kind] = (counts[e.kind] || 0) + 1;
  // Chronological, with entries whose date the articles do not give at the end.
  const ordered = [...tl.entries.filter((e) => e.date), ...tl.entries.filter((e) => !e.date)];
  const list = el('ol', { class: 'timeline' }, ordered.slice(0, 300).map((e) => el('li', {},
    el('span', { class: 'when' }, e.date || 'undated'),
    el('span', { class: 'kind', style: `background:${kindColor(e.kind)}` }, e.kind),
    el('span', { class: 'who' }, e.role === 'organization' ? a.code : e.role),
    el('a', { href: '#', class: 'what', onclick: (ev) => { ev.preventDefault(); openEvidence(e.event); } },
      e.event.evidence || `${actorLabel(e.event.source)} ${e.event.cameo} ${actorLabel(e.event.target)}`),
    el('span', { class: 'outlets' }, (e.event.outlets || []).join(', ')))));
  box.append(el('div', { class: 'org' },
    el('h3', {}, 'Organization timeline',
      tl.truncated ? el('span', { class: 'hint' }, ` — the first ${tl.entries.length.toLocaleString()} of ${tl.total.toLocaleString()} entries; narrow the dates to see the rest`) : ''),
    el('p', { class: 'kinds' }, Object.entries(counts).map(([k, n]) => el('span', { class: 'kind', style: `background:${kindColor(k)}` }, `${k} ${n}`))),
    chart, list));
  drawMembership(chart, a.code, tl.entries, (e) => openEvidence(e.event));
}

function fact(label, value) {
  return el('div', { class: 'fact' }, el('span', { class: 'label' }, label), el('span', { class: 'value' }, value));
}

// ------------------------------------------------------------------------------------------

let generation = 0;
// The unfiltered requests below are warmed by the server at start (PageStartPaths in
// src/serve/server.cc): keep the two in step.
async function refresh() {
  const f = filters();
  writeHash(f);
  const mine = ++generation;
  status('Loading…');
  try {
    const [days, dyads] = await Promise.all([
      api('/api/aggregates', { ...f, group: 'quad', period: 'day', limit: 10000 }),
      api('/api/aggregates', { ...f, group: 'dyad', period: 'none', limit: 60 }),
      loadEvents(),
    ]);
    if (mine !== generation) return;
    drawTimeline($('#timeline'), days.rows, (day) => {
      form.elements.from.value = day;
      form.elements.to.value = day;
      state.offset = 0;
      refresh();
    });
    drawNetwork($('#network'), dyads.rows, names,
      (code) => setFilter('actor', code),
      (s, t) => setFilter('dyad', `${s}-${t}`));
    await loadProfile(f);
    const active = Object.entries(f).map(([k, v]) => `${k}=${v}`).join(', ');
    status(`${state.total.toLocaleString()} events${active ? ` where ${active}` : ''}`);
  } catch (e) {
    if (mine === generation) status(e.message, true);
  }
}

let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => { resizeCharts(); resizeNetwork(); }, 150);
});

async function start() {
  setFilters(readHash());
  try {
    const h = await api('/health');
    $('#status').dataset.events = h.store.events;
  } catch (e) {
    status(`The API is not answering: ${e.message}`, true);
    return;
  }
  await refresh();
}

start();
