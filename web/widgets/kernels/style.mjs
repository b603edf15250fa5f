// Styles of <simcore-kernels>, inside its shadow root; container queries lay
// the views out by the element's own width (two columns from 900 px).
import base from '../shared/widget-style.mjs';

export default `${base}
[hidden] { display: none !important; }
.databar { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; margin-bottom: 4px; }
.databar .row { display: flex; gap: 4px; align-items: center; }
.paste { display: grid; gap: 4px; margin: 4px 0; }
.paste textarea { font: 12px/1.3 ui-monospace, monospace; width: 100%; }
.data-info { margin: 2px 0; font-size: 0.85em; color: var(--muted); }
.data-info.synthetic { color: #8a5a00; }
.data-error { margin: 2px 0; color: #b00020; font-size: 0.9em; }
.bad { font-size: 0.8em; color: #8a5a00; }
.bad ul { max-height: 8em; overflow: auto; margin: 2px 0; }
.views { display: grid; grid-template-columns: 1fr; gap: 10px; }
@container (min-width: 900px) { .views { grid-template-columns: 1fr 1fr; } }
section.view { background: var(--panel); border-radius: 6px; padding: 6px; min-width: 0; }
section.view h3 { margin: 0 0 4px; font-size: 0.95em; }
.controls { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 4px 10px; margin-bottom: 4px; }
.row { display: grid; grid-template-columns: 1fr auto; gap: 0 6px; align-items: center; font-size: 0.85em; }
.row output { font-variant-numeric: tabular-nums; color: var(--muted); }
.row input[type=range] { grid-column: 1 / -1; width: 100%; margin: 0; accent-color: var(--accent); }
.row select { font: inherit; max-width: 10em; }
.row.off { opacity: 0.45; }
.figs { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 6px; }
.v-svm .figs figure[data-view=svm] { grid-column: 1 / -1; }
figure { margin: 0; background: #fff; border-radius: 4px; padding: 3px; min-width: 0; }
figcaption { display: flex; justify-content: space-between; align-items: center; gap: 4px; font-size: 0.8em; color: var(--muted); }
figcaption span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
figcaption button { font-size: 0.75em; padding: 0 4px; flex: none; }
canvas { display: block; width: 100%; }
canvas.clickable { cursor: crosshair; }
canvas[data-view=lift] { cursor: ew-resize; touch-action: pan-y; }
.note { font-size: 0.8em; color: var(--muted); margin: 4px 0 0; }
`;
