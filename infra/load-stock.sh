#!/bin/sh
# Loads the first-day stock (first-day-stock.json beside this script, the body of PUT /api/inventory) into an
# AsyncCommerce API. Rows that already exist keep their live counts (If-None-Match: *), so running it again, or on
# every `azd deploy` (azure.yaml's postdeploy hook), never resets stock. See infra/README.md, "First-day stock".
#
#   infra/load-stock.sh [API_BASE_URL]        e.g. http://localhost:7071/api, or the apiBaseUrl output
#
# Environment:
#   ASYNCCOMMERCE_API    the API base URL when no argument is given (then azd's apiBaseUrl, then the local host)
#   INVENTORY_ADMIN_KEY  the inventory-admin function key; when unset in an azd environment (functionAppName and
#                        AZURE_RESOURCE_GROUP set) it is read, or created, with the Azure CLI
#   INVENTORY_ADMIN_TOKEN a bearer token with the Inventory.Admin role, which the route needs besides the key. Locally:
#                        dotnet user-jwts create --project localhost --role Inventory.Admin --output token
#                        When unset in an azd environment (apiAudience set) it is asked of the Azure CLI for the
#                        signed-in user, who must hold the app role (infra/README.md, "Staff and administrator tokens")
#   STOCK_FILE           another stock file of the same shape
#   LOAD_STOCK_MODE      reset: set every listed count, overwriting live stock (a stocktake), instead of missing rows only
set -eu

here=$(cd "$(dirname "$0")" && pwd)
api=${1:-${ASYNCCOMMERCE_API:-${apiBaseUrl:-http://localhost:7071/api}}}
stock=${STOCK_FILE:-$here/first-day-stock.json}
key=${INVENTORY_ADMIN_KEY:-}
token=${INVENTORY_ADMIN_TOKEN:-}
audience=${apiAudience:-}
app=${functionAppName:-}
group=${AZURE_RESOURCE_GROUP:-}

if [ -z "$key" ] && [ -n "$app" ] && [ -n "$group" ] && command -v az >/dev/null 2>&1; then
  # The inventory-admin key of the bulk route (infra/README.md, "Function keys"); `keys set` creates it when missing.
  key=$(az functionapp function keys list --resource-group "$group" --name "$app" --function-name SetStockLevels \
          --query '"inventory-admin"' --output tsv 2>/dev/null || true)
  if [ -z "$key" ]; then
    key=$(az functionapp function keys set --resource-group "$group" --name "$app" --function-name SetStockLevels \
            --key-name inventory-admin --query value --output tsv)
  fi
fi

if [ -z "$token" ] && [ -n "$audience" ] && command -v az >/dev/null 2>&1; then
  token=$(az account get-access-token --resource "$audience" --query accessToken --output tsv)
fi

set -- --silent --show-error --request PUT --header 'Content-Type: application/json' --data-binary "@$stock" \
  --write-out '\n%{http_code}' --retry 30 --retry-delay 10 --retry-connrefused
if [ "${LOAD_STOCK_MODE:-}" != reset ]; then
  set -- "$@" --header 'If-None-Match: *'
fi
if [ -n "$key" ]; then
  set -- "$@" --header "x-functions-key: $key"
fi
if [ -n "$token" ]; then
  set -- "$@" --header "Authorization: Bearer $token"
fi

# Right after a first deployment the app may answer 5xx for a few minutes (role assignments reach the data planes
# late): curl retries those, and connection refusals, every 10 s for up to 5 minutes.
response=$(curl "$@" "${api%/}/inventory")
status=$(printf '%s\n' "$response" | tail -n 1)
body=$(printf '%s\n' "$response" | sed '$d')
if [ "$status" != 200 ]; then
  printf 'load-stock: PUT %s/inventory answered %s\n%s\n' "${api%/}" "$status" "$body" >&2
  if [ "$status" = 401 ] || [ "$status" = 403 ]; then
    printf 'load-stock: the route needs a bearer token with the Inventory.Admin role: set INVENTORY_ADMIN_TOKEN (see README.md)\n' >&2
  fi
  exit 1
fi

set_rows=$(printf '%s' "$body" | grep -o '"outcome":"Set"' | wc -l | tr -d ' ')
kept_rows=$(printf '%s' "$body" | grep -o '"outcome":"Kept"' | wc -l | tr -d ' ')
printf 'load-stock: %s stock row(s) set, %s kept at their live count (%s)\n' "$set_rows" "$kept_rows" "${api%/}"
