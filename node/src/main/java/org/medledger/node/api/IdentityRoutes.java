package org.medledger.node.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityEntry;
import org.medledger.ledger.identity.IdentityKeys;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.PkiException;

/** {@code /v1/identities}: identities as the registry on chain has them (no personal data beyond the name). */
final class IdentityRoutes {
  private final NodeLedger ledger;

  IdentityRoutes(NodeLedger ledger) {
    this.ledger = ledger;
  }

  /** An identity: its role and attributes, certificates (fingerprints), and status from which block. */
  record IdentityView(String name, String organisation, String role, Map<String, String> attributes,
      long registeredHeight, List<String> certificates, String status, Long suspendedHeight, Long revokedHeight) {
    static IdentityView of(IdentityEntry entry) {
      String status = entry.revocation().isPresent() ? "revoked" : entry.suspension().isPresent() ? "suspended" : "active";
      return new IdentityView(entry.claims().name(), entry.claims().organisation().value(), entry.claims().role().id(),
          entry.claims().attributes(), entry.registeredHeight(),
          entry.certificates().stream().map(d -> d.hex()).toList(), status,
          entry.suspension().map(s -> s.height()).orElse(null), entry.revocation().map(r -> r.height()).orElse(null));
    }
  }

  /** {@code GET /v1/identities/{org}/{name}}. */
  void identity(Context ctx) {
    OrganisationId organisation;
    String name = ctx.pathParam("name");
    try {
      organisation = OrganisationId.of(ctx.pathParam("org"));
      IdentityClaims.requireValidName(name);
    } catch (PkiException | IllegalArgumentException e) {
      throw new ProblemException(400, "malformed-identity", e.getMessage());
    }
    IdentityEntry entry = ledger.chain().state().get(IdentityKeys.identity(organisation, name))
        .map(bytes -> IdentityCodec.decode(bytes, organisation))
        .orElseThrow(() -> new ProblemException(404, "unknown-identity", "'" + name + "' is not registered at "
            + organisation));
    ctx.json(IdentityView.of(entry));
  }
}
