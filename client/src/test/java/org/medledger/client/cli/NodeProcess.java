package org.medledger.client.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One validator as an operator runs it: {@code medledger node --config FILE} in a JVM of its own
 * (this JVM's java and class path), its passphrase in {@code MEDLEDGER_PASSPHRASE}, its output
 * (stdout and stderr) in a file per launch. It can be stopped as an operator would (SIGTERM: the
 * node's shutdown hook closes it cleanly) or killed (SIGKILL: no clean-up at all), and launched
 * again with the same configuration.
 */
final class NodeProcess {
  private static final List<String> JVM_OPTIONS = List.of(
      // Small JVMs that start fast: on two cores, four validators and the test share the machine, and
      // a validator's work in a test (a few dozen blocks) never pays for the optimising compiler.
      "-Xmx256m", "-XX:MetaspaceSize=96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      // Ratis's role changes ("... changes role from CANDIDATE to LEADER at term 2"), which tell the
      // leader; the node's own logging configuration keeps Ratis at warn.
      "-Dorg.slf4j.simpleLogger.log.org.apache.ratis.server.RaftServer$Division=info");

  /** The logger above also reports every vote: {@link #tail} leaves those lines out. */
  private static final String ELECTION_CHATTER = "INFO org.apache.ratis.server.RaftServer$Division - ";

  /** Every validator JVM still running: killed if this JVM exits first (a test interrupted, a fork stopped). */
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
        "kill-validator-processes"));
  }

  private final String id;
  private final Path config;
  private final Path logDirectory;
  private final List<Path> logs = new ArrayList<>();
  private Process process;
  private boolean stopping;

  NodeProcess(String id, Path config, Path logDirectory) {
    this.id = id;
    this.config = config;
    this.logDirectory = logDirectory;
  }

  String id() {
    return id;
  }

  /**
   * The class path of this JVM. Surefire (3.5) sets both properties to the test class path
   * (target/test-classes, target/classes, the dependency jars) even when it boots through a
   * manifest-only jar; {@code surefire.test.class.path} is the one it documents for that.
   */
  static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  /** Starts the validator's JVM (a new one each time, its output in a new file); does not wait for it. */
  void launch() {
    if (isAlive()) {
      throw new IllegalStateException(id + " is already running");
    }
    Path log = logDirectory.resolve(id + "-launch-" + (logs.size() + 1) + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-cp", classPath(), Main.class.getName(), "node", "--config", config.toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(logDirectory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put(Passphrases.PASSPHRASE, Cli.PASSPHRASE);
    logs.add(log);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + id + ": " + command, e);
    }
    RUNNING.add(process);
    stopping = false;
  }

  /** Waits until the current launch prints its "is serving" line; fails if it exits first or takes too long. */
  void awaitServing(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!output().contains(id + " is serving chain")) {
      if (!process.isAlive()) {
        throw new AssertionError(id + " exited (code " + process.exitValue() + ") before it served");
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(id + " did not say it is serving within " + timeout);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + id, e);
      }
    }
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: the validator stops at once, mid-write if it was writing; returns when it is gone. */
  void kill() {
    if (process != null) {
      stopping = true;
      process.destroyForcibly();
      awaitExit(Duration.ofSeconds(10));
    }
  }

  /** Asks the validator to stop (SIGTERM) without waiting; {@link #awaitStopped} waits. */
  void requestStop() {
    if (isAlive()) {
      stopping = true;
      process.destroy();
    }
  }

  /** Waits for a stop asked with {@link #requestStop}; kills the process if it is still up after the grace period. */
  void awaitStopped(Duration grace) {
    if (process != null && !awaitExit(grace)) {
      process.destroyForcibly();
      awaitExit(Duration.ofSeconds(10));
    }
  }

  private boolean awaitExit(Duration timeout) {
    boolean exited;
    try {
      exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      exited = false;
    }
    if (exited) {
      RUNNING.remove(process);
    }
    return exited;
  }

  /** The exit code of the last launch, or null while it runs (or before the first). */
  Integer exitCode() {
    return process == null || process.isAlive() ? null : process.exitValue();
  }

  /** Whether the last launch ended without being asked to (crashed, or gave up on an error). */
  boolean exitedUnexpectedly() {
    return !stopping && exitCode() != null;
  }

  /** The output of the current launch so far. */
  String output() {
    return logs.isEmpty() ? "" : read(logs.get(logs.size() - 1));
  }

  /**
   * The last lines of every launch's output, each headed by its file and how it ended; Ratis's
   * election chatter is left out, but not its role and leader changes.
   */
  String tail(int lines) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < logs.size(); i++) {
      List<String> all = read(logs.get(i)).lines()
          .filter(line -> !line.contains(ELECTION_CHATTER) || line.contains("changes role")
              || line.contains("change Leader"))
          .toList();
      boolean current = i == logs.size() - 1;
      text.append("---- ").append(id).append(", launch ").append(i + 1).append(" (").append(logs.get(i)).append(", ")
          .append(!current ? "ended" : isAlive() ? "running" : "exited with " + exitCode()).append("), last ")
          .append(Math.min(lines, all.size())).append(" of ").append(all.size()).append(" lines\n");
      all.subList(Math.max(0, all.size() - lines), all.size())
          .forEach(line -> text.append("  ").append(line).append('\n'));
    }
    return text.toString();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }
}
