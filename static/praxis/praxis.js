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
// 培训场地 map (apprenticeships venues, only when PRAXIS_MAP_TILE_URL is set): a 3×3 grid of XYZ tiles from the
// configured intranet source around the venue; a click writes latitude and longitude (WGS-84, Web Mercator)
// into the form's input[data-map-lat] / input[data-map-lng]. No map library: tiles are plain <img>s.
(function () {
  var SIZE = 256, VIEW = 3 * SIZE;
  function worldSize(z) { return SIZE * Math.pow(2, z); }
  function toPixel(lat, lng, z) {
    var rad = lat * Math.PI / 180, w = worldSize(z);
    return { x: (lng + 180) / 360 * w, y: (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * w };
  }
  function toLatLng(x, y, z) {
    var w = worldSize(z);
    return { lat: Math.atan(Math.sinh(Math.PI * (1 - 2 * y / w))) * 180 / Math.PI, lng: x / w * 360 - 180 };
  }
  function draw(map) {
    var z = +map.dataset.mapZoom, centre = toPixel(+map.dataset.mapLat, +map.dataset.mapLng, z);
    var left = centre.x - VIEW / 2, top = centre.y - VIEW / 2, n = Math.pow(2, z);
    map.replaceChildren();
    for (var tx = Math.floor(left / SIZE); tx * SIZE < left + VIEW; tx++) {
      for (var ty = Math.floor(top / SIZE); ty * SIZE < top + VIEW; ty++) {
        if (ty < 0 || ty >= n) { continue; }
        var img = document.createElement("img");
        img.src = map.dataset.mapTiles.replace("{z}", z).replace("{x}", ((tx % n) + n) % n).replace("{y}", ty);
        img.alt = "";
        img.className = "venue-map-tile";
        img.style.left = (tx * SIZE - left) + "px";
        img.style.top = (ty * SIZE - top) + "px";
        map.appendChild(img);
      }
    }
    var form = map.closest("form"), lat = form.querySelector("input[data-map-lat]");
    var lng = form.querySelector("input[data-map-lng]");
    if (lat && lng && lat.value && lng.value) {
      var at = toPixel(+lat.value, +lng.value, z), pin = document.createElement("div");
      pin.className = "venue-map-pin";
      pin.style.left = (at.x - left) + "px";
      pin.style.top = (at.y - top) + "px";
      map.appendChild(pin);
    }
    map.dataset.mapLeft = left;
    map.dataset.mapTop = top;
  }
  document.querySelectorAll("[data-map-tiles]").forEach(draw);
  document.addEventListener("click", function (event) {
    var map = event.target.closest("[data-map-tiles]");
    if (map) {
      var box = map.getBoundingClientRect(), scale = VIEW / box.width, z = +map.dataset.mapZoom;
      var point = toLatLng(+map.dataset.mapLeft + (event.clientX - box.left) * scale,
                           +map.dataset.mapTop + (event.clientY - box.top) * scale, z);
      var form = map.closest("form");
      form.querySelector("input[data-map-lat]").value = point.lat.toFixed(6);
      form.querySelector("input[data-map-lng]").value = point.lng.toFixed(6);
      draw(map);
      return;
    }
    var button = event.target.closest("[data-map-pan], [data-map-zoom-by]");
    if (!button) { return; }
    var target = button.closest("form").querySelector("[data-map-tiles]");
    if (!target) { return; }
    if (button.dataset.mapZoomBy) {
      target.dataset.mapZoom = Math.min(18, Math.max(3, +target.dataset.mapZoom + +button.dataset.mapZoomBy));
    } else {
      var step = button.dataset.mapPan.split(","), zoom = +target.dataset.mapZoom;
      var c = toPixel(+target.dataset.mapLat, +target.dataset.mapLng, zoom);
      var moved = toLatLng(c.x + step[0] * SIZE, c.y + step[1] * SIZE, zoom);
      target.dataset.mapLat = moved.lat;
      target.dataset.mapLng = moved.lng;
    }
    draw(target);
  });
})();
