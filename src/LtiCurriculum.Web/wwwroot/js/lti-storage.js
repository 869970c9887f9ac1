// The cookieless launch: LTI Client Side postMessages 0.1 and Platform Storage 0.1 (1EdTech drafts).
// On the login page: keep the browser binding and nonce in the platform's storage (the cookie is set too), then go on
// to the platform's authorization endpoint. On the launch page: read them back and re-post the launch with them.
// Only replies from the platform's own origins, to this page's own message ids, are believed.
(function () {
  'use strict';
  var root = document.querySelector('[data-lti-storage]');
  var form = document.getElementById('lti-storage-continue');
  if (!root || !form) { return; }

  var TIMEOUT_MS = 1500;
  var STORAGE_TRIES = 4;
  var mode = root.getAttribute('data-lti-storage');
  var target = root.getAttribute('data-target');
  var targetOrigin = root.getAttribute('data-target-origin');
  var replyOrigins = (root.getAttribute('data-reply-origins') || '').split(' ').filter(Boolean);
  var platform = window.opener || (window.parent !== window ? window.parent : null);

  function newId() {
    return window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + String(Math.random()).slice(2);
  }

  // Sends one message and waits for its reply: same message_id, subject + ".response", from a platform origin.
  function ask(win, subject, fields, origin) {
    return new Promise(function (resolve, reject) {
      var id = newId();
      var message = { subject: subject, message_id: id };
      Object.keys(fields).forEach(function (k) { message[k] = fields[k]; });
      var timer = setTimeout(function () {
        stop();
        var silence = new Error(subject + ': no answer');
        silence.unanswered = true;
        reject(silence);
      }, TIMEOUT_MS);
      function stop() { clearTimeout(timer); window.removeEventListener('message', listen); }
      function listen(event) {
        var data = event.data;
        if (!data || typeof data !== 'object' || data.message_id !== id) { return; }
        if (replyOrigins.indexOf(event.origin) < 0) { return; }
        if (data.subject !== subject + '.response') { return; }
        stop();
        if (data.error) { reject(new Error(subject + ': ' + (data.error.code || 'error'))); } else { resolve(data); }
      }
      window.addEventListener('message', listen);
      try { win.postMessage(message, origin); } catch (e) { stop(); reject(e); }
    });
  }

  // Finds the frame that serves a storage subject: the capabilities answer may name one (Canvas:
  // post_message_forwarding); both the "lti." and the older "org.imsglobal.lti." spellings are accepted.
  function storageFrame(capabilities, name) {
    var supported = Array.isArray(capabilities.supported_messages) ? capabilities.supported_messages : [];
    var found = null;
    supported.forEach(function (m) {
      if (m && (m.subject === 'lti.' + name || m.subject === 'org.imsglobal.lti.' + name) && !found) { found = m; }
    });
    if (!found) { throw new Error('the platform does not offer ' + name); }
    var frameName = found.frame || (target && target !== '_parent' ? target : null);
    var win = platform;
    if (frameName) {
      try { win = platform.frames[frameName] || platform; } catch (e) { win = platform; }
    }
    return { win: win, subject: found.subject };
  }

  function capabilities() {
    // Asking what the platform supports carries no secret, so it may go to any origin (the frame is the platform's).
    return ask(platform, 'lti.capabilities', {}, '*');
  }

  // The platform said it stores data, but its storage frame may still be loading (a busy device): ask again, a few times.
  function patiently(attempt, tries) {
    return attempt().catch(function (error) {
      if (tries <= 1 || !(error && error.unanswered)) { throw error; }
      return patiently(attempt, tries - 1);
    });
  }

  function put(caps, key, value) {
    var frame = storageFrame(caps, 'put_data');
    return patiently(function () { return ask(frame.win, frame.subject, { key: key, value: value }, targetOrigin); }, STORAGE_TRIES);
  }

  function get(caps, key) {
    var frame = storageFrame(caps, 'get_data');
    return patiently(function () { return ask(frame.win, frame.subject, { key: key }, targetOrigin); }, STORAGE_TRIES).then(function (reply) {
      if (reply.key !== key || typeof reply.value !== 'string' || !reply.value) { throw new Error('nothing stored for ' + key); }
      return reply.value;
    });
  }

  // Whether this frame may keep a cookie like the login's (SameSite=None; Secure; Partitioned).
  function cookiesWork() {
    try {
      var probe = 'lti_cookie_probe=1';
      document.cookie = probe + '; path=/; SameSite=None; Secure; Partitioned';
      var ok = document.cookie.indexOf(probe) >= 0;
      document.cookie = 'lti_cookie_probe=; path=/; max-age=0; SameSite=None; Secure; Partitioned';
      return ok;
    } catch (e) {
      return false;
    }
  }

  function say(text) {
    var status = document.getElementById('lti-storage-status');
    if (status) { status.textContent = text; }
  }

  function login() {
    if (!platform) { form.submit(); return; }
    capabilities().then(function (caps) {
      return Promise.all([
        put(caps, root.getAttribute('data-binding-key'), root.getAttribute('data-binding')),
        put(caps, root.getAttribute('data-nonce-key'), root.getAttribute('data-nonce'))
      ]);
    }).then(function () {
      form.submit();
    }, function () {
      if (cookiesWork()) { form.submit(); return; }
      say('The sign-in cannot finish inside this page.');
      var fallback = document.getElementById('lti-storage-fallback');
      if (fallback) {
        fallback.hidden = false;
        var link = fallback.querySelector('a');
        if (link) { link.focus(); }
      }
    });
  }

  function launch() {
    function fill(binding, nonce) {
      form.querySelector('input[name="lti_storage_binding"]').value = binding;
      form.querySelector('input[name="lti_storage_nonce"]').value = nonce;
      form.submit();
    }
    if (!platform) { fill('', ''); return; }
    capabilities().then(function (caps) {
      return Promise.all([get(caps, root.getAttribute('data-binding-key')), get(caps, root.getAttribute('data-nonce-key'))]);
    }).then(function (values) {
      fill(values[0], values[1]);
    }, function () {
      // Posted without the values, the tool answers with its page explaining the refusal (state_not_in_browser).
      fill('', '');
    });
  }

  if (mode === 'login') { login(); } else if (mode === 'launch') { launch(); }
})();
