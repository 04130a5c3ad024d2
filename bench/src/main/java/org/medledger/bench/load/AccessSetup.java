package org.medledger.bench.load;

import java.io.PrintStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medledger.client.network.AuthorityStore;
import org.medledger.client.network.Enrollment;
import org.medledger.client.network.NetworkLayout;
import org.medledger.client.network.Wallet;
import org.medledger.contracts.consent.ConsentCodec;
import org.medledger.contracts.consent.ConsentGrantContract;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.Relationship;
import org.medledger.contracts.relationship.RelationshipCodec;
import org.medledger.contracts.relationship.RelationshipContract;
import org.medledger.crypto.Passphrase;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionSigner;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Registrar;
import org.medledger.pki.Role;

/**
 * The set-up of the access workload, with real transactions through the nodes' API, as an
 * organisation would do it: each organisation's CA (in the network directory) registers and
 * enrolls its physicians and patients (a key pair made here, a certificate issued for it); the
 * organisation's registrar registers them on chain and records their certificates; the registrar
 * adds a care-team relationship between the organisation and each of its patients; each patient
 * grants a consent to treatment by the next organisation ({@link AccessMix}). Each step is
 * committed on every node before the next ({@link SetupCommits}).
 *
 * <p>Names carry a tag ({@code dr-TAG-org-1-1}, {@code pat-TAG-org-1-1}) so that set-ups can be
 * repeated on one network; the CA's records in the directory gain the new identities.
 */
final class AccessSetup {
  private final NetworkLayout layout;
  private final Passphrase passphrase;
  private final LoadSigners registrars;
  private final SetupCommits chain;
  private final PrintStream out;

  AccessSetup(NetworkLayout layout, Passphrase passphrase, LoadSigners registrars, Targets targets, PrintStream out) {
    this.layout = layout;
    this.passphrase = passphrase;
    this.registrars = registrars;
    this.chain = new SetupCommits(targets);
    this.out = out;
  }

  /** An identity issued by its organisation's CA, ready to be registered and recorded on chain. */
  private record Enrolled(IdentityClaims claims, Wallet wallet) {}

  AccessPopulation run(AccessMix mix, String tag) throws InterruptedException {
    List<Genesis.Organisation> organisations = registrars.genesis().organisations();
    if (organisations.size() != mix.organisations()) {
      throw new IllegalArgumentException("the mix has " + mix.organisations() + " organisations, the network "
          + organisations.size());
    }
    long start = System.nanoTime();
    List<Enrolled> physicians = new ArrayList<>();
    List<Enrolled> patients = new ArrayList<>();
    for (Genesis.Organisation organisation : organisations) {
      OrganisationId org = OrganisationId.of(organisation.id());
      AuthorityStore store = new AuthorityStore(layout, org);
      Registrar registrar = store.registrar(passphrase);
      for (int k = 1; k <= mix.physiciansPerOrganisation(); k++) {
        physicians.add(enroll(store, registrar, IdentityClaims.of("dr-" + tag + "-" + org + "-" + k, Role.PHYSICIAN,
            org)));
      }
      for (int k = 1; k <= mix.patientsPerOrganisation(); k++) {
        patients.add(enroll(store, registrar, IdentityClaims.of("pat-" + tag + "-" + org + "-" + k, Role.PATIENT,
            org)));
      }
    }
    List<Enrolled> everyone = new ArrayList<>(physicians);
    everyone.addAll(patients);
    progress("issued " + everyone.size() + " certificates", start);

    chain.commitAll("register", everyone.stream().map(e -> registrar(e).sign(IdentityContract.REGISTER,
        IdentityCodec.registerPayload(e.claims()))).toList());
    progress("registered " + everyone.size() + " identities on chain", start);
    chain.commitAll("record certificates", everyone.stream().map(e -> registrar(e).sign(IdentityContract.RECORD,
        encoded(e.wallet().certificate()))).toList());
    progress("recorded their certificates", start);

    String chainId = registrars.genesis().chainId();
    List<SignedTransaction> care = new ArrayList<>();
    for (int p = 0; p < patients.size(); p++) {
      Enrolled patient = patients.get(p);
      OrganisationId org = patient.claims().organisation();
      PatientId id = new PatientId(org, patient.claims().name());
      care.add(registrar(patient).sign(RelationshipContract.ADD, RelationshipCodec.addPayload(new Relationship(id,
          new Party.Organisation(org), Relationship.Kind.CARE_TEAM, Period.ALWAYS))));
      OrganisationId consented = OrganisationId.of(organisations.get(
          mix.consentedOrganisation(p / mix.patientsPerOrganisation())).id());
      Provision provision = Provision.permit().actors(new Party.Organisation(consented))
          .purposes(PurposeOfUse.TREAT).classes(DataClass.CLINICAL).build();
      care.add(signer(chainId, patient).sign(ConsentGrantContract.GRANT,
          ConsentCodec.grantPayload(id, Period.ALWAYS, provision, Optional.empty())));
    }
    long height = chain.commitAll("relationships and consents", care);
    progress("added " + patients.size() + " care-team relationships and " + patients.size() + " consents (set-up done"
        + " at block " + height + ")", start);

    return new AccessPopulation(physicians.stream().map(e -> signer(chainId, e)).toList(),
        physicians.stream().map(e -> e.wallet().certificate()).toList(),
        patients.stream().map(e -> new PatientId(e.claims().organisation(), e.claims().name())).toList());
  }

  private Enrolled enroll(AuthorityStore store, Registrar registrar, IdentityClaims claims) {
    Instant now = Instant.now();
    String secret = store.update(records -> Registrar.register(records, store.organisation(), claims, now,
        registrar.policy().enrollmentSecret()));
    // The certificate is recorded on chain in a later step, once its identity is registered there.
    Wallet wallet = Enrollment.enroll(store, registrar, claims.name(), secret, registrars.scheme(), now,
        certificate -> { });
    return new Enrolled(claims, wallet);
  }

  private TransactionSigner registrar(Enrolled enrolled) {
    return registrars.registrar(enrolled.claims().organisation());
  }

  private static TransactionSigner signer(String chainId, Enrolled enrolled) {
    return new TransactionSigner(chainId, enrolled.wallet().signer(), enrolled.wallet().certificate());
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a certificate just issued cannot be encoded", e);
    }
  }

  private void progress(String what, long start) {
    out.printf("access set-up: %s (%.1f s)%n", what, (System.nanoTime() - start) / 1e9);
  }
}
