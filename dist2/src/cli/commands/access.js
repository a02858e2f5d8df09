import { contextEntries, parse, UsageError } from '../args.js';
import { runOperation } from '../local-graphql.js';
import { WHAT_CAN, WHO_CAN } from '../operations.js';
import { describeStatements, printJson, table } from '../output.js';
/** Fetches every page: the CLI answers the whole question, the API pages it. */
async function allPages(app, source, field, variables) {
    let after = null;
    let merged;
    do {
        const data = await runOperation(app, source, { ...variables, first: 500, after });
        const page = data[field];
        merged = merged ? { ...page, edges: [...merged.edges, ...page.edges] } : page;
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return merged;
}
const ACCESS_OPTIONS = {
    db: { type: 'string' },
    context: { type: 'string', multiple: true },
    'include-conditional': { type: 'boolean' },
    json: { type: 'boolean' },
};
export async function whoCan(argv, openApp) {
    const { values, positionals } = parse(argv, ACCESS_OPTIONS);
    if (positionals.length !== 2)
        throw new UsageError('usage: accessql who-can ACTION RESOURCE [--context KEY=VALUE]... [--include-conditional] [--json]');
    const [action, resource] = positionals;
    const app = openApp();
    try {
        const result = await allPages(app, WHO_CAN, 'whoCan', {
            action,
            resource,
            context: contextEntries(values.context),
            includeConditional: Boolean(values['include-conditional']),
        });
        if (values.json) {
            printJson(result);
            return 0;
        }
        const rows = result.edges.map(({ node }) => [
            node.principal.arn,
            node.principal.type,
            node.conditional ? `if ${node.missingContextKeys.join(', ')}` : 'yes',
            describeStatements(node.matchedStatements),
        ]);
        for (const w of result.warnings ?? [])
            process.stderr.write(`warning: ${w}\n`);
        if (result.evaluatedResourceType)
            process.stdout.write(`evaluated as: ${result.evaluatedResourceType}\n`);
        process.stdout.write(`${table(['PRINCIPAL', 'TYPE', 'ALLOWED', 'HOW'], rows)}\n${result.totalCount} principal(s) can ${action} on ${resource}\n`);
        return 0;
    }
    finally {
        app.close();
    }
}
export async function whatCan(argv, openApp) {
    const { values, positionals } = parse(argv, ACCESS_OPTIONS);
    if (positionals.length !== 2)
        throw new UsageError('usage: accessql what-can PRINCIPAL_ARN RESOURCE [--json]');
    const [principalArn, resource] = positionals;
    const app = openApp();
    try {
        const result = await allPages(app, WHAT_CAN, 'whatCan', {
            principalArn,
            resource,
            context: contextEntries(values.context),
            includeConditional: Boolean(values['include-conditional']),
        });
        if (values.json) {
            printJson(result);
            return 0;
        }
        const rows = result.edges.map(({ node }) => [
            node.action,
            node.resource === resource ? node.resourceType : `${node.resourceType} (${node.resource})`,
            node.conditional ? `if ${node.missingContextKeys.join(', ')}` : 'yes',
            describeStatements(node.matchedStatements),
        ]);
        for (const w of result.warnings ?? [])
            process.stderr.write(`warning: ${w}\n`);
        process.stdout.write(`${table(['ACTION', 'ON', 'ALLOWED', 'HOW'], rows)}\n${result.totalCount} action(s) allowed to ${principalArn} on ${resource}\n`);
        return 0;
    }
    finally {
        app.close();
    }
}
//# sourceMappingURL=access.js.map