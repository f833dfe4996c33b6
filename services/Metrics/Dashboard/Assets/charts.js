// Small hand-written SVG charts: stacked bars and lines over time buckets, with axes, legends,
// threshold lines and native tooltips. No dependencies.
"use strict";

const Charts = (() => {
  const palette = ["#58a6ff", "#3fb950", "#d29922", "#bc8cff", "#f778ba", "#39c5cf", "#ff7b72", "#a5d6ff", "#7ee787", "#e3b341"];
  const margin = { top: 12, right: 14, bottom: 24, left: 56 };
  const svgNs = "http://www.w3.org/2000/svg";

  function color(index) { return palette[index % palette.length]; }

  function escape(text) {
    return String(text).replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }[c]));
  }

  // Round the top of the axis up to 1, 2 or 5 times a power of ten.
  function niceMax(value) {
    if (!(value > 0)) return 1;
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 2.5, 5, 10]) if (value <= step * power) return step * power;
    return 10 * power;
  }

  function frame(element, labels, yMax, yFormat, timeFormat) {
    const width = Math.max(element.clientWidth, 320);
    const height = Math.max(element.clientHeight, 160);
    const inner = { w: width - margin.left - margin.right, h: height - margin.top - margin.bottom };
    const parts = [];
    for (let i = 0; i <= 4; i++) {
      const y = margin.top + inner.h - (inner.h * i) / 4;
      parts.push(`<line class="gridline" x1="${margin.left}" x2="${width - margin.right}" y1="${y}" y2="${y}"/>`);
      parts.push(`<text x="${margin.left - 8}" y="${y + 3}" text-anchor="end">${escape(yFormat((yMax * i) / 4))}</text>`);
    }
    const ticks = Math.min(labels.length, Math.max(2, Math.floor(inner.w / 90)));
    for (let t = 0; t < ticks; t++) {
      const index = Math.round((t * (labels.length - 1)) / Math.max(ticks - 1, 1));
      const x = margin.left + ((index + 0.5) * inner.w) / labels.length;
      parts.push(`<text x="${x}" y="${height - 6}" text-anchor="middle">${escape(timeFormat(labels[index]))}</text>`);
    }
    return { width, height, inner, axis: `<g class="axis">${parts.join("")}</g>` };
  }

  function legend(element, series) {
    const div = document.createElement("div");
    div.className = "legend";
    div.innerHTML = series.map((s, i) => `<span style="--c:${s.color || color(i)}">${escape(s.name)}</span>`).join("");
    element.appendChild(div);
  }

  function empty(element, message) {
    element.innerHTML = `<div class="empty">${escape(message || "No calls in this window yet")}</div>`;
  }

  function thresholdsSvg(f, yMax, thresholds) {
    // Labels alternate right and left so that close thresholds stay readable.
    return (thresholds || []).filter(t => t.value <= yMax).map((t, i) => {
      const y = margin.top + f.inner.h - (t.value / yMax) * f.inner.h;
      const [x, anchor] = i % 2 === 0 ? [f.width - margin.right, "end"] : [margin.left + 6, "start"];
      return `<line class="threshold" x1="${margin.left}" x2="${f.width - margin.right}" y1="${y}" y2="${y}"/>` +
        `<text class="threshold-label" x="${x}" y="${y - 4}" text-anchor="${anchor}">${escape(t.label)}</text>`;
    }).join("");
  }

  function stackedBars(element, { labels, series, yFormat, timeFormat }) {
    const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] || 0), 0));
    if (!series.length || totals.every(t => t === 0)) return empty(element);
    const yMax = niceMax(Math.max(...totals));
    element.innerHTML = "";
    const f = frame(element, labels, yMax, yFormat, timeFormat);
    const slot = f.inner.w / labels.length;
    const barWidth = Math.max(1, slot * 0.72);
    const bars = [];
    labels.forEach((label, i) => {
      let base = 0;
      series.forEach((s, k) => {
        const value = s.values[i] || 0;
        if (value <= 0) return;
        const h = (value / yMax) * f.inner.h;
        const y = margin.top + f.inner.h - ((base + value) / yMax) * f.inner.h;
        const x = margin.left + i * slot + (slot - barWidth) / 2;
        bars.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${Math.max(h, 0.5).toFixed(1)}" ` +
          `fill="${s.color || color(k)}" rx="1"><title>${escape(`${timeFormat(label)} · ${s.name}: ${yFormat(value)}`)}</title></rect>`);
        base += value;
      });
    });
    element.innerHTML = `<svg xmlns="${svgNs}" viewBox="0 0 ${f.width} ${f.height}" role="img">${f.axis}${bars.join("")}</svg>`;
    legend(element, series);
  }

  function lines(element, { labels, series, yFormat, timeFormat, thresholds, yFloor }) {
    const values = series.flatMap(s => s.values.filter(v => v !== null && v !== undefined));
    if (!series.length || !values.length) return empty(element);
    const yMax = niceMax(Math.max(yFloor || 0, ...values, ...(thresholds || []).map(t => t.value * 1.15)));
    element.innerHTML = "";
    const f = frame(element, labels, yMax, yFormat, timeFormat);
    const slot = f.inner.w / labels.length;
    const paths = series.map((s, k) => {
      const stroke = s.color || color(k);
      let d = "";
      const dots = [];
      s.values.forEach((value, i) => {
        if (value === null || value === undefined) { d += " "; return; }
        const x = margin.left + (i + 0.5) * slot;
        const y = margin.top + f.inner.h - (value / yMax) * f.inner.h;
        d += (d.trim() === "" || d.endsWith(" ") ? "M" : "L") + `${x.toFixed(1)},${y.toFixed(1)}`;
        dots.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${labels.length > 60 ? 1.2 : 2.2}" fill="${stroke}">` +
          `<title>${escape(`${timeFormat(labels[i])} · ${s.name}: ${yFormat(value)}`)}</title></circle>`);
      });
      return `<path d="${d.trim()}" fill="none" stroke="${stroke}" stroke-width="1.8" stroke-linejoin="round"/>${dots.join("")}`;
    }).join("");
    element.innerHTML = `<svg xmlns="${svgNs}" viewBox="0 0 ${f.width} ${f.height}" role="img">${f.axis}${thresholdsSvg(f, yMax, thresholds)}${paths}</svg>`;
    legend(element, series);
  }

  return { stackedBars, lines, color, escape };
})();
