import { formatPath } from './shape.js';
export class ImportSession {
    writer;
    lenient;
    file = '';
    repairs = [];
    accounts = new Set();
    users = new Set();
    roles = new Set();
    groups = new Set();
    policies = new Set();
    resources = new Set();
    resourcePolicies = new Set();
    /** The id of the organization this import wrote (the last one, when several files carry one). */
    organization = null;
    organizationalUnits = 0;
    organizationAccounts = 0;
    organizationPolicies = 0;
    policyVersions = 0;
    inlinePolicies = 0;
    statements = 0;
    iamAccounts = new Set();
    kinds = new Set();
    resourceAccounts = new Set();
    onProgress;
    total;
    fileStart = 0;
    fileSize = 0;
    lastReported = -1;
    constructor(writer, lenient, total, onProgress) {
        this.writer = writer;
        this.lenient = lenient;
        this.total = total;
        this.onProgress = onProgress;
    }
    /** The lists an authorization-details file carries; each replaces its part of every account met. */
    declareKinds(kinds) {
        for (const k of kinds) {
            if (this.kinds.has(k))
                continue;
            this.kinds.add(k);
            // No row of this kind was written yet in this import: clearing cannot lose any.
            for (const a of this.iamAccounts)
                this.writer.clearAccountKind(a, k);
        }
    }
    /** Call before writing an IAM entity of the account. */
    iamAccount(accountId) {
        if (this.iamAccounts.has(accountId))
            return;
        this.iamAccounts.add(accountId);
        this.accounts.add(accountId);
        this.writer.markIamAccount(accountId);
        for (const k of this.kinds)
            this.writer.clearAccountKind(accountId, k);
    }
    /** Call before writing a tagged resource owned by the account. */
    resourceAccount(accountId) {
        if (this.resourceAccounts.has(accountId))
            return;
        this.resourceAccounts.add(accountId);
        this.accounts.add(accountId);
        this.writer.markResourceAccount(accountId);
        this.writer.clearAccountResources(accountId);
    }
    repair(path, findings) {
        for (const f of findings) {
            this.repairs.push({
                file: this.file,
                line: f.line ?? 1,
                column: f.column ?? 1,
                message: path ? `${formatPath(path)}: ${f.message}` : f.message,
                ...(path ? { path: formatPath(path) } : {}),
            });
        }
    }
    beginFile(name, size) {
        this.file = name;
        this.fileSize = size;
        this.report(this.fileStart);
    }
    /** Progress within the current file, as a fraction of its items. */
    step(done, of) {
        if (!this.onProgress || of === 0)
            return;
        this.report(this.fileStart + Math.floor((this.fileSize * done) / of));
    }
    endFile() {
        this.fileStart += this.fileSize;
        this.report(this.fileStart);
    }
    report(done) {
        if (!this.onProgress)
            return;
        // At most ~200 calls for the whole import, so a TTY bar costs nothing.
        const bucket = this.total === 0 ? 200 : Math.floor((done * 200) / this.total);
        if (bucket === this.lastReported)
            return;
        this.lastReported = bucket;
        this.onProgress(Math.min(done, this.total), this.total);
    }
}
//# sourceMappingURL=session.js.map