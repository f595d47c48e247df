// The commitments chart (Chart.js): what was pledged and delivered, as a share of what was
// sought, for each initiative by date. Units differ, percentages compare. Data comes from a
// JSON block in the page, never from inline script.
window.addEventListener("DOMContentLoaded", function () {
  var block = document.getElementById("commitments-data");
  var canvas = document.getElementById("commitments-chart");
  if (!block || !canvas || !window.Chart) return;
  var rows = JSON.parse(block.textContent || "[]");
  function pick(key) { return rows.map(function (r) { return r[key]; }); }
  new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: pick("label"),
      datasets: [
        { label: "pledged, % of sought", data: pick("pledged"), backgroundColor: "#2f7d5b" },
        { label: "delivered, % of sought", data: pick("delivered"), backgroundColor: "#d08b1f" }
      ]
    },
    options: {
      responsive: true,
      animation: false,
      plugins: {
        title: { display: true, text: "Pledged and delivered as a share of what was sought (100% = met)" },
        tooltip: { callbacks: { afterLabel: function (ctx) { return rows[ctx.dataIndex].detail; } } }
      },
      scales: { y: { beginAtZero: true, title: { display: true, text: "% of sought" } } }
    }
  });
});
