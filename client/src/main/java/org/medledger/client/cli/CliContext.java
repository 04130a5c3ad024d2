package org.medledger.client.cli;

import java.time.Clock;
import java.util.Map;

/**
 * What a command may take from the world besides its arguments: environment variables, a way to
 * ask for a secret, and the clock. Tests construct their own; {@link Main} uses the real ones.
 */
public record CliContext(Map<String, String> environment, SecretPrompt prompt, Clock clock) {

  /** Asks the person at the terminal for a secret without echoing it; null if there is no terminal. */
  @FunctionalInterface
  public interface SecretPrompt {
    char[] read(String prompt);
  }

  public CliContext {
    environment = Map.copyOf(environment);
  }

  public static CliContext system() {
    java.io.Console console = System.console();
    SecretPrompt prompt = console == null ? text -> null : text -> console.readPassword("%s", text);
    return new CliContext(System.getenv(), prompt, Clock.systemUTC());
  }

  public Passphrases passphrases() {
    return new Passphrases(environment, prompt);
  }
}
