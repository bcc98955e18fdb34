"use strict";
// Charts (Chart.js, inlined from npm at build time). No animation: redraws stay cheap and tests see the final state.
// Tests read a chart with Chart.getChart(canvas).
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;

const palette = ["#0969da", "#cf222e", "#1a7f37", "#8250df", "#bc4c00", "#1b7c83", "#bf3989", "#6e7781"];
const colorOf = (i) => palette[i % palette.length];

/** The x label of a bucket start: 2016-06-10 (day), week of 2016-06-06, 2016-06 (month). */
function bucketLabel(start, bucket) {
  const day = String(start).slice(0, 10);
  return bucket === "month" ? day.slice(0, 7) : day;
}

/** Creates the chart on first use, then replaces its data and options (one Chart per canvas, its type fixed). */
function draw(canvasId, config) {
  const canvas = $(canvasId);
  const chart = Chart.getChart(canvas);
  if (!chart) return new Chart(canvas, config);
  chart.data = config.data;
  chart.options = config.options;
  chart.update();
  return chart;
}

/** Aligns series whose points may cover different ranges: labels are the union of bucket starts, missing = null. */
function alignSeries(series) {
  const starts = [...new Set(series.flatMap(s => s.points.map(p => p.start)))].sort();
  const index = new Map(starts.map((s, i) => [s, i]));
  const aligned = series.map(s => {
    const points = new Array(starts.length).fill(null);
    for (const p of s.points) points[index.get(p.start)] = p;
    return { ...s, points };
  });
  return { starts, aligned };
}

const toneTooltip = {
  callbacks: {
    label: (ctx) => {
      const n = ctx.dataset.counts?.[ctx.dataIndex];
      return `${ctx.dataset.label}: ${signed(ctx.parsed.y ?? ctx.parsed.x)}` + (n != null ? ` (n=${n})` : "");
    },
  },
};

/** Tone toward each chosen entity per bucket (a line each) and volume (all articles as bars, each entity's as a line). */
function drawTimeline(all, entities, bucket) {
  const { starts, aligned } = alignSeries([...(all ? [all] : []), ...entities]);
  const labels = starts.map(s => bucketLabel(s, bucket));
  const allAligned = all ? aligned[0] : null;
  const entityAligned = all ? aligned.slice(1) : aligned;
  const dots = labels.length > 120 ? 0 : 3; // years of days: lines only, dots would merge into a smear
  draw("tone-chart", {
    type: "line",
    data: {
      labels,
      datasets: entityAligned.map((s, i) => ({
        label: s.entity?.name ?? "all articles",
        data: s.points.map(p => p?.tone?.mean ?? null),
        counts: s.points.map(p => p?.tone?.count ?? 0),
        borderColor: colorOf(i), backgroundColor: colorOf(i), spanGaps: true, pointRadius: dots, tension: 0,
      })),
    },
    options: {
      interaction: { mode: "index", intersect: false },
      plugins: { tooltip: toneTooltip, legend: { position: "bottom" } },
      scales: { y: { suggestedMin: -0.5, suggestedMax: 0.5, title: { display: true, text: "tone toward (−1..1)" } } },
    },
  });
  draw("volume-chart", {
    type: "bar",
    data: {
      labels,
      datasets: [
        ...(allAligned ? [{ label: "all articles", data: allAligned.points.map(p => p?.articles ?? 0), backgroundColor: "#d0d7de", order: 2 }] : []),
        ...entityAligned.map((s, i) => ({
          type: "line", label: "mentioning " + (s.entity?.name ?? "?"), data: s.points.map(p => p?.articles ?? 0),
          borderColor: colorOf(i), backgroundColor: colorOf(i), pointRadius: dots ? 2 : 0, order: 1,
        })),
      ],
    },
    options: {
      interaction: { mode: "index", intersect: false },
      plugins: { legend: { position: "bottom" } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "articles" } } },
    },
  });
}

/** Tone toward one entity per outlet: a horizontal bar each, labelled with its article count. */
function drawOutlets(sources) {
  draw("outlet-chart", {
    type: "bar",
    data: {
      labels: sources.map(s => `${s.source ?? "unknown outlet"} (n=${s.tone?.count ?? 0})`),
      datasets: [{
        label: "tone toward it",
        data: sources.map(s => s.tone?.mean ?? null),
        counts: sources.map(s => s.tone?.count ?? 0),
        backgroundColor: sources.map(s => (s.tone?.mean ?? 0) < 0 ? "#cf222e" : "#1a7f37"),
      }],
    },
    options: {
      indexAxis: "y",
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const s = sources[ctx.dataIndex];
              return `${toneText(s.tone)}; ${s.articles} articles, ${s.mentions} mentions` + (s.tone?.stdDev != null ? `, sd ${s.tone.stdDev.toFixed(2)}` : "");
            },
          },
        },
      },
      scales: { x: { suggestedMin: -0.5, suggestedMax: 0.5, title: { display: true, text: "mean tone toward the entity (−1..1)" } } },
    },
  });
}
