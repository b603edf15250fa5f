// <simcore-mlp>'s DOM: the controls (data, network editor, training), the
// tool bar, one card per network (decision map, read-out, network drawing,
// confusion matrix) and the learning curves. Mixed into the element (mlp.mjs).
import { adoptStyle, h } from '../shared/base.mjs';
import { getLang, setLang, t } from '../shared/i18n.mjs';
import { download, downloadPng } from '../shared/draw.mjs';
import uplotCss from 'uplot/dist/uPlot.min.css';
import css from './style.mjs';
import { ACTIVATIONS, MAX_LAYERS, MAX_UNITS, MLP_SCHEMA, formatNet, parseNet } from './schema.mjs';
import { Curves } from './curves.mjs';
import { MULTICLASS } from './data.mjs';
import { CSS as texCss } from './bp.tex.mjs';

// Sliders: `log` ones move log10 of the value; `steps` ones move an index into a list of values.
const BATCHES = [1, 2, 4, 8, 16, 32, 64, 128, 256, 0];
export const SLIDERS = [
  { name: 'n', min: 10, max: 4000, step: 10, fmt: String },
  { name: 'nTest', min: 0, max: 4000, step: 10, fmt: String },
  { name: 'r', min: 2, max: 20, step: 0.5, fmt: (v) => v.toFixed(1), only: 'moon' },
  { name: 'w', min: 0.5, max: 12, step: 0.5, fmt: (v) => v.toFixed(1), only: 'moon' },
  { name: 'd', min: -8, max: 6, step: 0.5, fmt: (v) => v.toFixed(1), only: 'moon' },
  { name: 'noise', min: 0, max: 1, step: 0.05, fmt: (v) => v.toFixed(2), except: 'moon' },
  { name: 'classes', min: 2, max: 6, step: 1, fmt: String, sets: MULTICLASS },
  { name: 'eta', min: -4, max: 0.3, step: 0.05, log: true, fmt: (v) => String(Number(v.toPrecision(3))) },
  { name: 'etaEnd', min: -5, max: 0.3, step: 0.05, log: true, fmt: (v) => String(Number(v.toPrecision(3))), schedule: true },
  { name: 'alpha', min: 0, max: 0.99, step: 0.01, fmt: (v) => v.toFixed(2) },
  { name: 'batch', steps: BATCHES, fmt: (v) => (v === 1 ? `1 (${t('mlp.batch.online')})` : v === 0 ? t('mlp.batch.full') : String(v)) },
  { name: 'decay', min: 0, max: 0.02, step: 0.0005, fmt: (v) => String(Number(v.toPrecision(3))) },
];
export const SELECTS = ['data', 'loss', 'preprocess', 'schedule', 'speed'];
export const NUMBERS = ['dataSeed', 'seed', 'epochs', 'patience'];
// Thresholds typed as numbers (0: the rule is off).
export const DECIMALS = ['gradTol', 'changeTol'];
const PANELS = ['controls', 'tools', 'read', 'net', 'curves'];

/** Slider position of a state value, and back. */
function toSlider(sl, v) {
  if (sl.log) return Math.log10(v);
  if (sl.steps) {
    const k = sl.steps.indexOf(v);
    return k >= 0 ? k : sl.steps.reduce((best, s, i) => (s && Math.abs(s - v) < Math.abs(sl.steps[best] - v) ? i : best), 0);
  }
  return v;
}
function fromSlider(sl, p) {
  if (sl.log) return Number((10 ** p).toPrecision(3));
  if (sl.steps) return sl.steps[Math.round(p)];
  return p;
}

export const DOM = {
  build(root) {
    this.els = {};
    const form = h('form', { onsubmit: (e) => e.preventDefault() });
    for (const sl of SLIDERS) {
      const id = `c-${sl.name}`;
      const range = sl.steps ? { min: 0, max: sl.steps.length - 1, step: 1 } : { min: sl.min, max: sl.max, step: sl.step };
      const input = h('input', { type: 'range', id, name: sl.name, ...range });
      input.addEventListener('input', () => this.setState({ [sl.name]: fromSlider(sl, Number(input.value)) }));
      const out = h('output', { for: id });
      const row = h('div', { class: 'row' }, [h('label', { for: id, dataset: { i18n: `mlp.${sl.name}` } }), out, input]);
      this.els[sl.name] = { input, out, row, sl };
    }
    for (const name of SELECTS) {
      const id = `c-${name}`;
      const select = h('select', { id, name });
      for (const c of MLP_SCHEMA[name].choices) select.append(h('option', { value: c, dataset: { i18n: `mlp.${name}.${c}` } }));
      select.addEventListener('change', () => this.setState({ [name]: select.value }));
      const row = h('div', { class: 'row sel' }, [h('label', { for: id, dataset: { i18n: `mlp.${name}` } }), select]);
      this.els[name] = { select, row };
    }
    for (const name of [...NUMBERS, ...DECIMALS]) {
      const id = `c-${name}`;
      const f = MLP_SCHEMA[name];
      const input = h('input', { type: 'number', id, name, min: f.min, max: f.max, step: DECIMALS.includes(name) ? 'any' : 1 });
      input.addEventListener('change', () => this.setState({ [name]: Number(input.value) }));
      const row = h('div', { class: 'row sel' }, [h('label', { for: id, dataset: { i18n: `mlp.${name}` } }), input]);
      this.els[name] = { input, row };
    }
    const check = (name) => {
      const input = h('input', { type: 'checkbox', id: `c-${name}`, name });
      input.addEventListener('change', () => this.setState({ [name]: input.checked }));
      this.els[name] = { input, row: h('label', { class: 'check' }, [input, h('span', { dataset: { i18n: `mlp.${name}` } })]) };
    };
    check('compare');
    check('showTest');
    check('units');
    this.els.editA = this.netEditor('net');
    this.els.editB = this.netEditor('netB');
    this.els.own = this.ownDataBox();
    const group = (key, rows) => h('fieldset', {}, [h('legend', { dataset: { i18n: key } }), ...rows]);
    const rowsOf = (names) => names.map((n) => this.els[n].row);
    form.append(
      group('mlp.group.data', [...rowsOf(['data', 'n', 'nTest', 'r', 'w', 'd', 'noise', 'classes', 'dataSeed', 'preprocess']), this.els.own.box]),
      group('mlp.group.net', [this.els.editA.box, this.els.compare.row, this.els.editB.box, ...rowsOf(['loss', 'seed'])]),
      group('mlp.group.train', rowsOf(['eta', 'schedule', 'etaEnd', 'alpha', 'batch', 'decay', 'epochs', 'speed'])),
      group('mlp.group.stop', rowsOf(['gradTol', 'changeTol', 'patience'])),
    );

    const button = (key, onclick, cls = '') => h('button', { type: 'button', class: cls, dataset: { i18n: key, act: key.split('.').pop() }, onclick });
    this.els.play = button('mlp.play', () => this.toggleRun(), 'primary');
    this.els.addClass = h('select', { name: 'addClass', 'aria-label': 'class' },
      MLP_SCHEMA.addClass.choices.map((c) => h('option', { value: c, dataset: { i18n: `mlp.addClass.${c}` } })));
    this.els.addClass.addEventListener('change', () => this.setState({ addClass: this.els.addClass.value }));
    this.els.clearAdded = button('mlp.clearAdded', () => this.clearAdded());
    this.els.info = h('span', { class: 'info', role: 'status', 'aria-live': 'polite' });
    const tools = h('div', { class: 'tools' }, [
      this.els.play, button('mlp.stepSample', () => this.stepSample()), button('mlp.stepEpoch', () => this.stepEpoch()),
      button('mlp.reset', () => this.resetWeights()),
      h('span', { class: 'add' }, [h('span', { dataset: { i18n: 'mlp.addClass' } }), this.els.addClass]), this.els.clearAdded,
      this.els.showTest.row, this.els.units.row, this.els.info,
    ]);

    this.cards = [0, 1].map((k) => this.card(k));
    this.els.cards = h('div', { class: 'cards' }, this.cards.map((c) => c.fig));

    this.lossCurves = new Curves(h('div', { class: 'plot' }), { log: true });
    this.errorCurves = new Curves(h('div', { class: 'plot' }));
    const plotFig = (key, curves, file) => h('figure', { class: 'curve' }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: key } }),
        h('button', { type: 'button', text: 'CSV', title: 'CSV', dataset: { act: 'csv' },
          onclick: () => download(new Blob([this.curvesCsv()], { type: 'text/csv' }), 'mlp-curves.csv') }),
        h('button', { type: 'button', text: 'PNG', title: 'PNG', onclick: () => curves.canvas && downloadPng(curves.canvas, file) })]),
      curves.container]);
    this.els.curves = h('div', { class: 'curves' }, [
      plotFig('mlp.panel.loss', this.lossCurves, 'mlp-loss.png'), plotFig('mlp.panel.error', this.errorCurves, 'mlp-error.png')]);

    this.els.timing = h('div', { class: 'timing', dataset: { i18n: 'status.loading' } });
    this.els.lang = h('button', { type: 'button', class: 'lang', dataset: { i18n: 'lang.switch', i18nTitle: 'lang.switchTitle' },
      onclick: () => setLang(getLang() === 'zh' ? 'en' : 'zh') });
    const header = h('header', {}, [h('h2', { dataset: { i18n: 'mlp.title' } }), this.els.lang, this.els.timing]);
    this.els.main = h('div', { class: 'main' }, [tools, this.els.cards, this.els.curves]);
    this.els.root = h('div', { class: 'root' }, [header, h('div', { class: 'layout' }, [this.els.main, form])]);
    adoptStyle(root, css + uplotCss + texCss);
    root.append(this.els.root);

    this.applyLayout(form);
    this.resizeObserver = new ResizeObserver(() => this.redraw(true));
    this.resizeObserver.observe(this.els.main);
  },

  /**
   * Layout attribute (not state): `panels="tools,read"` shows only the named
   * parts besides the maps (controls, tools, read: the read-out, net: the
   * network drawing and confusion matrix, curves), for a slide with little
   * room. Unknown names are ignored; missing = all.
   */
  applyLayout(form) {
    const text = this.getAttribute('panels');
    if (text === null) return;
    const names = new Set(text.split(',').map((x) => x.trim()).filter((x) => PANELS.includes(x)));
    if (!names.size) return;
    form.hidden = !names.has('controls');
    this.els.main.querySelector('.tools').hidden = !names.has('tools');
    this.els.curves.hidden = !names.has('curves');
    for (const c of this.cards) {
      c.read.hidden = !names.has('read');
      c.fig.querySelector('.below').hidden = !names.has('net');
    }
    this.els.root.querySelector('.layout').classList.toggle('no-form', form.hidden);
    this.els.root.classList.toggle('few', !names.has('curves') && !names.has('net'));
  },

  /** Own data: CSV pasted or read from a file, parsed in the page (csv.mjs); used until "back". */
  ownDataBox() {
    const text = h('textarea', { rows: 4, placeholder: 'x1, x2, label', 'aria-label': 'CSV', spellcheck: 'false' });
    // The browser's own file button speaks the browser's language; this one the page's.
    const file = h('input', { type: 'file', accept: '.csv,.txt,text/csv,text/plain', 'aria-label': 'CSV file', hidden: true });
    const open = h('button', { type: 'button', dataset: { i18n: 'mlp.own.file', act: 'openOwn' }, onclick: () => file.click() });
    const note = h('div', { class: 'note', role: 'status' });
    file.addEventListener('change', async () => {
      const f = file.files?.[0];
      if (f) this.useOwnData(await f.text(), f.name);
      file.value = '';
    });
    const use = h('button', { type: 'button', dataset: { i18n: 'mlp.own.use', act: 'useOwn' }, onclick: () => this.useOwnData(text.value, '') });
    const back = h('button', { type: 'button', dataset: { i18n: 'mlp.own.back', act: 'backOwn' }, onclick: () => this.useOwnData(null) });
    const box = h('details', { class: 'own' }, [h('summary', { dataset: { i18n: 'mlp.own.title' } }),
      h('div', { class: 'note', dataset: { i18n: 'mlp.own.hint' } }), text, h('div', { class: 'ownTools' }, [use, open, file]), note, back]);
    return { box, text, file, note, back };
  },

  /** One network's card: its map (click adds a point), read-out, drawing and confusion matrix. */
  card(k) {
    const map = h('canvas', { class: 'map', role: 'img', dataset: { i18nLabel: 'mlp.panel.map' } });
    map.addEventListener('click', (e) => {
      const r = map.getBoundingClientRect();
      this.addPoint(e.clientX - r.left, e.clientY - r.top, r.width, r.height);
    });
    const title = h('span', { class: 'name' });
    const net = h('canvas', { class: 'net', role: 'img', dataset: { i18nLabel: 'mlp.panel.net' } });
    const read = h('div', { class: 'read', role: 'status' });
    const confusion = h('table', { class: 'confusion' });
    const cells = this.fillConfusion(confusion, 2);
    // Every hidden unit of one layer as a small map (shown with the `units` check box).
    const layer = h('select', { name: 'unitsLayer', 'aria-label': t('mlp.unitsLayer') });
    layer.addEventListener('change', () => this.setState({ unitsLayer: Number(layer.value) }));
    const tiles = h('div', { class: 'tiles' });
    const units = h('div', { class: 'units' }, [
      h('div', { class: 'unitsHead' }, [h('span', { dataset: { i18n: 'mlp.unitsLayer' } }), layer, h('span', { class: 'unitsNote', dataset: { i18n: 'mlp.unitsNote' } })]),
      tiles]);
    // The BP view of the last one-sample step (filled by mlp.mjs, drawBp()).
    const bp = h('div', { class: 'bp', hidden: true });
    const fig = h('figure', { class: 'card', dataset: { net: k ? 'B' : 'A' } }, [
      h('figcaption', {}, [title, h('button', { type: 'button', text: 'PNG', title: 'PNG',
        onclick: () => downloadPng(map, `mlp-map-${k ? 'B' : 'A'}.png`) })]),
      map, read,
      h('div', { class: 'below' }, [net, confusion]),
      units, bp,
    ]);
    // cells in confusion order: cells[K · true + said] (two classes: [−1/−1, −1/+1, +1/−1, +1/+1])
    return { fig, map, title, net, read, cells, confusion, classes: 2, image: null, units, layer, tiles, bp };
  },

  /**
   * The confusion matrix's rows (the true class) and columns (what the
   * network says) for K classes: two as ±1 (+1 first), more as 1 … K (or
   * the labels of the student's CSV). Returns the cells, cells[K · true + said].
   */
  fillConfusion(table, K, labels) {
    const order = K === 2 ? [1, 0] : Array.from({ length: K }, (_, c) => c);
    const name = (c, tag) => (K === 2
      ? h(tag, { dataset: { i18n: c ? 'mlp.class.plus' : 'mlp.class.minus', cls: String(c) } })
      : h(tag, { text: String(labels?.[c] ?? c + 1), dataset: { cls: String(c) } }));
    const cells = Array.from({ length: K * K }, () => h('td'));
    table.replaceChildren(
      h('tr', {}, [h('th'), h('th', { colspan: K, dataset: { i18n: 'mlp.conf.said' } })]),
      h('tr', {}, [h('th', { dataset: { i18n: 'mlp.conf.true' } }), ...order.map((c) => name(c, 'th'))]),
      ...order.map((tc) => h('tr', {}, [name(tc, 'th'), ...order.map((sc) => cells[K * tc + sc])])),
    );
    return cells;
  },

  /** The layer editor of configuration `field` ('net' or 'netB'): a row per hidden layer. */
  netEditor(field) {
    const rows = h('div', { class: 'layers' });
    const add = h('button', { type: 'button', class: 'addLayer', dataset: { i18n: 'mlp.addLayer' }, onclick: () => {
      const spec = parseNet(this._state[field]);
      if (spec.units.length >= MAX_LAYERS) return;
      spec.units.push(spec.units.at(-1) ?? 8);
      spec.acts.push(spec.acts.at(-1) ?? 'tanh');
      this.setState({ [field]: formatNet(spec) });
    } });
    const label = h('div', { class: 'netname', dataset: { i18n: `mlp.${field}` } });
    const box = h('div', { class: 'editor', dataset: { field } }, [label, rows, add]);
    return { box, rows, add, field, shown: null };
  },

  /** Rebuild the editor rows when the layer count changed, else set their values. */
  syncEditor(ed) {
    const spec = parseNet(this._state[ed.field]);
    ed.add.disabled = spec.units.length >= MAX_LAYERS;
    if (ed.shown !== spec.units.length) {
      ed.shown = spec.units.length;
      ed.rows.replaceChildren(...spec.units.map((_, l) => this.layerRow(ed, l)));
      if (!spec.units.length) ed.rows.append(h('div', { class: 'note', dataset: { i18n: 'mlp.noHidden' }, text: t('mlp.noHidden') }));
    }
    spec.units.forEach((u, l) => {
      const row = ed.rows.children[l];
      if (Number(row.units.value) !== u) row.units.value = String(u);
      row.act.value = spec.acts[l];
    });
  },

  layerRow(ed, l) {
    const edit = (fn) => {
      const spec = parseNet(this._state[ed.field]);
      fn(spec);
      this.setState({ [ed.field]: formatNet(spec) });
    };
    const units = h('input', { type: 'number', min: 1, max: MAX_UNITS, step: 1, 'aria-label': `${t('mlp.unitCount')} ${l + 1}` });
    units.addEventListener('change', () => {
      const v = Number(units.value);
      if (Number.isInteger(v) && v >= 1 && v <= MAX_UNITS) edit((s) => { s.units[l] = v; });
    });
    const act = h('select', { 'aria-label': `φ ${l + 1}` }, ACTIVATIONS.map((a) => h('option', { value: a, dataset: { i18n: `mlp.act.${a}` }, text: t(`mlp.act.${a}`) })));
    act.addEventListener('change', () => edit((s) => { s.acts[l] = act.value; }));
    const remove = h('button', { type: 'button', class: 'remove', text: '×', dataset: { i18nTitle: 'mlp.removeLayer' }, title: t('mlp.removeLayer'),
      onclick: () => edit((s) => { s.units.splice(l, 1); s.acts.splice(l, 1); }) });
    const row = h('div', { class: 'layer' }, [h('span', { class: 'idx', text: String(l + 1) }), units, act, remove]);
    Object.assign(row, { units, act });
    return row;
  },

  syncControls() {
    const s = this._state;
    for (const { input, out, row, sl } of SLIDERS.map((x) => this.els[x.name])) {
      const p = toSlider(sl, s[sl.name]);
      if (Math.abs(Number(input.value) - p) >= (sl.step ?? 1) / 2) input.value = String(p);
      out.textContent = sl.fmt(s[sl.name]);
      const dataSlider = ['n', 'nTest', 'r', 'w', 'd', 'noise', 'classes'].includes(sl.name);
      row.hidden = (sl.only && s.data !== sl.only) || (sl.except && s.data === sl.except) || (dataSlider && Boolean(this.own))
        || (sl.sets && !sl.sets.includes(s.data))
        || (sl.schedule && s.schedule === 'constant');
    }
    for (const name of SELECTS) this.els[name].select.value = s[name];
    // More than two classes: softmax and cross-entropy only (the session uses them whatever the choice).
    const many = this.classCount() > 2;
    for (const o of this.els.loss.select.options) o.disabled = many && o.value !== 'ce';
    if (many) this.els.loss.select.value = 'ce';
    this.els.addClass.closest('.add').hidden = many;
    for (const name of [...NUMBERS, ...DECIMALS]) {
      const { input } = this.els[name];
      if (input.value === '' || Number(input.value) !== s[name]) input.value = String(s[name]);
    }
    this.els.compare.input.checked = s.compare;
    this.els.showTest.input.checked = s.showTest;
    this.els.units.input.checked = s.units;
    this.els.addClass.value = s.addClass;
    this.syncEditor(this.els.editA);
    this.syncEditor(this.els.editB);
    this.els.editB.box.hidden = !s.compare;
    this.els.clearAdded.hidden = !(s.plus.length || s.minus.length);
    this.els.data.row.hidden = Boolean(this.own);
    this.els.dataSeed.row.hidden = Boolean(this.own);
    this.els.own.back.hidden = !this.own;
    if (this.own) {
      const o = this.own;
      const skipped = o.skipped ? ` · ${o.skipped} ${t('mlp.own.skipped')} ${o.skippedLines.join(', ')}${o.skipped > o.skippedLines.length ? ', …' : ''}` : '';
      this.els.own.note.textContent = `${t('mlp.own.using')}${o.name ? ` ${o.name}` : ''}: ${o.rows} ${t('mlp.own.rows')} (${o.train.c.length} + ${o.test.c.length}), ${o.classes} ${t('mlp.classes')}${skipped}`;
      this.els.own.note.classList.remove('error');
    }
  },
};
