/**
 * /ui/components.js: accessql's views as framework-free custom elements for any page:
 *   <accessql-who-can endpoint action resource>, <accessql-what-can endpoint principal resource>,
 *   <accessql-principal endpoint arn>, <accessql-policy endpoint policy-id>, <accessql-paths endpoint arn>,
 *   <accessql-changes endpoint from to>
 * each with a `token` property for servers that need a Bearer token.
 */
import { AccessqlWhoCan } from './who-can.js';
import { AccessqlWhatCan } from './what-can.js';
import { AccessqlPrincipal } from './principal.js';
import { AccessqlPolicy } from './policy.js';
import { AccessqlPaths } from './paths.js';
import { AccessqlPolicyList, AccessqlPrincipalList } from './lists.js';
import { AccessqlChanges } from './changes.js';

const ELEMENTS: [string, CustomElementConstructor][] = [
  ['accessql-who-can', AccessqlWhoCan],
  ['accessql-what-can', AccessqlWhatCan],
  ['accessql-principal', AccessqlPrincipal],
  ['accessql-policy', AccessqlPolicy],
  ['accessql-paths', AccessqlPaths],
  ['accessql-principal-list', AccessqlPrincipalList],
  ['accessql-policy-list', AccessqlPolicyList],
  ['accessql-changes', AccessqlChanges],
];

// A page may load the script twice (the explorer and a dashboard's copy): define once.
for (const [name, element] of ELEMENTS) if (!customElements.get(name)) customElements.define(name, element);

export { AccessqlWhoCan, AccessqlWhatCan, AccessqlPrincipal, AccessqlPolicy, AccessqlPaths, AccessqlPrincipalList, AccessqlPolicyList, AccessqlChanges };
