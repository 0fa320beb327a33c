/* Masthead admin: a live preview of the article body as readers will see it, and its word count.
   The text is rendered by the server through the same Markdown and sanitising path as the public page
   (POST to the admin's body-preview URL), so the preview can never show what readers would not. */
function mastheadBodyPreview() {
  "use strict";
  var body = document.getElementById("id_body");
  var form = body && body.form;
  if (!body || !form || !body.dataset.previewUrl) { return; }

  var panel = document.createElement("section");
  panel.className = "body-preview";
  panel.setAttribute("aria-label", "Preview of the body");
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
  body.insertAdjacentElement("afterend", panel);

  var timer = null;
  var sent = 0;

  function refresh() {
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    var data = new FormData();
    data.append("body", body.value);
    var ticket = ++sent;
    fetch(body.dataset.previewUrl, {
      method: "POST",
      body: data,
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
      rendered.innerHTML = result.json.html;  // sanitised by the server (nh3), as on the public page
    }).catch(function () {
      count.textContent = "The preview is not available (connection lost); your text is unaffected.";
    });
  }

  body.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 400);
  });
  refresh();
}

if (document.readyState === "loading") {  // loaded in the page's head, before the form exists
  document.addEventListener("DOMContentLoaded", mastheadBodyPreview);
} else {
  mastheadBodyPreview();
}
