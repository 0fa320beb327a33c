/* Masthead admin: the image chooser.

   "Insert picture" by the body and "Choose…" by the featured image open one native, modal <dialog>: the
   page behind it is inert (focus stays inside), Escape closes it, and focus goes back where it came from.
   Its content comes from the server (articles/admin/chooser.py) as HTML fragments: a search of the
   pictures this person may use (title, caption or credit), page by page, and the library's upload form.
   Choosing a picture puts `![alt text](image:N)` on a line of its own at the body's cursor, then fires an
   `input` event so the live preview and autosave follow; or makes it the featured image, shown with its
   thumbnail, title and a "Remove" button (the field's hidden input then fires `input` and `change`).
   "Edit caption and alt text" (on each listed picture, by the featured image, and under each picture in the
   live preview) opens the library's own form for that picture in the same dialog (articles/admin/chooser.py
   ImageDescribeView): saved, the dialog goes back to the list (or closes, opened from the featured image or
   the preview) and the article form is never left or touched;
   the live preview is told (`masthead:pictures-changed`) to show the new caption. */
function mastheadImageChooser() {
  "use strict";
  var body = document.getElementById("id_body");
  var field = document.querySelector("[data-image-field]");
  var chooserUrl = (body && body.dataset.imageChooserUrl) || (field && field.dataset.chooserUrl);
  if (!chooserUrl) { return; }

  var dialog = document.createElement("dialog");
  dialog.className = "image-chooser";
  dialog.setAttribute("aria-labelledby", "image-chooser-title");
  document.body.appendChild(dialog);  // outside the article's <form>: the dialog holds forms of its own

  var loading = null;  // the dialog's content, once asked for
  var purpose = null;  // what choosing does: {title, choose(picture)}
  var opener = null;  // the button that opened the dialog
  var focusAfter = null;  // where focus goes when the dialog closes (the opener unless a choice says otherwise)
  var describing = null;  // the picture description open in the dialog: {from, closeAfter}
  var searchTimer = null;
  var searched = 0;
  var FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), textarea:not([disabled]), " +
    "select:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html;  // rendered and escaped by the server's templates
    return template.content;
  }

  function placeholder(message) {
    dialog.replaceChildren(fragment(
      '<div class="image-chooser__header"><h2 id="image-chooser-title">Choose a picture</h2>' +
      '<button type="button" class="button image-chooser__close" data-chooser-close>Close</button></div>' +
      '<p class="image-chooser__status" role="status" data-chooser-status></p>' +
      '<p class="visually-hidden" role="status" data-chooser-announce></p>'
    ));
    dialog.querySelector("#image-chooser-title").textContent = purpose.title;
    say(message);
  }

  function say(message) {  // shown, and read out: the dialog's state (opening, uploading, connection lost)
    var status = dialog.querySelector("[data-chooser-status]");
    if (status) { status.textContent = message; }
  }

  function announce(message) {  // only read out: what the page already shows (a count, a form's problems)
    say("");
    var status = dialog.querySelector("[data-chooser-announce]");
    if (status) { status.textContent = message; }
  }

  function answer(response) {
    if (response.redirected && response.url.indexOf("/login/") !== -1) {
      throw new Error("Your login has expired: log in again in another tab, then try again.");
    }
    return response.text().then(function (html) { return { status: response.status, html: html }; });
  }

  function get(url) {
    return fetch(url, { credentials: "same-origin" }).then(answer);
  }

  function failed(error) {
    var message = error instanceof TypeError ? "The library cannot be reached (connection lost). Try again." : error.message;
    say(message);
  }

  function load() {
    if (!loading) {
      placeholder("Opening the library…");
      loading = get(chooserUrl).then(function (result) {
        if (result.status !== 200) { throw new Error("The library could not be opened (error " + result.status + ")."); }
        dialog.replaceChildren(fragment(result.html));
        return true;
      }).catch(function (error) {
        loading = null;  // try again next time
        failed(error);
        return false;
      });
    }
    return loading;
  }

  function open(newPurpose, from, then) {
    purpose = newPurpose;
    opener = from;
    focusAfter = null;
    if (!dialog.open) { dialog.showModal(); }
    load().then(function (ready) {
      if (!ready) { return; }
      dialog.querySelector("[data-chooser-title]").textContent = purpose.title;
      say("");
      browse();
      var query = dialog.querySelector("#image-chooser-q");
      if (query && query.value) {  // (opened again, for the featured image say: the whole library, not the last search)
        query.value = "";
        search(searchUrl(), false);
      }
      if (then) { then(); } else { dialog.querySelector("#image-chooser-q").focus(); }
    });
  }

  function browse() {  // the list of pictures again, not a picture's description
    describing = null;
    var panel = dialog.querySelector("[data-chooser-describe]");
    panel.hidden = true;
    panel.replaceChildren();
    dialog.querySelector("[data-chooser-browse]").hidden = false;
  }

  function describe(url, from, closeAfter) {
    say("Opening the picture…");
    get(url).then(function (result) {
      if (result.status !== 200) { throw new Error("The picture could not be opened (error " + result.status + ")."); }
      describing = { from: from, closeAfter: closeAfter };
      var panel = dialog.querySelector("[data-chooser-describe]");
      panel.replaceChildren(fragment(result.html));
      dialog.querySelector("[data-chooser-browse]").hidden = true;
      panel.hidden = false;
      say("");
      (panel.querySelector("[name$='-alt_text']") || panel.querySelector("input, textarea")).focus();
    }).catch(failed);
  }

  function saveDescription(form) {
    var submit = form.querySelector("[type=submit]");
    submit.disabled = true;
    say("Saving…");
    fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" }).then(answer).then(function (result) {
      if (result.status === 200) {
        var item = fragment(result.html).querySelector("li");
        var picked = item.querySelector("[data-image-id]");
        dialog.querySelectorAll("[data-chooser-results] [data-image-id='" + picked.dataset.imageId + "']").forEach(function (old) {
          old.closest("li").replaceWith(item.cloneNode(true));
        });
        if (field && input.value === picked.dataset.imageId) { showFeatured(chosenPicture(picked)); }
        document.dispatchEvent(new CustomEvent("masthead:pictures-changed", { detail: { id: picked.dataset.imageId } }));
        var done = "Saved: the caption and alt text of “" + picked.dataset.title + "”.";
        var was = describing;
        if (was.closeAfter) {
          focusAfter = was.from;
          dialog.close();
          return;
        }
        browse();
        announce(done);
        var again = dialog.querySelector("[data-chooser-results] [data-describe$='=" + picked.dataset.imageId + "']");
        (again || dialog.querySelector("#image-chooser-q")).focus();
      } else if (result.status === 400) {
        var panel = dialog.querySelector("[data-chooser-describe]");
        panel.replaceChildren(fragment(result.html));
        var problems = panel.querySelectorAll(".errorlist li").length;
        announce("Not saved: " + (problems === 1 ? "one problem" : problems + " problems") + " to correct, shown in the form.");
        var first = panel.querySelector("[aria-invalid=true]") || panel.querySelector(".errors input, .errors textarea") || panel.querySelector("input, textarea");
        if (first) { first.focus(); }
      } else {
        throw new Error("The picture was not saved (error " + result.status + "). Try again.");
      }
    }).catch(failed).finally(function () { submit.disabled = false; });
  }

  function chosenPicture(button) {
    return {
      id: button.dataset.imageId,
      title: button.dataset.title,
      alt: button.dataset.alt || "",
      picture: button.querySelector(".image-chooser__picture")
    };
  }

  function search(url, focusFirst) {
    var ticket = ++searched;
    var results = dialog.querySelector("[data-chooser-results]");
    results.setAttribute("aria-busy", "true");
    get(url).then(function (result) {
      if (ticket !== searched) { return; }  // a newer search is on its way
      if (result.status !== 200) { throw new Error("The search failed (error " + result.status + "). Try again."); }
      results.replaceChildren(fragment(result.html));
      results.removeAttribute("aria-busy");
      announce(results.querySelector(".image-chooser__count").textContent.replace(/\s+/g, " ").trim());
      var first = results.querySelector("[data-image-id]");
      if (focusFirst && first) { first.focus(); }
    }).catch(function (error) {
      results.removeAttribute("aria-busy");
      failed(error);
    });
  }

  function searchUrl() {
    var form = dialog.querySelector("[data-chooser-search]");
    return form.action + "?" + new URLSearchParams(new FormData(form)).toString();
  }

  function upload(form) {
    var submit = form.querySelector("[type=submit]");
    submit.disabled = true;
    say("Uploading…");
    fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" }).then(answer).then(function (result) {
      if (result.status === 201) {
        form.reset();
        form.querySelectorAll(".errorlist, .errornote").forEach(function (node) { node.remove(); });
        form.querySelectorAll("[aria-invalid]").forEach(function (node) { node.removeAttribute("aria-invalid"); });
        search(searchUrl(), false);  // the new picture is listed next time
        announce("Uploaded.");
        choose(fragment(result.html).querySelector("[data-image-id]"));
      } else if (result.status === 400) {
        showProblems(form, fragment(result.html));
      } else {
        throw new Error("The upload failed (error " + result.status + "). Try again.");
      }
    }).catch(failed).finally(function () { submit.disabled = false; });
  }

  function showProblems(form, answered) {
    // Keep the file the person picked (a browser cannot refill a file field): move it into the new form.
    var picked = form.querySelector("input[type=file]");
    var blank = answered.querySelector("input[type=file]");
    if (picked && blank) {
      ["aria-invalid", "aria-describedby"].forEach(function (name) {
        if (blank.hasAttribute(name)) { picked.setAttribute(name, blank.getAttribute(name)); } else { picked.removeAttribute(name); }
      });
      blank.replaceWith(picked);
    }
    form.replaceChildren(answered);
    var problems = form.querySelectorAll(".errorlist li").length;
    announce("Not uploaded: " + (problems === 1 ? "one problem" : problems + " problems") + " to correct, shown in the form.");
    var first = form.querySelector("[aria-invalid=true]") || form.querySelector(".errors input, .errors textarea");
    if (first) { first.focus(); }
  }

  function choose(button) {
    purpose.choose(chosenPicture(button));
    dialog.close();
  }

  // Everything in the dialog is handled here, whatever content the server sent.
  dialog.addEventListener("click", function (event) {
    var target = event.target.closest("[data-chooser-close], [data-image-id], a[data-chooser-page], [data-describe], [data-chooser-describe-cancel]");
    if (!target) { return; }
    if (target.matches("[data-chooser-close]")) {
      dialog.close();
    } else if (target.matches("[data-describe]")) {
      describe(target.dataset.describe, target, false);
    } else if (target.matches("[data-chooser-describe-cancel]")) {
      var was = describing;
      if (was && was.closeAfter) {
        dialog.close();
      } else {
        browse();
        if (was && was.from && document.contains(was.from)) { was.from.focus(); }
      }
    } else if (target.matches("[data-image-id]")) {
      choose(target);
    } else {
      event.preventDefault();
      search(target.href, true);
    }
  });
  dialog.addEventListener("submit", function (event) {
    if (event.target.matches("[data-chooser-search]")) {
      event.preventDefault();
      window.clearTimeout(searchTimer);
      search(searchUrl(), false);
    } else if (event.target.matches("[data-chooser-upload]")) {
      event.preventDefault();
      upload(event.target);
    } else if (event.target.matches("[data-chooser-describe-form]")) {
      event.preventDefault();
      saveDescription(event.target);
    }
  });
  dialog.addEventListener("input", function (event) {
    if (event.target.id === "image-chooser-q") {
      window.clearTimeout(searchTimer);
      searchTimer = window.setTimeout(function () { search(searchUrl(), false); }, 300);
    }
  });
  // A modal dialog keeps the page out of reach, but Tab past its last control would leave for the browser's
  // own toolbar: wrap around inside the dialog instead.
  dialog.addEventListener("keydown", function (event) {
    if (event.key !== "Tab") { return; }
    var controls = Array.prototype.filter.call(dialog.querySelectorAll(FOCUSABLE), function (control) {
      // Shown: not hidden, not in a closed <details> (whose content keeps its boxes, only skipped).
      return control.checkVisibility ? control.checkVisibility() : control.getClientRects().length > 0;
    });
    if (!controls.length) { return; }
    var first = controls[0], last = controls[controls.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
  dialog.addEventListener("close", function () {
    var target = focusAfter || opener;
    if (target) { target.focus(); }
  });

  // The body: "Insert picture" puts the chosen picture on a line of its own at the cursor. The button goes
  // in the page's [data-body-tools] bar if the body editor has one, else in a bar of its own above the body.
  if (body && body.dataset.imageChooserUrl) {
    var tools = document.querySelector("[data-body-tools]");
    if (!tools) {
      tools = document.createElement("div");
      tools.className = "body-tools";
      (body.closest(".flex-container") || body).insertAdjacentElement("beforebegin", tools);
    }
    var insert = document.createElement("button");
    insert.type = "button";
    insert.className = "button";
    insert.textContent = "Insert picture";
    tools.appendChild(insert);
    var cursorKnown = false;  // until the body has had focus, its cursor is nowhere: place at the end
    body.addEventListener("focus", function () { cursorKnown = true; });
    insert.addEventListener("click", function () {
      open({ title: "Insert a picture in the body", choose: placeInBody }, insert);
    });
  }

  function placeInBody(picture) {
    var alt = picture.alt.replace(/\s+/g, " ").trim().replace(/([\\[\]])/g, "\\$1");
    var line = "![" + alt + "](image:" + picture.id + ")";
    var start = cursorKnown ? body.selectionStart : body.value.length;
    var end = cursorKnown ? body.selectionEnd : start;
    var before = body.value.slice(0, start), after = body.value.slice(end);
    var lead = before === "" || /\n\n$/.test(before) ? "" : (/\n$/.test(before) ? "\n" : "\n\n");
    var trail = /^\n\n/.test(after) ? "" : (/^\n/.test(after) ? "\n" : "\n\n");
    body.setRangeText(lead + line + trail, start, end, "end");
    body.dispatchEvent(new Event("input", { bubbles: true }));
    focusAfter = body;  // back to writing, just after the picture
  }

  // The featured image: "Choose…" sets it, "Remove" clears it, "Edit caption and alt text" describes it.
  var input = field && field.querySelector("input[type=hidden]");
  var showFeatured = function () {};
  if (field) {
    var chosen = field.querySelector("[data-image-field-chosen]");
    var chooseButton = field.querySelector("[data-image-field-choose]");
    var removeButton = field.querySelector("[data-image-field-remove]");
    var describeButton = field.querySelector("[data-image-field-describe]");
    if (describeButton) {
      describeButton.addEventListener("click", function () {
        var url = field.dataset.describeUrl + "?image=" + encodeURIComponent(input.value);
        open({ title: "The featured image’s caption and alt text", choose: setFeatured }, describeButton, function () {
          describe(url, describeButton, true);
        });
      });
    }
    var changed = function () {
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
    };
    chooseButton.addEventListener("click", function () {
      open({ title: "Choose the featured image", choose: setFeatured }, chooseButton);
    });
    removeButton.addEventListener("click", function () {
      input.value = "";
      chosen.replaceChildren(fragment('<span class="image-field__none">No picture chosen.</span>'));
      removeButton.hidden = true;
      if (describeButton) { describeButton.hidden = true; }
      changed();
      chooseButton.focus();
    });
    showFeatured = function (picture) {
      var shown = picture.picture.cloneNode(true);
      shown.className = "image-field__picture";
      var title = document.createElement("span");
      title.className = "image-field__title";
      var code = document.createElement("code");
      code.textContent = "image:" + picture.id;
      title.append(picture.title + " ", code);
      chosen.replaceChildren(shown, title);
    };
    var setFeatured = function (picture) {
      input.value = picture.id;
      showFeatured(picture);
      removeButton.hidden = false;
      if (describeButton) { describeButton.hidden = false; }
      changed();
      focusAfter = chooseButton;
    };
  }

  // A picture in the live preview (static/js/body-preview.js): its "Edit caption and alt text" opens the
  // picture's description, as the featured image's does; saved, the dialog closes and the preview shows the
  // new caption.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-preview-describe]") : null;
    if (!button) { return; }
    open({ title: "A picture’s caption and alt text", choose: function () {} }, button, function () {
      describe(button.dataset.previewDescribe, button, true);
    });
  });
}

if (document.readyState === "loading") {  // loaded in the page's head, before the form exists
  document.addEventListener("DOMContentLoaded", mastheadImageChooser);
} else {
  mastheadImageChooser();
}
