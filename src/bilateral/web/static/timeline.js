// The timeline: every event on a zoomable axis, one row per pillar; filters and a detail panel.
(function () {
  var container = document.getElementById("timeline");
  if (!container || !window.vis) return;
  var form = document.getElementById("timeline-filters");
  var count = document.getElementById("timeline-count");
  var detail = document.getElementById("timeline-detail");
  var groups = new vis.DataSet(["energy", "security", "economy", "political"].map(function (p) {
    return { id: p, content: p, className: "pillar-row-" + p };
  }));
  var all = [];
  var items = new vis.DataSet();

  function visible() {
    var pillars = Array.from(form.querySelectorAll("input[name=pillar]:checked"))
      .map(function (el) { return el.value; });
    var importance = Number(form.querySelector("select[name=importance]").value);
    return all.filter(function (e) {
      return e.importance <= importance &&
        e.pillars.some(function (p) { return pillars.indexOf(p) >= 0; });
    });
  }

  function refresh() {
    var shown = visible();
    items.clear();
    items.add(shown.map(function (e) {
      var pillars = Array.from(form.querySelectorAll("input[name=pillar]:checked"))
        .map(function (el) { return el.value; });
      var group = e.pillars.filter(function (p) { return pillars.indexOf(p) >= 0; })[0];
      return { id: e.id, content: e.content, start: e.start, end: e.end || undefined,
               type: e.end ? "range" : "point", group: group,
               className: "pillar-" + group + " importance-" + e.importance, title: e.content };
    }));
    groups.update(groups.getIds().map(function (id) {
      return { id: id, visible: form.querySelector("input[name=pillar][value=" + id + "]").checked };
    }));
    count.textContent = shown.length + " of " + all.length + " events shown";
  }

  function show(id) {
    var e = all.find(function (x) { return x.id === id; });
    if (!e) return;
    detail.hidden = false;
    document.getElementById("detail-title").textContent = e.content;
    document.getElementById("detail-meta").textContent =
      e.start + (e.end ? " – " + e.end : "") + " · " + e.kind + " · " + e.pillars.join(", ");
    document.getElementById("detail-summary").textContent = e.summary || "";
    document.getElementById("detail-link").href = "/events/" + encodeURIComponent(e.id);
  }

  fetch(container.dataset.itemsUrl).then(function (r) { return r.json(); }).then(function (data) {
    all = data.items;
    refresh();
    var timeline = new vis.Timeline(container, items, groups, {
      stack: true, maxHeight: 640, zoomMin: 1000 * 60 * 60 * 24 * 7,
      orientation: { axis: "top" }, tooltip: { followMouse: true }, margin: { item: 4 },
      keyboard: true
    });
    timeline.on("select", function (props) { if (props.items.length) show(props.items[0]); });
    timeline.on("doubleClick", function (props) {
      if (props.item) window.location.href = "/events/" + encodeURIComponent(props.item);
    });
    container.dataset.ready = "true";
  });
  form.addEventListener("change", refresh);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
})();
