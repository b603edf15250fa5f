// Styles of <simcore-phase-plane>, inside its shadow root. Container queries
// size the layout from the element's own width; usable down to 320 px.
import base from '../shared/widget-style.mjs';

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
.readout .solution, .readout .lyap { margin-top: 4px; font-size: 0.92em; }
.readout .solution span, .readout .lyap span { white-space: normal; }
.readout .lyap .yes { color: #117a65; }
.readout .lyap .no { color: #a93226; }
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

/* Narrow (a phone, a slim column): the plane stays on screen while the
   controls below it scroll past (sticky within the whole widget, so .main
   gives its children to the layout grid). */
@container (max-width: 699px) {
  .main { display: contents; }
  .plane { position: sticky; top: 0; z-index: 2; background: #fff; align-self: start; padding-bottom: 4px; }
  .plane .hint { display: none; }
  .side { order: 3; }
}

/* In a box (data-box, widget-style.mjs): sizes from the box's height as well
   as its width. --plane-w is the width the plane may take, --plane-h the
   height; the canvas takes the smaller (times its aspect). */
:host([data-box]) .layout { height: 100%; grid-template-rows: minmax(0, 1fr); }
:host([data-box]) form { overflow-y: auto; overscroll-behavior: contain; min-height: 0; max-height: 100%; padding-right: 2px; }
:host([data-box]) .root { --form-w: 250px; --side-w: 240px; --chrome-h: 160px; } /* header, hint and the lines' legend (up to 3 rows) */
:host([data-box]) .layout.no-form { --form-w: 0px; }
:host([data-box]) .root:has(.main.no-side) { --side-w: 0px; }
:host([data-box]) .root:has(.series-fig:not([hidden])) { --chrome-h: 386px; }
:host([data-box]) canvas.plane-canvas { max-height: none; width: 100%; }
:host([data-box]) .plane { width: min(var(--plane-w), var(--plane-h) * var(--aspect, 1)); justify-self: center; }
/* Wide box: controls | plane | readout and trace–determinant plane, side by side. */
@container (aspect-ratio >= 1.15) {
  :host([data-box]) .layout { grid-template-columns: var(--form-w) minmax(0, 1fr); }
  :host([data-box]) .layout.no-form { grid-template-columns: minmax(0, 1fr); }
  :host([data-box]) .layout > form { order: 0; }
  :host([data-box]) .main, :host([data-box]) .main.no-side { display: grid; grid-template-columns: auto minmax(0, var(--side-w)); justify-content: start; align-content: start; }
  :host([data-box]) .root { --plane-w: calc(100cqw - 30px - var(--form-w) - var(--side-w)); --plane-h: calc(100cqh - var(--chrome-h)); }
  :host([data-box]) .plane { position: static; }
  :host([data-box]) .plane .hint { display: block; }
}
/* Wide enough: the controls in two columns, so they fit a slide's height. */
@container (aspect-ratio >= 1.15) and (width >= 1100px) {
  :host([data-box]) .root { --form-w: 430px; }
  :host([data-box]) form { grid-template-columns: 1fr 1fr; column-gap: 12px; }
  :host([data-box]) form > .row.wide, :host([data-box]) form > fieldset, :host([data-box]) form > .formula-error, :host([data-box]) form > .tools { grid-column: 1 / -1; }
}
/* Low box: the readout and inset give their room to the plane. */
@container (aspect-ratio >= 1.15) and (height < 420px) {
  :host([data-box]) .root { --side-w: 0px; --chrome-h: 74px; }
  :host([data-box]) .root:has(.series-fig:not([hidden])) { --chrome-h: 270px; }
  :host([data-box]) .side { display: none; }
  :host([data-box]) .plane .hint { display: none; }
  :host([data-box]) .legend { display: none; }
}
/* Tall box: the plane on top (sticky inside the box's own scroll), the rest below it. */
@container (aspect-ratio < 1.15) {
  :host([data-box]) .layout { grid-template-columns: minmax(0, 1fr); grid-template-rows: none; height: auto; flex: none; }
  :host([data-box]) .root { --plane-w: calc(100cqw - 18px); --plane-h: calc(60cqh - 60px); }
  :host([data-box]) .layout > form { overflow: visible; max-height: none; min-height: auto; }
}

/* <simcore-izhikevich> shares this sheet: its plane (aspect --aspect, as set
   by its own sheet) sits above the voltage trace, with no side column. */
:host(simcore-izhikevich[data-box]) .root { --side-w: 0px; --chrome-h: 336px; --aspect: var(--simcore-plane-aspect, 1.45); }
@container (max-width: 500px) { :host(simcore-izhikevich[data-box]) .root { --aspect: 1.05; } }
@container (aspect-ratio >= 1.15) {
  :host(simcore-izhikevich[data-box]) .main { grid-template-columns: minmax(0, 1fr); overflow-y: auto; max-height: 100%; }
  :host(simcore-izhikevich[data-box]) .plane { justify-self: start; }
}
@container (aspect-ratio >= 1.15) and (width >= 1100px) {
  :host(simcore-izhikevich[data-box]) form > .desc, :host(simcore-izhikevich[data-box]) form > .toggles { grid-column: 1 / -1; }
}
@container (aspect-ratio >= 1.15) and (height < 580px) {
  :host(simcore-izhikevich[data-box]) .root { --chrome-h: 300px; }
}
@container (aspect-ratio >= 1.15) and (height < 480px) {
  :host(simcore-izhikevich[data-box]) .root { --chrome-h: 76px; }
}
.legend { list-style: none; margin: 3px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 1px 14px; font-size: 0.75em; }
.legend li { display: inline-flex; align-items: center; gap: 5px; }
.legend .sw { display: inline-block; width: 22px; border-top: 2.5px solid var(--c); }
.legend .sw.dashed { border-top-style: dashed; }
.legend .sw.dotted { border-top-style: dotted; }
.legend .sw.area { height: 10px; border: 0; background: var(--c); }
.eqs.invalid span { color: #b3261e; text-decoration: line-through; }
.eqs.invalid span.not-drawn { text-decoration: none; font-family: system-ui, sans-serif; font-size: 0.8em; }
.axes-toggle { display: flex; justify-content: flex-end; gap: 4px; align-items: center; font-size: 0.75em; color: var(--muted); }
`;
