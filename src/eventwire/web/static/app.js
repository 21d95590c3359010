// eventwire UI behaviour: clean filter URLs, clickable rows, annotation popovers, layer toggles.
// Text shown in the popover is set with textContent only: annotation data comes from scraped pages.
(function () {
  "use strict";

  document.querySelectorAll("form[data-strip-empty]").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (el) {
        if (!el.value) el.disabled = true;
      });
    });
  });

  // On a phone, an untouched filter form is folded so the results come first.
  document.querySelectorAll("details.filter-box").forEach(function (box) {
    var used = Array.prototype.some.call(box.querySelectorAll("input, select"), function (el) { return el.value; });
    if (!used && window.matchMedia("(max-width: 700px)").matches) box.open = false;
  });

  document.querySelectorAll("tr[data-href]").forEach(function (row) {
    row.addEventListener("click", function (ev) {
      if (ev.target.closest("a")) return;
      window.location.href = row.getAttribute("data-href");
    });
  });

  document.querySelectorAll("input[data-toggle]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-toggle"), !box.checked);
    });
  });

  var dataEl = document.getElementById("ann-data");
  var pop = document.getElementById("popover");
  if (!dataEl || !pop) return;
  var info = JSON.parse(dataEl.textContent || "{}");
  var LABELS = {
    event: [["code", "CAMEO"], ["code_name", "Meaning"], ["quad_name", "QuadClass"], ["goldstein", "Goldstein"], ["plover", "PLOVER"],
            ["source", "Source"], ["target", "Target"], ["modality", "Modality"], ["claimed_by", "Claimed by"],
            ["date", "Date"], ["date_basis", "Date from"], ["rule", "Rule"], ["confidence", "Confidence"]],
    actor: [["name", "Name"], ["code", "Code"], ["type", "Kind"], ["evidence", "Evidence"]],
    quote: [["speaker", "Speaker"], ["type", "Kind"], ["cue", "Cue"]],
    place: [["name", "Name"], ["country", "Country"], ["feature", "Feature"], ["lat", "Lat"], ["lon", "Lon"],
            ["confidence", "Confidence"]]
  };
  var pinned = null;

  function section(key) {
    var d = info[key];
    var sec = document.createElement("section");
    if (!d) return sec;
    var title = document.createElement("div");
    title.className = "kind";
    title.textContent = d.kind === "event" ? "event trigger" : d.kind;
    sec.appendChild(title);
    var dl = document.createElement("dl");
    (LABELS[d.kind] || []).forEach(function (pair) {
      var v = d[pair[0]];
      if (v === null || v === undefined || v === "") return;
      var dt = document.createElement("dt");
      dt.textContent = pair[1];
      var dd = document.createElement("dd");
      dd.textContent = String(v);
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    sec.appendChild(dl);
    if (d.kind === "event" && d.uid) {
      var a = document.createElement("a");
      a.href = "/events/" + d.uid.split("/").map(encodeURIComponent).join("/");
      a.textContent = "Open event";
      sec.appendChild(a);
    }
    return sec;
  }

  function show(el) {
    var keys = (el.getAttribute("data-ann") || "").split(" ").filter(Boolean);
    keys.sort(function (a, b) { return (a.indexOf("event:") === 0 ? 0 : 1) - (b.indexOf("event:") === 0 ? 0 : 1); });
    pop.replaceChildren.apply(pop, keys.map(section));
    pop.hidden = false;
    var r = el.getBoundingClientRect();
    var left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 8);
    pop.style.left = Math.max(4, left) + "px";
    pop.style.top = (window.scrollY + r.bottom + 6) + "px";
  }

  function hide() { if (!pinned) pop.hidden = true; }

  document.querySelectorAll(".ann").forEach(function (el) {
    el.addEventListener("mouseenter", function () { if (!pinned) show(el); });
    el.addEventListener("mouseleave", hide);
    el.addEventListener("click", function (ev) {
      ev.stopPropagation();
      pinned = pinned === el ? null : el;
      show(el);
      if (!pinned) hide();
    });
    el.addEventListener("keydown", function (ev) { if (ev.key === "Enter") el.click(); });
  });
  document.addEventListener("click", function (ev) {
    if (!pop.contains(ev.target)) { pinned = null; pop.hidden = true; }
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { pinned = null; pop.hidden = true; } });

  var focus = document.getElementById("focus");
  if (focus) focus.scrollIntoView({ block: "center" });
})();
