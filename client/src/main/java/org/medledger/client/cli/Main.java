package org.medledger.client.cli;

/** Entry point of the {@code medledger} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(MedLedgerCommand.commandLine(CliContext.system()).execute(args));
  }
}
