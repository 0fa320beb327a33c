/* Masthead admin: the body editor and its live preview.

   The body box and the preview sit in one frame that keeps the body at the full width of the form's
   other text fields: the preview goes below the body, or beside it when the window is wide enough for
   two full-width boxes (the person's choice, remembered in this browser). The preview shows the whole
   article as readers will see it — content warning and notes first, then the featured image,
   standfirst and body — rendered by the server through the same templates, Markdown and sanitising
   path as the public page (the form is POSTed to the admin's body-preview URL), so it can never show
   what readers would not. */
function mastheadBodyPreview() {
  "use strict";
  var body = document.getElementById("id_body");
  var form = body && body.form;
  if (!body || !form || !body.dataset.previewUrl) { return; }
  var LAYOUT_KEY = "masthead-preview-layout";

  var frame = document.createElement("div");
  frame.className = "body-editor";
  var toolbar = document.createElement("div");
  toolbar.className = "body-editor__toolbar";
  toolbar.setAttribute("data-body-tools", "");  // the image chooser puts its "Insert picture" button here
  var panes = document.createElement("div");
  panes.className = "body-editor__panes";
  body.insertAdjacentElement("beforebegin", frame);
  frame.appendChild(toolbar);
  frame.appendChild(panes);
  panes.appendChild(body);

  var choice = document.createElement("fieldset");
  choice.className = "body-editor__layout";
  var legend = document.createElement("legend");
  legend.textContent = "Preview";
  choice.appendChild(legend);
  [["below", "Below the text"], ["beside", "Beside the text"]].forEach(function (option) {
    var label = document.createElement("label");
    var radio = document.createElement("input");
    radio.type = "radio";
    radio.name = "preview_layout";
    radio.value = option[0];
    radio.setAttribute("form", "masthead-no-form");  // not one of the article form's fields: never posted or autosaved
    label.appendChild(radio);
    label.appendChild(document.createTextNode(" " + option[1]));
    choice.appendChild(label);
  });
  var narrow = document.createElement("span");
  narrow.className = "body-editor__narrow-note";
  narrow.textContent = "Beside needs a wider text column: shown below for now (closing the admin's sidebar, «, makes room).";
  choice.appendChild(narrow);
  toolbar.appendChild(choice);

  function remembered() {
    try { return window.localStorage.getItem(LAYOUT_KEY) === "beside" ? "beside" : "below"; } catch (e) { return "below"; }
  }
  function lay(layout) {
    frame.classList.toggle("body-editor--beside", layout === "beside");
    Array.prototype.forEach.call(choice.querySelectorAll("input"), function (radio) { radio.checked = radio.value === layout; });
  }
  choice.addEventListener("change", function (event) {
    lay(event.target.value);
    try { window.localStorage.setItem(LAYOUT_KEY, event.target.value); } catch (e) { /* not remembered */ }
  });
  lay(remembered());

  var panel = document.createElement("section");
  panel.className = "body-preview";
  panel.setAttribute("aria-label", "Preview of the article");
  var count = document.createElement("p");
  count.className = "body-preview__count";
  count.setAttribute("aria-live", "polite");
  var rendered = document.createElement("div");
  rendered.className = "body-preview__text";
  var heading = document.createElement("h3");
  heading.textContent = "Preview (as readers will see it)";
  panel.appendChild(count);
  panel.appendChild(heading);
  panel.appendChild(rendered);
  panes.appendChild(panel);

  var timer = null;
  var sent = 0;

  function formData() {
    var data = new FormData();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string" && name.charAt(0) !== "_") { data.append(name, value); }
    });
    return data;
  }

  function refresh() {
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    var ticket = ++sent;
    fetch(body.dataset.previewUrl, {
      method: "POST",
      body: formData(),
      credentials: "same-origin",
      headers: { "X-CSRFToken": token ? token.value : "" }
    }).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, json: json }; });
    }).then(function (result) {
      if (ticket !== sent) { return; }  // a newer request is on its way
      if (!result.ok) {
        count.textContent = result.json.error || "The preview is not available.";
        return;
      }
      count.textContent = result.json.words === 1 ? "1 word" : result.json.words + " words";
      var reveal = rendered.querySelector(".cw-reveal");
      var revealed = reveal ? reveal.open : false;
      var focused = document.activeElement && rendered.contains(document.activeElement) ?
        document.activeElement.getAttribute("data-preview-describe") : null;
      rendered.innerHTML = result.json.html;  // rendered from the reader templates and sanitised by the server (nh3)
      if (focused) {  // a picture's edit button had focus (its dialog just closed): the same button keeps it
        var again = Array.prototype.find.call(rendered.querySelectorAll("[data-preview-describe]"), function (button) {
          return button.getAttribute("data-preview-describe") === focused;
        });
        if (again) { again.focus(); }
      }
      reveal = rendered.querySelector(".cw-reveal");
      if (reveal && revealed) { reveal.open = true; }  // as the writer left it, across refreshes
    }).catch(function () {
      count.textContent = "The preview is not available (connection lost); your text is unaffected.";
    });
  }

  function later(event) {
    if (event && event.target && event.target.name === "preview_layout") { return; }
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 400);
  }
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  document.addEventListener("masthead:pictures-changed", later);  // a picture's caption was edited (image-chooser.js)
  refresh();
}

if (document.readyState === "loading") {  // loaded in the page's head, before the form exists
  document.addEventListener("DOMContentLoaded", mastheadBodyPreview);
} else {
  mastheadBodyPreview();
}
