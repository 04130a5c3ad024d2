package org.medledger.client.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.medledger.client.network.NetworkLayout;
import org.medledger.client.network.NetworkNodes;
import org.medledger.client.network.Wallet;
import org.medledger.client.sdk.NodeClient;
import org.medledger.client.sdk.RequestSigner;
import org.medledger.contracts.policy.PatientId;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.Role;
import picocli.CommandLine.Option;

/**
 * --network, --wallet and --node: a member acting with the wallet from their enrollment, through
 * a running node of the network. Everything is checked before anything changes.
 */
final class MemberOptions {
  @Option(names = "--network", required = true, paramLabel = "DIR",
      description = "The network directory (its genesis names the chain and the CAs to trust).")
  Path network;

  @Option(names = "--wallet", required = true, paramLabel = "FILE", description = "Your wallet (from 'ca enroll').")
  Path walletFile;

  @Option(names = "--node", paramLabel = "URL", description = {"The node to talk to, e.g. https://127.0.0.1:8441",
      "(default: the first running node configured in the network directory)."})
  URI node;

  private Wallet wallet;
  private Genesis genesis;

  NetworkLayout layout() {
    return new NetworkLayout(network);
  }

  /** The network's genesis, read once. */
  Genesis genesis() {
    if (genesis == null) {
      genesis = layout().readGenesis();
    }
    return genesis;
  }

  /** The wallet, opened once with the passphrase from the environment or a prompt. */
  Wallet wallet(CliContext context) {
    if (wallet == null) {
      if (!Files.isRegularFile(walletFile)) {
        throw new CliException("no wallet at " + walletFile);
      }
      wallet = Wallet.read(walletFile, context.passphrases().existing("the wallet " + walletFile));
    }
    return wallet;
  }

  /** Who the wallet belongs to, as its certificate says. */
  IdentityClaims claims(CliContext context) {
    return wallet(context).claims();
  }

  /** A running node of the network. */
  NodeClient connect() {
    return new NetworkNodes(layout()).connect(Optional.ofNullable(node));
  }

  /** Signs queries with the wallet. */
  RequestSigner requestSigner(CliContext context) {
    return RequestSigner.of(wallet(context), genesis().chainId());
  }

  /** Transactions signed with the wallet, through a running node. */
  MemberTransactions transactions(CliContext context) {
    return new MemberTransactions(connect(), genesis().chainId(), wallet(context));
  }

  /** The patient named by {@code --patient}, or the wallet's owner if they are a patient and none was named. */
  PatientId patientOrSelf(String given, CliContext context) {
    if (given != null) {
      return PolicyArguments.patient(given);
    }
    IdentityClaims self = claims(context);
    if (self.role() != Role.PATIENT) {
      throw new CliException("name the patient with --patient NAME@ORG (the wallet is " + self.name() + "@"
          + self.organisation() + "'s, a " + self.role().id() + ")");
    }
    return new PatientId(self.organisation(), self.name());
  }
}
