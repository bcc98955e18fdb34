"use strict";
// Calls to the query API. Opened as /api/dashboard?code=KEY (a function key on Azure, Api:Key locally), the page
// sends the same key with every call.
const apiKey = new URLSearchParams(location.search).get("code");

class ApiError extends Error {
  constructor(message, status) { super(message); this.status = status; }
}

/** Query string from an object: empty values are left out (the API rejects unknown or empty parameters), arrays repeat. */
function queryString(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    for (const item of Array.isArray(v) ? v : [v]) if (item != null && String(item).trim() !== "") q.append(k, String(item).trim());
  }
  const s = q.toString();
  return s ? "?" + s : "";
}

async function get(path, params) {
  const headers = { accept: "application/json" };
  if (apiKey) headers["x-functions-key"] = apiKey;
  const res = await fetch(path + queryString(params), { headers });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    let detail = body.errors ? Object.entries(body.errors).map(([k, v]) => k + ": " + v.join(" ")).join("; ") : (body.detail || body.title || res.statusText);
    // A 404 without a detail is a route this server does not have (an older version), not a missing item.
    if (res.status === 404 && !body.detail && !body.errors) detail = `not available on this server (GET ${path} answered 404)`;
    throw new ApiError(detail, res.status);
  }
  return body;
}

/** Runs a panel's load, showing its failure in the panel's error line instead of failing silently. */
async function guarded(errorId, load) {
  $(errorId).textContent = "";
  try { return await load(); } catch (e) { $(errorId).textContent = e.message; return undefined; }
}
