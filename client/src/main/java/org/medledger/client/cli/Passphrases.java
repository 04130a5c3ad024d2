package org.medledger.client.cli;

import java.util.Arrays;
import java.util.Map;
import org.medledger.crypto.Passphrase;
import org.medledger.pki.OrganisationId;

/**
 * Passphrases come from the environment or a prompt, never from the command line (where other
 * users and shell history would see them). {@code MEDLEDGER_PASSPHRASE} opens and protects wallets
 * and node keys; {@code MEDLEDGER_CA_PASSPHRASE}, if set, opens CA keys instead.
 */
public final class Passphrases {
  public static final String PASSPHRASE = "MEDLEDGER_PASSPHRASE";
  public static final String CA_PASSPHRASE = "MEDLEDGER_CA_PASSPHRASE";
  static final int MIN_LENGTH = 8;

  private final Map<String, String> environment;
  private final CliContext.SecretPrompt prompt;

  Passphrases(Map<String, String> environment, CliContext.SecretPrompt prompt) {
    this.environment = environment;
    this.prompt = prompt;
  }

  /** The passphrase of an existing key or wallet. */
  public Passphrase existing(String what) {
    return fromEnvironment(PASSPHRASE).orElseGet(() -> ask("Passphrase for " + what + ": "));
  }

  /** The passphrase of an organisation's CA key. */
  public Passphrase authority(OrganisationId organisation) {
    return fromEnvironment(CA_PASSPHRASE).or(() -> fromEnvironment(PASSPHRASE))
        .orElseGet(() -> ask("Passphrase for the " + organisation + " CA key: "));
  }

  /** A passphrase for new keys: asked twice at a prompt, and at least {@value #MIN_LENGTH} characters. */
  public Passphrase forNewKeys(String what) {
    Passphrase passphrase = fromEnvironment(PASSPHRASE).orElseGet(() -> {
      Passphrase first = ask("New passphrase for " + what + ": ");
      Passphrase again = ask("Repeat the passphrase: ");
      if (!Arrays.equals(first.toCharArray(), again.toCharArray())) {
        throw new CliException("the two passphrases differ");
      }
      return first;
    });
    if (passphrase.toCharArray().length < MIN_LENGTH) {
      throw new CliException("the passphrase must have at least " + MIN_LENGTH + " characters");
    }
    return passphrase;
  }

  private java.util.Optional<Passphrase> fromEnvironment(String variable) {
    String value = environment.get(variable);
    return value == null || value.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Passphrase.of(value.toCharArray()));
  }

  private Passphrase ask(String text) {
    char[] answer = prompt.read(text);
    if (answer == null) {
      throw new CliException("no passphrase: set " + PASSPHRASE + " or run in a terminal");
    }
    if (answer.length == 0) {
      throw new CliException("the passphrase is empty");
    }
    try {
      return Passphrase.of(answer);
    } finally {
      Arrays.fill(answer, '\0');
    }
  }
}
