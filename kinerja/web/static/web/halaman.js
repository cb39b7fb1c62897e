/* Small behaviours of every page, kept out of the HTML so that the Content-Security-Policy
   can forbid inline scripts: print buttons and the upload progress bar of the Excel import. */
document.addEventListener("click", function (e) {
  if (e.target.closest("[data-cetak]")) window.print();
});
document.addEventListener("htmx:xhr:progress", function (e) {
  var bar = document.getElementById("kemajuan");
  if (bar && e.detail.lengthComputable) bar.value = e.detail.loaded / e.detail.total * 100;
});
