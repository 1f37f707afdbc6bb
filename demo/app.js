// Acme Analytics: a small single-page app used to demo (and test) the Handoff widget.
const views = ["dashboard", "reports", "settings"];
const base = "/demo/";

function routeFromPath(pathname) {
  const name = pathname.startsWith(base) ? pathname.slice(base.length).split("/")[0] : "";
  return views.includes(name) ? name : "dashboard";
}

function show(route) {
  for (const section of document.querySelectorAll("[data-view]")) section.hidden = section.dataset.view !== route;
  for (const link of document.querySelectorAll("nav a")) {
    if (link.dataset.route === route) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  document.title = `${route[0].toUpperCase()}${route.slice(1)} · Acme Analytics`;
  if (route === "reports") loadReports();
}

function navigate(route) {
  const path = route === "dashboard" ? base : base + route;
  if (location.pathname !== path) history.pushState({ route }, "", path);
  show(route);
  document.getElementById("main").focus();
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-route]");
  if (!link || event.metaKey || event.ctrlKey) return;
  event.preventDefault();
  navigate(link.dataset.route);
});
addEventListener("popstate", () => show(routeFromPath(location.pathname)));

const FALLBACK = [
  {
    id: "rep_1",
    name: "Weekly active users",
    owner: "Dana Whitfield",
    updatedAt: "2026-11-02T09:14:00Z",
    status: "published",
  },
  { id: "rep_2", name: "Churn by plan", owner: "Luis Ortega", updatedAt: "2026-11-01T16:40:00Z", status: "published" },
  {
    id: "rep_3",
    name: "Funnel: trial to paid",
    owner: "Priya Raman",
    updatedAt: "2026-10-29T11:05:00Z",
    status: "draft",
  },
];

let reports = [];
async function loadReports() {
  try {
    const response = await fetch("/demo/api/reports");
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    reports = await response.json();
  } catch (error) {
    console.warn("Reports API unavailable, showing cached rows", error);
    reports = FALLBACK;
  }
  renderReports();
}

function renderReports() {
  const filter = document.getElementById("filter").value.trim().toLowerCase();
  const body = document.getElementById("reports-body");
  body.replaceChildren(
    ...reports
      .filter((r) => r.name.toLowerCase().includes(filter))
      .map((r) => {
        const tr = document.createElement("tr");
        for (const text of [r.name, r.owner, new Date(r.updatedAt).toLocaleDateString("en-US"), r.status]) {
          const td = document.createElement("td");
          td.textContent = text;
          tr.append(td);
        }
        tr.lastChild.className = `status ${r.status}`;
        return tr;
      }),
  );
}
document.getElementById("filter").addEventListener("input", renderReports);

function toast(message, kind = "info") {
  const el = document.getElementById("toast");
  el.textContent = message;
  el.className = kind;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (el.hidden = true), 4000);
}

document.getElementById("export").addEventListener("click", async () => {
  const button = document.getElementById("export");
  button.disabled = true;
  try {
    const response = await fetch("/demo/api/export", { method: "POST" });
    if (!response.ok) throw new Error(`server answered ${response.status}`);
    toast("Export started. We'll email you the file.");
  } catch (error) {
    console.error(`Export failed: ${error.message}`);
    toast("Export failed. Please try again.", "error");
  } finally {
    button.disabled = false;
  }
});

document.getElementById("toggle-password").addEventListener("click", (event) => {
  const input = document.getElementById("password");
  const showing = input.type === "text";
  input.type = showing ? "password" : "text";
  event.currentTarget.textContent = showing ? "Show password" : "Hide password";
  event.currentTarget.setAttribute("aria-pressed", String(!showing));
});

document.getElementById("settings-form").addEventListener("submit", (event) => {
  event.preventDefault();
  toast("Settings saved.");
});

// The host app tells Handoff who the user is (queued if the widget has not loaded yet).
window.Handoff = window.Handoff || { q: [] };
for (const m of ["open", "close", "identify", "setMetadata", "on", "shutdown"]) {
  window.Handoff[m] = window.Handoff[m] || ((...args) => window.Handoff.q.push([m, args]));
}
window.Handoff.setMetadata({ workspace: "northwind", release: "2026.11.3", featureFlags: "new-reports" });
// A real app gets the signed identity (userHash = HMAC of the user id) from its own backend.
fetch("/demo/api/me")
  .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
  .then((me) => window.Handoff.identify(me))
  .catch((error) => console.warn("Could not load the signed-in user", error));

show(routeFromPath(location.pathname));
