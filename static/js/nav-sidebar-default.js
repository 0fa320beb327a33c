/* Masthead admin: the navigation sidebar starts closed on a tablet (below 1100 px), so the form has the
   window's width; on a laptop or wider it starts open, as Django has it. Whoever opens or closes it
   (the « button) is remembered by Django as before (localStorage "django.admin.navSidebarIsOpen"), at
   every width.

   How: Django's nav_sidebar.js reads that key once, when it runs (it is deferred, after this file). With
   no choice remembered and a narrow window, "closed" is written just for that read, and taken back once
   the page has loaded, so it never stands for a choice nobody made (a wider window starts open again). */
(function () {
  "use strict";

  var KEY = "django.admin.navSidebarIsOpen";
  var NARROW = "(max-width: 1099px)";

  var storage;
  try { storage = window.localStorage; } catch (error) { return; }
  if (!storage || storage.getItem(KEY) !== null || !window.matchMedia(NARROW).matches
      || !document.getElementById("toggle-nav-sidebar")) {  // deferred: the page is parsed; no sidebar, nothing to do
    return;
  }
  storage.setItem(KEY, "false");
  document.addEventListener("DOMContentLoaded", function () {
    if (storage.getItem(KEY) === "false") {  // nobody pressed the button meanwhile
      storage.removeItem(KEY);
    }
  });
})();
