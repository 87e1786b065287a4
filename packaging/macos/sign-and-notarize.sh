#!/usr/bin/env bash
# Sign Practice.app with a Developer ID certificate, have Apple notarize it, and staple
# the ticket (macOS only; run by .github/workflows/release.yml when its secrets are set):
#     packaging/macos/sign-and-notarize.sh dist/Practice.app
# Needs: MACOS_CERTIFICATE (the .p12, base64), MACOS_CERTIFICATE_PASSWORD,
# MACOS_SIGNING_IDENTITY ("Developer ID Application: NAME (TEAMID)"), APPLE_ID,
# APPLE_TEAM_ID and APPLE_APP_PASSWORD (an app-specific password). docs/packaging.md.
set -euo pipefail
app="$1"
keychain="$RUNNER_TEMP/signing.keychain-db"
keychain_password="$(uuidgen)"

echo "$MACOS_CERTIFICATE" | base64 --decode >"$RUNNER_TEMP/certificate.p12"
security create-keychain -p "$keychain_password" "$keychain"
security set-keychain-settings -lut 21600 "$keychain"
security unlock-keychain -p "$keychain_password" "$keychain"
security import "$RUNNER_TEMP/certificate.p12" -P "$MACOS_CERTIFICATE_PASSWORD" \
    -A -t cert -f pkcs12 -k "$keychain"
security list-keychains -d user -s "$keychain"
rm "$RUNNER_TEMP/certificate.p12"

# every binary inside first, then the app (hardened runtime: notarization requires it)
find "$app/Contents" -type f \( -name '*.so' -o -name '*.dylib' -o -perm -u+x \) -print0 |
    xargs -0 codesign --force --timestamp --options runtime --sign "$MACOS_SIGNING_IDENTITY"
codesign --force --timestamp --options runtime --sign "$MACOS_SIGNING_IDENTITY" "$app"
codesign --verify --deep --strict --verbose=2 "$app"

ditto -c -k --keepParent "$app" "$RUNNER_TEMP/Practice.zip"
xcrun notarytool submit "$RUNNER_TEMP/Practice.zip" --apple-id "$APPLE_ID" \
    --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD" --wait
xcrun stapler staple "$app"
