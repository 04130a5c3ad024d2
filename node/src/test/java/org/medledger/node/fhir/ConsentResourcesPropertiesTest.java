package org.medledger.node.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.medledger.contracts.consent.ConsentGrant;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.ledger.Digest;
import org.medledger.pki.Role;

/** Any grant survives the trip through FHIR JSON, and is written the same way every time. */
class ConsentResourcesPropertiesTest {

  @Property(tries = 100)
  void everyGrantRoundTripsExactly(@ForAll("grants") ConsentGrant grant) {
    String json = ConsentResources.toJson(grant);
    ConsentGrant back = ConsentResources.fromJson(json);
    assertThat(ConsentFixtures.withoutHash(back)).isEqualTo(grant);
    assertThat(back.fhirSha256()).contains(Digest.sha256(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(ConsentResources.toJson(back)).isEqualTo(json);
  }

  @Provide
  Arbitrary<ConsentGrant> grants() {
    return Combinators.combine(patients(), periods(), provisions(3))
        .as((patient, period, provision) -> new ConsentGrant(patient, period, provision, Optional.empty()));
  }

  private static Arbitrary<PatientId> patients() {
    return Combinators.combine(organisations(), names()).as(PatientId::of);
  }

  private static Arbitrary<String> organisations() {
    return Arbitraries.of("st-mary", "acme-health", "a", "north-2");
  }

  /** Names as certificates allow them: a letter or digit, then letters, digits, spaces and . _ @ -. */
  private static Arbitrary<String> names() {
    Arbitrary<String> first = Arbitraries.strings().alpha().numeric().ofLength(1);
    Arbitrary<String> rest = Arbitraries.strings().alpha().numeric().withChars(' ', '.', '_', '@', '-').ofMaxLength(20);
    return Combinators.combine(first, rest).as(String::concat);
  }

  private static Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(Instant.parse("1900-01-01T00:00:00Z").toEpochMilli(),
        Instant.parse("2200-01-01T00:00:00Z").toEpochMilli()).map(Instant::ofEpochMilli);
  }

  /** Consent periods: without bounds, open at one end, or closed (start before end). */
  private static Arbitrary<Period> periods() {
    return Combinators.combine(instants().injectNull(0.4), instants().injectNull(0.4))
        .filter((start, end) -> start == null || end == null || end.isAfter(start))
        .as(Period::new);
  }

  private static Arbitrary<Party> parties() {
    return Arbitraries.oneOf(
        Combinators.combine(organisations(), names()).as(Party::person),
        organisations().map(Party::organisation),
        Arbitraries.of(Role.class).map(Party::role));
  }

  /** Any subset, drawn as a bit mask (jqwik's unique-element sets are slow to fill from small enums). */
  private static <E extends Enum<E>> Arbitrary<Set<E>> subsets(Class<E> type) {
    E[] constants = type.getEnumConstants();
    return Arbitraries.integers().between(0, (1 << constants.length) - 1).map(mask -> {
      Set<E> subset = EnumSet.noneOf(type);
      for (E constant : constants) {
        if ((mask & (1 << constant.ordinal())) != 0) {
          subset.add(constant);
        }
      }
      return subset;
    });
  }

  /** A provision period is null or bounded: FHIR cannot tell an unbounded period from none. */
  private static Arbitrary<Period> provisionPeriods() {
    return periods().filter(period -> period.start() != null || period.end() != null).injectNull(0.6);
  }

  private static Arbitrary<Provision> provisions(int depth) {
    Arbitrary<List<Provision>> nested = depth <= 1
        ? Arbitraries.just(List.of())
        : Arbitraries.lazy(() -> provisions(depth - 1)).list().ofMaxSize(2);
    return Combinators.combine(Arbitraries.of(Provision.Type.class), provisionPeriods(), parties().list().ofMaxSize(3),
            subsets(Action.class), subsets(PurposeOfUse.class), subsets(DataClass.class), subsets(SecurityLabel.class),
            nested)
        .as(Provision::new);
  }
}
