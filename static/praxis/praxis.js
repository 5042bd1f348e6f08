// Small behaviours shared by every page; kept in a file (no inline scripts).
document.addEventListener("click", function (event) {
  // Clicking a captcha image fetches a new one.
  var img = event.target.closest("img.captcha");
  if (img) {
    fetch("/captcha/refresh/", { headers: { "X-Requested-With": "XMLHttpRequest" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        img.src = data.image_url;
        var key = img.closest("form").querySelector("input[name$='captcha_0']");
        if (key) { key.value = data.key; }
      });
  }
  // "Select all" checkbox for batch actions.
  var all = event.target.closest("input[data-select-all]");
  if (all) {
    document.querySelectorAll("input[name='" + all.dataset.selectAll + "']").forEach(function (box) { box.checked = all.checked; });
  }
});
// Ask before destructive actions: <button data-confirm="确定删除？"> or <form data-confirm="…"> (this replaces
// onclick/onsubmit handlers, which the Content-Security-Policy refuses).
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  var text = (button && button.dataset.confirm) || event.target.dataset.confirm;
  if (text && !window.confirm(text)) { event.preventDefault(); }
});
