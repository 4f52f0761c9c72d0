// dossier web UI: small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // Document view: toggles for the highlight layers and for the removed boilerplate lines.
  function documentTools() {
    var text = document.getElementById("doctext");
    var bar = document.getElementById("toolbar");
    if (!text || !bar) return;
    [["fig", "figures"], ["ent", "entities"], ["ev", "events"]].forEach(function (pair) {
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = true;
      box.dataset.layer = pair[0];
      box.addEventListener("change", function () {
        text.classList.toggle("hide-" + pair[0], !box.checked);
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + pair[1]));
      bar.appendChild(label);
    });
    var details = document.getElementById("boilerplate");
    if (details) {
      var button = document.createElement("button");
      button.type = "button";
      button.id = "toggle-boilerplate";
      var sync = function () {
        button.textContent = details.open ? "Hide removed lines" : "Show removed lines";
      };
      button.addEventListener("click", function () {
        details.open = !details.open;
        sync();
        if (details.open) details.scrollIntoView({ block: "nearest" });
      });
      details.addEventListener("toggle", sync);
      sync();
      bar.appendChild(button);
    }
  }

  // Filter forms marked "autosubmit" submit when a select changes.
  function autoSubmit() {
    document.querySelectorAll("form.autosubmit select").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    documentTools();
    autoSubmit();
  });
})();
