package org.medledger.ledger.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.medledger.crypto.Signer;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.block.Event;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.ledger.governance.GovernanceContract;
import org.medledger.ledger.governance.ValidatorHistory;
import org.medledger.ledger.governance.ValidatorSet;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.testing.TestLedger;
import org.medledger.ledger.testing.ValidatorChanges;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.Role;

/**
 * Receipts of blocks sealed after the validator set changed through governance, on a real chain
 * of signed transactions. Three organisations (a majority is 2), four genesis validators
 * (quorum 3). Blocks:
 *
 * <ol>
 *   <li>city-clinic enrols validator-5; st-mary records dr-alice;
 *   <li>city-clinic proposes adding validator-5;
 *   <li>st-mary approves: validator-5 seals from block 4 (five validators, quorum 4);
 *   <li>dr-alice echoes (sealed by all five);
 *   <li>st-mary proposes removing validator-4;
 *   <li>acme-insurance approves: from block 7, validators 1, 2, 3 and 5 (quorum 3);
 *   <li>dr-alice echoes (sealed by validators 1, 2, 3, 5).
 * </ol>
 */
class ReceiptTransitionsTest {
  private final TestConsortium consortium = TestConsortium.of(List.of("st-mary", "city-clinic", "acme-insurance"), 4);
  private final TestLedger ledger = new TestLedger(consortium);
  private final ReceiptVerifier verifier = new ReceiptVerifier(consortium.genesis());
  private final Map<String, Signer> sealers = new HashMap<>();
  private final ValidatorChanges.Candidate validator5;
  private final SignedTransaction echo4;
  private final SignedTransaction echo7;
  private final SignedTransaction proposal;

  ReceiptTransitionsTest() throws Exception {
    for (int i = 0; i < consortium.validators().size(); i++) {
      sealers.put("validator-" + (i + 1), consortium.validators().get(i).signing());
    }
    validator5 = ValidatorChanges.candidate(consortium, "city-clinic", "validator-5", "validator-5.example:7000");
    sealers.put("validator-5", validator5.member().signing());
    TestConsortium.Member alice = consortium.issue("st-mary", "dr-alice", Role.PHYSICIAN);

    List<SignedTransaction> first = new ArrayList<>(ValidatorChanges.enrol(consortium, validator5));
    first.add(consortium.registrar("st-mary").signer().sign(IdentityContract.RECORD, alice.certificate().getEncoded()));
    commit(List.of("validator-1", "validator-2", "validator-3"), first.toArray(SignedTransaction[]::new));
    proposal = ValidatorChanges.proposeAdd(consortium, validator5);
    commit(List.of("validator-1", "validator-2", "validator-3"), proposal);
    commit(List.of("validator-1", "validator-2", "validator-4"),
        ValidatorChanges.approve(consortium, "st-mary", proposal));
    List<String> all = List.of("validator-1", "validator-2", "validator-3", "validator-4", "validator-5");
    echo4 = alice.signer().sign(EchoContract.ECHO, "four".getBytes(StandardCharsets.UTF_8));
    commit(all, alice.signer().sign(EchoContract.ECHO, "other".getBytes(StandardCharsets.UTF_8)), echo4);
    SignedTransaction removal = ValidatorChanges.proposeRemove(consortium, "st-mary", "validator-4");
    commit(all, removal);
    commit(all, ValidatorChanges.approve(consortium, "acme-insurance", removal));
    echo7 = alice.signer().sign(EchoContract.ECHO, "seven".getBytes(StandardCharsets.UTF_8));
    commit(List.of("validator-1", "validator-2", "validator-3", "validator-5"), echo7);

    ValidatorHistory history = ValidatorHistory.read(ledger.chain().state()).orElseThrow();
    assertThat(history.epochs()).extracting(ValidatorSet::fromHeight).containsExactly(0L, 4L, 7L);
  }

  private void commit(List<String> sealedBy, SignedTransaction... transactions) {
    Block block = ledger.commit(transactions).block();
    block.results().forEach(r -> assertThat(r.success()).as(r.code() + ": " + r.message()).isTrue());
    sealedBy.forEach(v -> ledger.chain().addSeal(block.height(), seal(v, block.header())));
  }

  private BlockSeal seal(String validator, BlockHeader header) {
    return BlockSeal.sign(validator, sealers.get(validator), header);
  }

  private Receipt receipt(SignedTransaction tx) {
    long height = ledger.chain().locate(tx.id()).orElseThrow().height();
    return Receipts.of(ledger.chain(), tx.id(), ledger.chain().seals(height)).orElseThrow();
  }

  private static Receipt roundTrip(Receipt receipt) {
    return LedgerCodec.decodeReceipt(LedgerCodec.encode(receipt));
  }

  /** The receipt with its transitions changed. */
  private static Receipt withTransitions(Receipt receipt, ValidatorTransition... transitions) {
    return receipt.withTransitions(List.of(transitions));
  }

  private static ValidatorTransition withSeals(ValidatorTransition t, List<BlockSeal> seals) {
    return new ValidatorTransition(t.header(), seals, t.result(), t.resultProof(), t.validators());
  }

  private static ValidatorTransition withSet(ValidatorTransition t, ValidatorSet set) {
    return new ValidatorTransition(t.header(), t.seals(), t.result(), t.resultProof(), set);
  }

  private static ValidatorTransition withResult(ValidatorTransition t, TransactionResult result) {
    return new ValidatorTransition(t.header(), t.seals(), result, t.resultProof(), t.validators());
  }

  private ReceiptVerifier.Outcome verify(Receipt receipt) {
    ReceiptVerifier.Outcome outcome = verifier.verify(receipt);
    System.out.println("[receipt] " + outcome.valid() + " | " + outcome.reason());
    return outcome;
  }

  // ---- honest receipts

  @Test
  void aReceiptAfterAValidatorWasAddedVerifiesWithItsTransition() {
    Receipt receipt = roundTrip(receipt(echo4));

    assertThat(receipt.transitions()).extracting(ValidatorTransition::height).containsExactly(3L);
    assertThat(receipt.transitions().get(0).validators().ids()).contains("validator-5").hasSize(5);
    ReceiptVerifier.Outcome outcome = verify(receipt);
    assertThat(outcome.valid()).as(outcome.reason()).isTrue();
    assertThat(outcome.reason()).isEqualTo("committed at height 4, sealed by 5 of 5 validators; "
        + "validator set changed at block 3");
    assertThat(outcome.quorum()).isEqualTo(4);
    assertThat(outcome.transitions()).containsExactly(3L);
  }

  @Test
  void theSameReceiptWithoutItsTransitionIsRefused() {
    ReceiptVerifier.Outcome outcome = verify(withTransitions(receipt(echo4)));

    assertThat(outcome.valid()).isFalse();
    assertThat(outcome.reason()).isEqualTo("a seal is signed by 'validator-5', who is not a validator of the genesis set");
  }

  @Test
  void aReceiptAfterTwoChangesFollowsBothInOrder() {
    Receipt receipt = roundTrip(receipt(echo7));

    assertThat(receipt.transitions()).extracting(ValidatorTransition::height).containsExactly(3L, 6L);
    ReceiptVerifier.Outcome outcome = verify(receipt);
    assertThat(outcome.valid()).as(outcome.reason()).isTrue();
    assertThat(outcome.reason()).isEqualTo("committed at height 7, sealed by 4 of 4 validators; "
        + "validator set changed at blocks 3, 6");
    assertThat(outcome.quorum()).isEqualTo(3);
  }

  @Test
  void aReceiptOfABlockBeforeAnyChangeCarriesNoTransition() {
    Receipt receipt = receipt(proposal);

    assertThat(receipt.transitions()).isEmpty();
    assertThat(verify(roundTrip(receipt)).valid()).isTrue();
  }

  @Test
  void transitionsRoundTripCanonically() {
    Receipt receipt = receipt(echo7);
    byte[] encoded = LedgerCodec.encode(receipt);

    assertThat(LedgerCodec.decodeReceipt(encoded)).isEqualTo(receipt);
    assertThat(LedgerCodec.encode(LedgerCodec.decodeReceipt(encoded))).isEqualTo(encoded);
    byte[] emptyTransition = java.util.Arrays.copyOf(encoded, encoded.length + 2);
    emptyTransition[encoded.length] = (byte) (9 << 3 | 2); // field 9, length-delimited, empty
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LedgerCodec.decodeReceipt(emptyTransition))
        .isInstanceOf(MalformedEncodingException.class);
  }

  // ---- tampered transitions

  @Test
  void aTransitionCarryingAnotherSetThanTheBlockAnnouncesIsRefused() {
    Receipt honest = receipt(echo4);
    ValidatorTransition t = honest.transitions().get(0);
    ValidatorSet forged = t.validators().without("validator-1", 4); // same height, other validators

    ReceiptVerifier.Outcome outcome = verify(roundTrip(withTransitions(honest, withSet(t, forged))));

    assertThat(outcome.valid()).isFalse();
    assertThat(outcome.reason()).startsWith("validator-set change 1 of 1 (block 3): the block announces validator set "
        + t.validators().digest().hex().substring(0, 12));
  }

  @Test
  void aTransitionWithoutAQuorumOfTheOldSetsSealsIsRefused() {
    Receipt honest = receipt(echo4);
    ValidatorTransition t = honest.transitions().get(0);

    ReceiptVerifier.Outcome few = verify(withTransitions(honest, withSeals(t, t.seals().subList(0, 2))));
    assertThat(few.valid()).isFalse();
    assertThat(few.reason()).isEqualTo("validator-set change 1 of 1 (block 3): only 2 of the 3 seals needed from the "
        + "genesis set");

    ReceiptVerifier.Outcome none = verify(withTransitions(honest, withSeals(t, List.of())));
    assertThat(none.reason()).contains("only 0 of the 3 seals");

    // sealed by the new set's newcomer: not a validator before the change it made
    List<BlockSeal> byNewcomer = Stream.concat(t.seals().stream().limit(2), Stream.of(validator5.seal(t.header())))
        .toList();
    ReceiptVerifier.Outcome newcomer = verify(withTransitions(honest, withSeals(t, byNewcomer)));
    assertThat(newcomer.reason()).isEqualTo("validator-set change 1 of 1 (block 3): a seal is signed by 'validator-5', "
        + "who is not a validator of the genesis set");
  }

  @Test
  void aTransitionWhoseResultIsNotInItsBlockIsRefused() {
    Receipt honest = receipt(echo4);
    ValidatorTransition t = honest.transitions().get(0);
    TransactionResult proposed = ledger.chain().block(2).orElseThrow().results().get(0);

    ReceiptVerifier.Outcome other = verify(withTransitions(honest, withResult(t, proposed)));
    assertThat(other.valid()).isFalse();
    assertThat(other.reason()).startsWith("validator-set change 1 of 1 (block 3): its result is not in the block");

    // a forged announcement of a forged set, consistent with each other but not with the block
    ValidatorSet forgedSet = t.validators().without("validator-2", 4);
    List<Event> events = new ArrayList<>();
    for (Event e : t.result().events()) {
      if (e.name().equals(GovernanceContract.VALIDATORS_CHANGED)) {
        Map<String, String> attributes = new HashMap<>(e.attributes());
        attributes.put("digest", forgedSet.digest().hex());
        attributes.put("validators", String.join(",", forgedSet.ids()));
        events.add(Event.of(e.name(), attributes));
      } else {
        events.add(e);
      }
    }
    TransactionResult forged = TransactionResult.ok(t.result().transactionId(), events);
    ValidatorTransition forgedTransition = new ValidatorTransition(t.header(), t.seals(), forged, t.resultProof(),
        forgedSet);
    ReceiptVerifier.Outcome outcome = verify(roundTrip(withTransitions(honest, forgedTransition)));
    assertThat(outcome.valid()).isFalse();
    assertThat(outcome.reason()).startsWith("validator-set change 1 of 1 (block 3): its result is not in the block");
  }

  @Test
  void aTransitionWhoseResultAnnouncesNoChangeIsRefused() {
    Receipt honest = receipt(echo4);
    ValidatorTransition t = honest.transitions().get(0);
    Block block2 = ledger.chain().block(2).orElseThrow();
    ValidatorTransition noChange = new ValidatorTransition(block2.header(), ledger.chain().seals(2),
        block2.results().get(0), org.medledger.ledger.execution.BlockRoots.resultsTree(block2).inclusionProof(0),
        t.validators());

    ReceiptVerifier.Outcome outcome = verify(withTransitions(honest, noChange));

    assertThat(outcome.reason()).isEqualTo("validator-set change 1 of 1 (block 2): its result is not a successful "
        + GovernanceContract.VALIDATORS_CHANGED + " announcement");
  }

  @Test
  void transitionsOutOfOrderOrRepeatedAreRefused() {
    Receipt honest = receipt(echo7);
    ValidatorTransition added = honest.transitions().get(0);
    ValidatorTransition removed = honest.transitions().get(1);

    ReceiptVerifier.Outcome twice = verify(withTransitions(honest, added, added));
    assertThat(twice.reason()).isEqualTo("validator-set change 2 of 2 (block 3): out of order: it is not above the "
        + "change before it (block 3)");

    // block 6 first (its seals limited to genesis validators, so that it passes as a first change)
    ValidatorTransition removedFirst = withSeals(removed,
        removed.seals().stream().filter(s -> !s.validator().equals("validator-5")).toList());
    ReceiptVerifier.Outcome swapped = verify(withTransitions(honest, removedFirst, added));
    assertThat(swapped.reason()).isEqualTo("validator-set change 2 of 2 (block 3): out of order: it is not above the "
        + "change before it (block 6)");
  }

  @Test
  void aTransitionAtOrAboveTheReceiptsBlockIsRefused() {
    Receipt later = receipt(echo7);
    Receipt honest = receipt(echo4);

    ReceiptVerifier.Outcome outcome = verify(honest.withTransitions(later.transitions()));

    assertThat(outcome.reason()).isEqualTo("validator-set change 2 of 2 (block 6): it is not below the receipt's "
        + "block 4");
  }

  @Test
  void aBlockSealedOnlyByAQuorumIncludingARemovedValidatorIsRefused() {
    Receipt honest = receipt(echo7);
    BlockHeader header = honest.header();
    List<BlockSeal> oldQuorum = List.of(seal("validator-1", header), seal("validator-2", header),
        seal("validator-4", header));

    ReceiptVerifier.Outcome outcome = verify(new Receipt(honest.transaction(), honest.result(),
        honest.transactionProof(), honest.resultProof(), header, oldQuorum, honest.transitions()));

    assertThat(outcome.valid()).isFalse();
    assertThat(outcome.reason()).isEqualTo("a seal is signed by 'validator-4', who is not a validator of the set in "
        + "force from block 7");
    // without validator-4's seal, two seals are not the quorum of 3 of the four in force
    ReceiptVerifier.Outcome two = verify(new Receipt(honest.transaction(), honest.result(),
        honest.transactionProof(), honest.resultProof(), header, oldQuorum.subList(0, 2), honest.transitions()));
    assertThat(two.reason()).isEqualTo("only 2 of the 3 seals needed from the set in force from block 7");
  }

  @Test
  void aFlippedBitAnywhereInAReceiptWithTransitionsIsRejectedOrDetected() {
    byte[] encoded = LedgerCodec.encode(receipt(echo7));
    for (int i = 0; i < encoded.length; i += 5) { // every fifth byte: the receipt carries certificates
      byte[] flipped = encoded.clone();
      flipped[i] ^= (byte) (1 << (i % 8));
      boolean accepted;
      try {
        accepted = verifier.verify(LedgerCodec.decodeReceipt(flipped)).valid();
      } catch (MalformedEncodingException e) {
        accepted = false;
      }
      assertThat(accepted).as("byte %d", i).isFalse();
    }
  }
}
