// Tells the LMS that opened the dynamic registration it may close the frame or window
// (LTI Dynamic Registration 1.0 §3.7). The page itself already says what happened.
(function () {
  var target = window.opener || window.parent;
  if (target && target !== window) {
    target.postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
  }
})();
