package org.medledger.contracts.policy;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A patient's consent, with FHIR R4 Consent semantics: an id, the patient, a status, a validity
 * period and a root provision with nested exceptions.
 *
 * <p>How a consent applies to a request: only an {@link Status#ACTIVE active} consent whose period
 * holds the request's time applies at all (a revoked consent is inactive from its block). Its root
 * provision must match the request; then each nested provision is looked at only if its parent
 * matched. On every branch the deepest provision that matches decides (FHIR: nested provisions are
 * exceptions to their parent). If the deepest matches of different branches disagree, deny wins:
 * the consent denies if any of them is a deny, so an added exception can never widen access.
 *
 * <p>A <em>research consent</em> is one with a permit provision that names {@link PurposeOfUse#HRESCH}.
 */
public record Consent(String id, PatientId patient, Status status, Period period, Provision provision) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9.-]{1,64}");

  /** FHIR Consent.status, reduced to what policy needs. */
  public enum Status {
    /** In force (within its period). */
    ACTIVE,
    /** Revoked or otherwise withdrawn: never applies. */
    INACTIVE
  }

  public Consent {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "invalid consent id '" + id + "': 1-64 letters, digits, '-' and '.' (a FHIR id)");
    }
    Checks.required(patient, "the consent's patient");
    Checks.required(status, "the consent's status");
    period = period == null ? Period.ALWAYS : period;
    Checks.required(provision, "the consent's root provision");
  }

  public static Consent active(String id, PatientId patient, Period period, Provision provision) {
    return new Consent(id, patient, Status.ACTIVE, period, provision);
  }

  /** True if the consent is active and its period holds {@code time}. */
  public boolean appliesAt(Instant time) {
    return status == Status.ACTIVE && period.contains(time);
  }

  /** True if some permit provision names the research purpose {@link PurposeOfUse#HRESCH}. */
  public boolean isResearch() {
    return provision.permitsNaming(PurposeOfUse.HRESCH);
  }

  /** The same consent, withdrawn. */
  public Consent revoked() {
    return new Consent(id, patient, Status.INACTIVE, period, provision);
  }

  public Consent withProvision(Provision root) {
    return new Consent(id, patient, status, period, root);
  }
}
