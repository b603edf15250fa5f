// Styles of <simcore-conv>, inside its shadow root. Container queries size
// the layout from the element's own width; usable down to 320 px.
import base from '../shared/widget-style.mjs';
import { panelsLayout } from '../shared/panels-layout.mjs';

export default `${base}
.layout { display: grid; grid-template-columns: 1fr; gap: 10px; }
@container (min-width: 680px) { .layout { grid-template-columns: 250px 1fr; } }
form { display: grid; gap: 8px; align-content: start; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0; padding: 4px 8px 8px; display: grid; gap: 6px; min-width: 0; }
legend { font-size: 0.8em; color: var(--muted); padding: 0 4px; }
.row { display: grid; grid-template-columns: 1fr auto; gap: 0 6px; align-items: center; }
.row label { font-size: 0.9em; }
.row output { font-variant-numeric: tabular-nums; font-size: 0.9em; color: var(--muted); min-width: 3.5em; text-align: right; }
.row input[type=range] { grid-column: 1 / -1; width: 100%; margin: 0; accent-color: var(--accent); }
.row input[type=range]:disabled { opacity: 0.45; }
.row select { grid-column: 2; font: inherit; font-size: 0.9em; max-width: 11em; }
.check { display: flex; gap: 6px; align-items: center; font-size: 0.9em; }
.check input { accent-color: var(--accent); margin: 0; }
[hidden] { display: none !important; }
.panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(136px, 1fr)); gap: 8px; align-content: start; }
@container (min-width: 900px) { .panels { grid-template-columns: repeat(3, 1fr); } }
figure { margin: 0; background: var(--panel); border-radius: 6px; padding: 4px; min-width: 0; }
figure.wide { grid-column: 1 / -1; }
figcaption { display: flex; justify-content: space-between; align-items: center; gap: 4px; font-size: 0.8em;
  color: var(--muted); margin-bottom: 3px; min-height: 1.6em; }
figcaption span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
figcaption .size { font-weight: 600; color: #1d2330; font-variant-numeric: tabular-nums; flex: none; }
canvas.img { display: block; width: 100%; aspect-ratio: 1; background: #ddd; }
canvas.px { image-rendering: pixelated; }
.bar { display: grid; grid-template-columns: auto 1fr auto; gap: 4px; align-items: center; font-size: 0.7em;
  color: var(--muted); margin-top: 3px; font-variant-numeric: tabular-nums; }
.bar canvas { width: 100%; height: 8px; display: block; }
.readout { display: grid; grid-template-columns: repeat(auto-fill, minmax(9em, 1fr)); gap: 6px 12px; margin: 0; padding: 2px 4px; }
.readout dt { color: var(--muted); font-size: 0.8em; }
.readout dd { margin: 0; font-variant-numeric: tabular-nums; font-weight: 600; overflow-wrap: anywhere; }
.error { color: #b3261e; font-size: 0.9em; margin: 6px 4px 0; overflow-wrap: anywhere; }
${panelsLayout(['output', 'kernel'], {
  // In a box: the three images in one row above the readout where the width allows.
  cell: 'clamp(110px, min(calc(100cqh - 220px), calc((78cqw - 48px) / 3)), 400px)',
})}`;
