// factcheck review: keyboard shortcuts and the reviewer's name. No network, no framework.
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
    box.hidden = false;
  }

  var reviewer = document.getElementById("reviewer");
  if (reviewer) {
    reviewer.value = localStorage.getItem(KEY) || "";
    reviewer.addEventListener("change", function () { localStorage.setItem(KEY, reviewer.value.trim()); });
    reviewer.addEventListener("input", function () { localStorage.setItem(KEY, reviewer.value.trim()); });
  }

  var form = document.getElementById("decision");
  var valueBox = document.getElementById("value");
  var sourceBox = document.getElementById("value_source");
  var resolveButton = form && form.querySelector("button[data-key='r']");

  // A correction is what the editor typed, never a machine estimate: resolving needs a
  // typed value and its source (the server refuses it too).
  function resolveReady() {
    if (!valueBox.value.trim()) {
      notice("Type the correct value before resolving.");
      valueBox.focus();
      return false;
    }
    if (!sourceBox.value.trim()) {
      notice("Type where the correct value comes from before resolving.");
      sourceBox.focus();
      return false;
    }
    return true;
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      var name = (reviewer && reviewer.value.trim()) || "";
      if (!name) {
        event.preventDefault();
        notice("Enter your name (top right) once before deciding; it is kept in this browser.");
        if (reviewer) reviewer.focus();
        return;
      }
      if (event.submitter && event.submitter.value === "resolved" && !resolveReady()) {
        event.preventDefault();
        return;
      }
      form.querySelector("input[name=reviewer]").value = name;
    });
    [valueBox, sourceBox].forEach(function (box) {
      box.addEventListener("keydown", function (event) {
        if (event.key !== "Enter") return;
        event.preventDefault();
        if (resolveReady()) form.requestSubmit(resolveButton);
      });
    });
  }

  var sheet = document.getElementById("keysheet");
  function toggleSheet(show) {
    if (!sheet) return;
    sheet.hidden = show === undefined ? !sheet.hidden : !show;
  }
  var keysButton = document.getElementById("keys-button");
  if (keysButton) keysButton.addEventListener("click", function () { toggleSheet(); });

  // list page: a selection that j/k move and Enter opens
  var rows = Array.prototype.slice.call(document.querySelectorAll(".finding-row"));
  var selected = rows.length ? 0 : -1;
  function select(i) {
    if (!rows.length) return;
    selected = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (r, k) { r.classList.toggle("selected", k === selected); });
    rows[selected].scrollIntoView({block: "nearest"});
  }
  if (rows.length) select(0);

  var pager = document.querySelector(".pager");
  function go(which) {
    if (rows.length) { select(selected + (which === "next" ? 1 : -1)); return; }
    var href = pager && pager.dataset[which];
    if (href) window.location.href = href;
  }

  function decide(key) {
    if (!form) return;
    var button = form.querySelector("button[data-key='" + key + "']");
    if (!button) return;
    if (key === "r") {
      // type the value, Enter (or Tab), its source, Enter
      valueBox.focus();
      notice("Type the correct value, then its source; Enter records it.");
      return;
    }
    form.requestSubmit(button);
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
        if (rows.length && selected >= 0) window.location.href = rows[selected].dataset.href;
        else return;
        break;
      case "e": {
        var note = document.getElementById("note");
        if (note) note.focus();
        break;
      }
      case "c": case "d": case "n": case "r": case "f": case "a": case "u": decide(event.key); break;
      default: return;
    }
    event.preventDefault();
  });

  var figure = document.querySelector(".article-body mark.figure");
  if (figure) figure.scrollIntoView({block: "center"});
})();
