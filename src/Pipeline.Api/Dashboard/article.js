"use strict";
// One article: sentences coloured by their sentiment, entity mentions marked, working from the offsets the API returns.

/** The article text as nodes: each sentence a span coloured by its sentiment, each mention a <mark>. */
function annotatedText(d) {
  const text = d.text || "";
  const marks = [];
  for (const e of d.entities || []) for (const m of e.mentions) marks.push({ start: m.offset, end: m.offset + m.length, entity: e });
  marks.sort((a, b) => a.start - b.start);
  const nodes = [];
  let pos = 0;
  for (const s of d.sentences || []) {
    if (s.offset > pos) nodes.push(text.slice(pos, s.offset));
    const end = s.offset + s.length;
    const sentence = el("span", { className: "s-" + s.sentiment.label, title: `sentence ${s.sentiment.label}, ${signed(polarity(s.sentiment))}` });
    let p = s.offset;
    for (const m of marks) {
      if (m.start < p || m.end > end) continue; // overlapping or crossing the sentence end: left unmarked
      sentence.append(text.slice(p, m.start), el("mark", { title: `${m.entity.name} (${m.entity.category})`, dataset: { entity: m.entity.id } }, text.slice(m.start, m.end)));
      p = m.end;
    }
    sentence.append(text.slice(p, end));
    nodes.push(sentence);
    pos = end;
  }
  nodes.push(text.slice(pos));
  return nodes;
}

/** Only http(s) links: a javascript: or data: URL in an article's metadata must not become a live link. */
function safeLink(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? el("a", { href: u.href, rel: "noopener noreferrer", target: "_blank" }, "original") : null;
  } catch { return null; }
}

async function showArticle(id) {
  const d = await get("/api/articles/" + encodeURIComponent(id));
  const entities = (d.entities || []).filter(e => e.sentiment);
  const facts = [
    outletCell(d.source, d.sourceOrigin), d.author ? " · " + d.author : null, " · ", publishedCell(d),
    " · ", pill(d.status), d.sentiment ? ` · document tone ${signed(polarity(d.sentiment))}` : null,
    d.language ? " · " + d.language.name : null, d.url && safeLink(d.url) ? " · " : null, d.url ? safeLink(d.url) : null,
  ];
  $("detail").hidden = false;
  $("detail").replaceChildren(...[
    el("h2", {}, d.title || d.blob.name),
    el("p", { className: "muted" }, facts),
    d.failureReason ? el("p", { className: "error" }, d.failureReason) : null,
    el("div", { className: "ents" }, entities.map(e => el("span", {},
      el("button", { type: "button", className: "link", dataset: { focus: e.id, name: e.name } }, e.name), " ",
      el("span", { className: "muted", title: "tone toward it in this article" }, `${signed(polarity(e.sentiment))}, ${e.mentions.length} mention${e.mentions.length === 1 ? "" : "s"}`)))),
    el("p", { className: "muted" }, "Key phrases: " + (d.keyPhrases || []).slice(0, 12).map(k => k.text).join(" · ")),
    el("div", { className: "text" }, annotatedText(d)),
  ].filter(Boolean));
  $("detail").scrollIntoView({ block: "nearest" });
}
