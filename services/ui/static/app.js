// newswire ui: one page app over /api; every value from the data goes into the DOM as text.
const SVG = "http://www.w3.org/2000/svg";
const FILTERS = ["start", "end", "subtype", "kind", "country", "actor", "group", "min_sources", "q"];
const SUBTYPES = [
  "cell_dismantled", "arrest", "raid_search", "seizure", "extradition_deportation", "charge_indict",
  "conviction_sentence", "plot_foiled", "attack", "airstrike", "abduction", "release",
  "cooperation_agreement", "other", "unknown",
];
// Distinct hues, each dark enough for a black outline and a white page to read against.
const COLOURS = [
  "#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
  "#ff7f0e", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#5254a3",
];
const colour = (subtype) => COLOURS[Math.max(0, SUBTYPES.indexOf(subtype || "unknown")) % COLOURS.length];
const main = document.getElementById("main");
const state = { loadedAt: null, serverSkew: 0, status: null, countries: null };

// -- DOM helpers --
function h(tag, attrs = {}, ...children) {
  const el = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}
const fmt = (n) => (n === null || n === undefined ? "" : Number(n).toLocaleString("en"));
const when = (start, end) => (!start ? "undated" : start === end || !end ? start : `${start} – ${end}`);
const words = (s) => (s || "").replaceAll("_", " ");

// -- URL state: the filters live in the query string --
function filterParams() {
  const params = new URLSearchParams(location.search);
  const out = new URLSearchParams();
  for (const name of FILTERS) if (params.get(name)) out.set(name, params.get(name));
  return out;
}
function withFilters(path, extra = {}) {
  const params = filterParams();
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
function navigate(url, replace = false) {
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  route();
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

// -- filters form --
const form = document.getElementById("filters");
const filterError = document.getElementById("filter-error");
function fillForm() {
  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    const field = form.elements[name];
    if (field) field.value = params.get(name) || (name === "kind" ? "event" : "");
  }
  const qs = filterParams().toString();
  document.getElementById("export-csv").href = "/api/export.csv" + (qs ? `?${qs}` : "");
  document.getElementById("export-geojson").href = "/api/export.geojson" + (qs ? `?${qs}` : "");
}
function applyForm() {
  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    const value = (form.elements[name].value || "").trim();
    if (value && !(name === "kind" && value === "event")) params.set(name, value);
    else params.delete(name);
  }
  params.delete("offset");
  let path = location.pathname;
  if (path.startsWith("/event/") || path.startsWith("/article/")) path = "/";
  navigate(params.toString() ? `${path}?${params}` : path);
}
form.addEventListener("change", applyForm);
form.addEventListener("submit", (e) => { e.preventDefault(); applyForm(); });
form.addEventListener("reset", (e) => {
  e.preventDefault();
  const path = location.pathname.startsWith("/pipeline") ? "/pipeline" : location.pathname.startsWith("/events") ? "/events" : "/";
  navigate(path);
});
for (const subtype of SUBTYPES.slice(0, -1)) form.elements.subtype.append(h("option", { value: subtype }, words(subtype)));

document.addEventListener("click", (e) => {
  const link = e.target.closest("a[data-nav]");
  if (!link || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  navigate(link.getAttribute("href"));
});
window.addEventListener("popstate", route);

// -- the world map: Natural Earth country outlines (world-atlas TopoJSON), Web Mercator --
const WORLD = 1000; // the projected world is WORLD x WORLD units
function project(lon, lat) {
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return [((lon + 180) / 360) * WORLD, ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * WORLD];
}
let countryPaths = null;
async function countries() {
  if (countryPaths) return countryPaths;
  const topo = await (await fetch("/static/countries-110m.json")).json();
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const ring = (indexes) => {
    const points = [];
    for (const i of indexes) {
      const arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    // a ring across the antimeridian would streak across the map: split where it jumps
    let d = "";
    let last = null;
    for (const [lon, lat] of points) {
      const [x, y] = project(lon, lat);
      d += (last === null || Math.abs(lon - last) > 180 ? "M" : "L") + x.toFixed(1) + "," + y.toFixed(1);
      last = lon;
    }
    return d + "Z";
  };
  countryPaths = topo.objects.countries.geometries.map((g) => {
    const polygons = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    return { name: g.properties.name, d: polygons.map((rings) => rings.map(ring).join("")).join("") };
  });
  return countryPaths;
}

function tileLayer(group, url, view) {
  group.replaceChildren();
  if (!url) return;
  const zoom = Math.max(0, Math.min(18, Math.round(Math.log2(WORLD / view.w * 2))));
  const n = 2 ** zoom, size = WORLD / n;
  for (let x = Math.max(0, Math.floor(view.x / size)); x <= Math.min(n - 1, Math.floor((view.x + view.w) / size)); x++) {
    for (let y = Math.max(0, Math.floor(view.y / size)); y <= Math.min(n - 1, Math.floor((view.y + view.h) / size)); y++) {
      const href = url.replace("{z}", zoom).replace("{x}", x).replace("{y}", y);
      group.append(h("svg:image", { href, x: x * size, y: y * size, width: size, height: size, alt: "" }));
    }
  }
}

async function renderMap(container, data) {
  const paths = await countries();
  const idx = Object.fromEntries(data.columns.map((c, i) => [c, i]));
  const points = data.rows.map((r) => ({
    id: r[idx.id], name: r[idx.name], country: r[idx.country], count: r[idx.count], subtype: r[idx.subtype],
    kind: r[idx.record_kind], sources: r[idx.n_sources], day: r[idx.day], xy: project(r[idx.lon], r[idx.lat]),
  }));
  let view = { x: 0, y: 120, w: WORLD, h: 640 };
  if (points.length) {
    const xs = points.map((p) => p.xy[0]), ys = points.map((p) => p.xy[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const w = Math.max(60, (x1 - x0) * 1.6), hgt = Math.max(40, (y1 - y0) * 1.6);
    const aspect = 1.9;
    const vw = Math.max(w, hgt * aspect);
    view = { x: (x0 + x1) / 2 - vw / 2, y: (y0 + y1) / 2 - vw / aspect / 2, w: vw, h: vw / aspect };
  }
  const svg = h("svg:svg", {
    class: "map", role: "group", "aria-label": `Map of ${fmt(data.shown)} event sites`,
    viewBox: `${view.x} ${view.y} ${view.w} ${view.h}`, preserveAspectRatio: "xMidYMid meet",
  });
  const tiles = h("svg:g", { "aria-hidden": "true" });
  const land = h("svg:g", { "aria-hidden": "true" },
    paths.map((p) => h("svg:path", { class: "country", d: p.d }, h("svg:title", {}, p.name))));
  const dots = h("svg:g", { class: "sites" });
  const radius = (p) => (2.5 + 2.2 * Math.sqrt(p.count || 1)) * (view.w / WORLD);
  const ordered = points.slice().sort((a, b) => (b.count || 1) - (a.count || 1)); // small ones on top
  for (const p of ordered) {
    const label = `${p.name}${p.country ? " (" + p.country + ")" : ""}: ${words(p.subtype || p.kind)}` +
      `${p.count !== null ? ", " + p.count + " there" : ""}, ${p.day || "undated"}, ${p.sources} source${p.sources === 1 ? "" : "s"}`;
    const open = () => navigate(withFilters(`/event/${encodeURIComponent(p.id)}`));
    dots.append(h("svg:circle", {
      cx: p.xy[0].toFixed(2), cy: p.xy[1].toFixed(2), r: radius(p), fill: colour(p.subtype),
      tabindex: 0, role: "link", "aria-label": label, "data-event": p.id, "data-site": p.name,
      onclick: open, onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } },
    }, h("svg:title", {}, label)));
  }
  svg.append(tiles, land, dots);
  const setView = (v) => {
    view = v;
    svg.setAttribute("viewBox", `${v.x} ${v.y} ${v.w} ${v.h}`);
    for (const [i, c] of [...dots.children].entries()) c.setAttribute("r", radius(ordered[i]));
    tileLayer(tiles, state.status && state.status.tile_url, v);
  };
  const zoomBy = (factor, cx = view.x + view.w / 2, cy = view.y + view.h / 2) => {
    const w = Math.min(WORLD * 1.5, Math.max(2, view.w * factor)), hh = (view.h / view.w) * w;
    setView({ x: cx - ((cx - view.x) * w) / view.w, y: cy - ((cy - view.y) * hh) / view.h, w, h: hh });
  };
  svg.addEventListener("wheel", (e) => {
    e.preventDefault();
    const box = svg.getBoundingClientRect();
    const scale = Math.max(view.w / box.width, view.h / box.height);
    const cx = view.x + (e.clientX - box.left - (box.width - view.w / scale) / 2) * scale;
    const cy = view.y + (e.clientY - box.top - (box.height - view.h / scale) / 2) * scale;
    zoomBy(e.deltaY > 0 ? 1.25 : 0.8, cx, cy);
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (e) => { if (e.target.tagName !== "circle") drag = { x: e.clientX, y: e.clientY, view }; });
  svg.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const box = svg.getBoundingClientRect();
    const scale = Math.max(view.w / box.width, view.h / box.height);
    setView({ ...drag.view, x: drag.view.x - (e.clientX - drag.x) * scale, y: drag.view.y - (e.clientY - drag.y) * scale });
  });
  for (const end of ["pointerup", "pointerleave"]) svg.addEventListener(end, () => { drag = null; });
  const zoom = h("div", { class: "zoom" },
    h("button", { type: "button", "aria-label": "Zoom in", onclick: () => zoomBy(0.66) }, "+"),
    h("button", { type: "button", "aria-label": "Zoom out", onclick: () => zoomBy(1.5) }, "−"));
  tileLayer(tiles, state.status && state.status.tile_url, view);
  const present = [...new Set(points.map((p) => p.subtype || "unknown"))].sort();
  container.append(
    h("div", { class: "map-wrap" }, svg, zoom),
    h("ul", { class: "legend", "aria-label": "Colours by event type" },
      present.map((s) => h("li", {}, h("span", { class: "swatch", style: null, "data-colour": colour(s) }), words(s)))),
    h("p", { class: "note" }, data.total > data.shown
      ? `Showing the ${fmt(data.shown)} sites with the most sources of ${fmt(data.total)}; narrow the filters to see the rest.`
      : `${fmt(data.total)} site${data.total === 1 ? "" : "s"} with coordinates. Circles are sized by the count at each site; click or press Enter on one to open its event.`),
  );
  // colours set through the CSSOM: the page's policy allows no inline style attributes
  for (const swatch of container.querySelectorAll(".swatch")) swatch.style.background = swatch.dataset.colour;
}

// -- the timeline: stacked bars per day or week; drag to choose the date range --
function renderTimeline(container, data, onRange) {
  const W = 1000, H = 150, pad = { l: 36, r: 8, t: 8, b: 22 };
  const rows = data.rows;
  const svg = h("svg:svg", { class: "timeline", viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none", role: "img" });
  if (!rows.length) {
    svg.setAttribute("aria-label", "No dated events in the selection");
    svg.append(h("svg:text", { x: W / 2, y: H / 2, class: "axis", "text-anchor": "middle" }, "no dated events"));
    container.append(svg);
    return;
  }
  const day = (s) => Date.parse(s + "T00:00:00Z");
  const stepMs = (data.bucket === "week" ? 7 : 1) * 86400000;
  const t0 = day(rows[0][0]), t1 = day(rows[rows.length - 1][0]) + stepMs;
  const totals = new Map();
  for (const [b, , n] of rows) totals.set(b, (totals.get(b) || 0) + n);
  const max = Math.max(...totals.values());
  const x = (t) => pad.l + ((t - t0) / Math.max(1, t1 - t0)) * (W - pad.l - pad.r);
  const y = (n) => H - pad.b - (n / max) * (H - pad.t - pad.b);
  const stacked = new Map();
  const bars = h("svg:g", {});
  for (const [b, subtype, n] of rows) {
    const base = stacked.get(b) || 0;
    stacked.set(b, base + n);
    const x0 = x(day(b)), x1 = x(day(b) + stepMs);
    bars.append(h("svg:rect", {
      x: x0.toFixed(2), width: Math.max(1, x1 - x0 - 0.5).toFixed(2), y: y(base + n).toFixed(2),
      height: (y(base) - y(base + n)).toFixed(2), fill: colour(subtype),
    }, h("svg:title", {}, `${b}: ${n} ${words(subtype)}`)));
  }
  const total = [...totals.values()].reduce((a, b) => a + b, 0);
  svg.setAttribute("aria-label",
    `${fmt(total)} dated records per ${data.bucket} from ${rows[0][0]} to ${rows[rows.length - 1][0]}, at most ${max} in one ${data.bucket}`);
  const axis = h("svg:g", { class: "axis" },
    h("svg:text", { x: pad.l, y: H - 6 }, rows[0][0]),
    h("svg:text", { x: W - pad.r, y: H - 6, "text-anchor": "end" }, rows[rows.length - 1][0]),
    h("svg:text", { x: 4, y: pad.t + 10 }, String(max)));
  const brush = h("svg:rect", { class: "brush", y: pad.t, height: H - pad.t - pad.b, width: 0, x: 0, visibility: "hidden" });
  svg.append(bars, axis, brush);
  const toT = (clientX) => {
    const box = svg.getBoundingClientRect();
    const vx = ((clientX - box.left) / box.width) * W;
    return t0 + ((vx - pad.l) / (W - pad.l - pad.r)) * (t1 - t0);
  };
  let from = null;
  svg.addEventListener("pointerdown", (e) => { from = toT(e.clientX); svg.setPointerCapture(e.pointerId); });
  svg.addEventListener("pointermove", (e) => {
    if (from === null) return;
    const to = toT(e.clientX);
    brush.setAttribute("x", x(Math.min(from, to)));
    brush.setAttribute("width", Math.abs(x(to) - x(from)));
    brush.setAttribute("visibility", "visible");
  });
  svg.addEventListener("pointerup", (e) => {
    if (from === null) return;
    const to = toT(e.clientX);
    const [a, b] = [Math.max(t0, Math.min(from, to)), Math.min(t1 - 1, Math.max(from, to))];
    from = null;
    if (Math.abs(x(b) - x(a)) < 3) { brush.setAttribute("visibility", "hidden"); return; } // a click, not a drag
    const iso = (t) => new Date(t).toISOString().slice(0, 10);
    onRange(iso(a), iso(b));
  });
  container.append(svg,
    h("p", { class: "note" }, `Per ${data.bucket}; drag across the bars to set the date range.` +
      (data.undated ? ` ${fmt(data.undated)} undated record${data.undated === 1 ? "" : "s"} not shown.` : "")));
}

// -- views --
function eventRows(rows) {
  return h("div", { class: "table-wrap" }, h("table", {},
    h("thead", {}, h("tr", {}, ["When", "What", "Where", "Countries", "Who", "Group", "Sources", "Evidence"].map((c) =>
      h("th", { scope: "col", class: c === "Sources" ? "num" : null }, c)))),
    h("tbody", {}, rows.map((r) => h("tr", {},
      h("td", {}, when(r.day_start, r.day_end)),
      h("td", {}, h("a", { href: withFilters(`/event/${encodeURIComponent(r.id)}`), "data-nav": true }, words(r.subtype || r.record_kind)),
        r.record_kind !== "event" ? [" ", h("span", { class: "badge" }, r.record_kind)] : null),
      h("td", {}, (r.sites || []).join(", ")),
      h("td", {}, (r.countries || []).join(" ")),
      h("td", {}, (r.actors || []).join("; ")),
      h("td", {}, (r.groups || []).join("; ")),
      h("td", { class: "num" }, r.n_sources),
      h("td", {}, r.summary))))));
}

function setRange(start, end) {
  const params = new URLSearchParams(location.search);
  params.set("start", start);
  params.set("end", end);
  navigate(`${location.pathname}?${params}`);
}

async function mapView() {
  const qs = filterParams();
  const range = qs.get("start") && qs.get("end") ? (Date.parse(qs.get("end")) - Date.parse(qs.get("start"))) / 86400000 : Infinity;
  const bucket = range <= 120 ? "day" : "week";
  const [sites, line, table] = await Promise.all([
    api(`/api/map?${qs}`), api(`/api/timeline?${qs}&bucket=${bucket}`), api(`/api/events?${qs}&limit=20`),
  ]);
  const mapBox = h("section", { "aria-labelledby": "map-h" }, h("h1", { id: "map-h" }, "Where"));
  await renderMap(mapBox, sites);
  const lineBox = h("section", { "aria-labelledby": "line-h" }, h("h2", { id: "line-h" }, "When"));
  renderTimeline(lineBox, line, setRange);
  const list = h("section", { "aria-labelledby": "list-h" },
    h("h2", { id: "list-h" }, `Latest of ${fmt(table.total)} record${table.total === 1 ? "" : "s"}`),
    eventRows(table.rows), h("p", {}, h("a", { href: withFilters("/events"), "data-nav": true }, "All of them in a table")));
  return [mapBox, lineBox, list];
}

async function eventsView() {
  const params = new URLSearchParams(location.search);
  const offset = Number(params.get("offset") || 0), limit = 100;
  const sort = params.get("sort") === "sources" ? "sources" : "date";
  const data = await api(`/api/events?${filterParams()}&limit=${limit}&offset=${offset}&sort=${sort}`);
  const page = (o) => withFilters("/events", { offset: o, sort });
  const pager = h("div", { class: "pager" },
    offset > 0 ? h("a", { href: page(Math.max(0, offset - limit)), "data-nav": true }, "← newer") : null,
    h("span", {}, data.total ? `${fmt(offset + 1)}–${fmt(Math.min(offset + limit, data.total))} of ${fmt(data.total)}` : "no records"),
    offset + limit < data.total ? h("a", { href: page(offset + limit), "data-nav": true }, "older →") : null,
    h("a", { href: withFilters("/events", { sort: sort === "date" ? "sources" : "date" }), "data-nav": true },
      sort === "date" ? "sort by sources" : "sort by date"));
  return [h("h1", {}, "Events"), pager, eventRows(data.rows), pager.cloneNode(true)];
}

// The text with the given spans marked. A span whose offsets do not hold its text (an article
// re-extracted since) is found by its text instead; one found nowhere is listed, not guessed.
function highlighted(text, spans) {
  const placed = [];
  const missing = [];
  for (const s of spans) {
    let { start, end } = s;
    if (text.slice(start, end) !== s.text) {
      const at = s.text ? text.indexOf(s.text) : -1;
      if (at < 0) { missing.push(s); continue; }
      [start, end] = [at, at + s.text.length];
    }
    placed.push({ ...s, start, end });
  }
  placed.sort((a, b) => a.start - b.start || b.end - a.end);
  const out = h("div", { class: "text" });
  let at = 0;
  for (const s of placed) {
    if (s.start < at) continue; // overlapping: the first one shown
    out.append(text.slice(at, s.start));
    out.append(h("mark", { class: s.other ? "other" : null, "data-start": s.start, "data-end": s.end, title: s.label || null },
      text.slice(s.start, s.end)));
    at = s.end;
  }
  out.append(text.slice(at));
  return { node: out, missing };
}

const RULES = {
  first: "started this event",
  "time+place": "joined because its time fits and it names the same place",
  "time+2-of(actors,counts,text)": "joined because its time fits and two of actors, counts and wording agree",
};
function evidenceInWords(m, mentions, articles) {
  const mention = mentions.find((x) => x.mention_id === m.mention_id);
  const article = mention && articles.find((a) => a.article_id === mention.article_id);
  const who = article ? `${article.sitename || new URL(article.url).host} (${article.published_at || "undated"})` : m.mention_id;
  const rule = RULES[m.rule] || `joined by rule ${m.rule}`;
  const scores = m.rule === "first" ? "" :
    `: time ${m.time}, place ${m.place.toFixed(2)}, actors ${m.actors.toFixed(2)}, counts ${m.counts.toFixed(2)}, wording ${m.text.toFixed(2)}`;
  return h("li", {}, `The report of ${who} ${rule}${scores}.`);
}

function fields(pairs) {
  return h("dl", { class: "fields" }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

async function eventView(id) {
  const data = await api(`/api/event/${encodeURIComponent(id)}`);
  const e = data.event;
  const standalone = Boolean(e.standalone);
  const time = e.time || {};
  const sites = standalone ? e.sites : e.sites.map((s) => s.site);
  const title = `${words(e.subtype || e.record_kind || "event")}, ${when(time.start, time.end)}` +
    (sites.length ? `, ${sites.map((s) => s.name).join(", ")}` : "");
  const siteTable = sites.length ? h("table", {},
    h("thead", {}, h("tr", {}, ["Site", "Country", "Count there", "Role", "Precision"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, sites.map((s) => h("tr", {}, h("td", {}, s.name), h("td", {}, s.country || ""), h("td", {}, s.count ?? ""),
      h("td", {}, words(s.role)), h("td", {}, s.precision))))) : "none found";
  const quantities = (e.quantities || []).map((q) => `${q.value ?? `${q.min}–${q.max}`}${q.approx ? " (about)" : ""} ${words(q.kind)}`).join("; ");
  const actors = (e.actors || []).map((a) => `${a.name}${a.country ? " (" + a.country + ")" : ""}`).join("; ");
  const groups = standalone ? (e.targets || []).map((t) => t.affiliation).filter(Boolean).join("; ") : (e.affiliations || []).join("; ");
  const out = [
    h("p", {}, h("a", { href: withFilters("/"), "data-nav": true }, "← map")),
    h("h1", {}, title),
    fields([
      ["Kind", standalone ? e.record_kind : `real-world event, version ${e.version}`],
      ["Type", `${e.event_type}${e.subtype ? " / " + words(e.subtype) : ""}`],
      ["When", `${when(time.start, time.end)} (${time.precision}${time.text ? `, from “${time.text}”` : ""})`],
      ["Actors", actors],
      ["Groups", groups],
      ["Quantities", quantities],
      ["Countries", (e.countries || []).join(" ")],
      ["Reported by", standalone ? null : `${e.n_sources} article${e.n_sources === 1 ? "" : "s"} from ${e.n_outlets} outlet${e.n_outlets === 1 ? "" : "s"}`],
    ]),
    h("h2", {}, "Sites"), siteTable,
  ];
  if (!standalone && e.conflicts && e.conflicts.length) {
    out.push(h("h2", {}, "Where the reports disagree"),
      h("ul", { class: "plain" }, e.conflicts.map((c) => h("li", { class: "conflict" }, `${words(c.field)}: ${c.values.join(" vs ")}`))));
  }
  if (!standalone && e.merge_evidence && e.merge_evidence.length) {
    out.push(h("h2", {}, e.n_sources > 1 ? "Why these reports are one event" : "How the event was formed"),
      h("ul", { class: "plain" }, e.merge_evidence.map((m) => evidenceInWords(m, data.mentions, data.articles))));
  }
  out.push(h("h2", {}, `The articles (${data.articles.length})`));
  for (const a of data.articles) {
    const spans = data.mentions.filter((m) => m.article_id === a.article_id).flatMap((m) => m.evidence);
    const { node, missing } = highlighted(a.text || "", spans);
    out.push(h("article", { class: "article", "data-article": a.article_id },
      h("header", {},
        h("h3", {}, h("a", { href: withFilters(`/article/${encodeURIComponent(a.article_id)}`), "data-nav": true }, a.title || a.url)),
        h("span", {}, a.sitename || new URL(a.url).host), h("span", {}, a.published_at || "undated"),
        h("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, "original")),
      node,
      missing.length ? h("p", { class: "note" }, `${missing.length} evidence span(s) not found in this text: `, missing.map((s) => `“${s.text}”`).join(" ")) : null));
  }
  return out;
}

async function articleView(id) {
  const data = await api(`/api/article/${encodeURIComponent(id)}`);
  const a = data.article;
  const spans = data.mentions.flatMap((m) => m.evidence.map((s) => ({
    ...s, other: m.record_kind !== "event", label: `${m.record_kind}: ${words(m.subtype || m.event_type)}`,
  })));
  const { node, missing } = highlighted(a.text || "", spans);
  return [
    h("p", {}, h("a", { href: withFilters("/"), "data-nav": true }, "← map")),
    h("h1", {}, a.title || a.url),
    fields([
      ["Outlet", a.sitename || new URL(a.url).host],
      ["Published", a.published_at ? `${a.published_at}${a.published_at_source ? " (from " + words(a.published_at_source) + ")" : ""}` : "undated"],
      ["Authors", (a.authors || []).join(", ")],
      ["Language", a.language],
      ["URL", h("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, a.url)],
      ["Words", fmt(a.word_count)],
      ["Fetched", a.fetched_at],
      ["Extractor", a.extractor],
      ["Copy of", a.duplicate_of ? h("a", { href: `/article/${encodeURIComponent(a.duplicate_of)}`, "data-nav": true }, a.duplicate_of) : null],
    ]),
    h("h2", {}, `Records from this article (${data.mentions.length})`),
    h("ul", { class: "plain" }, data.mentions.map((m) => h("li", {},
      h("a", { href: withFilters(`/event/${encodeURIComponent(m.linked_event_id || m.mention_id)}`), "data-nav": true },
        `${words(m.subtype || m.event_type)}`), ` (${m.record_kind}, ${m.factuality}): “${m.evidence[0].text.slice(0, 160)}”`))),
    h("h2", {}, "Text"), h("p", { class: "note" }, "Evidence of events is marked in yellow, of other records in blue."), node,
    missing.length ? h("p", { class: "note" }, `${missing.length} evidence span(s) not found in the text.`) : null,
    h("h2", {}, `Removed as page chrome (${(a.trimmed || []).length})`),
    h("ul", { class: "plain" }, (a.trimmed || []).map((t) => h("li", {}, t))),
  ];
}

async function pipelineView() {
  const [data, feeds] = await Promise.all([api("/api/pipeline"), api("/api/feeds")]);
  const tables = Object.keys(data.rows_per_day);
  const days = [...new Set(tables.flatMap((t) => data.rows_per_day[t].map(([d]) => d)))].sort().reverse().slice(0, 30);
  const count = (t, d) => (data.rows_per_day[t].find(([x]) => x === d) || [null, ""])[1];
  return [
    h("h1", {}, "Pipeline"),
    h("h2", {}, "Feeds"),
    feeds.connected || feeds.feeds.length ? h("div", { class: "table-wrap" }, h("table", {},
      h("thead", {}, h("tr", {}, ["Feed", "Outcome", "Entries", "New", "Polls", "Errors in a row", "Last new item", "Polled"].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, feeds.feeds.map((f) => h("tr", {}, h("td", {}, f.feed_name || f.feed_url),
        h("td", {}, f.outcome + (f.error ? `: ${f.error}` : "")), h("td", { class: "num" }, f.entries), h("td", { class: "num" }, f.new_entries),
        h("td", { class: "num" }, f.polls), h("td", { class: "num" }, f.consecutive_errors), h("td", {}, f.last_new_item_at || ""), h("td", {}, f.polled_at))))))
      : h("p", { class: "note" }, `Feed health is read from the broker: ${feeds.error}.`),
    h("h2", {}, "Dead letters by stage and reason"),
    data.deadletters.length ? h("table", {},
      h("thead", {}, h("tr", {}, ["Stage", "Reason", "Count", "Latest"].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, data.deadletters.map((d) => h("tr", {}, h("td", {}, d.stage), h("td", {}, d.reason), h("td", { class: "num" }, fmt(d.n)), h("td", {}, d.latest)))))
      : h("p", { class: "note" }, "No dead letters."),
    data.examples.length ? [h("h2", {}, "Latest examples"), h("ul", { class: "plain" }, data.examples.map((x) =>
      h("li", {}, h("strong", {}, `${x.stage} / ${x.reason}`), ` ${x.error_class} (${x.error_kind}, ${x.attempts} attempt${x.attempts === 1 ? "" : "s"}, ${x.last_failed_at}): `,
        x.subject ? h("code", {}, x.subject) : null, ` ${x.message}`)))] : null,
    h("h2", {}, "Rows per table per day (latest 30 days with rows)"),
    h("div", { class: "table-wrap" }, h("table", {},
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Day"), tables.map((t) => h("th", { scope: "col", class: "num" }, t)))),
      h("tbody", {}, days.map((d) => h("tr", {}, h("th", { scope: "row" }, d), tables.map((t) => h("td", { class: "num" }, fmt(count(t, d))))))))),
  ];
}

// -- routing and live updates --
let rendering = 0;
async function route() {
  const path = location.pathname;
  const view = path.startsWith("/events") ? "events" : path.startsWith("/pipeline") ? "pipeline" : path === "/" ? "map" : null;
  for (const a of document.querySelectorAll("nav a")) {
    if (a.dataset.view === view) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  form.hidden = view === "pipeline";
  fillForm();
  const mine = ++rendering;
  filterError.hidden = true;
  try {
    let nodes;
    if (path.startsWith("/event/")) nodes = await eventView(decodeURIComponent(path.slice(7)));
    else if (path.startsWith("/article/")) nodes = await articleView(decodeURIComponent(path.slice(9)));
    else if (view === "events") nodes = await eventsView();
    else if (view === "pipeline") nodes = await pipelineView();
    else nodes = await mapView();
    if (mine !== rendering) return; // a newer navigation won
    main.replaceChildren(...nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false));
    const heading = main.querySelector("h1");
    document.title = heading ? `${heading.textContent} · newswire` : "newswire";
    main.dataset.rendered = String(Date.now());
    main.dataset.path = location.pathname + location.search; // what is on screen (tests wait on it)
  } catch (err) {
    if (mine !== rendering) return;
    filterError.textContent = err.message;
    filterError.hidden = false;
    main.replaceChildren(h("p", { class: "note" }, "Nothing to show for this selection."));
  }
}

function showAge() {
  const el = document.getElementById("updated");
  if (state.loadedAt === null) return;
  const seconds = Math.max(0, Math.round(Date.now() / 1000 - state.serverSkew - state.loadedAt));
  const failed = state.status && state.status.reload_error;
  el.textContent = `updated ${seconds} s ago` + (failed ? ` (newer files unreadable: ${failed})` : "");
}
async function poll() {
  try {
    const status = await api("/api/status");
    state.serverSkew = Date.now() / 1000 - status.now;
    state.status = status;
    if (state.loadedAt !== null && status.loaded_at !== state.loadedAt) {
      state.loadedAt = status.loaded_at;
      await route(); // new rows: redraw what is on screen
    }
    state.loadedAt = status.loaded_at;
    showAge();
  } catch (err) {
    document.getElementById("updated").textContent = "server unreachable";
  }
}
setInterval(showAge, 1000);
setInterval(poll, 2000);
async function loadFacets() {
  try {
    const facets = await api("/api/facets");
    const select = form.elements.country;
    const chosen = new URLSearchParams(location.search).get("country");
    for (const c of facets.countries) select.append(h("option", { value: c }, c));
    if (chosen && !facets.countries.includes(chosen)) select.append(h("option", { value: chosen }, chosen));
  } catch (err) {
    /* the filter still takes a typed value through the URL */
  }
}
Promise.all([poll(), loadFacets()]).then(route);
