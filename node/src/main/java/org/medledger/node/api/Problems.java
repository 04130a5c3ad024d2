package org.medledger.node.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.medledger.ledger.validation.RejectionCode;
import org.medledger.node.producer.BlockCommitException;
import org.medledger.node.producer.NodeOverloadedException;
import org.medledger.node.producer.NodeStoppingException;
import org.medledger.node.producer.TransactionRejectedException;
import org.medledger.node.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where errors become HTTP answers: every typed error maps to a status and an RFC
 * 9457 problem; anything unexpected is a 500 with no detail. Messages of refused transactions go
 * to the submitter only; logs get codes and exception types, never transaction content.
 */
final class Problems {
  static final String CONTENT_TYPE = "application/problem+json";

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  /** Registers the mapping for exceptions thrown by handlers. */
  static void register(RoutesConfig routes) {
    routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e));
    routes.exception(Exception.class, (e, ctx) -> write(ctx, e));
  }

  /** Answers with the problem for an error (thrown, or the failure of a future). */
  static void write(Context ctx, Throwable error) {
    Problem problem = of(error);
    if (problem.status() == 503) {
      ctx.header("Retry-After", "1");
    }
    if (problem.status() == 401) {
      ctx.header("WWW-Authenticate", RequestSignature.HEADER);
    }
    ctx.status(problem.status()).json(problem).contentType(CONTENT_TYPE);
  }

  static Problem of(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof ProblemException p) {
      return p.problem();
    }
    if (e instanceof TransactionRejectedException r) {
      return Problem.of(status(r.code()), r.code().id(), r.getMessage());
    }
    if (e instanceof NodeOverloadedException) {
      return Problem.of(503, "overloaded", e.getMessage());
    }
    if (e instanceof NodeStoppingException) {
      return Problem.of(503, "node-stopping", e.getMessage());
    }
    if (e instanceof BlockCommitException) {
      return Problem.of(500, "commit-failed", e.getMessage());
    }
    if (e instanceof TimeoutException) {
      return Problem.of(504, "commit-timeout",
          "the transaction was accepted but not committed in time; look it up with GET /v1/transactions/{id}");
    }
    if (e instanceof HttpResponseException h) {
      return http(h.getStatus());
    }
    if (e instanceof StorageException) {
      LOG.error("storage failure while answering a request: {}", e.getMessage());
      return Problem.of(500, "storage-failure", "the node could not read its chain");
    }
    LOG.error("unexpected {} while answering a request: {}", e.getClass().getName(), e.getMessage());
    LOG.debug("unexpected error", e);
    return Problem.of(500, "internal-error", "the node could not answer this request");
  }

  /** The HTTP status of a refused transaction. */
  static int status(RejectionCode code) {
    return switch (code) {
      case TOO_LARGE -> 413;
      case WRONG_CHAIN, UNKNOWN_TYPE, MALFORMED_PAYLOAD -> 400;
      case REPLAY -> 409;
      case UNKNOWN_CERTIFICATE, CERTIFICATE_MISMATCH, UNTRUSTED_CERTIFICATE, CERTIFICATE_NOT_YET_VALID,
          CERTIFICATE_EXPIRED, CERTIFICATE_REVOKED, IDENTITY_SUSPENDED, ROLE_NOT_ALLOWED -> 403;
      case BAD_SIGNATURE -> 422;
    };
  }

  /** Errors Javalin raises itself: no route, wrong method, and the like. */
  private static Problem http(int status) {
    return switch (status) {
      case 404 -> Problem.of(404, "not-found", "no such resource; the API is under /v1");
      case 405 -> Problem.of(405, "method-not-allowed", "this resource does not support that method");
      case 413 -> Problem.of(413, "too-large", "the request body is too large");
      default -> Problem.of(status, "http-" + status, "the request could not be served");
    };
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
