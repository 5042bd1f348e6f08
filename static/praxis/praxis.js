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
// Ask before destructive actions: <button data-confirm="确定删除？">
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) { event.preventDefault(); }
});
