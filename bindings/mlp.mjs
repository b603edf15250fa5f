// Multilayer perceptrons trained by back-propagation, and Haykin's double
// moon. Conventions: docs/mlp.md; the C contract: core/include/simcore/mlp.h.
// A network lives in wasm memory behind a core handle (core/handles.mjs);
// `dispose()` frees it.
import { handle } from './core/handles.mjs';
import { arrayLength, checkArray, checkInt, checkNumber, checkOption, describe, isArray, readOptions } from './core/validate.mjs';

export const MLP_ACTIVATIONS = Object.freeze(['logistic', 'tanh', 'relu', 'leaky-relu', 'linear']);
export const MLP_OUTPUTS = Object.freeze(['linear', 'logistic', 'softmax']);
export const MLP_LOSSES = Object.freeze(['mse', 'bce', 'ce']); // paired with MLP_OUTPUTS by index

export const MLP_SCHEDULES = Object.freeze(['constant', 'linear', 'haykin']); // sc_mlp_schedule
export const MLP_MONITORS = Object.freeze(['loss', 'error']); // sc_mlp_monitor
export const MLP_STOPS = Object.freeze(['epochs', 'gradient', 'error-change', 'test-error']); // sc_mlp_stop
const PRE_FLAGS = Object.freeze({ centre: 1, decorrelate: 2, equalise: 4 }); // SC_MLP_PRE_*

const MAX_SEED = 0xffffffff;
const TRAIN_KEYS = ['epochs', 'eta', 'etaEnd', 'schedule', 'alpha', 'decay', 'batch', 'shuffle',
  'gradTol', 'changeTol', 'patience', 'monitor', 'xTest', 'yTest', 'gradNorm', 'scheduleEpochs', 'scheduleFrom'];

export function mlpApi({ ex, i32, f32, block, check, limit }) {
  // sc.mlpLimits, read from the core (core/include/simcore/limits.h).
  const MLP_LIMITS = Object.freeze({
    maxHidden: limit('SC_MLP_MAX_HIDDEN'),
    maxUnits: limit('SC_MLP_MAX_UNITS'),
    maxInputs: limit('SC_MLP_MAX_INPUTS'),
    maxOutputs: limit('SC_MLP_MAX_OUTPUTS'),
    maxNetworks: limit('SC_MLP_MAX_NETWORKS'),
    maxSamples: limit('SC_MLP_MAX_SAMPLES'),
    maxEpochs: limit('SC_MLP_MAX_EPOCHS'),
    maxGrid: limit('SC_MLP_MAX_GRID'),
  });
  const f64 = () => new Float64Array(ex.memory.buffer);
  const i8 = () => new Int8Array(ex.memory.buffer);
  const destroy = (id) => ex.sc_flat_mlp_destroy(id);

  function copyIn(role, values) {
    const p = block(role, values.length * 4);
    f32().set(values, p >> 2);
    return p;
  }

  // A one-off allocation for outputs that can be large, freed at once.
  function withOutput(name, floats, body) {
    const p = ex.malloc(floats * 4);
    if (!p) throw new Error(`${name}: out of memory for ${floats * 4} bytes`);
    try {
      body(p);
      return f32().slice(p >> 2, (p >> 2) + floats);
    } finally {
      ex.free(p);
    }
  }

  function doubleMoon(options) {
    const fn = 'doubleMoon';
    const o = readOptions(fn, 'options', options, ['n', 'r', 'w', 'd', 'seed']);
    const n = checkInt(fn, 'n', o.n, 1, MLP_LIMITS.maxSamples);
    const r = o.r === undefined ? 10 : checkNumber(fn, 'r', o.r, { gt: 0 });
    const w = o.w === undefined ? 6 : checkNumber(fn, 'w', o.w, { gt: 0 });
    if (!(w < 2 * r)) throw new RangeError(`${fn}: w ${w} must be below 2r = ${2 * r}`);
    const d = o.d === undefined ? 1 : checkNumber(fn, 'd', o.d);
    const seed = o.seed === undefined ? 0 : checkInt(fn, 'seed', o.seed, 0, MAX_SEED);
    const pY = block('mlp-labels', n);
    const x = withOutput(fn, 2 * n, (pX) => check(fn, ex.sc_flat_mlp_double_moon(n, r, w, d, seed, pX, pY)));
    return { x, y: i8().slice(pY, pY + n) };
  }

  function createMLP(options) {
    const fn = 'createMLP';
    const o = readOptions(fn, 'options', options, ['layers', 'activation', 'output', 'loss', 'seed']);
    const nsizes = arrayLength(o.layers);
    if (nsizes < 0) throw new TypeError(`${fn}: layers must be an Array of unit counts, got ${describe(o.layers)}`);
    if (nsizes < 2 || nsizes > MLP_LIMITS.maxHidden + 2) {
      throw new RangeError(`${fn}: layers has length ${nsizes}, expected 2..${MLP_LIMITS.maxHidden + 2}`);
    }
    const layerArray = checkArray(fn, 'layers', o.layers, nsizes, Float64Array);
    const sizes = Array.from(layerArray, (v, l) => {
      const max = l === 0 ? MLP_LIMITS.maxInputs : l === nsizes - 1 ? MLP_LIMITS.maxOutputs : MLP_LIMITS.maxUnits;
      return checkInt(fn, `layers[${l}]`, v, 1, max);
    });
    const hidden = nsizes - 2;
    let acts;
    if (o.activation === undefined) acts = new Array(hidden).fill(1);
    else if (isArray(o.activation)) {
      if (o.activation.length !== hidden) {
        throw new RangeError(`${fn}: activation has length ${o.activation.length}, expected ${hidden} (one per hidden layer)`);
      }
      acts = Array.from({ length: hidden }, (_, l) => checkOption(fn, `activation[${l}]`, o.activation[l], MLP_ACTIVATIONS));
    } else acts = new Array(hidden).fill(checkOption(fn, 'activation', o.activation, MLP_ACTIVATIONS));
    const fromOutput = o.output === undefined ? -1 : checkOption(fn, 'output', o.output, MLP_OUTPUTS);
    const fromLoss = o.loss === undefined ? -1 : checkOption(fn, 'loss', o.loss, MLP_LOSSES);
    if (fromOutput >= 0 && fromLoss >= 0 && fromOutput !== fromLoss) {
      throw new RangeError(`${fn}: output '${o.output}' goes with loss '${MLP_LOSSES[fromOutput]}', not '${o.loss}'`);
    }
    const loss = Math.max(fromOutput, fromLoss, 0);
    const nout = sizes[nsizes - 1];
    if (loss === 2 && nout < 2) throw new RangeError(`${fn}: softmax needs at least 2 outputs, layers ends with ${nout}`);
    const seed = o.seed === undefined ? 0 : checkInt(fn, 'seed', o.seed, 0, MAX_SEED);

    const pSizes = block('mlp-sizes', nsizes * 4);
    i32().set(sizes, pSizes >> 2);
    const pActs = block('mlp-acts', Math.max(hidden, 1) * 4);
    i32().set(acts, pActs >> 2);
    const pId = block('mlp-id', 4);
    check(fn, ex.sc_flat_mlp_create(pSizes, nsizes, pActs, hidden, loss, seed, pId));
    const life = handle('mlp', i32()[pId >> 2], destroy);
    const live = (method) => life.live(method);
    const pInfo = block('mlp-info', 16);
    check(fn, ex.sc_flat_mlp_info(life.id, pInfo, 4));
    const nin = sizes[0];
    const nw = i32()[(pInfo >> 2) + 3];

    function points(name, x, arg = 'x') {
      const length = arrayLength(x);
      if (length < 0) throw new TypeError(`${name}: ${arg} must be a Float32Array (count x ${nin}) or an Array, got ${describe(x)}`);
      const count = length / nin;
      if (!Number.isInteger(count) || count < 1 || count > MLP_LIMITS.maxSamples) {
        throw new RangeError(`${name}: ${arg} has length ${length}; expected count * ${nin} with count 1..${MLP_LIMITS.maxSamples}`);
      }
      return { values: checkArray(name, arg, x, length), count };
    }

    // Targets: count x outputs values, or (cross-entropy with several
    // outputs) count class indices, turned into one-hot rows.
    function targets(name, y, count, arg = 'y') {
      const length = arrayLength(y);
      if (length < 0) throw new TypeError(`${name}: ${arg} must be a typed array or an Array of targets, got ${describe(y)}`);
      if (length === count * nout) return checkArray(name, arg, y, length);
      if (loss === 2 && length === count) {
        const labels = checkArray(name, arg, y, length, Float64Array);
        const t = new Float32Array(count * nout);
        for (let i = 0; i < count; i++) t[i * nout + checkInt(name, `${arg}[${i}]`, labels[i], 0, nout - 1)] = 1;
        return t;
      }
      const also = loss === 2 ? ` or ${count} class indices` : '';
      throw new RangeError(`${name}: ${arg} has length ${length}; expected ${count * nout}${also}`);
    }

    function data(name, x, y) {
      const p = points(name, x);
      const t = targets(name, y, p.count);
      return { pX: copyIn('mlp-x', p.values), pT: copyIn('mlp-t', t), count: p.count };
    }

    function readTrain(name, options) {
      const o = readOptions(name, 'options', options, TRAIN_KEYS, true);
      const epochs = o.epochs === undefined ? 1 : checkInt(name, 'epochs', o.epochs, 1, MLP_LIMITS.maxEpochs);
      const eta = o.eta === undefined ? 0.01 : checkNumber(name, 'eta', o.eta, { gt: 0 });
      const alpha = o.alpha === undefined ? 0 : checkNumber(name, 'alpha', o.alpha, { min: 0 });
      if (!(alpha < 1)) throw new RangeError(`${name}: alpha ${alpha} is out of range [0, 1)`);
      const decay = o.decay === undefined ? 0 : checkNumber(name, 'decay', o.decay, { min: 0 });
      const batch = o.batch === undefined ? 1 : checkInt(name, 'batch', o.batch, 0, MLP_LIMITS.maxSamples);
      const bool = (key) => {
        if (o[key] !== undefined && typeof o[key] !== 'boolean') {
          throw new TypeError(`${name}: ${key} must be a boolean, got ${describe(o[key])}`);
        }
        return o[key];
      };
      const shuffle = bool('shuffle') === false ? 0 : 1;
      // etaEnd alone anneals linearly; a schedule needs etaEnd.
      const schedule = o.schedule === undefined ? (o.etaEnd === undefined ? 0 : 1) : checkOption(name, 'schedule', o.schedule, MLP_SCHEDULES);
      let etaEnd = 0;
      if (schedule === 0 && o.etaEnd !== undefined) throw new RangeError(`${name}: etaEnd needs schedule 'linear' or 'haykin', not 'constant'`);
      if (schedule > 0) {
        if (o.etaEnd === undefined) throw new RangeError(`${name}: schedule '${MLP_SCHEDULES[schedule]}' needs etaEnd`);
        etaEnd = checkNumber(name, 'etaEnd', o.etaEnd, { gt: 0 });
        if (schedule === 2 && !(etaEnd <= eta)) throw new RangeError(`${name}: etaEnd ${etaEnd} must be <= eta ${eta} for schedule 'haykin'`);
      }
      const gradTol = o.gradTol === undefined ? 0 : checkNumber(name, 'gradTol', o.gradTol, { min: 0 });
      const changeTol = o.changeTol === undefined ? 0 : checkNumber(name, 'changeTol', o.changeTol, { min: 0 });
      const patience = o.patience === undefined ? 0 : checkInt(name, 'patience', o.patience, 0, MLP_LIMITS.maxEpochs);
      const monitor = o.monitor === undefined ? 0 : checkOption(name, 'monitor', o.monitor, MLP_MONITORS);
      if ((o.xTest === undefined) !== (o.yTest === undefined)) throw new TypeError(`${name}: xTest and yTest go together`);
      if (patience > 0 && o.xTest === undefined) throw new RangeError(`${name}: patience ${patience} needs xTest and yTest`);
      const gradNorm = bool('gradNorm') === true || gradTol > 0 ? 1 : 0;
      // A call placed inside a longer schedule: epochs scheduleFrom … scheduleFrom + epochs − 1 of scheduleEpochs.
      const scheduleEpochs = o.scheduleEpochs === undefined ? 0 : checkInt(name, 'scheduleEpochs', o.scheduleEpochs, 1, MLP_LIMITS.maxEpochs);
      if (o.scheduleFrom !== undefined && o.scheduleEpochs === undefined) throw new TypeError(`${name}: scheduleFrom needs scheduleEpochs`);
      if (scheduleEpochs && epochs > scheduleEpochs) throw new RangeError(`${name}: epochs ${epochs} must be <= scheduleEpochs ${scheduleEpochs}`);
      const scheduleFrom = o.scheduleFrom === undefined ? 0 : checkInt(name, 'scheduleFrom', o.scheduleFrom, 0, scheduleEpochs - epochs);
      return { epochs, iopt: [epochs, batch, shuffle, schedule, patience, monitor, gradNorm, scheduleEpochs, scheduleFrom],
        ropt: [eta, alpha, decay, etaEnd, gradTol, changeTol], xTest: o.xTest, yTest: o.yTest, gradNorm };
    }

    function runFit(name, x, y, options) {
      const o = readTrain(name, options);
      const d = data(name, x, y);
      let pXt = 0, pTt = 0, ntest = 0;
      if (o.xTest !== undefined) {
        const p = points(name, o.xTest, 'xTest');
        const t = targets(name, o.yTest, p.count, 'yTest');
        pXt = copyIn('mlp-xtest', p.values);
        pTt = copyIn('mlp-ttest', t);
        ntest = p.count;
      }
      const pI = block('mlp-iopt', 9 * 4);
      i32().set(o.iopt, pI >> 2);
      const pR = block('mlp-ropt', 6 * 8);
      f64().set(o.ropt, pR >> 3);
      const pRes = block('mlp-result', 3 * 4);
      const E = o.epochs;
      const trace = withOutput(name, 5 * E, (pTrace) => check(name, ex.sc_flat_mlp_fit(
        life.id, d.pX, d.pT, d.count, pXt, pTt, ntest, pI, 9, pR, 6, pTrace, 5 * E, pRes, 3)));
      const [epochs, stop, best] = i32().slice(pRes >> 2, (pRes >> 2) + 3);
      const row = (r) => trace.slice(r * E, r * E + epochs);
      const out = { loss: row(0), eta: row(4), stopped: MLP_STOPS[stop], epochs };
      if (o.gradNorm) out.gradNorm = row(3);
      if (ntest > 0) Object.assign(out, { testLoss: row(1), testError: row(2), bestEpoch: best });
      return out;
    }

    const net = life.attach({
      get layers() { return sizes.slice(); },
      get weightCount() { return nw; },
      get disposed() { return life.disposed; },

      /** Trains; returns the mean training loss after each epoch run (Float32Array). */
      train(x, y, options) {
        return runFit(live('train'), x, y, options).loss;
      },

      /** Trains; the per-epoch records, why it stopped and the epochs run. */
      fit(x, y, options) {
        return runFit(live('fit'), x, y, options);
      },

      /** Fraction of the samples misclassified (mlp.d.ts). */
      errorRate(x, y) {
        const name = live('errorRate');
        const d = data(name, x, y);
        const pRate = block('mlp-loss', 8);
        check(name, ex.sc_flat_mlp_error_rate(life.id, d.pX, d.pT, d.count, pRate));
        return f64()[pRate >> 3];
      },

      /** Outputs for the points x (count x inputs): Float32Array count x outputs. */
      predict(x) {
        const name = live('predict');
        const p = points(name, x);
        const pX = copyIn('mlp-x', p.values);
        return withOutput(name, p.count * nout, (pOut) => check(name, ex.sc_flat_mlp_predict(life.id, pX, p.count, pOut, p.count * nout)));
      },

      /** Outputs on an nx x ny grid over [x0, x1] x [y0, y1] (2 inputs), row by row from y0. */
      predictGrid(options) {
        const name = live('predictGrid');
        const o = readOptions(name, 'options', options, ['x0', 'x1', 'y0', 'y1', 'nx', 'ny']);
        if (nin !== 2) throw new RangeError(`${name}: the grid needs a net with 2 inputs, this one has ${nin}`);
        const x0 = checkNumber(name, 'x0', o.x0);
        const x1 = checkNumber(name, 'x1', o.x1);
        const y0 = checkNumber(name, 'y0', o.y0);
        const y1 = checkNumber(name, 'y1', o.y1);
        const nx = checkInt(name, 'nx', o.nx, 2, MLP_LIMITS.maxGrid);
        const ny = checkInt(name, 'ny', o.ny, 2, MLP_LIMITS.maxGrid);
        const n = nx * ny * nout;
        return withOutput(name, n, (pOut) => check(name, ex.sc_flat_mlp_predict_grid(life.id, x0, x1, y0, y1, nx, ny, pOut, n)));
      },

      /** Mean loss over the samples. */
      loss(x, y) {
        const name = live('loss');
        const d = data(name, x, y);
        const pLoss = block('mlp-loss', 8);
        check(name, ex.sc_flat_mlp_loss(life.id, d.pX, d.pT, d.count, pLoss));
        return f64()[pLoss >> 3];
      },

      /** Gradient of the mean loss, in the order of getWeights(). */
      gradient(x, y) {
        const name = live('gradient');
        const d = data(name, x, y);
        return withOutput(name, nw, (pG) => check(name, ex.sc_flat_mlp_gradient(life.id, d.pX, d.pT, d.count, pG, nw)));
      },

      getWeights() {
        const name = live('getWeights');
        return withOutput(name, nw, (pW) => check(name, ex.sc_flat_mlp_get_weights(life.id, pW, nw)));
      },

      setWeights(w) {
        const name = live('setWeights');
        const values = checkArray(name, 'w', w, nw);
        check(name, ex.sc_flat_mlp_set_weights(life.id, copyIn('mlp-w', values), nw));
        return net;
      },

      /** Back to the initial weights of the seed; momentum zero. */
      reset() {
        const name = live('reset');
        check(name, ex.sc_flat_mlp_reset(life.id));
        return net;
      },

      dispose() { life.dispose(); },
    });
    return net;
  }

  // Preprocessing fitted on a training set: z = M (x - m) (mlp.h). The
  // transform lives in JS (mean, matrix); apply() copies it in per call.
  function fitPreprocess(x, dim, options) {
    const fn = 'fitPreprocess';
    const d = checkInt(fn, 'dim', dim, 1, MLP_LIMITS.maxInputs);
    const length = arrayLength(x);
    if (length < 0) throw new TypeError(`${fn}: x must be a Float32Array (count x dim) or an Array, got ${describe(x)}`);
    const rows = (name, n) => {
      const count = n / d;
      if (!Number.isInteger(count) || count < 1 || count > MLP_LIMITS.maxSamples) {
        throw new RangeError(`${name}: x has length ${n}; expected count * ${d} with count 1..${MLP_LIMITS.maxSamples}`);
      }
      return count;
    };
    const count = rows(fn, length);
    const values = checkArray(fn, 'x', x, length);
    const o = readOptions(fn, 'options', options ?? { centre: true, equalise: true }, ['centre', 'decorrelate', 'equalise', 'whiten']);
    for (const [key, v] of Object.entries(o)) {
      if (typeof v !== 'boolean') throw new TypeError(`${fn}: ${key} must be a boolean, got ${describe(v)}`);
    }
    if (o.whiten) {
      for (const key of Object.keys(PRE_FLAGS)) {
        if (o[key] === false) throw new RangeError(`${fn}: whiten means centre, decorrelate and equalise; ${key} is false`);
      }
    }
    let flags = 0;
    for (const [key, bit] of Object.entries(PRE_FLAGS)) if (o[key] || o.whiten) flags |= bit;
    const pX = copyIn('mlp-x', values);
    const pM = block('mlp-pre-matrix', d * d * 4);
    const mean = withOutput(fn, d, (pMean) => check(fn, ex.sc_flat_mlp_preprocess_fit(pX, count, d, flags, pMean, d, pM, d * d)));
    const matrix = f32().slice(pM >> 2, (pM >> 2) + d * d);
    const kind = Object.freeze({ centre: !!(flags & 1), decorrelate: !!(flags & 2), equalise: !!(flags & 4) });

    /** z = M (x - mean) for count x dim points x (any count). */
    function apply(points) {
      const name = 'preprocess.apply';
      const n = arrayLength(points);
      if (n < 0) throw new TypeError(`${name}: x must be a Float32Array (count x ${d}) or an Array, got ${describe(points)}`);
      const c = rows(name, n);
      const v = checkArray(name, 'x', points, n);
      const pMean = copyIn('mlp-pre-mean', mean);
      const pMat = copyIn('mlp-pre-matrix', matrix);
      const pIn = copyIn('mlp-x', v);
      return withOutput(name, n, (pOut) => check(name, ex.sc_flat_mlp_preprocess_apply(pMean, d, pMat, d * d, d, pIn, c, pOut, n)));
    }
    return Object.freeze({ dim: d, ...kind, mean, matrix, apply });
  }

  return { doubleMoon, createMLP, fitPreprocess, mlpLimits: MLP_LIMITS };
}

/** This area for the loader (core/load.mjs): the core area it calls and how it joins the API. */
export const AREA = Object.freeze({ name: 'mlp', core: 'mlp', attach: (core) => mlpApi(core) });
