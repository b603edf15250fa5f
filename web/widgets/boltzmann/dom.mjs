// <simcore-boltzmann>'s DOM: the controls (data, machine, learning), the
// tool bar, the statistics and weight matrices, the log-likelihood curve,
// the fantasies, the encoder's recall table, pattern completion and the
// drawing editor. Mixed into the element (boltzmann.mjs).
import { adoptStyle, h } from '../shared/base.mjs';
import { getLang, setLang, t } from '../shared/i18n.mjs';
import { downloadPng } from '../shared/draw.mjs';
import { LinePlot } from '../hopfield/plots.mjs';
import uplotCss from 'uplot/dist/uPlot.min.css';
import css from './style.mjs';
import { BOLTZMANN_SCHEMA } from './schema.mjs';

// Sliders: `log` ones move log10 of the value.
export const SLIDERS = [
  { name: 'hidden', min: 0, max: 16, step: 1, fmt: String },
  { name: 'epsilon', min: -3, max: Math.log10(2), step: 0.05, log: true, fmt: (v) => String(Number(v.toPrecision(3))) },
  { name: 'temperature', min: 0.2, max: 5, step: 0.05, fmt: (v) => v.toFixed(2) },
  { name: 'sweeps', min: 1, max: 200, step: 1, fmt: String, only: ['gibbs'] },
  { name: 'anneal', min: 0, max: 200, step: 1, fmt: String, only: ['gibbs'] },
  { name: 'tStart', min: 0.2, max: 50, step: 0.1, fmt: (v) => v.toFixed(1), only: ['gibbs'] },
  { name: 'k', min: 1, max: 20, step: 1, fmt: String, only: ['cd', 'pcd'] },
];
export const SELECTS = ['set', 'machine', 'method', 'speed'];
export const NUMBERS = ['seed', 'epochs'];
const PANELS = ['controls', 'tools', 'stats', 'weights', 'll', 'fantasies', 'recall', 'completion'];

const toSlider = (sl, v) => (sl.log ? Math.log10(v) : v);
const fromSlider = (sl, p) => (sl.log ? Number((10 ** p).toPrecision(3)) : p);

export const DOM = {
  build(root) {
    this.els = {};
    const form = h('form', { onsubmit: (e) => e.preventDefault() });
    for (const sl of SLIDERS) {
      const id = `c-${sl.name}`;
      const input = h('input', { type: 'range', id, name: sl.name, min: sl.min, max: sl.max, step: sl.step });
      input.addEventListener('input', () => this.setState({ [sl.name]: fromSlider(sl, Number(input.value)) }));
      const out = h('output', { for: id });
      const row = h('div', { class: 'row' }, [h('label', { for: id, dataset: { i18n: `bm.${sl.name}` } }), out, input]);
      this.els[sl.name] = { input, out, row, sl };
    }
    for (const name of SELECTS) {
      const id = `c-${name}`;
      const select = h('select', { id, name });
      for (const c of BOLTZMANN_SCHEMA[name].choices) select.append(h('option', { value: c, dataset: { i18n: `bm.${name}.${c}` } }));
      select.addEventListener('change', () => this.setState({ [name]: select.value }));
      const row = h('div', { class: 'row sel' }, [h('label', { for: id, dataset: { i18n: `bm.${name}` } }), select]);
      this.els[name] = { select, row };
    }
    for (const name of NUMBERS) {
      const id = `c-${name}`;
      const f = BOLTZMANN_SCHEMA[name];
      const input = h('input', { type: 'number', id, name, min: f.min, max: f.max, step: 1 });
      input.addEventListener('change', () => this.setState({ [name]: Number(input.value) }));
      const row = h('div', { class: 'row sel' }, [h('label', { for: id, dataset: { i18n: `bm.${name}` } }), input]);
      this.els[name] = { input, row };
    }
    this.els.methodNote = h('p', { class: 'note why', role: 'status' });
    this.els.drawBox = this.drawEditor();
    const group = (key, rows) => h('fieldset', {}, [h('legend', { dataset: { i18n: key } }), ...rows]);
    const rowsOf = (names) => names.map((n) => this.els[n].row);
    form.append(
      group('bm.group.data', [this.els.set.row, this.els.drawBox]),
      group('bm.group.machine', [...rowsOf(['machine', 'hidden', 'seed'])]),
      group('bm.group.learn', [this.els.method.row, this.els.methodNote, ...rowsOf(['epsilon', 'temperature', 'sweeps', 'anneal', 'tStart', 'k', 'epochs', 'speed'])]),
    );

    const button = (key, onclick, cls = '') => h('button', { type: 'button', class: cls, dataset: { i18n: key, act: key.split('.').pop() }, onclick });
    this.els.play = button('bm.play', () => this.toggleRun(), 'primary');
    this.els.info = h('span', { class: 'info', role: 'status', 'aria-live': 'polite' });
    const tools = h('div', { class: 'tools' }, [this.els.play, button('bm.step', () => this.stepEpoch()),
      button('bm.reset', () => this.resetWeights()), this.els.info]);

    // ⟨s_i s_j⟩ of both phases and their difference, the weights.
    const matrix = (key, name) => {
      const canvas = h('canvas', { class: 'matrix', role: 'img', dataset: { i18nLabel: key, m: name } });
      const scale = h('span', { class: 'scale' });
      const fig = h('figure', { class: 'mat', dataset: { panel: name } }, [h('figcaption', {}, [h('span', { dataset: { i18n: key } }), scale]), canvas]);
      this.els[`${name}Canvas`] = canvas;
      this.els[`${name}Scale`] = scale;
      return fig;
    };
    this.els.statsHow = h('span', { class: 'how' });
    const statsFig = h('figure', { class: 'stats', dataset: { panel: 'stats' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'bm.panel.stats' } }), this.els.statsHow]),
      h('div', { class: 'mats' }, [matrix('bm.mat.data', 'data'), matrix('bm.mat.model', 'model'), matrix('bm.mat.diff', 'diff')]),
      h('p', { class: 'note', dataset: { i18n: 'bm.stats.note' } })]);
    this.els.biases = h('canvas', { class: 'strip', role: 'img', dataset: { i18nLabel: 'bm.panel.biases' } });
    const weightsFig = h('figure', { class: 'weights', dataset: { panel: 'weights' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'bm.panel.weights' } }), this.els.weightsScale = h('span', { class: 'scale' }),
        h('button', { type: 'button', text: 'PNG', title: 'PNG', onclick: () => downloadPng(this.els.weightsCanvas, 'boltzmann-weights.png') })]),
      this.els.weightsCanvas = h('canvas', { class: 'matrix', role: 'img', dataset: { i18nLabel: 'bm.panel.weights', m: 'weights' } }),
      h('div', { class: 'stripLabel', dataset: { i18n: 'bm.panel.biases' } }), this.els.biases]);

    const llBox = h('div', { class: 'plot' });
    this.llPlot = new LinePlot(llBox, { height: 170, series: [{ stroke: '#2456c7', width: 1.6 }, { stroke: '#2a9d5c', width: 1.2, dash: [5, 4] }] });
    this.els.llRead = h('p', { class: 'note read' });
    const llFig = h('figure', { class: 'll', dataset: { panel: 'll' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'bm.panel.ll' } }),
        h('button', { type: 'button', text: 'PNG', title: 'PNG', onclick: () => this.llPlot.canvas && downloadPng(this.llPlot.canvas, 'boltzmann-loglik.png') })]),
      llBox, this.els.llRead]);

    this.els.fantasies = h('div', { class: 'fantasies' });
    const fantasyFig = h('figure', { class: 'fant', dataset: { panel: 'fantasies' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'bm.panel.fantasies' } }), button('bm.newFantasies', () => this.newFantasies())]),
      this.els.fantasies, this.els.fantasyRead = h('p', { class: 'note read' })]);

    this.els.recall = h('table', { class: 'recall' });
    this.els.recallRead = h('p', { class: 'note read key' });
    const recallFig = h('figure', { class: 'rec', dataset: { panel: 'recall' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'bm.panel.recall' } })]),
      h('div', { class: 'recallBox' }, [this.els.recall]), this.els.recallRead, h('p', { class: 'note', dataset: { i18n: 'bm.recall.note' } })]);
    this.els.recallFig = recallFig;

    const completeFig = this.completionPanel(button);

    this.els.timing = h('div', { class: 'timing', dataset: { i18n: 'status.loading' } });
    this.els.lang = h('button', { type: 'button', class: 'lang', dataset: { i18n: 'lang.switch', i18nTitle: 'lang.switchTitle' },
      onclick: () => setLang(getLang() === 'zh' ? 'en' : 'zh') });
    const header = h('header', {}, [h('h2', { dataset: { i18n: 'bm.title' } }), this.els.lang, this.els.timing]);
    this.els.main = h('div', { class: 'main' }, [tools, statsFig, weightsFig, llFig, fantasyFig, recallFig, completeFig]);
    this.els.root = h('div', { class: 'root' }, [header, h('div', { class: 'layout' }, [form, this.els.main])]);
    adoptStyle(root, css + uplotCss);
    root.append(this.els.root);
    this.applyLayout(form, tools);

    this.resizeObserver = new ResizeObserver(() => {
      this.llPlot.resize();
      this.redraw();
    });
    this.resizeObserver.observe(this.els.main);
  },

  /**
   * Layout attribute (not state): `panels="tools,stats,ll"` shows only the
   * named parts (controls, tools, stats, weights, ll, fantasies, recall,
   * completion), for a slide with little room. Unknown names are ignored;
   * missing = all.
   */
  applyLayout(form, tools) {
    const text = this.getAttribute('panels');
    if (text === null) return;
    const names = new Set(text.split(',').map((x) => x.trim()).filter((x) => PANELS.includes(x)));
    if (!names.size) return;
    for (const fig of this.els.main.querySelectorAll(':scope > figure[data-panel]')) fig.hidden = !names.has(fig.dataset.panel);
    this.els.recallFig.dataset.off = names.has('recall') ? '' : '1'; // drawRecall() shows it for the encoder only
    tools.hidden = !names.has('tools');
    form.hidden = !names.has('controls');
    this.els.root.classList.add('few');
    this.els.root.querySelector('.layout').classList.toggle('no-form', form.hidden);
  },

  /** The 4 × 4 drawing grid, its tools and the list of drawn patterns (shown for the `drawn` set). */
  drawEditor() {
    this.els.drawGrid = h('canvas', { class: 'draw', role: 'img', tabindex: 0, dataset: { i18nLabel: 'bm.draw.grid' } });
    this.els.drawGrid.addEventListener('pointerdown', (e) => this.drawClick(e));
    this.keyboardGrid(this.els.drawGrid, 'draw');
    this.els.drawList = h('div', { class: 'drawn' });
    const b = (key, fn) => h('button', { type: 'button', dataset: { i18n: key, act: key.split('.').pop() }, onclick: fn });
    return h('div', { class: 'drawBox' }, [
      h('p', { class: 'note', dataset: { i18n: 'bm.draw.hint' } }),
      h('div', { class: 'drawRow' }, [this.els.drawGrid, h('div', { class: 'drawTools' }, [b('bm.draw.add', () => this.addDrawing()), b('bm.draw.clear', () => this.clearDrawing())])]),
      this.els.drawList]);
  },

  /** Keys on a grid canvas (gridKey), its cursor drawn while it has the focus. */
  keyboardGrid(canvas, which) {
    canvas.addEventListener('keydown', (e) => this.gridKey(e, which));
    const redraw = () => (which === 'comp' ? this.drawCompletion() : this.drawPen());
    canvas.addEventListener('focus', redraw);
    canvas.addEventListener('blur', redraw);
  },

  /** Pattern completion: a starting pattern, units clicked to clamp or free them, sampling. */
  completionPanel(button) {
    this.els.compStart = h('select', { name: 'compStart', 'aria-label': 'pattern' });
    this.els.compStart.addEventListener('change', () => this.startCompletion(Number(this.els.compStart.value)));
    this.els.compGrid = h('canvas', { class: 'unitsGrid', role: 'img', tabindex: 0, dataset: { i18nLabel: 'bm.comp.sample' } });
    this.els.compGrid.addEventListener('pointerdown', (e) => this.toggleClamp(e));
    this.keyboardGrid(this.els.compGrid, 'comp');
    this.els.compProbs = h('canvas', { class: 'unitsGrid probs', role: 'img', dataset: { i18nLabel: 'bm.comp.probs' } });
    this.els.compRun = button('bm.comp.run', () => this.toggleCompletion(), 'primary');
    this.els.compRead = h('p', { class: 'note read' });
    this.els.compHalf = button('bm.comp.half', () => this.clampHalf());
    return h('figure', { class: 'comp', dataset: { panel: 'completion' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'bm.panel.completion' } })]),
      h('div', { class: 'compTools' }, [h('span', { dataset: { i18n: 'bm.comp.start' } }), this.els.compStart, this.els.compRun,
        button('bm.comp.once', () => this.sampleOnce()), this.els.compHalf, button('bm.comp.none', () => this.unclampAll())]),
      h('div', { class: 'compGrids' }, [
        h('div', {}, [h('div', { class: 'sub', dataset: { i18n: 'bm.comp.sample' } }), this.els.compGrid]),
        h('div', {}, [h('div', { class: 'sub', dataset: { i18n: 'bm.comp.probs' } }), this.els.compProbs])]),
      this.els.compRead, h('p', { class: 'note', dataset: { i18n: 'bm.comp.hint' } })]);
  },

  syncControls() {
    const s = this._state;
    for (const sl of SLIDERS) {
      const { input, out, row } = this.els[sl.name];
      const pos = toSlider(sl, s[sl.name]);
      if (Math.abs(Number(input.value) - pos) >= sl.step / 2) input.value = String(pos);
      out.textContent = sl.fmt(s[sl.name]);
      if (sl.only) row.hidden = !sl.only.includes(this.method ?? s.method);
    }
    for (const name of SELECTS) this.els[name].select.value = s[name];
    for (const name of NUMBERS) this.els[name].input.value = String(s[name]);
    this.els.drawBox.hidden = s.set !== 'drawn';
    const units = this.units ?? 0;
    const max = this.maxExact ?? 20;
    const opts = [...this.els.method.select.options];
    for (const o of opts) o.disabled = (o.value === 'exact' && units > max) || ((o.value === 'cd' || o.value === 'pcd') && s.machine !== 'rbm');
    let why = '';
    if (this.method && this.method !== s.method) {
      why = s.method === 'exact' ? t('bm.why.exact').replace('{n}', String(units)).replace('{max}', String(max)) : t('bm.why.cd');
    } else if (units > max) {
      why = t('bm.why.big').replace('{n}', String(units)).replace('{max}', String(max));
    }
    this.els.methodNote.textContent = why;
    this.els.methodNote.hidden = !why;
  },
};
