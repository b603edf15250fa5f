// Styles of <simcore-hopfield>, inside its shadow root. Container queries size
// the layout from the element's own width; it stays usable down to 320 px.
import base from '../shared/widget-style.mjs';

export default `${base}
:host { --mark: #e8590c; }
button { padding: 3px 8px; }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); min-width: 5.5em; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 8px;
  grid-template-areas: "grid" "form" "side" "cap"; }
.gridfig { grid-area: grid; } form { grid-area: form; } .side { grid-area: side; } figure.wide { grid-area: cap; }
@container (min-width: 620px) { .layout { grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
  grid-template-areas: "grid side" "form side" "cap cap"; } }
@container (min-width: 980px) { .layout { grid-template-columns: 220px minmax(0, 1.15fr) minmax(0, 1fr);
  grid-template-areas: "form grid side" "form cap cap"; align-items: start; }
  .layout.no-form { grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr); grid-template-areas: "grid side" "cap cap"; } }
form { display: grid; gap: 6px; align-content: start; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0; padding: 4px 8px 6px; display: grid; gap: 5px; min-width: 0; }
legend { font-size: 0.8em; color: var(--muted); padding: 0 4px; }
.row { display: grid; grid-template-columns: 1fr auto; gap: 0 6px; align-items: center; }
.row label { font-size: 0.9em; }
.row output { font-variant-numeric: tabular-nums; font-size: 0.9em; color: var(--muted); min-width: 3em; text-align: right; }
.row input[type=range] { grid-column: 1 / -1; width: 100%; margin: 0; accent-color: var(--accent); }
.row select { grid-column: 2; font: inherit; font-size: 0.9em; max-width: 11em; }
[hidden] { display: none !important; }
.side { display: grid; gap: 8px; align-content: start; min-width: 0; }
figure { margin: 0; background: var(--panel); border-radius: 6px; padding: 6px; min-width: 0; }
figcaption { display: flex; justify-content: space-between; align-items: center; gap: 4px; font-size: 0.8em;
  color: var(--muted); margin-bottom: 4px; min-height: 1.6em; }
figcaption span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
figcaption button { font-size: 0.8em; padding: 0 5px; flex: none; }
figcaption span:first-child { flex: 1 1 auto; }
figcaption select { font: inherit; font-size: 0.95em; max-width: 10em; min-width: 0; }
canvas.grid { display: block; width: 100%; max-width: 560px; margin: 0 auto; aspect-ratio: 1; touch-action: none;
  cursor: crosshair; border-radius: 3px; background: #fff; }
canvas.grid:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.info { font-size: 0.82em; color: var(--muted); font-variant-numeric: tabular-nums; margin: 4px 0; min-height: 1.3em; }
.tools { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
.note { font-size: 0.72em; color: var(--muted); margin: 4px 0 0; }
canvas.img { display: block; width: 100%; max-width: 320px; margin: 0 auto; aspect-ratio: 1; image-rendering: pixelated; }
.range { display: flex; justify-content: space-between; gap: 6px; font-size: 0.7em; color: var(--muted); font-variant-numeric: tabular-nums; max-width: 320px; margin: 2px auto 0; }
.thumbs { display: grid; grid-template-columns: repeat(auto-fill, minmax(58px, 1fr)); gap: 4px; }
.thumb { display: grid; gap: 2px; padding: 3px; color: var(--muted); border-color: transparent; background: #fff; font-size: 0.72em; }
.thumb.best { border-color: var(--mark); }
.thumb canvas { width: 100%; aspect-ratio: 1; image-rendering: pixelated; display: block; }
.thumb .bar { position: relative; height: 6px; background: #e6e9ef; border-radius: 2px; overflow: hidden; }
.thumb .bar::after { content: ''; position: absolute; left: 50%; top: 0; bottom: 0; width: 1px; background: #a3aab8; }
.thumb .fill { position: absolute; top: 0; bottom: 0; background: var(--accent); }
.thumb .fill.neg { background: #c0392b; }
.thumb .label { display: flex; justify-content: space-between; gap: 2px; font-variant-numeric: tabular-nums; }
.plot { background: #fff; min-height: 150px; }
.plot .u-legend { font-size: 0.72em; color: var(--muted); }
.plot .u-legend .u-marker { width: 1em; height: 3px; }
.error { color: #b3261e; }
.capctl { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 8px; font-size: 0.8em; color: var(--muted); margin-bottom: 4px; }
.capctl > span { display: inline-flex; align-items: center; gap: 4px; }
.capctl > span.trials { flex: 1 1 12em; max-width: 22em; }
.capctl select { font: inherit; }
.capctl input[type=range] { flex: 1 1 auto; min-width: 4em; margin: 0; accent-color: var(--accent); }
.capctl output { font-variant-numeric: tabular-nums; min-width: 1.5em; }

/* Narrow (a phone, auto height): the grid and its buttons stay on screen
   (sticky) while the controls below scroll past. */
@container (max-width: 619px) {
  :host(:not([data-box])) .gridfig { position: sticky; top: 0; z-index: 2; align-self: start; box-shadow: 0 -8px 0 #fff; }
  :host(:not([data-box])) .gridfig .note { display: none; }
}
/* In a box (data-box, widget-style.mjs): the grid sized from the height too,
   the rest beside it (wide box) or below it (tall box), scrolling inside the box. */
:host([data-box]) .root { --grid-side: min(calc(100cqh - 250px), 560px); }
:host([data-box]) canvas.grid { width: 100%; max-width: var(--grid-side); }
:host([data-box]) .layout { flex: none; }
:host([data-box]) .layout > * { min-width: 0; }
:host([data-box]) .layout > form { overflow-x: hidden; }
:host([data-box]) .capctl > span.trials { flex: 1 1 100%; min-width: 0; }
@container (aspect-ratio >= 1.15) {
  :host([data-box]) .layout, :host([data-box]) .layout.no-form { align-items: start;
    grid-template-columns: calc(var(--grid-side) + 14px) minmax(0, 1fr); grid-template-areas: "grid side" "grid cap" "form form"; }
  :host([data-box]) .layout:not(.no-form) { grid-template-columns: minmax(0, 220px) calc(var(--grid-side) + 14px) minmax(0, 1fr);
    grid-template-areas: "form grid side" "form grid cap"; }
}
@container (aspect-ratio >= 1.15) and (height < 420px) {
  :host([data-box]) .gridfig .note, :host([data-box]) .gridfig .info { display: none; }
  :host([data-box]) .root { --grid-side: calc(100cqh - 150px); }
}
@container (aspect-ratio < 1.15) {
  :host([data-box]) .root { --grid-side: min(calc(100cqw - 30px), calc(60cqh - 150px)); }
  :host([data-box]) .layout { grid-template-columns: minmax(0, 1fr); grid-template-areas: "grid" "form" "side" "cap"; }
  :host([data-box]) .gridfig { position: sticky; top: 0; z-index: 2; }
  :host([data-box]) .gridfig .note { display: none; }
}
`;
