// TW I–IV target and realisasi per indicator (Chart.js, vendored). Numbers arrive as strings.
(function () {
  var el = document.getElementById("data-grafik");
  if (!el || !window.Chart) return;
  var fmt = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 });
  JSON.parse(el.textContent).forEach(function (g) {
    var canvas = document.getElementById(g.id);
    if (!canvas) return;
    var num = function (v) { return v === null ? null : Number(v); };
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: g.labels,
        datasets: [
          { label: "Target", data: g.target.map(num), backgroundColor: "#b8c4d6" },
          { label: "Realisasi", data: g.realisasi.map(num), backgroundColor: "#1f6f8b" },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + fmt.format(c.parsed.y); } } },
        },
        scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return fmt.format(v); } } } },
      },
    });
  });
})();
