// What a uPlot chart's legend swatches look like next to the lines they name,
// read from the page: for each data series, its line's colour and dash, and
// its swatch's computed border colour and style. Runs in the page.
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
    return {
      label: s.label,
      line: { colour: toRgb(s.stroke(plot, k + 1)), dashed: Boolean(s.dash?.length) },
      swatch: { colour: marker.borderTopColor, dashed: marker.borderTopStyle === 'dashed', width: parseFloat(marker.borderTopWidth) },
    };
  });
}
