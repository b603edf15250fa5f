// <simcore-hopfield>'s panels drawn from the last frame: the grid export,
// pattern thumbnails and overlap bars, the energy trace, the weights, the
// info and timing lines. Mixed into the element (hopfield.mjs).
import { h } from '../shared/base.mjs';
import { t } from '../shared/i18n.mjs';
import { drawField, downloadPng, present } from '../shared/draw.mjs';
import { drawPattern } from './grid.mjs';

export const PANELS = {
  drawThumbs() {
    const box = this.els.thumbs;
    box.replaceChildren();
    this.bars = [];
    this.patterns.forEach((p, k) => {
      const c = h('canvas');
      drawPattern(c, p.bits, this.size);
      const bar = h('span', { class: 'fill' });
      const value = h('span', { class: 'm' });
      const b = h('button', { type: 'button', class: 'thumb', title: p.label, onclick: () => this.loadPattern(k) }, [
        c, h('span', { class: 'bar' }, [bar]), h('span', { class: 'label' }, [h('span', { text: p.label }), value])]);
      b.setAttribute('aria-label', `${t('hopfield.loadPattern')} ${p.label}`);
      box.append(b);
      this.bars.push({ bar, value });
    });
    if (!this.patterns.length) box.append(h('p', { class: 'note', dataset: { i18n: 'hopfield.noPatterns' }, text: t('hopfield.noPatterns') }));
    this.els.forget.hidden = !this.own.length;
  },

  /** Overlap bars: m^μ ∈ [−1, 1], drawn from the centre (0) to the right (+) or left (−). */
  drawOverlaps() {
    if (!this.bars?.length) return;
    const m = this.overlapValues ?? [];
    let best = 0;
    for (let k = 1; k < m.length; k++) if (Math.abs(m[k]) > Math.abs(m[best])) best = k;
    this.bars.forEach(({ bar, value }, k) => {
      const v = m[k];
      bar.style.left = `${50 + Math.min(0, v) * 50}%`;
      bar.style.width = `${Math.abs(v) * 50}%`;
      bar.classList.toggle('neg', v < 0);
      value.textContent = v.toFixed(2);
      bar.parentElement.parentElement.classList.toggle('best', k === best && Math.abs(v) > 0.999);
    });
  },

  drawEnergy() {
    if (!this.trace) return;
    this.energyPlot.setLabels({ x: t('hopfield.energy.x'), y: t('hopfield.energy.y'), series: [t('hopfield.energy.series')] });
    this.energyPlot.setData([this.trace.x, this.trace.y]);
  },

  /** W from the network's snapshot (kept until the next store), then the chosen view of it. */
  drawWeights() {
    const n = this.n;
    if (!this.W) return;
    // Colour range from the 99th percentile of |w|: a few large entries
    // (pseudo-inverse) would otherwise wash the rest out to white.
    const mags = Float32Array.from(this.W, Math.abs).sort();
    this.wRange = mags[Math.floor(0.99 * (mags.length - 1))] || mags[mags.length - 1] || 1;
    this.focus = Math.min(this.focus ?? -1, n - 1);
    this.drawWeightView();
  },

  drawWeightView() {
    const m = this.wRange;
    const n = this.n;
    if (this._state.weights === 'neuron') {
      // Row i of W on the grid: what neuron i hears from every other neuron.
      const i = this.focus >= 0 ? this.focus : (this.size >> 1) * this.size + (this.size >> 1);
      this.shownFocus = i;
      drawField(this.weightSource, this.W.subarray(i * n, (i + 1) * n), this.size, this.size, 'diverging', [-m, m]);
      const ctx = this.weightSource.getContext('2d');
      ctx.fillStyle = '#e8590c';
      ctx.fillRect(i % this.size, Math.floor(i / this.size), 1, 1);
      this.els.weightsNote.textContent = `${t('hopfield.weights.into')} (${i % this.size}, ${Math.floor(i / this.size)})`;
    } else {
      drawField(this.weightSource, this.W, n, n, 'diverging', [-m, m]);
      this.els.weightsNote.textContent = t('hopfield.weightsNote');
    }
    this.presentWeights();
    this.els.wLo.textContent = (-m).toPrecision(2);
    this.els.wHi.textContent = m.toPrecision(2);
  },

  /** One pixel per weight when the box is larger (sharp cells), filtered down when smaller. */
  presentWeights() {
    const src = this.weightSource;
    const box = this.els.weights;
    if ((box.clientWidth || 0) * (globalThis.devicePixelRatio || 1) >= src.width) {
      box.width = src.width;
      box.height = src.height;
      box.getContext('2d').drawImage(src, 0, 0);
    } else {
      present(box, src);
    }
  },

  showInfo() {
    if (!this.els || !this.trace) return;
    const s = this._state;
    const tr = this.trace;
    const parts = [`${t('hopfield.info.sweeps')} ${Number(tr.x[tr.x.length - 1].toFixed(3))}`,
      `E = ${tr.y[tr.y.length - 1].toFixed(3)}`];
    if (this.running?.kind === 'anneal') parts.push(`${t('hopfield.info.annealing')} T = ${this.running.T?.toFixed(3) ?? '–'}`);
    else if (this.running) parts.push(t('hopfield.info.running'));
    else if (this.status === 'fixed') parts.push(t('hopfield.info.fixed'));
    else if (this.status === 'cycle') parts.push(t('hopfield.info.cycle'));
    else if (this.status === 'full') parts.push(t('hopfield.info.full'));
    if (!this.running && s.temperature > 0) parts.push(t('hopfield.info.hot'));
    const m = this.overlapValues ?? [];
    let k = -1;
    for (let j = 0; j < m.length; j++) if (k < 0 || Math.abs(m[j]) > Math.abs(m[k])) k = j;
    if (k >= 0 && !this.running) {
      if (Math.abs(m[k]) > 0.999) parts.push(t(m[k] > 0 ? 'hopfield.info.recalled' : 'hopfield.info.negated'));
      // A T = 0 fixed point that is no stored pattern (nor its negative): a spurious state.
      else if (this.status === 'fixed') parts.push(`${t('hopfield.info.spurious')} ${this.patterns[k].label}: m = ${m[k].toFixed(2)}${t('hopfield.info.spuriousEnd')}`);
    }
    this.els.info.textContent = parts.join(' · ');
  },

  showTiming() {
    if (!this.core || !this.els) return;
    const p = this.patterns?.length ?? 0;
    const parts = [`n = ${this.n}`, `p = ${p}`, `p/n = ${(p / this.n).toFixed(3)}`];
    if (this.storeMs !== undefined) parts.push(`${t('hopfield.time.store')} ${this.storeMs.toFixed(1)} ms`);
    parts.push(this.core.simd ? 'SIMD' : t('hopfield.build.scalar'));
    delete this.els.timing.dataset.i18n;
    this.els.timing.classList.remove('error');
    this.els.timing.textContent = parts.join(' · ');
  },

  exportPng() {
    const c = document.createElement('canvas');
    drawPattern(c, this.s, this.size);
    downloadPng(c, 'hopfield-state.png');
  },
};
