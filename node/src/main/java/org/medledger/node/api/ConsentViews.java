package org.medledger.node.api;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.medledger.contracts.consent.ConsentRecord;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.Consent;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.ledger.Digest;

/**
 * The JSON of consents. Actors read {@code name@org} (a person), {@code organisation org} or
 * {@code role r}; actions are {@code read}, {@code write}, …; purposes HL7 codes ({@code TREAT});
 * classes FHIR resource types ({@code Observation}); labels HL7 codes ({@code PSY}); sets sorted
 * by code; times ISO-8601 UTC; an open end of a period is null.
 */
final class ConsentViews {
  private ConsentViews() {}

  /** {@code GET /v1/patients/{org}/{name}/consents}. */
  record ConsentList(String patient, List<ConsentView> consents) {
    static ConsentList of(PatientId patient, List<ConsentRecord> records, Instant now) {
      return new ConsentList(patient.toString(), records.stream().map(r -> ConsentView.of(r, now)).toList());
    }
  }

  /**
   * A consent as kept on chain: {@code status} is {@code active} or {@code inactive} (revoked), as
   * in FHIR; {@code inForce} says whether it is active and its period holds the node's time.
   */
  record ConsentView(String id, String status, boolean inForce, PeriodView period, ProvisionView provision,
      String fhirSha256, long grantedHeight, String grantedBy, Long revokedHeight, String revokedAt,
      String revokedBy) {
    static ConsentView of(ConsentRecord record, Instant now) {
      Consent consent = record.consent();
      return new ConsentView(consent.id(), consent.status().name().toLowerCase(Locale.ROOT), consent.appliesAt(now),
          PeriodView.of(consent.period()), ProvisionView.of(consent.provision()),
          record.fhirSha256().map(Digest::hex).orElse(null), record.grantedHeight(), record.grantedBy().toString(),
          record.revocation().map(ConsentRecord.Revocation::height).orElse(null),
          record.revocation().map(r -> r.at().toString()).orElse(null),
          record.revocation().map(r -> r.by().toString()).orElse(null));
    }
  }

  /** A period [start, end); null for an open end. */
  record PeriodView(String start, String end) {
    static PeriodView of(Period period) {
      return period == null ? null : new PeriodView(period.start() == null ? null : period.start().toString(),
          period.end() == null ? null : period.end().toString());
    }
  }

  /** A provision and its nested exceptions; an empty list means "any"; {@code period} null if it has none. */
  record ProvisionView(String type, PeriodView period, List<String> actors, List<String> actions,
      List<String> purposes, List<String> classes, List<String> labels, List<ProvisionView> provisions) {
    static ProvisionView of(Provision provision) {
      return new ProvisionView(provision.type().name().toLowerCase(Locale.ROOT), PeriodView.of(provision.period()),
          provision.actors().stream().map(Object::toString).toList(),
          codes(provision.actions(), Action::id), codes(provision.purposes(), PurposeOfUse::code),
          codes(provision.classes(), DataClass::fhirType), codes(provision.labels(), SecurityLabel::code),
          provision.provisions().stream().map(ProvisionView::of).toList());
    }
  }

  /** The codes of a set of values, sorted (the same set always reads the same). */
  static <E> List<String> codes(Collection<E> values, Function<E, String> code) {
    return values.stream().map(code).sorted().toList();
  }
}
