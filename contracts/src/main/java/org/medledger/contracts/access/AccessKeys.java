package org.medledger.contracts.access;

import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;

/** Where access decisions, their indexes and break-glass grants are kept in the world state. */
public final class AccessKeys {
  public static final String NAMESPACE = "access";

  private AccessKeys() {}

  /** The audit record of one access decision, by the id of the request transaction. */
  public static String decision(String transactionId) {
    return NAMESPACE + "/decision/" + transactionId;
  }

  /** A patient's access log: a counter, with the entries under {@code <key>/<n>}. */
  public static String patientLog(PatientId patient) {
    return NAMESPACE + "/log/" + patient.organisation().value() + "/" + patient.name();
  }

  /** The decisions about one requester: a counter, with the entries under {@code <key>/<n>}. */
  public static String actorLog(Party.Person requester) {
    return NAMESPACE + "/actor/" + requester.organisation().value() + "/" + requester.name();
  }

  /** The {@code n}-th entry (from 0) of an append-only log; zero-padded so that keys sort in order. */
  public static String logEntry(String log, long n) {
    return log + "/" + String.format("%012d", n);
  }

  /** One break-glass grant, by the id of the declaring transaction. */
  public static String grant(String transactionId) {
    return NAMESPACE + "/break-glass/grant/" + transactionId;
  }

  /** The sorted ids of a patient's break-glass grants that had not expired when the last one was added. */
  public static String grants(PatientId patient) {
    return NAMESPACE + "/break-glass/patient/" + patient.organisation().value() + "/" + patient.name();
  }

  /**
   * The break-glass grant of {@code requester} for {@code patient} that expires last, as a grant
   * record: the one grant of theirs an access decision needs (every grant starts at the block time
   * of its declaration, so no other can be active when this one is not).
   */
  public static String grantInForce(PatientId patient, Party.Person requester) {
    return NAMESPACE + "/break-glass/in-force/" + patient.organisation().value() + "/" + patient.name() + "/"
        + requester.organisation().value() + "/" + requester.name();
  }

  /** The sorted ids of break-glass grants waiting for an auditor's review. */
  public static String openReviews() {
    return NAMESPACE + "/review/open";
  }
}
