#!/usr/bin/env node
// Draws each model of processes/ as a PNG in docs/, whole: the picture is cut to the diagram's own bounds.
// Usage: node docs/render-models.mjs [model ...]   (default: relationship sessions)
// Needs Node, npm (the bpmn-js viewer is fetched once from the npm registry into target/) and Debian's chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const BPMN_JS = '17.11.1';
const MARGIN = 40;
const root = resolve(new URL('..', import.meta.url).pathname);
const work = join(root, 'target', 'model-pictures');
mkdirSync(work, { recursive: true });

const viewer = join(work, 'package', 'dist', 'bpmn-viewer.production.min.js');
if (!existsSync(viewer)) {
  execFileSync('npm', ['pack', `bpmn-js@${BPMN_JS}`, '--silent'], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(work).find(name => name.startsWith('bpmn-js-') && name.endsWith('.tgz'));
  execFileSync('tar', ['xzf', tarball], { cwd: work });
}
const chromium = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

/** The box around every shape, label and waypoint of the diagram. */
function bounds(xml) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const grow = (x, y, w = 0, h = 0) => {
    minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x + w); maxY = Math.max(maxY, y + h);
  };
  for (const m of xml.matchAll(/<dc:Bounds x="(-?[\d.]+)" y="(-?[\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)) {
    grow(+m[1], +m[2], +m[3], +m[4]);
  }
  for (const m of xml.matchAll(/<di:waypoint x="(-?[\d.]+)" y="(-?[\d.]+)"/g)) {
    grow(+m[1], +m[2]);
  }
  // external labels without bounds of their own are drawn below their shape
  return { x: minX - MARGIN, y: minY - MARGIN, width: maxX - minX + 2 * MARGIN, height: maxY - minY + 2 * MARGIN + 30 };
}

const models = process.argv.slice(2).length ? process.argv.slice(2) : ['relationship', 'sessions'];
for (const model of models) {
  const xml = readFileSync(join(root, 'processes', `${model}.bpmn`), 'utf8');
  const box = bounds(xml);
  const width = Math.ceil(box.width), height = Math.ceil(box.height);
  const page = join(work, `${model}.html`);
  writeFileSync(page, `<!doctype html><html><head><meta charset="utf-8"><style>
html, body { margin: 0; background: #fff; } #canvas { width: ${width}px; height: ${height}px; }
</style></head><body><div id="canvas"></div>
<script>${readFileSync(viewer, 'utf8')}</script>
<script>
const viewer = new BpmnJS({ container: '#canvas' });
viewer.importXML(${JSON.stringify(xml)}).then(() => {
  viewer.get('canvas').viewbox(${JSON.stringify({ ...box, width, height })});
});
</script></body></html>`);
  const picture = join(root, 'docs', `${model}.png`);
  execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars',
    '--virtual-time-budget=10000', `--window-size=${width},${height}`, `--screenshot=${picture}`, `file://${page}`],
  { stdio: ['ignore', 'ignore', 'ignore'] });
  console.log(`docs/${model}.png: ${width} x ${height}`);
}
