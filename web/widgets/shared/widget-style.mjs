// The look every widget shares, first in each widget's own stylesheet: the
// colour variables (a host page may override them on the element), the frame,
// the header with its timing line, and buttons.
export default `
:host { display: block; container-type: inline-size; font: 14px/1.35 system-ui, sans-serif;
  color: #1d2330; --accent: #2456c7; --muted: #5b6474; --line: #d9dde5; --panel: #f6f7f9; }
* { box-sizing: border-box; }
.root { border: 1px solid var(--line); border-radius: 8px; padding: 8px; background: #fff; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; margin-bottom: 6px; }
header h2 { font-size: 1.05em; margin: 0; flex: 1 1 auto; }
.timing { color: var(--muted); font-size: 0.85em; font-variant-numeric: tabular-nums; flex: 1 1 100%; order: 3; min-height: 1.2em; }
button { font: inherit; font-size: 0.85em; padding: 2px 8px; border: 1px solid var(--line); border-radius: 4px;
  background: #fff; color: var(--accent); cursor: pointer; touch-action: manipulation; }
button:hover:not(:disabled) { border-color: var(--accent); }
button:disabled { color: #a3aab8; cursor: default; }
/* In a box (the page set the element's height: base.mjs adds data-box) the
   host is a size container and the widget never grows past it: the frame
   fills the box, the header takes one line, and what cannot fit scrolls
   inside the frame. Each widget lays its panels out to the box's aspect. */
:host([data-box]) { container-type: size; }
:host([data-box]) .root { height: 100%; display: flex; flex-direction: column; overflow: auto; overscroll-behavior: contain; }
:host([data-box]) header { flex-wrap: nowrap; min-width: 0; }
:host([data-box]) header h2 { flex: none; white-space: nowrap; }
:host([data-box]) .timing { flex: 1 1 0; order: 0; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
:host([data-box]) .layout { flex: 1 1 0; min-height: 0; }
`;
