# Sourced by run.sh and bench.sh: builds the local server as it is run, published framework-dependent and compiled
# ReadyToRun (cold start about a quarter shorter than the JIT-only build: BENCHMARKS.md, "Cold start"), and sets
# server_dll. Incremental: a publish with nothing changed takes seconds.
build_server() { # $1: configuration
  local rid=""
  case "$(uname -m)" in x86_64) rid=linux-x64 ;; aarch64 | arm64) rid=linux-arm64 ;; esac
  local dir="artifacts/server/$1"
  if [ -n "$rid" ]; then
    dotnet publish src/Pipeline.Server/Pipeline.Server.csproj -c "$1" -r "$rid" --self-contained false \
      -p:PublishReadyToRun=true -o "$dir" -nologo -v quiet -clp:ErrorsOnly
  else # no ReadyToRun compiler for this machine: the JIT build
    dotnet publish src/Pipeline.Server/Pipeline.Server.csproj -c "$1" -o "$dir" -nologo -v quiet -clp:ErrorsOnly
  fi
  server_dll="$dir/Pipeline.Server.dll"
}
