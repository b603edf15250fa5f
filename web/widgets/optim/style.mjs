// Styles of <simcore-gradient>, inside its shadow root: the phase plane's
// arrangement (form, plane, readouts); usable down to 320 px.
import base from '../shared/widget-style.mjs';

export default `${base}
[hidden] { display: none !important; }
.layout { display: grid; grid-template-columns: 1fr; gap: 10px; }
.layout > form { order: 2; }
@container (min-width: 720px) { .layout { grid-template-columns: 250px 1fr; } .layout > form { order: 0; } }
form { display: grid; gap: 6px; align-content: start; min-width: 0; }
.row { display: grid; grid-template-columns: 1fr auto; gap: 2px 6px; align-items: center; }
.row label { font-size: 0.9em; }
.row output { font-variant-numeric: tabular-nums; font-size: 0.9em; color: var(--muted); text-align: right; }
.row input[type=range] { grid-column: 1 / -1; width: 100%; margin: 0; accent-color: var(--accent); }
.row.off input[type=range] { opacity: 0.5; }
.row select { font: inherit; font-size: 0.9em; max-width: 12em; }
.row input[type=number] { font: inherit; font-size: 0.9em; width: 6.5em; text-align: right; }
.row .best { grid-column: 1 / -1; justify-self: start; font-size: 0.8em; }
.row.wide { grid-template-columns: 1fr; }
.formula input { font: 0.95em ui-monospace, monospace; width: 100%; padding: 2px 4px; border: 1px solid var(--line); border-radius: 3px; }
.formula label { font-family: ui-monospace, monospace; }
.formula-error { font: 0.8em/1.3 ui-monospace, monospace; min-width: 0; }
.formula-error p { margin: 0; overflow-wrap: anywhere; }
.formula-error pre { margin: 0; font: inherit; overflow-x: auto; }
.error { color: #b3261e; }
fieldset { border: 0; padding: 0; margin: 0; min-width: 0; }
legend { font-size: 0.8em; color: var(--muted); padding: 0; margin-bottom: 3px; }
.toggles { display: flex; flex-wrap: wrap; gap: 2px 12px; font-size: 0.85em; }
.toggles label { display: inline-flex; gap: 4px; align-items: center; }
i.sw { display: inline-block; width: 14px; height: 3px; border-radius: 2px; flex: none; }
i.sw.gd { background: #2456c7; } i.sw.momentum { background: #1b7f3b; } i.sw.newton { background: #b3261e; }
.main { display: grid; gap: 8px; min-width: 0; align-content: start; }
@container (min-width: 1000px) { .main { grid-template-columns: 1fr 250px; } }
.plane { min-width: 0; }
canvas.plane-canvas { display: block; width: 100%; aspect-ratio: 1; max-height: 74vh; background: #fff;
  border: 1px solid var(--line); border-radius: 4px; touch-action: none; cursor: crosshair; }
.hint { font-size: 0.75em; color: var(--muted); margin: 2px 0 0; }
.hint button { font-size: 0.95em; }
.side { display: grid; gap: 8px; align-content: start; min-width: 0; }
.readout { background: var(--panel); border-radius: 6px; padding: 6px 8px; font-size: 0.88em; font-variant-numeric: tabular-nums; display: grid; gap: 2px; }
.readout .type { font-weight: 600; margin-bottom: 2px; }
.readout div { display: flex; flex-wrap: wrap; gap: 0 8px; }
.readout .k { color: var(--muted); min-width: 4.2em; }
.readout .v { overflow-wrap: anywhere; }
.readout .note { color: var(--muted); font-size: 0.95em; }
.run { align-items: center; }
.run .end { color: var(--muted); font-size: 0.92em; }

/* Narrow: the plane stays on screen while the controls below it scroll past. */
@container (max-width: 719px) {
  .main { display: contents; }
  .plane { position: sticky; top: 0; z-index: 2; background: #fff; align-self: start; padding-bottom: 4px; }
  canvas.plane-canvas { aspect-ratio: 1.25; max-height: 46vh; }
  .plane .hint { display: none; }
  .side { order: 3; }
}
:host([data-box]) .layout { height: 100%; grid-template-rows: minmax(0, 1fr); }
:host([data-box]) form, :host([data-box]) .side { overflow-y: auto; min-height: 0; max-height: 100%; }
:host([data-box]) canvas.plane-canvas { max-height: calc(100cqh - 90px); }
`;
