package org.medledger.client.cli;

import java.io.PrintWriter;
import org.medledger.client.network.NetworkFileException;
import org.medledger.client.sdk.NodeException;
import org.medledger.crypto.CryptoException;
import org.medledger.crypto.DecryptionFailedException;
import org.medledger.node.NodeStartException;
import org.medledger.node.storage.StorageException;
import org.medledger.pki.PkiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** The {@code medledger} command and its subcommands. */
@Command(
    name = "medledger",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "MedLedger: a permissioned blockchain for electronic health records.",
    subcommands = {DevCommand.class, NodeCommand.class, NetworkCommand.class, CaCommand.class, IdentityCommand.class,
        ConsentCommand.class, AccessCommand.class, BreakGlassCommand.class, ReviewCommand.class,
        RelationshipCommand.class, ValidatorCommand.class, GovernanceCommand.class, VerifyReceiptCommand.class,
        VerifyChainCommand.class,
        CommandLine.HelpCommand.class})
public final class MedLedgerCommand implements Runnable {
  static final String DEBUG = "MEDLEDGER_DEBUG";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A command line whose commands get the context through their constructors. */
  public static CommandLine commandLine(CliContext context) {
    CommandLine commandLine = new CommandLine(new MedLedgerCommand(), new ContextFactory(context));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(new ErrorHandler("1".equals(context.environment().get(DEBUG))));
    commandLine.setParameterExceptionHandler(MedLedgerCommand::invalidInput);
    return commandLine;
  }

  /** Wrong usage: one line naming the problem and where the usage is, instead of the whole usage text. */
  private static int invalidInput(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String hint = e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()
        ? "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?"
        : "";
    PrintWriter err = command.getErr();
    err.println("medledger: " + oneLine(e.getMessage()) + hint
        + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** Messages may quote what the user typed; a line break in it must not break the one-line message. */
  static String oneLine(String text) {
    StringBuilder line = new StringBuilder();
    for (char c : String.valueOf(text).toCharArray()) {
      switch (c) {
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        default -> line.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return line.toString();
  }

  /** Turns refusals into one line on stderr and exit code 1; anything else also says how to learn more. */
  private record ErrorHandler(boolean debug) implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
      PrintWriter err = commandLine.getErr();
      err.println("medledger: " + oneLine(message(e)));
      if (debug) {
        e.printStackTrace(err);
      }
      err.flush();
      return 1;
    }

    private String message(Exception e) {
      if (e instanceof DecryptionFailedException) {
        return "wrong passphrase or damaged key file";
      }
      if (e instanceof CliException || e instanceof PkiException || e instanceof NetworkFileException
          || e instanceof CryptoException || e instanceof IllegalArgumentException || e instanceof NodeStartException
          || e instanceof StorageException || e instanceof NodeException) {
        return e.getMessage();
      }
      return "unexpected error: " + e + (debug ? "" : " (set " + DEBUG + "=1 for details)");
    }
  }

  /** Creates commands, handing the context to those that take it. */
  private record ContextFactory(CliContext context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return type.getDeclaredConstructor(CliContext.class).newInstance(context);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
