/* Masthead admin: "Copy" buttons beside each library picture's reference (image:N). Hidden without this
   script; a press puts the reference on the clipboard and says so on the button and in a status line
   that screen readers announce. */
function mastheadCopyReferences() {
  "use strict";
  function copied(button, text) {
    var status = button.nextElementSibling;
    button.textContent = text;
    status.textContent = text === "Copied" ? "Copied " + button.dataset.copy : text;
    window.setTimeout(function () { button.textContent = "Copy"; status.textContent = ""; }, 2000);
  }

  function copy(button) {
    var text = button.dataset.copy;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { copied(button, "Copied"); },
        function () { copied(button, "Not copied: select it and copy"); }
      );
      return;
    }
    // Without the asynchronous clipboard (plain HTTP): copy from a selected, off-screen text field.
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "visually-hidden";
    document.body.appendChild(field);
    field.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    field.remove();
    button.focus();
    copied(button, done ? "Copied" : "Not copied: select it and copy");
  }

  document.querySelectorAll(".image-reference__copy").forEach(function (button) {
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    button.insertAdjacentElement("afterend", status);
    button.hidden = false;
    button.addEventListener("click", function () { copy(button); });
  });
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mastheadCopyReferences);
} else {
  mastheadCopyReferences();
}
