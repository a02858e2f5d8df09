var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { importFiles } from '../../store/import/index.js';
import { listImports } from '../../store/queries/index.js';
import { ImportResult, Snapshot } from '../types/browse.js';
import { badUserInput } from '../errors.js';
function toResult(r) {
    return { ...r, repairs: r.repairs.map((x) => ({ ...x, path: x.path ?? null })) };
}
/**
 * `formats` narrows what the document may be: importResources takes only get-resources output,
 * so a document of another kind is refused (nothing changes) instead of landing by surprise.
 */
function runImport(ctx, files, lenient, formats) {
    const result = importFiles(ctx.app.store, files, { lenient, formats });
    ctx.log.info({ requestId: ctx.requestId, snapshotId: result.snapshotId, formats: result.files.map((f) => f.format) }, 'import');
    return toResult(result);
}
let ImportResolver = class ImportResolver {
    importAuthorizationDetails(document, documents, lenient, ctx) {
        if ((document === null || document === undefined) === (documents === null || documents === undefined)) {
            throw badUserInput('Give exactly one of `document` and `documents`', { argumentName: 'documents' });
        }
        if (documents) {
            if (documents.length === 0)
                throw badUserInput('`documents` is empty', { argumentName: 'documents' });
            const files = documents.map((text, i) => {
                if (!text.trim())
                    throw badUserInput(`\`documents[${i}]\` is empty`, { argumentName: `documents[${i}]` });
                return { name: `documents[${i}]`, text };
            });
            return runImport(ctx, files, lenient);
        }
        if (!document.trim())
            throw badUserInput('`document` is empty', { argumentName: 'document' });
        return runImport(ctx, [{ name: 'document', text: document }], lenient);
    }
    importResources(document, ctx) {
        if (!document.trim())
            throw badUserInput('`document` is empty', { argumentName: 'document' });
        return runImport(ctx, [{ name: 'document', text: document }], false, ['resources']);
    }
    imports(ctx) {
        return listImports(ctx.app.store).map((r) => ({
            id: r.id, startedAt: r.startedAt, finishedAt: r.finishedAt, label: r.label,
            files: r.files.map((f) => f.name), counts: r.counts ? JSON.stringify(r.counts) : null,
        }));
    }
};
__decorate([
    Mutation(() => ImportResult, {
        description: "Imports `aws iam get-account-authorization-details` output (CLI shape with JSON documents, or the raw API's URL-encoded documents), an organization document, a resource policies document, or a single policy document (detected from content). All or nothing. Admin only when ACCESSQL_ADMIN_TOKEN is set.",
    }),
    __param(0, Arg('document', () => String, { nullable: true, description: 'One document. Give exactly one of `document` and `documents`.' })),
    __param(1, Arg('documents', () => [String], { nullable: true, description: 'Several documents (the pages of a multi-page export, say), imported in one transaction like `accessql import FILE...`: all land or nothing changes. Named `documents[i]` in errors.' })),
    __param(2, Arg('lenient', () => Boolean, { defaultValue: false, description: 'Repair trailing and missing commas in policy documents, reporting each.' })),
    __param(3, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object, Boolean, Object]),
    __metadata("design:returntype", ImportResult)
], ImportResolver.prototype, "importAuthorizationDetails", null);
__decorate([
    Mutation(() => ImportResult, { description: '`aws resourcegroupstaggingapi get-resources` output (any other document is refused: BAD_USER_INPUT, nothing changes). All or nothing. Admin only when ACCESSQL_ADMIN_TOKEN is set.' }),
    __param(0, Arg('document', () => String)),
    __param(1, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", ImportResult)
], ImportResolver.prototype, "importResources", null);
__decorate([
    Query(() => [Snapshot], { description: 'Every import, newest first.' }),
    __param(0, Ctx()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Array)
], ImportResolver.prototype, "imports", null);
ImportResolver = __decorate([
    Resolver()
], ImportResolver);
export { ImportResolver };
//# sourceMappingURL=imports.js.map