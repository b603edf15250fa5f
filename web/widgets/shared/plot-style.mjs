// What every uPlot chart of the widgets shares: the axis look (the widgets'
// muted text and line colours) and legend values with fixed decimals.
export const AXIS = Object.freeze({ stroke: '#5b6474', grid: { stroke: '#e6e9ef', width: 1 }, ticks: { stroke: '#d9dde5', width: 1 },
  font: '10px system-ui, sans-serif', labelFont: '11px system-ui, sans-serif' });

/** A legend value formatter with `d` decimals ('–' where the cursor has no value). */
export const fixed = (d) => (_plot, x) => (x == null ? '–' : x.toFixed(d));

/**
 * Legend options whose swatch draws each series as its line is drawn: its
 * stroke colour, and dashes where the line is dashed (uPlot's own swatches are
 * always solid, so a dashed series looked like its solid twin). A swatch is
 * only about 1em × 3px, too small for a dashed border to show its gaps, so a
 * dashed swatch has no border and paints its dashes as a repeating gradient.
 * A fresh object per chart: uPlot writes into it.
 */
export const legendMatchingLines = () => {
  const dashed = (u, i) => Boolean(u.series[i].dash?.length);
  return { markers: {
    width: (u, i) => (dashed(u, i) ? 0 : 2),
    fill: (u, i) => {
      const colour = u.series[i].stroke(u, i);
      return dashed(u, i) ? `repeating-linear-gradient(90deg, ${colour} 0 3px, transparent 3px 5px)` : colour;
    },
  } };
};
