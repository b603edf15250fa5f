// Styles of <simcore-linear3d>, inside its shadow root (container queries: usable down to 320 px).
import base from '../shared/widget-style.mjs';

export default `${base}
.layout { display: grid; grid-template-columns: 1fr; gap: 10px; }
.layout > form { order: 2; }
@container (min-width: 700px) { .layout { grid-template-columns: 250px 1fr; } .layout > form { order: 0; } }
form { display: grid; gap: 8px; align-content: start; min-width: 0; }
fieldset { border: 0; padding: 0; margin: 0; min-width: 0; }
legend { font-size: 0.8em; color: var(--muted); padding: 0; margin-bottom: 3px; }
.presets { display: flex; flex-wrap: wrap; gap: 4px; }
.presets button { font-size: 0.8em; }
.matrix-row { display: flex; align-items: center; gap: 8px; }
.matrix-row .A { font-style: italic; }
.matrix { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3px; border-left: 2px solid var(--ink, #222); border-right: 2px solid var(--ink, #222); padding: 2px 4px; flex: 1; }
.matrix input { font: inherit; font-size: 0.9em; width: 100%; min-width: 0; text-align: right; font-variant-numeric: tabular-nums; border: 1px solid var(--line); border-radius: 3px; padding: 1px 3px; }
.row { display: grid; grid-template-columns: 1fr 3em; gap: 0 6px; align-items: center; font-size: 0.9em; }
.row output { text-align: right; font-variant-numeric: tabular-nums; }
.row input[type=range] { grid-column: 1 / -1; width: 100%; margin: 0; accent-color: var(--accent); }
.toggle { display: inline-flex; gap: 4px; align-items: center; font-size: 0.85em; }
.tools { display: flex; flex-wrap: wrap; gap: 4px; }
.main { display: grid; gap: 8px; min-width: 0; align-content: start; }
@container (min-width: 1000px) { .main { grid-template-columns: 1fr 240px; } }
.viewbox canvas { display: block; width: 100%; aspect-ratio: 4 / 3; max-height: 70vh; background: #fff; border: 1px solid var(--line); border-radius: 4px; touch-action: none; cursor: grab; }
.hint { font-size: 0.8em; color: var(--muted); margin: 4px 0 0; }
.readout { background: var(--panel); border-radius: 6px; padding: 6px 8px; font-size: 0.9em; font-variant-numeric: tabular-nums; align-self: start; }
.readout .type { font-size: 1.15em; font-weight: 600; margin-bottom: 2px; }
.readout div { display: flex; flex-wrap: wrap; gap: 0 14px; }
.readout span { white-space: nowrap; }
.readout .note { margin: 6px 0 0; font-size: 0.92em; }
`;
