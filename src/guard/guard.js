/*
 * Старый движок надстроек: Internet Explorer 11 (корпоративные Office 2016/2019) или EdgeHTML
 * (Office без WebView2) не выполнит код панели — вместо пустой панели показываем страницу guard.html
 * с объяснением. Plain ES5 on purpose: this is the one script those engines must be able to run.
 */
(function () {
  var ua = window.navigator.userAgent || '';
  var trident = !!document.documentMode || /Trident\/|MSIE /.test(ua);
  var edgeHtml = /Edge\/\d/.test(ua);
  var modern =
    typeof window.Promise === 'function' &&
    typeof window.fetch === 'function' &&
    typeof Object.fromEntries === 'function' &&
    typeof Array.prototype.flat === 'function';
  if (trident || edgeHtml || !modern) {
    var engine = trident ? 'ie11' : edgeHtml ? 'edgehtml' : 'old';
    window.location.replace('guard.html?engine=' + engine);
  }
})();
