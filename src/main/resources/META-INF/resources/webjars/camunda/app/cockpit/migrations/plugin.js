// The Cockpit plugin "Migrations" (README, "Moving running relationships to a new version"): an administrator
// chooses a model and a version, reads the dry run (which instances can move, and why the others cannot), starts
// the migration and follows its batch. Everything goes through the product's API /api/models/ with the Cockpit
// login; every value is put into the page as text, never as markup.

// Its own copy of the element helper of "Programme": an import between the plugin files kept both from loading in
// Cockpit 7.24 (seen in the browser tests).
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

const appRoot = (document.querySelector('base').getAttribute('app-root') || '').replace(/\/?$/, '/');
const ROOT = new URL(appRoot, window.location.origin);
const API = new URL('../api/models', ROOT).href;
const POLL_MS = 2000;

let polling;
let csrfToken;

async function call(method, path, body) {
  const response = await fetch(path ? `${API}/${path}` : API, {
    method,
    credentials: 'same-origin',
    headers: {Accept: 'application/json', ...(body ? {'Content-Type': 'application/json'} : {}),
      ...(method !== 'GET' && csrfToken ? {'X-XSRF-TOKEN': csrfToken} : {})},
    body: body ? JSON.stringify(body) : undefined
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(answer.detail || answer.message || `The request was refused (${response.status}).`);
  }
  return answer;
}

/** "Task_Old -> Task_New" lines as the mapping the API takes; a line that is not a pair is refused by name. */
function mapping(text) {
  const pairs = {};
  text.split('\n').map(line => line.trim()).filter(line => line).forEach(line => {
    const parts = line.split(/\s*(?:->|→|=)\s*/);
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      throw new Error(`"${line}" is not a mapping: write Old_Id -> New_Id, one per line.`);
    }
    pairs[parts[0]] = parts[1];
  });
  return pairs;
}

function table(name, headings, rows) {
  return el('table', {class: 'table table-condensed cam-table', 'data-table': name},
    el('thead', {}, el('tr', {}, headings.map(heading => el('th', {text: heading})))),
    el('tbody', {}, rows.length ? rows.map(cells => el('tr', {}, cells.map(cell => el('td', {}, cell))))
      : el('tr', {}, el('td', {colspan: headings.length, text: 'None.'}))));
}

function instanceLink(instance) {
  return el('a', {href: `#/process-instance/${encodeURIComponent(instance.processInstanceId)}/runtime`,
    text: instance.businessKey || instance.processInstanceId});
}

function report(result) {
  return el('div', {'data-report': ''},
    el('p', {'data-summary': '', text: `Version ${result.target.version}`
      + (result.target.versionTag ? ` (${result.target.versionTag})` : '')
      + ` of ${result.key}: ${result.canMove.length} can move, ${result.cannotMove.length} cannot.`}),
    result.problems.length ? el('div', {class: 'alert alert-danger', 'data-problems': ''},
      el('strong', {text: 'The plan cannot be carried out: nothing will move.'}),
      el('ul', {}, result.problems.map(problem => el('li', {text: problem})))) : null,
    el('h4', {text: `Can move (${result.canMove.length})`}),
    table('can-move', ['Relationship', 'From version', 'Waiting in'], result.canMove.map(instance => [
      instanceLink(instance), String(instance.version), instance.waitingIn.join(', ')])),
    el('h4', {text: `Cannot move (${result.cannotMove.length})`}),
    table('cannot-move', ['Relationship', 'From version', 'Waiting in', 'Why not'], result.cannotMove.map(
      instance => [instanceLink(instance), String(instance.version), instance.waitingIn.join(', '),
        instance.reasons.join(' ')])));
}

function progressBar(batch) {
  const total = Math.max(batch.totalJobs, 1);
  const share = Math.round(100 * batch.completedJobs / total);
  return el('div', {'data-batch': batch.batchId},
    el('p', {'data-progress': batch.done ? 'done' : 'running',
      text: batch.done ? `Finished: ${batch.instances} instances moved from version ${batch.sourceVersion || '?'}.`
        : `Moving ${batch.instances} instances: ${batch.completedJobs} of ${batch.totalJobs} jobs done`
          + (batch.failedJobs ? `, ${batch.failedJobs} failed (see Batches)` : '') + '.'}),
    el('div', {class: 'progress'}, el('div', {class: 'progress-bar', role: 'progressbar',
      style: `width:${batch.done ? 100 : share}%`, text: `${batch.done ? 100 : share} %`})));
}

function view(node) {
  const status = el('div', {'data-status': ''});
  const modelSelect = el('select', {class: 'form-control', 'data-input': 'model'});
  const versionSelect = el('select', {class: 'form-control', 'data-input': 'version'});
  const mappingInput = el('textarea', {class: 'form-control', rows: 3, 'data-input': 'mapping',
    placeholder: 'Task_OldId -> Task_NewId (one per line; tasks with equal ids are mapped by themselves)'});
  const output = el('div', {'data-output': ''});
  const progress = el('div', {'data-batches': ''});
  const migrate = el('button', {class: 'btn btn-primary', type: 'button', 'data-action': 'migrate', disabled: true,
    text: 'Migrate'});
  const dryRun = el('button', {class: 'btn btn-default', type: 'button', 'data-action': 'dry-run',
    text: 'Dry run'});

  const request = () => ({targetVersion: versionSelect.value ? Number(versionSelect.value) : null,
    mapping: mapping(mappingInput.value)});
  const fail = e => status.replaceChildren(el('p', {class: 'text-danger', 'data-error': '', text: e.message}));

  /** The models, with how many instances run on older versions; the chosen one stays chosen. */
  async function loadModels() {
    const chosen = modelSelect.value;
    const models = await call('GET', '');
    modelSelect.replaceChildren(...models.map(model => el('option', {value: model.key,
      text: `${model.name || model.key} (${model.key}), latest version ${model.latest.version}`
        + (model.runningOnOlder ? `, ${model.runningOnOlder} running on older versions` : '')})));
    if (chosen && models.some(model => model.key === chosen)) {
      modelSelect.value = chosen;
    }
    return loadVersions(false);
  }

  async function loadVersions(clear = true) {
    migrate.disabled = true;
    if (clear) {
      output.replaceChildren();
    }
    const versions = await call('GET', `${encodeURIComponent(modelSelect.value)}/versions`);
    versionSelect.replaceChildren(...versions.map(version => el('option', {value: version.version,
      text: `Version ${version.version}${version.versionTag ? ` (${version.versionTag})` : ''}: `
        + `${version.running} running`})));
  }

  async function follow(batches) {
    clearTimeout(polling);
    const current = await Promise.all(batches.map(batch => call('GET',
      `${encodeURIComponent(modelSelect.value)}/migrations/${encodeURIComponent(batch.batchId)}`)
      .then(answer => ({...answer, sourceVersion: batch.sourceVersion, instances: batch.instances}))));
    progress.replaceChildren(...current.map(progressBar));
    if (current.some(batch => !batch.done)) {
      polling = setTimeout(() => follow(batches).catch(fail), POLL_MS);
    } else {
      loadModels().catch(fail);
    }
  }

  dryRun.addEventListener('click', async () => {
    status.replaceChildren();
    try {
      const result = await call('POST', `${encodeURIComponent(modelSelect.value)}/migrations/dry-run`, request());
      output.replaceChildren(report(result));
      migrate.disabled = !(result.problems.length === 0 && result.canMove.length > 0);
      migrate.textContent = `Migrate ${result.canMove.length} instances`;
    } catch (e) {
      fail(e);
    }
  });
  migrate.addEventListener('click', async () => {
    status.replaceChildren();
    migrate.disabled = true;
    try {
      const started = await call('POST', `${encodeURIComponent(modelSelect.value)}/migrations`, request());
      output.replaceChildren(report(started.report));
      await follow(started.batches);
    } catch (e) {
      fail(e);
    }
  });
  modelSelect.addEventListener('change', () => loadVersions().catch(fail));

  node.replaceChildren(el('section', {class: 'migrations', 'data-plugin': 'migrations',
    style: 'padding: 15px 20px; overflow: auto; height: 100%'},
    el('h2', {text: 'Migrations'}),
    el('p', {class: 'text-muted', text: 'Move running instances of a model to another version. The dry run tries '
      + 'every instance and rolls back: nothing moves until you press Migrate. Instances that cannot move stay '
      + 'on their version.'}),
    el('div', {class: 'form-inline', style: 'margin-bottom: 10px'},
      el('label', {text: 'Model '}), modelSelect, ' ', el('label', {text: ' to '}), versionSelect),
    el('label', {text: 'Mapping of renamed or removed activities'}), mappingInput,
    el('div', {style: 'margin: 10px 0'}, dryRun, ' ', migrate),
    status, output, progress));

  loadModels().catch(fail);
}

export default [
  {
    id: 'migrations',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    render: node => {
      // shown to administrators only: for anyone else the API answers 403
      call('GET', '').then(() => node.replaceChildren(el('a', {href: '#/migrations', text: 'Migrations'})))
        .catch(() => node.replaceChildren());
    },
    properties: {label: 'Migrations'}
  },
  {
    id: 'migrations-view',
    pluginPoint: 'cockpit.route',
    properties: {path: '/migrations', label: 'Migrations'},
    render: (node, {api}) => {
      csrfToken = api && api.CSRFToken; // the webapps' token of this session, which the API asks of a write
      view(node);
    },
    unmount: () => {
      clearTimeout(polling);
    }
  }
];
