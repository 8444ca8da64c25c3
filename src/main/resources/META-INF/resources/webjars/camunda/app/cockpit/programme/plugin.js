// The Cockpit plugin "Programme" (README, "The programme in Cockpit"): the programme's figures for coordinators,
// read from the product's API /api/programme/ with the Cockpit login, and the time people take over each task drawn
// on the process diagrams. Every value is put into the page as text, never as markup.

const appRoot = (document.querySelector('base').getAttribute('app-root') || '').replace(/\/?$/, '/');
const ROOT = new URL(appRoot, window.location.origin);
const API = new URL('../api/programme/', ROOT);
const ECHARTS = new URL('../webjars/echarts/dist/echarts.esm.min.js', ROOT).href;
const TIMED_MODELS = ['relationship', 'contracting', 'sessions', 'session'];
const PHASES = ['requested', 'matching', 'contracting', 'sessions', 'closing'];
const ZONE = 'Europe/London';

let echarts;
const charts = [];

function loadCharts() {
  echarts = echarts || import(ECHARTS);
  return echarts;
}

function url(path, params = {}) {
  const target = new URL(path, API);
  Object.entries(params).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      target.searchParams.set(name, value);
    }
  });
  return target;
}

async function get(path, params) {
  const response = await fetch(url(path, params), {
    credentials: 'same-origin',
    headers: {Accept: 'application/json'}
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.detail || `The programme's figures could not be read (${response.status}).`);
  }
  return body;
}

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (name === 'text') {
      element.textContent = value;
    } else if (name.startsWith('on')) {
      element.addEventListener(name.substring(2), value);
    } else if (value !== undefined && value !== null && value !== false) {
      element.setAttribute(name, value);
    }
  });
  children.flat().forEach(child => {
    if (child !== null && child !== undefined) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return element;
}

const ukDate = iso => iso ? new Date(iso).toLocaleDateString('en-GB',
  {day: 'numeric', month: 'short', year: 'numeric', timeZone: ZONE}) : '–';
const ukDateTime = iso => iso ? new Date(iso).toLocaleString('en-GB',
  {day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: ZONE}) : '–';
const isoDay = date => date.toLocaleDateString('en-CA', {timeZone: ZONE});
const number = value => value === null || value === undefined ? '–' : String(value);
const percent = value => value === null || value === undefined ? '–' : `${Math.round(value * 1000) / 10} %`;
const days = value => value === null || value === undefined ? '–' : `${value} d`;
const hours = value => value === null || value === undefined ? '–'
  : value >= 48 ? `${Math.round(value / 2.4) / 10} d` : `${value} h`;
const words = code => code ? code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ') : '';
const question = (questionnaire, key) =>
  `${words(questionnaire)}: ${key.replace(/^anonymous/, '').replace(/([A-Z])/g, ' $1').trim().toLowerCase()}`;

function figure(label, value, name, hint) {
  return el('div', {class: 'programme-figure', title: hint},
    el('div', {class: 'programme-value', 'data-figure': name, text: value}),
    el('div', {class: 'programme-label', text: label}));
}

function section(title, ...content) {
  return el('section', {class: 'programme-section'}, el('h3', {text: title}), ...content);
}

function table(headings, rows, name) {
  return el('table', {class: 'table table-condensed programme-table', 'data-table': name},
    el('thead', {}, el('tr', {}, headings.map(heading => el('th', {text: heading})))),
    el('tbody', {}, rows.length ? rows.map(cells => el('tr', {}, cells.map(cell =>
      cell instanceof Node ? el('td', {}, cell) : el('td', {text: cell}))))
      : el('tr', {}, el('td', {colspan: headings.length, class: 'programme-none', text: 'None.'}))));
}

async function chart(container, option) {
  try {
    const library = await loadCharts();
    const instance = library.init(container, null, {renderer: 'canvas'});
    instance.setOption({animation: false, textStyle: {fontFamily: 'inherit'}, ...option});
    charts.push(instance);
  } catch (e) {
    container.textContent = 'The chart could not be drawn.';
    console.error(e); // eslint-disable-line no-console
  }
}

function instanceLink(processInstanceId, label) {
  return processInstanceId
    ? el('a', {href: `#/process-instance/${encodeURIComponent(processInstanceId)}/runtime`, text: label})
    : document.createTextNode(label);
}

function phases(summary, kind) {
  const list = el('div', {class: 'programme-members', 'data-members': ''});
  const counts = PHASES.map(phase => el('button', {
    type: 'button', class: 'btn btn-link programme-count', 'data-phase': phase,
    text: number(summary.phases[phase]),
    onclick: async () => {
      list.replaceChildren(el('p', {text: 'Loading…'}));
      try {
        const members = await get(`phases/${phase}`, {kind});
        list.replaceChildren(
          el('h4', {text: `${words(phase)}: ${members.count}` + (members.count > members.members.length
            ? ` (the ${members.members.length} longest there are listed)` : '')}),
          table(['Id', 'Kind', 'Since', 'Process instance'], members.members.map(member => [
            member.id, words(member.kind), ukDate(member.since),
            instanceLink(member.processInstanceId, member.processInstanceId ? 'Open in Cockpit' : 'not running')]),
          `phase-${phase}`));
      } catch (e) {
        list.replaceChildren(el('p', {class: 'text-danger', text: e.message}));
      }
    }
  }));
  const chartBox = el('div', {class: 'programme-chart', 'data-chart': 'phases'});
  chart(chartBox, {
    tooltip: {},
    grid: {left: 40, right: 10, top: 10, bottom: 30},
    xAxis: {type: 'category', data: PHASES.map(words)},
    yAxis: {type: 'value', minInterval: 1},
    series: [{type: 'bar', data: PHASES.map(phase => summary.phases[phase]), itemStyle: {color: '#1c5b9e'}}]
  });
  return section('Where relationships stand now',
    el('p', {class: 'programme-hint', text: 'Requests and relationships by phase today. Choose a count to list them.'}),
    table(PHASES.map(words), [counts], 'phases'), chartBox, list);
}

function matching(summary) {
  const m = summary.matching;
  const c = summary.contracting;
  const s = summary.sessions;
  return section('Matching, contracting and sessions',
    el('div', {class: 'programme-figures'},
      figure('requests made', number(m.requests), 'matching.requests'),
      figure('matched', number(m.matched), 'matching.matched'),
      figure('match rate', percent(m.matchRate), 'matching.matchRate', 'Matched, of the requests made in the period'),
      figure('median time to match', days(m.medianDaysToMatch), 'matching.medianDaysToMatch',
        'From the request to the coach\'s acceptance'),
      figure('90 % matched within', days(m.p90DaysToMatch), 'matching.p90DaysToMatch'),
      figure('went to a coordinator (MAT-3)', number(m.byHand), 'matching.byHand'),
      figure('median match to contract', days(c.medianDaysToContract), 'contracting.medianDaysToContract',
        'From the match until the first contract is in force'),
      figure('90 % in force within', days(c.p90DaysToContract), 'contracting.p90DaysToContract'),
      figure('sessions per relationship', number(s.meanPerRelationship), 'sessions.meanPerRelationship',
        'Mean, over the relationships closed in the period'),
      figure('median sessions', number(s.medianPerRelationship), 'sessions.medianPerRelationship')));
}

function outcomes(summary) {
  const o = summary.outcomes;
  const parts = [['Completed', o.completed], ['Ended early (END-1)', o.endedEarly],
    ['No-go after the first meeting (GO-1)', o.stoppedAtFirstMeeting], ['Withdrawn', o.withdrawn]];
  const chartBox = el('div', {class: 'programme-chart', 'data-chart': 'outcomes'});
  if (o.closed > 0) {
    chart(chartBox, {
      tooltip: {trigger: 'item'},
      legend: {bottom: 0},
      color: ['#2e7d32', '#c62828', '#f9a825', '#6d6d6d'],
      series: [{type: 'pie', radius: ['35%', '65%'], top: 0, bottom: 30, label: {show: false},
        data: parts.map(([name, value]) => ({name, value}))}]
    });
  } else {
    chartBox.textContent = 'No relationship closed in the period.';
  }
  return section('Outcomes of the relationships closed in the period',
    el('div', {class: 'programme-figures'},
      figure('closed', number(o.closed), 'outcomes.closed'),
      figure('completed', number(o.completed), 'outcomes.completed'),
      figure('ended early', number(o.endedEarly), 'outcomes.endedEarly'),
      figure('no-go after the first meeting', number(o.stoppedAtFirstMeeting), 'outcomes.stoppedAtFirstMeeting'),
      figure('withdrawn', number(o.withdrawn), 'outcomes.withdrawn')),
    chartBox,
    table(['Why ended early (END-1)', 'Relationships'],
      Object.entries(o.endedEarlyByReason).map(([reason, count]) => [words(reason), count]), 'reasons'));
}

function stalled(list, days) {
  return section(`Stalled: no task completed for ${days} days or more`,
    table(['Relationship', 'Kind', 'Waits at', 'Waiting since', 'Last activity', 'Days idle'],
      list.map(relationship => [
        instanceLink(relationship.processInstanceId, relationship.relationshipId),
        words(relationship.kind),
        relationship.waitingAt.map(waiting => waiting.taskName).join('; ') || 'a timer or message',
        relationship.waitingAt.map(waiting => ukDate(waiting.since)).join('; ') || '–',
        ukDate(relationship.lastActivity),
        String(relationship.idleDays)]), 'stalled'));
}

function evaluations(summary, minimum) {
  return section('Evaluations (EVA-4): averages of the 1 to 5 ratings',
    el('p', {class: 'programme-hint',
      text: `A figure is shown only where at least ${minimum} people answered, so that nobody can be identified.`}),
    table(['Question', 'Answers', 'Average'], summary.evaluations.map(line => [
      question(line.questionnaire, line.question),
      line.withheld ? 'fewer than ' + minimum : number(line.answers),
      line.withheld ? 'withheld' : number(line.average)]), 'evaluations'));
}

function register(summary) {
  const r = summary.register;
  return section('The register now',
    el('div', {class: 'programme-figures'},
      Object.entries(r.byStatus).map(([status, count]) =>
        figure(words(status), number(count), `register.${status}`)),
      figure('CPD due (REG-2)', number(r.cpdDue), 'register.cpdDue', 'Listed coaches short of CPD for the past year'),
      figure('lapsed (REG-2)', number(r.cpdLapsed), 'register.cpdLapsed'),
      figure('capacity used', percent(r.capacityUsed), 'register.capacityUsed',
        `${r.clients} clients in ${r.capacity} places offered by listed people`)));
}

function durations(model, activities, definitionId) {
  const chartBox = el('div', {class: 'programme-chart programme-chart-wide', 'data-chart': `durations-${model}`});
  if (activities.length) {
    chart(chartBox, {
      tooltip: {trigger: 'axis'},
      legend: {top: 0},
      grid: {left: 220, right: 20, top: 30, bottom: 20},
      xAxis: {type: 'value', name: 'hours'},
      yAxis: {type: 'category', data: activities.map(activity => activity.name || activity.activityId)},
      series: [
        {name: 'median', type: 'bar', data: activities.map(activity => activity.medianHours), color: '#1c5b9e'},
        {name: '90th percentile', type: 'bar', data: activities.map(activity => activity.p90Hours), color: '#9ab8dc'}]
    });
  } else {
    chartBox.textContent = 'No task of this model was completed in the period.';
  }
  return el('div', {class: 'programme-durations', 'data-durations': model},
    el('h4', {}, `${words(model)} `, definitionId
      ? el('a', {href: `#/process-definition/${encodeURIComponent(definitionId)}/runtime`,
        text: '(see it on the diagram)'}) : ''),
    chartBox,
    table(['Task', 'Completed', 'Median', '90th percentile', 'Longest'], activities.map(activity => [
      activity.name || activity.activityId, String(activity.completed), hours(activity.medianHours),
      hours(activity.p90Hours), hours(activity.maxHours)]), `durations-${model}`));
}

async function definitionIds(api) {
  const ids = {};
  await Promise.all(TIMED_MODELS.map(async model => {
    try {
      const response = await fetch(`${api.engineApi}/process-definition/key/${model}`,
        {credentials: 'same-origin', headers: {Accept: 'application/json'}});
      if (response.ok) {
        ids[model] = (await response.json()).id;
      }
    } catch (e) {
      // without the link the figures still stand
    }
  }));
  return ids;
}

const STYLE = `
.programme { padding: 15px 20px 40px; max-width: 1400px; }
.programme h2 { margin-top: 0; }
.programme-controls { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-end; margin-bottom: 10px; }
.programme-controls label { display: flex; flex-direction: column; font-weight: normal; margin: 0; }
.programme-downloads a { margin-right: 14px; }
.programme-section { border-top: 1px solid #ddd; padding-top: 8px; margin-top: 18px; }
.programme-figures { display: flex; flex-wrap: wrap; gap: 10px; }
.programme-figure { border: 1px solid #e3e3e3; border-radius: 3px; padding: 8px 12px; min-width: 150px; }
.programme-value { font-size: 22px; font-weight: bold; color: #1c5b9e; }
.programme-label { color: #555; }
.programme-chart { height: 240px; max-width: 700px; margin: 10px 0; }
.programme-chart-wide { height: 300px; max-width: 1000px; }
.programme-table { max-width: 1000px; }
.programme-count { font-size: 20px; font-weight: bold; padding: 0; }
.programme-hint, .programme-none { color: #666; }
.programme-heat { border-radius: 10px; pointer-events: none; }
.programme-badge { background: #fff; border: 1px solid #999; border-radius: 3px; padding: 0 4px; font-size: 11px;
  white-space: nowrap; color: #333; }
`;

function addStyle() {
  if (!document.getElementById('programme-style')) {
    document.head.append(el('style', {id: 'programme-style', text: STYLE}));
  }
}

async function dashboard(node, api) {
  addStyle();
  const today = new Date();
  const yearAgo = new Date(today.getTime());
  yearAgo.setFullYear(today.getFullYear() - 1);
  yearAgo.setDate(yearAgo.getDate() + 1);
  const from = el('input', {type: 'date', class: 'form-control', name: 'from', value: isoDay(yearAgo)});
  const to = el('input', {type: 'date', class: 'form-control', name: 'to', value: isoDay(today)});
  const kind = el('select', {class: 'form-control', name: 'kind'},
    el('option', {value: 'BOTH', text: 'Coaching and mentoring'}),
    el('option', {value: 'COACHING', text: 'Coaching'}),
    el('option', {value: 'MENTORING', text: 'Mentoring'}));
  const idle = el('input', {type: 'number', class: 'form-control', name: 'days', min: 1, max: 3650,
    placeholder: 'default'});
  const downloads = el('div', {class: 'programme-downloads'});
  const content = el('div', {class: 'programme-content'});
  const refresh = el('button', {type: 'submit', class: 'btn btn-primary', text: 'Show'});
  const form = el('form', {class: 'programme-controls', onsubmit: event => {
    event.preventDefault();
    show();
  }},
  el('label', {}, 'From', from), el('label', {}, 'To', to), el('label', {}, 'Kind', kind),
  el('label', {}, 'Stalled after (days)', idle), refresh);
  node.replaceChildren(el('div', {class: 'programme', 'data-plugin': 'programme'},
    el('h2', {text: 'Programme'}), form, downloads, content));

  const ids = definitionIds(api);

  async function show() {
    charts.splice(0).forEach(instance => instance.dispose());
    const period = {from: from.value, to: to.value, kind: kind.value};
    downloads.replaceChildren('Download as CSV: ',
      el('a', {href: url('summary.csv', period).href, download: '', 'data-download': 'summary', text: 'figures'}),
      el('a', {href: url('stalled.csv', {kind: kind.value, days: idle.value}).href, download: '',
        'data-download': 'stalled', text: 'stalled relationships'}),
      ...TIMED_MODELS.map(model => el('a', {href: url('durations.csv', {...period, model}).href, download: '',
        'data-download': `durations-${model}`, text: `task times: ${model}`})));
    content.replaceChildren(el('p', {text: 'Loading…'}));
    try {
      const [summary, stuck, timings, definitions] = await Promise.all([
        get('summary', period),
        get('stalled', {kind: kind.value, days: idle.value}),
        Promise.all(TIMED_MODELS.map(model => get('durations', {...period, model}))),
        ids]);
      const idleDays = idle.value || summary.stalledAfterDays;
      content.replaceChildren(
        el('p', {class: 'programme-hint', 'data-period': '',
          text: `${ukDate(summary.from)} to ${ukDate(summary.to)}, ${words(summary.kind).toLowerCase()}.`}),
        phases(summary, kind.value),
        matching(summary),
        outcomes(summary),
        stalled(stuck, idleDays),
        evaluations(summary, summary.minimumGroup),
        register(summary),
        section('Time spent in each task (the bottlenecks)',
          el('p', {class: 'programme-hint', text: 'From a task\'s creation to its completion, for the tasks '
            + 'completed in the period; for the relationship and its sessions, also the time in each model they '
            + 'call. The diagrams in Cockpit show the same as a heat overlay.'}),
          TIMED_MODELS.map((model, i) => durations(model, timings[i], definitions[model]))));
    } catch (e) {
      content.replaceChildren(el('p', {class: 'text-danger', 'data-error': '', text: e.message}));
    }
  }

  show();
}

function heat(fraction) {
  // from a pale green (quick) through amber to red (the slowest task of the model)
  const hue = Math.round(120 * (1 - Math.min(1, Math.max(0, fraction))));
  return `hsla(${hue}, 85%, 45%, 0.35)`;
}

async function overlay(viewer) {
  const registry = viewer.get('elementRegistry');
  const process = registry.filter(element => element.type === 'bpmn:Process' || element.type === 'bpmn:Participant')
    .map(element => element.businessObject.processRef || element.businessObject)[0];
  if (!process || !TIMED_MODELS.includes(process.id)) {
    return;
  }
  let activities;
  try {
    activities = await get('durations', {model: process.id});
  } catch (e) {
    return; // not a coordinator: Cockpit stays as it is
  }
  addStyle();
  const overlays = viewer.get('overlays');
  const slowest = Math.max(...activities.map(activity => activity.medianHours || 0), 0.1);
  activities.forEach(activity => {
    const shape = registry.get(activity.activityId);
    if (!shape) {
      return;
    }
    overlays.add(shape, 'programme-heat', {
      position: {top: 0, left: 0},
      html: el('div', {class: 'programme-heat', 'data-heat': activity.activityId,
        style: `width:${shape.width}px;height:${shape.height}px;background:${heat(activity.medianHours / slowest)}`})
    });
    overlays.add(shape, 'programme-duration', {
      position: {top: -18, left: 0},
      html: el('div', {class: 'programme-badge', 'data-duration': activity.activityId,
        title: `${activity.completed} completed; median ${hours(activity.medianHours)}, `
          + `90th percentile ${hours(activity.p90Hours)}, longest ${hours(activity.maxHours)}`,
        text: `${hours(activity.medianHours)} · p90 ${hours(activity.p90Hours)}`})
    });
  });
}

export default [
  {
    id: 'programme',
    pluginPoint: 'cockpit.navigation',
    priority: 60,
    render: node => {
      node.replaceChildren(el('a', {href: '#/programme', text: 'Programme'}));
    },
    properties: {label: 'Programme'}
  },
  {
    id: 'programme-dashboard',
    pluginPoint: 'cockpit.route',
    properties: {path: '/programme', label: 'Programme'},
    render: (node, {api}) => {
      dashboard(node, api);
    },
    unmount: () => {
      charts.splice(0).forEach(instance => instance.dispose());
    }
  },
  {
    id: 'programme-durations',
    pluginPoint: 'cockpit.processDefinition.diagram.plugin',
    priority: 0,
    render: viewer => {
      overlay(viewer);
    }
  }
];
