#!/usr/bin/env bash
# Writes the organization document accessql imports (README: "Importing an organization") to
# standard output, using the AWS CLI and jq. Run it with credentials of the management account
# (or of a delegated administrator for AWS Organizations); any arguments are passed to every aws
# call, e.g.:
#
#   scripts/export-organization.sh --profile management > organization.json
#   accessql import organization.json
#
# Members keep the AWS CLI's own output shapes:
#   Organization        aws organizations describe-organization                    .Organization
#   Roots               aws organizations list-roots                               .Roots
#   OrganizationalUnits aws organizations list-organizational-units-for-parent     .OrganizationalUnits[] + ParentId
#   Accounts            aws organizations list-accounts-for-parent                 .Accounts[] + ParentId
#   Policies            aws organizations list-policies --filter SERVICE_CONTROL_POLICY|RESOURCE_CONTROL_POLICY,
#                       then describe-policy (.Policy) + list-targets-for-policy (.Targets)
# The AWS CLI follows list pagination itself.
set -euo pipefail

for tool in aws jq; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "export-organization.sh: $tool is required" >&2
    exit 2
  fi
done

AWS_ARGS=("$@")
org_cli() {
  aws organizations "$@" "${AWS_ARGS[@]}" --output json
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/ous.jsonl"
: >"$tmp/accounts.jsonl"
: >"$tmp/policies.jsonl"

org_cli describe-organization >"$tmp/organization.json"
org_cli list-roots >"$tmp/roots.json"

# Depth first from each root: the accounts directly under a parent, then each child OU.
walk() {
  local parent=$1 ous id
  org_cli list-accounts-for-parent --parent-id "$parent" |
    jq -c --arg p "$parent" '.Accounts[] + {ParentId: $p}' >>"$tmp/accounts.jsonl"
  ous=$(org_cli list-organizational-units-for-parent --parent-id "$parent" |
    jq -c --arg p "$parent" '.OrganizationalUnits[] + {ParentId: $p}')
  [ -n "$ous" ] || return 0
  printf '%s\n' "$ous" >>"$tmp/ous.jsonl"
  while IFS= read -r id; do
    walk "$id"
  done < <(printf '%s\n' "$ous" | jq -r '.Id')
}

while IFS= read -r root; do
  walk "$root"
done < <(jq -r '.Roots[].Id' "$tmp/roots.json")

for type in SERVICE_CONTROL_POLICY RESOURCE_CONTROL_POLICY; do
  if ! org_cli list-policies --filter "$type" >"$tmp/list.json" 2>"$tmp/list.err"; then
    # An older AWS CLI does not know RESOURCE_CONTROL_POLICY; say so and keep the SCPs.
    echo "export-organization.sh: list-policies --filter $type failed: $(cat "$tmp/list.err")" >&2
    if [ "$type" = SERVICE_CONTROL_POLICY ]; then exit 1; fi
    continue
  fi
  while IFS= read -r policy; do
    org_cli list-targets-for-policy --policy-id "$policy" | jq -c '.Targets' >"$tmp/targets.json"
    org_cli describe-policy --policy-id "$policy" |
      jq -c --slurpfile targets "$tmp/targets.json" '.Policy + {Targets: $targets[0]}' >>"$tmp/policies.jsonl"
  done < <(jq -r '.Policies[].Id' "$tmp/list.json")
done

jq -n \
  --slurpfile organization "$tmp/organization.json" \
  --slurpfile roots "$tmp/roots.json" \
  --slurpfile ous "$tmp/ous.jsonl" \
  --slurpfile accounts "$tmp/accounts.jsonl" \
  --slurpfile policies "$tmp/policies.jsonl" \
  '{Organization: $organization[0].Organization, Roots: $roots[0].Roots,
    OrganizationalUnits: $ous, Accounts: $accounts, Policies: $policies}'
