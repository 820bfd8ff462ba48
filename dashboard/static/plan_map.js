/* The Plan page's map in the browser: Leaflet drawing on one canvas (dashboard/plan/map_layers.py sends the data).
 *
 * kmPlan.init(map, data) runs once per map (the base map's script): it draws the tambons from TopoJSON, the amphoe
 * borders (the tambon borders between two amphoe, and the province's outline, from the same arcs), writes amphoe
 * and tambon names as the planner zooms in, keeps every tooltip inside the map, and keeps the villages' fixed data
 * (codes, points, names) for kmPlan.show.
 *
 * kmPlan.show(group, state, send) runs on every rerun (streamlit-folium swaps the group into the live map without
 * rebuilding it): it draws the outlines of pilot and fully locked tambons, every village coloured by wave with a
 * ring when it is locked, and fits the map to what the planner asked to see (the selection, what moved). `send` is
 * streamlit-folium's own "report the map's state now": a click is reported at once instead of after the
 * component's 250 ms pause for map moves.
 *
 * kmPlan.report() says what is drawn, for tests and the speed bench.
 */
(function () {
  "use strict";

  var base = null;     // what init keeps for show: the map, villages' fixed data, words, tambon shapes
  var shown = null;    // what the last show drew

  function table(rows) {
    var div = L.DomUtil.create("div");
    div.innerHTML = "<table>" + rows.map(function (row) {
      return "<tr><th>" + row[0] + "</th><td>" + row[1] + "</td></tr>";
    }).join("") + "</table>";
    return div;
  }

  // Leaflet places a tooltip beside its point even past the map's edge, where the frame cuts it off: move it in.
  function keepTooltipsInside() {
    if (L.Tooltip.prototype._kmInside) return;
    var place = L.Tooltip.prototype._setPosition;
    L.Tooltip.prototype._setPosition = function (pos) {
      place.call(this, pos);
      var map = this._map, box = this._container;
      if (this.options.permanent || !map || !box) return;
      var margin = 4, size = map.getSize(), at = L.DomUtil.getPosition(box);
      var corner = map.layerPointToContainerPoint(at);
      var dx = Math.max(margin - corner.x, Math.min(0, size.x - margin - corner.x - box.offsetWidth));
      var dy = Math.max(margin - corner.y, Math.min(0, size.y - margin - corner.y - box.offsetHeight));
      L.DomUtil[dx || dy ? "addClass" : "removeClass"](box, "km-moved-in");
      if (dx || dy) L.DomUtil.setPosition(box, at.add([dx, dy]));
    };
    L.Tooltip.prototype._kmInside = true;
  }

  function nameLayer(points, names, className) {
    var group = L.layerGroup();
    points.forEach(function (point) {
      if (!names[point[2]]) return;
      group.addLayer(L.tooltip({permanent: true, direction: "center", className: className, interactive: false})
        .setLatLng([point[0], point[1]]).setContent(names[point[2]]));
    });
    return group;
  }

  // Names appear from a zoom level on: amphoe first, then tambons.
  function namesByZoom(map, layers) {
    function update() {
      var zoom = map.getZoom();
      layers.forEach(function (entry) {
        var wanted = zoom >= entry.zoom;
        if (wanted && !map.hasLayer(entry.layer)) map.addLayer(entry.layer);
        if (!wanted && map.hasLayer(entry.layer)) map.removeLayer(entry.layer);
      });
    }
    map.on("zoomend", update);
    update();
  }

  // Fit the province beside the legend (upper left) when the map is wide enough; fold the legend when it is not
  // (a phone: the same rule as the legend's own, dashboard/common/maps.py).
  function fitProvince(map, bounds, foldBelow) {
    var legend = document.querySelector(".km-legend");
    var width = map.getSize().x;
    if (legend && legend.open && (width < foldBelow || width < 2.4 * legend.offsetWidth)) legend.open = false;
    var left = legend && legend.open ? legend.offsetWidth + 12 : 0;
    map.fitBounds(bounds, {paddingTopLeft: [left, 0], paddingBottomRight: [0, 0], animate: false});
  }

  function villageRows(i, state) {
    var v = base.villages, words = base.words, code = String(v.codes[i]);
    var wave = state.waves[state.wave[i]];
    var tambon = code.slice(0, 6), amphoe = code.slice(0, 4);
    return [[words.village, v.namePrefix + v.names[i]], [words.code, code], [words.moo, v.moo ? v.moo[i] : Number(code.slice(-2))],
            [words.tambon, base.tambonNames[tambon] || tambon], [words.amphoe, base.amphoeNames[amphoe] || amphoe],
            [words.wave, wave ? state.waveNames[wave] || wave : words.unassigned],
            [words.lock, state.locked[i] ? words.locked : words.unlocked],
            [words.reason, words.reasons[state.reasons[state.reason[i]]] || ""],
            [words.quality, words.qualities[v.quality[i]] || ""]];
  }

  function latLng(i) {
    var v = base.villages;
    return [v.origin[0] + v.lat[i] / v.scale, v.origin[1] + v.lon[i] / v.scale];
  }

  function outlines(codes, style) {
    var shapes = codes.map(function (code) { return base.tambonShapes[code]; }).filter(Boolean);
    return L.geoJson(shapes, {style: function () { return style; }, interactive: false});
  }

  function reportNow(send) {
    if (typeof send !== "function") return function () {};
    return function () { setTimeout(function () { send(window.map); }, 0); };
  }

  window.kmPlan = {
    init: function (map, data) {
      keepTooltipsInside();
      var words = data.words, topo = data.topo, object = topo.objects[data.object];
      var features = topojson.feature(topo, object).features;
      var tambons = L.geoJson(features, {style: function () { return data.styles.tambon; }});
      tambons.bindTooltip(function (layer) {
        var code = layer.feature.properties.tambon_code;
        return table([[words.tambon, data.tambonNames[code] || code], [words.code, code]]);
      }, {sticky: true, className: "foliumtooltip"});
      tambons.addTo(map);
      var borders = topojson.mesh(topo, object, function (a, b) {
        return a === b || a.properties.tambon_code.slice(0, 4) !== b.properties.tambon_code.slice(0, 4);
      });
      L.geoJson(borders, {style: function () { return data.styles.amphoe; }, interactive: false}).addTo(map);
      namesByZoom(map, [
        {zoom: data.nameZoom.amphoe, layer: nameLayer(data.amphoePoints, data.amphoeNames, "km-name km-amphoe")},
        {zoom: data.nameZoom.tambon, layer: nameLayer(data.tambonPoints, data.tambonNames, "km-name km-tambon")}]);
      var tambonShapes = {};
      features.forEach(function (f) { tambonShapes[f.properties.tambon_code] = f; });
      base = {map: map, villages: data.villages, words: words, tambons: tambons, tambonNames: data.tambonNames,
              tambonShapes: tambonShapes, amphoeNames: data.amphoeNames, sending: false};
      fitProvince(map, data.bounds, data.foldLegendBelow);
    },

    show: function (group, state, send) {
      if (!base) return;
      var map = base.map, v = base.villages, count = v.codes.length;
      var now = reportNow(send);
      if (!base.sending && typeof send === "function") {   // tambon clicks and drawn shapes, once per map
        base.tambons.on("click", now);
        map.on("draw:created", now);
        base.sending = true;
      }
      group.addLayer(outlines(state.pilotTambons, state.styles.pilotTambon));
      group.addLayer(outlines(state.lockedTambons, state.styles.lockedTambon));
      var dots = L.featureGroup(), rings = L.featureGroup(), ringed = [];
      for (var i = 0; i < count; i++) {
        var dot = L.circleMarker(latLng(i), state.styles.village[state.style[i]]);
        dot.feature = {type: "Feature", properties: {village_code: String(v.codes[i])}};
        dot.kmIndex = i;
        dots.addLayer(dot);
        if (state.locked[i]) {
          rings.addLayer(L.circleMarker(latLng(i), L.extend({interactive: false},
            state.styles.lockRing, {radius: dot.options.radius + state.styles.lockRing.gap})));
          ringed.push(String(v.codes[i]));
        }
      }
      dots.bindTooltip(function (layer) { return table(villageRows(layer.kmIndex, state)); },
                       {sticky: false, direction: "auto", className: "foliumtooltip"});
      dots.on("click", now);
      group.addLayer(dots);
      group.addLayer(rings);
      shown = {villages: dots, rings: ringed, pilotTambons: state.pilotTambons,
               lockedTambons: state.lockedTambons, token: state.token, painted: false};
      var mine = shown;
      requestAnimationFrame(function () { requestAnimationFrame(function () { mine.painted = true; }); });
      if (state.fit && window.kmPlanFitted !== state.fit.token) {
        window.kmPlanFitted = state.fit.token;
        map.fitBounds(state.fit.bounds, {maxZoom: state.fit.maxZoom, padding: [40, 40], animate: false});
      }
    },

    report: function () {
      if (!base || !shown) return {ready: false};
      var onMap = 0;
      shown.villages.eachLayer(function (dot) { if (dot._map) onMap += 1; });
      var tambons = 0;
      base.tambons.eachLayer(function (layer) { if (layer._map) tambons += 1; });
      return {ready: shown.painted && onMap === base.villages.codes.length, villages: onMap, tambons: tambons,
              lockRings: shown.rings, pilotTambons: shown.pilotTambons, lockedTambons: shown.lockedTambons,
              token: shown.token, zoom: base.map.getZoom()};
    }
  };
})();
