package org.medledger.node.api;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.tls.TlsIdentity;

/**
 * The node's HTTPS API (HTTPS only: there is no plain-HTTP connector).
 *
 * <pre>
 * POST /v1/transactions          canonical signed transaction (application/octet-stream) → receipt
 * GET  /v1/transactions/{id}     receipt of a committed transaction
 * GET  /v1/blocks/{height}       a committed block
 * GET  /v1/status                chain id, head, validators, quorum, waiting transactions
 * GET  /v1/validators            every validator set of the chain, oldest first
 * GET  /v1/identities/{org}/{name}  an identity: role, attributes, certificates, status
 * GET  /v1/governance/proposals[?limit=N]  the latest proposals, newest first, with their status
 * GET  /v1/governance/proposals/{id}  a governance proposal and its approvals
 * GET  /v1/policy                the access policy in force (governed, or the defaults)
 *
 * Signed requests only (header MedLedger-Signature, see RequestSignature); who may read, in brackets:
 * GET  /v1/patients/{org}/{name}/consents  the patient's consents  [patient, delegate, auditor]
 * GET  /v1/patients/{org}/{name}/access-log[?limit=N]  the patient's access decisions, newest first
 *                                [patient, delegate, auditor]
 * GET  /v1/actors/{org}/{name}/decisions[?limit=N]  decisions on that requester's requests, newest first
 *                                [that person, auditor]
 * GET  /v1/decisions/{id}        one access decision  [its requester, the patient, delegate, auditor]
 * GET  /v1/break-glass/reviews[?limit=N]  break-glass grants waiting for review, oldest first  [auditor]
 * </pre>
 *
 * A delegate reads a patient's consents if their delegation is in force and covers reading {@code
 * Consent}, the access log and decisions if it covers {@code AuditEvent} (see {@link ReadAccess}).
 * {@code limit} is 1 to 1000, 100 if absent. Errors are {@code application/problem+json} (see
 * {@link Problems}): 400 for a malformed path value or parameter, 401 {@code unauthenticated} for a
 * missing or unacceptable signature (see {@link RequestAuthenticator}), 403 {@code forbidden} saying
 * who may read, 404 for what is not on chain.
 */
public final class ApiServer implements AutoCloseable {
  /** How long {@code POST /v1/transactions} waits for the commit before answering 504. */
  public static final Duration DEFAULT_COMMIT_TIMEOUT = Duration.ofSeconds(30);

  private final Javalin app;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ApiServer(Javalin app) {
    this.app = app;
  }

  /** Starts serving; port 0 in {@code listen} picks a free port (see {@link #port()}). */
  public static ApiServer start(NodeConfig.Listen listen, TlsIdentity tls, NodeLedger ledger) {
    return start(listen, tls, ledger, DEFAULT_COMMIT_TIMEOUT);
  }

  public static ApiServer start(NodeConfig.Listen listen, TlsIdentity tls, NodeLedger ledger, Duration commitTimeout) {
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(ledger, "ledger");
    Clock clock = Clock.systemUTC();
    RequestAuthenticator authenticator = new RequestAuthenticator(ledger, new IdentityDirectory(), clock);
    TransactionRoutes transactions = new TransactionRoutes(ledger, commitTimeout);
    BlockRoutes blocks = new BlockRoutes(ledger);
    StatusRoutes status = new StatusRoutes(ledger);
    GovernanceRoutes governance = new GovernanceRoutes(ledger);
    IdentityRoutes identities = new IdentityRoutes(ledger);
    PolicyRoutes policy = new PolicyRoutes(ledger);
    ConsentRoutes consents = new ConsentRoutes(ledger, authenticator, clock);
    AccessRoutes access = new AccessRoutes(ledger, authenticator, clock);
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jsonMapper(new JavalinJackson(JsonMapper.builder().build(), false));
      // A backstop only: the commit timeout answers first.
      config.http.prefer405over404 = true;
      config.http.asyncTimeout = commitTimeout.plusSeconds(10).toMillis();
      config.jetty.addConnector((server, http) -> HttpsConnector.create(server, http, listen, tls));
      config.routes.after(ctx -> ctx.header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff"));
      config.routes.apiBuilder(() -> path("v1", () -> {
        path("transactions", () -> {
          post(transactions::submit);
          get("{id}", transactions::receipt);
        });
        path("blocks", () -> get("{height}", blocks::block));
        path("status", () -> get(status::status));
        path("validators", () -> get(governance::validators));
        path("identities", () -> get("{org}/{name}", identities::identity));
        path("governance/proposals", () -> {
          get(governance::proposals);
          get("{id}", governance::proposal);
        });
        path("policy", () -> get(policy::policy));
        path("patients/{org}/{name}", () -> {
          get("consents", consents::consents);
          get("access-log", access::accessLog);
        });
        path("actors/{org}/{name}", () -> get("decisions", access::decisionsBy));
        path("decisions", () -> get("{id}", access::decision));
        path("break-glass/reviews", () -> get(access::openReviews));
      }));
      Problems.register(config.routes);
    });
    try {
      app.start();
    } catch (RuntimeException e) {
      app.stop();
      throw new IllegalStateException("the API could not listen on " + listen.host() + ":" + listen.port() + ": "
          + e.getMessage(), e);
    }
    return new ApiServer(app);
  }

  /** The port the API listens on (the one picked if the configuration said 0). */
  public int port() {
    return app.port();
  }

  /** Stops serving; idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      app.stop();
    }
  }
}
