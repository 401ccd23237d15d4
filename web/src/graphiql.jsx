// GraphiQL at /graphql (demo mode), bundled from npm like the map page: no CDN, nothing fetched
// from anywhere but this server. In demo mode the page carries the demo tokens (see
// carenet.web.graphiql) and opens with one of them in the headers editor; a selector swaps roles.
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import "graphiql/style.css";

const DEFAULT_QUERY = `# carenet GraphQL (demo). The headers tab holds the selected role's token.
query FirstTeams {
  teams(first: 5) {
    totalCount
    edges { node { uid name sector } }
  }
}
`;

function readDemo() {
  const el = document.getElementById("carenet-demo");
  if (!el) return { tokens: {}, role: null };
  try {
    const data = JSON.parse(el.textContent || "{}");
    return { tokens: data.tokens || {}, role: data.role || null };
  } catch {
    return { tokens: {}, role: null };
  }
}

export function headersFor(token) {
  return token ? JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2) : "";
}

function App({ tokens, initialRole }) {
  const roles = Object.keys(tokens);
  const [role, setRole] = useState(initialRole);
  const headers = headersFor(tokens[role]);
  // A new fetcher per role, so GraphiQL loads the schema again with that role's credentials.
  const fetcher = useMemo(
    () => createGraphiQLFetcher({
      url: "/graphql",
      enableIncrementalDelivery: false,
      headers: tokens[role] ? { Authorization: `Bearer ${tokens[role]}` } : {},
    }),
    [role],
  );
  return (
    <div className="carenet-graphiql">
      <header className="carenet-bar">
        <strong>carenet GraphQL</strong>
        {roles.length > 0 ? (
          <label>
            Demo role{" "}
            <select id="carenet-role" value={role} onChange={(e) => setRole(e.target.value)}>
              {roles.map((r) => <option key={r} value={r}>{r}</option>)}
            </select>
          </label>
        ) : (
          <span id="carenet-no-token">Send credentials in the Headers tab: {"{\"Authorization\": \"Bearer <token>\"}"} or {"{\"Authorization\": \"ApiKey <key>\"}"}</span>
        )}
      </header>
      <div className="carenet-ide" data-role={role || ""}>
        <GraphiQL
          key={role || "none"}
          fetcher={fetcher}
          defaultQuery={DEFAULT_QUERY}
          defaultHeaders={headers}
          headers={headers || undefined}
          defaultEditorToolsVisibility="headers"
          isHeadersEditorEnabled
          shouldPersistHeaders={false}
        />
      </div>
    </div>
  );
}

const { tokens, role } = readDemo();
const first = role && tokens[role] ? role : Object.keys(tokens)[0] || null;
createRoot(document.getElementById("graphiql")).render(<App tokens={tokens} initialRole={first} />);
