import { parseArn } from '../util/arn.js';
export function callerFromArn(arn) {
    const parsed = parseArn(arn);
    if (!parsed)
        return undefined;
    const { partition, service, account: accountId, resource } = parsed;
    if (service === 'iam') {
        if (resource === 'root')
            return { arn, accountId, type: 'Root' };
        if (resource.startsWith('user/'))
            return { arn, accountId, type: 'User' };
        if (resource.startsWith('role/'))
            return { arn, accountId, type: 'Role', sessionName: 'accessql' };
    }
    if (service === 'sts' && resource.startsWith('assumed-role/')) {
        const [, roleName, sessionName] = resource.split('/');
        // The session's role: path unknown from the session ARN, so the root path is assumed.
        return { arn: `arn:${partition}:iam::${accountId}:role/${roleName}`, accountId, type: 'Role', sessionName };
    }
    if (service === 'sts' && resource.startsWith('federated-user/'))
        return { arn, accountId, type: 'FederatedUser' };
    return { arn, accountId };
}
//# sourceMappingURL=caller.js.map