// Styles of <simcore-gabor>, inside its shadow root. Container queries size
// the layout from the element's own width (a slide column, a page), not the
// window's; it stays usable down to 320 px.
import base from '../shared/widget-style.mjs';
import { panelsLayout } from '../shared/panels-layout.mjs';

export default `${base}
.layout { display: grid; grid-template-columns: 1fr; gap: 10px; }
@container (min-width: 680px) { .layout { grid-template-columns: 250px 1fr; } }
form { display: grid; gap: 6px; align-content: start; }
.row { display: grid; grid-template-columns: 1fr auto; gap: 0 6px; align-items: center; }
.row label { font-size: 0.9em; }
.row output { font-variant-numeric: tabular-nums; font-size: 0.9em; color: var(--muted); min-width: 3.5em; text-align: right; }
.row input[type=range] { grid-column: 1 / -1; width: 100%; margin: 0; accent-color: var(--accent); }
.row select { grid-column: 2; font: inherit; font-size: 0.9em; max-width: 11em; }
[hidden], .row.hidden { display: none !important; }
.file { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; font-size: 0.8em; color: var(--muted); }
.file input { display: none; }
.panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(136px, 1fr)); gap: 8px; align-content: start; }
@container (min-width: 900px) { .panels { grid-template-columns: repeat(4, 1fr); } }
figure { margin: 0; background: var(--panel); border-radius: 6px; padding: 4px; min-width: 0; position: relative; }
figure.wide { grid-column: span 2; }
figcaption { display: flex; justify-content: space-between; align-items: center; gap: 4px; font-size: 0.8em;
  color: var(--muted); margin-bottom: 3px; min-height: 1.6em; }
figcaption span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
figcaption button { font-size: 0.75em; padding: 0 4px; flex: none; }
canvas.img { display: block; width: 100%; aspect-ratio: 1; background: #ddd; }
canvas.px { image-rendering: pixelated; }
.plot { background: #fff; min-height: 150px; }
.plot .u-legend { font-size: 0.72em; color: var(--muted); }
.plot .u-legend .u-marker { width: 1em; height: 3px; }
.bar { display: grid; grid-template-columns: auto 1fr auto; gap: 4px; align-items: center; font-size: 0.7em;
  color: var(--muted); margin-top: 3px; font-variant-numeric: tabular-nums; }
.bar canvas { width: 100%; height: 8px; display: block; }
.note { font-size: 0.7em; color: var(--muted); margin: 2px 0 0; }
.stack { position: relative; }
.key { position: absolute; right: 4px; bottom: 4px; width: 22%; aspect-ratio: 1; }
.thumbs { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3px; }
.thumbs canvas { width: 100%; aspect-ratio: 1; image-rendering: pixelated; display: block; outline: 2px solid transparent; outline-offset: -2px; }
.thumbs canvas.current { outline-color: #1d2330; }
.busy { font-size: 0.8em; color: var(--accent); }
.drop { outline: 3px dashed var(--accent); outline-offset: -3px; }
.error { color: #b3261e; }
${panelsLayout(['output', 'kernel'])}`;
