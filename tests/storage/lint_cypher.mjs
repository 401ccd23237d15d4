// Lints Cypher with Neo4j's own linter (@neo4j-cypher/language-support).
// stdin: {"schema": {labels, relationshipTypes, propertyKeys, parameters}, "queries": [{"name", "text"}]}
// stdout: [{"name", "diagnostics": [{"severity", "message", "offsets"}]}]
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const { schema, queries } = JSON.parse(input);
// Neo4j's built-in functions and procedures, as the package's own schema fixture records them.
const dbSchema = {
  ...schema,
  functions: testData.mockSchema.functions,
  procedures: testData.mockSchema.procedures,
};
const out = queries.map(({ name, text }) => {
  const { diagnostics } = lintCypherQuery(text, dbSchema);
  return {
    name,
    diagnostics: diagnostics.map((d) => ({ severity: d.severity, message: d.message, offsets: d.offsets })),
  };
});
process.stdout.write(JSON.stringify(out));
