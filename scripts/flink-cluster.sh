#!/usr/bin/env bash
# A standalone Flink 1.19 session cluster (one JobManager, N TaskManagers, each its own JVM)
# started from the project's Maven classpath; no Flink distribution is needed.
#
#   scripts/flink-cluster.sh start|stop|status [--taskmanagers N] [--slots N] [--rest-port P]
#                            [--rpc-port P] [--task-heap SIZE] [--dir D] [--no-build]
#
# See scripts/README.md for how to submit a SynthBeam job to it.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
START_TIMEOUT=${FLINK_CLUSTER_START_TIMEOUT:-120}
STOP_TIMEOUT=${FLINK_CLUSTER_STOP_TIMEOUT:-30}
JM_CLASS=org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
TM_CLASS=org.apache.flink.runtime.taskexecutor.TaskManagerRunner

usage() {
  cat <<'EOF'
Usage: scripts/flink-cluster.sh start|stop|status [options]

  --taskmanagers N   TaskManager JVMs to start (default 2)
  --slots N          task slots per TaskManager (default 1)
  --rest-port P      REST port of the JobManager (default 8081)
  --rpc-port P       RPC port of the JobManager (default 6123)
  --task-heap SIZE   task heap per TaskManager, Flink memory syntax (default 2048m)
  --dir D            state directory: config, logs, pid files (default <repo>/.flink-cluster)
  --no-build         use target/synthbeam.jar and target/classpath.txt as they are

stop and status read the ports from the state directory's flink-conf.yaml.
EOF
}

die() { echo "flink-cluster: $*" >&2; exit 1; }

# ---------------------------------------------------------------- arguments
[[ $# -ge 1 ]] || { usage >&2; exit 2; }
COMMAND=$1; shift
TASKMANAGERS=2
SLOTS=1
REST_PORT=8081
RPC_PORT=6123
TASK_HEAP=2048m
STATE_DIR=$REPO_ROOT/.flink-cluster
BUILD=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --taskmanagers) TASKMANAGERS=${2:?}; shift 2 ;;
    --slots)        SLOTS=${2:?}; shift 2 ;;
    --rest-port)    REST_PORT=${2:?}; shift 2 ;;
    --rpc-port)     RPC_PORT=${2:?}; shift 2 ;;
    --task-heap)    TASK_HEAP=${2:?}; shift 2 ;;
    --dir)          STATE_DIR=${2:?}; shift 2 ;;
    --no-build)     BUILD=0; shift ;;
    -h|--help)      usage; exit 0 ;;
    *) usage >&2; die "unknown option '$1'" ;;
  esac
done
for n in TASKMANAGERS SLOTS REST_PORT RPC_PORT; do
  [[ ${!n} =~ ^[1-9][0-9]*$ ]] || die "--$(tr 'A-Z_' 'a-z-' <<<"$n") must be a positive integer, got '${!n}'"
done
[[ $TASK_HEAP =~ ^[0-9]+[kmgKMG]?[bB]?$ ]] || die "--task-heap must look like 2048m or 2g, got '$TASK_HEAP'"
if [[ ! -d $STATE_DIR && $COMMAND != start ]]; then
  echo "No Flink cluster state in $STATE_DIR."
  [[ $COMMAND == status ]] && exit 3 || exit 0
fi
mkdir -p "$STATE_DIR"
STATE_DIR=$(cd "$STATE_DIR" && pwd)
CONF_DIR=$STATE_DIR/conf
LOG_DIR=$STATE_DIR/log
PID_DIR=$STATE_DIR/pids

# A recorded cluster keeps its port: stop/status (and a second start) talk to what is running.
use_recorded_rest_port() {
  [[ -f $CONF_DIR/flink-conf.yaml ]] && REST_PORT=$(sed -n 's/^rest\.port: *//p' "$CONF_DIR/flink-conf.yaml")
  return 0
}

# ---------------------------------------------------------------- processes
# True when PID is alive and is the JVM this state directory started (guards against pid reuse).
is_ours() {
  local pid=$1 args
  args=$(ps -ww -o args= -p "$pid" 2>/dev/null) || return 1
  [[ $args == *"--configDir $CONF_DIR"* ]]
}

# True while PID runs (a zombie awaiting its reaper counts as gone).
alive() {
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $state != Z* ]]
}

# Live processes as "name pid" lines; stale pid files are removed.
live_processes() {
  local f pid
  for f in "$PID_DIR"/*.pid; do
    [[ -e $f ]] || continue
    pid=$(<"$f")
    if is_ours "$pid"; then echo "$(basename "$f" .pid) $pid"; else rm -f "$f"; fi
  done
}

overview() { curl -fsS --max-time 5 "http://localhost:$REST_PORT/overview" 2>/dev/null; }

registered_taskmanagers() { overview | sed -n 's/.*"taskmanagers":\([0-9]*\).*/\1/p'; }

stop_cluster() {
  local procs name pid waited=0
  procs=$(live_processes)
  if [[ -z $procs ]]; then echo "No Flink cluster running from $STATE_DIR."; rm -f "$PID_DIR"/*.pid; return 0; fi
  # TaskManagers first, so the JobManager does not log them as lost while it still runs.
  while read -r name pid; do [[ $name == taskmanager* ]] && kill "$pid" 2>/dev/null || true; done <<<"$procs"
  while read -r name pid; do [[ $name == jobmanager ]] && kill "$pid" 2>/dev/null || true; done <<<"$procs"
  while read -r name pid; do
    while alive "$pid" && (( waited < STOP_TIMEOUT * 10 )); do sleep 0.1; waited=$((waited + 1)); done
    if alive "$pid"; then
      echo "$name (pid $pid) did not exit within ${STOP_TIMEOUT}s; sending SIGKILL." >&2
      kill -9 "$pid" 2>/dev/null || true
      while alive "$pid"; do sleep 0.1; done
    fi
    rm -f "$PID_DIR/$name.pid"
    echo "Stopped $name (pid $pid)."
  done <<<"$procs"
}

print_status() {
  local procs
  procs=$(live_processes)
  if [[ -z $procs ]]; then echo "Not running (state directory $STATE_DIR)."; return 3; fi
  echo "Running from $STATE_DIR:"
  while read -r name pid; do echo "  $name pid $pid, log $LOG_DIR/$name.log"; done <<<"$procs"
  echo "REST overview (http://localhost:$REST_PORT/overview):"
  overview || echo "  (REST endpoint not answering)"
  echo
}

# ---------------------------------------------------------------- start
build_if_stale() {
  local jar=$REPO_ROOT/target/synthbeam.jar cpfile=$REPO_ROOT/target/classpath.txt
  if (( BUILD )); then
    # Same rule as ./synthbeam: rebuild when the jar is missing or older than the pom or sources.
    if [[ ! -f $jar || ! -f $cpfile || $REPO_ROOT/pom.xml -nt $jar ]] \
       || [[ -n $(find "$REPO_ROOT/src/main" -newer "$jar" -print -quit 2>/dev/null) ]]; then
      echo "Building target/synthbeam.jar (mvn -q -B -DskipTests package)..."
      (cd "$REPO_ROOT" && mvn -q -B -Dstyle.color=never -DskipTests package) || die "the Maven build failed; fix it and retry"
    fi
  fi
  [[ -f $jar && -f $cpfile ]] || die "missing $jar or $cpfile: run 'mvn -q -B -DskipTests package' first"
}

# JVM flags shared by every launch, read from the pom so there is one list to maintain.
jvm_flags() {
  local flags
  flags=$(sed -n 's:.*<synthbeam.jvm.flags>\(.*\)</synthbeam.jvm.flags>.*:\1:p' "$REPO_ROOT/pom.xml")
  [[ -n $flags ]] || die "pom.xml has no <synthbeam.jvm.flags> property (the JVM flags for Java 17)"
  echo "$flags"
}

# Flink logs through SLF4J. The runtime classpath carries only slf4j-api (no binding, so Flink would
# log nothing), hence a binding is added to the cluster's classpath: log4j2 if the project ever
# brings it, otherwise slf4j-simple from the local Maven repository (matching slf4j-api's major).
logging_classpath() {
  local cp=$1 repo=${MAVEN_REPO:-$HOME/.m2/repository} api version jar
  if [[ $cp =~ (log4j-slf4j2?-impl|logback-classic|slf4j-simple|slf4j-reload4j|slf4j-log4j12|slf4j-jdk14)- ]]; then
    return 0
  fi
  api=$(tr ':' '\n' <<<"$cp" | sed -n 's:.*/slf4j-api-\([0-9][0-9.]*\)\.jar$:\1:p' | head -1)
  [[ $api == 1.* ]] && version=1.7.36 || version=2.0.16
  jar=$repo/org/slf4j/slf4j-simple/$version/slf4j-simple-$version.jar
  if [[ ! -f $jar ]]; then
    (cd "$REPO_ROOT" && mvn -q -B -Dstyle.color=never dependency:get -Dartifact=org.slf4j:slf4j-simple:$version) >&2 || true
  fi
  if [[ -f $jar ]]; then echo ":$jar"; else
    echo "flink-cluster: warning: no SLF4J binding found; Flink's own logs will be empty (stdout goes to log/*.out)" >&2
  fi
}

write_config() {
  mkdir -p "$CONF_DIR" "$LOG_DIR" "$PID_DIR" "$STATE_DIR/tmp" "$STATE_DIR/lib" "$STATE_DIR/plugins"
  cat >"$CONF_DIR/flink-conf.yaml" <<EOF
# Written by scripts/flink-cluster.sh; rewritten on every start.
jobmanager.rpc.address: localhost
jobmanager.rpc.port: $RPC_PORT
jobmanager.bind-host: localhost
rest.address: localhost
rest.bind-address: localhost
rest.port: $REST_PORT
jobmanager.memory.process.size: 1536m
parallelism.default: 2

taskmanager.host: localhost
taskmanager.bind-host: localhost
taskmanager.numberOfTaskSlots: $SLOTS
# Started by hand (not by Flink's scripts), a TaskManager needs its CPU and memory spelled out.
taskmanager.cpu.cores: $SLOTS.0
taskmanager.memory.framework.heap.size: 128m
taskmanager.memory.task.heap.size: $TASK_HEAP
taskmanager.memory.framework.off-heap.size: 128m
taskmanager.memory.task.off-heap.size: 0m
# Per slot: a Beam batch job runs all its ~80 small tasks at once in every slot (pipelined
# exchanges, slot sharing), each holding network buffers; 128m for 2 slots was too little.
taskmanager.memory.network.min: $((256 * SLOTS))m
taskmanager.memory.network.max: $((256 * SLOTS))m
# Per slot: batch GroupByKey/Combine sort in managed memory.
taskmanager.memory.managed.size: $((256 * SLOTS))m
taskmanager.memory.jvm-metaspace.size: 256m
taskmanager.memory.jvm-overhead.min: 128m
taskmanager.memory.jvm-overhead.max: 128m

io.tmp.dirs: $STATE_DIR/tmp
blob.storage.directory: $STATE_DIR/tmp
web.tmpdir: $STATE_DIR/tmp
EOF
  # Used only if a log4j2 SLF4J binding is on the classpath; log.file names each process's file.
  cat >"$CONF_DIR/log4j2.properties" <<'EOF'
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = MainAppender
appender.main.name = MainAppender
appender.main.type = File
appender.main.append = true
appender.main.fileName = ${sys:log.file}
appender.main.layout.type = PatternLayout
appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
EOF
}

# Runs Flink's own memory calculator (what bin/taskmanager.sh does) and prints one result line:
# line 1 = JVM flags (-Xmx, -Xms, ...), line 2 = the derived settings as dynamic properties.
resource_params() {
  local command=$1 line=$2 out
  out=$("$JAVA" @"$STATE_DIR/classpath.args" org.apache.flink.runtime.util.bash.BashJavaUtils \
        "$command" --configDir "$CONF_DIR" 2>&1) || die "Flink rejected the memory settings in $CONF_DIR/flink-conf.yaml:
$out"
  grep '^BASH_JAVA_UTILS_EXEC_RESULT:' <<<"$out" | sed -n "${line}s/^BASH_JAVA_UTILS_EXEC_RESULT://p"
}

launch() {
  local name=$1 class=$2 memory=$3 dynamic=$4 pid
  local log=$LOG_DIR/$name.log
  # shellcheck disable=SC2086  # flag lists are deliberately word-split
  nohup "$JAVA" $FLAGS $memory @"$STATE_DIR/classpath.args" \
    -Dlog.file="$log" -Dlog4j.configurationFile="$CONF_DIR/log4j2.properties" \
    -Dorg.slf4j.simpleLogger.logFile="$log" -Dorg.slf4j.simpleLogger.showDateTime=true \
    -Dorg.slf4j.simpleLogger.dateTimeFormat="yyyy-MM-dd HH:mm:ss,SSS" \
    "$class" --configDir "$CONF_DIR" $dynamic \
    </dev/null >"$LOG_DIR/$name.out" 2>&1 &
  pid=$!
  echo "$pid" >"$PID_DIR/$name.pid"
  echo "Started $name (pid $pid), log $log"
}

port_taken() { (exec 3<>"/dev/tcp/localhost/$1") 2>/dev/null; }

fail_start() {
  echo "flink-cluster: $1" >&2
  echo "Logs: $LOG_DIR/<process>.log (Flink) and .out (stdout/stderr). Errors or last lines:" >&2
  local f
  for f in "$LOG_DIR"/*.log "$LOG_DIR"/*.out; do
    # A .out holding only the JVM's incubator-module notice says nothing.
    [[ -n $(grep -v 'Using incubator modules' "$f" 2>/dev/null) ]] || continue
    echo "--- $f" >&2; grep -E 'ERROR|Exception|Caused by' "$f" | tail -5 >&2 || tail -3 "$f" >&2
  done
  stop_cluster >&2
  exit 1
}

start_cluster() {
  local procs
  procs=$(live_processes)
  if [[ -n $procs ]]; then
    use_recorded_rest_port
    echo "Flink cluster already running from $STATE_DIR ($(wc -l <<<"$procs") processes)."
    echo "Use: --flink-master localhost:$REST_PORT"
    return 0
  fi
  command -v curl >/dev/null || die "curl is needed to watch the REST endpoint"
  port_taken "$REST_PORT" && die "port $REST_PORT is in use by another process; stop it or pass --rest-port"
  port_taken "$RPC_PORT" && die "port $RPC_PORT is in use by another process; stop it or pass --rpc-port"
  build_if_stale

  write_config
  # Run from a copy of the jar: a rebuild while the cluster runs must not rewrite a jar the JVMs have open.
  cp "$REPO_ROOT/target/synthbeam.jar" "$STATE_DIR/lib/synthbeam.jar"
  local cp
  cp=$STATE_DIR/lib/synthbeam.jar:$(<"$REPO_ROOT/target/classpath.txt")
  cp+=$(logging_classpath "$cp")
  printf -- '-cp "%s"\n' "$cp" >"$STATE_DIR/classpath.args"
  FLAGS=$(jvm_flags)
  export FLINK_PLUGINS_DIR=$STATE_DIR/plugins   # empty; Flink warns when its plugins dir is missing
  rm -f "$LOG_DIR"/*.log "$LOG_DIR"/*.out

  local jm_mem jm_dynamic tm_mem tm_dynamic i
  jm_mem=$(resource_params GET_JM_RESOURCE_PARAMS 1)
  jm_dynamic=$(resource_params GET_JM_RESOURCE_PARAMS 2)
  tm_mem=$(resource_params GET_TM_RESOURCE_PARAMS 1)
  tm_dynamic=$(resource_params GET_TM_RESOURCE_PARAMS 2)
  launch jobmanager "$JM_CLASS" "$jm_mem" "$jm_dynamic"
  for ((i = 1; i <= TASKMANAGERS; i++)); do
    launch "taskmanager-$i" "$TM_CLASS" "$tm_mem" "$tm_dynamic -D taskmanager.resource-id=taskmanager-$i"
  done

  echo "Waiting up to ${START_TIMEOUT}s for $TASKMANAGERS TaskManager(s) to register at http://localhost:$REST_PORT ..."
  local deadline=$((SECONDS + START_TIMEOUT)) name pid registered
  while :; do
    while read -r name pid; do
      alive "$pid" || fail_start "$name (pid $pid) exited during start-up; see $LOG_DIR/$name.log"
    done < <(for f in "$PID_DIR"/*.pid; do echo "$(basename "$f" .pid) $(<"$f")"; done)
    registered=$(registered_taskmanagers || true)
    [[ ${registered:-0} -ge $TASKMANAGERS ]] && break
    (( SECONDS < deadline )) || fail_start "only ${registered:-0} of $TASKMANAGERS TaskManagers registered within ${START_TIMEOUT}s; see $LOG_DIR/jobmanager.log"
    sleep 1
  done
  echo "Flink cluster up: $TASKMANAGERS TaskManager(s) x $SLOTS slot(s), REST http://localhost:$REST_PORT"
  echo "Use: --flink-master localhost:$REST_PORT   (Beam: --runner=FlinkRunner --flinkMaster=localhost:$REST_PORT)"
}

case $COMMAND in
  start)  start_cluster ;;
  stop)   use_recorded_rest_port; stop_cluster ;;
  status) use_recorded_rest_port; print_status ;;
  -h|--help|help) usage ;;
  *) usage >&2; die "unknown command '$COMMAND'" ;;
esac
