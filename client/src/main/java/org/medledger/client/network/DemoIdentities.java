package org.medledger.client.network;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/** The people of the development network, one or more per role that matters for a demo. */
public final class DemoIdentities {

  /** One demo identity. */
  public record Identity(String name, Role role, OrganisationId organisation, Map<String, String> attributes) {}

  private static final OrganisationId ST_MARY = OrganisationId.of("st-mary");
  private static final OrganisationId CITY_CLINIC = OrganisationId.of("city-clinic");
  private static final OrganisationId ACME_INSURANCE = OrganisationId.of("acme-insurance");

  public static final List<Identity> ALL = List.of(
      new Identity("dr-alice", Role.PHYSICIAN, ST_MARY, Map.of("department", "cardiology")),
      new Identity("nurse-bob", Role.NURSE, ST_MARY, Map.of("department", "cardiology")),
      new Identity("auditor-carol", Role.AUDITOR, ST_MARY, Map.of()),
      new Identity("dr-dan", Role.PHYSICIAN, CITY_CLINIC, Map.of("department", "general-practice")),
      new Identity("buster-hoeger", Role.PATIENT, CITY_CLINIC, Map.of()),
      new Identity("claims-erin", Role.INSURER, ACME_INSURANCE, Map.of()));

  private DemoIdentities() {}

  /** The demo identity called {@code name}. */
  public static Identity byName(String name) {
    return ALL.stream().filter(i -> i.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no demo identity " + name));
  }

  public static Path wallet(NetworkLayout layout, Identity identity) {
    return layout.root().resolve("wallets").resolve(identity.name() + ".wallet.pem");
  }
}
