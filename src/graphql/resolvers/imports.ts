import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { importFiles, type ImportResult as StoredImport } from '../../store/import/index.js';
import type { ImportFormat } from '../../store/import/types.js';
import { listImports } from '../../store/queries/index.js';
import { ImportResult, Snapshot } from '../types/browse.js';
import type { WorkloadSource } from '../types/workloads.js';
import type { ApiContext } from '../context.js';
import { badUserInput } from '../errors.js';
import { toDate } from '../dates.js';

/** `accessql import /home/me/exports/iam.json` records the path it was given; the API shows only iam.json. */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

function toResult(r: StoredImport): ImportResult {
  return {
    ...r,
    workloadSources: r.workloadSources.map((s) => ({ ...s, source: s.source as WorkloadSource, snapshotId: r.snapshotId })),
    repairs: r.repairs.map((x) => ({ ...x, file: baseName(x.file), path: x.path ?? null })),
  };
}

/**
 * `formats` narrows what the document may be: importResources takes only get-resources output,
 * so a document of another kind is refused (nothing changes) instead of landing by surprise.
 */
function runImport(
  ctx: ApiContext,
  files: { name: string; text: string }[],
  lenient: boolean,
  formats?: readonly ImportFormat[],
  account?: string,
): ImportResult {
  if (account !== undefined && !/^\d{12}$/.test(account)) throw badUserInput('`accountId` is not a 12-digit account id', { argumentName: 'accountId' });
  const result = importFiles(ctx.app.store, files, { lenient, formats, account, keepSnapshots: ctx.app.keepSnapshots });
  ctx.log.info({ requestId: ctx.requestId, snapshotId: result.snapshotId, formats: result.files.map((f) => f.format) }, 'import');
  return toResult(result);
}

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportResult, {
    description:
      "Imports `aws iam get-account-authorization-details` output (CLI shape with JSON documents, or the raw API's URL-encoded documents), an organization document, a resource policies document, a single policy document, or workload state (`aws iam get-credential-report`, `aws ec2 describe-instances`, `aws lambda list-functions`, `aws glue get-dev-endpoints`, `aws sagemaker describe-notebook-instance`, `aws cloudformation describe-stacks` output; each replaces that account's earlier rows of the same source), detected from content. All or nothing. Admin only when ACCESSQL_ADMIN_TOKEN is set.",
  })
  importAuthorizationDetails(
    @Arg('document', () => String, { nullable: true, description: 'One document. Give exactly one of `document` and `documents`.' })
    document: string | null | undefined,
    @Arg('documents', () => [String], {
      nullable: true,
      description:
        'Several documents (the pages of a multi-page export, say), imported in one transaction like `accessql import FILE...`: all land or nothing changes. Named `documents[i]` in errors.',
    })
    documents: string[] | null | undefined,
    @Arg('lenient', () => Boolean, {
      defaultValue: false,
      description: 'Repair trailing and missing commas in policy documents, reporting each. Default false.',
    })
    lenient: boolean,
    @Arg('accountId', () => String, {
      nullable: true,
      description:
        'The account workload state outputs come from: needed for an empty listing (`{"Functions": []}` names no account); an item of another account is then refused.',
    })
    accountId: string | null | undefined,
    @Ctx() ctx: ApiContext,
  ): ImportResult {
    const account = accountId ?? undefined;
    if ((document === null || document === undefined) === (documents === null || documents === undefined)) {
      throw badUserInput('Give exactly one of `document` and `documents`', { argumentName: 'documents' });
    }
    if (documents) {
      if (documents.length === 0) throw badUserInput('`documents` is empty', { argumentName: 'documents' });
      const files = documents.map((text, i) => {
        if (!text.trim()) throw badUserInput(`\`documents[${i}]\` is empty`, { argumentName: `documents[${i}]` });
        return { name: `documents[${i}]`, text };
      });
      return runImport(ctx, files, lenient, undefined, account);
    }
    if (!document!.trim()) throw badUserInput('`document` is empty', { argumentName: 'document' });
    return runImport(ctx, [{ name: 'document', text: document! }], lenient, undefined, account);
  }

  @Mutation(() => ImportResult, {
    description:
      '`aws resourcegroupstaggingapi get-resources` output (any other document is refused: BAD_USER_INPUT, nothing changes). All or nothing. Admin only when ACCESSQL_ADMIN_TOKEN is set.',
  })
  importResources(
    @Arg('document', () => String, { description: '`aws resourcegroupstaggingapi get-resources` output, JSON text.' }) document: string,
    @Ctx() ctx: ApiContext,
  ): ImportResult {
    if (!document.trim()) throw badUserInput('`document` is empty', { argumentName: 'document' });
    return runImport(ctx, [{ name: 'document', text: document }], false, ['resources']);
  }

  @Query(() => [Snapshot], { description: 'Every import (a numbered snapshot), newest first.' })
  imports(@Ctx() ctx: ApiContext): Snapshot[] {
    return listImports(ctx.app.store).map((r) => ({
      id: r.id,
      startedAt: toDate(r.startedAt)!,
      finishedAt: toDate(r.finishedAt),
      label: r.label,
      files: r.files.map((f) => baseName(f.name)),
      counts: r.counts ?? null,
      queryable: r.queryable,
      pruned: r.prunedAt !== null,
      prunedAt: toDate(r.prunedAt),
    }));
  }
}
