// The page's charts: the timeline of events per day stacked by QuadClass, the dyad network, and
// the organization's members over time. echarts draws charts, cytoscape draws the network.
import * as echarts from 'echarts/core';
import { BarChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent, TooltipComponent, LegendComponent, DataZoomComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import cytoscape from 'cytoscape';

import { QUADS, goldsteinColor } from './api.js';

echarts.use([BarChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent,
  DataZoomComponent, CanvasRenderer]);

const charts = new Map();

function chartIn(container) {
  let c = charts.get(container);
  if (!c) {
    c = echarts.init(container, null, { renderer: 'canvas' });
    charts.set(container, c);
  }
  return c;
}

export function resizeCharts() {
  for (const c of charts.values()) c.resize();
}

function empty(container, message) {
  const c = charts.get(container);
  if (c) {
    c.dispose();
    charts.delete(container);
  }
  container.replaceChildren();
  const p = document.createElement('p');
  p.className = 'empty';
  p.textContent = message;
  container.append(p);
}

// rows: [{period: 'YYYY-MM-DD', quad_class, events}] from /api/aggregates?group=quad&period=day
export function drawTimeline(container, rows, onDay) {
  if (!rows.length) {
    empty(container, 'No dated events match.');
    return;
  }
  if (container.querySelector('p.empty')) container.replaceChildren();
  const byQuad = { 1: [], 2: [], 3: [], 4: [] };
  for (const r of rows) {
    if (!r.period || !byQuad[r.quad_class]) continue;
    byQuad[r.quad_class].push([r.period, r.events]);
  }
  const narrow = container.clientWidth < 500;
  const chart = chartIn(container);
  chart.setOption({
    animation: false,
    color: [1, 2, 3, 4].map((q) => QUADS[q].color),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: narrow ? 10 : 12 } },
    grid: { left: 36, right: 12, top: narrow ? 48 : 32, bottom: 56 },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    series: [1, 2, 3, 4].map((q) => ({
      name: QUADS[q].name,
      type: 'bar',
      stack: 'quad',
      barMaxWidth: 18,
      barMinHeight: 2,
      data: byQuad[q],
    })),
  }, true);
  chart.off('click');
  if (onDay) chart.on('click', (p) => onDay(p.value[0]));
}

let cy = null;

// rows: [{source, target, events, goldstein_mean}] from /api/aggregates?group=dyad&period=none
export function drawNetwork(container, rows, names, onActor, onDyad) {
  if (cy) {
    cy.destroy();
    cy = null;
  }
  container.replaceChildren();
  const edges = rows.filter((r) => r.source && r.target);
  if (!edges.length) {
    empty(container, 'No events with both a source and a target match.');
    return;
  }
  const degree = new Map();
  for (const r of edges) {
    degree.set(r.source, (degree.get(r.source) || 0) + r.events);
    degree.set(r.target, (degree.get(r.target) || 0) + r.events);
  }
  const maxDeg = Math.max(...degree.values());
  const maxEv = Math.max(...edges.map((r) => r.events));
  const elements = [];
  for (const [code, d] of degree) {
    elements.push({
      data: {
        id: code,
        label: names.get(code) ? `${names.get(code)}\n${code}` : code,
        size: 18 + 34 * Math.sqrt(d / maxDeg),
      },
    });
  }
  edges.forEach((r, i) => {
    elements.push({
      data: {
        id: `e${i}`,
        source: r.source,
        target: r.target,
        events: r.events,
        mean: r.goldstein_mean,
        width: 1.5 + 7 * Math.sqrt(r.events / maxEv),
        color: goldsteinColor(r.goldstein_mean),
      },
    });
  });
  cy = cytoscape({
    container,
    elements,
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': '#2d5b87',
          width: 'data(size)',
          height: 'data(size)',
          label: 'data(label)',
          'font-size': 10,
          'text-wrap': 'wrap',
          'text-max-width': 120,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          color: '#222',
          'text-background-color': '#fff',
          'text-background-opacity': 0.75,
          'text-background-padding': 1,
        },
      },
      {
        selector: 'edge',
        style: {
          width: 'data(width)',
          'line-color': 'data(color)',
          'target-arrow-color': 'data(color)',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          opacity: 0.85,
        },
      },
      { selector: 'node:selected', style: { 'background-color': '#c77c02' } },
    ],
    layout: {
      name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, padding: 20, randomize: false,
    },
  });
  cy.on('tap', 'node', (e) => onActor && onActor(e.target.id()));
  cy.on('tap', 'edge', (e) => onDyad && onDyad(e.target.data('source'), e.target.data('target')));
  const tip = document.createElement('div');
  tip.className = 'net-tip';
  tip.hidden = true;
  container.append(tip);
  cy.on('mouseover', 'edge', (e) => {
    const d = e.target.data();
    tip.textContent = `${d.source} → ${d.target}: ${d.events} events, mean Goldstein ${d.mean.toFixed(1)}`;
    tip.hidden = false;
  });
  cy.on('mouseout', 'edge', () => { tip.hidden = true; });
}

export function resizeNetwork() {
  if (cy) {
    cy.resize();
    cy.fit(undefined, 20);
  }
}

const KIND_COLORS = {
  meeting: '#2d5b87',
  declaration: '#7b3fa0',
  participation: '#1f6f3f',
  absence: '#b22222',
  suspension: '#7f0000',
  statement: '#e69138',
  cooperation: '#6aa84f',
  conflict: '#c0504d',
  other: '#888',
};
export function kindColor(kind) {
  return KIND_COLORS[kind] || KIND_COLORS.other;
}

function padRange(dates) {
  const ms = dates.filter(Boolean).map((d) => Date.parse(d)).filter((t) => !Number.isNaN(t));
  if (!ms.length) return {};
  const lo = Math.min(...ms);
  const hi = Math.max(...ms);
  const pad = Math.max(86400000 * 7, (hi - lo) * 0.04);
  return { min: lo - pad, max: hi + pad };
}

// entries: the organization timeline; one row per role (the organization, then each member),
// one dot per entry, coloured by kind.
export function drawMembership(container, orgCode, entries, onEntry) {
  if (!entries.length) {
    empty(container, 'No timeline entries.');
    return;
  }
  if (container.querySelector('p.empty')) container.replaceChildren();
  const roles = [];
  for (const e of entries) {
    const r = e.role === 'organization' ? orgCode : e.role;
    if (!roles.includes(r)) roles.push(r);
  }
  roles.sort((a, b) => (a === orgCode ? -1 : b === orgCode ? 1 : a.localeCompare(b)));
  const kinds = [...new Set(entries.map((e) => e.kind))];
  const chart = chartIn(container);
  container.style.height = `${Math.max(140, 60 + roles.length * 26)}px`;
  chart.resize();
  chart.setOption({
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const e = entries[p.data[3]];
        return `${e.date || ''} · ${e.kind} · ${e.role}<br>${(e.event.evidence || '').slice(0, 140).replace(/[<>&]/g, '')}`;
      },
    },
    legend: { top: 0, itemWidth: 10, itemHeight: 10 },
    grid: { left: 96, right: 16, top: 34, bottom: 28 },
    // A margin on both sides keeps the first and last dots off the axes.
    xAxis: { type: 'time', axisLabel: { hideOverlap: true }, ...padRange(entries.map((e) => e.date)) },
    yAxis: { type: 'category', data: roles, inverse: true },
    series: kinds.map((k) => ({
      name: k,
      type: 'scatter',
      symbolSize: 11,
      itemStyle: { color: kindColor(k) },
      data: entries.map((e, i) => [e.date, e.role === 'organization' ? orgCode : e.role, e.kind, i])
        .filter((d) => d[2] === k && d[0]),
    })),
  }, true);
  chart.off('click');
  if (onEntry) chart.on('click', (p) => onEntry(entries[p.data[3]]));
}
