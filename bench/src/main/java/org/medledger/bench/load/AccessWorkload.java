package org.medledger.bench.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.medledger.contracts.access.AccessCodec;
import org.medledger.contracts.access.AccessRequestContract;
import org.medledger.contracts.access.RequestPayload;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.crypto.Passphrase;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * The access workload ({@code --workload access}): {@code access.request} transactions signed by
 * physicians enrolled on chain for patients with treating relationships and consents, mixed as
 * {@link AccessMix} says (permitted, and a share denied for sensitive data without consent). Every
 * request commits with its decision recorded, permitted or denied. Made by {@link #prepare}, which
 * runs the set-up through the nodes' API ({@link AccessSetup}). The health contracts run on every
 * node by default, so {@link BenchValidators} and {@link BenchNode} serve this workload as well.
 */
final class AccessWorkload implements Workload {
  private final AccessMix mix;
  private final AccessPopulation population;
  private final CertificateKeys keys;

  AccessWorkload(AccessMix mix, AccessPopulation population) {
    if (population.physicians().size() != mix.physicians() || population.patients().size() != mix.patients()) {
      throw new IllegalArgumentException("the population does not match the mix");
    }
    this.mix = mix;
    this.population = population;
    this.keys = new CertificateKeys(population.physicianCertificates());
  }

  /** Enrols the mix's people on chain, with their relationships and consents, and returns the workload. */
  static AccessWorkload prepare(AccessMix mix, LoadSigners registrars, Path network,
      Passphrase passphrase, Targets targets, String tag, PrintStream out) throws InterruptedException {
    AccessPopulation population = new AccessSetup(BenchNetwork.layout(network), passphrase, registrars, targets, out)
        .run(mix, tag);
    return new AccessWorkload(mix, population);
  }

  @Override
  public String describe() {
    return String.format("access.request, %s, %d physicians (%d per organisation) asking about %d patients (%d per "
        + "organisation), %d%% for sensitive data without consent", keys.scheme(), mix.physicians(),
        mix.physiciansPerOrganisation(), mix.patients(), mix.patientsPerOrganisation(), mix.denyPercent());
  }

  /** Requests 0 … count-1 of the mix (the tag is not needed: each transaction has its own nonce). */
  @Override
  public List<SignedTransaction> sign(int count, String tag) {
    return IntStream.range(0, count).parallel().mapToObj(this::request).toList();
  }

  SignedTransaction request(int index) {
    AccessMix.Request request = mix.request(index);
    PatientId patient = population.patients().get(request.patient());
    Set<SecurityLabel> labels = request.sensitive() ? EnumSet.of(SecurityLabel.PSY) : Set.of();
    RequestPayload payload = new RequestPayload(patient, Action.READ, PurposeOfUse.TREAT, DataClass.OBSERVATION,
        labels, patient.organisation(), false);
    return population.physicians().get(request.physician())
        .sign(AccessRequestContract.REQUEST, AccessCodec.requestPayload(payload));
  }

  @Override
  public SignatureKeys keys() {
    return keys;
  }

  @Override
  public Map<String, Long> expectedDecisions(int count) {
    return mix.expected(count);
  }
}
