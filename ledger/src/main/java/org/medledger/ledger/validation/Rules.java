package org.medledger.ledger.validation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medledger.crypto.CryptoException;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.contract.ContractException;
import org.medledger.ledger.identity.CertificateEntry;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionBody;
import org.medledger.pki.Role;
import org.medledger.pki.ValidationResult;

/**
 * The validation rules, one per class, in the order they run: cheap checks first, the signature
 * (the expensive one) last.
 */
public final class Rules {
  private Rules() {}

  public static List<TransactionRule> all() {
    return List.of(new Size(), new ChainId(), new PayloadWellFormed(), new Fresh(), new CertificateValid(),
        new RoleAllowed(), new SignatureValid());
  }

  /** The whole encoded transaction is within the chain's limit. */
  public static final class Size implements TransactionRule {
    @Override
    public void check(SignedTransaction tx, ValidationContext context) throws Rejection {
      if (tx.encodedLength() > context.maxTransactionBytes()) {
        throw new Rejection(RejectionCode.TOO_LARGE,
            "transaction of " + tx.encodedLength() + " bytes exceeds the limit of " + context.maxTransactionBytes());
      }
    }
  }

  /** The transaction was made for this chain. */
  public static final class ChainId implements TransactionRule {
    @Override
    public void check(SignedTransaction tx, ValidationContext context) throws Rejection {
      if (!tx.body().chainId().equals(context.chainId())) {
        throw new Rejection(RejectionCode.WRONG_CHAIN, "transaction is for chain '" + tx.body().chainId() + "'");
      }
    }
  }

  /** A contract runs this type and its payload is well formed. */
  public static final class PayloadWellFormed implements TransactionRule {
    @Override
    public void check(SignedTransaction tx, ValidationContext context) throws Rejection {
      TransactionBody body = tx.body();
      Contract contract = context.contracts().contractFor(body.type()).orElseThrow(() ->
          new Rejection(RejectionCode.UNKNOWN_TYPE, "no contract runs transactions of type " + body.type()));
      try {
        contract.checkPayload(body.type(), body.payload());
      } catch (ContractException e) {
        throw new Rejection(RejectionCode.MALFORMED_PAYLOAD, e.getMessage());
      }
    }
  }

  /** The transaction is not already on chain (replays are refused). */
  public static final class Fresh implements TransactionRule {
    @Override
    public void check(SignedTransaction tx, ValidationContext context) throws Rejection {
      if (context.committed().test(tx.id())) {
        throw new Rejection(RejectionCode.REPLAY, "transaction " + tx.id() + " is already on chain");
      }
    }
  }

  /**
   * The signer's certificate is recorded on chain, names the signer, chains to its organisation's
   * CA on chain, is valid at block time and not revoked on chain by then.
   */
  public static final class CertificateValid implements TransactionRule {
    @Override
    public void check(SignedTransaction tx, ValidationContext context) throws Rejection {
      CertificateEntry entry = context.signerCertificate(tx).orElseThrow(() -> new Rejection(
          RejectionCode.UNKNOWN_CERTIFICATE, "certificate " + tx.body().certificateFingerprint() + " is not on chain"));
      if (!entry.claims().organisation().equals(tx.body().signer().organisation())
          || !entry.claims().name().equals(tx.body().signer().name())) {
        throw new Rejection(RejectionCode.CERTIFICATE_MISMATCH,
            "the certificate belongs to " + entry.claims().name() + "@" + entry.claims().organisation()
                + ", not to the signer " + tx.body().signer());
      }
      if (entry.suspension().isPresent()) {
        throw new Rejection(RejectionCode.IDENTITY_SUSPENDED, entry.claims().name() + "@"
            + entry.claims().organisation() + " is suspended since block " + entry.suspension().get().height()
            + " (" + entry.suspension().get().reason() + ")");
      }
      ValidationResult result = context.identities().validate(context.state(), entry.certificate(),
          entry.claims().organisation(), entry.revocation(), context.blockTime());
      switch (result.verdict()) {
        case VALID -> { }
        case EXPIRED -> throw new Rejection(RejectionCode.CERTIFICATE_EXPIRED, result.detail());
        case NOT_YET_VALID -> throw new Rejection(RejectionCode.CERTIFICATE_NOT_YET_VALID, result.detail());
        case REVOKED -> throw new Rejection(RejectionCode.CERTIFICATE_REVOKED, result.detail());
        default -> throw new Rejection(RejectionCode.UNTRUSTED_CERTIFICATE, result.detail());
      }
    }
  }

  /** The signer's role, from its certificate on chain, may send this type. */
  public static final class RoleAllowed implements TransactionRule {
    @Override
    public void check(SignedTransaction tx, ValidationContext context) throws Rejection {
      Role role = context.signerCertificate(tx).orElseThrow(() -> new Rejection(
          RejectionCode.UNKNOWN_CERTIFICATE, "certificate is not on chain")).claims().role();
      Set<Role> allowed = context.contracts().allowedRoles(tx.body().type());
      if (!allowed.contains(role)) {
        throw new Rejection(RejectionCode.ROLE_NOT_ALLOWED, "a " + role.id() + " may not send " + tx.body().type());
      }
    }
  }

  /** The signature verifies under the signer's certificate. */
  public static final class SignatureValid implements TransactionRule {
    @Override
    public void check(SignedTransaction tx, ValidationContext context) throws Rejection {
      Optional<Boolean> known = context.preverifiedSignature();
      boolean valid = known.isPresent() ? known.get() : verify(tx, context.identities(), context.signerCertificate(tx)
          .orElseThrow(() -> new Rejection(RejectionCode.UNKNOWN_CERTIFICATE, "certificate is not on chain")));
      if (!valid) {
        throw new Rejection(RejectionCode.BAD_SIGNATURE, "the signature does not verify under the signer's certificate");
      }
    }

    /** Verifies a transaction's signature with a certificate's key; false for any unusable key. */
    public static boolean verify(SignedTransaction tx, IdentityDirectory identities, CertificateEntry certificate) {
      try {
        return identities.verifier(certificate).verify(LedgerCodec.encode(tx.body()), tx.signature());
      } catch (CryptoException e) {
        return false;
      }
    }
  }
}
