// <simcore-boltzmann>'s panels drawn from the last frame: the statistics and
// weight matrices, the log-likelihood curve, fantasies, the recall table,
// pattern completion, the drawing editor and the info and timing lines.
// Mixed into the element (boltzmann.mjs).
import { h } from '../shared/base.mjs';
import { t } from '../shared/i18n.mjs';
import { DRAW_SIDE } from './datasets.mjs';
import { drawMatrix, drawStrip, drawUnits } from './views.mjs';

const maxAbs = (a) => { let m = 0; for (const v of a) m = Math.max(m, Math.abs(v)); return m; };
const fmt = (v) => (Number.isFinite(v) ? v.toFixed(3) : '–');

export const PANELS = {
  redraw() {
    if (!this.shown || !this.els) return;
    this.drawMatrices();
    this.drawCurve();
    this.drawFantasies();
    this.drawRecall();
    this.drawCompletion();
    this.drawPen();
    this.showInfo();
    this.showTiming();
  },

  drawMatrices() {
    const f = this.frameData;
    if (!f) return;
    const n = f.units;
    const nv = this.shown.visible;
    const s = this.stats;
    if (s) {
      drawMatrix(this.els.dataCanvas, s.data.pairs, n, nv, 1);
      drawMatrix(this.els.modelCanvas, s.model.pairs, n, nv, 1);
      const m = maxAbs(s.diff) || 1e-12;
      this.diffRange = m;
      drawMatrix(this.els.diffCanvas, s.diff, n, nv, m);
      this.els.diffScale.textContent = `±${m.toPrecision(2)}`;
      this.els.statsHow.textContent = s.how === 'exact' ? t('bm.how.exact') : `${t('bm.how.gibbs')} ${s.sweeps}`;
    }
    const w = maxAbs(f.weights);
    const b = maxAbs(f.biases);
    const m = Math.max(w, b) || 1e-12;
    drawMatrix(this.els.weightsCanvas, f.weights, n, nv, m);
    drawStrip(this.els.biases, f.biases, nv, m);
    this.els.weightsScale.textContent = `±${m.toPrecision(3)}`;
  },

  setupPlot() {
    this.llPlot.setLabels({ x: t('bm.ll.x'), y: t('bm.ll.y'), series: [t('bm.ll.series'), t('bm.ll.bound')] });
  },

  drawCurve() {
    this.setupPlot();
    const { x, y } = this.ll;
    const bound = -this.shown.entropy;
    this.llPlot.setData([x, y.map((v) => (Number.isFinite(v) ? v : null)), x.map(() => bound)]);
    const last = y.at(-1);
    let text;
    if (x.length && !Number.isFinite(last)) text = t('bm.ll.none').replace('{n}', String(this.units)).replace('{max}', String(this.maxExact));
    else if (x.length) {
      text = `${t('bm.read.epoch')} ${this.epoch} · ln P = ${fmt(last)} · ${t('bm.ll.bound')} ${fmt(bound)} · KL = ${fmt(-this.shown.entropy - last)}`;
    } else text = '';
    this.els.llRead.textContent = text;
  },

  drawFantasies() {
    const box = this.els.fantasies;
    const list = this.fantasyPatterns;
    const layout = this.shown.layout;
    while (box.children.length > list.length) box.lastChild.remove();
    // Each fantasy: its visible units on the data's grid, its hidden units as a strip below.
    while (box.children.length < list.length) box.append(h('div', { class: 'fantasy' }, [h('canvas', { role: 'img' }), h('canvas', { class: 'hid', role: 'img' })]));
    const known = new Set(this.shown.rows.map((r) => r.join(',')));
    let hits = 0;
    list.forEach((f, k) => {
      const item = box.children[k];
      const isData = known.has(f.visible.join(','));
      if (isData) hits++;
      item.classList.toggle('data', isData);
      drawUnits(item.firstChild, f.visible, layout);
      item.lastChild.hidden = !f.hidden.length;
      if (f.hidden.length) drawUnits(item.lastChild, f.hidden, { rows: 1, cols: Math.max(layout.cols, f.hidden.length) });
    });
    this.els.fantasyRead.textContent = list.length ? `${hits} / ${list.length} ${t('bm.fantasy.data')} · T = ${this._state.temperature.toFixed(2)}` : '';
  },

  drawRecall() {
    const r = this.recallTable;
    this.els.recallFig.hidden = !this.isEncoder || this.els.recallFig.dataset.off === '1';
    if (!this.isEncoder) return;
    const el = (tag, text, cls) => h(tag, { text, class: cls });
    const head = h('tr', {}, [el('th', t('bm.recall.input')), el('th', '⟨h⟩'), el('th', t('bm.recall.code')), el('th', '⟨V2⟩'), el('th', t('bm.recall.output'))]);
    const rows = (r?.rows ?? []).map((row) => {
      const v1 = [0, 1, 2, 3].map((i) => (i === row.input ? '■' : '□')).join('');
      const out = [0, 1, 2, 3].map((i) => (i === row.output ? '■' : '□')).join('');
      return h('tr', {}, [el('td', v1, 'code'), el('td', row.hidden.map((v) => v.toFixed(2)).join(', ')),
        el('td', row.code.map((v) => (v > 0 ? '+' : '−')).join(''), 'code'),
        el('td', row.out.map((v) => v.toFixed(2)).join(', ')), el('td', out, row.output === row.input ? 'code right' : 'code wrong')]);
    });
    this.els.recall.replaceChildren(head, ...rows);
    if (!r) {
      this.els.recallRead.textContent = this.units > this.maxExact ? t('bm.recall.big').replace('{max}', String(this.maxExact)) : '';
      return;
    }
    const yes = (b) => t(b ? 'bm.yes' : 'bm.no');
    this.els.recallRead.textContent = `${t('bm.recall.distinct')}: ${yes(r.distinct)} · ${t('bm.recall.recalled')}: ${yes(r.recalled)}${r.distinct && r.recalled ? ` · ${t('bm.recall.learned')}` : ''}`;
    this.els.recallRead.classList.toggle('good', r.distinct && r.recalled);
  },

  /** The completion grid (the sample, clamped units outlined) and P(s_i = +1). */
  drawCompletion() {
    const c = this.comp;
    if (!c || !this.els) return;
    const layout = this.shown.layout;
    const nv = this.shown.visible;
    const shown = Int8Array.from({ length: nv }, (_, i) => this.shownValue(i));
    const focused = (el) => this.shadowRoot.activeElement === el;
    drawUnits(this.els.compGrid, shown, layout, { clamp: c.clamp, cursor: focused(this.els.compGrid) ? this.cursor.comp ?? 0 : -1 });
    drawUnits(this.els.compProbs, c.probs ? c.probs.subarray(0, nv) : new Float64Array(nv).fill(0.5), layout, { probs: true, clamp: c.clamp });
    const clamped = c.clamp.reduce((a, b) => a + b, 0);
    this.els.compRead.textContent = `${t('bm.comp.clamped')} ${clamped} / ${nv} · ${t('bm.comp.samples')} ${c.count}${c.how ? ` · P: ${t(c.how === 'exact' ? 'bm.how.exact' : 'bm.how.gibbsShort')}` : ''}`;
    this.els.compHalf.dataset.i18n = this.isEncoder ? 'bm.comp.v1' : 'bm.comp.half';
    this.els.compHalf.textContent = t(this.els.compHalf.dataset.i18n);
  },

  /** The starting patterns of completion: the data vectors. */
  fillStartChoices() {
    const sel = this.els.compStart;
    sel.replaceChildren(...this.shown.rows.map((_, k) => h('option', { value: String(k), text: `${k + 1}` })));
    sel.value = '0';
  },

  drawPen() {
    if (this._state.set !== 'drawn') return;
    const cursor = this.shadowRoot.activeElement === this.els.drawGrid ? this.cursor.draw ?? 0 : -1;
    drawUnits(this.els.drawGrid, this.pen, { rows: DRAW_SIDE, cols: DRAW_SIDE }, { cursor });
  },

  drawDrawList() {
    this.drawListShown = true;
    const grids = this.drawings;
    this.els.drawList.replaceChildren(...grids.map((g, k) => {
      const c = h('canvas', { class: 'thumb' });
      const b = h('button', { type: 'button', class: 'drawnItem', title: t('bm.draw.remove'), dataset: { act: 'remove' },
        onclick: () => this.removeDrawing(k), disabled: grids.length <= 1 }, [c, h('span', { text: '×' })]);
      queueMicrotask(() => drawUnits(c, g.bits, { rows: DRAW_SIDE, cols: DRAW_SIDE }));
      return b;
    }));
  },

  showInfo() {
    if (!this.els) return;
    const s = this._state;
    const parts = [`${t('bm.read.epoch')} ${this.epoch ?? 0} / ${s.epochs}`];
    if (this.method) parts.push(t(`bm.method.${this.method}`));
    if (this.diverged) parts.push(t('bm.info.diverged'));
    else if (this.running?.learn) parts.push(t('bm.info.running'));
    else if (this.epoch >= s.epochs) parts.push(t('bm.info.done'));
    if (this.status === 'full') parts.push(t('bm.info.full'));
    this.els.info.textContent = parts.join(' · ');
    this.els.info.classList.toggle('error', Boolean(this.diverged));
  },

  showTiming() {
    if (!this.core || !this.els || !this.shown) return;
    const parts = [`${t('bm.time.units')} ${this.shown.visible} + ${this.shown.hidden}`, `${this.shown.rows.length} ${t('bm.time.vectors')}`];
    if (this.lastMs) parts.push(`${this.lastMs.toFixed(2)} ${t('bm.time.perEpoch')}`);
    parts.push(`simcore ${this.core.version} ${this.core.simd ? 'SIMD' : 'scalar'}`);
    delete this.els.timing.dataset.i18n;
    this.els.timing.classList.remove('error');
    this.els.timing.textContent = parts.join(' · ');
  },
};

