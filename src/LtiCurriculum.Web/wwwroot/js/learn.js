// Progressive enhancement for learner pages: every form already works without this file.
// Adds autosave (on choice change, and a pause in typing) and puts the server's feedback in place.
(function () {
  "use strict";

  function setToken(token) {
    if (!token) return;
    document.querySelectorAll('input[name="lti_session"]').forEach(function (input) { input.value = token; });
    document.querySelectorAll('a[href*="lti_session="]').forEach(function (link) {
      var url = new URL(link.href, window.location.href);
      url.searchParams.set("lti_session", token);
      link.href = url.pathname + url.search + url.hash;
    });
  }

  function updateProgress(answered, total) {
    var bar = document.getElementById("module-progress");
    var label = document.getElementById("progress-label");
    if (!bar || !label) return;
    bar.value = answered;
    bar.textContent = answered + " / " + total;
    label.textContent = bar.dataset.template.replace("{0}", answered).replace("{1}", total);
  }

  function save(form, withFeedback) {
    var status = form.querySelector(".save-status");
    if (status) { status.classList.remove("failed"); status.textContent = form.dataset.saving; }
    var action = form.getAttribute("action").split("#")[0];
    var body = new FormData(form);
    if (!withFeedback) body.append("feedback", "0");
    return fetch(action, {
      method: "POST",
      body: body,
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      setToken(result.body.token);
      if (!result.ok) {
        if (status) { status.classList.add("failed"); status.textContent = result.body.detail || result.body.title || form.dataset.failed; }
        return;
      }
      if (status) status.textContent = form.dataset.saved;
      updateProgress(result.body.answered, result.body.total);
      if (withFeedback) {
        var feedback = form.querySelector(".feedback");
        if (feedback) feedback.innerHTML = result.body.feedbackHtml || "";
      }
    }).catch(function () {
      if (status) { status.classList.add("failed"); status.textContent = form.dataset.failed; }
    });
  }

  // Text typed less than a pause before leaving the page is still sent (sendBeacon survives navigation).
  var pending = [];
  window.addEventListener("pagehide", function () {
    pending.forEach(function (form) {
      var body = new FormData(form);
      body.append("feedback", "0");
      navigator.sendBeacon(form.getAttribute("action").split("#")[0], body);
    });
    pending = [];
  });

  function settle(form) {
    pending = pending.filter(function (f) { return f !== form; });
  }

  document.querySelectorAll('form.question[data-autosave="on"]').forEach(function (form) {
    var timer = null;
    form.addEventListener("change", function (event) {
      if (event.target.type === "radio" || event.target.type === "checkbox") save(form, false);
    });
    form.addEventListener("input", function (event) {
      if (event.target.tagName !== "TEXTAREA") return;
      clearTimeout(timer);
      if (pending.indexOf(form) < 0) pending.push(form);
      timer = setTimeout(function () { settle(form); save(form, false); }, 1500);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      settle(form);
      save(form, true);
    });
  });
})();
