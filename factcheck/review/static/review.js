// factcheck review: keyboard shortcuts, the reviewer's name, and decisions without a full
// reload (the form posts with fetch, the next page's <main> is swapped in and the address
// pushed to the history). No network beyond this server, no framework. Without script,
// the forms post and redirect as plain HTML forms.
(function () {
  "use strict";
  var KEY = "factcheck-reviewer";

  function typing(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  function notice(text) {
    var box = document.getElementById("notice");
    if (!box) return;
    box.textContent = text;
    box.hidden = !text;
  }

  var reviewer = document.getElementById("reviewer");
  if (reviewer) {
    reviewer.value = localStorage.getItem(KEY) || "";
    reviewer.addEventListener("change", function () { localStorage.setItem(KEY, reviewer.value.trim()); });
    reviewer.addEventListener("input", function () { localStorage.setItem(KEY, reviewer.value.trim()); });
  }
  function name() { return (reviewer && reviewer.value.trim()) || ""; }

  function form() { return document.querySelector("form.decision-form"); }
  function box(id) { return document.getElementById(id); }

  // A correction is what the editor typed, never a machine estimate: resolving needs a
  // typed value and its source (the server refuses it too).
  function resolveReady() {
    var valueBox = box("value"), sourceBox = box("value_source");
    if (!valueBox || !valueBox.value.trim()) {
      notice("Type the correct value before resolving.");
      if (valueBox) valueBox.focus();
      return false;
    }
    if (!sourceBox.value.trim()) {
      notice("Type where the correct value comes from before resolving.");
      sourceBox.focus();
      return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- page swapping
  var rows = [], selected = -1;
  function init() {
    rows = Array.prototype.slice.call(document.querySelectorAll(".finding-row"));
    selected = rows.length ? 0 : -1;
    if (rows.length) select(0);
    var figure = document.querySelector(".article-body mark.figure");
    if (figure) figure.scrollIntoView({block: "center"});
  }
  function select(i) {
    if (!rows.length) return;
    selected = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (r, k) { r.classList.toggle("selected", k === selected); });
    rows[selected].scrollIntoView({block: "nearest"});
  }

  var busy = false;
  function show(url, push) {
    return fetch(url, {headers: {Accept: "text/html"}, credentials: "same-origin"})
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var main = doc.querySelector("main");
        if (!main) { window.location.href = url; return; }
        document.querySelector("main").innerHTML = main.innerHTML;
        document.title = doc.title;
        if (push) history.pushState({}, "", url);
        notice("");
        window.scrollTo(0, 0);
        init();
      })
      .catch(function () { window.location.href = url; });
  }
  window.addEventListener("popstate", function () { show(window.location.href, false); });

  function post(url, data) {
    if (busy) return Promise.resolve();
    busy = true;
    return fetch(url, {
      method: "POST",
      body: data,
      headers: {Accept: "application/json"},
      credentials: "same-origin"
    })
      .then(function (r) { return r.json().then(function (d) { return {ok: r.ok, d: d}; }); })
      .then(function (res) {
        if (!res.ok) { notice(res.d.error || "The decision was not recorded."); return; }
        return show(res.d.next, true);
      })
      .catch(function () { notice("The server did not answer; is `factcheck review` still running?"); })
      .then(function () { busy = false; });
  }

  function undo() {
    var f = form();
    var button = f && f.querySelector("button[data-key='u']");
    if (button) { f.requestSubmit(button); return; }
    if (!name()) { askName(); return; }
    var data = new FormData();
    data.append("csrf", document.querySelector("meta[name=csrf]").content);
    data.append("reviewer", name());
    post("/undo", data);
  }

  function askName() {
    notice("Enter your name (top right) once before deciding; it is kept in this browser.");
    if (reviewer) reviewer.focus();
  }

  document.addEventListener("submit", function (event) {
    var f = event.target;
    if (!f.classList || !f.classList.contains("decision-form")) return;
    if (!name()) { event.preventDefault(); askName(); return; }
    if (event.submitter && event.submitter.value === "resolved" && !resolveReady()) {
      event.preventDefault();
      return;
    }
    f.querySelector("input[name=reviewer]").value = name();
    event.preventDefault();
    var url = (event.submitter && event.submitter.getAttribute("formaction")) || f.getAttribute("action");
    post(url, new FormData(f, event.submitter));
  });

  document.addEventListener("keydown", function (event) {
    var t = event.target;
    if (event.key !== "Enter" || !t || (t.id !== "value" && t.id !== "value_source")) return;
    // type the value, Enter, its source, Enter
    event.preventDefault();
    if (!resolveReady()) return;
    var f = form();
    f.requestSubmit(f.querySelector("button[data-key='r']"));
  });

  var sheet = document.getElementById("keysheet");
  function toggleSheet(show) {
    if (!sheet) return;
    sheet.hidden = show === undefined ? !sheet.hidden : !show;
  }
  var keysButton = document.getElementById("keys-button");
  if (keysButton) keysButton.addEventListener("click", function () { toggleSheet(); });

  function go(which) {
    if (rows.length) { select(selected + (which === "next" ? 1 : -1)); return; }
    var pager = document.querySelector(".pager");
    var href = pager && pager.dataset[which];
    if (href) show(href, true);
  }

  function decide(key) {
    if (key === "u") { undo(); return; }
    var f = form();
    var button = f && f.querySelector("button[data-key='" + key + "']");
    if (!button) return;
    if (key === "r") {
      box("value").focus();
      notice("Type the correct value, then its source; Enter records it.");
      return;
    }
    f.requestSubmit(button);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      if (typing(document.activeElement)) document.activeElement.blur();
      toggleSheet(false);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    switch (event.key) {
      case "?": toggleSheet(); break;
      case "j": go("next"); break;
      case "k": go("prev"); break;
      case "Enter":
        if (rows.length && selected >= 0) show(rows[selected].dataset.href, true);
        else return;
        break;
      case "e": {
        var note = box("note");
        if (note) note.focus();
        break;
      }
      case "c": case "d": case "n": case "r": case "f": case "a": case "u": decide(event.key); break;
      default: return;
    }
    event.preventDefault();
  });

  init();
})();
