// Waits for the server on PORT to answer, runs one GraphQL query and prints the plans it holds.
const port = process.env.PORT ?? '4000';
const base = `http://localhost:${port}`;
for (let attempt = 0; ; attempt++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {
    // not listening yet
  }
  if (attempt > 120) throw new Error(`server did not answer on ${base}`);
  await new Promise((done) => setTimeout(done, 250));
}
const response = await fetch(`${base}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ plans { totalCount nodes { year department { name } } } }' }),
});
const body = await response.json();
if (!response.ok || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body)}`);
for (const plan of body.data.plans.nodes) console.log(`  ${plan.year} ${plan.department.name}`);
console.log(`smoke: ${base} answers with ${body.data.plans.totalCount} plans`);
