// How many epochs one animation frame of <simcore-mlp> asks its session for
// (mlp.mjs): the speed setting's budget of epochs per second, capped by the
// epochs left before the stop; 'max' asks for every epoch left and lets the
// session's time budget (8 ms of training per step) decide. Pure, so Node
// tests it (tests/wasm/mlp-session.test.mjs).

export const BUDGET_MS = 8;
export const UNIT_GRID = 40; // side of each hidden unit's map, points
/** Values per curve row in a frame: epoch, training loss, test loss, training error rate, test error rate. */
export const CURVE_ROW = 5;

/** The step arguments of one frame, or null when the budget holds less than one epoch. */
export function frameArgs(run, s, epoch, now) {
  const dt = Math.min(0.1, (now - run.last) / 1000);
  run.last = now;
  const left = s.epochs - epoch;
  if (left <= 0) return null;
  let epochs = left;
  if (s.speed !== 'max') {
    run.budget += dt * Number(s.speed);
    epochs = Math.min(Math.floor(run.budget), left);
    if (epochs < 1) return null;
    run.budget -= epochs;
  }
  return { epochs, budgetMs: BUDGET_MS, train: trainOptions(s), stop: stopOptions(s), ...viewArgs(s) };
}

/** What every frame draws: the maps, the weights, and the hidden units' maps when they are shown. */
export function viewArgs(s) {
  return { map: true, weights: true, ...(s.units ? { units: { layer: s.unitsLayer, grid: UNIT_GRID } } : {}) };
}

/**
 * The training options of the widget state (read at every step: a slider
 * acts at once). An η schedule runs over the epoch limit; Haykin's needs
 * η_end ≤ η, so a larger η_end is taken as η (constant).
 */
export function trainOptions(s) {
  const o = { eta: s.eta, alpha: s.alpha, decay: s.decay, batch: s.batch };
  if (s.schedule === 'constant') return o;
  const etaEnd = s.schedule === 'haykin' ? Math.min(s.etaEnd, s.eta) : s.etaEnd;
  return { ...o, schedule: s.schedule, etaEnd, scheduleEpochs: s.epochs };
}

/** The lecture's stopping rules (0: off). */
export function stopOptions(s) {
  return { gradTol: s.gradTol, changeTol: s.changeTol, patience: s.patience };
}
