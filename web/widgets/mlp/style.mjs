// Styles of <simcore-mlp>, inside its shadow root. Container queries lay it
// out from the element's own width: the controls in a column on the left
// (wide) or below the maps (narrow); one network's card beside the curves,
// or two cards side by side with the curves below them.
import base from '../shared/widget-style.mjs';

export default `${base}
:host { --plus: #2456c7; --minus: #c0392b; text-align: left; }
button { padding: 3px 8px; }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); min-width: 6em; }
[hidden] { display: none !important; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 8px; grid-template-areas: "main" "form"; }
.main { grid-area: main; display: grid; gap: 8px; align-content: start; min-width: 0;
  grid-template-columns: minmax(0, 1fr); grid-template-areas: "tools" "cards" "curves"; }
form { grid-area: form; display: grid; gap: 6px; align-content: start; min-width: 0; }
@container (min-width: 760px) {
  .layout { grid-template-columns: 256px minmax(0, 1fr); grid-template-areas: "form main"; align-items: start; }
}
@container (min-width: 1000px) {
  .main.single { grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr); grid-template-areas: "tools tools" "cards curves"; }
  .main.single .curves { grid-template-columns: minmax(0, 1fr); }
}
.tools { grid-area: tools; display: flex; flex-wrap: wrap; gap: 4px 6px; align-items: center; }
.tools .add { display: inline-flex; gap: 4px; align-items: center; font-size: 0.85em; color: var(--muted); }
.tools select { font: inherit; font-size: 0.9em; }
.tools .check { font-size: 0.85em; }
.info { font-size: 0.82em; color: var(--muted); }
.cards { grid-area: cards; display: grid; gap: 8px; grid-template-columns: repeat(auto-fit, minmax(min(100%, 300px), 1fr)); align-items: start; }
.curves { grid-area: curves; display: grid; gap: 8px; grid-template-columns: repeat(auto-fit, minmax(min(100%, 280px), 1fr)); align-content: start; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0; padding: 4px 8px 6px; display: grid; gap: 5px; min-width: 0; }
legend { font-size: 0.8em; color: var(--muted); padding: 0 4px; }
.row { display: grid; grid-template-columns: 1fr auto; gap: 0 6px; align-items: center; }
.row label, .check { font-size: 0.9em; }
.row output { font-variant-numeric: tabular-nums; font-size: 0.9em; color: var(--muted); min-width: 3em; text-align: right; }
.row input[type=range] { grid-column: 1 / -1; width: 100%; margin: 0; accent-color: var(--accent); }
.row.sel { grid-template-columns: auto minmax(0, 1fr); }
.row select, .row input[type=number] { font: inherit; font-size: 0.9em; justify-self: end; max-width: 100%; min-width: 0; }
.row input[type=number] { width: 6.5em; }
.check { display: inline-flex; gap: 4px; align-items: center; }
.editor { display: grid; gap: 3px; }
.netname { font-size: 0.9em; }
.layers { display: grid; gap: 3px; }
.layer { display: grid; grid-template-columns: 1.2em 4.2em minmax(0, 1fr) auto; gap: 4px; align-items: center; font-size: 0.9em; }
.layer .idx { color: var(--muted); font-size: 0.85em; text-align: right; }
.layer input, .layer select { font: inherit; min-width: 0; }
.layer .remove { padding: 0 6px; }
.addLayer { justify-self: start; }
.note { font-size: 0.75em; color: var(--muted); }
.note.error { color: #b3261e; }
details.own { font-size: 0.9em; }
details.own summary { cursor: pointer; color: var(--accent); }
details.own textarea { width: 100%; font: 0.85em ui-monospace, monospace; margin: 4px 0 2px; resize: vertical; }
.ownTools { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.ownTools input[type=file] { font-size: 0.8em; max-width: 100%; min-width: 0; }
figure { margin: 0; background: var(--panel); border-radius: 6px; padding: 6px; min-width: 0; }
figcaption { display: flex; justify-content: space-between; align-items: center; gap: 4px; font-size: 0.8em;
  color: var(--muted); margin-bottom: 4px; min-height: 1.6em; }
figcaption span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; flex: 1 1 auto; }
figcaption button { font-size: 0.8em; padding: 0 5px; flex: none; }
.card .name { color: #1d2330; font-weight: 600; }
.card[data-net=A] .name::before, .card[data-net=B] .name::before { content: ''; display: inline-block; width: 0.8em; height: 0.8em;
  border-radius: 2px; margin-right: 5px; vertical-align: -1px; background: #6a3fb5; }
.card[data-net=B] .name::before { background: #e8590c; }
canvas.map { display: block; width: 100%; max-width: min(520px, max(280px, 100vh - 330px)); margin: 0 auto; aspect-ratio: 1; cursor: crosshair; border-radius: 3px; background: #fff; }
.read { font-size: 0.8em; color: var(--muted); font-variant-numeric: tabular-nums; margin: 5px 0; display: grid; gap: 1px; min-height: 6.5em; }
.read .key { color: #1d2330; font-weight: 600; }
.read.error { color: #b3261e; }
.below { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 8px; align-items: center; }
canvas.net { display: block; width: 100%; height: 130px; background: #fff; border-radius: 3px; }
table.confusion { border-collapse: collapse; font-size: 0.75em; font-variant-numeric: tabular-nums; background: #fff; }
.confusion th, .confusion td { padding: 2px 6px; text-align: center; border: 1px solid var(--line); }
.confusion th { color: var(--muted); font-weight: normal; }
.confusion th[data-cls="1"] { color: var(--plus); } .confusion th[data-cls="0"] { color: var(--minus); }
.confusion th[data-cls="2"] { color: #2f9e44; } .confusion th[data-cls="3"] { color: #e8890c; }
.confusion th[data-cls="4"] { color: #7048e8; } .confusion th[data-cls="5"] { color: #0c8599; }
.confusion td.right { color: #1d2330; font-weight: 600; } .confusion td.wrong { color: #b3261e; font-weight: 600; }
.units { margin-top: 6px; }
.unitsHead { display: flex; flex-wrap: wrap; gap: 2px 6px; align-items: center; font-size: 0.78em; color: var(--muted); margin-bottom: 4px; }
.unitsHead select { font: inherit; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(38px, 1fr)); gap: 3px; }
canvas.tile { width: 100%; aspect-ratio: 1; display: block; border-radius: 2px; }
.bp { margin-top: 6px; font-size: 0.75em; color: var(--muted); font-variant-numeric: tabular-nums; }
.bpHead { color: #1d2330; font-weight: 600; margin-bottom: 2px; }
.bpEq { margin: 2px 0; }
.bpLayers { display: flex; flex-wrap: wrap; gap: 6px; align-items: flex-start; }
/* The lecture's equations with this sample's numbers (bp-math.mjs); numbers boxed where they enter. */
.bpIdx { margin-top: 4px; }
.bpMath { color: var(--ink, #1d2330); font-size: 1.15em; overflow-x: auto; max-width: 100%; }
.bpMath > div { margin: 3px 0; white-space: nowrap; }
.bpMath [class*="v-"] { padding: 0 2px; border-radius: 3px; background: color-mix(in srgb, var(--accent, #1c7ed6) 14%, transparent); }
.bpTable { border-collapse: collapse; background: #fff; }
.bpTable caption { text-align: left; color: #1d2330; padding: 2px 0; }
.bpTable th, .bpTable td { padding: 1px 5px; border: 1px solid var(--line); text-align: right; }
.bpTable th { font-weight: normal; }
.plot { background: #fff; min-height: 170px; }
.plot .u-legend { font-size: 0.72em; color: var(--muted); }
.plot .u-legend .u-marker { width: 1em; height: 3px; }
.error { color: #b3261e; }
/* Narrow (a phone): the map first, then the controls, then the curves. With
   one network its map stays on screen (sticky) while the controls scroll
   past: the card's parts join the outer grid, so the map's containing block
   is the whole layout. */
@container (max-width: 759px) {
  .main { display: contents; }
  .layout { grid-template-areas: none; }
  .layout > *, .layout .main > * { grid-area: auto; }
  .tools { order: 0; } .cards { order: 1; } form { order: 2; } .curves { order: 3; }
  .main.single .cards, .main.single .card { display: contents; }
  .main.single .card > * { order: 1; }
  :host(:not([data-box])) .main.single canvas.map { position: sticky; top: 0; z-index: 2; box-shadow: 0 -8px 0 #fff; }
}
/* In a box (data-box): the cards and curves scroll inside the frame. */
:host([data-box]) canvas.map { max-width: min(520px, calc(100cqh - 150px)); }
.layout.no-form { grid-template-columns: minmax(0, 1fr); grid-template-areas: "main"; }
/* A slide (panels without the curves and drawings, in a wide box): each map
   as tall as the box allows, its read-out beside it. */
@container (aspect-ratio >= 1.15) {
  :host([data-box]) .root.few .card { display: grid; grid-template-columns: auto minmax(0, 1fr); grid-template-rows: auto 1fr; gap: 0 8px; }
  :host([data-box]) .root.few .card figcaption { grid-column: 1 / -1; }
  :host([data-box]) .root.few canvas.map { width: min(calc(100cqh - 125px), calc(50cqw - 190px)); max-width: none; }
  :host([data-box]) .root.few .read { align-content: start; margin: 0; }
}
`;
