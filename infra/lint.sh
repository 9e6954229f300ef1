#!/usr/bin/env bash
# Compiles and lints every Bicep file offline, with the Bicep CLI that NuGet ships in a package (linux-x64). Needs only
# the .NET SDK and the NuGet feed; no Azure access. Fails on any error or warning. Not part of ./test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

version=0.49.2
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ ! -f "$bicep" ]]; then
  cat > "$work/get-bicep.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$version]" />
  </ItemGroup>
</Project>
EOF
  dotnet restore "$work/get-bicep.csproj" --nologo -v quiet >/dev/null
fi
chmod +x "$bicep"

findings="$work/findings.txt"
for file in infra/main.bicep infra/app/*.bicep infra/network/*.bicep infra/radius/*.bicep; do
  "$bicep" lint "$file" 2>>"$findings" >>"$findings" || true
done
"$bicep" build infra/main.bicep --stdout 2>>"$findings" >/dev/null || echo "bicep build failed" >>"$findings"

if [[ -s "$findings" ]]; then
  sort -u "$findings"
  exit 1
fi
echo "bicep $("$bicep" --version | awk '{print $4}'): infra/ compiles and lints clean"
