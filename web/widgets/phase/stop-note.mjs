// What a widget says when an integration ended early because the solution
// blew up or the equation is too stiff for the step budget (the core stops
// at non-finite state, at a vanishing step size and at maxSteps, so a frame
// stays short; this makes the reason visible instead of a silently short curve).
import { t } from '../shared/i18n.mjs';

const EARLY = new Set(['nonfinite', 'stepSize', 'maxSteps']);

/** A sentence for an integration result ({ stop, t }), or '' when it ended normally. */
export function stopNote(run, what = '') {
  if (!run || !EARLY.has(run.stop)) return '';
  const at = run.t.length ? run.t[run.t.length - 1] : 0;
  return `${what}${t(`ode.stop.${run.stop}`)} t = ${Number(at.toPrecision(4))}`;
}

/** Append `note` to a widget's status line and mark it as an error (or clear the mark). */
export function showStopNote(line, note) {
  line.classList.toggle('error', Boolean(note));
  if (note) line.textContent += ` · ${note}`;
}
