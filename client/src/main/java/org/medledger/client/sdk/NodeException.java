package org.medledger.client.sdk;

/**
 * A node refused a request (an RFC 9457 problem: status, code, detail) or could not be reached
 * (status 0).
 */
public class NodeException extends RuntimeException {
  /** Nothing listens at the node's address. */
  public static final String NOT_RUNNING = "not-running";
  /** Something answers, but TLS does not show a node of this network. */
  public static final String UNTRUSTED = "untrusted-node";

  private final int status;
  private final String code;

  public NodeException(int status, String code, String detail) {
    super(detail);
    this.status = status;
    this.code = code;
  }

  public static NodeException unreachable(String url, String why) {
    return new NodeException(0, "unreachable", "no MedLedger node answers at " + url + " (" + why + ")");
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public boolean unreachable() {
    return status == 0;
  }
}
