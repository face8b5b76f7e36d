// Reads Mercato's OpenAPI document on stdin and writes it, stable, to stdout: without `servers` (the address it was
// fetched from), indented by two spaces, with a final newline. The xUnit check compares the same way.
let text = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (text += chunk));
process.stdin.on("end", () => {
  const doc = JSON.parse(text);
  delete doc.servers;
  process.stdout.write(JSON.stringify(doc, null, 2) + "\n");
});
