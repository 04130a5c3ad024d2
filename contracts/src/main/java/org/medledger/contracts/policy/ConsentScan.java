package org.medledger.contracts.policy;

import java.util.List;
import java.util.Set;

/**
 * One pass over a patient's consents for one request (see {@link Consent} for the semantics).
 * Collects whether any consent denies and whether one permits in the way the basis requires:
 * naming the action (when {@code namedAction} is set), naming the purpose (when {@code
 * namedPurpose} is set) and naming every sensitive label of the data. A criterion counts as
 * named when some provision on the path from the root to the deciding provision lists it.
 * Linear in the size of the consents; the only allocation is this object.
 */
final class ConsentScan {
  private final AccessRequest request;
  private final Action namedAction;
  private final PurposeOfUse namedPurpose;
  private final int sensitiveMask;

  /** The smallest id of a consent that denies, or null. */
  private String denying;
  /** The smallest id of a consent that permits as required, or null. */
  private String permitting;
  /** A consent permits as required, except that it does not name every sensitive label. */
  private boolean permitsShortOfLabels;

  private ConsentScan(AccessRequest request, Action namedAction, PurposeOfUse namedPurpose, int sensitiveMask) {
    this.request = request;
    this.namedAction = namedAction;
    this.namedPurpose = namedPurpose;
    this.sensitiveMask = sensitiveMask;
  }

  /**
   * Scans {@code consents} for {@code request}.
   *
   * @param namedAction an action a permit must name explicitly, or null
   * @param namedPurpose a purpose a permit must name explicitly, or null
   * @param sensitiveMask the request's sensitive labels (see {@link #mask}) a permit must name
   */
  static ConsentScan of(List<Consent> consents, AccessRequest request, Action namedAction,
      PurposeOfUse namedPurpose, int sensitiveMask) {
    ConsentScan scan = new ConsentScan(request, namedAction, namedPurpose, sensitiveMask);
    for (Consent consent : consents) {
      if (consent.patient().equals(request.patient()) && consent.appliesAt(request.time())
          && scan.matches(consent.provision())) {
        scan.visit(consent.id(), consent.provision(), false, false, 0);
      }
    }
    return scan;
  }

  /** A bit per label ordinal. */
  static int mask(Set<SecurityLabel> labels) {
    int mask = 0;
    for (SecurityLabel label : labels) {
      mask |= 1 << label.ordinal();
    }
    return mask;
  }

  boolean denies() {
    return denying != null;
  }

  String denyingConsent() {
    return denying;
  }

  boolean permits() {
    return permitting != null;
  }

  String permittingConsent() {
    return permitting;
  }

  boolean permitsShortOfLabels() {
    return permitsShortOfLabels;
  }

  /** {@code provision} matched; follow matching exceptions, or let it decide if none match. */
  private void visit(String consentId, Provision provision, boolean actionNamed, boolean purposeNamed,
      int labelsNamed) {
    boolean action = actionNamed || (namedAction != null && provision.actions().contains(namedAction));
    boolean purpose = purposeNamed || (namedPurpose != null && provision.purposes().contains(namedPurpose));
    int labels = labelsNamed | (sensitiveMask == 0 ? 0 : mask(provision.labels()));
    boolean deeper = false;
    for (Provision nested : provision.provisions()) {
      if (matches(nested)) {
        deeper = true;
        visit(consentId, nested, action, purpose, labels);
      }
    }
    if (!deeper) {
      decideBy(consentId, provision.type(), action, purpose, labels);
    }
  }

  private void decideBy(String consentId, Provision.Type type, boolean actionNamed, boolean purposeNamed,
      int labelsNamed) {
    if (type == Provision.Type.DENY) {
      denying = smaller(denying, consentId);
      return;
    }
    boolean actionOk = namedAction == null || actionNamed;
    boolean purposeOk = namedPurpose == null || purposeNamed;
    if (actionOk && purposeOk) {
      if ((sensitiveMask & ~labelsNamed) == 0) {
        permitting = smaller(permitting, consentId);
      } else {
        permitsShortOfLabels = true;
      }
    }
  }

  private boolean matches(Provision provision) {
    if (provision.period() != null && !provision.period().contains(request.time())) {
      return false;
    }
    if (!provision.actions().isEmpty() && !provision.actions().contains(request.action())) {
      return false;
    }
    if (!provision.purposes().isEmpty() && !provision.purposes().contains(request.purpose())) {
      return false;
    }
    if (!provision.classes().isEmpty() && !provision.classes().contains(request.dataClass())) {
      return false;
    }
    if (!provision.labels().isEmpty() && !intersects(provision.labels(), request.labels())) {
      return false;
    }
    return provision.actors().isEmpty() || anyMatches(provision.actors(), request.requester());
  }

  private static boolean intersects(Set<SecurityLabel> a, Set<SecurityLabel> b) {
    for (SecurityLabel label : a) {
      if (b.contains(label)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyMatches(List<Party> actors, Requester requester) {
    for (Party actor : actors) {
      if (actor.matches(requester)) {
        return true;
      }
    }
    return false;
  }

  private static String smaller(String current, String candidate) {
    return current == null || candidate.compareTo(current) < 0 ? candidate : current;
  }
}
