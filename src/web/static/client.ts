/**
 * The site's progressive JavaScript, served by the pages app at STATIC_FILES.js.path. Everything it
 * does has a no-JS equivalent in the server-rendered HTML:
 * - copy buttons (hidden until this script shows them): the quote plus its citation, from the
 *   button's data-copy attribute, to the clipboard, a relative permalink (no canonical origin
 *   configured) made absolute with the page's own origin; without JS the same text is selectable;
 * - live suggestions for the search box: fills the box's <datalist> from SUGGEST_PATH as the
 *   person types; without JS the server-rendered datalist still offers filters and speakers;
 * - the filter panel starts closed on narrow screens (it is open in the HTML).
 *
 * Plain ES2017 in a string: the Worker and Node serve it as is. No inline handlers (the CSP
 * forbids inline script), no external requests.
 */
export const CLIENT_JS = String.raw`(function () {
  "use strict";
  function announce(button, text) {
    var status = button.parentNode && button.parentNode.querySelector(".copy-status");
    if (!status) {
      status = document.createElement("span");
      status.className = "copy-status";
      status.setAttribute("role", "status");
      button.insertAdjacentElement("afterend", status);
    }
    status.textContent = text;
    window.setTimeout(function () { status.textContent = ""; }, 4000);
  }
  function selectTarget(button) {
    var id = button.getAttribute("data-copy-target");
    var target = id && document.getElementById(id);
    if (!target) return false;
    var details = target.closest("details");
    if (details) details.open = true;
    var range = document.createRange();
    range.selectNodeContents(target);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }
  function absolute(text, link) {
    if (!link || link.charAt(0) !== "/") return text;
    return text.split(" " + link).join(" " + window.location.origin + link);
  }
  function copy(button) {
    var text = absolute(button.getAttribute("data-copy") || "", button.getAttribute("data-permalink"));
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { announce(button, "Copied quote and citation"); },
        function () { announce(button, selectTarget(button) ? "Selected: press Ctrl+C to copy" : "Could not copy"); }
      );
    } else {
      announce(button, selectTarget(button) ? "Selected: press Ctrl+C to copy" : "Could not copy");
    }
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-copy]");
    if (button) { event.preventDefault(); copy(button); }
  });
  var buttons = document.querySelectorAll("button[data-copy]");
  for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;

  var filters = document.querySelector("details.filters");
  if (filters && window.matchMedia && window.matchMedia("(max-width: 55.99rem)").matches) {
    if (!filters.hasAttribute("data-keep-open")) filters.open = false;
  }

  var box = document.querySelector("input[data-suggest]");
  var list = box && document.getElementById(box.getAttribute("list") || "");
  if (box && list && window.fetch) {
    var url = box.getAttribute("data-suggest");
    var timer = 0;
    var last = "";
    var controller = null;
    box.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var value = box.value;
        if (value === last || value.trim().length < 2) return;
        last = value;
        if (controller) controller.abort();
        controller = window.AbortController ? new AbortController() : null;
        fetch(url + "?q=" + encodeURIComponent(value), {
          headers: { accept: "application/json" },
          signal: controller ? controller.signal : undefined
        })
          .then(function (response) { return response.ok ? response.json() : null; })
          .then(function (data) {
            if (!data || !data.suggestions || box.value !== value) return;
            list.textContent = "";
            data.suggestions.forEach(function (s) {
              var option = document.createElement("option");
              option.value = s.value;
              if (s.label) option.label = s.label;
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 180);
    });
  }
})();
`;
