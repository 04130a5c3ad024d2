package org.medledger.ledger.testing;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medledger.crypto.SignatureScheme;
import org.medledger.crypto.Signer;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.ledger.tx.TransactionSigner;
import org.medledger.pki.CertificateAuthority;
import org.medledger.pki.CertificateProfile;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Pem;
import org.medledger.pki.Role;

/**
 * A consortium in memory for ledger tests: organisation CAs, each with a registrar ("admin"),
 * validators, and a genesis naming them. Issue more identities with {@link #issue}.
 */
public final class TestConsortium {
  public static final Instant GENESIS_TIME = Instant.parse("2026-03-01T10:00:00Z");
  public static final String CHAIN_ID = "medledger-test";

  /** An identity's certificate and key pair. */
  public record Member(X509Certificate certificate, KeyPair keys) {
    public TransactionSigner signer(String chainId) {
      return new TransactionSigner(chainId, SignatureScheme.of(keys.getPublic()).signer(keys), certificate);
    }

    public TransactionSigner signer() {
      return signer(CHAIN_ID);
    }

    /** Signs anything (headers, seals) with this member's key. */
    public Signer signing() {
      return SignatureScheme.of(keys.getPublic()).signer(keys);
    }
  }

  private final Map<OrganisationId, CertificateAuthority> authorities = new LinkedHashMap<>();
  private final Map<OrganisationId, Member> registrars = new LinkedHashMap<>();
  private final List<Member> validators = new ArrayList<>();
  private final Genesis genesis;

  private TestConsortium(List<String> organisations, int validatorCount) {
    for (String id : organisations) {
      OrganisationId org = OrganisationId.of(id);
      authorities.put(org, CertificateAuthority.createRoot(org, SignatureScheme.ECDSA_P256_SHA256.generateKeyPair(),
          GENESIS_TIME.minus(Duration.ofDays(1)), Duration.ofDays(3650)));
      registrars.put(org, issue(org, "admin", Role.REGISTRAR, SignatureScheme.ECDSA_P256_SHA256,
          GENESIS_TIME.minus(Duration.ofDays(1)), Duration.ofDays(365)));
    }
    List<Genesis.Validator> genesisValidators = new ArrayList<>();
    List<OrganisationId> orgs = new ArrayList<>(authorities.keySet());
    for (int i = 0; i < validatorCount; i++) {
      OrganisationId org = orgs.get(i % orgs.size());
      Member validator = issue(org, "validator-" + (i + 1), Role.VALIDATOR, SignatureScheme.ECDSA_P256_SHA256,
          GENESIS_TIME.minus(Duration.ofDays(1)), Duration.ofDays(730));
      validators.add(validator);
      genesisValidators.add(new Genesis.Validator("validator-" + (i + 1), org.value(),
          Pem.write(validator.certificate()), Pem.write(validator.certificate())));
    }
    List<Genesis.Organisation> genesisOrgs = authorities.entrySet().stream()
        .map(e -> new Genesis.Organisation(e.getKey().value(), Pem.write(e.getValue().certificate()),
            Pem.write(registrars.get(e.getKey()).certificate())))
        .toList();
    this.genesis = new Genesis(Genesis.FORMAT, CHAIN_ID, GENESIS_TIME, genesisOrgs, genesisValidators);
  }

  /** Two organisations (st-mary, city-clinic) and one validator. */
  public static TestConsortium standard() {
    return new TestConsortium(List.of("st-mary", "city-clinic"), 1);
  }

  public static TestConsortium of(List<String> organisations, int validators) {
    return new TestConsortium(organisations, validators);
  }

  public Genesis genesis() {
    return genesis;
  }

  public Member registrar(String organisation) {
    return registrars.get(OrganisationId.of(organisation));
  }

  public List<Member> validators() {
    return List.copyOf(validators);
  }

  public CertificateAuthority authority(String organisation) {
    return authorities.get(OrganisationId.of(organisation));
  }

  /** Issues a certificate (not yet recorded on chain) valid from a day before genesis for a year. */
  public Member issue(String organisation, String name, Role role) {
    return issue(OrganisationId.of(organisation), name, role, SignatureScheme.ECDSA_P256_SHA256,
        GENESIS_TIME.minus(Duration.ofDays(1)), Duration.ofDays(365));
  }

  public Member issue(OrganisationId org, String name, Role role, SignatureScheme scheme, Instant from, Duration validity) {
    KeyPair keys = scheme.generateKeyPair();
    X509Certificate certificate = authorities.get(org).issue(keys.getPublic(), IdentityClaims.of(name, role, org),
        CertificateProfile.forRole(role), from.plus(Duration.ofMinutes(5)), validity);
    return new Member(certificate, keys);
  }
}
