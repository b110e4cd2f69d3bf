// eventwire's page script: the map (Leaflet over the countries' outlines), the
// timeline (plain SVG) and the article panel. Data comes from the JSON API with the
// page's own filters (data-qs), so the table, map and timeline always agree.
(function () {
  "use strict";

  function api(path, qs) {
    var sep = path.indexOf("?") < 0 ? "?" : "&";
    return fetch(path + (qs ? sep + qs : "")).then(function (r) {
      if (!r.ok) { throw new Error(path + ": HTTP " + r.status); }
      return r.json();
    });
  }

  var panel = document.getElementById("panel");

  function openArticle(articleId, eventId) {
    var url = "/articles/" + encodeURIComponent(articleId) + "?partial=true";
    if (eventId) { url += "&event=" + encodeURIComponent(eventId); }
    return fetch(url).then(function (r) { return r.text(); }).then(function (html) {
      panel.innerHTML = html;
      var rows = document.querySelectorAll("table.events tbody tr");
      rows.forEach(function (tr) { tr.classList.toggle("selected", tr.dataset.event === eventId); });
      var chosen = panel.querySelector("section.event.chosen");
      var first = panel.querySelector("mark.hl-sentence");
      if (first) { first.scrollIntoView({block: "center"}); }
      panel.dataset.event = eventId || "";
      return chosen;
    });
  }
  window.eventwireOpen = openArticle;

  document.querySelectorAll("table.events tbody tr[data-event]").forEach(function (tr) {
    tr.addEventListener("click", function (ev) {
      ev.preventDefault();
      openArticle(tr.dataset.article, tr.dataset.event);
    });
  });

  // ---------------------------------------------------------------- map
  function drawMap(el) {
    var qs = el.dataset.qs;
    var map = L.map(el, {worldCopyJump: true, minZoom: 1, maxZoom: 12}).setView([30, 20], 2);
    window.eventwireMap = map;
    fetch("/map/countries.geojson").then(function (r) { return r.json(); })
      .then(function (land) {
        L.geoJSON(land, {interactive: false, style: {color: "#8c96a3", weight: 0.6, fillColor: "#f4f1e8", fillOpacity: 1}})
          .addTo(map).bringToBack();
      });
    api("/api/events?limit=10000", qs).then(function (page) {
      var markers = [];
      page.events.forEach(function (e) {
        if (e.lat === null || e.lon === null) { return; }
        var radius = 6 + Math.min(10, Math.sqrt(e.fatalities || 0) * 1.5);
        var m = L.circleMarker([e.lat, e.lon], {radius: radius, color: "#7a1010", weight: 1.5,
          fillColor: e.fatalities ? "#d7301f" : "#fc8d59", fillOpacity: 0.8, className: "ew-marker"});
        // Leaflet puts a string tooltip in as HTML: give it a text node, never markup
        m.bindTooltip(document.createTextNode((e.date_start || "") + " " + e.plover + " — " + (e.location || "")));
        m.on("click", function () { openArticle(e.article_id, e.id); });
        m.addTo(map);
        var path = m.getElement && m.getElement();
        if (path) { path.setAttribute("data-event", e.id); path.setAttribute("data-lat", e.lat); path.setAttribute("data-lon", e.lon); }
        markers.push(m);
      });
      if (markers.length) {
        map.fitBounds(L.featureGroup(markers).getBounds().pad(0.5), {maxZoom: 6, animate: false});
      }
      el.dataset.markers = String(markers.length);
    }).catch(function (err) { el.dataset.error = String(err); });
  }

  // ---------------------------------------------------------------- timeline
  var SVG = "http://www.w3.org/2000/svg";
  function svgEl(name, attrs, text) {
    var n = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text !== undefined) { n.textContent = text; }
    return n;
  }
  function dayNumber(s) { return Math.round(Date.parse(s + "T00:00:00Z") / 86400000); }
  function dayString(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }

  function drawTimeline(svg) {
    api("/api/counts?by=day", svg.dataset.qs).then(function (rows) {
      rows = rows.filter(function (r) { return r.key; });
      var w = svg.clientWidth || 600, h = svg.clientHeight || 130, pad = {l: 34, r: 34, t: 8, b: 20};
      if (!rows.length) { svg.appendChild(svgEl("text", {x: w / 2, y: h / 2, "text-anchor": "middle"}, "no dated events")); return; }
      var d0 = dayNumber(rows[0].key) - 1, d1 = dayNumber(rows[rows.length - 1].key) + 1;
      var maxE = Math.max.apply(null, rows.map(function (r) { return r.events; }));
      var maxF = Math.max(1, Math.max.apply(null, rows.map(function (r) { return r.fatalities; })));
      var x = function (d) { return pad.l + (d - d0) / (d1 - d0) * (w - pad.l - pad.r); };
      var bw = Math.max(2, (w - pad.l - pad.r) / (d1 - d0 + 1) * 0.7);
      var yE = function (v) { return h - pad.b - v / maxE * (h - pad.t - pad.b); };
      var yF = function (v) { return h - pad.b - v / maxF * (h - pad.t - pad.b); };
      svg.appendChild(svgEl("line", {x1: pad.l, x2: w - pad.r, y1: h - pad.b, y2: h - pad.b, stroke: "#999"}));
      var line = [];
      rows.forEach(function (r) {
        var d = dayNumber(r.key);
        var bar = svgEl("rect", {x: x(d) - bw / 2, y: yE(r.events), width: bw, height: h - pad.b - yE(r.events), fill: "#4c78a8", "class": "bar"});
        bar.appendChild(svgEl("title", {}, r.key + ": " + r.events + " events, " + r.fatalities + " fatalities"));
        svg.appendChild(bar);
        line.push(x(d) + "," + yF(r.fatalities));
      });
      svg.appendChild(svgEl("polyline", {points: line.join(" "), fill: "none", stroke: "#d7301f", "stroke-width": 2}));
      rows.forEach(function (r) { svg.appendChild(svgEl("circle", {cx: x(dayNumber(r.key)), cy: yF(r.fatalities), r: 3, fill: "#d7301f"})); });
      svg.appendChild(svgEl("text", {x: pad.l - 4, y: pad.t + 8, "text-anchor": "end", "font-size": 10, fill: "#4c78a8"}, String(maxE)));
      svg.appendChild(svgEl("text", {x: w - pad.r + 4, y: pad.t + 8, "font-size": 10, fill: "#d7301f"}, String(maxF)));
      svg.appendChild(svgEl("text", {x: pad.l, y: h - 4, "font-size": 10}, dayString(d0 + 1)));
      svg.appendChild(svgEl("text", {x: w - pad.r, y: h - 4, "font-size": 10, "text-anchor": "end"}, dayString(d1 - 1)));
    });
  }

  var mapEl = document.getElementById("map");
  if (mapEl && window.L) { drawMap(mapEl); }
  var tl = document.getElementById("timeline");
  if (tl) { drawTimeline(tl); }
})();
