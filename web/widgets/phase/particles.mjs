// Animated particles flowing with a 2-D field, for <simcore-phase-plane>: a
// few thousand states advanced each animation frame by the core
// (sc.integrateBatch, RK4, float32, SIMD) and drawn as short fading trails on
// a transparent canvas laid over the plane. The numbers come from the
// binding; this file seeds, respawns and draws. Colour: the arrows' speed
// ramp (plane-draw.mjs), relative to the same grid maximum.
import { ramp } from './plane-draw.mjs';

// Trails fade by this alpha per frame (about 12 frames long). Not smaller:
// with 8-bit alpha a weaker fade leaves ghost trails that never vanish.
const FADE = 0.12;
// Colour bins (one path each) over the ramp's [0, 1].
const BINS = 12;
// Target on-screen advance per frame, in px, of a particle at the typical
// speed (geometric mean of the grid's median and maximum: fast parts of a
// nonlinear field still move a few px, slow ones still visibly).
const PX_PER_FRAME = 2.5;
const STEPS = 2; // RK4 steps per frame (dt/2 each)
const LIFE = [40, 120]; // frames before a particle is reseeded

export class ParticleField {
  constructor(canvas) {
    this.canvas = canvas;
    this.key = '';
    this.count = 0;
    this.stats = { frames: 0, ms: 0 };
    this.colours = Array.from({ length: BINS }, (_, i) => ramp(i / (BINS - 1)));
  }

  /**
   * (Re)configure for a system and view. `field`: a directionField grid of
   * the view (dx, dy pairs), for the speed scale. A new key reseeds.
   */
  configure({ sc, sys, vp, field, key, count }) {
    this.sc = sc;
    this.sys = sys;
    this.vp = vp;
    const sx = 1 / vp.unit;
    const sy = 1 / vp.unitY;
    const speeds = [];
    for (let i = 0; i < field.length / 2; i++) {
      const s = Math.hypot(field[2 * i] * sx, field[2 * i + 1] * sy);
      if (Number.isFinite(s)) speeds.push(s);
    }
    speeds.sort((a, b) => a - b);
    this.maxSpeed = speeds[speeds.length - 1] ?? 0;
    const median = speeds[speeds.length >> 1] ?? 0;
    const typical = Math.sqrt(median * this.maxSpeed) || this.maxSpeed;
    this.dt = typical > 0 ? PX_PER_FRAME / typical : 0;
    if (key === this.key && count === this.count) return;
    this.key = key;
    this.count = count;
    this.y = new Float32Array(2 * count);
    this.prev = new Float32Array(2 * count);
    this.age = new Int32Array(count);
    this.life = new Int32Array(count);
    for (let i = 0; i < count; i++) this.seed(i, true);
    this.clear();
  }

  /** A particle at a uniform random point of the view; `spread`: a random age (no synchronised respawns). */
  seed(i, spread = false) {
    const [x0, x1, y0, y1] = this.vp.box;
    const x = x0 + Math.random() * (x1 - x0);
    const y = y0 + Math.random() * (y1 - y0);
    this.y[2 * i] = this.prev[2 * i] = x;
    this.y[2 * i + 1] = this.prev[2 * i + 1] = y;
    this.life[i] = LIFE[0] + Math.floor(Math.random() * (LIFE[1] - LIFE[0]));
    this.age[i] = spread ? Math.floor(Math.random() * this.life[i]) : 0;
  }

  clear() {
    const ctx = this.canvas.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }

  /** One frame: advance every particle, fade the old trails, draw the new segments. */
  frame() {
    if (!this.count || !(this.dt > 0)) return;
    const t0 = performance.now();
    const { sc, sys, vp } = this;
    this.prev.set(this.y);
    sc.integrateBatch({ system: sys.system, params: sys.params, y0s: this.y, dt: this.dt / STEPS, steps: STEPS, method: 'rk4' });

    const ctx = this.canvas.getContext('2d');
    const dpr = this.canvas.width / vp.w;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.globalCompositeOperation = 'destination-out';
    ctx.fillStyle = `rgba(0,0,0,${FADE})`;
    ctx.fillRect(0, 0, vp.w, vp.h);
    ctx.globalCompositeOperation = 'source-over';

    const [x0, x1, y0, y1] = vp.box;
    const paths = Array.from({ length: BINS }, () => new Path2D());
    const max = this.maxSpeed;
    for (let i = 0; i < this.count; i++) {
      const x = this.y[2 * i];
      const y = this.y[2 * i + 1];
      if (!(x >= x0 && x <= x1 && y >= y0 && y <= y1) || ++this.age[i] > this.life[i]) {
        this.seed(i); // out of view, non-finite (the comparison fails) or aged out
        continue;
      }
      const [ax, ay] = vp.toPx(this.prev[2 * i], this.prev[2 * i + 1]);
      const [bx, by] = vp.toPx(x, y);
      // Screen speed of this frame's move, on the arrows' log scale (2 decades below the grid maximum).
      const s = Math.hypot(bx - ax, by - ay) / this.dt;
      const c = Math.min(1, Math.max(0, 1 + Math.log10(s / max) / 2));
      const p = paths[Math.round(c * (BINS - 1))];
      p.moveTo(ax, ay);
      p.lineTo(bx, by);
    }
    ctx.lineWidth = 1.1;
    ctx.lineCap = 'round';
    ctx.globalAlpha = 0.9;
    paths.forEach((p, k) => {
      ctx.strokeStyle = this.colours[k];
      ctx.stroke(p);
    });
    ctx.globalAlpha = 1;
    this.stats.frames++;
    this.stats.ms += performance.now() - t0;
    this.stats.last = performance.now() - t0;
  }
}
