// Routes on a world map drawn offline: Natural Earth country shapes (world-atlas) projected
// with d3-geo, fitted to the routes; each route links to its record.
(function () {
  var figures = document.querySelectorAll("figure.map[data-lines]");
  if (!figures.length || !window.d3 || !window.topojson) return;
  fetch("/static/vendor/world-atlas/countries-50m.json")
    .then(function (r) { return r.json(); })
    .then(function (world) {
      var land = topojson.feature(world, world.objects.countries);
      figures.forEach(function (figure) { draw(figure, land); });
    });

  function draw(figure, land) {
    var lines = JSON.parse(figure.dataset.lines);
    var small = figure.classList.contains("small");
    var width = 960, height = small ? 360 : 560;
    var routes = lines.map(function (l) {
      return { type: "Feature", properties: l,
               geometry: { type: "LineString", coordinates: l.coordinates } };
    });
    // fit the routes; with none drawn, show the Caspian-to-Europe region they would cross
    var extent = routes.length ? { type: "FeatureCollection", features: routes } :
      { type: "LineString", coordinates: [[12, 36], [52, 47]] };
    var projection = d3.geoConicConformal().parallels([35, 50]).rotate([-40, 0])
      .fitExtent([[40, 30], [width - 120, height - 30]], extent);  // room for labels
    var path = d3.geoPath(projection);
    var svg = d3.select(figure).append("svg")
      .attr("viewBox", "0 0 " + width + " " + height)
      .attr("role", "img").attr("aria-label", figure.getAttribute("aria-label") || "Map");
    svg.append("g").selectAll("path").data(land.features).join("path")
      .attr("class", "land").attr("d", path);
    var top = d3.max(lines, function (l) { return l.capacity_share || 0; }) || 1;
    var width_of = d3.scaleSqrt().domain([0, top]).range([1.5, 7]);
    svg.append("g").selectAll("a").data(routes).join("a")
      .attr("href", function (d) { return "/infrastructure/" + d.properties.infrastructure_id; })
      .append("path")
      .attr("class", function (d) {
        return "route " + d.properties.commodity + (d.properties.removed ? " removed" : "") +
          (d.properties.cut ? " cut" : "");
      })
      .attr("d", path)
      .attr("stroke-width", function (d) { return width_of(d.properties.capacity_share || 0); })
      .attr("tabindex", 0)
      .append("title").text(function (d) { return d.properties.label; });
    var places = {};
    lines.forEach(function (l) {
      l.places.forEach(function (p) { places[p.name] = { name: p.short, lon: p.lon, lat: p.lat }; });
    });
    var points = Object.values(places);
    var g = svg.append("g");
    g.selectAll("circle").data(points).join("circle").attr("class", "place").attr("r", 2.5)
      .attr("cx", function (p) { return projection([p.lon, p.lat])[0]; })
      .attr("cy", function (p) { return projection([p.lon, p.lat])[1]; });
    g.selectAll("text").data(points).join("text").attr("class", "place-label")
      .attr("x", function (p) { return projection([p.lon, p.lat])[0] + 4; })
      .attr("y", function (p) { return projection([p.lon, p.lat])[1] - 3; })
      .text(function (p) { return p.name; });
    var legend = svg.append("g").attr("class", "legend").attr("transform", "translate(20," + (height - 76) + ")");
    [["oil", "oil"], ["gas", "gas"], ["gas cut", "bottleneck (minimum cut)"],
     ["gas removed", "taken out"]].forEach(function (pair, i) {
      var c = pair[0];
      legend.append("line").attr("class", "route " + c).attr("x1", 0).attr("x2", 24)
        .attr("y1", i * 16).attr("y2", i * 16).attr("stroke-width", 3);
      legend.append("text").attr("x", 30).attr("y", i * 16 + 4).text(pair[1]);
    });
    figure.dataset.ready = "true";
  }
})();
