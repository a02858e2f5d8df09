export function callerFromArn(arn) {
    const parts = arn.split(':');
    if (parts.length < 6 || parts[0] !== 'arn')
        return undefined;
    const [, partition, service, , accountId] = parts;
    const resource = parts.slice(5).join(':');
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
/** The 12-digit account of an ARN, if it has one. */
export function accountOfArn(arn) {
    const parts = arn.split(':');
    if (parts.length < 6 || parts[0] !== 'arn')
        return undefined;
    return /^\d{12}$/.test(parts[4]) ? parts[4] : undefined;
}
//# sourceMappingURL=caller.js.map