"use strict";
// Wiring: the filters at the top apply to every panel; ticked entities are charted over time; a clicked entity is
// the focus (its outlets, company and articles). Every call asks for a bounded page or an aggregate, never everything.
const MaxCompared = 8;
const state = { compare: [], focus: null, next: null, autoPicked: false };

const filters = () => {
  const f = Object.fromEntries(new FormData($("filters")));
  return { from: f.from, to: f.to, source: f.source, bucket: f.bucket || "week" };
};
const dateWindow = () => { const f = filters(); return { from: f.from, to: f.to }; };

// Panels reload concurrently (filters, ticks, focus); only the answer to a panel's latest request is shown.
const requests = {};
function latest(panel) {
  const n = (requests[panel] = (requests[panel] || 0) + 1);
  return () => requests[panel] === n;
}

async function loadHealth() {
  try {
    const h = await get("/api/health");
    $("health").textContent = `${h.status} · analyzer ${h.analyzer}` + (h.watcher ? ` · watcher: ${h.watcher.pending} pending` : "");
  } catch (e) { $("health").textContent = "not ready: " + e.message; }
}

async function loadStatus() {
  try {
    const s = await get("/api/status");
    $("status").textContent = `${s.total} articles: ${s.processed} processed, ${s.unscored} unscored, ${s.failed} failed, ${s.undated} undated` +
      (s.pending != null ? `, ${s.pending} pending` : "") + (s.lastProcessedAt ? ` · last processed ${s.lastProcessedAt.slice(0, 19).replace("T", " ")} UTC` : "");
  } catch (e) { $("status").textContent = "corpus status " + e.message; }
}

async function loadEntities() {
  const current = latest("entities");
  await guarded("entity-error", async () => {
    const form = Object.fromEntries(new FormData($("entity-form")));
    const f = filters();
    const data = await get("/api/entities", { category: form.category, top: form.top, from: f.from, to: f.to, source: f.source });
    if (!current()) return;
    const compared = new Set(state.compare.map(c => c.id));
    $("entity-rows").replaceChildren(...data.items.map(e => el("tr", { className: "row" + (state.focus?.id === e.id ? " selected" : ""), dataset: { entity: e.id, name: e.name } },
      el("td", {}, el("input", { type: "checkbox", checked: compared.has(e.id), title: "show on the chart", dataset: { compare: e.id, name: e.name } })),
      el("td", {}, e.name, " ", el("span", { className: "muted" }, e.category)),
      el("td", { className: "num" }, e.articleCount),
      el("td", { className: "num" }, e.mentionCount),
      el("td", { className: "num" }, toneBar(e.averageSentiment, signed(e.averageSentiment), `mean tone toward it over ${e.articleCount} articles`)))));
    if (!data.items.length) $("entity-rows").append(emptyRow(5, "No entities match: upload articles to the \"articles\" container, or widen the filters."));
    $("entity-list").replaceChildren(...data.items.map(e => el("option", { value: e.name })));
    // On first open the chart is not empty: it compares the two most covered entities.
    if (!state.autoPicked && state.compare.length === 0 && data.items.length) {
      state.autoPicked = true;
      state.compare = data.items.slice(0, 2).map(e => ({ id: e.id, name: e.name }));
      syncCompare();
    }
  });
}

async function loadSources() {
  const current = latest("sources");
  await guarded("source-error", async () => {
    const data = await get("/api/sources", { ...dateWindow(), top: 15 });
    if (!current()) return;
    const chosen = filters().source;
    $("source-rows").replaceChildren(...data.sources.map(s => el("tr", { className: "row" + (s.source != null && s.source === chosen ? " selected" : ""), dataset: s.source != null ? { source: s.source } : {} },
      el("td", {}, outletCell(s.source)),
      el("td", { className: "num" }, s.articles),
      el("td", { className: "num" }, toneBar(s.tone?.mean, toneText(s.tone), toneTitle(s.tone))))));
    if (!data.sources.length) $("source-rows").append(emptyRow(3, "No articles in this window."));
    $("source-list").replaceChildren(...data.sources.filter(s => s.source != null).map(s => el("option", { value: s.source })));
  });
}

function renderChips() {
  $("chips").replaceChildren(...state.compare.map((c, i) => el("span", { className: "chip", dataset: { entity: c.id } },
    el("i", { style: { background: colorOf(i) } }), c.name,
    el("button", { type: "button", title: "remove from the chart", dataset: { remove: c.id } }, "×"))));
}

async function loadTimeline() {
  const current = latest("timeline");
  await guarded("timeline-error", async () => {
    const f = filters();
    const common = { bucket: f.bucket, from: f.from, to: f.to, source: f.source };
    const [all, compared] = await Promise.all([
      get("/api/timeline", common),
      state.compare.length ? get("/api/timeline", { ...common, entity: state.compare.map(c => c.id) }) : Promise.resolve({ series: [] }),
    ]);
    if (!current()) return;
    const allSeries = all.series.find(s => s.entity == null) ?? null;
    const entitySeries = compared.series.filter(s => s.entity != null);
    drawTimeline(allSeries, entitySeries, all.bucket || f.bucket);
    const undated = allSeries?.undated ?? 0;
    $("timeline-note").textContent = (allSeries && allSeries.points.length === 0 ? "No dated articles in this window. " : "") +
      (undated ? `${undated} undated article${undated === 1 ? " is" : "s are"} not on these charts (no published date found; see README on supplying one).` : "");
  });
}

async function addToChart(idOrName) {
  await guarded("compare-error", async () => {
    if (state.compare.length >= MaxCompared) throw new Error(`At most ${MaxCompared} entities on one chart.`);
    let entity;
    try { entity = await get("/api/entities/" + encodeURIComponent(idOrName)); }
    catch (e) { throw e.status === 404 ? new Error(`No entity named "${idOrName}" in the corpus.`) : e; }
    if (!state.compare.some(c => c.id === entity.id)) state.compare.push({ id: entity.id, name: entity.name });
    syncCompare();
  });
}

function syncCompare() {
  renderChips();
  const compared = new Set(state.compare.map(c => c.id));
  for (const box of $("entity-rows").querySelectorAll("input[data-compare]")) box.checked = compared.has(box.dataset.compare);
  loadTimeline();
}

async function focusEntity(id, name) {
  state.focus = { id, name };
  for (const r of $("entity-rows").querySelectorAll("tr[data-entity]")) r.classList.toggle("selected", r.dataset.entity === id);
  $("focus").hidden = false;
  $("focus-title").textContent = name;
  $("article-form").entity.value = id;
  await Promise.all([loadOutlets(), loadCoMentions(), loadArticles(false)]);
}

async function loadOutlets() {
  if (!state.focus) return;
  const current = latest("outlets");
  await guarded("outlet-error", async () => {
    const data = await get(`/api/entities/${encodeURIComponent(state.focus.id)}/sources`, dateWindow());
    if (!current()) return;
    drawOutlets(data.sources);
    if (!data.sources.length) $("outlet-error").textContent = "No articles mention it in this window.";
  });
}

async function loadCoMentions() {
  if (!state.focus) return;
  const current = latest("co-mentions");
  await guarded("co-error", async () => {
    const f = filters();
    const data = await get(`/api/entities/${encodeURIComponent(state.focus.id)}/co-mentions`, { from: f.from, to: f.to, source: f.source, top: 10 });
    if (!current()) return;
    $("co-rows").replaceChildren(...data.coMentions.map(c => el("tr", { className: "row", dataset: { entity: c.id, name: c.name } },
      el("td", {}, c.name, " ", el("span", { className: "muted" }, c.category)),
      el("td", { className: "num" }, c.articles),
      el("td", { className: "num" }, toneBar(c.tone?.mean, toneText(c.tone), toneTitle(c.tone))))));
    if (!data.coMentions.length) $("co-rows").append(emptyRow(3, "Nobody else is mentioned with it in this window."));
  });
}

async function loadArticles(append) {
  const current = latest("articles");
  await guarded("article-error", async () => {
    const form = Object.fromEntries(new FormData($("article-form")));
    const f = filters();
    const entity = form.entity.trim();
    const page = { from: f.from, to: f.to, sentiment: form.sentiment, status: form.status, top: 50, continuationToken: append ? state.next : null };
    // /api/entities/{id}/articles says how each article treats the entity; it has no outlet filter, /api/articles has.
    const withEntityTone = Boolean(entity && !f.source);
    const data = withEntityTone
      ? await get(`/api/entities/${encodeURIComponent(entity)}/articles`, page)
      : await get("/api/articles", { ...page, entity, source: f.source });
    if (!current()) return;
    $("entity-tone-head").hidden = !withEntityTone;
    const rows = data.items.map(a => el("tr", { className: "row", dataset: { article: a.id } },
      el("td", { className: "num" }, publishedCell(a)),
      el("td", {}, a.title || a.blobName, a.failureReason ? el("div", { className: "error" }, a.failureReason) : null),
      el("td", {}, outletCell(a.source, a.sourceOrigin)),
      el("td", {}, pill(a.status)),
      el("td", { className: "num" }, a.sentiment ? signed(polarity(a.sentiment)) : ""),
      withEntityTone ? el("td", { className: "num", title: "tone toward the entity, and its mentions in the article" },
        `${signed(a.entityTone)} (${a.entityMentions ?? 0} mention${a.entityMentions === 1 ? "" : "s"})`) : null));
    if (append) $("article-rows").append(...rows);
    else $("article-rows").replaceChildren(...rows);
    if (!append && !rows.length) $("article-rows").append(emptyRow(6, "No articles match."));
    state.next = data.continuationToken || null;
    $("more").hidden = !state.next;
  });
}

function refreshAll() {
  loadEntities(); loadSources(); loadTimeline(); loadArticles(false); loadOutlets(); loadCoMentions();
}

$("filters").addEventListener("submit", (e) => { e.preventDefault(); refreshAll(); });
$("clear-filters").addEventListener("click", () => { const f = $("filters"); f.from.value = ""; f.to.value = ""; f.source.value = ""; refreshAll(); });
$("entity-form").addEventListener("submit", (e) => { e.preventDefault(); loadEntities(); });
$("article-form").addEventListener("submit", (e) => { e.preventDefault(); loadArticles(false); });
$("compare-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const name = e.target.who.value.trim();
  if (name) addToChart(name).then(() => { if (!$("compare-error").textContent) e.target.who.value = ""; });
});
$("more").addEventListener("click", () => loadArticles(true));
$("chips").addEventListener("click", (e) => {
  const id = e.target.closest("[data-remove]")?.dataset.remove;
  if (id) { state.compare = state.compare.filter(c => c.id !== id); syncCompare(); }
});
$("entity-rows").addEventListener("click", (e) => {
  const box = e.target.closest("input[data-compare]");
  if (box) {
    if (box.checked && state.compare.length >= MaxCompared) { box.checked = false; $("entity-error").textContent = `At most ${MaxCompared} entities on one chart.`; return; }
    state.compare = box.checked ? [...state.compare, { id: box.dataset.compare, name: box.dataset.name }] : state.compare.filter(c => c.id !== box.dataset.compare);
    syncCompare();
    return;
  }
  const row = e.target.closest("tr[data-entity]");
  if (row) focusEntity(row.dataset.entity, row.dataset.name);
});
$("co-rows").addEventListener("click", (e) => { const r = e.target.closest("tr[data-entity]"); if (r) focusEntity(r.dataset.entity, r.dataset.name); });
$("source-rows").addEventListener("click", (e) => {
  const r = e.target.closest("tr[data-source]");
  if (r) { $("filters").source.value = r.dataset.source; refreshAll(); }
});
$("article-rows").addEventListener("click", (e) => {
  const r = e.target.closest("tr[data-article]");
  if (r) showArticle(r.dataset.article).catch(err => { $("article-error").textContent = err.message; });
});
$("detail").addEventListener("click", (e) => { const b = e.target.closest("[data-focus]"); if (b) focusEntity(b.dataset.focus, b.dataset.name); });

loadHealth(); loadStatus(); loadEntities(); loadSources(); loadTimeline(); loadArticles(false);
setInterval(() => { loadHealth(); loadStatus(); }, 10000);
