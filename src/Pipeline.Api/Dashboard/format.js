"use strict";
// DOM building and number formatting. Data from the API only ever becomes text nodes or attribute values set
// through the DOM (never markup), so HTML or script in titles, bodies, names and outlets stays inert.
const $ = (id) => document.getElementById(id);

/** el("td", { className: "num", title: "..." }, "text", node, null) */
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null) continue;
    if (k === "dataset") Object.assign(node.dataset, v);
    else if (k === "style") Object.assign(node.style, v);
    else node[k] = v;
  }
  for (const c of children.flat()) if (c != null) node.append(c instanceof Node ? c : String(c));
  return node;
}

const MINUS = "\u2212";
/** +0.12 / −0.12 / n/a, with a real minus sign. */
function signed(x, digits = 2) {
  if (x == null || Number.isNaN(x)) return "n/a";
  const s = Math.abs(x).toFixed(digits);
  return Number(s) === 0 ? s : (x < 0 ? MINUS : "+") + s;
}
/** A Tone ({mean, count, stdDev}) as a number with its count: "−0.12 (n=14)". Never a positive/negative label. */
function toneText(tone) {
  if (!tone) return "n/a";
  return `${signed(tone.mean)} (n=${tone.count})`;
}
function toneTitle(tone) {
  if (!tone || tone.mean == null) return "no scored article";
  return `mean ${signed(tone.mean, 3)} over ${tone.count} scored article${tone.count === 1 ? "" : "s"}` +
    (tone.stdDev != null ? `, standard deviation ${tone.stdDev.toFixed(3)}` : "");
}
/** A small diverging bar for a polarity in −1..1, followed by the number. */
function toneBar(mean, text, title) {
  const bar = el("span", { className: "bar", title: title || signed(mean, 3) });
  if (mean != null) {
    const w = Math.round(Math.abs(mean) * 40);
    const color = mean > 0.05 ? "var(--pos)" : mean < -0.05 ? "var(--neg)" : "var(--neu)";
    bar.append(el("i", { style: { left: (mean >= 0 ? 40 : 40 - w) + "px", width: Math.max(w, 2) + "px", background: color } }));
  }
  return el("span", { className: "tone", title: title || "" }, bar, el("span", { className: "muted" }, text ?? signed(mean)));
}
/** Document polarity (positive minus negative score) of an API sentiment object. */
const polarity = (sentiment) => sentiment?.scores ? sentiment.scores.positive - sentiment.scores.negative : null;

const dateSourceNames = { metadata: "blob metadata", page: "the page", path: "the blob path", text: "the text", upload: "upload time" };
/** An article's published day, or a visible "undated" when its only date is the upload time (never a fake date). */
function publishedCell(a) {
  const undated = a.dateSource === "upload" || !a.publishedAt;
  if (undated) return el("span", { className: "unknown", title: "no published date; uploaded " + String(a.timestamp || "").slice(0, 10) }, "undated");
  return el("span", { title: a.dateSource ? "date from " + (dateSourceNames[a.dateSource] || a.dateSource) : "" }, String(a.publishedAt).slice(0, 10));
}
const sourceNames = { metadata: "blob metadata", page: "the page", url: "the article URL", path: "the blob path" };
/** An outlet name, or a visible "unknown outlet". */
function outletCell(source, origin) {
  if (source == null || source === "") return el("span", { className: "unknown" }, "unknown outlet");
  return el("span", { title: origin ? "outlet from " + (sourceNames[origin] || origin) : "" }, source);
}
const pill = (label) => label ? el("span", { className: "pill " + label }, label) : null;
function emptyRow(columns, text) {
  return el("tr", {}, el("td", { colSpan: columns, className: "muted" }, text));
}
