package org.medledger.node.api;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.medledger.contracts.policy.Requester;
import org.medledger.crypto.CryptoException;
import org.medledger.ledger.identity.CertificateEntry;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.identity.IdentityEntry;
import org.medledger.ledger.identity.IdentityKeys;
import org.medledger.ledger.state.StateView;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.ValidationResult;

/**
 * Who signed a request ({@link RequestSignature}), by the rules a transaction's signer meets, at
 * the node's time instead of a block's: the certificate is recorded on chain, issued by its
 * organisation's CA on chain, within its validity, not revoked; its identity is registered, not
 * revoked and not suspended; the signature verifies under the certificate's key over this very
 * request of this chain, made within {@link RequestSignature#MAX_SKEW} of now. The reader is who
 * the certificate names as recorded on chain — organisation, name and role — never anything the
 * request says. Any failure is a 401 problem {@code unauthenticated} whose detail says why;
 * headers and signatures are never logged.
 *
 * <p>Replay: a signed header can be sent again, unchanged, within the window. It names one method,
 * path and query, so it repeats that read only, answered by what the signer may read at the time of
 * the repeat; TLS keeps the header from anyone but the signer. That is what the window allows, and
 * a read changes nothing on chain; it spares the node keeping per-request state.
 */
final class RequestAuthenticator {
  static final String UNAUTHENTICATED = "unauthenticated";

  private final NodeLedger ledger;
  private final IdentityDirectory identities;
  private final Clock clock;

  RequestAuthenticator(NodeLedger ledger, IdentityDirectory identities, Clock clock) {
    this.ledger = ledger;
    this.identities = identities;
    this.clock = clock;
  }

  /** The requester who signed this request; a 401 problem if no one acceptable did. */
  Requester authenticate(Context ctx) {
    String value = ctx.header(RequestSignature.HEADER);
    if (value == null) {
      throw unauthenticated("this resource is read with a signed request: send the " + RequestSignature.HEADER
          + " header (cert, created, signature) made with a certificate recorded on chain");
    }
    RequestSignature.Header header;
    try {
      header = RequestSignature.parse(value);
    } catch (IllegalArgumentException e) {
      throw unauthenticated(e.getMessage());
    }
    Instant now = clock.instant();
    if (Math.abs(now.getEpochSecond() - header.created()) > RequestSignature.MAX_SKEW.getSeconds()) {
      throw unauthenticated("the request was signed at " + Instant.ofEpochSecond(header.created()) + ", more than "
          + RequestSignature.MAX_SKEW.getSeconds() + " s from the node's time " + now + ": sign each request anew");
    }
    StateView state = ledger.chain().state();
    CertificateEntry certificate = identities.certificate(state, header.certificate()).orElseThrow(() ->
        unauthenticated("certificate " + header.certificate().hex() + " is not recorded on chain"));
    IdentityClaims claims = certificate.claims();
    String who = claims.name() + "@" + claims.organisation();
    requireActiveIdentity(state, claims, who);
    if (certificate.suspension().isPresent()) {
      throw unauthenticated(who + " is suspended since block " + certificate.suspension().get().height());
    }
    ValidationResult validity = identities.validate(state, certificate.certificate(), claims.organisation(),
        certificate.revocation(), now);
    if (!validity.isValid()) {
      throw unauthenticated("the certificate of " + who + " is not valid now: " + validity.detail());
    }
    byte[] message;
    try {
      message = RequestSignature.message(ledger.genesis().chainId(), header.certificate(), header.created(),
          ctx.req().getMethod(), pathAndQuery(ctx));
    } catch (IllegalArgumentException e) {
      throw unauthenticated("this request cannot be signed: " + e.getMessage());
    }
    if (!verifies(certificate, message, header.signature())) {
      throw unauthenticated("the signature does not verify under the certificate of " + who + " for "
          + ctx.req().getMethod() + " " + pathAndQuery(ctx) + " on chain " + ledger.genesis().chainId());
    }
    return Requester.from(claims);
  }

  /** The raw path and query as the client sent them, which is what it signed. */
  static String pathAndQuery(Context ctx) {
    String query = ctx.req().getQueryString();
    return ctx.req().getRequestURI() + (query == null ? "" : "?" + query);
  }

  private static void requireActiveIdentity(StateView state, IdentityClaims claims, String who) {
    Optional<IdentityEntry> identity = state.get(IdentityKeys.identity(claims.organisation(), claims.name()))
        .map(bytes -> IdentityCodec.decode(bytes, claims.organisation()));
    if (identity.isEmpty()) {
      throw unauthenticated(who + " is not a registered identity");
    }
    if (identity.get().revocation().isPresent()) {
      throw unauthenticated(who + " is revoked since block " + identity.get().revocation().get().height());
    }
    if (identity.get().suspension().isPresent()) {
      throw unauthenticated(who + " is suspended since block " + identity.get().suspension().get().height());
    }
  }

  private boolean verifies(CertificateEntry certificate, byte[] message, byte[] signature) {
    try {
      return identities.verifier(certificate).verify(message, signature);
    } catch (CryptoException e) {
      return false;
    }
  }

  private static ProblemException unauthenticated(String detail) {
    return new ProblemException(401, UNAUTHENTICATED, detail);
  }
}
