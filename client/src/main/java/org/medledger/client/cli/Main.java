package org.medledger.client.cli;

/** Entry point of the {@code medledger} command. */
public final class Main {
  /** Ratis's bundled gRPC logs through java.util.logging: only its warnings (held here: JUL keeps loggers weakly). */
  private static final java.util.logging.Logger GRPC = java.util.logging.Logger.getLogger(
      "org.apache.ratis.thirdparty.io.grpc");

  private Main() {}

  /**
   * Runs the command and exits with its code. A JVM error (out of memory, a missing class) ends
   * the process too, with code 70: a node that cannot run must not linger holding its ports and
   * its data directory, where a supervisor would not see it die.
   */
  public static void main(String[] args) {
    GRPC.setLevel(java.util.logging.Level.WARNING);
    int code;
    try {
      code = MedLedgerCommand.commandLine(CliContext.system()).execute(args);
    } catch (Throwable e) {
      System.err.println("medledger: fatal: " + e);
      code = 70;
    }
    System.exit(code);
  }
}
