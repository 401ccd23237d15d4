// GraphQL over HTTP with the viewer's token. The token arrives in the URL fragment (#token=...),
// is kept in sessionStorage and removed from the address bar so it is not shared with the URL.

const TOKEN_KEY = "carenet.token";

export function takeToken(win = window) {
  const fragment = new URLSearchParams(win.location.hash.replace(/^#/, ""));
  const fromUrl = fragment.get("token");
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    fragment.delete("token");
    const rest = fragment.toString();
    win.history.replaceState(null, "", win.location.pathname + win.location.search + (rest ? `#${rest}` : ""));
  }
  return win.sessionStorage.getItem(TOKEN_KEY);
}

export class GraphQLError extends Error {
  constructor(message, { errors = [], status = 0 } = {}) {
    super(message);
    this.errors = errors;
    this.status = status;
  }

  /** True when the server does not know a field we asked for (an older or partial API). */
  get missingField() {
    return this.errors.some((e) => /Cannot query field|Unknown (type|argument)/.test(e.message || ""));
  }
}

export function client({ endpoint = "/graphql", token = null } = {}) {
  return async function query(text, variables = {}) {
    const headers = {
      "Content-Type": "application/json",
      Accept: "application/graphql-response+json, application/json",
    };
    if (token) headers.Authorization = `Bearer ${token}`;
    let response;
    try {
      response = await fetch(endpoint, { method: "POST", headers, body: JSON.stringify({ query: text, variables }) });
    } catch (err) {
      throw new GraphQLError(`cannot reach the server: ${err.message}`);
    }
    let body = null;
    try {
      body = await response.json();
    } catch {
      throw new GraphQLError(`the server answered ${response.status} without GraphQL`, { status: response.status });
    }
    if (body.errors && body.errors.length) {
      throw new GraphQLError(body.errors.map((e) => e.message).join("; "), { errors: body.errors, status: response.status });
    }
    if (!response.ok) throw new GraphQLError(`the server answered ${response.status}`, { status: response.status });
    return body.data;
  };
}
