// Styles of <simcore-boltzmann>, inside its shadow root. Container queries lay
// it out from the element's own width: the controls in a column on the left
// (wide) or below the views (narrow); the three statistics matrices in a row.
import base from '../shared/widget-style.mjs';

export default `${base}
:host { --mark: #e8590c; --good: #1e7b45; --bad: #b3261e; text-align: left; }
button { padding: 3px 8px; }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); min-width: 6em; }
[hidden] { display: none !important; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 8px; grid-template-areas: "main" "form"; }
form { grid-area: form; display: grid; gap: 6px; align-content: start; min-width: 0; }
.main { grid-area: main; display: grid; gap: 8px; align-content: start; min-width: 0; grid-template-columns: minmax(0, 1fr);
  grid-template-areas: "tools" "stats" "comp" "ll" "fant" "rec" "weights"; }
.tools { grid-area: tools; } figure.stats { grid-area: stats; } figure.weights { grid-area: weights; } figure.ll { grid-area: ll; }
figure.fant { grid-area: fant; } figure.rec { grid-area: rec; } figure.comp { grid-area: comp; }
@container (min-width: 640px) {
  .main { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); grid-template-areas: "tools tools" "stats stats" "ll weights" "fant comp" "rec comp"; }
}
@container (min-width: 900px) {
  .layout { grid-template-columns: 240px minmax(0, 1fr); grid-template-areas: "form main"; align-items: start; }
}
@container (min-width: 1180px) {
  .main { grid-template-columns: minmax(0, 1.5fr) minmax(0, 1fr) minmax(0, 1fr);
    grid-template-areas: "tools tools tools" "stats stats weights" "ll fant comp" "rec rec comp"; }
}
.tools { display: flex; flex-wrap: wrap; gap: 4px 6px; align-items: center; }
.info { font-size: 0.82em; color: var(--muted); font-variant-numeric: tabular-nums; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0; padding: 4px 8px 6px; display: grid; gap: 5px; min-width: 0; }
legend { font-size: 0.8em; color: var(--muted); padding: 0 4px; }
.row { display: grid; grid-template-columns: 1fr auto; gap: 0 6px; align-items: center; }
.row label { font-size: 0.9em; }
.row output { font-variant-numeric: tabular-nums; font-size: 0.9em; color: var(--muted); min-width: 3em; text-align: right; }
.row input[type=range] { grid-column: 1 / -1; width: 100%; margin: 0; accent-color: var(--accent); }
.row.sel { grid-template-columns: auto minmax(0, 1fr); }
.row select, .row input[type=number] { font: inherit; font-size: 0.9em; justify-self: end; max-width: 100%; min-width: 0; }
.row input[type=number] { width: 6.5em; }
.note { font-size: 0.74em; color: var(--muted); margin: 4px 0 0; }
.note.why { color: var(--bad); margin: 0; }
.note.read { font-size: 0.8em; font-variant-numeric: tabular-nums; }
.note.key { color: #1d2330; font-weight: 600; }
.note.good { color: var(--good); }
figure { margin: 0; background: var(--panel); border-radius: 6px; padding: 6px; min-width: 0; }
figcaption { display: flex; justify-content: space-between; align-items: center; gap: 6px; font-size: 0.8em;
  color: var(--muted); margin-bottom: 4px; min-height: 1.6em; }
figcaption span:first-child { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; flex: 1 1 auto; color: #1d2330; }
figcaption .scale, figcaption .how { font-variant-numeric: tabular-nums; flex: none; }
figcaption button { font-size: 0.8em; padding: 0 5px; flex: none; }
.mats { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 6px; align-items: end; }
figure.mat { padding: 0; background: none; }
figure.mat figcaption { font-size: 0.95em; min-height: 1.3em; margin-bottom: 2px; flex-wrap: wrap; gap: 0 4px; align-items: baseline; }
figure.mat figcaption span:first-child { white-space: normal; }
canvas.matrix { display: block; width: 100%; aspect-ratio: 1; background: #fff; border-radius: 2px; }
figure.weights canvas.matrix { max-width: 320px; margin: 0 auto; }
canvas.strip { display: block; width: 100%; max-width: 320px; margin: 0 auto; height: auto; }
.stripLabel { font-size: 0.72em; color: var(--muted); max-width: 320px; margin: 4px auto 2px; }
.plot { background: #fff; min-height: 170px; }
.plot .u-legend { font-size: 0.72em; color: var(--muted); }
.plot .u-legend .u-marker { width: 1em; height: 3px; }
.fantasies { display: grid; grid-template-columns: repeat(auto-fill, minmax(44px, 1fr)); gap: 4px; }
.fantasy { display: grid; gap: 2px; border: 2px solid transparent; border-radius: 3px; }
.fantasy.data { border-color: var(--good); }
.fantasy canvas { display: block; width: 100%; }
.fantasy canvas.hid { opacity: 0.75; }
.recallBox { overflow-x: auto; }
table.recall { border-collapse: collapse; font-size: 0.78em; font-variant-numeric: tabular-nums; background: #fff; width: 100%; }
.recall th, .recall td { padding: 2px 5px; border: 1px solid var(--line); text-align: center; white-space: nowrap; }
.recall th { color: var(--muted); font-weight: normal; }
.recall td.code { font-family: ui-monospace, monospace; letter-spacing: 1px; }
.recall td.right { color: var(--good); font-weight: 600; } .recall td.wrong { color: var(--bad); font-weight: 600; }
.compTools { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; font-size: 0.85em; color: var(--muted); }
.compTools select { font: inherit; }
.compGrids { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; margin-top: 6px; }
.compGrids .sub { font-size: 0.75em; color: var(--muted); margin-bottom: 2px; }
canvas.unitsGrid { display: block; width: 100%; max-width: 200px; cursor: pointer; touch-action: manipulation; }
canvas.unitsGrid.probs { cursor: default; }
canvas.unitsGrid:focus-visible, canvas.draw:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.drawBox { display: grid; gap: 4px; }
.drawRow { display: flex; gap: 8px; align-items: flex-start; }
canvas.draw { width: 96px; flex: none; cursor: crosshair; touch-action: manipulation; }
.drawTools { display: grid; gap: 4px; }
.drawn { display: flex; flex-wrap: wrap; gap: 4px; }
.drawnItem { display: inline-flex; align-items: center; gap: 2px; padding: 2px 4px; }
canvas.thumb { width: 28px; display: block; }
.error { color: var(--bad); }
.layout.no-form { grid-template-columns: minmax(0, 1fr); grid-template-areas: "main"; }
/* Only some panels (the panels attribute, a slide): they wrap side by side. */
.root.few .main { display: flex; flex-wrap: wrap; align-items: flex-start; }
.root.few .main > * { flex: 1 1 260px; }
.root.few .main > .tools { flex-basis: 100%; }
.root.few .main > figure.stats { flex: 3 1 420px; }
.root.few .main > figure.rec { flex: 1 1 400px; }
/* In a box (data-box): the matrices and curves sized from the height too. */
:host([data-box]) .mats { max-width: calc(3 * (100cqh - 175px)); margin: 0 auto; }
:host([data-box]) figure.stats .note { display: none; }
:host([data-box]) .root.few .note:not(.read) { display: none; }
/* Narrow (a phone, auto height): the learning signal stays on screen (sticky)
   while the other panels and the controls scroll past; the views' parts join
   the outer grid, so the sticky figure's containing block is the whole layout. */
@container (max-width: 639px) {
  :host(:not([data-box])) .root:not(.few) .main { display: contents; }
  :host(:not([data-box])) .root:not(.few) .layout { grid-template-areas: none; }
  :host(:not([data-box])) .root:not(.few) .layout > *, :host(:not([data-box])) .root:not(.few) .main > * { grid-area: auto; }
  :host(:not([data-box])) .root:not(.few) figure.stats { position: sticky; top: 0; z-index: 2; box-shadow: 0 -8px 0 #fff; }
  :host(:not([data-box])) .root:not(.few) figure.stats .note { display: none; }
  .tools { order: 0; } figure.stats { order: 1; } figure.comp { order: 2; } figure.ll { order: 3; } figure.fant { order: 4; }
  figure.rec { order: 5; } figure.weights { order: 6; } form { order: 7; }
}
`;
