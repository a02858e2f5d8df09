import { readFileSync } from 'node:fs';
import { contextEntries, parse, UsageError } from '../args.js';
import { runOperation } from '../local-graphql.js';
import { SIMULATE_CUSTOM } from '../operations.js';
import { describeStatements, printJson, table } from '../output.js';
function readAll(files) {
    return files?.map((f) => {
        try {
            return readFileSync(f, 'utf8');
        }
        catch (e) {
            throw new UsageError(`cannot read ${f}: ${e.code ?? e.message}`);
        }
    });
}
/** `accessql simulate`: the simulateCustomPolicy query on policy files. Exit 0 whatever the decisions. */
export async function simulate(argv) {
    const { values } = parse(argv, {
        policy: { type: 'string', multiple: true },
        boundary: { type: 'string', multiple: true },
        scp: { type: 'string', multiple: true },
        'resource-policy': { type: 'string' },
        'resource-owner': { type: 'string' },
        caller: { type: 'string' },
        action: { type: 'string', multiple: true },
        resource: { type: 'string', multiple: true },
        context: { type: 'string', multiple: true },
        json: { type: 'boolean' },
    });
    if (!values.policy?.length)
        throw new UsageError('simulate needs --policy FILE (one or more)');
    if (!values.action?.length)
        throw new UsageError('simulate needs --action A (one or more)');
    const input = {
        policies: readAll(values.policy),
        permissionsBoundaries: readAll(values.boundary),
        // Each --scp FILE is one level (root first), with one policy per level.
        serviceControlPolicies: readAll(values.scp)?.map((p) => [p]),
        resourcePolicy: values['resource-policy'] ? readAll([values['resource-policy']])[0] : undefined,
        resourceOwner: values['resource-owner'],
        callerArn: values.caller,
        actions: values.action,
        resources: values.resource,
        context: contextEntries(values.context),
    };
    const data = await runOperation(undefined, SIMULATE_CUSTOM, { input });
    const report = data.simulateCustomPolicy;
    if (values.json) {
        printJson(report);
        return 0;
    }
    const rows = report.results.map((r) => [
        r.action,
        r.resource,
        r.decision,
        [describeStatements(r.matchedStatements), r.missingContextKeys.length ? `missing: ${r.missingContextKeys.join(', ')}` : ''].filter(Boolean).join('  '),
    ]);
    process.stdout.write(`${table(['ACTION', 'RESOURCE', 'DECISION', 'WHY'], rows)}\n`);
    return 0;
}
//# sourceMappingURL=simulate.js.map