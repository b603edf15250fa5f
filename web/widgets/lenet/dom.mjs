// <simcore-lenet>'s DOM: the controls (network, data, training, weights), the
// tool bar with the progress bar, the curves and the confusion matrix, the
// gallery of misclassified digits, the drawing pad with its scores, the C1
// kernels beside Gabor kernels, and the feature maps. Mixed into the element
// (lenet.mjs).
import { adoptStyle, h } from '../shared/base.mjs';
import { getLang, setLang, t } from '../shared/i18n.mjs';
import { download, downloadPng } from '../shared/draw.mjs';
import uplotCss from 'uplot/dist/uPlot.min.css';
import css from './style.mjs';
import { BATCHES, LENET_SCHEMA } from './schema.mjs';
import { PassCurves } from './curves.mjs';
import { scoreRows } from './view.mjs';

export const PAD = 280; // the drawing pad's pixels (its ink is made MNIST-like: preprocess.mjs)
export const PANELS = ['controls', 'tools', 'error', 'loss', 'confusion', 'pad', 'kernels', 'wrong', 'maps'];
export const LAYERS = [
  { key: 'c1', n: 6, side: 28 }, { key: 's2', n: 6, side: 14 }, { key: 'c3', n: 16, side: 10 },
  { key: 's4', n: 16, side: 5 }, { key: 'c5', n: 1, side: 0 },
];

const canvas = (cls, title) => h('canvas', { class: cls, width: 1, height: 1, title });

export const DOM = {
  build(root) {
    adoptStyle(root, `${uplotCss}\n${css}`);
    this.els = {};
    const e = this.els;
    const row = (key, control, id) => h('div', { class: 'row sel' }, [h('label', { for: id, dataset: { i18n: key } }), control]);
    const select = (name, choices, label = (c) => `lenet.${name}.${c}`) => {
      const s = h('select', { id: `c-${name}`, name }, choices.map((c) => h('option', { value: String(c), dataset: { i18n: label(c) } })));
      s.addEventListener('change', () => this.setState({ [name]: LENET_SCHEMA[name].type === 'choice' ? s.value : Number(s.value) }));
      e[name] = s;
      return row(`lenet.${name}`, s, `c-${name}`);
    };
    const number = (name, step = 1) => {
      const f = LENET_SCHEMA[name];
      const input = h('input', { type: 'number', id: `c-${name}`, name, min: f.min, max: f.max, step });
      input.addEventListener('change', () => this.setState({ [name]: Number(input.value) }));
      e[name] = input;
      return row(`lenet.${name}`, input, `c-${name}`);
    };
    const group = (key, rows) => h('fieldset', {}, [h('legend', { dataset: { i18n: key } }), ...rows]);

    // The student's IDX files: the browser's file button speaks the browser's language, this one the page's.
    e.idxFile = h('input', { type: 'file', multiple: true, accept: '.idx,.gz,.ubyte,application/octet-stream,*/*', hidden: true, 'aria-label': 'IDX files' });
    e.idxFile.addEventListener('change', async () => {
      const files = [...(e.idxFile.files ?? [])];
      e.idxFile.value = '';
      if (files.length) this.openIdx(await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))));
    });
    e.dataNote = h('div', { class: 'note', role: 'status' });
    e.weightsFile = h('input', { type: 'file', accept: '.bin,application/octet-stream,*/*', hidden: true, 'aria-label': 'weights file' });
    e.weightsFile.addEventListener('change', async () => {
      const f = e.weightsFile.files?.[0];
      e.weightsFile.value = '';
      if (f) this.loadWeights(new Uint8Array(await f.arrayBuffer()), f.name);
    });
    e.weightsNote = h('div', { class: 'note', role: 'status' });
    const button = (key, onclick, cls = '') => h('button', { type: 'button', class: cls, dataset: { i18n: key, act: key.split('.').pop() }, onclick });
    e.batchRow = select('batch', BATCHES, (b) => (b === 1 ? 'lenet.batch.one' : 'lenet.batch'));
    const form = h('form', { onsubmit: (ev) => ev.preventDefault() }, [
      group('lenet.group.net', [select('net', LENET_SCHEMA.net.choices), number('seed')]),
      group('lenet.group.data', [select('data', LENET_SCHEMA.data.choices),
        h('div', { class: 'tools' }, [button('lenet.openIdx', () => e.idxFile.click()), e.idxFile]), e.dataNote]),
      group('lenet.group.train', [number('epochs'), number('lr', 0.0001), e.batchRow]),
      group('lenet.group.weights', [h('div', { class: 'tools' }, [button('lenet.save', () => this.saveWeights()),
        button('lenet.load', () => e.weightsFile.click()), e.weightsFile]), e.weightsNote]),
    ]);
    // Batch labels: the number itself, "1 (online)" for 1.
    for (const o of e.batch.options) if (o.value !== '1') { delete o.dataset.i18n; o.textContent = o.value; }

    e.play = button('lenet.play', () => this.toggleRun(), 'primary');
    e.progress = h('progress', { max: 1, value: 0, 'aria-label': 'progress' });
    e.info = h('span', { class: 'info', role: 'status', 'aria-live': 'polite' });
    const tools = h('div', { class: 'tools bar' }, [e.play, button('lenet.reset', () => this.resetNet()), e.progress, e.info]);

    this.lossCurves = new PassCurves(h('div', { class: 'plot' }), { log: true });
    this.errorCurves = new PassCurves(h('div', { class: 'plot' }));
    const fig = (key, body, extra = []) => h('figure', { class: key.replace('lenet.panel.', '') }, [
      h('figcaption', {}, [h('span', { dataset: { i18n: key } }), ...extra]), ...[].concat(body)]);
    const png = (get, file) => h('button', { type: 'button', text: 'PNG', title: 'PNG', onclick: () => get() && downloadPng(get(), file) });
    const csv = h('button', { type: 'button', text: 'CSV', title: 'CSV', dataset: { act: 'csv' },
      onclick: () => download(new Blob([this.curvesCsv()], { type: 'text/csv' }), 'lenet-curves.csv') });

    // Confusion matrix: rows the true digit, columns the prediction.
    e.cells = [];
    const head = h('tr', {}, [h('th', { class: 'corner', dataset: { i18n: 'lenet.confusion.corner' } }), ...Array.from({ length: 10 }, (_, c) => h('th', { text: String(c) }))]);
    const body = Array.from({ length: 10 }, (_, r) => h('tr', {}, [h('th', { text: String(r) }), ...Array.from({ length: 10 }, () => {
      const td = h('td');
      e.cells.push(td);
      return td;
    })]));
    e.confusion = h('table', { class: 'confusion' }, [head, ...body]);
    e.confusionNote = h('div', { class: 'note' });

    e.gallery = h('div', { class: 'gallery' });
    e.galleryNote = h('div', { class: 'note' });

    // The drawing pad.
    e.pad = h('canvas', { class: 'pad', width: PAD, height: PAD, 'aria-label': 'drawing pad' });
    e.padPreview = canvas('digit big', '28 × 28');
    e.padScores = scoreRows();
    e.padNote = h('div', { class: 'note' });
    this.bindPad(e.pad);
    const padTools = h('div', { class: 'tools' }, [button('lenet.clear', () => this.clearPad()), button('lenet.padMaps', () => this.setState({ maps: 'pad' }))]);

    // C1 kernels beside their closest Gabor kernels.
    e.kernels = Array.from({ length: 6 }, () => {
      const k = canvas('kernel');
      const g = canvas('kernel');
      const r = h('span', { class: 'r' });
      return { k, g, r, box: h('div', { class: 'pair' }, [k, g, r]) };
    });

    // Feature maps of one digit.
    e.digit = h('input', { type: 'number', id: 'c-digit', min: 0, max: LENET_SCHEMA.digit.max, step: 1 });
    e.digit.addEventListener('change', () => this.setState({ digit: Number(e.digit.value), maps: 'test' }));
    e.mapInput = canvas('digit big', '32 × 32');
    e.mapLabel = h('div', { class: 'note' });
    e.layers = LAYERS.map((L) => {
      const tiles = Array.from({ length: L.n }, () => canvas(`map ${L.key}`));
      return { ...L, tiles, box: h('div', { class: `layer ${L.key}` }, [h('div', { class: 'lname', dataset: { i18n: `lenet.layer.${L.key}` } }), h('div', { class: 'tiles' }, tiles)]) };
    });
    const mapTools = h('div', { class: 'tools' }, [
      h('label', { for: 'c-digit', dataset: { i18n: 'lenet.digit' } }), e.digit,
      button('lenet.prev', () => this.setState({ digit: Math.max(0, this._state.digit - 1), maps: 'test' })),
      button('lenet.next', () => this.setState({ digit: this._state.digit + 1, maps: 'test' })),
    ]);

    e.timing = h('div', { class: 'timing' });
    const langButton = h('button', { type: 'button', class: 'lang', onclick: () => setLang(getLang() === 'en' ? 'zh' : 'en'), dataset: { i18n: 'lang.switch' } });
    const main = h('div', { class: 'main' }, [
      tools,
      h('div', { class: 'panels' }, [
        fig('lenet.panel.error', this.errorCurves.container, [csv, png(() => this.errorCurves.canvas, 'lenet-error.png')]),
        fig('lenet.panel.loss', this.lossCurves.container, [png(() => this.lossCurves.canvas, 'lenet-loss.png')]),
        fig('lenet.panel.confusion', [e.confusion, e.confusionNote]),
        fig('lenet.panel.pad', [h('div', { class: 'padBox' }, [e.pad, h('div', { class: 'padSide' }, [e.padPreview, padTools]),
          h('div', { class: 'scores' }, e.padScores.map((s) => s.row))]), e.padNote]),
        fig('lenet.panel.kernels', [h('div', { class: 'note', dataset: { i18n: 'lenet.kernels.note' } }), h('div', { class: 'pairs' }, e.kernels.map((k) => k.box))]),
      ]),
      fig('lenet.panel.wrong', [e.galleryNote, e.gallery]),
      fig('lenet.panel.maps', [mapTools, h('div', { class: 'maps' }, [h('div', { class: 'layer input' }, [h('div', { class: 'lname', dataset: { i18n: 'lenet.layer.input' } }), e.mapInput, e.mapLabel]),
        ...e.layers.map((L) => L.box)])]),
    ]);
    e.root = h('div', { class: 'root' }, [
      h('header', {}, [h('h2', { dataset: { i18n: 'lenet.title' } }), langButton, e.timing]),
      h('div', { class: 'layout' }, [form, main]),
    ]);
    root.append(e.root);
    this.applyLayout(form, tools);
    // Files dropped on the widget: four IDX files, or one weights file.
    e.root.addEventListener('dragover', (ev) => ev.preventDefault());
    e.root.addEventListener('drop', async (ev) => {
      ev.preventDefault();
      const files = [...(ev.dataTransfer?.files ?? [])];
      const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      if (read.length === 1) this.loadWeights(read[0].bytes, read[0].name);
      else if (read.length) this.openIdx(read);
    });
    // The C5 units as one 12 x 10 image.
    e.layers.at(-1).tiles[0].classList.add('c5');
  },

  /**
   * Layout attribute (not state): `panels="tools,error,pad"` shows only the
   * named parts (PANELS), for a slide with little room. Unknown names are
   * ignored; missing = all.
   */
  applyLayout(form, tools) {
    const text = this.getAttribute('panels');
    if (text === null) return;
    const names = new Set(text.split(',').map((x) => x.trim()).filter((x) => PANELS.includes(x)));
    if (!names.size) return;
    form.hidden = !names.has('controls');
    tools.hidden = !names.has('tools');
    for (const f of this.els.root.querySelectorAll('figure')) f.hidden = !names.has(f.className);
    this.els.root.querySelector('[data-act=padMaps]').hidden = !names.has('maps');
    this.els.root.querySelector('.layout').classList.toggle('no-form', form.hidden);
  },

  /** The pad: pointer strokes of white ink on a clear canvas; every change asks for scores (one frame later). */
  bindPad(pad) {
    const ctx = pad.getContext('2d', { willReadFrequently: true });
    let last = null;
    const at = (ev) => {
      const r = pad.getBoundingClientRect();
      return [(ev.clientX - r.left) * (PAD / r.width), (ev.clientY - r.top) * (PAD / r.height)];
    };
    const line = (a, b) => {
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = PAD / 12;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.beginPath();
      ctx.moveTo(...a);
      ctx.lineTo(...b);
      ctx.stroke();
    };
    this.padLine = line;
    pad.addEventListener('pointerdown', (ev) => {
      ev.preventDefault();
      pad.setPointerCapture?.(ev.pointerId);
      last = at(ev);
      line(last, last);
      this.padChanged();
    });
    pad.addEventListener('pointermove', (ev) => {
      if (!last) return;
      const p = at(ev);
      line(last, p);
      last = p;
      this.padChanged();
    });
    const end = () => { last = null; };
    pad.addEventListener('pointerup', end);
    pad.addEventListener('pointercancel', end);
  },
};

export { t };
