// <simcore-hopfield>'s DOM: the controls, the grid and its tool bars, the
// pattern thumbnails, the energy, weight and capacity panels, and the
// `panels` layout attribute. Mixed into the element (hopfield.mjs).
import { adoptStyle, h } from '../shared/base.mjs';
import { getLang, setLang } from '../shared/i18n.mjs';
import { downloadPng } from '../shared/draw.mjs';
import { NeuronGrid } from './grid.mjs';
import { LinePlot } from './plots.mjs';
import uplotCss from 'uplot/dist/uPlot.min.css';
import css from './style.mjs';
import { HOPFIELD_SCHEMA } from './schema.mjs';

export const SLIDERS = [
  { name: 'size', min: 8, max: 32, step: 1, fmt: (v) => `${v}×${v}` },
  { name: 'count', min: 0, max: 40, step: 1, fmt: (v) => String(v) },
  { name: 'temperature', min: 0, max: 3, step: 0.05, fmt: (v) => v.toFixed(2) },
  { name: 'noise', min: 0, max: 50, step: 1, fmt: (v) => `${v} %` },
  { name: 'speed', min: 0.25, max: 30, step: 0.25, fmt: (v) => `${v.toFixed(2)}/s` },
  { name: 'annealFrom', min: 0.05, max: 5, step: 0.05, fmt: (v) => v.toFixed(2) },
  { name: 'annealTo', min: 0.01, max: 1, step: 0.01, fmt: (v) => v.toFixed(2) },
  { name: 'annealSweeps', min: 2, max: 500, step: 1, fmt: (v) => String(v) },
];
export const SELECTS = ['set', 'rule', 'mode', 'build'];
const PANELS = ['grid', 'controls', 'patterns', 'energy', 'weights', 'capacity'];

export const DOM = {
  build(root) {
    this.els = {};
    const form = h('form', { onsubmit: (e) => e.preventDefault() });
    for (const sl of SLIDERS) {
      const id = `c-${sl.name}`;
      const input = h('input', { type: 'range', id, name: sl.name, min: sl.min, max: sl.max, step: sl.step });
      input.addEventListener('input', () => this.setState({ [sl.name]: Number(input.value) }));
      const out = h('output', { for: id });
      const row = h('div', { class: 'row' }, [h('label', { for: id, dataset: { i18n: `hopfield.${sl.name}` } }), out, input]);
      this.els[sl.name] = { input, out, row };
    }
    for (const name of SELECTS) {
      const id = `c-${name}`;
      const select = h('select', { id, name });
      for (const c of HOPFIELD_SCHEMA[name].choices) select.append(h('option', { value: c, dataset: { i18n: `hopfield.${name}.${c}` } }));
      select.addEventListener('change', () => this.setState({ [name]: select.value }));
      const row = h('div', { class: 'row' }, [h('label', { for: id, dataset: { i18n: `hopfield.${name}` } }), select]);
      this.els[name] = { select, row };
    }
    const group = (key, names) => h('fieldset', {}, [h('legend', { dataset: { i18n: key } }), ...names.map((n) => this.els[n].row)]);
    form.append(
      group('hopfield.group.memory', ['set', 'count', 'rule', 'size']),
      group('hopfield.group.dynamics', ['mode', 'temperature', 'speed', 'noise']),
      group('hopfield.group.anneal', ['annealFrom', 'annealTo', 'annealSweeps']),
      this.els.build.row,
    );

    const button = (key, onclick, cls = '') => h('button', { type: 'button', class: cls, dataset: { i18n: key, act: key.split('.').pop() }, onclick });
    this.els.grid = h('canvas', { class: 'grid', role: 'img', dataset: { i18nLabel: 'hopfield.panel.grid' } });
    this.gridView = new NeuronGrid(this.els.grid, () => this.s, (i, v, first) => this.paintCell(i, v, first), () => this.paintEnd());
    this.els.play = button('hopfield.play', () => this.toggleRun(), 'primary');
    this.els.stepBtn = button('hopfield.step', () => this.stepNeuron());
    const recallBar = h('div', { class: 'tools' }, [
      this.els.play, this.els.stepBtn, button('hopfield.sweep', () => this.stepSweep()),
      button('hopfield.anneal', () => this.startAnneal()),
    ]);
    const editBar = h('div', { class: 'tools' }, [
      button('hopfield.corrupt', () => this.corrupt()), button('hopfield.erase', () => this.erase()),
      button('hopfield.randomState', () => this.randomState()), button('hopfield.clear', () => this.clearState()),
      button('hopfield.invert', () => this.invert()), button('hopfield.store', () => this.storeDrawing()),
    ]);
    this.els.info = h('p', { class: 'info', role: 'status', 'aria-live': 'polite' });
    const gridFig = h('figure', { class: 'gridfig', dataset: { panel: 'grid' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'hopfield.panel.grid' } }),
        h('button', { type: 'button', text: 'PNG', title: 'PNG', onclick: () => this.exportPng() })]),
      this.els.grid, this.els.info, recallBar, editBar,
      h('p', { class: 'note', dataset: { i18n: 'hopfield.drawHint' } }),
    ]);

    this.els.thumbs = h('div', { class: 'thumbs' });
    this.els.forget = button('hopfield.forget', () => this.forgetOwn());
    const patternsFig = h('figure', { dataset: { panel: 'patterns' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'hopfield.panel.patterns' } }), this.els.forget]),
      this.els.thumbs, h('p', { class: 'note', dataset: { i18n: 'hopfield.patternsHint' } })]);

    const energyBox = h('div', { class: 'plot' });
    this.energyPlot = new LinePlot(energyBox, { height: 150, series: [{ stroke: '#2456c7', width: 1.5 }] });
    const energyFig = h('figure', { dataset: { panel: 'energy' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'hopfield.panel.energy' } }),
        h('button', { type: 'button', text: 'PNG', title: 'PNG', onclick: () => this.energyPlot.canvas && downloadPng(this.energyPlot.canvas, 'hopfield-energy.png') })]),
      energyBox]);

    this.els.weights = h('canvas', { class: 'img', role: 'img', dataset: { i18nLabel: 'hopfield.panel.weights' } });
    this.els.weightsView = h('select', { name: 'weights', 'aria-label': 'W' });
    for (const c of HOPFIELD_SCHEMA.weights.choices) this.els.weightsView.append(h('option', { value: c, dataset: { i18n: `hopfield.weights.${c}` } }));
    this.els.weightsView.addEventListener('change', () => this.setState({ weights: this.els.weightsView.value }));
    this.els.weightsNote = h('span');
    this.els.wLo = h('span');
    this.els.wHi = h('span');
    const weightsFig = h('figure', { dataset: { panel: 'weights' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'hopfield.panel.weights' } }), this.els.weightsView,
        h('button', { type: 'button', text: 'PNG', title: 'PNG', onclick: () => downloadPng(this.weightSource, 'hopfield-weights.png') })]),
      this.els.weights, h('div', { class: 'range' }, [this.els.wLo, this.els.weightsNote, this.els.wHi])]);

    const capBox = h('div', { class: 'plot' });
    this.capacityPlot = new LinePlot(capBox, { height: 170, x: { range: [0, 0.31] }, y: { range: [0, 1.02] }, series: [
      // Each series its own colour (and the overlap dashed): the legend swatches must tell them apart.
      { stroke: '#c0392b', width: 2, points: true }, { stroke: '#d0528f', width: 1.5, dash: [5, 4] },
      { stroke: '#2a9d5c', width: 2 }, { stroke: '#6a3fb5', width: 2 }] });
    this.els.capBtn = button('hopfield.capacity.compute', () => (this.capRun ? this.stopCapacity() : this.computeCapacity()));
    this.els.capInfo = h('p', { class: 'note', dataset: { i18n: 'hopfield.capacity.note' } });
    this.els.capN = h('select', { id: 'c-capacityN', name: 'capacityN' },
      HOPFIELD_SCHEMA.capacityN.choices.map((c) => h('option', { value: c, text: c })));
    this.els.capN.addEventListener('change', () => this.setState({ capacityN: this.els.capN.value }));
    const tr = HOPFIELD_SCHEMA.capacityTrials;
    this.els.capTrials = h('input', { type: 'range', id: 'c-capacityTrials', name: 'capacityTrials', min: tr.min, max: tr.max, step: 1 });
    this.els.capTrials.addEventListener('input', () => this.setState({ capacityTrials: Number(this.els.capTrials.value) }));
    this.els.capTrialsOut = h('output', { for: 'c-capacityTrials' });
    const capControls = h('div', { class: 'capctl' }, [
      h('span', {}, [h('label', { for: 'c-capacityN', dataset: { i18n: 'hopfield.capacityN' } }), this.els.capN]),
      h('span', { class: 'trials' }, [h('label', { for: 'c-capacityTrials', dataset: { i18n: 'hopfield.capacityTrials' } }),
        this.els.capTrials, this.els.capTrialsOut])]);
    const capacityFig = h('figure', { class: 'wide', dataset: { panel: 'capacity' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'hopfield.panel.capacity' } }), this.els.capBtn]),
      capControls, capBox, this.els.capInfo]);

    this.els.timing = h('div', { class: 'timing', dataset: { i18n: 'status.loading' } });
    this.els.lang = h('button', { type: 'button', class: 'lang', dataset: { i18n: 'lang.switch', i18nTitle: 'lang.switchTitle' },
      onclick: () => setLang(getLang() === 'zh' ? 'en' : 'zh') });
    const header = h('header', {}, [h('h2', { dataset: { i18n: 'hopfield.title' } }), this.els.lang, this.els.timing]);
    const side = h('div', { class: 'side' }, [patternsFig, energyFig, weightsFig]);
    // One grid of four areas (hopfield-style.mjs): the neurons come first on a phone.
    this.els.root = h('div', { class: 'root' }, [header, h('div', { class: 'layout' }, [gridFig, form, side, capacityFig])]);
    adoptStyle(root, css + uplotCss);
    root.append(this.els.root);
    this.applyLayout(form);

    this.weightSource = document.createElement('canvas');
    this.resizeObserver = new ResizeObserver(() => {
      if (this.s) this.drawGrid();
      if (this.weightSource.width > 0) this.presentWeights();
      this.energyPlot.resize();
      this.capacityPlot.resize();
    });
    this.resizeObserver.observe(gridFig);
    this.resizeObserver.observe(energyFig);
    this.resizeObserver.observe(capacityFig);
  },

  /**
   * Layout attribute (not state): `panels="grid,energy"` shows only the named
   * parts (grid, controls, patterns, energy, weights, capacity), for a slide
   * with little room. Unknown names are ignored; missing = all.
   */
  applyLayout(form) {
    const text = this.getAttribute('panels');
    if (text === null) return;
    const names = new Set(text.split(',').map((x) => x.trim()).filter((x) => PANELS.includes(x)));
    if (!names.size) return;
    for (const fig of this.els.root.querySelectorAll('figure[data-panel]')) fig.hidden = !names.has(fig.dataset.panel);
    form.hidden = !names.has('controls');
    this.els.root.querySelector('.layout').classList.toggle('no-form', form.hidden); // no empty controls column
  },
};
