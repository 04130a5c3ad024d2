package org.medledger.node.api;

/** Thrown by a handler to answer with a problem (bad input, unknown resource). */
final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  ProblemException(int status, String code, String detail) {
    super(detail, null, false, false);
    this.problem = Problem.of(status, code, detail);
  }

  Problem problem() {
    return problem;
  }
}
