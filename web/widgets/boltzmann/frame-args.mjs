// What one animation frame of <simcore-boltzmann> asks its session for
// (sessions.mjs): the speed setting's epochs, capped by the epochs left,
// and the views the frame should bring back. Pure, so Node tests it.

export const BUDGET_MS = 8; // learning time per step when the speed is 'max'
export const FANTASIES = 12;
const FANTASY_EVERY_MS = 500; // fresh fantasies while learning runs
const SLOW_STATS_EVERY_MS = 300; // statistics of a machine too large for cheap enumeration

/** Which method actually runs: `exact` needs n ≤ maxExact, CD and PCD a restricted machine. */
export function effectiveMethod(s, units, maxExact) {
  const rbm = s.machine === 'rbm';
  const ok = { exact: units <= maxExact, gibbs: true, cd: rbm, pcd: rbm };
  if (ok[s.method]) return s.method;
  if (rbm) return 'cd';
  return units <= maxExact ? 'exact' : 'gibbs';
}

/** The learning and sampling options of the state (read at every step: a slider acts at once). */
export function learnOptions(s, method) {
  return { method, epsilon: s.epsilon, temperature: s.temperature, sweeps: s.sweeps, anneal: s.anneal,
    tStart: Math.max(s.tStart, s.temperature), k: s.k };
}

/**
 * The step arguments of one frame, or null when nothing is due. `run`
 * ({ learn, complete, budget, last, lastFantasy, lastStats }) is updated;
 * `view` ({ units, maxExact, encoder, completion }) says what is shown.
 */
export function frameArgs(run, s, epoch, now, view) {
  const dt = Math.min(0.1, (now - run.last) / 1000);
  run.last = now;
  const args = { learn: learnOptions(s, effectiveMethod(s, view.units, view.maxExact)) };
  let due = false;
  if (run.learn) {
    const left = s.epochs - epoch;
    let epochs = Math.max(0, left);
    if (s.speed !== 'max' && epochs > 0) {
      run.budget += dt * Number(s.speed);
      epochs = Math.min(Math.floor(run.budget), left);
      if (epochs >= 1) run.budget -= epochs;
    }
    if (epochs >= 1) {
      Object.assign(args, { epochs, budgetMs: BUDGET_MS, recall: view.encoder });
      const cheap = view.units <= 16;
      if (cheap || now - (run.lastStats ?? -Infinity) >= SLOW_STATS_EVERY_MS) {
        args.stats = true;
        run.lastStats = now;
      }
      if (now - (run.lastFantasy ?? -Infinity) >= FANTASY_EVERY_MS) {
        args.fantasies = FANTASIES;
        run.lastFantasy = now;
      }
      due = true;
    }
  }
  if (run.complete && view.completion) {
    args.complete = view.completion;
    due = true;
  }
  return due ? args : null;
}
