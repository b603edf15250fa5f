// What every uPlot chart of the widgets shares: the axis look (the widgets'
// muted text and line colours) and legend values with fixed decimals.
export const AXIS = Object.freeze({ stroke: '#5b6474', grid: { stroke: '#e6e9ef', width: 1 }, ticks: { stroke: '#d9dde5', width: 1 },
  font: '10px system-ui, sans-serif', labelFont: '11px system-ui, sans-serif' });

/** A legend value formatter with `d` decimals ('–' where the cursor has no value). */
export const fixed = (d) => (_plot, x) => (x == null ? '–' : x.toFixed(d));

/**
 * Legend options whose swatch draws each series as its line is drawn: its
 * stroke colour, and dashed where the line is dashed (uPlot's own swatches are
 * always solid, so a dashed series looked like its solid twin). A fresh object
 * per chart: uPlot writes into it.
 */
export const legendMatchingLines = () => ({ markers: { dash: (u, i) => (u.series[i].dash?.length ? 'dashed' : 'solid') } });
