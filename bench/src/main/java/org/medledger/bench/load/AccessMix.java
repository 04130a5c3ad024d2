package org.medledger.bench.load;

import java.util.Map;
import java.util.TreeMap;
import org.medledger.contracts.access.AccessCodec;
import org.medledger.contracts.policy.ReasonCode;

/**
 * Who asks for whom in the access workload, request by request, and the decision each should get
 * under the default policy. The population: {@code physiciansPerOrganisation} physicians and
 * {@code patientsPerOrganisation} patients at each of {@code organisations} organisations; every
 * patient's organisation treats them (a care-team relationship with the whole organisation) and
 * every patient consents to treatment by the next organisation (organisation {@code o + 1}, the
 * last one's patients to the first).
 *
 * <p>Request {@code i} comes from physician {@code i mod P} (P physicians, organisation-major),
 * so consecutive requests have different signers. {@code denyPercent} of the requests, spread
 * evenly, ask for mental-health data ({@code PSY}) of a patient of the physician's own
 * organisation: the relationship does not cover sensitive data and no consent names the label, so
 * they are denied ({@code sensitive-needs-consent}). The others READ an observation for TREAT, P
 * at a time alternately of a patient of the physician's own organisation (permitted by the {@code
 * treating-relationship}) and of the previous organisation's (permitted by that patient's
 * {@code consent}; with a single organisation the relationship decides that one too), so the two
 * differ by at most P. Patients are visited in turn.
 */
record AccessMix(int organisations, int physiciansPerOrganisation, int patientsPerOrganisation, int denyPercent) {

  /** One request: physician and patient as indexes into the population (organisation-major). */
  record Request(int physician, int patient, boolean sensitive, ReasonCode expected) {}

  AccessMix {
    if (organisations < 1) {
      throw new IllegalArgumentException("the access workload needs at least one organisation");
    }
    if (physiciansPerOrganisation < 1) {
      throw new IllegalArgumentException("--physicians-per-org must be at least 1");
    }
    if (patientsPerOrganisation < 1) {
      throw new IllegalArgumentException("--patients-per-org must be at least 1");
    }
    if (denyPercent < 0 || denyPercent > 100) {
      throw new IllegalArgumentException("--deny-percent must be between 0 and 100");
    }
  }

  int physicians() {
    return organisations * physiciansPerOrganisation;
  }

  int patients() {
    return organisations * patientsPerOrganisation;
  }

  /** The organisation whose treatment the patients of {@code organisation} consent to. */
  int consentedOrganisation(int organisation) {
    return (organisation + 1) % organisations;
  }

  Request request(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("a request index is not negative");
    }
    int physician = index % physicians();
    int organisation = physician / physiciansPerOrganisation;
    long deniedBefore = (long) index * denyPercent / 100;
    if (denied(index)) {
      int slot = (index / physicians()) % patientsPerOrganisation;
      return new Request(physician, organisation * patientsPerOrganisation + slot, true,
          ReasonCode.SENSITIVE_NEEDS_CONSENT);
    }
    long permit = index - deniedBefore; // this request is the permit-th permitted one (from 0)
    int slot = (int) ((permit / (2L * physicians())) % patientsPerOrganisation);
    if ((permit / physicians()) % 2 == 0 || organisations == 1) {
      return new Request(physician, organisation * patientsPerOrganisation + slot, false,
          ReasonCode.TREATING_RELATIONSHIP);
    }
    int previous = (organisation + organisations - 1) % organisations;
    return new Request(physician, previous * patientsPerOrganisation + slot, false, ReasonCode.CONSENT);
  }

  /** True for {@code denyPercent} of the indexes, spread evenly (index 9, 19, 29, … at 10%). */
  private boolean denied(int index) {
    return (long) (index + 1) * denyPercent / 100 > (long) index * denyPercent / 100;
  }

  /** The decisions of requests 0 … count-1, by {@code effect/reason}. */
  Map<String, Long> expected(int count) {
    Map<String, Long> counts = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      ReasonCode reason = request(i).expected();
      counts.merge(DecisionCounts.key(AccessCodec.effect(reason.effect()), reason.code()), 1L, Long::sum);
    }
    return counts;
  }
}
