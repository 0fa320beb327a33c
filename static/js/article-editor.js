/* Masthead admin: no lost work on the article form.

   - Autosave: a few seconds after typing pauses, the whole form is posted to the article's autosave
     URL (articles/admin/autosave.py), which saves the text without publishing or deciding anything,
     with the same edit-conflict check as a Save. "Saved 12:04" (or why not) shows in the status line.
   - Leaving the page with unsaved changes asks first.
   - A copy of what is typed is kept in this browser (localStorage) until the server has it: if a Save
     lands on the login page (the session expired, or its cookie is gone), the text is put back in the
     form after logging in, with a note saying so. A copy older than someone else's save is offered back
     field by field: what only this person changed returns, what both changed keeps the newer save and
     shows this person's text beside it (never overwritten unseen). Values are compared as the server
     keeps them (spaces at either end dropped), so a form that holds nothing unsaved keeps no copy.
   Loaded on every admin page: elsewhere it only forgets the copy of a new article once the admin
   says it was added. */
(function () {
  "use strict";

  var PREFIX = "masthead-unsaved:";
  var AUTOSAVE_AFTER_MS = 3000;  // after the last keystroke
  var NEVER_RESTORED = ["csrfmiddlewaretoken", "edit_version", "edit_revision", "warnings", "no_warnings_apply", "record_warning_decision"];

  function storage() {
    try { return window.localStorage; } catch (error) { return null; }
  }

  function fields(form) {
    var entries = [];
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string" && NEVER_RESTORED.indexOf(name) === -1 && name.charAt(0) !== "_") { entries.push([name, value]); }
    });
    return entries;
  }

  // What the server keeps of a value: its forms drop the spaces and line breaks at either end and read "\r\n" as
  // "\n", so a copy that differs from the saved form only there holds nothing unsaved.
  function savedAs(value) { return String(value).replace(/\r\n?/g, "\n").trim(); }

  function normal(entries) { return entries.map(function (entry) { return [entry[0], savedAs(entry[1])]; }); }

  function same(a, b) { return JSON.stringify(normal(a)) === JSON.stringify(normal(b)); }

  // The values of one field in a list of [name, value] entries (a select or checkboxes give several), as one string.
  function valueOf(entries, name) {
    return JSON.stringify(entries.filter(function (entry) { return entry[0] === name; })
      .map(function (entry) { return savedAs(entry[1]); }));
  }

  function names(entries) {
    var seen = [];
    entries.forEach(function (entry) { if (seen.indexOf(entry[0]) === -1) { seen.push(entry[0]); } });
    return seen;
  }

  // Three ways: "kept" (what this browser kept), "base" (what the server had when it was typed) and "current" (what
  // the server has now, someone else's save in it). Each field the person changed and nobody else did comes back;
  // a field nobody changed here keeps the newer save; a field both changed keeps the newer save and is returned
  // among the conflicts, for the person to compare. Without a base (an older copy), every field that differs is one.
  function merged(kept, base, current) {
    var result = [], conflicts = [];
    names(kept.concat(current)).forEach(function (name) {
      var mine = valueOf(kept, name), theirs = valueOf(current, name);
      var was = base ? valueOf(base, name) : null;
      var take = current;
      if (mine !== theirs) {
        if (was !== null && mine === was) { take = current; }
        else if (was !== null && theirs === was) { take = kept; }
        else { conflicts.push(name); }
      }
      take.forEach(function (entry) { if (entry[0] === name) { result.push(entry); } });
    });
    return { fields: result, conflicts: conflicts };
  }

  function labelOf(form, name) {
    var element = form.querySelector("[name='" + name.replace(/'/g, "") + "']");
    var label = element && element.id ? form.querySelector("label[for='" + element.id + "']") : null;
    return label ? label.textContent.replace(/:\s*$/, "").trim() : name;
  }

  function forgetAddedArticles() {
    var store = storage();
    if (!store || !document.querySelector(".messagelist .success, .messagelist .saved")) { return; }
    for (var i = store.length - 1; i >= 0; i--) {
      var key = store.key(i);
      if (key && key.indexOf(PREFIX) === 0 && /:new$/.test(key)) {
        var kept = JSON.parse(store.getItem(key) || "{}");
        if (kept.submitted) { store.removeItem(key); }
      }
    }
  }

  function button(text, onClick) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "button";
    element.textContent = text;
    element.addEventListener("click", onClick);
    return element;
  }

  // Put ``entries`` in the form; ``every`` (optional) names fields to set even when no entry has them (a box to untick).
  function restore(form, entries, every) {
    var byName = {};
    entries.forEach(function (entry) { (byName[entry[0]] = byName[entry[0]] || []).push(entry[1]); });
    (every || Object.keys(byName)).forEach(function (name) {
      var values = byName[name] || [];
      Array.prototype.forEach.call(form.querySelectorAll("[name='" + name.replace(/'/g, "") + "']"), function (element) {
        if (element.type === "checkbox" || element.type === "radio") {
          element.checked = values.indexOf(element.value) !== -1;
        } else if (element.tagName === "SELECT") {
          Array.prototype.forEach.call(element.options, function (option) {
            option.selected = values.indexOf(option.value) !== -1;
          });
        } else if (element.type !== "file" && element.type !== "submit" && values.length) {
          element.value = values[0];
        }
        element.dispatchEvent(new Event("input", { bubbles: true }));
      });
    });
  }

  // The headline's box has two lines to be read whole, but a headline is one line: Enter breaks none and saves,
  // as in a one-line box (through the form's first button, the plain Save, never a workflow move), and a
  // pasted line break becomes a space (the server does the same: ArticleForm.clean_title).
  function oneLineHeadline(form) {
    var title = form.querySelector("textarea#id_title");
    if (!title) { return; }
    title.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || event.isComposing) { return; }
      event.preventDefault();
      var save = form.querySelector("[type=submit]");
      if (form.requestSubmit) { form.requestSubmit(save || undefined); } else if (save) { save.click(); }
    });
    title.addEventListener("input", function () {
      if (/[\r\n]/.test(title.value)) { title.value = title.value.replace(/\s*[\r\n]+\s*/g, " "); }
    });
  }

  function editor(form) {
    oneLineHeadline(form);
    var body = document.getElementById("id_body");
    if (!body || !body.dataset.autosaveUrl) { return; }
    var store = storage();
    var key = body.dataset.stashKey;
    var autosaveUrl = body.dataset.autosaveUrl;
    var version = form.querySelector("input[name=edit_version]");
    var status = document.createElement("p");
    status.className = "article-editor-status";
    status.setAttribute("role", "status");
    var firstFieldset = form.querySelector("fieldset");
    (firstFieldset || form.firstChild).insertAdjacentElement("beforebegin", status);

    // A form sent back refused (an error, or someone's save meanwhile) holds what the server does not have: none of it
    // counts as saved, so it is kept in this browser, leaving asks first, and the next change is autosaved.
    var refused = Boolean(form.querySelector(".errornote, .errorlist") || document.getElementById("conflict-diff"));
    var saved = refused ? [] : fields(form);  // what the server has
    var timer = null;
    var inFlight = false;
    var submitting = false;
    var stopped = false;

    function say(text, kind) {
      status.textContent = text;
      status.className = "article-editor-status" + (kind ? " article-editor-status--" + kind : "");
    }

    function keep(extra) {
      if (!store) { return; }
      // (no base for a refused form's copy: what the server had is not known, so every difference is a conflict)
      var kept = { at: Date.now(), version: version ? version.value : "", fields: fields(form), base: refused ? null : saved };
      Object.keys(extra || {}).forEach(function (name) { kept[name] = extra[name]; });
      try { store.setItem(key, JSON.stringify(kept)); } catch (error) { /* full or refused: the server still saves */ }
    }

    function forget() { if (store) { store.removeItem(key); } }

    function dirty() { return !same(fields(form), saved); }

    function autosave() {
      if (stopped || submitting || !dirty()) { return; }
      if (inFlight) { schedule(); return; }
      inFlight = true;
      var sending = fields(form);
      fetch(autosaveUrl, { method: "POST", body: new FormData(form), credentials: "same-origin", redirect: "follow" })
        .then(function (response) {
          var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
          if (!json || response.redirected) {
            stopped = true;
            say("Not saved: your login has ended. Your text is kept in this browser: log in again (in another tab), then press Save.", "error");
            return null;
          }
          return response.json().then(function (answer) {
            if (!response.ok) {
              if (answer.conflict) { stopped = true; }
              say(answer.error || "Not saved.", "error");
              return;
            }
            saved = sending;
            if (!version) {  // a new article was just created as a draft: this form now edits it
              version = document.createElement("input");
              version.type = "hidden";
              version.name = "edit_version";
              form.appendChild(version);
              form.action = answer.change_url;
              if (window.history && window.history.replaceState) { window.history.replaceState(null, "", answer.change_url); }
              forget();
              key = key.replace(/:new$/, ":" + answer.change_url.split("/").filter(Boolean).slice(-2, -1)[0]);
              autosaveUrl = answer.autosave_url;
              body.dataset.autosaveUrl = autosaveUrl;
              var heading = document.querySelector("#content h1");
              if (heading) { heading.textContent = "Edit article"; }
              document.title = document.title.replace(/^New article/, "Edit article");
              var crumbs = document.querySelector(".breadcrumbs");  // "… › Add article" names the draft now
              var title = form.querySelector("#id_title");
              if (crumbs && crumbs.lastChild && crumbs.lastChild.nodeType === Node.TEXT_NODE && title && title.value) {
                crumbs.lastChild.textContent = crumbs.lastChild.textContent.replace("Add article", title.value);
              }
            }
            version.value = answer.version;
            var slug = form.querySelector("#id_slug");
            if (slug && answer.slug && slug.value !== answer.slug) {  // the address the save made or moved: shown, and as saved
              slug.value = answer.slug;
              saved = saved.map(function (entry) { return entry[0] === "slug" ? ["slug", answer.slug] : entry; });
            }
            say("Saved " + answer.saved_at + " (not published)", "saved");
            if (dirty()) { keep(); schedule(); } else { forget(); }
          });
        })
        .catch(function () {
          say("Not saved: the connection was lost. Your text is kept in this browser; it will be saved when you press Save.", "error");
        })
        .then(function () { inFlight = false; });
    }

    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(autosave, AUTOSAVE_AFTER_MS);
    }

    function changed(event) {
      // Controls that are not the article's (the preview layout, the chooser's search) change nothing to save.
      if (submitting || (event && event.target && event.target.form !== form)) { return; }
      if (!dirty()) {  // (a dialog opened and closed, a word typed and taken back: nothing to keep or save)
        forget();
        if (!stopped && status.textContent === "Unsaved changes") { say("", ""); }
        return;
      }
      keep();
      if (!stopped) { say("Unsaved changes", ""); schedule(); }
    }

    // Someone saved after this browser kept text: what only this person changed comes back, what both changed stays
    // as saved, with this person's text shown under the status line to compare and copy from; nothing is saved until
    // they save.
    function putBackOver(kept, when) {
      var current = fields(form);
      var result = merged(kept.fields, kept.base || null, current);
      restore(form, result.fields, names(kept.fields.concat(current)));
      if (!result.conflicts.length) {
        say("Your changes from " + when + " are back in the form beside the newer save: check them, then save.", "restored");
        return;
      }
      say("Your changes from " + when + " that nobody else made are back in the form. Someone changed these too, " +
          "so they keep the newer save; your text is under this line to compare and copy from: " +
          result.conflicts.map(function (name) { return labelOf(form, name); }).join(", ") + ".", "restored");
      var after = status;
      result.conflicts.forEach(function (name) {
        var box = document.createElement("details");
        box.className = "article-editor-kept";
        box.open = true;
        var summary = document.createElement("summary");
        summary.textContent = "Your " + labelOf(form, name) + " from " + when;
        var text = document.createElement("textarea");
        text.readOnly = true;
        text.rows = 6;
        text.className = "vLargeTextField";
        text.value = kept.fields.filter(function (entry) { return entry[0] === name; })
          .map(function (entry) { return entry[1]; }).join("\n");
        text.setAttribute("aria-label", summary.textContent);
        box.appendChild(summary);
        box.appendChild(text);
        after.insertAdjacentElement("afterend", box);  // (under the status line, which stays in sight as one line)
        after = box;
      });
    }

    // Put back what a Save that never arrived (login page) or a closed tab left in this browser.
    var kept = store && !refused ? JSON.parse(store.getItem(key) || "null") : null;
    if (refused) {
      keep();
      say("Not saved: see the message above. What is in the form is kept in this browser until it is saved.", "error");
    }
    // A message saying the form was saved (success, or "saved" on one whose move was refused: articles/admin/saving.py).
    var savedJustNow = kept && kept.submitted && document.querySelector(".messagelist .success, .messagelist .saved");
    if (kept && (savedJustNow || same(kept.fields, fields(form)))) {
      forget();  // the server has it: the save this copy was made for went through
    } else if (kept) {
      var when = new Date(kept.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false });
      var sameVersion = (version ? version.value : "") === (kept.version || "");
      if (sameVersion && kept.submitted) {  // a Save that never arrived (it met the login page): put it back
        restore(form, kept.fields);
        say("Your unsaved text from " + when + " was kept in this browser and is back in the form: check it, then save.", "restored");
      } else if (sameVersion) {  // typed, then the page was left before autosave: offer it, never impose it
        say("This browser kept text you typed here at " + when + " that was never saved. ", "restored");
        status.appendChild(button("Put back what I typed at " + when, function () {
          restore(form, kept.fields);
          say("Your text from " + when + " is back in the form: check it, then save.", "restored");
        }));
        status.appendChild(button("Discard it", function () { forget(); say("", ""); }));
      } else {
        say("Someone saved this article after your unsaved text from " + when + ", which this browser kept. ", "error");
        status.appendChild(button("Put back my changes from " + when, function () { putBackOver(kept, when); }));
        status.appendChild(button("Discard them", function () { forget(); say("", ""); }));
      }
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function () {
      submitting = true;
      window.clearTimeout(timer);
      keep({ submitted: true });
    });
    window.addEventListener("beforeunload", function (event) {
      if (!submitting && dirty()) {
        event.preventDefault();
        event.returnValue = "";  // the browser asks "Leave site? Changes you made may not be saved."
      }
    });
  }

  // On the login page, after a Save met it: say that the text is safe in this browser.
  function explainLogin() {
    var login = document.getElementById("login-form");
    var store = storage();
    if (!login || !store) { return; }
    for (var i = 0; i < store.length; i++) {
      var key = store.key(i);
      if (key && key.indexOf(PREFIX) === 0) {
        var kept = JSON.parse(store.getItem(key) || "{}");
        if (kept.submitted && Date.now() - kept.at < 60 * 60 * 1000) {
          var note = document.createElement("p");
          note.className = "errornote article-editor-login-note";
          note.setAttribute("role", "status");
          note.textContent = "Your login had ended, so your last save did not go through. What you typed is kept in " +
            "this browser: log in again and it will be back in the article's form.";
          login.insertAdjacentElement("beforebegin", note);
          return;
        }
      }
    }
  }

  // On a page the person may only read (an editor published or took the article while she typed): the text this
  // browser kept of her unsaved edit, shown to copy, never lost without her knowing; "Discard it" forgets it.
  function keptElsewhere() {
    var place = document.getElementById("kept-elsewhere");
    var store = storage();
    if (!place || !store) { return; }
    var key = place.dataset.stashKey;
    var kept = JSON.parse(store.getItem(key) || "null");
    if (!kept) { return; }
    if (kept.submitted && document.querySelector(".messagelist .success")) {
      store.removeItem(key);  // (a save that went through: "Save and submit for review", then confirmed)
      return;
    }
    var texts = kept.fields.filter(function (entry) {
      return ["title", "standfirst", "body", "warning_note", "tags"].indexOf(entry[0]) !== -1 && savedAs(entry[1]);
    });
    if (!texts.length) { store.removeItem(key); return; }
    var when = new Date(kept.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false });
    var box = document.createElement("section");
    box.className = "module article-editor-kept-elsewhere";
    box.setAttribute("role", "status");
    var note = document.createElement("p");
    note.className = "errornote";
    note.textContent = "Your text from " + when + " was not saved: you may no longer edit this article. It is kept in this " +
      "browser; copy what you need (for an editor, or a correction), then discard it.";
    box.appendChild(note);
    var labels = { title: "Headline", standfirst: "Standfirst", body: "Body", warning_note: "Warning note", tags: "Tags" };
    texts.forEach(function (entry) {
      var label = document.createElement("label");
      label.textContent = "Your " + labels[entry[0]].toLowerCase() + " from " + when;
      var text = document.createElement("textarea");
      text.readOnly = true;
      text.rows = entry[0] === "body" ? 10 : 2;
      text.className = "vLargeTextField";
      text.value = entry[1];
      label.appendChild(text);
      box.appendChild(label);
    });
    box.appendChild(button("Discard it", function () { store.removeItem(key); box.remove(); }));
    place.insertAdjacentElement("afterend", box);
  }

  function start() {
    forgetAddedArticles();
    explainLogin();
    keptElsewhere();
    var form = document.getElementById("article_form");
    if (form) { editor(form); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
