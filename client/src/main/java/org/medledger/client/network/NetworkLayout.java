package org.medledger.client.network;

import java.nio.file.Files;
import java.nio.file.Path;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.node.GenesisFile;
import org.medledger.pki.OrganisationId;

/**
 * Where things live in a network directory.
 *
 * <pre>
 * genesis.json
 * orgs/&lt;org&gt;/ca/ca.crt  ca.key (encrypted)  records.json  crl.pem
 * orgs/&lt;org&gt;/admin.wallet.pem                 the organisation's registrar
 * nodes/&lt;validator&gt;/node.yaml  node.wallet.pem  tls.crt  tls.key (encrypted)  data/
 * </pre>
 */
public record NetworkLayout(Path root) {

  public Path genesis() {
    return root.resolve("genesis.json");
  }

  public Path organisation(OrganisationId org) {
    return root.resolve("orgs").resolve(org.value());
  }

  public Path authorityDirectory(OrganisationId org) {
    return organisation(org).resolve("ca");
  }

  public Path authorityCertificate(OrganisationId org) {
    return authorityDirectory(org).resolve("ca.crt");
  }

  public Path authorityKey(OrganisationId org) {
    return authorityDirectory(org).resolve("ca.key");
  }

  public Path authorityRecords(OrganisationId org) {
    return authorityDirectory(org).resolve("records.json");
  }

  public Path authorityCrl(OrganisationId org) {
    return authorityDirectory(org).resolve("crl.pem");
  }

  public Path adminWallet(OrganisationId org) {
    return organisation(org).resolve("admin.wallet.pem");
  }

  public Path node(String validatorId) {
    return root.resolve("nodes").resolve(validatorId);
  }

  public Path nodeWallet(String validatorId) {
    return node(validatorId).resolve("node.wallet.pem");
  }

  public Path nodeTlsCertificate(String validatorId) {
    return node(validatorId).resolve("tls.crt");
  }

  public Path nodeConfig(String validatorId) {
    return node(validatorId).resolve("node.yaml");
  }

  public Path nodeTlsKey(String validatorId) {
    return node(validatorId).resolve("tls.key");
  }

  /** Reads the genesis file, with a clear error if this is not a network directory. */
  public Genesis readGenesis() {
    if (!Files.isRegularFile(genesis())) {
      throw new NetworkFileException(root + " is not a MedLedger network directory (no genesis.json); "
          + "create one with: medledger network init --out " + root);
    }
    return GenesisFile.read(genesis());
  }
}
