package org.medledger.client.cli;

import java.time.Clock;
import java.util.Map;

/**
 * What a command may take from the world besides its arguments: environment variables, a way to
 * ask for a secret, the clock, and how long a started service runs. Tests construct their own;
 * {@link Main} uses the real ones.
 */
public record CliContext(Map<String, String> environment, SecretPrompt prompt, Clock clock, Foreground foreground) {

  /** Asks the person at the terminal for a secret without echoing it; null if there is no terminal. */
  @FunctionalInterface
  public interface SecretPrompt {
    char[] read(String prompt);
  }

  /** Keeps a started service (a node, a development network) running, then closes it. */
  @FunctionalInterface
  public interface Foreground {
    void hold(AutoCloseable service);

    /** Until the process is asked to stop (Ctrl-C, SIGTERM): the service is closed cleanly first. */
    static Foreground untilShutdown() {
      return service -> {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          close(service);
          stopped.countDown();
        }, "medledger-shutdown"));
        try {
          stopped.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          close(service);
        }
      };
    }

    private static void close(AutoCloseable service) {
      try {
        service.close();
      } catch (Exception e) {
        throw new IllegalStateException("did not stop cleanly: " + e.getMessage(), e);
      }
    }
  }

  public CliContext {
    environment = Map.copyOf(environment);
  }

  public static CliContext system() {
    java.io.Console console = System.console();
    SecretPrompt prompt = console == null ? text -> null : text -> console.readPassword("%s", text);
    return new CliContext(System.getenv(), prompt, Clock.systemUTC(), Foreground.untilShutdown());
  }

  public Passphrases passphrases() {
    return new Passphrases(environment, prompt);
  }
}
