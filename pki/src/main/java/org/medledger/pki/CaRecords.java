package org.medledger.pki;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one organisation's CA remembers: registrations, issued certificates and the last CRL
 * number. Immutable; every change returns a new value for the caller to store.
 */
public record CaRecords(List<Registration> registrations, List<IssuedCertificate> certificates, long crlNumber) {

  public static final CaRecords EMPTY = new CaRecords(List.of(), List.of(), 0);

  public CaRecords {
    registrations = List.copyOf(registrations == null ? List.of() : registrations);
    certificates = List.copyOf(certificates == null ? List.of() : certificates);
  }

  public Optional<Registration> registration(String name) {
    return registrations.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  public Optional<IssuedCertificate> certificate(BigInteger serial) {
    String hex = IssuedCertificate.serialHex(serial);
    return certificates.stream().filter(c -> c.serial().equals(hex)).findFirst();
  }

  public List<IssuedCertificate> certificatesOf(String name) {
    return certificates.stream().filter(c -> c.name().equals(name)).toList();
  }

  public List<Revocation> revocations() {
    return certificates.stream().filter(IssuedCertificate::revoked).map(IssuedCertificate::revocation).toList();
  }

  CaRecords withRegistration(Registration registration) {
    List<Registration> next = new ArrayList<>(registrations);
    next.removeIf(r -> r.name().equals(registration.name()));
    next.add(registration);
    return new CaRecords(next, certificates, crlNumber);
  }

  CaRecords withCertificate(IssuedCertificate certificate) {
    List<IssuedCertificate> next = new ArrayList<>(certificates);
    next.removeIf(c -> c.serial().equals(certificate.serial()));
    next.add(certificate);
    return new CaRecords(registrations, next, crlNumber);
  }

  CaRecords withCrlNumber(long number) {
    return new CaRecords(registrations, certificates, number);
  }
}
