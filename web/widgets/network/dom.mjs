// <simcore-network>'s DOM: the raster with its transport bar, the rate,
// spectrum, trace and (v, u) panels, and the controls. Mixed into the
// element (network.mjs).
import { adoptStyle, h } from '../shared/base.mjs';
import { getLang, setLang } from '../shared/i18n.mjs';
import { NETWORK_SCHEMA } from './schema.mjs';
import css from './style.mjs';

const num = (d) => (v) => v.toFixed(d);
// Each slider's change is a new network (network.mjs builds it once the slider rests).
export const SLIDERS = [
  { name: 'ne', step: 1, fmt: String, group: 'net' },
  { name: 'ni', step: 1, fmt: String, group: 'net' },
  { name: 'noiseExc', step: 0.1, fmt: num(1), group: 'input' },
  { name: 'noiseInh', step: 0.1, fmt: num(1), group: 'input' },
  { name: 'scaleExc', step: 0.01, fmt: num(2), group: 'coupling' },
  { name: 'scaleInh', step: 0.01, fmt: num(2), group: 'coupling' },
];
// Speed on a log slider: 0.05× to 200×.
export const speedToSlider = (s) => Math.log10(s);
export const sliderToSpeed = (x) => Number((10 ** x).toPrecision(2));
export const fmtSpeed = (s) => `${s < 1 ? s.toPrecision(2) : s.toFixed(s < 10 ? 1 : 0)}×`;

const PANELS = ['raster', 'controls', 'spectrum', 'trace', 'path'];

export const DOM = {
  build(root) {
    this.els = {};
    const button = (key, onclick, cls = '') => h('button', { type: 'button', class: cls, dataset: { i18n: key, act: key.split('.').pop() }, onclick });
    const canvas = (cls, label) => h('canvas', { class: cls, role: 'img', dataset: { i18nLabel: label } });

    this.els.raster = canvas('raster', 'network.panel.raster');
    this.els.raster.addEventListener('click', (e) => this.pickNeuron(e));
    this.els.rate = canvas('rate', 'network.panel.rate');
    this.els.play = button('network.play', () => this.toggleRun(), 'primary'); // data-act=play: run and pause
    const sp = NETWORK_SCHEMA.speed;
    this.els.speed = h('input', { type: 'range', id: 'c-speed', name: 'speed', min: speedToSlider(sp.min), max: speedToSlider(sp.max), step: 0.01 });
    this.els.speed.addEventListener('input', () => this.setState({ speed: Math.min(sp.max, Math.max(sp.min, sliderToSpeed(Number(this.els.speed.value)))) }));
    this.els.speedOut = h('output', { for: 'c-speed' });
    const transport = h('div', { class: 'tools' }, [
      this.els.play, button('network.step', () => this.stepOnce()), button('network.reset', () => this.resetNet()),
      button('network.reseed', () => this.reseed()),
      h('span', { class: 'speed' }, [h('label', { for: 'c-speed', dataset: { i18n: 'network.speed' } }), this.els.speed, this.els.speedOut]),
    ]);
    this.els.info = h('p', { class: 'info', role: 'status' });
    const legend = h('p', { class: 'legend' }, [
      h('span', { class: 'sw exc' }), h('span', { dataset: { i18n: 'network.legend.exc' } }),
      h('span', { class: 'sw inh' }), h('span', { dataset: { i18n: 'network.legend.inh' } }),
      h('span', { class: 'hint', dataset: { i18n: 'network.clickHint' } })]);
    const rasterFig = h('figure', { class: 'main', dataset: { panel: 'raster' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'network.panel.raster' } })]),
      this.els.raster, legend,
      h('div', { class: 'sub', dataset: { i18n: 'network.panel.rate' } }), this.els.rate,
      this.els.info, transport]);

    this.els.spectrum = canvas('spectrum', 'network.panel.spectrum');
    this.els.peaks = h('p', { class: 'note' });
    this.els.specWin = h('select', { name: 'spectrum', 'aria-label': 's' });
    for (const c of NETWORK_SCHEMA.spectrum.choices) this.els.specWin.append(h('option', { value: c, text: `${c} s` }));
    this.els.specWin.addEventListener('change', () => this.setState({ spectrum: this.els.specWin.value }));
    const specFig = h('figure', { dataset: { panel: 'spectrum' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'network.panel.spectrum' } }), this.els.specWin]),
      this.els.spectrum, this.els.peaks]);

    this.els.trace = canvas('trace', 'network.panel.trace');
    this.els.traceTitle = h('span');
    this.els.path = canvas('path', 'network.panel.path');
    const traceFig = h('figure', { dataset: { panel: 'trace' } }, [
      h('figcaption', {}, [this.els.traceTitle]), this.els.trace,
      h('p', { class: 'legend' }, [h('span', { class: 'sw v' }), h('span', { text: 'v (mV)' }), h('span', { class: 'sw u' }), h('span', { text: 'u' })])]);
    const pathFig = h('figure', { dataset: { panel: 'path' } }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: 'network.panel.path' } })]), this.els.path,
      h('p', { class: 'note', dataset: { i18n: 'network.pathNote' } })]);

    // Controls.
    const form = h('form', { onsubmit: (e) => e.preventDefault() });
    const groups = { net: [], input: [], coupling: [] };
    for (const sl of SLIDERS) {
      const f = NETWORK_SCHEMA[sl.name];
      const id = `c-${sl.name}`;
      const input = h('input', { type: 'range', id, name: sl.name, min: f.min, max: f.max, step: sl.step });
      const out = h('output', { for: id });
      input.addEventListener('input', () => this.setState({ [sl.name]: Number(input.value) }));
      groups[sl.group].push(h('div', { class: 'row' }, [h('label', { for: id, dataset: { i18n: `network.${sl.name}` } }), out, input]));
      this.els[sl.name] = { input, out };
    }
    this.els.heterogeneity = h('input', { type: 'checkbox', id: 'c-heterogeneity', name: 'heterogeneity' });
    this.els.heterogeneity.addEventListener('change', () => this.setState({ heterogeneity: this.els.heterogeneity.checked }));
    groups.net.push(h('div', { class: 'check' }, [this.els.heterogeneity, h('label', { for: 'c-heterogeneity', dataset: { i18n: 'network.heterogeneity' } })]));
    this.els.seed = h('input', { type: 'number', id: 'c-seed', name: 'seed', min: 0, max: NETWORK_SCHEMA.seed.max, step: 1 });
    this.els.seed.addEventListener('change', () => this.setState({ seed: Number(this.els.seed.value) }));
    groups.net.push(h('div', { class: 'row seed' }, [h('label', { for: 'c-seed', dataset: { i18n: 'network.seed' } }), this.els.seed]));
    this.els.mode = h('select', { id: 'c-mode', name: 'mode' });
    for (const c of NETWORK_SCHEMA.mode.choices) this.els.mode.append(h('option', { value: c, dataset: { i18n: `network.mode.${c}` } }));
    this.els.mode.addEventListener('change', () => this.setState({ mode: this.els.mode.value }));
    groups.net.push(h('div', { class: 'row seed' }, [h('label', { for: 'c-mode', dataset: { i18n: 'network.mode' } }), this.els.mode]));
    this.els.window = h('select', { id: 'c-window', name: 'window' });
    for (const c of NETWORK_SCHEMA.window.choices) this.els.window.append(h('option', { value: c, text: `${c} ms` }));
    this.els.window.addEventListener('change', () => this.setState({ window: this.els.window.value }));
    const view = h('div', { class: 'row seed' }, [h('label', { for: 'c-window', dataset: { i18n: 'network.window' } }), this.els.window]);
    const group = (key, rows) => h('fieldset', {}, [h('legend', { dataset: { i18n: key } }), ...rows]);
    // The knobs of 'what to try' first; the size of the network below them.
    form.append(group('network.group.input', groups.input), group('network.group.coupling', groups.coupling),
      group('network.group.net', groups.net), group('network.group.view', [view]));

    this.els.timing = h('div', { class: 'timing', dataset: { i18n: 'status.loading' } });
    this.els.lang = h('button', { type: 'button', class: 'lang', dataset: { i18n: 'lang.switch', i18nTitle: 'lang.switchTitle' },
      onclick: () => setLang(getLang() === 'zh' ? 'en' : 'zh') });
    const header = h('header', {}, [h('h2', { dataset: { i18n: 'network.title' } }), this.els.lang, this.els.timing]);
    const side = h('div', { class: 'side' }, [specFig, traceFig, pathFig]);
    // The form first in the DOM (keyboard order); the grid areas put the raster first on screen.
    this.els.root = h('div', { class: 'root' }, [header, h('div', { class: 'layout' }, [form, rasterFig, side])]);
    adoptStyle(root, css);
    root.append(this.els.root);
    this.applyLayout(form, side);
    this.resizeObserver = new ResizeObserver(() => this.drawAll());
    this.resizeObserver.observe(rasterFig);
    this.resizeObserver.observe(side);
  },

  /**
   * Layout attribute (not state): `panels="raster,spectrum"` shows only the
   * named parts (raster, controls, spectrum, trace, path), for a slide with
   * little room. Unknown names are ignored; missing = all.
   */
  applyLayout(form, side) {
    const text = this.getAttribute('panels');
    if (text === null) return;
    const names = new Set(text.split(',').map((x) => x.trim()).filter((x) => PANELS.includes(x)));
    if (!names.size) return;
    for (const fig of this.els.root.querySelectorAll('figure[data-panel]')) fig.hidden = !names.has(fig.dataset.panel);
    form.hidden = !names.has('controls');
    side.hidden = ![...side.children].some((f) => !f.hidden);
    this.els.root.querySelector('.legend .hint').hidden = !names.has('trace') && !names.has('path'); // nothing to show a picked neuron
    const layout = this.els.root.querySelector('.layout');
    layout.classList.toggle('no-form', form.hidden);
    layout.classList.toggle('no-side', side.hidden);
  },
};
