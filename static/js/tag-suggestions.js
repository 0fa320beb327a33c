/* Masthead admin: the tags in use under the article form's Tags box (articles/admin/widgets.py
   SuggestingTagWidget). A press adds that tag to the box, after a comma, unless the box has it already (tags
   are case-insensitive); the box then says it changed, so autosave and "unsaved changes" see it. Hidden
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

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-tag-suggestions]"), function (list) {
      var box = document.getElementById(list.dataset.tagSuggestions);
      if (!box) { return; }
      list.hidden = false;
      list.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-tag]");
        if (button) { add(box, button.dataset.tag); }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
