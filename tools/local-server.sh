# Sourced by run.sh and bench.sh: how the local scripts build and run the server.
# The server is published framework-dependent and compiled ReadyToRun (cold start about a quarter shorter than the
# JIT-only build: BENCHMARKS.md, "Cold start"); build_server sets server_dll. Incremental: a publish with nothing
# changed takes seconds.
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

# At most two glibc malloc arenas for the processes these scripts start. By default every thread that calls malloc
# (the runtime's JIT and type loader under the query load's thread-pool threads) may get an arena of its own, which
# keeps what it freed: 67 MB of malloc heaps after a 10,000-article ingest and the query load, 36 MB with two
# (BENCHMARKS.md, "Peak RSS after the query load").
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
