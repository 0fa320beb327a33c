/* Masthead admin: the tags in use under the article form's Tags box (articles/admin/widgets.py
   SuggestingTagWidget). A press adds that tag to the box, after a comma, unless the box has it already (tags
   are case-insensitive); the box then says it changed, so autosave and "unsaved changes" see it. A tag the box
   holds shows as added (pressed, with a tick), and is released when it is typed out of the box. Hidden
   without this script. */
(function () {
  "use strict";

  function names(value) {
    return value.split(",").map(function (name) { return name.trim().toLowerCase(); }).filter(Boolean);
  }

  function add(box, tag) {
    if (names(box.value).indexOf(tag.toLowerCase()) !== -1) { return; }
    var kept = box.value.replace(/[\s,]+$/, "");
    box.value = kept ? kept + ", " + tag : tag;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    box.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function mark(list, box) {
    var held = names(box.value);
    Array.prototype.forEach.call(list.querySelectorAll("button[data-tag]"), function (button) {
      var added = held.indexOf(button.dataset.tag.toLowerCase()) !== -1;
      button.setAttribute("aria-pressed", added ? "true" : "false");
      button.textContent = (added ? "✓ " : "") + button.dataset.tag;
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-tag-suggestions]"), function (list) {
      var box = document.getElementById(list.dataset.tagSuggestions);
      if (!box) { return; }
      list.hidden = false;
      mark(list, box);
      box.addEventListener("input", function () { mark(list, box); });
      list.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-tag]");
        if (button) { add(box, button.dataset.tag); mark(list, box); }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
