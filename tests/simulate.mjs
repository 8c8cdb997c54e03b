// Runs the IAM policy simulator (@cloud-copilot/iam-simulate, a test tool installed by make test)
// over a JSON list of simulations read from the file named by the first argument, and prints one
// JSON list of results in the same order: "Allowed", "ImplicitlyDenied", "ExplicitlyDenied", or
// "Error: …" when the simulator refused the request.
import { readFileSync } from 'node:fs';
import { runSimulation } from '@cloud-copilot/iam-simulate';

const simulations = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = [];
for (const s of simulations) {
  const outcome = await runSimulation(
    {
      request: { principal: s.principal, action: s.action, resource: { resource: s.resource, accountId: s.accountId }, contextVariables: s.context },
      identityPolicies: s.identityPolicies.map((policy, i) => ({ name: `policy${i}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: s.resourcePolicy ?? undefined,
    },
    { simulationMode: 'Strict' },
  );
  results.push(outcome.errors ? `Error: ${JSON.stringify(outcome.errors)}` : outcome.overallResult);
}
process.stdout.write(JSON.stringify(results));
