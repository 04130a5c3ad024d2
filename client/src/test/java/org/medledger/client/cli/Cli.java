package org.medledger.client.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@code medledger} command in-process, as a user at a terminal would, with defaults that
 * suit most tests (a good passphrase in {@code MEDLEDGER_PASSPHRASE}, no terminal, the system
 * clock) and fluent overrides for the rest. Immutable: every override returns a new instance.
 */
final class Cli {
  /** The passphrase of every key in the test networks. */
  static final String PASSPHRASE = "correct horse battery staple";

  /** A prompt with no terminal behind it. */
  static final CliContext.SecretPrompt NO_TERMINAL = text -> null;

  /** A service started by a command stops as soon as it is up. */
  static final CliContext.Foreground STOP_AT_ONCE = service -> {
    try {
      service.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  };

  private final Map<String, String> environment;
  private final CliContext.SecretPrompt prompt;
  private final Clock clock;
  private final CliContext.Foreground foreground;

  private Cli(Map<String, String> environment, CliContext.SecretPrompt prompt, Clock clock,
      CliContext.Foreground foreground) {
    this.environment = Map.copyOf(environment);
    this.prompt = prompt;
    this.clock = clock;
    this.foreground = foreground;
  }

  /** A user with {@link #PASSPHRASE} in {@code MEDLEDGER_PASSPHRASE}. */
  static Cli withPassphrase() {
    return new Cli(Map.of(Passphrases.PASSPHRASE, PASSPHRASE), NO_TERMINAL, Clock.systemUTC(), STOP_AT_ONCE);
  }

  /** A user with an empty environment and no terminal. */
  static Cli withoutPassphrase() {
    return new Cli(Map.of(), NO_TERMINAL, Clock.systemUTC(), STOP_AT_ONCE);
  }

  Cli env(String name, String value) {
    Map<String, String> next = new HashMap<>(environment);
    next.put(name, value);
    return new Cli(next, prompt, clock, foreground);
  }

  Cli withoutEnv(String name) {
    Map<String, String> next = new HashMap<>(environment);
    next.remove(name);
    return new Cli(next, prompt, clock, foreground);
  }

  Cli passphrase(String passphrase) {
    return env(Passphrases.PASSPHRASE, passphrase);
  }

  Cli prompt(CliContext.SecretPrompt next) {
    return new Cli(environment, next, clock, foreground);
  }

  Cli clock(Clock next) {
    return new Cli(environment, prompt, next, foreground);
  }

  /** The same user, {@code later} from now on their clock. */
  Cli after(Duration later) {
    return clock(Clock.offset(clock, later));
  }

  Clock clock() {
    return clock;
  }

  /** While a service a command started is up, runs this; then the service stops. */
  Cli whileRunning(java.util.function.Consumer<AutoCloseable> check) {
    return new Cli(environment, prompt, clock, service -> {
      try {
        check.accept(service);
      } finally {
        STOP_AT_ONCE.hold(service);
      }
    });
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine commandLine = MedLedgerCommand.commandLine(new CliContext(environment, prompt, clock, foreground));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(List.of(args), exitCode, out.toString(), err.toString());
  }

  /** What one run of the command did. */
  record Result(List<String> args, int exitCode, String out, String err) {

    /** The last line printed on stdout, e.g. the enrollment secret of {@code ca register}. */
    String lastLine() {
      List<String> lines = out.lines().toList();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Override
    public String toString() {
      return "medledger " + String.join(" ", args) + "\n  exit " + exitCode + "\n  stdout: " + out
          + "\n  stderr: " + err;
    }
  }
}
