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
async function graphql(query, variables = {}, token = null) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (!response.ok || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body)}`);
  return body;
}

// The demo administrator that `pnpm cli seed` creates.
const signIn = await graphql('mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token userErrors { message } } }', {
  u: 'admin',
  p: 'jixiao-demo',
});
const token = signIn.data.signIn.token;
if (!token) throw new Error(`sign-in failed: ${JSON.stringify(signIn.data.signIn.userErrors)}`);
const body = await graphql('{ plans { totalCount nodes { year department { name } rollup { computedTotal scoredCount gradeLabel gradeProvisional } checks { code } } } }', {}, token);
for (const plan of body.data.plans.nodes) {
  const { computedTotal, scoredCount, gradeLabel, gradeProvisional } = plan.rollup;
  // A plan nobody has scored yet has no total: say so rather than print 0.
  const score = scoredCount > 0 && computedTotal != null ? `综合得分 ${computedTotal} ${gradeLabel ?? ''}${gradeProvisional ? '（暂定）' : ''}` : '未评分';
  console.log(`  ${plan.year} ${plan.department.name}: ${score} · 勾稽提示 ${plan.checks.length} 条`);
}
console.log(`smoke: ${base} answers with ${body.data.plans.totalCount} plans`);
