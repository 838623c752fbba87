/*
 * camunda-checkup in Cockpit (docs/cockpit.md). Plain JavaScript, no build step: Cockpit loads this
 * file as an ES module and takes its default export, a list of plugins.
 *
 * Everything that comes from a model or a user (ids, names, messages, tenant names) reaches the page
 * through textContent and setAttribute only, never as HTML.
 */

const PLUGIN = 'checkup';

const WINDOWS = [
  ['', 'off'],
  ['24h', '24 h'],
  ['7d', '7 days'],
  ['30d', '30 days']
];

const LEVELS = {healthy: 'Healthy', attention: 'Attention', 'at-risk': 'At risk'};

/**
 * The engine Cockpit shows, from the page's address (/app/cockpit/{engine}/): Cockpit hands diagram
 * plugins an api.engine worked out without the app's name, which is then the whole address.
 */
function engine(api) {
  const match = window.location.pathname.match(/\/app\/cockpit\/([^/]+)\//);
  return match ? decodeURIComponent(match[1]) : api.engine;
}

/** The plugin's data resources for the engine Cockpit shows. */
function url(api, path) {
  return `${api.cockpitApi}/plugin/${PLUGIN}/${encodeURIComponent(engine(api))}/${path}`;
}

async function get(api, path, signal) {
  const response = await fetch(url(api, path), {
    signal,
    credentials: 'same-origin',
    headers: {Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken}
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.message || `HTTP ${response.status}`);
  }
  return body;
}

/** An element with a class, attributes and text: the only way this file puts data on a page. */
function el(tag, className, attributes = {}, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, String(value));
    }
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

/** A table in Cockpit's style with these column titles, and its body to fill. */
function tableOf(titles) {
  const table = el('table', 'cam-table');
  const head = table.appendChild(el('thead')).appendChild(el('tr'));
  for (const title of titles) {
    head.appendChild(el('th', null, {}, title));
  }
  return {table, body: table.appendChild(el('tbody'))};
}

/**
 * Text from a user or a model with the characters that reorder or hide what follows them (bidi
 * overrides and isolates, zero-width marks) written as escapes, as the report's pages write them.
 */
function plain(text) {
  return String(text).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Only links to pages on the web: a value that is not http(s) gives no link. */
function safeHref(href) {
  return typeof href === 'string' && /^https?:\/\//i.test(href) ? href : null;
}

// ---- the diagram: findings, dead branches, heatmap ----

/** A shape or connection drawn for this id, or null (the process itself is drawn as no shape). */
function drawn(viewer, id) {
  const element = id ? viewer.get('elementRegistry').get(id) : null;
  return element && element.parent ? element : null;
}

/** A finding's severity as a person reads it: 'warning' where the rules say 'warn'. */
function severityWord(severity) {
  return severity === 'warn' ? 'warning' : severity;
}

/** An ISO-8601 moment as the report's pages write it: '2026-12-06 14:55 UTC'. */
function moment(iso) {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso || '');
  return match && iso.endsWith('Z') ? `${match[1]} ${match[2]} UTC` : iso;
}

function showFindings(viewer, data) {
  const overlays = viewer.get('overlays');
  // Cockpit keeps a viewer for the next visit of the same diagram: what an earlier visit drew goes
  overlays.remove({type: 'checkup'});
  const perElement = {};
  for (const finding of data.findings) {
    if (!drawn(viewer, finding.elementId)) {
      continue; // a finding about the whole process (or an element not drawn): in the tab only
    }
    const index = (perElement[finding.elementId] = (perElement[finding.elementId] || 0) + 1) - 1;
    const element = drawn(viewer, finding.elementId);
    const badge = el('div', `checkup-finding checkup-${finding.severity}`, {
      'data-rule': finding.rule,
      'data-element': finding.elementId,
      'aria-label': `${severityWord(finding.severity)}: ${finding.message} (${finding.rule})`,
      tabindex: 0
    });
    // told apart by more than colour: an error is a round '!', a warning a square '!', a note a round 'i'
    badge.appendChild(el('span', 'checkup-icon', {'aria-hidden': 'true'}, finding.severity === 'info' ? 'i' : '!'));
    const tip = el('div', 'checkup-tip');
    tip.appendChild(el('strong', null, {}, finding.rule));
    tip.appendChild(el('span', 'checkup-tip-severity', {}, ` (${severityWord(finding.severity)})`));
    tip.appendChild(el('p', null, {}, finding.message));
    const href = safeHref(finding.ruleUrl);
    if (href) {
      tip.appendChild(el('a', null, {href, target: '_blank', rel: 'noopener noreferrer'}, 'About this rule'));
    }
    badge.appendChild(tip);
    // the text opens inside the diagram, whose pane cuts off what leaves it: to the left near the
    // right edge, upwards where there is more room above, and no taller than the room it has
    const place = () => {
      const diagram = viewer.get('canvas').getContainer().getBoundingClientRect();
      const at = badge.getBoundingClientRect();
      badge.classList.toggle('checkup-tip-left', at.left + 330 > diagram.right);
      tip.style.maxHeight = '';
      const below = diagram.bottom - at.bottom - 8;
      const above = at.top - diagram.top - 8;
      const up = tip.offsetHeight > below && above > below;
      badge.classList.toggle('checkup-tip-up', up);
      tip.style.maxHeight = `${Math.max(48, Math.floor(up ? above : below))}px`;
    };
    badge.addEventListener('mouseenter', place);
    badge.addEventListener('focus', place);
    // a shape's badges sit on its top right corner; a flow's on the middle of its line, where the
    // corner of its bounding box may lie beside another element
    let position = {top: -14, right: 6 + 20 * index};
    if (element.waypoints) {
      const middle = middleOf(element, -12);
      position = {top: middle.top, left: middle.left + 20 * index};
    }
    // never smaller than written: on a zoomed-out diagram the badges stay readable
    overlays.add(finding.elementId, 'checkup', {position, html: badge, scale: {min: 1}});
  }
}

function showDeadFlows(viewer, data) {
  const overlays = viewer.get('overlays');
  const canvas = viewer.get('canvas');
  // why nothing is shown as dead here (another version is the one judged, statistics off, ...)
  canvas.getContainer().querySelectorAll('.checkup-heatmap-toggle').forEach(bar => {
    bar.querySelectorAll('.checkup-dead-note').forEach(old => old.remove());
    if (data.note) {
      bar.appendChild(el('div', 'checkup-dead-note', {}, `Dead branches: ${data.note}`));
    }
  });
  overlays.remove({type: 'checkup-dead'});
  viewer.get('elementRegistry').forEach(element => canvas.removeMarker(element, 'checkup-dead-flow'));
  for (const dead of data.deadFlows) {
    const flow = drawn(viewer, dead.flowId);
    if (!flow) {
      continue;
    }
    canvas.addMarker(flow, 'checkup-dead-flow');
    overlays.add(flow, 'checkup-dead', {
      position: middleOf(flow, 6),
      scale: {min: 1},
      html: el(
        'div',
        'checkup-dead',
        {'data-flow': dead.flowId, title: `Never taken in ${dead.gatewayRuns} runs of its gateway in 30 days (runtime.dead-branches-30d)`},
        'dead'
      )
    });
  }
}

/**
 * Where a label sits on a sequence flow: the middle of its middle segment, relative to the flow's
 * bounding box as diagram-js places overlays; lower by `below` pixels.
 */
function middleOf(connection, below = 0) {
  const points = connection.waypoints || [];
  if (points.length < 2) {
    return {top: below, left: 0};
  }
  const i = Math.floor((points.length - 1) / 2);
  const x = (points[i].x + points[i + 1].x) / 2 - Math.min(...points.map(p => p.x));
  const y = (points[i].y + points[i + 1].y) / 2 - Math.min(...points.map(p => p.y));
  return {top: Math.round(y - 8 + below), left: Math.round(x - 12)};
}

function heatColour(count, max) {
  const share = max > 0 ? count / max : 0;
  // from pale amber (rare) to deep orange (busiest): apart from Cockpit's own blue and red badges
  return `hsl(${Math.round(45 - 25 * share)}, 95%, ${Math.round(85 - 30 * share)}%)`;
}

function showHeat(viewer, data) {
  const overlays = viewer.get('overlays');
  overlays.remove({type: 'checkup-heat'});
  const all = [...Object.values(data.elements), ...Object.values(data.flows)];
  const max = Math.max(0, ...all);
  const add = (id, count, kind) => {
    const element = drawn(viewer, id);
    if (!element) {
      return; // counted under this key by another version, not drawn here
    }
    const label = el('div', `checkup-heat checkup-heat-${kind}`, {[`data-${kind}`]: id, title: `${count} in the window`}, count);
    label.style.background = heatColour(count, max);
    // over the shape's top left corner: an event's or gateway's name is written under it, and
    // Cockpit's own badges (running instances, incidents) sit on a task's bottom left
    const position = kind === 'flow' ? middleOf(element, 6) : {top: -10, left: -14};
    overlays.add(id, 'checkup-heat', {position, html: label, scale: {min: 1}});
  };
  for (const [id, count] of Object.entries(data.elements)) {
    add(id, count, 'element');
  }
  for (const [id, count] of Object.entries(data.flows)) {
    add(id, count, 'flow');
  }
}

/** The Heatmap toolbar on a diagram that the caller has cleared of an earlier one. */
function heatmapToggle(viewer, api, processDefinitionId, signal) {
  const container = viewer.get('canvas').getContainer();
  const bar = el('div', 'checkup-heatmap-toggle', {role: 'group', 'aria-label': 'camunda-checkup heatmap'});
  let latest = 0; // only the answer to the last click is drawn
  bar.appendChild(el('span', 'checkup-heatmap-title', {}, 'Heatmap'));
  const note = el('span', 'checkup-heatmap-note');
  for (const [window, label] of WINDOWS) {
    const button = el('button', 'btn btn-default btn-xs', {type: 'button', 'data-window': window}, label);
    button.addEventListener('click', async () => {
      const asked = ++latest;
      bar.querySelectorAll('button').forEach(other => other.classList.toggle('active', other === button));
      note.textContent = '';
      viewer.get('overlays').remove({type: 'checkup-heat'});
      if (!window) {
        return;
      }
      try {
        const data = await get(api, `process-definition/${encodeURIComponent(processDefinitionId)}/heatmap?window=${window}`, signal);
        if (asked !== latest) {
          return;
        }
        showHeat(viewer, data);
        note.textContent = Object.keys(data.elements).length ? '' : 'nothing counted in this window';
      } catch (e) {
        if (asked === latest && !signal.aborted) {
          note.textContent = e.message;
        }
      }
    });
    bar.appendChild(button);
  }
  bar.firstChild.nextSibling.classList.add('active');
  bar.appendChild(note);
  container.appendChild(bar);
  try {
    clearOfToolbar(viewer, bar);
  } catch (e) {
    warn(e); // the diagram stays as Cockpit drew it; the dead branches still come
  }
}

/**
 * Fits the diagram into the room below the toolbar when the toolbar would cover one of its elements
 * or their badges (Cockpit fits a diagram into the whole pane, right up to its top left).
 */
function clearOfToolbar(viewer, bar) {
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const barBox = bar.getBoundingClientRect();
  const edge = barBox.bottom + 22; // a finding's badge stands 14 px above its shape
  let covered = false;
  registry.forEach(element => {
    // shapes only: a connection's box spans the empty corners its line passes by
    if (element.parent && !element.waypoints) {
      const box = registry.getGraphics(element).getBoundingClientRect();
      covered = covered || (box.left < barBox.right && box.right > barBox.left && box.top < edge && box.bottom > barBox.top);
    }
  });
  if (!covered) {
    return;
  }
  const viewbox = canvas.viewbox();
  const {inner, outer} = viewbox;
  const top = edge - canvas.getContainer().getBoundingClientRect().top;
  const room = {width: outer.width - 16, height: outer.height - top - 8};
  if (room.width <= 0 || room.height <= 0 || inner.width <= 0 || inner.height <= 0) {
    return;
  }
  const scale = Math.min(viewbox.scale, room.width / inner.width, room.height / inner.height);
  canvas.viewbox({
    x: inner.x - (outer.width / scale - inner.width) / 2,
    y: inner.y - top / scale,
    width: outer.width / scale,
    height: outer.height / scale
  });
}

/**
 * What each diagram viewer is still waiting for (Cockpit may hold more than one, and keeps them for
 * later visits): a new render of a viewer aborts its earlier requests, leaving the page aborts all.
 */
const diagramRequests = new Map();

function warn(e) {
  if (e.name !== 'AbortError') {
    console.warn('camunda-checkup:', e.message); // eslint-disable-line no-console
  }
}

const diagram = {
  id: 'checkup.processDefinition.diagram',
  pluginPoint: 'cockpit.processDefinition.diagram.plugin',
  priority: 0,
  render: (viewer, {processDefinitionId, api}) => {
    if (diagramRequests.has(viewer)) {
      diagramRequests.get(viewer).abort();
    }
    const requests = new AbortController();
    diagramRequests.set(viewer, requests);
    const path = `process-definition/${encodeURIComponent(processDefinitionId)}`;
    // what an earlier visit of this viewer drew goes, whatever this one may show
    viewer.get('canvas').getContainer().querySelectorAll('.checkup-heatmap-toggle').forEach(old => old.remove());
    viewer.get('overlays').remove({type: 'checkup-heat'});
    showDeadFlows(viewer, {deadFlows: []});
    // the findings first; the dead branches need the check-up, which takes longer. A definition
    // whose statistics the user may not see (one without a tenant, for a tenant's member) gets
    // neither heatmap nor dead branches, rather than a request answered 404
    get(api, path, requests.signal)
      .then(data => {
        showFindings(viewer, data);
        if (data.statistics === false) {
          return null;
        }
        heatmapToggle(viewer, api, processDefinitionId, requests.signal);
        return get(api, `${path}/dead-flows`, requests.signal).then(dead => showDeadFlows(viewer, dead));
      })
      .catch(warn);
  },
  unmount: () => {
    diagramRequests.forEach(requests => requests.abort());
    diagramRequests.clear();
  }
};

// ---- the tab of findings ----

const findingsTab = {
  id: 'checkup.processDefinition.findings',
  pluginPoint: 'cockpit.processDefinition.runtime.tab',
  priority: 0,
  properties: {label: 'Lint findings'},
  render: (node, {processDefinitionId, api}) => {
    const section = el('div', 'checkup-findings');
    node.appendChild(section);
    get(api, `process-definition/${encodeURIComponent(processDefinitionId)}`)
      .then(data => {
        if (!data.findings.length) {
          section.appendChild(el('p', null, {}, 'No lint findings for this version.'));
          return;
        }
        // errors first, each severity in the file's order: an error on an element the diagram does
        // not draw has no badge, and must not hide at the end of a long list
        const rank = {error: 0, warn: 1, info: 2};
        const findings = [...data.findings].sort((a, b) => (rank[a.severity] ?? 3) - (rank[b.severity] ?? 3));
        const count = severity => findings.filter(finding => finding.severity === severity).length;
        section.appendChild(el('p', 'checkup-findings-summary', {},
          `${findings.length} finding(s): ${count('error')} error(s), ${count('warn')} warning(s), ${count('info')} info`));
        const {table, body} = tableOf(['Severity', 'Rule', 'Element', 'Message']);
        for (const finding of findings) {
          const row = body.appendChild(el('tr', `checkup-${finding.severity}`, {'data-rule': finding.rule, 'data-element': finding.elementId}));
          row.appendChild(el('td', null, {}, finding.severity));
          const rule = row.appendChild(el('td'));
          const href = safeHref(finding.ruleUrl);
          rule.appendChild(href ? el('a', null, {href, target: '_blank', rel: 'noopener noreferrer'}, finding.rule) : el('span', null, {}, finding.rule));
          row.appendChild(el('td', null, {}, finding.elementId || ''));
          row.appendChild(el('td', null, {}, finding.message));
        }
        section.appendChild(table);
      })
      .catch(e => section.appendChild(el('p', 'checkup-error-text', {}, e.message)));
  }
};

// ---- the check-up on the dashboard ----

function change(value) {
  if (value === null || value === undefined) {
    return '–'; // no snapshot of 7 days ago yet
  }
  return value > 0 ? `+${value}` : String(value);
}

const dashboard = {
  id: 'checkup.dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: -10,
  properties: {label: 'Check-up'},
  render: (node, {api}) => {
    const section = el('section', 'checkup-dashboard');
    section.appendChild(el('h3', null, {}, 'Check-up'));
    node.appendChild(section);
    get(api, 'dashboard')
      .then(data => {
        if (!data.tenants.length) {
          section.appendChild(el('p', null, {}, 'No tenant to show.'));
          return;
        }
        const {table, body} = tableOf(['Tenant', 'Level', 'Score', 'Change (7 days)', 'Top reasons', '']);
        for (const tenant of data.tenants) {
          const row = body.appendChild(el('tr', `checkup-level-${tenant.riskLevel}`, {'data-tenant': tenant.tenantId === null ? '' : tenant.tenantId}));
          row.appendChild(el('td', null, {}, tenant.tenantId === null ? '(without tenant)' : plain(tenant.tenantName || tenant.tenantId)));
          row.appendChild(el('td', 'checkup-level', {}, LEVELS[tenant.riskLevel] || tenant.riskLevel));
          row.appendChild(el('td', 'checkup-score', {}, tenant.score));
          const moved = row.appendChild(el('td', 'checkup-change', {}, change(tenant.scoreChange7d)));
          if (tenant.worsening && tenant.worsening.length) {
            // why it is getting worse (docs/report.md, "History and trends"), on hover
            moved.appendChild(el('span', 'checkup-worse', {title: tenant.worsening.join('; ')}, 'getting worse'));
          }
          const reasons = row.appendChild(el('td', 'checkup-reasons')).appendChild(el('ul'));
          for (const reason of tenant.reasons) {
            reasons.appendChild(el('li', null, {}, plain(reason)));
          }
          const page = name => (tenant.tenantId === null ? `dashboard/${name}-without-tenant` : `dashboard/${name}/${encodeURIComponent(tenant.tenantId)}`);
          if (tenant.tenantId !== null && (/[/\\]/.test(tenant.tenantId) || tenant.tenantId === '.' || tenant.tenantId === '..')) {
            // the web server refuses an encoded slash or backslash in a path (docs/report.md)
            row.appendChild(el('td', 'checkup-no-link', {title: 'The tenant id holds a / or \\ or is . or .., which a web address cannot carry here; read this report through the REST API'}, 'no link'));
          } else {
            const links = row.appendChild(el('td'));
            links.appendChild(el('a', 'checkup-report-link', {href: url(api, page('report')), target: '_blank', rel: 'noopener'}, 'Full report'));
            links.appendChild(document.createTextNode(' · '));
            links.appendChild(el('a', 'checkup-history-link', {href: url(api, page('history')), target: '_blank', rel: 'noopener'}, 'History'));
          }
        }
        section.appendChild(table);
        section.appendChild(el('p', 'checkup-generated', {}, `As of ${moment(data.generatedAt)}`));
      })
      .catch(e => section.appendChild(el('p', 'checkup-error-text', {}, e.message)));
  }
};

export default [diagram, findingsTab, dashboard];
