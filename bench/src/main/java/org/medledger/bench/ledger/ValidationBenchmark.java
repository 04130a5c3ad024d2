package org.medledger.bench.ledger;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.contract.ContractRegistry;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.testing.TestLedger;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.validation.Rejection;
import org.medledger.ledger.validation.Rules;
import org.medledger.ledger.validation.TransactionRule;
import org.medledger.ledger.validation.ValidationContext;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Validating one transaction on one core: every rule of {@link Rules#all()}, with the signature
 * checked on the spot (not preverified), against a chain whose state records the signer. The
 * signature check dominates; compare with the crypto benchmarks' bare verify.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidationBenchmark {
  private static final int TRANSACTIONS = 256;

  @Param({"ECDSA_P256_SHA256", "RSA_3072_PSS_SHA256"})
  public String scheme;

  private ValidationContext context;
  private final List<TransactionRule> rules = Rules.all();
  private SignedTransaction[] transactions;
  private int next;

  @Setup
  public void setUp() throws Exception {
    TestConsortium consortium = TestConsortium.standard();
    TestLedger ledger = new TestLedger(consortium);
    TestConsortium.Member signer = consortium.issue(OrganisationId.of("st-mary"), "dr-bench", Role.PHYSICIAN,
        SignatureScheme.valueOf(scheme), TestConsortium.GENESIS_TIME.minus(Duration.ofDays(1)), Duration.ofDays(365));
    X509Certificate certificate = signer.certificate();
    ledger.commit(consortium.registrar("st-mary").signer().sign(IdentityContract.RECORD, certificate.getEncoded()));
    transactions = new SignedTransaction[TRANSACTIONS];
    for (int i = 0; i < TRANSACTIONS; i++) {
      transactions[i] = signer.signer().sign(EchoContract.ECHO, ("echo " + i).getBytes(StandardCharsets.UTF_8));
    }
    IdentityDirectory identities = new IdentityDirectory();
    context = new ValidationContext(TestConsortium.CHAIN_ID, TestConsortium.GENESIS_TIME.plus(Duration.ofHours(1)),
        ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES,
        new ContractRegistry(List.of(new IdentityContract(identities), new EchoContract())), identities,
        ledger.chain().state(), id -> false, Optional.empty());
  }

  @Benchmark
  public SignedTransaction validate() throws Rejection {
    SignedTransaction tx = transactions[next++ & (TRANSACTIONS - 1)];
    for (TransactionRule rule : rules) {
      rule.check(tx, context);
    }
    return tx;
  }
}
