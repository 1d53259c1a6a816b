#!/usr/bin/env bash
# Starts Debian's Orthanc (with its DICOMweb plugin) on loopback for the DICOMweb tests, with its
# own configuration and storage in a temp folder: HTTP on 127.0.0.1:${ORTHANC_HTTP_PORT:-18042},
# DICOM (DIMSE) server off, no remote access, no authentication (loopback only). Prints
# `export PLATEAU_TEST_ORTHANC_URL=…`, `…_PID=…` and `…_DIR=…` (its temp folder) for `eval`.
set -euo pipefail
port="${ORTHANC_HTTP_PORT:-18042}"
plugin=/usr/share/orthanc/plugins/libOrthancDicomWeb.so
command -v Orthanc >/dev/null 2>&1 || { echo "Orthanc is not installed (apt-get install orthanc orthanc-dicomweb)" >&2; exit 1; }
[ -f "$plugin" ] || { echo "the DICOMweb plugin is missing ($plugin): apt-get install orthanc-dicomweb" >&2; exit 1; }
dir="$(mktemp -d /tmp/plateau-orthanc.XXXXXX)"
cat >"$dir/orthanc.json" <<JSON
{
  "Name": "plateau-test",
  "StorageDirectory": "$dir/db",
  "IndexDirectory": "$dir/db",
  "HttpPort": $port,
  "HttpServerEnabled": true,
  "DicomServerEnabled": false,
  "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false,
  "Plugins": ["$plugin"],
  "DicomWeb": { "Enable": true, "Root": "/dicom-web/", "EnableWado": false, "StudiesMetadata": "MainDicomTags", "SeriesMetadata": "MainDicomTags" }
}
JSON
# Ready when /system answers (curl), else when the HTTP port accepts connections.
ready() {
  if command -v curl >/dev/null 2>&1; then curl -sf "http://127.0.0.1:$port/system" >/dev/null 2>&1
  else (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; fi
}
Orthanc "$dir/orthanc.json" >"$dir/orthanc.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  if ready; then
    echo "export PLATEAU_TEST_ORTHANC_URL=http://127.0.0.1:$port"
    echo "export PLATEAU_TEST_ORTHANC_PID=$pid"
    echo "export PLATEAU_TEST_ORTHANC_DIR=$dir"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
echo "Orthanc did not start; its log:" >&2
cat "$dir/orthanc.log" >&2
exit 1
