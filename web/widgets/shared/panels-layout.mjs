// Layout rules shared by the two widgets built as a form beside a grid of
// image panels (<simcore-gabor>, <simcore-conv>), placed after each one's own
// rules. `main`: the panels that must stay in sight (data-panel names; the
// first is shown first). `cell`: the side of an image panel in a box (CSS;
// default: two rows of panels in the box's height).
//  - Narrow (a phone, auto height) and tall boxes: the main panels stay on
//    screen (sticky) above the controls, the other panels below them.
//  - In a box (data-box, widget-style.mjs): the form and the panels each
//    scroll inside their own column when they cannot fit, and the image
//    panels are sized from the box's height as well as its width.
const MANY = Array(5).fill('figure:not([hidden])').join(' ~ ');

export function panelsLayout(main, { cell = 'clamp(110px, calc((100cqh - 48px) / 2 - 60px), 320px)' } = {}) {
  const mains = main.map((name) => `figure[data-panel=${name}]`).join(', ');
  const order = (base) => main.map((name, i) => `figure[data-panel=${name}] { order: ${base + i}; }`).join(' ');
  const narrow = (scope) => `
  ${scope} .layout { grid-template-columns: repeat(${main.length}, minmax(0, 1fr)); }
  ${scope} .panels { display: contents; }
  ${scope} .layout > form { grid-column: 1 / -1; order: 1; }
  ${scope} figure { order: 2; }
  ${scope} figure.wide { grid-column: 1 / -1; }
  ${order(-4).replace(/figure/g, `${scope} figure`)}
  ${scope} :is(${mains}) { position: sticky; top: 0; z-index: 2; align-self: start;
    box-shadow: 0 2px 0 #fff, 0 -8px 0 #fff; }`;
  return `
@container (max-width: 679px) {${narrow(':host(:not([data-box]))')}
}
:host([data-box]) .layout { height: 100%; grid-template-rows: minmax(0, 1fr); }
:host([data-box]) form, :host([data-box]) .panels { overflow-y: auto; overscroll-behavior: contain; min-height: 0; max-height: 100%; }
:host([data-box]) .root { --cell: ${cell}; }
:host([data-box]) .panels { grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--cell)), 1fr)); }
${order(-4).replace(/figure/g, ':host([data-box]) figure')}
:host([data-box]) figure canvas.img { max-width: var(--cell); margin-left: auto; margin-right: auto; }
@container (aspect-ratio >= 1.15) {
  :host([data-box]) .layout { grid-template-columns: clamp(180px, 22cqw, 250px) minmax(0, 1fr); }
  /* Many panels (five or more shown): the main picture takes two cells and
     the full height, and the rest scroll beside it. */
  :host([data-box]) .panels:has(${MANY}) figure[data-panel=${main[0]}] { grid-column: span 2; grid-row: span 2; }
  :host([data-box]) .panels:has(${MANY}) figure[data-panel=${main[0]}] canvas.img { max-width: min(100%, calc(100cqh - 120px)); }
}
@container (aspect-ratio >= 1.15) and (height < 420px) {
  :host([data-box]) .root { --cell: min(calc(100cqh - 112px), calc(37cqw - 24px)); }
}
@container (aspect-ratio < 1.15) {${narrow(':host([data-box])')}
  :host([data-box]) .layout { height: auto; grid-template-rows: none; flex: none; }
  :host([data-box]) form, :host([data-box]) .panels { overflow: visible; max-height: none; min-height: auto; }
  :host([data-box]) .root { --cell: 100cqw; }
}
`;
}
