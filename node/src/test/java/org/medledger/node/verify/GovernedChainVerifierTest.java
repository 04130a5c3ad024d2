package org.medledger.node.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.contract.ContractRegistry;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.receipt.Receipt;
import org.medledger.ledger.receipt.Receipts;
import org.medledger.ledger.receipt.ValidatorTransition;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.storage.rocksdb.RocksChainStore;

/**
 * verify-chain and verify-receipt over a real chain whose validator set changed through
 * governance (see {@link GovernedChain}): each block's seals are checked against the set in force
 * at its height, and receipts carry the changes before their block.
 */
class GovernedChainVerifierTest {
  @TempDir
  Path temp;

  private GovernedChain chain;
  private Path dataDir;
  private ChainVerifier verifier;

  @BeforeEach
  void buildChain() {
    dataDir = temp.resolve("chain").toAbsolutePath();
    chain = GovernedChain.build(dataDir);
    verifier = new ChainVerifier(chain.consortium.genesis());
  }

  // ---- verify-chain

  @Test
  void aChainSealedByTheValidatorsInForceAtEachHeightIsIntact() {
    ChainReport report = verify();

    assertThat(report).as(report.message()).isInstanceOf(ChainReport.Intact.class);
    ChainReport.Intact intact = (ChainReport.Intact) report;
    assertThat(intact.headHeight()).isEqualTo(8);
    assertThat(intact.counts().blocks()).isEqualTo(9);
    assertThat(intact.counts().seals()).isEqualTo(1 + 2 + 2 + 3 + 3 + 4 + 4 + 3 + 2);
  }

  @Test
  void aSealByAValidatorBeforeItJoinedIsNamedAtItsBlock() {
    addSeal(GovernedChain.ADDED_AT, "validator-4"); // the block that adds it: sealed still by the old set

    assertTampered(3, "a seal over block 3 is by 'validator-4', who is not a validator at block 3");
  }

  @Test
  void aSealByARemovedValidatorIsNamedAtItsBlock() {
    addSeal(8, "validator-3");

    assertTampered(8, "a seal over block 8 is by 'validator-3', who is not a validator at block 8 (it left the "
        + "validator set at block 7)");
  }

  @Test
  void aSealByARemovedValidatorOnTheFirstBlockWithoutItIsNamed() {
    // block 7's seals are checked ahead while block 6, which removes validator-3, is re-executed
    addSeal(GovernedChain.REMOVED_AT + 1, "validator-3");

    assertTampered(7, "a seal over block 7 is by 'validator-3', who is not a validator at block 7 (it left the "
        + "validator set at block 7)");
  }

  @Test
  void aForgedSealOfAnAddedValidatorIsNamedAtItsBlock() {
    BlockSeal forged = new BlockSeal("validator-4", chain.seal("validator-4", chain.block(5).header()).signature());
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      store.addSeal(4, forged);
    }

    assertTampered(4, "the seal of 'validator-4' over block 4 does not verify against its header");
  }

  @Test
  void aVerifierWithoutTheGovernanceContractFindsTheChangeOfValidatorsRefused() {
    ChainVerifier identityOnly = new ChainVerifier(chain.consortium.genesis(),
        identities -> new ContractRegistry(List.of(new IdentityContract(identities))));

    ChainReport report = identityOnly.verify(dataDir);

    System.out.println("[verify-chain] " + report.message());
    assertThat(report).isInstanceOf(ChainReport.Tampered.class);
    assertThat(((ChainReport.Tampered) report).height()).isEqualTo(2); // the first governance transaction
  }

  // ---- verify-receipt

  @Test
  void aReceiptCutFromTheStoreFollowsTheChangesBeforeItsBlock() {
    SignedTransaction tx = chain.block(8).transactions().get(0);
    Receipt receipt;
    try (RocksChainStore store = RocksChainStore.openReadOnly(dataDir)) {
      receipt = Receipts.of(store, tx.id(), store.seals(8)).orElseThrow();
    }
    assertThat(receipt.transitions()).extracting(ValidatorTransition::height).containsExactly(3L, 6L);

    ReceiptReport report = ReceiptChecks.check(LedgerCodec.encode(receipt), chain.consortium.genesis());

    System.out.println("[verify-receipt] " + report.message());
    assertThat(report.valid()).as(report.reason()).isTrue();
    assertThat(report.reason()).isEqualTo("transaction " + tx.id().hex() + " succeeded; committed at height 8, "
        + "sealed by 2 of 3 validators; validator set changed at blocks 3, 6");

    ReceiptReport without = ReceiptChecks.check(LedgerCodec.encode(receipt.withTransitions(List.of())),
        chain.consortium.genesis());
    System.out.println("[verify-receipt] " + without.message());
    assertThat(without.valid()).isFalse();
    assertThat(without.reason()).isEqualTo("a seal is signed by 'validator-4', who is not a validator of the genesis set");
  }

  private void addSeal(long height, String validator) {
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      store.addSeal(height, chain.seal(validator, chain.block(height).header()));
    }
  }

  private ChainReport verify() {
    ChainReport report = verifier.verify(dataDir);
    System.out.println("[verify-chain] " + report.verdict() + " | " + report.message());
    return report;
  }

  private void assertTampered(long height, String reason) {
    ChainReport report = verify();
    assertThat(report).as(report.message()).isInstanceOf(ChainReport.Tampered.class);
    ChainReport.Tampered tampered = (ChainReport.Tampered) report;
    assertThat(tampered.reason()).isEqualTo(reason);
    assertThat(tampered.height()).isEqualTo(height);
  }
}
