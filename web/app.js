// Byline's web page: talks to the JSON API of byline-serve (/search, /doc/{id}). The page state
// lives in the address bar, with the API's own parameter names, so results can be bookmarked
// and the back button works.
"use strict";

const FACETS = [
  ["person", "People"],
  ["place", "Places"],
  ["org", "Organisations"],
  ["country", "Countries"],
  ["source", "Sources"],
];
// Co-mention facets, asked for when the query names something to stand beside: clicking a value
// filters by that entity.
const CO_FACETS = [
  ["co_person", "person", "People named with it"],
  ["co_place", "place", "Places named with it"],
  ["co_org", "org", "Organisations named with it"],
];
const PAGE_SIZE = 10;
const $ = (id) => document.getElementById(id);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "onclick") node.addEventListener("click", value);
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

// ---- state <-> address bar ----

function readState() {
  const params = new URLSearchParams(location.search);
  const state = {
    q: params.get("q") || "",
    sort: params.get("sort") || "relevance",
    offset: Math.max(0, parseInt(params.get("offset") || "0", 10) || 0),
    since: params.get("since") || "",
    until: params.get("until") || "",
  };
  for (const [facet] of FACETS) state[facet] = params.getAll(facet);
  state.like = params.getAll("like");
  state.collapse = params.get("collapse") === "1";
  return state;
}

function stateParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  if (state.offset) params.set("offset", String(state.offset));
  for (const [facet] of FACETS) for (const value of state[facet]) params.append(facet, value);
  for (const id of state.like || []) params.append("like", id);
  if (state.since) params.set("since", state.since);
  if (state.until) params.set("until", state.until);
  if (state.collapse) params.set("collapse", "1");
  return params;
}

function go(state) {
  const query = stateParams(state).toString();
  history.pushState(null, "", query ? "?" + query : location.pathname);
  search(state);
}

// ---- highlighting: offsets are code points (char_start/char_end) ----

function marked(text, highlights) {
  const chars = Array.from(text);
  const out = document.createDocumentFragment();
  let at = 0;
  for (const h of highlights) {
    if (h.char_start < at) continue;
    out.append(chars.slice(at, h.char_start).join(""));
    out.append(el("mark", {}, chars.slice(h.char_start, h.char_end).join("")));
    at = h.char_end;
  }
  out.append(chars.slice(at).join(""));
  return out;
}

// ---- rendering ----

function renderHit(hit) {
  const title = el("button", { type: "button", class: "title-link", onclick: () => openArticle(hit.id) },
    marked(hit.title || hit.id, hit.title_highlights));
  const copies = hit.duplicates && hit.duplicates.length
    ? `+${hit.duplicates.length} ${hit.duplicates.length === 1 ? "copy" : "copies"}` : "";
  const meta = [hit.date, hit.source, hit.author, copies].filter(Boolean).join(" · ");
  const item = el("li", { class: "hit" }, el("h3", {}, title));
  if (meta) item.append(el("p", { class: "meta" }, meta));
  for (const p of hit.passages) {
    const passage = el("p", { class: "passage" });
    if (p.cut_before) passage.append("… ");
    passage.append(marked(p.text, p.highlights));
    if (p.cut_after) passage.append(" …");
    item.append(passage);
  }
  if (hit.url) {
    item.append(el("a", { class: "url", href: hit.url, rel: "noopener noreferrer" }, hit.url));
  }
  return item;
}

function renderSummary(state, result) {
  if (result.total === 0) return "No articles match.";
  const first = state.offset + 1;
  const last = state.offset + result.hits.length;
  const count = result.total.toLocaleString();
  const unit = result.total_articles !== undefined ? "Stories" : "Articles";
  const articles = result.total_articles !== undefined
    ? ` (${result.total_articles.toLocaleString()} articles)` : "";
  return `${unit} ${first}–${last} of ${count}` + (result.total_exact ? "" : " (about)") + articles +
    ` · ${result.took_ms.toFixed(1)} ms`;
}

// "Did you mean" as a link that searches the suggestion; a line when no article holds every word.
function renderNotes(state, result) {
  const notes = [];
  if (result.suggestion) {
    const link = el("a", { href: "?" + new URLSearchParams({ q: result.suggestion }) },
      result.suggestion);
    link.addEventListener("click", (event) => {
      event.preventDefault();
      go({ ...state, q: result.suggestion, offset: 0 });
    });
    notes.push(el("p", { class: "note", id: "suggestion" }, "Did you mean ", link, "?"));
  }
  if (result.match === "partial") {
    notes.push(el("p", { class: "note" },
      "No article holds every word; ranked by how many of them each holds."));
  }
  $("notes").replaceChildren(...notes);
}

function renderPager(state, result) {
  const pager = $("pager");
  pager.hidden = result.total <= PAGE_SIZE;
  const page = Math.floor(state.offset / PAGE_SIZE) + 1;
  const pages = Math.ceil(result.total / PAGE_SIZE);
  $("page-label").textContent = `Page ${page} of ${pages}`;
  $("prev").disabled = state.offset === 0;
  $("next").disabled = state.offset + PAGE_SIZE >= result.total;
}

function renderFilters(state) {
  const box = $("filters");
  box.replaceChildren();
  const chip = (label, remove) =>
    el("button", { type: "button", class: "chip", "aria-label": `Remove filter ${label}`, onclick: remove },
      label, el("span", { "aria-hidden": "true" }, " ×"));
  for (const [facet] of FACETS) {
    for (const value of state[facet]) {
      box.append(chip(`${facet}: ${value}`, () =>
        go({ ...state, offset: 0, [facet]: state[facet].filter((v) => v !== value) })));
    }
  }
  for (const id of state.like || []) {
    box.append(chip(`like: ${id}`, () =>
      go({ ...state, offset: 0, like: state.like.filter((v) => v !== id) })));
  }
  if (state.since || state.until) {
    box.append(chip(`published: ${state.since || "…"} – ${state.until || "…"}`, () =>
      go({ ...state, offset: 0, since: "", until: "" })));
  }
}

// A facet's values as toggles of the `filter` facet's filter.
function facetList(state, name, filter, values) {
  const list = el("ul", { class: "facet", "data-facet": name });
  for (const { value, count } of values) {
    const active = state[filter].includes(value);
    const toggle = () => go({
      ...state, offset: 0,
      [filter]: active ? state[filter].filter((v) => v !== value) : [...state[filter], value],
    });
    list.append(el("li", {}, el("button", { type: "button", "aria-pressed": String(active), onclick: toggle },
      el("span", { class: "value" }, value), el("span", { class: "count" }, count.toLocaleString()))));
  }
  return list;
}

function renderFacets(state, result) {
  const lists = $("facet-lists");
  lists.replaceChildren();
  for (const [facet, filter, heading] of CO_FACETS) {
    const values = result.facets[facet] || [];
    if (values.length) lists.append(el("section", { class: "co-mentions" }, el("h2", {}, heading),
      facetList(state, facet, filter, values)));
  }
  for (const [facet, heading] of FACETS) {
    const values = result.facets[facet] || [];
    if (values.length) lists.append(el("section", {}, el("h2", {}, heading), facetList(state, facet, facet, values)));
  }
}

// Co-mentions are asked for under an entity filter ("who is named with Volcker"): their cost
// grows with the matches (positions and stored mentions of each), which a filter keeps small.
function asksCoMentions(state) {
  return ["person", "place", "org"].some((f) => state[f].length > 0);
}

// Small multiples under the histogram: the most named people's articles over time, one row of
// bars each, all rows over the same buckets.
function renderTrends(result) {
  const box = $("trends");
  box.replaceChildren();
  const series = (result.trends && result.trends.person) || [];
  box.hidden = series.length === 0;
  for (const s of series) {
    const max = Math.max(1, ...s.buckets.map((b) => b.count));
    const bars = el("div", { class: "mini-bars", "aria-hidden": "true" });
    for (const b of s.buckets) {
      const bar = el("span", { class: "mini-bar", title: `${b.value}: ${b.count}` });
      bar.style.setProperty("--h", `${b.count ? Math.max(6, (100 * b.count) / max) : 0}%`);
      bars.append(bar);
    }
    const label = `${s.value}: ${s.count} article${s.count === 1 ? "" : "s"}`;
    box.append(el("div", { class: "trend", role: "listitem", "aria-label": label },
      el("span", { class: "trend-name" }, s.value), bars,
      el("span", { class: "count" }, s.count.toLocaleString())));
  }
}

// The days a histogram bucket covers, as since/until filter bounds.
function bucketRange(granularity, value) {
  if (granularity !== "week") return [value, value];
  const end = new Date(value + "T00:00:00Z");
  end.setUTCDate(end.getUTCDate() + 6);
  return [value, end.toISOString().slice(0, 10)];
}

function renderHistogram(state, result) {
  const published = result.date_histograms && result.date_histograms.published;
  const section = $("histogram");
  const bars = $("bars");
  bars.replaceChildren();
  if (!published || !published.buckets.length) {
    section.hidden = true;
    return;
  }
  section.hidden = false;
  const max = Math.max(...published.buckets.map((b) => b.count));
  for (const bucket of published.buckets) {
    const label = `${bucket.value}: ${bucket.count} article${bucket.count === 1 ? "" : "s"}`;
    const [since, until] = bucketRange(published.granularity, bucket.value);
    const bar = el("button", {
      type: "button", class: "bar", role: "listitem", title: label, "aria-label": label,
      onclick: () => go({ ...state, offset: 0, since, until }),
    });
    bar.style.setProperty("--h", `${bucket.count ? Math.max(4, (100 * bucket.count) / max) : 0}%`);
    bars.append(bar);
  }
  const buckets = published.buckets;
  let range = `${buckets[0].value} – ${buckets[buckets.length - 1].value} by ${published.granularity}`;
  if (published.undated) range += ` · ${published.undated} undated`;
  $("histogram-range").textContent = range;
}

function renderError(error) {
  $("hits").replaceChildren();
  $("notes").replaceChildren();
  $("pager").hidden = true;
  let message = error.message;
  if (error.code === "query_syntax" && error.position !== null) {
    message += ` (at character ${error.position + 1})`;
  }
  $("summary").textContent = message;
  $("summary").classList.add("error");
}

// ---- requests ----

let latest = 0;

async function search(state) {
  const ticket = ++latest;
  $("q").value = state.q;
  $("sort").value = state.sort;
  $("collapse").checked = !!state.collapse;
  renderFilters(state);
  const params = stateParams(state);
  params.set("limit", String(PAGE_SIZE));
  if (asksCoMentions(state)) {
    for (const [facet] of [...FACETS, ...CO_FACETS]) params.append("facet", facet);
  }
  params.set("trend", "person");
  $("summary").classList.remove("error");
  $("summary").textContent = "Searching…";
  let result;
  try {
    const response = await fetch("/search?" + params.toString());
    result = await response.json();
  } catch (e) {
    result = { error: { code: "internal", message: "The server did not answer: " + e.message, position: null } };
  }
  if (ticket !== latest) return;  // a newer search has started
  if (result.error) {
    renderError(result.error);
    return;
  }
  $("summary").textContent = renderSummary(state, result);
  renderNotes(state, result);
  $("hits").replaceChildren(...result.hits.map(renderHit));
  $("hits").setAttribute("start", String(state.offset + 1));
  renderPager(state, result);
  renderFacets(state, result);
  renderHistogram(state, result);
  renderTrends(result);
}

async function openArticle(id) {
  const dialog = $("article");
  const response = await fetch("/doc/" + encodeURIComponent(id));
  const doc = await response.json();
  if (doc.error) {
    $("summary").textContent = doc.error.message;
    return;
  }
  $("article-title").textContent = doc.title || doc.id;
  $("article-meta").textContent = [doc.date, doc.source, doc.author].filter(Boolean).join(" · ");
  const entities = $("article-entities");
  entities.replaceChildren();
  for (const e of doc.entities.slice(0, 24)) {
    const filter = () => {
      dialog.close();
      const state = readState();
      if (!state[e.type].includes(e.name)) go({ ...state, offset: 0, [e.type]: [...state[e.type], e.name] });
    };
    entities.append(el("li", {}, el("button", { type: "button", class: `entity ${e.type}`, onclick: filter },
      e.name)));
  }
  $("article-body").replaceChildren(
    ...doc.body.split(/\n+/).filter((p) => p.trim()).map((p) => el("p", {}, p)));
  $("more-like-this").onclick = () => {
    dialog.close();
    const empty = Object.fromEntries(FACETS.map(([facet]) => [facet, []]));
    go({ q: "", sort: "relevance", offset: 0, since: "", until: "", ...empty, like: [doc.id] });
  };
  dialog.showModal();
}

// ---- wiring ----

document.addEventListener("DOMContentLoaded", () => {
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    go({ ...readState(), q: $("q").value.trim(), sort: $("sort").value, offset: 0 });
  });
  $("sort").addEventListener("change", () => go({ ...readState(), sort: $("sort").value, offset: 0 }));
  $("collapse").addEventListener("change", () =>
    go({ ...readState(), collapse: $("collapse").checked, offset: 0 }));
  $("prev").addEventListener("click", () => {
    const state = readState();
    go({ ...state, offset: Math.max(0, state.offset - PAGE_SIZE) });
  });
  $("next").addEventListener("click", () => {
    const state = readState();
    go({ ...state, offset: state.offset + PAGE_SIZE });
  });
  window.addEventListener("popstate", () => search(readState()));
  search(readState());
});
