// <simcore-kernels>'s worker jobs, one per view, every number from the core
// (sc.kde1d, sc.kde2d, sc.kernelRegression, sc.svmTrain, sc.svmCrossValidate;
// docs/kernels.md, docs/svm.md). Data arrive per sex: { m: {...}, f: {...} }.
import { timed } from '../shared/timed.mjs';

const SEXES = ['m', 'f'];
export const LIFT_C = 1;
export const CV_MAX_ITER = 4000;
export const TRAIN_MAX_ITER = 200000;
const each = (fn) => Object.fromEntries(SEXES.map((s) => [s, fn(s)]));

/** A bandwidth from the page's choice: a rule name or a number (by hand). */
const bw = (job) => (job.rule === 'hand' ? job.h : job.rule);

// The LOOCV curves depend on the data, estimator and kernel, not on an h set
// by hand: a drag of that h reuses them (the page names them by cvKey).
let cvCache = { key: null, value: null };

export const JOBS = {
  /** 1-D KDE of one variable per sex on a shared grid; `rule`'s h is also returned in hand mode (Silverman's). */
  kernelsKde1d(sc, job) {
    const [r, ms] = timed(() => each((s) => {
      const x = job.data[s];
      const est = sc.kde1d(x, { kernel: job.kernel, bandwidth: bw(job), grid: job.grid });
      const ruleH = job.rule === 'hand' ? sc.kde1d(x, { kernel: job.kernel, bandwidth: 'silverman', points: [x[0]] }).bandwidth : est.bandwidth;
      return { bandwidth: est.bandwidth, ruleH, x: est.x, density: est.density };
    }));
    return { result: { ...r, ms }, transfer: SEXES.flatMap((s) => [r[s].x.buffer, r[s].density.buffer]) };
  },

  /** 2-D KDE per sex: the rule's H, its diagonal, times scale². */
  kernelsKde2d(sc, job) {
    const [r, ms] = timed(() => each((s) => {
      const xy = job.data[s];
      const rule = job.rule === 'diagonal' ? 'scott' : job.rule;
      let H = sc.kde2d(xy, { kernel: job.kernel, bandwidth: rule, points: [xy[0], xy[1]] }).H;
      const k = job.scale * job.scale;
      H = job.rule === 'diagonal' ? [[H[0][0] * k, 0], [0, H[1][1] * k]] : [[H[0][0] * k, H[0][1] * k], [H[1][0] * k, H[1][1] * k]];
      const est = sc.kde2d(xy, { kernel: job.kernel, bandwidth: H, grid: job.grid, method: job.method });
      return { H: est.H, density: est.density, method: est.method, errorBound: est.errorBound };
    }));
    return { result: { ...r, ms }, transfer: SEXES.map((s) => r[s].density.buffer) };
  },

  /** Weight on height per sex: the LOOCV curve always, the fit at LOOCV's h or by hand, with the 95 % band. */
  kernelsRegression(sc, job) {
    const [r, ms] = timed(() => each((s) => {
      const { x, y } = job.data[s];
      const opts = { method: job.method, kernel: job.kernel, at: job.grid, band: true };
      const key = `${job.cvKey}/${s}`;
      if (!job.hand || cvCache[key] === undefined || cvCache.key !== job.cvKey) {
        if (cvCache.key !== job.cvKey) cvCache = { key: job.cvKey };
        cvCache[key] = sc.kernelRegression(x, y, { ...opts, bandwidth: 'loocv', bandwidths: job.bandwidths });
      }
      const cv = cvCache[key];
      const fit = job.hand ? sc.kernelRegression(x, y, { ...opts, bandwidth: job.h }) : cv;
      return { bandwidth: fit.bandwidth, cvBandwidth: cv.bandwidth, x: fit.x, yhat: fit.yhat, lower: fit.lower, upper: fit.upper,
        cv: cv.cv, undefinedCount: fit.undefinedCount };
    }));
    return { result: { ...r, ms }, transfer: [] };
  },

  /**
   * The SVM on standardised (height, weight), men +1: support vectors, the
   * decision on the view's grid, training accuracy; and the lifted model: a
   * linear SVM on φ = (x, y, x² + y²) with C = 1 (a large C makes a linear
   * SMO on overlapping classes take seconds), whose plane w·φ + b = 0 is read
   * back from the core's decision at φ = 0 and the unit vectors.
   */
  kernelsSvm(sc, job) {
    const [r, ms] = timed(() => {
      const opts = { kernel: job.kernel, C: job.C, gamma: job.gamma, degree: job.degree, coef0: job.coef0, maxIter: TRAIN_MAX_ITER };
      const model = sc.svmTrain(job.x, job.labels, opts);
      try {
        const grid = model.decisionGrid(job.grid);
        const predicted = model.predict(job.x);
        let correct = 0;
        for (let i = 0; i < predicted.length; i++) if (predicted[i] === job.labels[i]) correct++;
        const n = job.labels.length;
        const lifted = new Float64Array(3 * n);
        for (let i = 0; i < n; i++) {
          const a = job.x[2 * i];
          const b = job.x[2 * i + 1];
          lifted.set([a, b, a * a + b * b], 3 * i);
        }
        const lin = sc.svmTrain(lifted, job.labels, { kernel: 'linear', C: LIFT_C, dims: 3 });
        let plane;
        try {
          const f = lin.decision([0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
          plane = { b: f[0], w: [f[1] - f[0], f[2] - f[0], f[3] - f[0]], support: lin.supportIndices.length };
        } finally {
          lin.dispose();
        }
        return { grid, supportIndices: model.supportIndices, alpha: model.alpha, b: model.b, objective: model.objective,
          trainAccuracy: correct / n, hitMaxIter: model.hitMaxIter, params: { ...model.params }, plane };
      } finally {
        model.dispose();
      }
    });
    return { result: { ...r, ms }, transfer: [r.grid.buffer] };
  },

  /**
   * 5-fold cross-validated accuracy over the (C, γ) grid. Each training is
   * capped at CV_MAX_ITER SMO steps: a polynomial kernel at large γ and C
   * otherwise runs for seconds a cell (its accuracy there is that of the
   * capped solution).
   */
  kernelsSvmCv(sc, job) {
    const [r, ms] = timed(() => sc.svmCrossValidate(job.x, job.labels, { kernel: job.kernel, C: job.C, gamma: job.gamma,
      degree: job.degree, coef0: job.coef0, folds: job.folds, seed: job.seed, maxIter: CV_MAX_ITER }));
    return { result: { ...r, ms }, transfer: [] };
  },
};
