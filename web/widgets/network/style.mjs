// Styles of <simcore-network>, inside its shadow root. Container queries size
// the layout from the element's own width; it stays usable down to 320 px.
import base from '../shared/widget-style.mjs';

export default `${base}
:host { --exc: #1f3b8a; --inh: #d1495b; --mark: #e8590c; }
button { padding: 3px 8px; }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); min-width: 6em; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 8px; grid-template-areas: "main" "form" "side"; }
figure.main { grid-area: main; } form { grid-area: form; } .side { grid-area: side; }
@container (min-width: 700px) { .layout { grid-template-columns: 210px minmax(0, 1fr); grid-template-areas: "form main" "side side"; align-items: start; }
  .side { grid-template-columns: repeat(3, minmax(0, 1fr)); } }
@container (min-width: 1100px) { .layout { grid-template-columns: 210px minmax(0, 1.7fr) minmax(0, 1fr); grid-template-areas: "form main side"; }
  .side { grid-template-columns: minmax(0, 1fr); } }
@container (min-width: 700px) { .layout.no-form { grid-template-columns: minmax(0, 1.7fr) minmax(0, 1fr); grid-template-areas: "main side"; }
  .layout.no-form .side { grid-template-columns: minmax(0, 1fr); }
  .layout.no-side { grid-template-columns: 210px minmax(0, 1fr); grid-template-areas: "form main"; }
  .layout.no-form.no-side { grid-template-columns: minmax(0, 1fr); grid-template-areas: "main"; } }
[hidden] { display: none !important; }
form { display: grid; gap: 6px; align-content: start; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0; padding: 4px 8px 6px; display: grid; gap: 5px; min-width: 0; }
legend { font-size: 0.8em; color: var(--muted); padding: 0 4px; }
.row { display: grid; grid-template-columns: 1fr auto; gap: 0 6px; align-items: center; }
.row label, .check label { font-size: 0.9em; }
.row output { font-variant-numeric: tabular-nums; font-size: 0.9em; color: var(--muted); min-width: 3em; text-align: right; }
.row input[type=range] { grid-column: 1 / -1; width: 100%; margin: 0; accent-color: var(--accent); }
.row.seed input, .row.seed select { font: inherit; font-size: 0.9em; width: 7em; }
.check { display: flex; gap: 6px; align-items: center; }
.check input { accent-color: var(--accent); margin: 0; }
.side { display: grid; gap: 8px; align-content: start; min-width: 0; }
figure { margin: 0; background: var(--panel); border-radius: 6px; padding: 6px; min-width: 0; }
figcaption { display: flex; justify-content: space-between; align-items: center; gap: 4px; font-size: 0.8em;
  color: var(--muted); margin-bottom: 4px; min-height: 1.6em; }
figcaption span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; flex: 1 1 auto; }
figcaption select { font: inherit; font-size: 0.95em; }
canvas { display: block; width: 100%; background: #fff; border-radius: 3px; }
canvas.raster { height: 300px; cursor: pointer; }
canvas.rate { height: 88px; }
canvas.spectrum, canvas.trace { height: 150px; }
canvas.path { height: 170px; }
.sub { font-size: 0.75em; color: var(--muted); margin: 4px 0 2px; }
.legend { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 6px; font-size: 0.75em; color: var(--muted); margin: 3px 0 0; }
.legend .hint { margin-left: auto; }
.sw { display: inline-block; width: 10px; height: 10px; border-radius: 2px; }
.sw.exc { background: var(--exc); } .sw.inh { background: var(--inh); }
.sw.v { background: #1d2330; height: 3px; } .sw.u { background: var(--mark); height: 3px; }
.info { font-size: 0.82em; color: var(--muted); font-variant-numeric: tabular-nums; margin: 4px 0; min-height: 1.3em; }
.tools { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; margin-top: 4px; }
.speed { display: inline-flex; align-items: center; gap: 4px; font-size: 0.85em; flex: 1 1 12em; min-width: 10em; }
.speed input { flex: 1 1 auto; min-width: 4em; margin: 0; accent-color: var(--accent); }
.speed output { font-variant-numeric: tabular-nums; min-width: 3.2em; text-align: right; color: var(--muted); }
.note { font-size: 0.75em; color: var(--muted); margin: 4px 0 0; font-variant-numeric: tabular-nums; }
.error { color: #b3261e; }
/* Narrow (a phone, auto height): the raster and its buttons stay on screen
   (sticky) while the controls below scroll past. */
@container (max-width: 699px) {
  canvas.raster { height: 210px; }
  canvas.rate { height: 64px; }
  .legend .hint { display: none; }
  :host(:not([data-box])) figure.main { position: sticky; top: 0; z-index: 2; align-self: start; box-shadow: 0 -8px 0 #fff; }
}
/* In a box (a slide): panels sized from the height, scrolling inside the box. */
:host([data-box]) canvas.raster { height: max(160px, calc(100cqh - 280px)); }
:host([data-box]) .layout { flex: none; }
`;
