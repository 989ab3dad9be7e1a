/* storyline report: filters and the offline map. Reads only what the page already holds. */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var events = Array.prototype.slice.call(document.querySelectorAll("article.event"));
  var years = Array.prototype.slice.call(document.querySelectorAll("h3.year"));
  var controls = ["f-text", "f-outlet", "f-type", "f-place", "f-from", "f-to"].map($);
  var markers = [];
  events.forEach(function (el) { el.dataset.search = el.textContent.toLowerCase(); });

  function overlaps(el, from, to) {
    if (!from && !to) { return true; }
    if (!el.dataset.start) { return true; }  /* undated events are not filtered by date */
    return (!from || el.dataset.end >= from) && (!to || el.dataset.start <= to);
  }

  function apply() {
    var text = $("f-text").value.trim().toLowerCase(), outlet = $("f-outlet").value;
    var type = $("f-type").value, place = $("f-place").value, from = $("f-from").value, to = $("f-to").value;
    var shown = 0, visiblePlaces = {};
    events.forEach(function (el) {
      var ok = (!text || el.dataset.search.indexOf(text) >= 0)
        && (!outlet || el.dataset.outlets.split("|").indexOf(outlet) >= 0)
        && (!type || el.dataset.type === type)
        && (!place || el.dataset.place === place)
        && overlaps(el, from, to);
      el.classList.toggle("hidden", !ok);
      if (ok) { shown += 1; visiblePlaces[el.dataset.place] = true; }
    });
    years.forEach(function (h) {
      var next = h.nextElementSibling, any = false;
      while (next && next.tagName !== "H3" && next.tagName !== "H2") {
        if (next.classList.contains("event") && !next.classList.contains("hidden")) { any = true; }
        next = next.nextElementSibling;
      }
      h.classList.toggle("hidden", !any);
    });
    markers.forEach(function (m) {
      m.el.classList.toggle("dim", !visiblePlaces[m.placeId]);
      m.el.classList.toggle("selected", place === m.placeId);
    });
    $("f-count").textContent = "showing " + shown + " of " + events.length + " events";
  }

  controls.forEach(function (c) { if (c) { c.addEventListener("input", apply); c.addEventListener("change", apply); } });
  $("f-reset").addEventListener("click", function () {
    controls.forEach(function (c) { c.value = ""; });
    apply();
  });

  function svg(name, attrs, parent) {
    var el = document.createElementNS("http://www.w3.org/2000/svg", name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(el); }
    return el;
  }

  function drawMap(mode) {
    var map = $("map");
    if (!map || typeof d3 === "undefined" || typeof topojson === "undefined") { return; }
    var config = JSON.parse($("map-data").textContent), points = config.points;
    var world = JSON.parse($("world-data").textContent);
    var land = topojson.feature(world, world.objects.countries);
    var width = 480, height = 360;
    var projection = d3.geoNaturalEarth1();
    while (map.firstChild) { map.removeChild(map.firstChild); }
    markers = [];
    if (config.focus && mode !== "world") {
      var b = config.focus;  /* west, south, east, north */
      projection.fitExtent([[10, 10], [width - 10, height - 10]], { type: "Feature", geometry: {
        type: "MultiPoint", coordinates: [[b[0], b[1]], [b[2], b[3]], [b[0], b[3]], [b[2], b[1]]] } });
    } else {
      projection.fitExtent([[4, 4], [width - 4, height - 4]], { type: "Sphere" });
    }
    var path = d3.geoPath(projection);
    svg("path", { "class": "graticule", d: path(d3.geoGraticule10()) }, map);
    var countries = svg("g", { "class": "countries" }, map);
    land.features.forEach(function (f) { svg("path", { "class": "country", d: path(f) || "" }, countries); });
    var layer = svg("g", { "class": "markers" }, map), labels = svg("g", { "class": "labels" }, map);
    var placed = [], outside = 0;
    points.forEach(function (p) {
      var xy = projection([p.lon, p.lat]);
      if (!xy || xy[0] < 0 || xy[0] > width || xy[1] < 0 || xy[1] > height) { outside += 1; return; }
      var r = 3 + Math.min(9, 2 * Math.sqrt(p.events.length));
      var c = svg("circle", { "class": "marker" + (p.conflict ? " conflict" : ""),
        cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: r.toFixed(1) }, layer);
      c.setAttribute("data-place", p.place_id);
      var title = svg("title", {}, c);
      title.textContent = p.name + " (" + p.events.length + ")\n" + p.events.slice(0, 12).map(function (e) { return e.label; }).join("\n");
      if (placed.length < config.max_labels) {
        var label = svg("text", { "class": "label", x: (xy[0] + r + 2).toFixed(1), y: (xy[1] + 4).toFixed(1) }, labels);
        label.textContent = p.name;
        var box = label.getBBox();
        var clash = placed.some(function (o) {
          return box.x < o.x + o.width && o.x < box.x + box.width && box.y < o.y + o.height && o.y < box.y + box.height;
        });
        if (clash || box.x + box.width > width) { labels.removeChild(label); } else { placed.push(box); }
      }
      c.addEventListener("click", function () {
        var select = $("f-place");
        select.value = select.value === p.place_id ? "" : p.place_id;
        apply();
        var first = $(p.events[0].anchor);
        if (first && select.value) {
          first.scrollIntoView({ behavior: "smooth", block: "start" });
          first.classList.add("flash");
          setTimeout(function () { first.classList.remove("flash"); }, 1500);
        }
      });
      markers.push({ el: c, placeId: p.place_id });
    });
    $("map-outside").textContent = outside ? outside + " place" + (outside === 1 ? "" : "s") + " outside this view" : "";
    map.setAttribute("data-drawn", String(land.features.length));
  }

  $("map-toggle").addEventListener("click", function () {
    var button = $("map-toggle"), next = button.dataset.view === "focus" ? "world" : "focus";
    button.dataset.view = next;
    button.textContent = next === "focus" ? "Whole world" : "Focus on events";
    drawMap(next);
    apply();
  });

  function measureFilters() {
    var bar = $("filters");
    document.documentElement.style.setProperty("--sticky-top", (bar.offsetHeight + 6) + "px");
  }
  window.addEventListener("resize", measureFilters);
  measureFilters();

  try { drawMap("focus"); } catch (err) { $("map-note").textContent = "The map could not be drawn: " + err; }
  apply();
}());
