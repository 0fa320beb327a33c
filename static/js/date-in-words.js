/* Masthead admin: beside the browser's date and time boxes (articles/admin/widgets.py BrowserDateTimeWidget),
   the date they hold in words, "Monday 7 December 2026, 09:00 (Europe/London)": a browser set to another
   country's order shows 7 December as 12/07/2026. Nothing without a date. */
(function () {
  "use strict";

  var FORMAT = new Intl.DateTimeFormat("en-GB", {
    weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC",
  });

  function words(group) {
    var date = group.querySelector("input[type=date]");
    var time = group.querySelector("input[type=time]");
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ? date.value : "");
    if (!parts) { return ""; }
    var day = new Date(Date.UTC(+parts[1], +parts[2] - 1, +parts[3]));
    var text = FORMAT.format(day).replace(",", "");
    if (time && time.value) { text += ", " + time.value.slice(0, 5); }
    return text + " (" + group.dataset.timeZone + ")";
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
