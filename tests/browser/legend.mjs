// What a uPlot chart's legend swatches look like next to the lines they name,
// read from the page: for each data series, its line's colour and dash, and
// the colour and dash its swatch is painted with (a solid swatch is filled
// with one colour; a dashed one, too small for a dashed border to show,
// paints its dashes as a repeating gradient). Runs in the page.
export function legendSwatches(plot) {
  const toRgb = (colour) => {
    const probe = document.createElement('span');
    probe.style.color = colour;
    document.body.append(probe);
    const rgb = getComputedStyle(probe).color;
    probe.remove();
    return rgb;
  };
  const rows = plot.root.querySelectorAll('.u-legend .u-series');
  return plot.series.slice(1).map((s, k) => {
    const marker = getComputedStyle(rows[k + 1].querySelector('.u-marker'));
    const dashes = marker.backgroundImage.startsWith('repeating-linear-gradient(');
    const border = parseFloat(marker.borderTopWidth) > 0 ? marker.borderTopColor : null;
    return {
      label: s.label,
      line: { colour: toRgb(s.stroke(plot, k + 1)), dashed: Boolean(s.dash?.length) },
      swatch: {
        colour: dashes ? marker.backgroundImage.match(/rgba?\([^)]*\)/)[0] : marker.backgroundColor,
        dashed: dashes,
        // A border, if any, in the same colour (uPlot draws one round every swatch).
        border: border ?? (dashes ? marker.backgroundImage.match(/rgba?\([^)]*\)/)[0] : marker.backgroundColor),
      },
    };
  });
}
