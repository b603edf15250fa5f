// Styles of <simcore-phase-plane>, inside its shadow root. Container queries
// size the layout from the element's own width; usable down to 320 px.
import base from './widget-style.mjs';

export default `${base}
button.on { background: var(--accent); color: #fff; border-color: var(--accent); }
.layout { display: grid; grid-template-columns: 1fr; gap: 10px; }
/* Narrow: the plane first, the controls below it. */
.layout > form { order: 2; }
@container (min-width: 700px) { .layout { grid-template-columns: 260px 1fr; } .layout > form { order: 0; } }
form { display: grid; gap: 6px; align-content: start; min-width: 0; }
.row { display: grid; grid-template-columns: 1fr 5.5em; gap: 0 6px; align-items: center; }
.row label { font-size: 0.9em; }
.row input[type=number] { font: inherit; font-size: 0.9em; width: 100%; padding: 1px 3px; text-align: right;
  font-variant-numeric: tabular-nums; border: 1px solid var(--line); border-radius: 3px; }
.row input[type=number]:invalid { border-color: #b3261e; }
.row input[type=range] { grid-column: 1 / -1; width: 100%; margin: 0; accent-color: var(--accent); }
.row select { font: inherit; font-size: 0.9em; width: 100%; }
.row.wide { grid-template-columns: 1fr; }
[hidden], .row.hidden { display: none !important; }
fieldset { border: 0; padding: 0; margin: 0; min-width: 0; }
legend { font-size: 0.8em; color: var(--muted); padding: 0; margin-bottom: 3px; }
.presets { display: flex; flex-wrap: wrap; gap: 4px; }
.presets button { font-size: 0.8em; }
.toggles { display: flex; flex-wrap: wrap; gap: 2px 12px; font-size: 0.85em; }
.toggles label { display: inline-flex; gap: 4px; align-items: center; }
.tools { display: flex; flex-wrap: wrap; gap: 4px; }
.main { display: grid; gap: 8px; min-width: 0; align-content: start; }
@container (min-width: 1000px) { .main { grid-template-columns: 1fr 230px; } }
.layout.no-form, .main.no-side { grid-template-columns: 1fr; }
.eqs { font-family: "Cambria Math", "STIX Two Math", Georgia, serif; font-size: 1.05em; display: flex;
  flex-wrap: wrap; gap: 2px 22px; font-variant-numeric: tabular-nums; }
.eqs span { overflow-wrap: anywhere; }
.plane { position: relative; min-width: 0; }
canvas.plane-canvas { display: block; width: 100%; aspect-ratio: 1; max-height: 78vh; background: #fff;
  border: 1px solid var(--line); border-radius: 4px; touch-action: none; cursor: crosshair; }
.canvas-box { position: relative; }
canvas.particles { position: absolute; pointer-events: none; }
.hint { font-size: 0.75em; color: var(--muted); margin: 2px 0 0; }
.side { display: grid; gap: 8px; align-content: start; min-width: 0; }
.readout { background: var(--panel); border-radius: 6px; padding: 6px 8px; font-size: 0.9em; font-variant-numeric: tabular-nums; }
.readout .type { font-size: 1.15em; font-weight: 600; margin-bottom: 2px; }
.readout div { display: flex; flex-wrap: wrap; gap: 0 14px; }
.readout span { white-space: nowrap; }
figure { margin: 0; background: var(--panel); border-radius: 6px; padding: 4px; min-width: 0; }
figcaption { font-size: 0.8em; color: var(--muted); margin-bottom: 3px; }
canvas.td { display: block; width: 100%; aspect-ratio: 1.2; max-width: 320px; background: #fff; touch-action: none; cursor: pointer; }
.start { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; font-size: 0.85em; }
.start input { font: inherit; width: 5.5em; padding: 1px 3px; text-align: right; border: 1px solid var(--line); border-radius: 3px; }
.series-fig { margin-top: 6px; }
.picks { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; font-size: 0.8em; color: var(--muted); margin: 2px 0 4px; }
.picks button { min-width: 2.1em; padding: 1px 6px; border: 2px solid var(--c); background: #fff; color: #222; border-radius: 10px; font: inherit; cursor: pointer; }
.picks button[aria-pressed="true"] { background: var(--c); color: #fff; font-weight: 600; }
.series { background: #fff; min-height: 140px; }
.series .u-legend { font-size: 0.72em; color: var(--muted); }
.formula input { font: 0.95em ui-monospace, monospace; width: 100%; padding: 2px 4px; border: 1px solid var(--line); border-radius: 3px; }
.formula label { font-family: ui-monospace, monospace; }
.formula-error { font: 0.8em/1.3 ui-monospace, monospace; min-width: 0; }
.formula-error p { margin: 0; overflow-wrap: anywhere; }
.formula-error pre { margin: 0; font: inherit; overflow-x: auto; }
.error { color: #b3261e; }
.legend { list-style: none; margin: 3px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 1px 14px; font-size: 0.75em; }
.legend li { display: inline-flex; align-items: center; gap: 5px; }
.legend .sw { display: inline-block; width: 22px; border-top: 2.5px solid var(--c); }
.legend .sw.dashed { border-top-style: dashed; }
.legend .sw.dotted { border-top-style: dotted; }
.eqs.invalid span { color: #b3261e; text-decoration: line-through; }
.eqs.invalid span.not-drawn { text-decoration: none; font-family: system-ui, sans-serif; font-size: 0.8em; }
.axes-toggle { display: flex; justify-content: flex-end; gap: 4px; align-items: center; font-size: 0.75em; color: var(--muted); }
`;
