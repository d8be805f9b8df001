#!/usr/bin/env bash
# Signs a demo account in to the embedded identity provider the way the Android app does
# (authorization code + PKCE S256, public client haochaping-mobile, loopback redirect) and prints
# the access token; with --json, the whole token response (access, refresh and ID tokens).
#
#   TOKEN=$(backend/scripts/pkce-login.sh resident1)
#   curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/v1/me
#
# Usage: pkce-login.sh [--json] [username] [base-url] [data-dir]
# Defaults: resident1, http://localhost:8080, ./data (passwords come from <data-dir>/local-accounts.txt).
# Needs bash, curl, openssl, awk, sed.
set -euo pipefail

json=false
if [ "${1:-}" = "--json" ]; then json=true; shift; fi
user=${1:-resident1}
base=${2:-http://localhost:8080}
data=${3:-./data}

password=$(awk -v u="$user" '$1 == u { print $2 }' "$data/local-accounts.txt")
[ -n "$password" ] || { echo "no account '$user' in $data/local-accounts.txt" >&2; exit 1; }

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
verifier=$(openssl rand 48 | b64url)
challenge=$(printf %s "$verifier" | openssl dgst -sha256 -binary | b64url)
state=$(openssl rand -hex 8)
redirect=http://127.0.0.1:8765/callback
redirect_encoded=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback
cookies=$(mktemp)
trap 'rm -f "$cookies"' EXIT
http() { curl -sS -c "$cookies" -b "$cookies" "$@"; }

# 1. The app opens the authorization request; the provider answers with its sign-in page.
authorize="$base/oauth2/authorize?response_type=code&client_id=haochaping-mobile&scope=openid%20profile"
authorize+="&redirect_uri=$redirect_encoded&state=$state&code_challenge=$challenge&code_challenge_method=S256"
login_page=$(http -L "$authorize")
csrf=$(printf %s "$login_page" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p')
[ -n "$csrf" ] || { echo "the sign-in page did not come up" >&2; exit 1; }

# 2. The resident signs in; the provider goes back to the authorization request, which redirects
#    to the app's loopback address with the code.
back=$(http -o /dev/null -w '%{redirect_url}' --data-urlencode "username=$user" \
    --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" "$base/idp/login")
case "$back" in *error*|"") echo "sign-in failed for $user" >&2; exit 1 ;; esac
callback=$(http -o /dev/null -w '%{redirect_url}' "$back")
code=$(printf %s "$callback" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
returned_state=$(printf %s "$callback" | sed -n 's/.*[?&]state=\([^&]*\).*/\1/p')
[ -n "$code" ] && [ "$returned_state" = "$state" ] || { echo "no authorization code: $callback" >&2; exit 1; }

# 3. The app trades the code and its PKCE verifier for tokens.
tokens=$(curl -sS --fail-with-body -d grant_type=authorization_code -d client_id=haochaping-mobile \
    --data-urlencode "code=$code" --data-urlencode "redirect_uri=$redirect" \
    --data-urlencode "code_verifier=$verifier" "$base/oauth2/token")
if $json; then
    printf '%s\n' "$tokens"
else
    printf %s "$tokens" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
fi
