// Styles of <simcore-lenet>, inside its shadow root. Container queries lay it
// out from the element's own width: the controls in a column on the left
// (wide) or below the panels (narrow); the curves, confusion matrix and pad
// in a grid that wraps.
import base from '../shared/widget-style.mjs';

export default `${base}
:host { text-align: left; }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); min-width: 6em; }
[hidden] { display: none !important; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 8px; grid-template-areas: "main" "form"; }
.main { grid-area: main; display: grid; gap: 8px; align-content: start; min-width: 0; }
form { grid-area: form; display: grid; gap: 6px; align-content: start; min-width: 0; }
@container (min-width: 760px) {
  .layout { grid-template-columns: 250px minmax(0, 1fr); grid-template-areas: "form main"; align-items: start; }
}
.layout.no-form { grid-template-columns: minmax(0, 1fr); grid-template-areas: "main"; }
.tools { display: flex; flex-wrap: wrap; gap: 4px 6px; align-items: center; }
.bar progress { flex: 1 1 120px; min-width: 80px; height: 12px; accent-color: var(--accent); }
.info { font-size: 0.82em; color: var(--muted); flex: 1 1 100%; font-variant-numeric: tabular-nums; min-height: 1.2em; }
.info.error { color: #b3261e; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0; padding: 4px 8px 6px; display: grid; gap: 5px; min-width: 0; }
legend { font-size: 0.8em; color: var(--muted); padding: 0 4px; }
.row { display: grid; gap: 0 6px; align-items: center; }
.row.sel { grid-template-columns: auto minmax(0, 1fr); }
.row label { font-size: 0.9em; }
.row select, .row input[type=number] { font: inherit; font-size: 0.9em; justify-self: end; max-width: 100%; min-width: 0; }
.row input[type=number] { width: 6.5em; }
.note { font-size: 0.75em; color: var(--muted); overflow-wrap: anywhere; }
.note.error { color: #b3261e; }
.panels { display: grid; gap: 8px; grid-template-columns: repeat(auto-fit, minmax(min(100%, 290px), 1fr)); align-items: start; }
figure { margin: 0; background: var(--panel); border-radius: 6px; padding: 6px; min-width: 0; }
figcaption { display: flex; justify-content: space-between; align-items: center; gap: 4px; font-size: 0.8em;
  color: var(--muted); margin-bottom: 4px; min-height: 1.6em; }
figcaption span { flex: 1 1 auto; min-width: 0; }
figcaption button { font-size: 0.8em; padding: 0 5px; flex: none; }
canvas { image-rendering: pixelated; display: block; }
table.confusion { border-collapse: collapse; font-size: 0.7em; font-variant-numeric: tabular-nums; margin: 0 auto; }
.confusion th { color: var(--muted); font-weight: 500; padding: 1px 3px; }
.confusion th.corner { font-size: 0.85em; white-space: nowrap; }
.confusion td { width: 2.4em; height: 1.7em; text-align: center; border: 1px solid #fff; padding: 0;
  background: color-mix(in srgb, #2456c7 calc(var(--share, 0) * 100%), #fff); }
.confusion td.off { background: color-mix(in srgb, #c0392b calc(min(1, var(--share, 0) * 8) * 100%), #fff); }
.confusion td.diag { color: #fff; }
.padBox { display: grid; grid-template-columns: auto auto minmax(0, 1fr); gap: 6px; align-items: start; }
canvas.pad { width: 140px; height: 140px; background: #111; border-radius: 4px; touch-action: none; cursor: crosshair; }
/* In a wide box (a slide), the pad takes what the height allows. */
@container (min-width: 700px) {
  :host([data-box]) canvas.pad { width: clamp(140px, 36cqh, 240px); height: clamp(140px, 36cqh, 240px); }
}
.padSide { display: grid; gap: 4px; justify-items: start; }
.padSide .tools { flex-direction: column; align-items: stretch; }
canvas.digit { width: 28px; height: 28px; border: 1px solid var(--line); background: #fff; }
canvas.digit.big { width: 56px; height: 56px; }
.scores { display: grid; gap: 1px; font-size: 0.75em; font-variant-numeric: tabular-nums; min-width: 0; }
.score { display: grid; grid-template-columns: 1em minmax(20px, 1fr) 3.6em; gap: 4px; align-items: center; }
.score .track { height: 9px; background: #e6e9ef; border-radius: 2px; overflow: hidden; }
.score .bar { display: block; height: 100%; background: #8c96a8; width: 0; }
.score.best .bar { background: var(--accent); }
.score.best .digit { font-weight: 700; color: var(--accent); }
.score .val { text-align: right; color: var(--muted); }
.gallery { display: grid; gap: 4px; grid-template-columns: repeat(auto-fill, minmax(54px, 1fr)); margin-top: 4px; }
.tile { display: grid; justify-items: center; gap: 1px; padding: 3px 2px; background: #fff; color: #1d2330; font-size: 0.75em; }
.tile canvas.digit { width: 42px; height: 42px; border: 0; }
.tile .cap { font-weight: 600; }
.tile .sc { color: var(--muted); font-size: 0.85em; white-space: nowrap; }
.pairs { display: flex; flex-wrap: wrap; gap: 8px 14px; margin-top: 4px; }
.pair { display: grid; grid-template-columns: 50px 50px; gap: 2px 4px; font-size: 0.7em; color: var(--muted); }
.pair .r { grid-column: 1 / -1; font-variant-numeric: tabular-nums; white-space: nowrap; }
canvas.kernel { width: 50px; height: 50px; }
.maps { display: grid; gap: 6px; margin-top: 4px; grid-template-columns: minmax(0, 1fr); }
.layer { display: grid; grid-template-columns: 3.2em minmax(0, 1fr); gap: 6px; align-items: center; }
.layer.input { grid-template-columns: 3.2em auto minmax(0, 1fr); }
.lname { font-size: 0.8em; color: var(--muted); font-weight: 600; }
.tiles { display: flex; flex-wrap: wrap; gap: 3px; }
canvas.map.c1 { width: 56px; height: 56px; }
canvas.map.s2 { width: 42px; height: 42px; }
canvas.map.c3 { width: 34px; height: 34px; }
canvas.map.s4 { width: 25px; height: 25px; }
canvas.map.c5 { width: 144px; height: 120px; }
#c-digit { width: 5.5em; font: inherit; font-size: 0.9em; }
.main > figure .tools label { font-size: 0.85em; }
`;
