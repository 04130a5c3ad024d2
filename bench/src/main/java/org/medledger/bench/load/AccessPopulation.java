package org.medledger.bench.load;

import java.security.cert.X509Certificate;
import java.util.List;
import org.medledger.contracts.policy.PatientId;
import org.medledger.ledger.tx.TransactionSigner;

/**
 * The people of the access workload, enrolled on chain by {@link AccessSetup}, in the order of
 * {@link AccessMix} (organisation-major): the physicians who sign the requests, with their
 * certificates, and the patients they ask about.
 */
record AccessPopulation(List<TransactionSigner> physicians, List<X509Certificate> physicianCertificates,
    List<PatientId> patients) {

  AccessPopulation {
    physicians = List.copyOf(physicians);
    physicianCertificates = List.copyOf(physicianCertificates);
    patients = List.copyOf(patients);
    if (physicians.size() != physicianCertificates.size()) {
      throw new IllegalArgumentException("one certificate per physician");
    }
  }
}
