/* Masthead admin: beside the browser's date and time boxes (articles/admin/widgets.py BrowserDateTimeWidget,
   and the article form's one "Schedule for" date-and-time box), the date they hold in words, "Monday
   7 December 2026, 09:00 (Europe/London)": a browser set to another country's order shows 7 December as
   12/07/2026. Nothing without a date. */
(function () {
  "use strict";

  var FORMAT = new Intl.DateTimeFormat("en-GB", {
    weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC",
  });

  function words(group) {  // a date box and a time box, or one date-and-time box ("Schedule for")
    var both = group.querySelector("input[type=datetime-local]");
    var date = both || group.querySelector("input[type=date]");
    var time = both ? null : group.querySelector("input[type=time]");
    var parts = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(date ? date.value : "");
    if (!parts) { return ""; }
    var day = new Date(Date.UTC(+parts[1], +parts[2] - 1, +parts[3]));
    var text = FORMAT.format(day).replace(",", "");
    var clock = both ? parts[4] : (time && time.value ? time.value.slice(0, 5) : "");
    if (clock) { text += ", " + clock; }
    return group.dataset.timeZone ? text + " (" + group.dataset.timeZone + ")" : text;  // else named beside the box
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-date-in-words]"), function (group) {
      var output = group.querySelector(".date-time__words");
      function show() { output.textContent = words(group); }
      group.addEventListener("input", show);
      group.addEventListener("change", show);
      show();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
