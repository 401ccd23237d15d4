// PARTNER's six sub-items on a collaboration tie (issue 21): Neo4j declares no relationship
// properties, so nothing to change; the file keeps both stores' schema versions in step.
