// The neuron grid of <simcore-hopfield>: draws ±1 states as cells (+1 ink,
// −1 paper), outlines the neuron being updated, and turns pointer input
// (mouse, pen, touch) into cell edits. Pixels only; the element owns the state.

const INK = '#1d2330';
const PAPER = '#eef1f6';
const GAP = '#ffffff';
const MARK = '#e8590c';
const CURSOR = '#2456c7';

export class NeuronGrid {
  /**
   * canvas: the display canvas; onPaint(index, value, first) is called for
   * each cell the pointer enters while pressed. The first cell decides the
   * value (the opposite of its state), so a drag paints one colour instead of
   * flickering: a click toggles one cell, a drag draws or erases a stroke.
   */
  constructor(canvas, getState, onPaint, onEnd) {
    this.canvas = canvas;
    this.getState = getState;
    this.size = 0;
    this.paint = 0;
    this.last = -1;
    canvas.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      e.preventDefault();
      canvas.setPointerCapture?.(e.pointerId);
      const i = this.cellAt(e);
      if (i < 0) return;
      this.paint = -this.getState()[i];
      this.last = i;
      onPaint(i, this.paint, true);
    });
    canvas.addEventListener('pointermove', (e) => {
      if (!this.paint) return;
      const i = this.cellAt(e);
      if (i < 0 || i === this.last) return;
      // Fill the cells between two events so a fast stroke has no holes.
      for (const j of this.between(this.last, i)) onPaint(j, this.paint, false);
      this.last = i;
    });
    const end = () => {
      if (!this.paint) return;
      this.paint = 0;
      this.last = -1;
      onEnd();
    };
    // Keyboard: arrows move a cursor, space or enter toggles the cell under it.
    this.cursor = -1;
    this.focused = false;
    canvas.tabIndex = 0;
    canvas.addEventListener('focus', () => {
      this.focused = true;
      if (this.cursor < 0) this.cursor = (this.size >> 1) * this.size + (this.size >> 1);
      this.redraw();
    });
    canvas.addEventListener('blur', () => { this.focused = false; this.redraw(); });
    canvas.addEventListener('keydown', (e) => {
      const n = this.size;
      const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
      if (moves[e.key]) {
        const [dx, dy] = moves[e.key];
        const x = Math.min(n - 1, Math.max(0, (this.cursor % n) + dx));
        const y = Math.min(n - 1, Math.max(0, Math.floor(this.cursor / n) + dy));
        this.cursor = y * n + x;
        this.redraw();
      } else if (e.key === ' ' || e.key === 'Enter') {
        onPaint(this.cursor, -this.getState()[this.cursor], true);
        onEnd();
      } else {
        return;
      }
      // Neither the page (scrolling) nor a slide deck (next slide) sees these keys.
      e.preventDefault();
      e.stopPropagation();
    });
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    canvas.addEventListener('lostpointercapture', end);
  }

  cellAt(e) {
    const r = this.canvas.getBoundingClientRect();
    const x = Math.floor(((e.clientX - r.left) / r.width) * this.size);
    const y = Math.floor(((e.clientY - r.top) / r.height) * this.size);
    if (x < 0 || y < 0 || x >= this.size || y >= this.size) return -1;
    return y * this.size + x;
  }

  /** Cells on the line from a (exclusive) to b (inclusive). */
  between(a, b) {
    const n = this.size;
    const [ax, ay, bx, by] = [a % n, Math.floor(a / n), b % n, Math.floor(b / n)];
    const steps = Math.max(Math.abs(bx - ax), Math.abs(by - ay));
    const out = [];
    for (let k = 1; k <= steps; k++) {
      const idx = Math.round(ay + ((by - ay) * k) / steps) * n + Math.round(ax + ((bx - ax) * k) / steps);
      if (out[out.length - 1] !== idx) out.push(idx);
    }
    return out;
  }

  /** Draw `state` (size × size) at the canvas's box size × devicePixelRatio; mark cell `highlight` (−1: none). */
  draw(state, size, highlight = -1) {
    if (size !== this.size) this.cursor = -1;
    this.size = size;
    this.shown = [state, highlight];
    const c = this.canvas;
    const dpr = globalThis.devicePixelRatio || 1;
    const side = Math.max(size, Math.round((c.clientWidth || 256) * dpr));
    if (c.width !== side) c.width = side;
    if (c.height !== side) c.height = side;
    const ctx = c.getContext('2d');
    const cell = side / size;
    const gap = cell >= 6 ? Math.max(1, Math.round(cell / 12)) : 0;
    ctx.fillStyle = GAP;
    ctx.fillRect(0, 0, side, side);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        ctx.fillStyle = state[y * size + x] > 0 ? INK : PAPER;
        const x0 = Math.round(x * cell);
        const y0 = Math.round(y * cell);
        ctx.fillRect(x0 + gap, y0 + gap, Math.round((x + 1) * cell) - x0 - gap, Math.round((y + 1) * cell) - y0 - gap);
      }
    }
    if (highlight >= 0 && highlight < size * size) {
      const x = highlight % size;
      const y = Math.floor(highlight / size);
      const lw = Math.max(2, Math.round(cell / 5));
      ctx.strokeStyle = MARK;
      ctx.lineWidth = lw;
      ctx.strokeRect(x * cell + lw / 2, y * cell + lw / 2, cell - lw, cell - lw);
    }
    if (this.focused && this.cursor >= 0) {
      const x = this.cursor % size;
      const y = Math.floor(this.cursor / size);
      const lw = Math.max(2, Math.round(cell / 8));
      ctx.strokeStyle = CURSOR;
      ctx.lineWidth = lw;
      ctx.setLineDash([Math.max(2, cell / 6), Math.max(2, cell / 8)]);
      ctx.strokeRect(x * cell + lw / 2, y * cell + lw / 2, cell - lw, cell - lw);
      ctx.setLineDash([]);
    }
  }

  redraw() {
    if (this.shown) this.draw(this.shown[0], this.size, this.shown[1]);
  }
}

/** A pattern at one pixel per neuron (thumbnails, PNG export). */
export function drawPattern(canvas, bits, size) {
  if (canvas.width !== size) canvas.width = size;
  if (canvas.height !== size) canvas.height = size;
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(size, size);
  for (let i = 0; i < size * size; i++) {
    const v = bits[i] > 0 ? [0x1d, 0x23, 0x30] : [0xee, 0xf1, 0xf6];
    img.data[4 * i] = v[0];
    img.data[4 * i + 1] = v[1];
    img.data[4 * i + 2] = v[2];
    img.data[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}
